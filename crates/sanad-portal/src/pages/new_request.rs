//! `/requests/new`: the service's electronic form. It works without script: a multipart form
//! with the agency's letter, posted to itself. The handler parses the form and calls one use
//! case, `Service::submit_agency_request` (the desk's validation, the agency's own
//! organization — never from the form — and its own documents); every refused field comes
//! back beside its field with what was typed kept. Each rendering carries a fresh form key
//! (hidden), turned into the registration's idempotency key bound to the session
//! ([`form_key`]), so a double click registers once and shows the same receipt with its PIN.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use sanad_service::{AgencyRequestInput, Applicant, IncomingFile, Letter, PortalSession};
use sha2::{Digest, Sha256};

use super::{error_page, receipt, render, see_other, session_of, Chrome};
use crate::app::PortalState;
use crate::{csrf, faults};

/// One choice of a select or a checkbox list, and whether it is the one chosen.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

/// What the officer typed, as typed (shown back after a refusal).
#[derive(Default, Clone)]
pub struct Typed {
    pub destination_org: String,
    pub documents: Vec<String>,
    pub dispatch_mode: String,
    pub return_due: String,
    pub applicant_name: String,
    pub national_code: String,
    pub mobile: String,
    pub email: String,
    pub letter_number: String,
    pub letter_date: String,
    pub purpose: String,
    pub priority: String,
}

/// Each refused field's message, by the service's field name (`applicant.mobile`, `file`, …).
#[derive(Default)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.get(field)
    }

    pub fn insert(&mut self, field: String, message: String) {
        self.0.insert(field, message);
    }
}

#[derive(Template)]
#[template(path = "new_request.html")]
pub struct NewRequestPage {
    pub chrome: Chrome,
    pub csrf: String,
    pub form_key: String,
    pub typed: Typed,
    pub documents: Vec<Choice>,
    pub destinations: Vec<Choice>,
    pub modes: Vec<Choice>,
    pub priorities: Vec<Choice>,
    pub errors: FieldErrors,
    /// A problem not about one field (the read-only window, a conflict).
    pub error: Option<String>,
    pub file_hint: String,
}

pub async fn page(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let typed = Typed {
        dispatch_mode: "electronic_copy".into(),
        priority: "normal".into(),
        ..Typed::default()
    };
    match form(
        &parts,
        &state,
        &session,
        typed,
        FieldErrors::default(),
        None,
    )
    .await
    {
        Ok(page) => show(StatusCode::OK, page),
        Err(e) => error_page(&parts, &state, &e).await,
    }
}

