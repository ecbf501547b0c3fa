//! `/requests`: the signed-in officer's agency's requests, newest first, with state and the
//! stage's deadline, and those other organizations had sent to it (`Service::agency_requests`).

use askama::Template;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{error_page, render, see_other, session_of, Chrome};
use crate::app::PortalState;

pub struct Row {
    /// The 12 digits, for the link to the request's page.
    pub raw_code: String,
    pub code: String,
    pub state: String,
    pub registered: String,
    pub deadline: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "requests.html")]
pub struct RequestsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub info: Option<String>,
    pub rows: Vec<Row>,
    /// Requests other organizations had sent to this one, from their dispatch on.
    pub received: Vec<Row>,
}

const PAGE: i64 = 100;

pub async fn list(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let session = match session_of(&parts, &state).await {
        Ok(Some(s)) => s,
        Ok(None) => return see_other("/login?ended", vec![]),
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    if session.actor.must_change_password() {
        return see_other("/password", vec![]);
    }
    let found = match state.service.agency_requests(&session.actor, PAGE).await {
        Ok(found) => found,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let chrome = Chrome::new(&parts, &state, Some(&session)).await;
    let row = |r: sanad_service::AgencyRequestLine| Row {
        code: chrome.digits(&r.tracking_code_grouped),
        raw_code: r.tracking_code,
        state: chrome.t(&format!("status-{}", r.status.as_str().replace('_', "-"))),
        registered: chrome.digits(&r.registered_jalali),
        deadline: r
            .deadline_jalali
            .map(|d| chrome.digits(&d))
            .unwrap_or_else(|| chrome.t("portal-requests-no-deadline")),
        overdue: r.overdue,
    };
    let rows = found.requests.into_iter().map(row).collect();
    let received = found.received.into_iter().map(row).collect();
    let changed = parts
        .uri
        .query()
        .is_some_and(|q| q.split('&').any(|kv| kv == "changed"));
    let page = RequestsPage {
        heading: chrome.format(
            "portal-requests-heading",
            &[("org", found.organization_name)],
        ),
        info: changed.then(|| chrome.t("portal-password-changed")),
        rows,
        received,
        chrome,
    };
    let mut page = page;
    let cookies = page.chrome.take_cookies();
    render(StatusCode::OK, cookies, &page)
}
