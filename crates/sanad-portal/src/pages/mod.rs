//! The pages, one file each. Every page is rendered from a compile-time checked template
//! (`templates/`), whose `{{ }}` escape HTML, with the frame every page shares ([`Chrome`]).

use std::sync::Arc;

use askama::Template;
use axum::extract::FromRequest;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sanad_i18n::{Lang, Localizer};
use sanad_service::PortalSession;

use crate::app::PortalState;
use crate::{cookies, faults, lang};

pub mod complaints;
pub mod login;
pub mod new_request;
pub mod password;
pub mod receipt;
pub mod request;
pub mod requests;
pub mod track;
pub mod verify;

/// What every page shows around its content: language and direction, the header's links, the
/// signed-in officer, the notices in force.
pub struct Chrome {
    pub lang: &'static str,
    pub dir: &'static str,
    pub other_lang: &'static str,
    /// The other language's own name, for the link to it.
    pub other_name: String,
    /// The same page in the other language.
    pub switch_href: String,
    pub signed_in_name: Option<String>,
    /// The session's token, for the sign-out form.
    pub csrf: Option<String>,
    pub notices: Vec<String>,
    l10n: Arc<Localizer>,
    /// `Set-Cookie` lines the page's response carries (the language chosen by `?lang=`).
    cookies: Vec<String>,
}

impl Chrome {
    /// The frame for the request in `parts`, signed in as `session` or not.
    pub async fn new(
        parts: &Parts,
        state: &PortalState,
        session: Option<&PortalSession>,
    ) -> Chrome {
        let (lang, chosen) = lang::of_page(parts);
        let l10n = state.l10n(lang);
        let other = match lang {
            Lang::Fa => Lang::En,
            Lang::En => Lang::Fa,
        };
        let mut cookies = Vec::new();
        if chosen {
            cookies.push(crate::cookies::set(
                state,
                crate::cookies::LANG,
                lang.code(),
                Some(365 * 86_400),
            ));
        }
        // Notices are public (the service's own public view); a failure to read them must not
        // take the page down with it.
        let notices = match state.service.active_banners(None).await {
            Ok(list) => list
                .into_iter()
                .map(|n| {
                    l10n.digits(&format!(
                        "{} ({} – {})",
                        n.text, n.starts_jalali, n.ends_jalali
                    ))
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        Chrome {
            lang: lang.code(),
            dir: if lang == Lang::Fa { "rtl" } else { "ltr" },
            other_lang: other.code(),
            other_name: state.l10n(other).text("portal-lang-name"),
            switch_href: format!("{}?lang={}", parts.uri.path(), other.code()),
            signed_in_name: session.map(|s| s.actor.display_name().to_owned()),
            csrf: session.map(|s| s.csrf_token.clone()),
            notices,
            l10n,
            cookies,
        }
    }

    /// A message of this page's language.
    pub fn t(&self, id: &str) -> String {
        self.l10n.text(id)
    }

    pub fn format(&self, id: &str, args: &[(&str, String)]) -> String {
        self.l10n.format(id, args)
    }

    /// Digits as this page's language writes them.
    pub fn digits(&self, text: &str) -> String {
        self.l10n.digits(text)
    }

    pub fn lang(&self) -> Lang {
        self.l10n.lang()
    }

    pub fn localizer(&self) -> &Localizer {
        &self.l10n
    }

    pub fn add_cookie_opt(&mut self, cookie: Option<String>) {
        self.cookies.extend(cookie);
    }

    pub fn take_cookies(&mut self) -> Vec<String> {
        std::mem::take(&mut self.cookies)
    }
}

/// The language of the page `parts` asks for.
pub fn page_lang(parts: &Parts) -> Lang {
    lang::of_page(parts).0
}

/// A rendered page with `status` and the page's cookies.
pub fn render<T: Template>(status: StatusCode, cookies: Vec<String>, page: &T) -> Response {
    let html = match page.render() {
        Ok(html) => html,
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut response = (
        status,
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response();
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// 303 See Other to `to`, with `cookies`: after a form, the browser loads the next page by GET,
/// so reloading it posts nothing again.
pub fn see_other(to: &str, cookies: Vec<String>) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(LOCATION, value);
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(SET_COOKIE, value);
        }
    }
    response
}

/// The session the request's cookie names, if it is open. A database fault is the caller's.
pub async fn session_of(
    parts: &Parts,
    state: &PortalState,
) -> Result<Option<PortalSession>, sanad_service::Error> {
    match cookies::get(&parts.headers, cookies::SESSION) {
        Some(token) => state.service.portal_session(&token).await,
        None => Ok(None),
    }
}

/// A posted form (`application/x-www-form-urlencoded`), or `None` when it is not one.
pub async fn read_form<T: serde::de::DeserializeOwned>(
    parts: &Parts,
    body: axum::body::Body,
) -> Option<T> {
    let request = axum::extract::Request::from_parts(parts.clone(), body);
    axum::Form::<T>::from_request(request, &())
        .await
        .ok()
        .map(|f| f.0)
}

/// A page that says what went wrong, in the page's language.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub chrome: Chrome,
    pub heading: String,
    pub message: String,
}

/// The page for an error of the service: 404 for anything not found (or not the officer's),
/// 503 when the database cannot be reached, and the message in the page's language.
pub async fn error_page(
    parts: &Parts,
    state: &PortalState,
    error: &sanad_service::Error,
) -> Response {
    let chrome = Chrome::new(parts, state, None).await;
    let (status, message) = faults::for_page(error, chrome.localizer());
    let page = MessagePage {
        heading: chrome.t("portal-error-heading"),
        message,
        chrome,
    };
    let mut page = page;
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}

/// A signed-in form posted without its session's token: refused, nothing done.
pub async fn csrf_refused(
    parts: &Parts,
    state: &PortalState,
    session: Option<&PortalSession>,
) -> Response {
    let chrome = Chrome::new(parts, state, session).await;
    let mut page = MessagePage {
        heading: chrome.t("portal-error-heading"),
        message: chrome.t("portal-csrf-refused"),
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(StatusCode::FORBIDDEN, cookies, &page)
}

/// Any path the portal does not serve.
pub async fn not_found(
    axum::extract::State(state): axum::extract::State<PortalState>,
    request: axum::extract::Request,
) -> Response {
    let (parts, _) = request.into_parts();
    error_page(
        &parts,
        &state,
        &sanad_service::Error::NotFound { what: "page" },
    )
    .await
}
