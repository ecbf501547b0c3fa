//! What an agency officer sees of their own agency's requests on the portal: the list, newest
//! first, with each one's state and the current stage's deadline, and one request's page with
//! its public history. Only the officer's own
//! organization's, read from their account at each call (not from what the portal holds).
//!
//! An agency also registers a request here (the portal's electronic form and the JSON API call
//! the same use case): the desk's registration with the desk's validation, through the portal
//! channel, for the account's own organization, with its documents picked among those held for
//! it and the agency's letter stored as a desk's attachment is.
//!
//! Public functions: `Service::agency_requests`, `Service::agency_request`,
//! `Service::submit_agency_request`, `Service::agency_documents`,
//! `Service::agency_destinations`, `Service::resubmit_agency_request`. Their SQL: `store/ops/portal.rs`,
//! `store/ops/organizations.rs`, `store/ops/documents.rs`, `store/ops/receipts.rs` (and the
//! registration's, `requests.rs`).

use sanad_core::access::USES_PORTAL;
use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::{DispatchMode, OrgKind, Status};
use sanad_core::models::{Applicant, Document, Letter, NewRequest, Organization};
use sanad_core::workflow;
use sanad_core::{Error, Result, TrackingCode};
use serde::{Deserialize, Serialize};

use crate::catalog::{doc_view, org_view};
use crate::clock::from_micros;
use crate::requests::{self, Intake};
use crate::scans::IncomingFile;
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
    /// Requests another organization had sent to this one, from their dispatch on.
    pub received: Vec<AgencyRequestLine>,
}

impl Service {
    /// The signed-in agency officer's organization's requests, newest first (at most `limit`).
    pub async fn agency_requests(&self, actor: &Actor, limit: i64) -> Result<AgencyRequests> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let limit = limit.clamp(1, MAX_LIST);
        let received_states: Vec<&str> = sanad_core::workflow::RECEIVED_STATES
            .iter()
            .map(|s| s.as_str())
            .collect();
        let (org, rows, received) = on_store!(&self.store, ops, pool => {
            (
                ops::org_by_id(pool, &org_id).await?,
                ops::requests_of_org(pool, &org_id, limit).await?,
                ops::requests_received_by_org(pool, &org_id, &received_states, limit).await?,
            )
        });
        let org = org.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let now = self.now_micros();
        let lines = |rows: Vec<(String, String, i64, Option<i64>)>| {
            rows.into_iter()
                .map(|(code, status, created_at, deadline_at)| {
                    let grouped = TrackingCode::parse(&code)
                        .map(|c| c.grouped())
                        .unwrap_or_else(|_| code.clone());
                    Ok(AgencyRequestLine {
                        tracking_code_grouped: grouped,
                        tracking_code: code,
                        status: Status::parse("status", &status)?,
                        registered_jalali: format_datetime_tehran(from_micros(created_at)),
                        deadline_jalali: deadline_at
                            .map(|d| format_datetime_tehran(from_micros(d))),
                        overdue: deadline_at.is_some_and(|d| d < now),
                    })
                })
                .collect::<Result<Vec<_>>>()
        };
        Ok(AgencyRequests {
            organization_id: org.id,
            organization_name: org.name,
            requests: lines(rows)?,
            received: lines(received)?,
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
    /// The agency's own name (the requesting organization).
    pub requesting_org_name: String,
    pub status: Status,
    /// The state and the next step, as Fluent ids (`track-request-…`).
    pub state_message_id: String,
    pub next_step_message_id: String,
    /// When it reached this state, and the stage's deadline (Jalali, Tehran, ASCII digits).
    pub since_jalali: String,
    pub deadline_jalali: Option<String>,
    pub history: Vec<PublicStep>,
    /// The reader's organization is the destination, not the requester (a received request).
    pub received: bool,
    /// The reader's organization may download the certified copy now (`Service::download_ecopy`).
    pub ecopy_ready: bool,
}

impl Service {
    /// One request of the signed-in officer's agency, by tracking code. Another agency's
    /// request, like a code that names nothing, is "not found": the answer does not tell them
    /// apart.
    ///
    /// The destination's officers see a request sent to them from its dispatch on, with the same
    /// public history as the requester (`Reader::Destination`).
    pub async fn agency_request(&self, actor: &Actor, code: &str) -> Result<AgencyRequest> {
        let (code, page, reader) = self.visible_page(actor, code).await?;
        let electronic = page.request.dispatch_mode == DispatchMode::ElectronicCopy.as_str();
        let is_destination = reader == Reader::Destination
            || crate::ecopy_delivery::destination_of(&page.request)
                == page.request.requesting_org_id;
        let copy_issued = if electronic && is_destination {
            on_store!(&self.store, ops, pool => ops::current_ecopy(pool, &page.request.id).await)?
                .is_some()
        } else {
            false
        };
        let in_received_state = Status::parse("status", &page.request.status)
            .map(|s| workflow::RECEIVED_STATES.contains(&s))
            .unwrap_or(false);
        let ecopy_ready = copy_issued && in_received_state;
        let requesting_org_name = page.requesting.map(|o| o.name).unwrap_or_default();
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
            requesting_org_name,
            status,
            state_message_id: format!("track-request-{spelled}"),
            next_step_message_id: format!("track-request-next-{spelled}"),
            since_jalali: format_datetime_tehran(from_micros(row.status_since)),
            deadline_jalali: row
                .deadline_at
                .map(|d| format_datetime_tehran(from_micros(d))),
            history,
            received: reader == Reader::Destination,
            ecopy_ready,
        })
    }

