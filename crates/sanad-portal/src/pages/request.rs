//! `/requests/{code}`: one of the agency's requests — its state as a sentence, since when, the
//! stage's deadline, the next step, and its public history (each state change with its Jalali
//! date and time, and the reason of a send-back or rejection; never who took it). Another
//! agency's code is "not found", as a code that names nothing (`Service::agency_request`).

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;

use serde::Deserialize;

use super::{error_page, render, see_other, session_of, Chrome};
use crate::app::PortalState;
use crate::csrf;

pub struct Step {
    pub at: String,
    pub state: String,
    pub reason: Option<String>,
}

#[derive(Template)]
#[template(path = "request.html")]
pub struct RequestPage {
    pub chrome: Chrome,
    /// The 12 digits, for the correction form's address.
    pub raw_code: String,
    pub code: String,
    pub state: String,
    pub since: String,
    pub deadline: String,
    pub next: String,
    pub history: Vec<Step>,
    pub info: Option<String>,
    /// A request sent to the reader's organization (not one it asked for).
    pub received: bool,
    /// The certified copy may be downloaded: the link's address.
    pub ecopy_link: Option<String>,
    /// Sent back for correction: the form to correct and resubmit it.
    pub correction: Option<Correction>,
}

/// The correction form: the fields the agency may correct, as stored or as just typed, each
/// refused one's message beside it.
pub struct Correction {
    pub csrf: String,
    pub version: i64,
    pub applicant_name: String,
    pub national_code: String,
    pub mobile: String,
    pub email: String,
    pub letter_number: String,
    pub letter_date: String,
    pub purpose: String,
    pub errors: super::new_request::FieldErrors,
    pub error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct CorrectionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    applicant_name: String,
    #[serde(default)]
    national_code: String,
    #[serde(default)]
    mobile: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    letter_number: String,
    #[serde(default)]
    letter_date: String,
    #[serde(default)]
    purpose: String,
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
    let correction = match state
        .service
        .agency_correctable(&session.actor, &code)
        .await
    {
        Ok(c) => c.map(|c| Correction {
            csrf: session.csrf_token.clone(),
            version: c.version,
            applicant_name: c.applicant.name,
            national_code: c.applicant.national_code,
            mobile: c.applicant.mobile,
            email: c.applicant.email.unwrap_or_default(),
            letter_number: c.letter.number,
            letter_date: c.letter.date,
            purpose: c.purpose,
            errors: Default::default(),
            error: None,
        }),
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    page_for(&parts, &state, &session, &code, correction, StatusCode::OK).await
}

/// `GET /requests/{code}/ecopy.pdf`: the certified copy, for the destination's officers (the
/// link on the page); the first download confirms the delivery (`Service::download_ecopy`).
pub async fn ecopy(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let session = match super::new_request::signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match state.service.download_ecopy(&session.actor, &code).await {
        Ok(copy) => crate::api::ecopies::pdf(copy),
        Err(e) => error_page(&parts, &state, &e).await,
    }
}

/// `POST /requests/{code}/resubmit`: the corrected fields, with the version the officer saw.
pub async fn resubmit(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: CorrectionForm = super::read_form(&parts, body).await.unwrap_or_default();
    let session = match super::new_request::signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if !csrf::same(&session.csrf_token, &form.csrf) {
        return super::csrf_refused(&parts, &state, Some(&session)).await;
    }
    let version = form.version.trim().parse().unwrap_or(-1);
    let correction = sanad_service::AgencyCorrection {
        applicant: sanad_service::Applicant {
            name: form.applicant_name.clone(),
            national_code: form.national_code.clone(),
            mobile: form.mobile.clone(),
            email: Some(form.email.clone()),
        },
        letter: sanad_service::Letter {
            number: form.letter_number.clone(),
            date: form.letter_date.clone(),
        },
        purpose: form.purpose.clone(),
    };
    match state
        .service
        .resubmit_agency_request(&session.actor, &code, correction, version)
        .await
    {
        Ok(_) => see_other(&format!("/requests/{code}?resubmitted"), vec![]),
        Err(e) => {
            let l10n = state.l10n(super::page_lang(&parts));
            let mut errors = super::new_request::FieldErrors::default();
            let mut error = None;
            let status = match &e {
                sanad_service::Error::Invalid { .. } => {
                    for (field, message) in super::new_request::field_messages(&e, &l10n) {
                        errors.insert(field, message);
                    }
                    StatusCode::UNPROCESSABLE_ENTITY
                }
                // A desk changed it meanwhile, it is no longer sent back, or the office is in a
                // read-only window: said above the form, what was typed kept.
                sanad_service::Error::Conflict { .. }
                | sanad_service::Error::NotPermitted {
                    message_id: "error-action-not-allowed-in-state" | "error-read-only-maintenance",
                    ..
                } => {
                    error = Some(l10n.digits(&crate::faults::message(&e, &l10n)));
                    match crate::faults::status(&e) {
                        StatusCode::SERVICE_UNAVAILABLE => StatusCode::SERVICE_UNAVAILABLE,
                        _ => StatusCode::CONFLICT,
                    }
                }
                _ => return error_page(&parts, &state, &e).await,
            };
            let correction = Correction {
                csrf: session.csrf_token.clone(),
                version,
                applicant_name: form.applicant_name,
                national_code: form.national_code,
                mobile: form.mobile,
                email: form.email,
                letter_number: form.letter_number,
                letter_date: form.letter_date,
                purpose: form.purpose,
                errors,
                error,
            };
            page_for(&parts, &state, &session, &code, Some(correction), status).await
        }
    }
}

async fn page_for(
    parts: &axum::http::request::Parts,
    state: &PortalState,
    session: &sanad_service::PortalSession,
    code: &str,
    correction: Option<Correction>,
    status: StatusCode,
) -> Response {
    let found = match state.service.agency_request(&session.actor, code).await {
        Ok(found) => found,
        Err(e) => return error_page(parts, state, &e).await,
    };
    let chrome = Chrome::new(parts, state, Some(session)).await;
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
    let resubmitted = parts
        .uri
        .query()
        .is_some_and(|q| q.split('&').any(|kv| kv == "resubmitted"));
    let mut page = RequestPage {
        raw_code: code.to_owned(),
        correction,
        info: resubmitted.then(|| chrome.t("portal-resubmitted")),
        code: chrome.digits(&found.tracking_code_grouped),
        state: chrome.t(&found.state_message_id),
        since: chrome.digits(&found.since_jalali),
        deadline: found
            .deadline_jalali
            .map(|d| chrome.digits(&d))
            .unwrap_or_else(|| chrome.t("portal-requests-no-deadline")),
        next: chrome.t(&found.next_step_message_id),
        history,
        received: found.received,
        ecopy_link: found
            .ecopy_ready
            .then(|| format!("/requests/{code}/ecopy.pdf")),
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
