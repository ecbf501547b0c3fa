//! What an agency officer sees of their own agency's requests on the portal: the list, newest
//! first, with each one's state and the current stage's deadline, and one request's page with
//! its public history. Only the officer's own
//! organization's, read from their account at each call (not from what the portal holds).
//!
//! Public functions: `Service::agency_requests`, `Service::agency_request`. Their SQL: `store/ops/portal.rs`,
//! `store/ops/organizations.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::Status;
use sanad_core::{Error, Result, TrackingCode};
use serde::Serialize;

use crate::clock::from_micros;
use crate::store::on_store;
use crate::{Actor, Service};

const MAX_LIST: i64 = 200;

/// One line of the agency's list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyRequestLine {
    pub tracking_code: String,
    /// `3581-2290-4417` (ASCII digits; the front end writes them in its language).
    pub tracking_code_grouped: String,
    pub status: Status,
    /// Jalali date and time in Tehran, ASCII digits.
    pub registered_jalali: String,
    pub deadline_jalali: Option<String>,
    pub overdue: bool,
}

/// The agency's requests and its name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyRequests {
    pub organization_id: String,
    pub organization_name: String,
    pub requests: Vec<AgencyRequestLine>,
}

impl Service {
    /// The signed-in agency officer's organization's requests, newest first (at most `limit`).
    pub async fn agency_requests(&self, actor: &Actor, limit: i64) -> Result<AgencyRequests> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let limit = limit.clamp(1, MAX_LIST);
        let (org, rows) = on_store!(&self.store, ops, pool => {
            (ops::org_by_id(pool, &org_id).await?, ops::requests_of_org(pool, &org_id, limit).await?)
        });
        let org = org.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let now = self.now_micros();
        let requests = rows
            .into_iter()
            .map(|(code, status, created_at, deadline_at)| {
                let grouped = TrackingCode::parse(&code)
                    .map(|c| c.grouped())
                    .unwrap_or_else(|_| code.clone());
                Ok(AgencyRequestLine {
                    tracking_code_grouped: grouped,
                    tracking_code: code,
                    status: Status::parse("status", &status)?,
                    registered_jalali: format_datetime_tehran(from_micros(created_at)),
                    deadline_jalali: deadline_at.map(|d| format_datetime_tehran(from_micros(d))),
                    overdue: deadline_at.is_some_and(|d| d < now),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(AgencyRequests {
            organization_id: org.id,
            organization_name: org.name,
            requests,
        })
    }
}

/// One step of a request's public history: what happened, into which state, when, and the
/// reason when the step was a send-back or a rejection. Never who did it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PublicStep {
    pub action: String,
    pub to_status: Status,
    /// Jalali date and time in Tehran, ASCII digits.
    pub at_jalali: String,
    pub reason: Option<String>,
}

/// One of the agency's requests as its page shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyRequest {
    pub tracking_code_grouped: String,
    pub status: Status,
    /// The state and the next step, as Fluent ids (`track-request-…`).
    pub state_message_id: String,
    pub next_step_message_id: String,
    /// When it reached this state, and the stage's deadline (Jalali, Tehran, ASCII digits).
    pub since_jalali: String,
    pub deadline_jalali: Option<String>,
    pub history: Vec<PublicStep>,
}

impl Service {
    /// One request of the signed-in officer's agency, by tracking code. Another agency's
    /// request, like a code that names nothing, is "not found": the answer does not tell them
    /// apart.
    pub async fn agency_request(&self, actor: &Actor, code: &str) -> Result<AgencyRequest> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let not_found = || Error::NotFound { what: "request" };
        let code = TrackingCode::parse(code).map_err(|_| not_found())?;
        let page = self.read_page(&code).await.map_err(|e| match e {
            Error::NotFound { .. } => not_found(),
            other => other,
        })?;
        if user.organization_id.as_deref() != Some(page.request.requesting_org_id.as_str()) {
            return Err(not_found());
        }
        let row = page.request;
        let status = Status::parse("status", &row.status)?;
        let spelled = status.as_str().replace('_', "-");
        let history = page
            .history
            .into_iter()
            .map(|t| {
                let reasoned = matches!(t.action.as_str(), "send_back" | "reject");
                Ok(PublicStep {
                    to_status: Status::parse("status", &t.to_status)?,
                    at_jalali: format_datetime_tehran(from_micros(t.at)),
                    reason: if reasoned { t.note } else { None },
                    action: t.action,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(AgencyRequest {
            tracking_code_grouped: code.grouped(),
            status,
            state_message_id: format!("track-request-{spelled}"),
            next_step_message_id: format!("track-request-next-{spelled}"),
            since_jalali: format_datetime_tehran(from_micros(row.status_since)),
            deadline_jalali: row
                .deadline_at
                .map(|d| format_datetime_tehran(from_micros(d))),
            history,
        })
    }
}
