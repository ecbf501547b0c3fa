//! The JSON API under `/api/v1`. Errors are `{"error": {"code", "messageId", "field", "message"}}`
//! with the message in Persian unless `Accept-Language` puts English first.

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sanad_i18n::Lang;
use serde::Deserialize;
use serde_json::json;

use crate::app::PortalState;
use crate::{client, faults, lang};

#[derive(Deserialize)]
pub struct TrackBody {
    code: String,
    pin: String,
}

/// `POST /api/v1/track` `{"code", "pin"}`: the state as a sentence, since when, the next step.
pub async fn track(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let lang = lang::of_api(&parts.headers);
    let request = Request::from_parts(parts.clone(), body);
    let body = match <Json<TrackBody> as axum::extract::FromRequest<()>>::from_request(request, &())
        .await
    {
        Ok(Json(body)) => body,
        Err(_) => return bad_body(&state, lang),
    };
    let address = client::address(&parts, &state);
    match state
        .service
        .public_track(&body.code, &body.pin, &address, lang)
        .await
    {
        Ok(found) => Json(json!({
            "kind": found.kind,
            "trackingCode": found.tracking_code_grouped,
            "state": found.state,
            "stateText": found.state_text,
            "since": found.since,
            "nextStep": found.next_step_text,
        }))
        .into_response(),
        Err(e) => error(&state, lang, &e),
    }
}

/// The API's answer for a service error.
pub fn error(state: &PortalState, lang: Lang, error: &sanad_service::Error) -> Response {
    let l10n = state.l10n(lang);
    let status = faults::status(error);
    let field = match error {
        sanad_service::Error::Invalid { field, .. } => Some(field.clone()),
        _ => None,
    };
    let body = json!({
        "error": {
            "code": error.code(),
            "messageId": error.message_id(),
            "field": field,
            "message": faults::message(error, &l10n),
        }
    });
    (status, Json(body)).into_response()
}

/// A body that is not the JSON the route takes.
fn bad_body(state: &PortalState, lang: Lang) -> Response {
    error(
        state,
        lang,
        &sanad_service::Error::invalid("body", "error-portal-body"),
    )
}
