//! The JSON API under `/api/v1`, one file per resource: `track.rs` (the public lookup),
//! `requests.rs` (the agency's requests: list, one, register), `destinations.rs`,
//! `ecopies.rs` (the destination's download of its certified copy), and
//! `openapi.rs` (the OpenAPI 3 document describing them all, `openapi.json`).
//!
//! Every route but the lookup and the document takes `Authorization: Bearer TOKEN`: the token
//! is checked, counted for its rate limit and the call audited with its id by the service
//! (`Service::api_caller`) before the route's one use case runs. Errors are
//! `{"error": {"code", "messageId", "field", "message"}}` with the message in Persian unless
//! `Accept-Language` puts English first: 401 without a valid token, 404 for anything not the
//! caller's own (never 403), 422 naming the field, 409 on a conflict, 429 past the rate limit
//! (with `Retry-After`), 503 in a read-only window or when the database is away.

use axum::extract::rejection::JsonRejection;
use axum::extract::FromRequest;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use sanad_i18n::Lang;
use sanad_service::{Actor, Error};
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::app::PortalState;
use crate::{client, faults, lang};

pub mod destinations;
pub mod ecopies;
pub mod openapi;
pub mod requests;
pub mod track;

/// Every route of the API: (method, path under `/api/v1`, handler). The router is built from
/// this table and the OpenAPI document's test reads it, so a route cannot be added unseen.
fn table() -> Vec<(Method, &'static str, MethodRouter<PortalState>)> {
    vec![
        (Method::POST, "/track", post(track::track)),
        (Method::GET, "/requests", get(requests::list)),
        (Method::POST, "/requests", post(requests::create)),
        (Method::GET, "/requests/{code}", get(requests::show)),
        (Method::GET, "/destinations", get(destinations::list)),
        (Method::GET, "/ecopies/{code}", get(ecopies::download)),
        (Method::GET, "/openapi.json", get(openapi::document)),
    ]
}

/// The API's routes as (method, full path), for the tests that hold the OpenAPI document to them.
pub fn route_list() -> Vec<(Method, String)> {
    table()
        .into_iter()
        .map(|(m, p, _)| (m, format!("/api/v1{p}")))
        .collect()
}

/// The routes under `/api/v1` (nested by the router).
pub fn routes() -> Router<PortalState> {
    let mut merged: Vec<(&'static str, MethodRouter<PortalState>)> = Vec::new();
    for (_, path, handler) in table() {
        match merged.iter_mut().find(|(p, _)| *p == path) {
            Some((_, existing)) => *existing = std::mem::take(existing).merge(handler),
            None => merged.push((path, handler)),
        }
    }
    merged
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(path, handler)
        })
        .fallback(no_route)
        .method_not_allowed_fallback(no_method)
}

/// The caller behind the request's bearer token, for the call named `call` (audited with the
/// token's id); the error answer when there is none.
pub async fn caller(
    state: &PortalState,
    parts: &Parts,
    call: &str,
) -> Result<(Actor, Lang), Response> {
    let lang = lang::of_api(&parts.headers);
    let secret = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .unwrap_or("");
    let address = client::address(parts, state);
    match state.service.api_caller(secret, call, &address).await {
        Ok(actor) => Ok((actor, lang)),
        Err(e) => Err(error(state, lang, &e)),
    }
}

/// A JSON body of type `T`; a body that is not JSON, or not of that shape, answers 422 naming
/// `body`.
pub async fn body<T: DeserializeOwned>(
    state: &PortalState,
    lang: Lang,
    parts: &Parts,
    body: axum::body::Body,
) -> Result<T, Response> {
    let request = axum::extract::Request::from_parts(parts.clone(), body);
    match <Json<T> as FromRequest<()>>::from_request(request, &()).await {
        Ok(Json(value)) => Ok(value),
        Err(rejection) => {
            let rejection: JsonRejection = rejection;
            tracing::debug!(error = %rejection, "an API body was refused");
            Err(error(
                state,
                lang,
                &Error::invalid("body", "error-portal-body"),
            ))
        }
    }
}

/// The status an error answers with on the API: the portal's ([`faults::status`]), and 429 for
/// a token past its rate limit.
fn status(error: &Error) -> StatusCode {
    match error {
        Error::NotPermitted {
            message_id: "error-api-rate-limited",
            ..
        } => StatusCode::TOO_MANY_REQUESTS,
        _ => faults::status(error),
    }
}

/// The API's answer for a service error.
pub fn error(state: &PortalState, lang: Lang, error: &Error) -> Response {
    let l10n = state.l10n(lang);
    let status = status(error);
    let field = match error {
        Error::Invalid { field, .. } => Some(field.clone()),
        _ => None,
    };
    let (message_id, message) = match error {
        // Not "user name or password": the API has only tokens.
        Error::AuthenticationFailed => ("error-api-token", l10n.text("error-api-token")),
        Error::NotPermitted {
            message_id: "error-api-rate-limited",
            ..
        } => (
            error.message_id(),
            l10n.message(error.message_id(), &error.args()),
        ),
        _ => (error.message_id(), faults::message(error, &l10n)),
    };
    // What a program reads: an unknown or another agency's record is one "not found".
    let message_id = match error {
        Error::NotPermitted { .. } if status == StatusCode::NOT_FOUND => "error-not-found",
        _ => message_id,
    };
    let code = match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        StatusCode::TOO_MANY_REQUESTS => "rate_limited",
        _ => error.code(),
    };
    let body = json!({
        "error": {
            "code": code,
            "messageId": message_id,
            "field": field,
            "message": message,
        }
    });
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        let seconds = error.args().get("seconds").cloned().unwrap_or_default();
        if let Ok(value) = HeaderValue::from_str(&seconds) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
    }
    response
}

/// A path under `/api/v1` that names no route: JSON, not the pages' HTML.
async fn no_route(
    axum::extract::State(state): axum::extract::State<PortalState>,
    request: axum::extract::Request,
) -> Response {
    plain_error(
        &state,
        request,
        StatusCode::NOT_FOUND,
        "not_found",
        "error-api-route",
    )
}

async fn no_method(
    axum::extract::State(state): axum::extract::State<PortalState>,
    request: axum::extract::Request,
) -> Response {
    plain_error(
        &state,
        request,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "error-api-method",
    )
}

fn plain_error(
    state: &PortalState,
    request: axum::extract::Request,
    status: StatusCode,
    code: &str,
    message_id: &str,
) -> Response {
    let lang = lang::of_api(request.headers());
    let l10n = state.l10n(lang);
    let body = json!({
        "error": {
            "code": code,
            "messageId": message_id,
            "field": null,
            "message": l10n.text(message_id),
        }
    });
    (status, Json(body)).into_response()
}
