//! `/verify`: public, no sign-in. Anyone checks a slip's token (pasted as a scanner reads it off
//! the QR), a certified copy's PDF (uploaded), or a tracking code with its PIN, against the
//! office's own key set (`Service::verify_public`, the same checks as `sanad verify`; the code
//! and PIN go to the public lookup, `Service::public_track`). The answer says what the token
//! says and whether it is authentic, and whether the request was cancelled or the copy
//! superseded since; nothing personal. Every form carries the pre-session CSRF token; checks are
//! limited per client address. Garbage, a huge paste, a non-PDF upload: a Persian message.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use sanad_core::TrackingCode;
use sanad_service::{Presented, PublicVerification, VerifyProblem};
use sanad_slip::ecopy::CopyProblem;
use sanad_token::{Claims, Refusal, TokenKind};
use serde::Deserialize;

use super::{render, Chrome};
use crate::app::PortalState;
use crate::{client, csrf, faults};

/// The largest copy accepted: a certification page and a few scans at the register's limit.
pub const MAX_COPY_BYTES: usize = 64 * 1024 * 1024;

/// One line of what a token says: a label and its value.
pub struct Line {
    pub label: String,
    pub value: String,
    /// An identifier in Latin letters and digits (the key id), set left to right.
    pub latin: bool,
}

/// The verdict as the page shows it.
pub struct Outcome {
    /// `authentic`, `not-authentic` or `unreadable` (the box's class).
    pub class: &'static str,
    pub headline: String,
    pub detail: Option<String>,
    /// What happened since: cancelled, superseded, or still in force.
    pub since: Vec<String>,
    /// What the token says (marked untrusted unless authentic).
    pub lines: Vec<Line>,
    pub untrusted: bool,
}

#[derive(Template)]
#[template(path = "verify.html")]
pub struct VerifyPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub token: String,
    pub code: String,
    pub error: Option<String>,
    pub outcome: Option<Outcome>,
    /// The lookup's answer for a code and PIN: (state, since, next).
    pub tracked: Option<(String, String, String, String)>,
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    pin: String,
}

async fn blank(parts: &Parts, state: &PortalState) -> VerifyPage {
    let mut chrome = Chrome::new(parts, state, None).await;
    let (token, cookie) = csrf::form_token(&parts.headers, state);
    chrome.add_cookie_opt(cookie);
    VerifyPage {
        chrome,
        csrf: token,
        token: String::new(),
        code: String::new(),
        error: None,
        outcome: None,
        tracked: None,
    }
}

fn show(status: StatusCode, mut page: VerifyPage) -> Response {
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}

/// `GET /verify`.
pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    show(StatusCode::OK, blank(&parts, &state).await)
}

/// `POST /verify/token`: a pasted token.
pub async fn token(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: TokenForm = super::read_form(&parts, body).await.unwrap_or_default();
    let mut page = blank(&parts, &state).await;
    if !csrf::form_token_ok(&parts.headers, &form.csrf) {
        page.error = Some(page.chrome.t("portal-csrf-refused"));
        return show(StatusCode::FORBIDDEN, page);
    }
    // Shown back only when it could be a token: a huge paste is not echoed.
    if form.token.chars().count() <= sanad_service::MAX_TOKEN_CHARS {
        page.token = form.token.trim().to_owned();
    }
    let address = client::address(&parts, &state);
    let checked = state
        .service
        .verify_public(Presented::Token(&form.token), &address)
        .await;
    answer(page, checked)
}

/// `POST /verify/copy`: an uploaded copy (multipart, field `copy`).
pub async fn copy(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let (posted_csrf, file, too_large) = read_upload(&parts, body).await;
    let mut page = blank(&parts, &state).await;
    if !csrf::form_token_ok(&parts.headers, &posted_csrf) {
        page.error = Some(page.chrome.t("portal-csrf-refused"));
        return show(StatusCode::FORBIDDEN, page);
    }
    if too_large {
        page.error = Some(page.chrome.format(
            "portal-verify-too-large",
            &[(
                "mb",
                page.chrome.digits(&(MAX_COPY_BYTES >> 20).to_string()),
            )],
        ));
        return show(StatusCode::PAYLOAD_TOO_LARGE, page);
    }
    let Some(file) = file else {
        page.error = Some(page.chrome.t("portal-verify-no-file"));
        return show(StatusCode::UNPROCESSABLE_ENTITY, page);
    };
    let address = client::address(&parts, &state);
    let checked = state
        .service
        .verify_public(Presented::Copy(&file), &address)
        .await;
    answer(page, checked)
}

