//! `GET /api/v1/openapi.json`: the OpenAPI 3 document describing every route, body and error
//! of the API. Written by hand (`openapi.json` in this crate, compiled in); the crate's tests
//! hold it to the router's route table ([`super::route_list`]) and the fuzz test drives the API
//! from it.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The document, as served.
pub const DOCUMENT: &str = include_str!("../../openapi.json");

pub async fn document() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        DOCUMENT,
    )
        .into_response()
}
