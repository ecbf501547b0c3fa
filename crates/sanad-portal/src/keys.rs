//! `GET /.well-known/sanad-keys.json`: the directorate's published key set (issue 15, item 4),
//! the same document `sanad key public` prints, for anyone verifying a slip or a copy. Public,
//! cached for an hour: a revocation reaches verifiers within that time.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::app::PortalState;

pub async fn key_set(State(state): State<PortalState>) -> Response {
    match state.service.published_keys().await {
        Ok(keys) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "public, max-age=3600"),
                (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            ],
            keys.to_json(),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "the key set could not be read");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