pub async fn submit(State(state): State<PortalState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let limit = match state.service.scan_limit_bytes().await {
        Ok(l) => l as usize,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let posted = read(&parts, body, limit).await;
    if !csrf::same(&session.csrf_token, &posted.csrf) {
        return super::csrf_refused(&parts, &state, Some(&session)).await;
    }
    let mut errors = FieldErrors::default();
    if posted.too_large {
        let l10n = state.l10n(super::page_lang(&parts));
        let args = [("limit", (limit / (1024 * 1024)).to_string())];
        errors.0.insert(
            "file".into(),
            l10n.digits(&l10n.format("portal-form-file-too-large", &args)),
        );
        return refuse(&parts, &state, &session, posted, errors, None).await;
    }
    let key = form_key(&session, &posted.form_key);
    let input = AgencyRequestInput {
        destination_org: Some(posted.typed.destination_org.clone()),
        documents: posted.typed.documents.clone(),
        dispatch_mode: posted.typed.dispatch_mode.clone(),
        return_due: Some(posted.typed.return_due.clone()),
        applicant: Applicant {
            name: posted.typed.applicant_name.clone(),
            national_code: posted.typed.national_code.clone(),
            mobile: posted.typed.mobile.clone(),
            email: Some(posted.typed.email.clone()),
        },
        letter: Letter {
            number: posted.typed.letter_number.clone(),
            date: posted.typed.letter_date.clone(),
        },
        purpose: posted.typed.purpose.clone(),
        priority: Some(posted.typed.priority.clone()),
    };
    let file = posted.file.clone();
    match state
        .service
        .submit_agency_request(&session.actor, input, key.as_deref(), file)
        .await
    {
        Ok(done) => receipt::show_receipt(&parts, &state, &session, &done, &posted.form_key).await,
        Err(e @ sanad_service::Error::Invalid { .. }) => {
            let l10n = state.l10n(super::page_lang(&parts));
            for (field, message) in field_messages(&e, &l10n) {
                errors.0.insert(field, message);
            }
            refuse(&parts, &state, &session, posted, errors, None).await
        }
        Err(e) if faults::status(&e) == StatusCode::SERVICE_UNAVAILABLE => {
            // The read-only window keeps the form (with its end in Persian); a database fault
            // is the Persian fault page.
            if matches!(e, sanad_service::Error::NotPermitted { .. }) {
                let l10n = state.l10n(super::page_lang(&parts));
                let message = faults::message(&e, &l10n);
                refuse(&parts, &state, &session, posted, errors, Some(message)).await
            } else {
                error_page(&parts, &state, &e).await
            }
        }
        Err(e) => error_page(&parts, &state, &e).await,
    }
}

/// The signed-in officer, or the answer that sends them to sign in (or change the password).
pub(crate) async fn signed_in(
    parts: &Parts,
    state: &PortalState,
) -> Result<PortalSession, Response> {
    match session_of(parts, state).await {
        Ok(Some(s)) if s.actor.must_change_password() => Err(see_other("/password", vec![])),
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(see_other("/login?ended", vec![])),
        Err(e) => Err(error_page(parts, state, &e).await),
    }
}

/// The registration's idempotency key for the form key `posted`: bound to the session (its own
/// secret token goes into it), so a key copied from another session's form registers afresh.
/// `None` when the form carried no plausible key (then the registration is simply not deduplicated).
pub(crate) fn form_key(session: &PortalSession, posted: &str) -> Option<String> {
    let plausible = posted.len() == 64 && posted.bytes().all(|b| b.is_ascii_hexdigit());
    plausible.then(|| {
        let digest = Sha256::new()
            .chain_update(session.csrf_token.as_bytes())
            .chain_update(b"\0")
            .chain_update(posted.as_bytes())
            .finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("portal-{}", &hex[..48])
    })
}

/// Every refused field of `error` and its message in `l10n`'s language.
pub(crate) fn field_messages(
    error: &sanad_service::Error,
    l10n: &sanad_i18n::Localizer,
) -> Vec<(String, String)> {
    let sanad_service::Error::Invalid {
        field,
        message_id,
        args,
        more,
    } = error
    else {
        return Vec::new();
    };
    std::iter::once((field.clone(), l10n.digits(&l10n.message(message_id, args))))
        .chain(more.iter().map(|p| {
            (
                p.field.clone(),
                l10n.digits(&l10n.message(p.message_id, &p.args)),
            )
        }))
        .collect()
}

async fn refuse(
    parts: &Parts,
    state: &PortalState,
    session: &PortalSession,
    posted: Posted,
    errors: FieldErrors,
    error: Option<String>,
) -> Response {
    let status = if error.is_some() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    match form(parts, state, session, posted.typed, errors, error).await {
        Ok(mut page) => {
            // The same form key: the corrected form is still the same submission.
            if form_key(session, &posted.form_key).is_some() {
                page.form_key = posted.form_key;
            }
            show(status, page)
        }
        Err(e) => error_page(parts, state, &e).await,
    }
}

/// The form, filled with `typed`, its selects from the core (the agency's documents, the
/// destinations the desk offers, the vocabulary's modes and priorities).
async fn form(
    parts: &Parts,
    state: &PortalState,
    session: &PortalSession,
    typed: Typed,
    errors: FieldErrors,
    error: Option<String>,
) -> Result<NewRequestPage, sanad_service::Error> {
    let documents = state.service.agency_documents(&session.actor).await?;
    let destinations = state.service.agency_destinations(&session.actor).await?;
    let limit = state.service.scan_limit_bytes().await?;
    let chrome = Chrome::new(parts, state, Some(session)).await;
    let vocabulary = sanad_service::vocabulary();
    let choices = |list: &[sanad_service::Choice], chosen: &str| {
        list.iter()
            .map(|c| Choice {
                label: chrome.t(&c.label_id),
                chosen: c.value == chosen,
                value: c.value.clone(),
            })
            .collect::<Vec<_>>()
    };
    let modes = choices(&vocabulary.dispatch_modes, &typed.dispatch_mode);
    let priorities = choices(&vocabulary.priorities, &typed.priority);
    let documents = documents
        .into_iter()
        .map(|d| Choice {
            chosen: typed.documents.contains(&d.id),
            label: chrome.digits(&format!("{} — {}", d.registry_number, d.title)),
            value: d.id,
        })
        .collect();
    let destinations = destinations
        .into_iter()
        .map(|o| Choice {
            chosen: o.id == typed.destination_org,
            label: o.name,
            value: o.id,
        })
        .collect();
    Ok(NewRequestPage {
        csrf: session.csrf_token.clone(),
        form_key: csrf::random(),
        file_hint: chrome.digits(&chrome.format(
            "portal-form-letter-file-hint",
            &[("limit", (limit / (1024 * 1024)).to_string())],
        )),
        typed,
        documents,
        destinations,
        modes,
        priorities,
        errors,
        error,
        chrome,
    })
}

/// The posted form: its fields, the letter's file, and whether the body was over the limit.
#[derive(Default)]
struct Posted {
    csrf: String,
    form_key: String,
    typed: Typed,
    file: Option<IncomingFile>,
    too_large: bool,
}

/// Reads the multipart body, at most `limit` bytes of file plus the form's own fields. A body
/// over the limit stops the reading there: what was read is kept and `too_large` is set.
async fn read(parts: &Parts, body: axum::body::Body, limit: usize) -> Posted {
    /// Room for the form's text fields and the multipart framing beside the file.
    const FIELDS: usize = 64 * 1024;
    let mut posted = Posted::default();
    let limited = axum::body::Body::new(http_body_util::Limited::new(body, limit + FIELDS));
    let request = Request::from_parts(parts.clone(), limited);
    let Ok(mut multipart) = Multipart::from_request(request, &()).await else {
        return posted;
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                posted.too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "letter" {
            let original_name = field.file_name().map(str::to_owned);
            match field.bytes().await {
                // No file chosen: browsers send an empty part without a name.
                Ok(bytes) if bytes.is_empty() => {}
                Ok(bytes) if bytes.len() > limit => posted.too_large = true,
                Ok(bytes) => {
                    posted.file = Some(IncomingFile {
                        bytes: bytes.to_vec(),
                        original_name,
                        title: None,
                    })
                }
                Err(e) => {
                    posted.too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                    break;
                }
            }
            continue;
        }
        let Ok(value) = field.text().await else { break };
        let t = &mut posted.typed;
        match name.as_str() {
            "csrf" => posted.csrf = value,
            "form_key" => posted.form_key = value,
            "destination_org" => t.destination_org = value,
            "documents" => t.documents.push(value),
            "dispatch_mode" => t.dispatch_mode = value,
            "return_due" => t.return_due = value,
            "applicant_name" => t.applicant_name = value,
            "national_code" => t.national_code = value,
            "mobile" => t.mobile = value,
            "email" => t.email = value,
            "letter_number" => t.letter_number = value,
            "letter_date" => t.letter_date = value,
            "purpose" => t.purpose = value,
            "priority" => t.priority = value,
            _ => {}
        }
    }
    posted
}

fn show(status: StatusCode, mut page: NewRequestPage) -> Response {
    let cookies = page.chrome.take_cookies();
    render(status, cookies, &page)
}
