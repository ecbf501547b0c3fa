//! `/requests/{code}`: one of the agency's requests — its state as a sentence, since when, the
//! stage's deadline, the next step, and its public history (each state change with its Jalali
//! date and time, and the reason of a send-back or rejection; never who took it). Another
//! agency's code is "not found", as a code that names nothing (`Service::agency_request`).

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{error_page, render, see_other, session_of, Chrome};
use crate::app::PortalState;

pub struct Step {
    pub at: String,
    pub state: String,
    pub reason: Option<String>,
}

#[derive(Template)]
#[template(path = "request.html")]
pub struct RequestPage {
    pub chrome: Chrome,
    pub code: String,
    pub state: String,
    pub since: String,
    pub deadline: String,
    pub next: String,
    pub history: Vec<Step>,
}

pub async fn show(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let session = match session_of(&parts, &state).await {
        Ok(Some(s)) => s,
        Ok(None) => return see_other("/login?ended", vec![]),
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    if session.actor.must_change_password() {
        return see_other("/password", vec![]);
    }
    let found = match state.service.agency_request(&session.actor, &code).await {
        Ok(found) => found,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let chrome = Chrome::new(&parts, &state, Some(&session)).await;
    let status_label = |s: sanad_core::model::Status| {
        chrome.t(&format!("status-{}", s.as_str().replace('_', "-")))
    };
    let history = found
        .history
        .into_iter()
        .map(|s| Step {
            at: chrome.digits(&s.at_jalali),
            state: status_label(s.to_status),
            reason: s.reason,
        })
        .collect();
    let mut page = RequestPage {
        code: chrome.digits(&found.tracking_code_grouped),
        state: chrome.t(&found.state_message_id),
        since: chrome.digits(&found.since_jalali),
        deadline: found
            .deadline_jalali
            .map(|d| chrome.digits(&d))
            .unwrap_or_else(|| chrome.t("portal-requests-no-deadline")),
        next: chrome.t(&found.next_step_message_id),
        history,
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(StatusCode::OK, cookies, &page)
}
