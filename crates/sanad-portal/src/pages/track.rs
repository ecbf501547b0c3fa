//! `/`: the public lookup. Anyone with a tracking code and its follow-up PIN sees the state as a
//! sentence, since when, and the next step (`Service::public_track`).

use askama::Template;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{render, Chrome};
use crate::app::PortalState;
use crate::{client, csrf, faults};

pub struct TrackResult {
    pub code: String,
    pub kind: String,
    pub state: String,
    pub since: String,
    pub next: String,
}

#[derive(Template)]
#[template(path = "track.html")]
pub struct TrackPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub code: String,
    pub error: Option<String>,
    pub result: Option<TrackResult>,
}

#[derive(Deserialize)]
pub struct TrackForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    pin: String,
}

pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let mut chrome = Chrome::new(&parts, &state, None).await;
    let (token, cookie) = csrf::form_token(&parts.headers, &state);
    chrome.add_cookie_opt(cookie);
    let page = TrackPage {
        chrome,
        csrf: token,
        code: String::new(),
        error: None,
        result: None,
    };
    show(StatusCode::OK, page)
}

pub async fn lookup(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let mut chrome = Chrome::new(&parts, &state, None).await;
    let (token, cookie) = csrf::form_token(&parts.headers, &state);
    chrome.add_cookie_opt(cookie);
    let form: TrackForm = match super::read_form(&parts, body).await {
        Some(form) => form,
        None => TrackForm {
            csrf: String::new(),
            code: String::new(),
            pin: String::new(),
        },
    };
    let mut page = TrackPage {
        // Shown back as typed, in the page's digits.
        code: chrome.digits(&form.code),
        error: None,
        result: None,
        csrf: token,
        chrome,
    };
    if !csrf::form_token_ok(&parts.headers, &form.csrf) {
        page.error = Some(page.chrome.t("portal-csrf-refused"));
        return show(StatusCode::FORBIDDEN, page);
    }
    let address = client::address(&parts, &state);
    let lang = page.chrome.lang();
    match state
        .service
        .public_track(&form.code, &form.pin, &address, lang)
        .await
    {
        Ok(found) => {
            let kind = match found.kind {
                sanad_service::TrackedKind::Request => "portal-track-kind-request",
                sanad_service::TrackedKind::Complaint => "portal-track-kind-complaint",
            };
            page.result = Some(TrackResult {
                code: found.tracking_code_grouped,
                kind: page.chrome.t(kind),
                state: found.state_text,
                since: found.since,
                next: found.next_step_text,
            });
            show(StatusCode::OK, page)
        }
        Err(e) => {
            let (status, message) = faults::for_page(&e, page.chrome.localizer());
            page.error = Some(message);
            show(status, page)
        }
    }
}

fn show(status: StatusCode, mut page: TrackPage) -> Response {
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
