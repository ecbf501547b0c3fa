//! `GET /api/v1/destinations`: the organizations the caller's requests may be sent to (the
//! third parties; a request naming none goes to the agency itself).

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::{caller, error};
use crate::app::PortalState;

pub async fn list(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let (actor, lang) = match caller(&state, &parts, "GET /api/v1/destinations").await {
        Ok(c) => c,
        Err(answer) => return answer,
    };
    match state.service.agency_destinations(&actor).await {
        Ok(orgs) => Json(json!({
            "destinations": orgs
                .iter()
                .map(|o| json!({ "id": o.id, "name": o.name, "kind": o.kind }))
                .collect::<Vec<_>>(),
        }))
        .into_response(),
        Err(e) => error(&state, lang, &e),
    }
}
