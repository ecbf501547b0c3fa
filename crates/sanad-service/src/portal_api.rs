//! What an agency's own system reads through the portal's JSON API, beside what the portal's
//! pages read (`portal_requests.rs`): its organization's requests one page at a time, and the
//! organizations a request of it may be sent to. Only the caller's own organization's, read
//! from its account at each call. (The destinations it may send to are the portal form's,
//! `Service::agency_destinations`.)
//!
//! And registering a request from the agency's system: the body of `sanad request new` without
//! the requesting organization (the caller's own) and with the documents by registry number.
//!
//! Public functions: `Service::agency_request_page`, `Service::agency_register_request`. Their SQL: `store/ops/portal_tokens.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::Status;
use sanad_core::{normalize, Error, Problems, Result, TrackingCode};
use serde::{Deserialize, Serialize};

use crate::clock::from_micros;
use crate::models::{Applicant, Letter};
use crate::portal_requests::AgencyRequestLine;
use crate::portal_requests::{AgencyRequestInput, AgencySubmission};
use crate::store::on_store;
use crate::{Actor, Service};

/// The most lines one page holds.
pub const MAX_PER_PAGE: u32 = 100;

/// A request from an agency's system: `sanad request new`'s body without `requesting_org`, the
/// documents by their registry numbers. Every field may be missing, so that validation names
/// the one that is (rather than the JSON parser refusing the whole body).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AgencyNewRequest {
    pub destination_org: Option<String>,
    pub documents: Vec<String>,
    pub dispatch_mode: String,
    pub return_due: Option<String>,
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
    pub priority: Option<String>,
}

/// One page of the agency's requests, newest first.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AgencyRequestPage {
    pub page: u32,
    pub per_page: u32,
    pub total: i64,
    pub requests: Vec<AgencyRequestLine>,
}

impl Service {
    /// Page `page` (from 1) of `per_page` (1 to 100) of the caller's organization's requests.
    pub async fn agency_request_page(
        &self,
        actor: &Actor,
        page: u32,
        per_page: u32,
    ) -> Result<AgencyRequestPage> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        if page == 0 || page > 1_000_000 {
            return Err(Error::invalid("page", "error-api-page"));
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(Error::invalid_with(
                "per_page",
                "error-api-per-page",
                &[("max", MAX_PER_PAGE.to_string())],
            ));
        }
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let offset = i64::from(page - 1) * i64::from(per_page);
        let (rows, total) = on_store!(&self.store, ops, pool =>
            ops::requests_of_org_page(pool, &org_id, i64::from(per_page), offset).await)?;
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
        Ok(AgencyRequestPage {
            page,
            per_page,
            total,
            requests,
        })
    }
}

impl Service {
    /// Registers `new` for the caller's organization through the portal channel, as submitted
    /// ([`Service::submit_agency_request`], the portal form's use case), with its documents
    /// given by registry number: a number the repository does not hold for the caller's agency
    /// is refused as unknown, whether it exists for another agency or not at all. With
    /// `idempotency_key`, a repeat answers the first registration; the key sent again with
    /// another letter or applicant is a conflict.
    pub async fn agency_register_request(
        &self,
        actor: &Actor,
        new: AgencyNewRequest,
        idempotency_key: Option<&str>,
    ) -> Result<AgencySubmission> {
        let user = self.authorize_user(actor, USES_PORTAL, false).await?;
        let org_id = user.organization_id.ok_or(Error::NotFound {
            what: "organization",
        })?;
        let mut p = Problems::default();
        let mut documents = Vec::with_capacity(new.documents.len());
        // More than the register's limit is refused by the registration itself; no lookups.
        if new.documents.len() <= 20 {
            for number in &new.documents {
                let number = normalize::digits_to_ascii(&normalize::text(number));
                let found = on_store!(&self.store, ops, pool =>
                    ops::agency_doc_by_registry_number(pool, &org_id, &number).await)?;
                match found {
                    Some(id) => documents.push(id),
                    None => p.add(Error::invalid_with(
                        "documents",
                        "error-api-document-unknown",
                        &[("number", number)],
                    ))?,
                }
            }
        } else {
            documents = new.documents.clone();
        }
        p.finish()?;
        // What a repeat under the same key must repeat: the same letter for the same applicant.
        let letter_number = normalize::text(&new.letter.number);
        let national_code = normalize::identifier(&new.applicant.national_code);
        let input = AgencyRequestInput {
            destination_org: new.destination_org,
            documents,
            dispatch_mode: new.dispatch_mode,
            return_due: new.return_due,
            applicant: new.applicant,
            letter: new.letter,
            purpose: new.purpose,
            priority: new.priority,
        };
        let submitted = self
            .submit_agency_request(actor, input, idempotency_key, None)
            .await?;
        if submitted.repeated {
            let first = on_store!(&self.store, ops, pool =>
                ops::registration_fingerprint(pool, &submitted.tracking_code).await)?;
            if first != Some((letter_number, national_code)) {
                // The key was used for another request: answering that one would mislead.
                return Err(Error::Conflict {
                    message_id: "error-api-idempotency-reused",
                });
            }
        }
        Ok(submitted)
    }
}
