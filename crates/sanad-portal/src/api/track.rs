//! `POST /api/v1/track` `{"code", "pin"}`: the public lookup, for anyone holding a tracking code
//! and its follow-up PIN (no token). The state as a sentence, since when, the next step.

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::{body, error};
use crate::app::PortalState;
use crate::{client, lang};

#[derive(Deserialize)]
pub struct TrackBody {
    code: String,
    pin: String,
}

pub async fn track(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, raw) = request.into_parts();
    let lang = lang::of_api(&parts.headers);
    let body: TrackBody = match body(&state, lang, &parts, raw).await {
        Ok(body) => body,
        Err(answer) => return answer,
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
