//! `/complaints/new`: a complaint, suggestion or comment from the signed-in agency officer,
//! linked to one of its requests or none (`Service::submit_agency_complaint`); its tracking code
//! and PIN shown once, and `/complaints/{code}`: where it stands (`Service::agency_complaint`).

use askama::Template;
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use sanad_service::{AgencyComplaint, NewComplaint, PortalSession};
use serde::Deserialize;

use super::new_request::{field_messages, signed_in, Choice, FieldErrors};
use super::{error_page, render, Chrome};
use crate::app::PortalState;
use crate::{csrf, faults};

#[derive(Template)]
#[template(path = "complaint_new.html")]
pub struct NewComplaintPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub kinds: Vec<Choice>,
    pub requests: Vec<Choice>,
    pub name: String,
    pub mobile: String,
    pub email: String,
    pub text: String,
    pub errors: FieldErrors,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "complaint.html")]
pub struct ComplaintPage {
    pub chrome: Chrome,
    pub code: String,
    pub kind: String,
    pub state: String,
    pub next: String,
    pub text: String,
    pub answer: Option<String>,
    pub request: Option<String>,
    pub pin: Option<String>,
    pub history: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct ComplaintForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    request_code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    mobile: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    text: String,
}

pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let form = ComplaintForm {
        kind: "complaint".into(),
        name: session.actor.display_name().to_owned(),
        ..ComplaintForm::default()
    };
    show_form(
        &parts,
        &state,
        &session,
        form,
        FieldErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn submit(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: ComplaintForm = super::read_form(&parts, body).await.unwrap_or_default();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    if !csrf::same(&session.csrf_token, &form.csrf) {
        return super::csrf_refused(&parts, &state, Some(&session)).await;
    }
    let new = NewComplaint {
        kind: form.kind.clone(),
        name: form.name.clone(),
        mobile: Some(form.mobile.clone()),
        email: Some(form.email.clone()),
        text: form.text.clone(),
        request_code: Some(form.request_code.clone()),
    };
    match state
        .service
        .submit_agency_complaint(&session.actor, new)
        .await
    {
        Ok(done) => show_complaint(&parts, &state, &session, done).await,
        Err(e @ sanad_service::Error::Invalid { .. }) => {
            let l10n = state.l10n(super::page_lang(&parts));
            let mut errors = FieldErrors::default();
            for (field, message) in field_messages(&e, &l10n) {
                errors.insert(field, message);
            }
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            show_form(&parts, &state, &session, form, errors, None, status).await
        }
        Err(
            e @ sanad_service::Error::NotPermitted {
                message_id: "error-read-only-maintenance",
                ..
            },
        ) => {
            let l10n = state.l10n(super::page_lang(&parts));
            let message = l10n.digits(&faults::message(&e, &l10n));
            let status = StatusCode::SERVICE_UNAVAILABLE;
            show_form(
                &parts,
                &state,
                &session,
                form,
                FieldErrors::default(),
                Some(message),
                status,
            )
            .await
        }
        Err(e) => error_page(&parts, &state, &e).await,
    }
}

pub async fn show(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match state.service.agency_complaint(&session.actor, &code).await {
        Ok(found) => show_complaint(&parts, &state, &session, found).await,
        Err(e) => error_page(&parts, &state, &e).await,
    }
}

async fn show_complaint(
    parts: &Parts,
    state: &PortalState,
    session: &PortalSession,
    c: AgencyComplaint,
) -> Response {
    let chrome = Chrome::new(parts, state, Some(session)).await;
    let status_label =
        |s: sanad_core::model::ComplaintStatus| chrome.t(&format!("status-{}", s.as_str()));
    let mut page = ComplaintPage {
        code: chrome.digits(&c.tracking_code_grouped),
        kind: chrome.t(&format!("kind-{}", c.kind.as_str())),
        state: chrome.t(&c.state_message_id),
        next: chrome.t(&c.next_step_message_id),
        text: c.text,
        answer: c.answer,
        request: c.request_code_grouped.map(|r| chrome.digits(&r)),
        pin: c.tracking_pin.map(|p| chrome.digits(&p)),
        history: c
            .history
            .into_iter()
            .map(|h| (chrome.digits(&h.at_jalali), status_label(h.to_status)))
            .collect(),
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(StatusCode::OK, cookies, &page)
}

async fn show_form(
    parts: &Parts,
    state: &PortalState,
    session: &PortalSession,
    form: ComplaintForm,
    errors: FieldErrors,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let requests = match state.service.agency_requests(&session.actor, 100).await {
        Ok(r) => r.requests,
        Err(e) => return error_page(parts, state, &e).await,
    };
    let chrome = Chrome::new(parts, state, Some(session)).await;
    let kinds = sanad_service::vocabulary()
        .complaint_kinds
        .iter()
        .map(|k| Choice {
            label: chrome.t(&k.label_id),
            chosen: k.value == form.kind,
            value: k.value.clone(),
        })
        .collect();
    let chosen = sanad_core::normalize::digits_to_ascii(&form.request_code).replace('-', "");
    let requests = requests
        .into_iter()
        .map(|r| Choice {
            chosen: r.tracking_code == chosen,
            label: chrome.digits(&r.tracking_code_grouped),
            value: r.tracking_code,
        })
        .collect();
    let mut page = NewComplaintPage {
        csrf: session.csrf_token.clone(),
        kinds,
        requests,
        name: form.name,
        mobile: form.mobile,
        email: form.email,
        text: form.text,
        errors,
        error,
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