/// `POST /verify/code`: a tracking code and its PIN (the public lookup's answer).
pub async fn code(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: CodeForm = super::read_form(&parts, body).await.unwrap_or_default();
    let mut page = blank(&parts, &state).await;
    page.code = page.chrome.digits(&form.code);
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
            page.tracked = Some((
                found.tracking_code_grouped,
                found.state_text,
                found.since,
                found.next_step_text,
            ));
            show(StatusCode::OK, page)
        }
        Err(e) => {
            let (status, message) = faults::for_page(&e, page.chrome.localizer());
            page.error = Some(message);
            show(status, page)
        }
    }
}

/// Reads the upload: the form's token, the file (at most [`MAX_COPY_BYTES`]), and whether it
/// was over that.
async fn read_upload(parts: &Parts, body: axum::body::Body) -> (String, Option<Vec<u8>>, bool) {
    const FIELDS: usize = 16 * 1024;
    let limited =
        axum::body::Body::new(http_body_util::Limited::new(body, MAX_COPY_BYTES + FIELDS));
    let request = Request::from_parts(parts.clone(), limited);
    let (mut csrf, mut file, mut too_large) = (String::new(), None, false);
    let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
        return (csrf, file, too_large);
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        };
        match field.name().unwrap_or_default() {
            "copy" => match field.bytes().await {
                Ok(bytes) if bytes.is_empty() => {}
                Ok(bytes) if bytes.len() > MAX_COPY_BYTES => too_large = true,
                Ok(bytes) => file = Some(bytes.to_vec()),
                Err(e) => {
                    too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                    break;
                }
            },
            "csrf" => csrf = field.text().await.unwrap_or_default(),
            _ => {}
        }
    }
    (csrf, file, too_large)
}