    /// A request's page as the signed-in officer may see it: their agency's own (the
    /// requester), or one sent to their organization by another, from its dispatch on (the
    /// destination). Anything else is "not found", like a code that names nothing.
    async fn visible_page(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<(TrackingCode, crate::store::RequestPageRows, Reader)> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let not_found = || Error::NotFound { what: "request" };
        let code = TrackingCode::parse(code).map_err(|_| not_found())?;
        let page = self.read_page(&code).await.map_err(|e| match e {
            Error::NotFound { .. } => not_found(),
            other => other,
        })?;
        let org = user.organization_id.as_deref();
        let row = &page.request;
        if org == Some(row.requesting_org_id.as_str()) {
            return Ok((code, page, Reader::Requester));
        }
        let sent = Status::parse("status", &row.status)
            .map(|s| workflow::RECEIVED_STATES.contains(&s))
            .unwrap_or(false);
        if sent && org.is_some() && org == row.destination_org_id.as_deref() {
            return Ok((code, page, Reader::Destination));
        }
        Err(not_found())
    }
}

/// Whose page an officer reads: their agency asked for it, or it was sent to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Requester,
    Destination,
}

/// A request as an agency submits it: the desk's form without the requesting organization,
/// which is always the account's own (never taken from the form or the body).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AgencyRequestInput {
    #[serde(default)]
    pub destination_org: Option<String>,
    /// Ids of documents held for the agency (`Service::agency_documents`).
    pub documents: Vec<String>,
    pub dispatch_mode: String,
    #[serde(default)]
    pub return_due: Option<String>,
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
    #[serde(default)]
    pub priority: Option<String>,
}

/// A registration made by an agency: the request as its page shows it, and its PIN.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencySubmission {
    /// The 12 ASCII digits.
    pub tracking_code: String,
    /// The follow-up PIN. Always there on the first answer, and on a repeat under the same
    /// idempotency key within [`RECEIPT_PIN_MINUTES`]; `None` on a later repeat.
    pub tracking_pin: Option<String>,
    /// True when this was a repeat of a registration already made under the key.
    pub repeated: bool,
    pub request: AgencyRequest,
}

/// How long a repeat of a submission still shows its PIN.
///
/// The request keeps its PIN only as a salted hash (`pin.rs`), so the receipt of a repeat (a
/// double click, a reload after a lost answer) could not show it again. The PIN is therefore
/// kept in clear beside the account and the idempotency key for these minutes, written in the
/// registration's own transaction, answered only to the same account presenting the same key
/// (the portal binds its keys to the session), and deleted at the next registration once the
/// time is over. That is safe for the reason `pin.rs` gives for a fast hash: the PIN opens only
/// the public state of this one request, which anyone able to read this table can already read
/// from the request itself; and the window is short. A PIN derived from a server secret instead
/// would make every PIN of the office computable by whoever holds the secret, forever.
pub const RECEIPT_PIN_MINUTES: i64 = 10;

/// At most this many of an agency's documents or destinations are offered.
const MAX_CHOICES: i64 = 500;

