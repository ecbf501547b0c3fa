//! What an agency's own system reads through the portal's JSON API, beside what the portal's
//! pages read (`portal_requests.rs`): its organization's requests one page at a time, and the
//! organizations a request of it may be sent to. Only the caller's own organization's, read
//! from its account at each call.
//!
//! And registering a request from the agency's system: the body of `sanad request new` without
//! the requesting organization (the caller's own) and with the documents by registry number.
//!
//! Public functions: `Service::agency_request_page`, `Service::agency_destinations`,
//! `Service::agency_register_request`. Their SQL: `store/ops/portal_tokens.rs`.

use sanad_core::access::USES_PORTAL;
use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::{OrgKind, Status};
use sanad_core::{normalize, Error, Problems, Result, TrackingCode};
use serde::{Deserialize, Serialize};

use crate::catalog::org_view;
use crate::clock::from_micros;
use crate::models::{Applicant, Letter, NewRequest, Organization, RequestView};
use crate::portal_requests::AgencyRequestLine;
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

    /// The organizations the caller's requests may be sent to: the third parties (a request
    /// with none goes to the agency itself).
    pub async fn agency_destinations(&self, actor: &Actor) -> Result<Vec<Organization>> {
        self.authorize(actor, USES_PORTAL).await?;
        let rows = on_store!(&self.store, ops, pool =>
            ops::orgs_of_kind(pool, OrgKind::ThirdParty.as_str()).await)?;
        Ok(rows.into_iter().map(org_view).collect())
    }
}

impl Service {
    /// Registers `new` for the caller's organization through the portal channel, as submitted.
    /// With `idempotency_key`, a repeat of a registration this caller already made under that key
    /// answers that request (its follow-up PIN is given once, with the first answer); the key
    /// sent again with another letter or applicant is a conflict.
    pub async fn agency_register_request(
        &self,
        actor: &Actor,
        new: AgencyNewRequest,
        idempotency_key: Option<&str>,
    ) -> Result<RequestView> {
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
                    ops::doc_id_by_registry_number(pool, &number).await)?;
                match found {
                    Some(id) => documents.push(id),
                    None => {
                        p.add(Error::invalid_with(
                            "documents",
                            "error-api-document-unknown",
                            &[("number", number)],
                        ))?;
                    }
                }
            }
        } else {
            documents = new.documents.clone();
        }
        p.finish()?;
        // What a replay under the same key must repeat: the same letter for the same applicant.
        let letter_number = normalize::text(&new.letter.number);
        let national_code = normalize::identifier(&new.applicant.national_code);
        let request = NewRequest {
            requesting_org: org_id,
            destination_org: new.destination_org,
            documents,
            dispatch_mode: new.dispatch_mode,
            return_due: new.return_due,
            applicant: new.applicant,
            letter: new.letter,
            purpose: new.purpose,
            priority: new.priority.unwrap_or_else(|| "normal".to_owned()),
            idempotency_key: idempotency_key.map(str::to_owned),
        };
        let view = self.register(actor, request, "portal").await?;
        let replayed = view.tracking_pin.is_none();
        if replayed
            && (view.letter.number != letter_number
                || view.applicant.national_code != national_code)
        {
            // The key was used for another request: answering that one would mislead.
            return Err(Error::Conflict {
                message_id: "error-api-idempotency-reused",
            });
        }
        Ok(view)
    }
}
