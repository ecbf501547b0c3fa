//! The receipt after submitting: the tracking code, the PIN, what happens next and the portal's
//! address, with the registration receipt's PDF (A5 and 80 mm) at
//! `/requests/{code}/receipt.pdf?form=KEY&paper=…`. The PDF needs the PIN, so it is served only
//! while the just-issued PIN is kept for this session's form key (`Service::agency_receipt`);
//! afterwards it is "not found".

use askama::Template;
use axum::extract::{Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sanad_service::{AgencySubmission, PortalSession};
use sanad_slip::{PaperSize, RegistrationReceipt};
use serde::Deserialize;

use super::new_request::{form_key, signed_in};
use super::{error_page, render, Chrome};
use crate::app::PortalState;

#[derive(Template)]
#[template(path = "receipt.html")]
pub struct ReceiptPage {
    pub chrome: Chrome,
    pub raw_code: String,
    pub code: String,
    pub pin: Option<String>,
    pub state: String,
    pub registered: String,
    pub next: String,
    pub address: Option<String>,
    /// The form key the PDF links carry, when the PIN is still kept for it.
    pub form: Option<String>,
    pub repeated: bool,
}

/// The receipt page for `done`, submitted from the form with key `form`.
pub async fn show_receipt(
    parts: &Parts,
    state: &PortalState,
    session: &PortalSession,
    done: &AgencySubmission,
    form: &str,
) -> Response {
    let address = match state.service.portal_address().await {
        Ok(a) => a,
        Err(e) => return error_page(parts, state, &e).await,
    };
    let chrome = Chrome::new(parts, state, Some(session)).await;
    let registered = done
        .request
        .history
        .first()
        .map(|s| chrome.digits(&s.at_jalali))
        .unwrap_or_default();
    let mut page = ReceiptPage {
        raw_code: done.tracking_code.clone(),
        code: chrome.digits(&done.request.tracking_code_grouped),
        pin: done.tracking_pin.as_deref().map(|p| chrome.digits(p)),
        state: chrome.t(&done.request.state_message_id),
        registered,
        next: chrome.t("receipt-next-text"),
        address,
        form: (done.tracking_pin.is_some() && form_key(session, form).is_some())
            .then(|| form.to_owned()),
        repeated: done.repeated,
        chrome,
    };
    let cookies = page.chrome.take_cookies();
    render(StatusCode::OK, cookies, &page)
}

#[derive(Deserialize)]
pub struct PdfQuery {
    #[serde(default)]
    form: String,
    #[serde(default)]
    paper: String,
}

/// `GET /requests/{code}/receipt.pdf?form=KEY&paper=a5|80mm`.
pub async fn pdf(
    State(state): State<PortalState>,
    Path(code): Path<String>,
    Query(query): Query<PdfQuery>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let session = match signed_in(&parts, &state).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let not_found = sanad_service::Error::NotFound { what: "request" };
    let Some(key) = form_key(&session, &query.form) else {
        return error_page(&parts, &state, &not_found).await;
    };
    let done = match state
        .service
        .agency_receipt(&session.actor, &code, &key)
        .await
    {
        Ok(d) => d,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let address = match state.service.portal_address().await {
        Ok(a) => a,
        Err(e) => return error_page(&parts, &state, &e).await,
    };
    let lang = super::page_lang(&parts);
    let receipt = RegistrationReceipt {
        tracking_code: done.tracking_code.clone(),
        tracking_code_grouped: done.request.tracking_code_grouped.clone(),
        tracking_pin: done.tracking_pin.clone().unwrap_or_default(),
        registered_at_jalali: done
            .request
            .history
            .first()
            .map(|s| s.at_jalali.clone())
            .unwrap_or_default(),
        requesting_org: done.request.requesting_org_name.clone(),
        portal_address: address,
        directorate: String::new(),
    };
    let paper = PaperSize::parse(&query.paper).unwrap_or(PaperSize::A5);
    let l10n = state.l10n(lang);
    let made =
        tokio::task::spawn_blocking(move || sanad_slip::render_receipt(&receipt, &l10n, paper))
            .await;
    match made {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"receipt-{}.pdf\"", done.tracking_code),
                ),
            ],
            bytes,
        )
            .into_response(),
        _ => {
            tracing::error!("a registration receipt failed to render");
            error_page(
                &parts,
                &state,
                &sanad_service::Error::Storage("receipt".into()),
            )
            .await
        }
    }
}
