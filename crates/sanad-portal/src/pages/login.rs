//! `/login` and `/logout`: an agency officer signs in with user name and password
//! (`Service::open_portal_session`) and gets a new session id in a cookie; sign-out ends the
//! session. A session id the browser brought is never adopted: signing in always makes a new
//! one and ends the old.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{error_page, read_form, render, see_other, session_of, Chrome};
use crate::app::PortalState;
use crate::{cookies, csrf, faults};

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub username: String,
    pub error: Option<String>,
    pub info: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let info = parts.uri.query().and_then(|q| {
        q.split('&').find_map(|kv| match kv {
            "bye" => Some("portal-logged-out"),
            "ended" => Some("portal-session-ended"),
            _ => None,
        })
    });
    let mut chrome = Chrome::new(&parts, &state, None).await;
    let (token, cookie) = csrf::form_token(&parts.headers, &state);
    chrome.add_cookie_opt(cookie);
    let page = LoginPage {
        info: info.map(|id| chrome.t(id)),
        chrome,
        csrf: token,
        username: String::new(),
        error: None,
    };
    show(StatusCode::OK, page)
}

pub async fn submit(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: LoginForm = read_form(&parts, body).await.unwrap_or_default();
    let mut chrome = Chrome::new(&parts, &state, None).await;
    let (token, cookie) = csrf::form_token(&parts.headers, &state);
    chrome.add_cookie_opt(cookie);
    let mut page = LoginPage {
        chrome,
        csrf: token,
        username: form.username.clone(),
        error: None,
        info: None,
    };
    if !csrf::form_token_ok(&parts.headers, &form.csrf) {
        page.error = Some(page.chrome.t("portal-csrf-refused"));
        return show(StatusCode::FORBIDDEN, page);
    }
    match state
        .service
        .open_portal_session(&form.username, &form.password)
        .await
    {
        Ok(opened) => {
            // The session the browser held before (if any) ends: one sign-in, one session id.
            if let Some(old) = cookies::get(&parts.headers, cookies::SESSION) {
                let _ = state.service.close_portal_session(&old).await;
            }
            let mut set = page.chrome.take_cookies();
            set.push(cookies::set(&state, cookies::SESSION, &opened.token, None));
            let next = if opened.actor.must_change_password() {
                "/password"
            } else {
                "/requests"
            };
            see_other(next, set)
        }
        Err(e) => {
            let (status, message) = match &e {
                sanad_service::Error::AuthenticationFailed => (
                    StatusCode::UNAUTHORIZED,
                    page.chrome.t("portal-login-failed"),
                ),
                // A locked account says until when.
                sanad_service::Error::NotPermitted { .. } => (
                    StatusCode::FORBIDDEN,
                    page.chrome.localizer().message(e.message_id(), &e.args()),
                ),
                _ => faults::for_page(&e, page.chrome.localizer()),
            };
            page.error = Some(message);
            show(status, page)
        }
    }
}

pub async fn logout(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: TokenForm = read_form(&parts, body).await.unwrap_or_default();
    let session = match session_of(&parts, &state).await {
        Ok(s) => s,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let Some(session) = session else {
        return see_other("/login", vec![cookies::clear(&state, cookies::SESSION)]);
    };
    if !csrf::same(&session.csrf_token, &form.csrf) {
        return super::csrf_refused(&parts, &state, Some(&session)).await;
    }
    if let Some(token) = cookies::get(&parts.headers, cookies::SESSION) {
        if let Err(e) = state.service.close_portal_session(&token).await {
            return error_page(&parts, &state, &e).await;
        }
    }
    see_other("/login?bye", vec![cookies::clear(&state, cookies::SESSION)])
}

fn show(status: StatusCode, mut page: LoginPage) -> Response {
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
