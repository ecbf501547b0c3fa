//! `/password`: the signed-in officer chooses a new password (`Service::change_password`). After
//! signing in with a one-time password this is the only page they reach.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{error_page, read_form, render, see_other, session_of, Chrome};
use crate::app::PortalState;
use crate::csrf;

#[derive(Template)]
#[template(path = "password.html")]
pub struct PasswordPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub forced: bool,
    pub current_error: Option<String>,
    pub new_error: Option<String>,
    pub repeat_error: Option<String>,
    pub error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let session = match session_of(&parts, &state).await {
        Ok(Some(s)) => s,
        Ok(None) => return see_other("/login?ended", vec![]),
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let chrome = Chrome::new(&parts, &state, Some(&session)).await;
    let page = PasswordPage {
        chrome,
        csrf: session.csrf_token.clone(),
        forced: session.actor.must_change_password(),
        current_error: None,
        new_error: None,
        repeat_error: None,
        error: None,
    };
    show(StatusCode::OK, page)
}

pub async fn submit(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: PasswordForm = read_form(&parts, body).await.unwrap_or_default();
    let session = match session_of(&parts, &state).await {
        Ok(Some(s)) => s,
        Ok(None) => return see_other("/login?ended", vec![]),
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    if !csrf::same(&session.csrf_token, &form.csrf) {
        return super::csrf_refused(&parts, &state, Some(&session)).await;
    }
    let chrome = Chrome::new(&parts, &state, Some(&session)).await;
    let mut page = PasswordPage {
        chrome,
        csrf: session.csrf_token.clone(),
        forced: session.actor.must_change_password(),
        current_error: None,
        new_error: None,
        repeat_error: None,
        error: None,
    };
    if form.new != form.repeat {
        page.repeat_error = Some(page.chrome.t("portal-password-mismatch"));
        return show(StatusCode::UNPROCESSABLE_ENTITY, page);
    }
    match state
        .service
        .change_password(&session.actor, &form.current, &form.new)
        .await
    {
        Ok(()) => see_other("/requests?changed", vec![]),
        Err(e) => {
            let (status, message) = crate::faults::for_page(&e, page.chrome.localizer());
            match &e {
                sanad_service::Error::Invalid { field, .. } if field == "current_password" => {
                    page.current_error = Some(message)
                }
                sanad_service::Error::Invalid { .. } => page.new_error = Some(message),
                _ => page.error = Some(message),
            }
            show(status, page)
        }
    }
}

fn show(status: StatusCode, mut page: PasswordPage) -> Response {
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