impl Service {
    /// Registers a request from the signed-in agency officer (the portal's form, the JSON API):
    /// exactly the desk's registration and validation, through the portal channel, for the
    /// account's own organization. Its documents must be held for that organization (another
    /// is "not found"). `letter`, the agency's scanned letter, passes the register's file rules
    /// and is stored with the request in the same transaction; a refused file is one more field
    /// error (`file`) beside the others, and nothing is registered. With `idempotency_key`, a
    /// repeat answers the first registration (with its PIN, for a few minutes).
    pub async fn submit_agency_request(
        &self,
        actor: &Actor,
        input: AgencyRequestInput,
        idempotency_key: Option<&str>,
        letter: Option<IncomingFile>,
    ) -> Result<AgencySubmission> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let key = requests::idempotency_key(idempotency_key)?;
        let (letter, letter_problem) = match letter {
            None => (None, None),
            Some(file) => match self.examine_request_file(file).await {
                Ok(file) => (Some(file), None),
                Err(e @ Error::Invalid { .. }) => (None, Some(e)),
                Err(e) => return Err(e),
            },
        };
        let new = NewRequest {
            requesting_org: org_id.clone(),
            destination_org: input.destination_org,
            documents: input.documents,
            dispatch_mode: input.dispatch_mode,
            return_due: input.return_due,
            applicant: input.applicant,
            letter: input.letter,
            purpose: input.purpose,
            priority: input
                .priority
                .filter(|p| !p.trim().is_empty())
                .unwrap_or_else(|| "normal".to_owned()),
            idempotency_key: key.clone(),
        };
        let intake = Intake {
            channel: "portal",
            documents_of: Some(&org_id),
            letter,
            letter_problem,
            keep_pin_until: key
                .as_ref()
                .map(|_| self.now_micros() + RECEIPT_PIN_MINUTES * 60 * 1_000_000),
        };
        let view = self.register(actor, new, intake).await?;
        let code = view.tracking_code.as_str().to_owned();
        let repeated = view.tracking_pin.is_none();
        let tracking_pin = match (view.tracking_pin, &key) {
            (Some(pin), _) => Some(pin),
            (None, Some(key)) => {
                let now = self.now_micros();
                on_store!(&self.store, ops, pool =>
                    ops::receipt_pin(pool, &actor.user_id, key, &code, now).await)?
            }
            (None, None) => None,
        };
        let request = self.agency_request(actor, &code).await?;
        Ok(AgencySubmission {
            tracking_code: code,
            tracking_pin,
            repeated,
            request,
        })
    }

    /// The documents the repository holds for the signed-in officer's agency, by registry
    /// number: the only ones it may ask for.
    pub async fn agency_documents(&self, actor: &Actor) -> Result<Vec<Document>> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let rows = on_store!(&self.store, ops, pool => ops::docs_of_org(pool, &org_id, MAX_CHOICES).await)?;
        Ok(rows.into_iter().map(doc_view).collect())
    }

    /// The third parties an agency may have a document sent to, by name (as the desk offers
    /// them); none chosen means the agency itself.
    pub async fn agency_destinations(&self, actor: &Actor) -> Result<Vec<Organization>> {
        self.authorize(actor, USES_PORTAL).await?;
        let rows =
            on_store!(&self.store, ops, pool => ops::list_orgs(pool, "", MAX_CHOICES).await)?;
        Ok(rows
            .into_iter()
            .filter(|o| o.kind == OrgKind::ThirdParty.as_str())
            .map(org_view)
            .collect())
    }
}

/// What an agency may correct when its request was sent back: the applicant, the letter and the
/// purpose (the documents, destination and mode are what the desk reviewed; a different ask is a
/// new request).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AgencyCorrection {
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
}

/// A sent-back request's current fields, for the correction form.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CorrectableFields {
    pub version: i64,
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
}

impl Service {
    /// The fields of one of the agency's requests that it may correct, while it is sent back for
    /// correction; `None` in any other state. Another agency's request is "not found".
    pub async fn agency_correctable(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<Option<CorrectableFields>> {
        let (_, page, reader) = self.visible_page(actor, code).await?;
        // Only the requester corrects; the destination reads.
        if reader == Reader::Destination {
            return Ok(None);
        }
        let row = page.request;
        if row.status != Status::Correction.as_str() {
            return Ok(None);
        }
        Ok(Some(CorrectableFields {
            version: row.version,
            applicant: Applicant {
                name: row.applicant_name,
                national_code: row.applicant_national_code,
                mobile: row.applicant_mobile,
                email: row.applicant_email,
            },
            letter: Letter {
                number: row.letter_number,
                date: row.letter_date,
            },
            purpose: row.purpose,
        }))
    }

    /// The agency corrects its sent-back request and resubmits it (it goes back to `submitted`):
    /// the same checks as at registration, the version it was looking at (a conflict when a desk
    /// changed it meanwhile), one audited write.
    pub async fn resubmit_agency_request(
        &self,
        actor: &Actor,
        code: &str,
        correction: AgencyCorrection,
        expected_version: i64,
    ) -> Result<AgencyRequest> {
        let (code, page) = self.agency_page(actor, code).await?;
        self.resubmit_corrected(
            actor,
            &code,
            page,
            (
                &correction.applicant,
                &correction.letter,
                &correction.purpose,
            ),
            expected_version,
        )
        .await?;
        self.agency_request(actor, code.as_str()).await
    }

    /// The page of one of the signed-in agency's requests; another's is "not found".
    async fn agency_page(
        &self,
        actor: &Actor,
        code: &str,
    ) -> Result<(TrackingCode, crate::store::RequestPageRows)> {
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
        Ok((code, page))
    }
}