fn answer(mut page: VerifyPage, checked: sanad_service::Result<PublicVerification>) -> Response {
    match checked {
        Ok(v) => {
            let status = if v.authentic {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            page.outcome = Some(outcome(&page.chrome, &v));
            show(status, page)
        }
        Err(e) => {
            let (status, message) = faults::for_page(&e, page.chrome.localizer());
            page.error = Some(message);
            show(status, page)
        }
    }
}

fn outcome(chrome: &Chrome, v: &PublicVerification) -> Outcome {
    let digits = |n: usize| chrome.digits(&n.to_string());
    let (class, headline, detail) = match (&v.problem, &v.kid) {
        (None, Some(_)) => (
            "authentic",
            // The key's id is among the lines, set apart: the sentence keeps Persian digits.
            chrome.format(
                "portal-verify-authentic",
                &[(
                    "issuer",
                    match v.issuer.trim() {
                        "" => chrome.t("portal-verify-issuer-unnamed"),
                        named => named.to_owned(),
                    },
                )],
            ),
            v.pages
                .map(|p| chrome.format("verify-copy-pages-ok", &[("pages", digits(p))])),
        ),
        (Some(VerifyProblem::NotAToken), _) => ("unreadable", chrome.t("verify-not-a-token"), None),
        (Some(VerifyProblem::NotACopy), _) => ("unreadable", chrome.t("verify-not-a-copy"), None),
        (Some(VerifyProblem::Damaged), _) => {
            ("not-authentic", chrome.t("verify-copy-damaged"), None)
        }
        (Some(VerifyProblem::Token(refusal)), _) => (
            "not-authentic",
            chrome.format(
                "verify-not-authentic",
                &[("reason", refusal_text(chrome, refusal))],
            ),
            None,
        ),
        (Some(VerifyProblem::Copy(problem)), _) => (
            "not-authentic",
            chrome.format(
                "verify-not-authentic",
                &[("reason", copy_problem_text(chrome, problem))],
            ),
            None,
        ),
        (None, None) => ("unreadable", chrome.t("verify-not-a-token"), None),
    };
    let mut since = Vec::new();
    if v.authentic {
        if v.cancelled {
            since.push(chrome.t("portal-verify-cancelled"));
        }
        if v.superseded {
            since.push(chrome.t("portal-verify-superseded"));
        }
        if since.is_empty() {
            since.push(chrome.t("portal-verify-in-force"));
        }
    }
    Outcome {
        class,
        headline,
        detail,
        since,
        lines: v
            .claims
            .as_ref()
            .map(|c| claim_lines(chrome, c, v))
            .unwrap_or_default(),
        untrusted: !v.authentic,
    }
}

fn refusal_text(chrome: &Chrome, refusal: &Refusal) -> String {
    let kid = match refusal {
        Refusal::UnknownKey { kid }
        | Refusal::Revoked { kid }
        | Refusal::OutsideValidity { kid } => kid.clone(),
        _ => String::new(),
    };
    chrome.format(
        &format!("verify-reason-{}", refusal.as_str().replace('_', "-")),
        &[("kid", kid)],
    )
}

fn copy_problem_text(chrome: &Chrome, problem: &CopyProblem) -> String {
    let digits = |n: usize| chrome.digits(&n.to_string());
    match problem {
        CopyProblem::NotACopyToken => chrome.t("verify-not-a-copy"),
        CopyProblem::QrMismatch => chrome.t("verify-copy-qr-mismatch"),
        CopyProblem::PageCount { found, signed } => chrome.format(
            "verify-copy-pages-count",
            &[("found", digits(*found)), ("signed", digits(*signed))],
        ),
        CopyProblem::CertificateAltered => chrome.t("verify-copy-certificate-altered"),
        CopyProblem::ScanAltered { n, from, to } => chrome.format(
            "verify-copy-scan-altered",
            &[
                ("n", digits(*n)),
                ("from", digits(*from)),
                ("to", digits(*to)),
            ],
        ),
    }
}

fn time_text(chrome: &Chrome, secs: i64) -> String {
    let at = chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default();
    chrome.digits(&sanad_core::jalali::format_datetime_tehran(at))
}

/// What the token says, label by label (no personal data is in a token).
fn claim_lines(chrome: &Chrome, c: &Claims, v: &PublicVerification) -> Vec<Line> {
    let line = |label: &str, value: String| Line {
        label: chrome.t(label),
        value,
        latin: false,
    };
    let kind = match c.kind {
        TokenKind::Slip => "verify-kind-slip",
        TokenKind::Copy => "verify-kind-copy",
    };
    let code = TrackingCode::parse(&c.tracking_code)
        .map(|t| t.grouped())
        .unwrap_or_else(|_| c.tracking_code.clone());
    let mode = format!("mode-{}", c.dispatch_mode.as_str().replace('_', "-"));
    let mut lines = vec![
        line("portal-verify-kind", chrome.t(kind)),
        line("portal-verify-code", chrome.digits(&code)),
        match (&v.destination_name, &c.destination) {
            (Some(name), _) => line("portal-verify-destination", name.clone()),
            // An identifier the register does not hold: shown as it is, left to right.
            (None, Some(id)) => Line {
                latin: true,
                ..line("portal-verify-destination", id.to_string())
            },
            (None, None) => line(
                "portal-verify-destination",
                chrome.t("portal-verify-destination-requester"),
            ),
        },
        line("portal-verify-mode", chrome.t(&mode)),
        line(
            "portal-verify-dispatched",
            match c.dispatched_at {
                Some(at) => time_text(chrome, at),
                None => chrome.t("portal-verify-not-dispatched"),
            },
        ),
        line("portal-verify-signed", time_text(chrome, c.issued_at)),
    ];
    if let Some(copy) = c.copy {
        lines.push(line(
            "portal-verify-copy-number",
            chrome.digits(&copy.to_string()),
        ));
    }
    if let Some(kid) = &v.kid {
        lines.push(Line {
            latin: true,
            ..line("portal-verify-key", kid.clone())
        });
    }
    lines
}
