//! `GET /api/v1/ecopies/{code}`: the certified electronic copy of a request sent to the token's
//! organization, as `application/pdf` (`Service::download_ecopy`). The first download by the
//! destination confirms the delivery; anything not sent to it is 404, never 403. The page's
//! link (`/requests/{code}/ecopy.pdf`) answers with the same headers ([`pdf`]).

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderName};
use axum::response::{IntoResponse, Response};
use sanad_service::EcopyDownload;

use super::{caller, error};
use crate::app::PortalState;

pub async fn download(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let (actor, lang) = match caller(&state, &parts, "GET /api/v1/ecopies/{code}").await {
        Ok(c) => c,
        Err(answer) => return answer,
    };
    match state.service.download_ecopy(&actor, &code).await {
        Ok(copy) => pdf(copy),
        Err(e) => error(&state, lang, &e),
    }
}

/// The copy as a download: saved, never shown inline by a browser, never kept by a cache.
pub fn pdf(copy: EcopyDownload) -> Response {
    let headers: [(HeaderName, String); 4] = [
        (header::CONTENT_TYPE, "application/pdf".to_owned()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", copy.file_name),
        ),
        (header::CACHE_CONTROL, "no-store".to_owned()),
        (HeaderName::from_static("x-sanad-sha256"), copy.sha256),
    ];
    (headers, copy.pdf).into_response()
}
