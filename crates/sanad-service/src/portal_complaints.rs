//! An agency's complaints, suggestions and comments on the portal (`/complaints/new`): filed
//! as a desk files one (`complaints.rs`), linked to one of its own requests or none, and
//! followed on their page — the state, since when, the answer, and the steps without staff
//! names. Only complaints filed by the agency's own accounts are its; any other is "not found".
//!
//! Public functions: `Service::submit_agency_complaint`, `Service::agency_complaint`. Their
//! SQL: `store/ops/complaints.rs`, `store/ops/users.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::model::{ComplaintKind, ComplaintStatus};
use sanad_core::{Error, Result, TrackingCode};
use serde::Serialize;

use crate::complaints::NewComplaint;
use crate::store::on_store;
use crate::{Actor, Service};

/// One step of a complaint as the agency sees it: into which state, when (Jalali, ASCII digits).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyComplaintStep {
    pub to_status: ComplaintStatus,
    pub at_jalali: String,
}

/// A complaint of the agency's, as its page shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyComplaint {
    pub tracking_code: String,
    pub tracking_code_grouped: String,
    pub kind: ComplaintKind,
    pub status: ComplaintStatus,
    /// `track-complaint-…`: the state and the next step as sentences.
    pub state_message_id: String,
    pub next_step_message_id: String,
    pub text: String,
    pub answer: Option<String>,
    pub request_code_grouped: Option<String>,
    pub history: Vec<AgencyComplaintStep>,
    /// The follow-up PIN, in the answer of the filing only.
    pub tracking_pin: Option<String>,
}

impl Service {
    /// Files a complaint, suggestion or comment from the signed-in agency officer, with the
    /// desk's checks; the linked request, if any, must be the agency's own.
    pub async fn submit_agency_complaint(
        &self,
        actor: &Actor,
        new: NewComplaint,
    ) -> Result<AgencyComplaint> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let view = self.file_complaint(actor, new, Some(&org)).await?;
        let mut complaint = self
            .agency_complaint(actor, view.tracking_code.as_str())
            .await?;
        complaint.tracking_pin = view.tracking_pin;
        Ok(complaint)
    }

    /// One of the agency's complaints by tracking code; another's, or a code that names nothing,
    /// is "not found".
    pub async fn agency_complaint(&self, actor: &Actor, code: &str) -> Result<AgencyComplaint> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let not_found = || Error::NotFound { what: "complaint" };
        let code = TrackingCode::parse(code).map_err(|_| not_found())?;
        let row =
            on_store!(&self.store, ops, pool => ops::complaint_by_code(pool, code.as_str()).await)?
                .ok_or_else(not_found)?;
        let filer =
            on_store!(&self.store, ops, pool => ops::user_by_id(pool, &row.created_by).await)?;
        let same_agency = user.organization_id.is_some()
            && filer.and_then(|f| f.organization_id) == user.organization_id;
        if !same_agency {
            return Err(not_found());
        }
        let view = self.complaint_view(actor, &code).await?;
        let spelled = view.status.as_str().replace('_', "-");
        Ok(AgencyComplaint {
            tracking_code: code.as_str().to_owned(),
            tracking_code_grouped: view.tracking_code_grouped,
            kind: view.kind,
            status: view.status,
            state_message_id: format!("track-complaint-{spelled}"),
            next_step_message_id: format!("track-complaint-next-{spelled}"),
            text: view.text,
            answer: view.answer,
            request_code_grouped: view.request_code_grouped,
            history: view
                .history
                .into_iter()
                .map(|h| AgencyComplaintStep {
                    to_status: h.to,
                    at_jalali: h.at_jalali,
                })
                .collect(),
            tracking_pin: None,
        })
    }
}
