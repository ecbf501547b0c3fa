//! The agency's requests: `GET /api/v1/requests?page=&per_page=` (its own, newest first),
//! `GET /api/v1/requests/{code}` (state and public history, as its page shows them: never a
//! staff name), `POST /api/v1/requests` (register one; `Idempotency-Key` makes a retry answer
//! the same request).

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sanad_i18n::Localizer;
use sanad_service::{AgencyNewRequest, AgencyRequestLine, Error};
use serde_json::{json, Value};

use super::{body, caller, error};
use crate::app::PortalState;

/// The page size when `per_page` is not given.
const DEFAULT_PER_PAGE: u32 = 20;

pub async fn list(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let (actor, lang) = match caller(&state, &parts, "GET /api/v1/requests").await {
        Ok(c) => c,
        Err(answer) => return answer,
    };
    let query = axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
        .map(|q| q.0)
        .unwrap_or_default();
    let (page, per_page) = match paging(&query) {
        Ok(p) => p,
        Err(e) => return error(&state, lang, &e),
    };
    match state
        .service
        .agency_request_page(&actor, page, per_page)
        .await
    {
        Ok(found) => {
            let l10n = state.l10n(lang);
            Json(json!({
                "page": found.page,
                "per_page": found.per_page,
                "total": found.total,
                "requests": found.requests.iter().map(|r| line(r, &l10n)).collect::<Vec<_>>(),
            }))
            .into_response()
        }
        Err(e) => error(&state, lang, &e),
    }
}

pub async fn show(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let (actor, lang) = match caller(&state, &parts, "GET /api/v1/requests/{code}").await {
        Ok(c) => c,
        Err(answer) => return answer,
    };
    match state.service.agency_request(&actor, &code).await {
        Ok(found) => {
            let l10n = state.l10n(lang);
            let history: Vec<Value> = found
                .history
                .iter()
                .map(|s| {
                    json!({
                        "action": s.action,
                        "status": s.to_status,
                        "status_text": status_text(&l10n, s.to_status),
                        "at": s.at_jalali,
                        "reason": s.reason,
                    })
                })
                .collect();
            Json(json!({
                "tracking_code": found.tracking_code_grouped.replace('-', ""),
                "tracking_code_grouped": found.tracking_code_grouped,
                "status": found.status,
                "status_text": l10n.text(&found.state_message_id),
                "since": found.since_jalali,
                "deadline": found.deadline_jalali,
                "next_step": l10n.text(&found.next_step_message_id),
                "history": history,
            }))
            .into_response()
        }
        Err(e) => error(&state, lang, &e),
    }
}

pub async fn create(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, raw) = request.into_parts();
    let (actor, lang) = match caller(&state, &parts, "POST /api/v1/requests").await {
        Ok(c) => c,
        Err(answer) => return answer,
    };
    let new: AgencyNewRequest = match body(&state, lang, &parts, raw).await {
        Ok(new) => new,
        Err(answer) => return answer,
    };
    let key = match parts.headers.get("idempotency-key") {
        None => None,
        Some(v) => match v.to_str() {
            Ok(v) => Some(v.to_owned()),
            Err(_) => {
                let e = Error::invalid("idempotency_key", "error-idempotency-key");
                return error(&state, lang, &e);
            }
        },
    };
    match state
        .service
        .agency_register_request(&actor, new, key.as_deref())
        .await
    {
        Ok(done) => {
            let l10n = state.l10n(lang);
            let body = json!({
                "tracking_code": done.tracking_code,
                "tracking_code_grouped": done.request.tracking_code_grouped,
                // Given with the first answer, and with a repeat under the same key for a few
                // minutes; only its hash is kept, so a later repeat has none.
                "tracking_pin": done.tracking_pin,
                "status": done.request.status,
                "status_text": status_text(&l10n, done.request.status),
                "repeated": done.repeated,
            });
            (StatusCode::CREATED, Json(body)).into_response()
        }
        Err(e) => error(&state, lang, &e),
    }
}

fn line(r: &AgencyRequestLine, l10n: &Localizer) -> Value {
    json!({
        "tracking_code": r.tracking_code,
        "tracking_code_grouped": r.tracking_code_grouped,
        "status": r.status,
        "status_text": status_text(l10n, r.status),
        "registered": r.registered_jalali,
        "deadline": r.deadline_jalali,
        "overdue": r.overdue,
    })
}

fn status_text(l10n: &Localizer, status: sanad_core::model::Status) -> String {
    l10n.text(&format!("status-{}", status.as_str().replace('_', "-")))
}

/// `page` and `per_page` from the query (1 and 20 when absent); a value that is not a number
/// names its field.
fn paging(query: &[(String, String)]) -> Result<(u32, u32), Error> {
    let mut page = 1;
    let mut per_page = DEFAULT_PER_PAGE;
    for (key, value) in query {
        let number = || {
            sanad_core::normalize::digits_to_ascii(value.trim())
                .parse::<u32>()
                .ok()
        };
        match key.as_str() {
            "page" => page = number().ok_or_else(|| Error::invalid("page", "error-api-page"))?,
            "per_page" => {
                per_page = number().ok_or_else(|| {
                    Error::invalid_with(
                        "per_page",
                        "error-api-per-page",
                        &[("max", sanad_service::MAX_PER_PAGE.to_string())],
                    )
                })?
            }
            _ => {}
        }
    }
    Ok((page, per_page))
}
