//! Status by tracking code, for a clerk answering the phone: what state the request or complaint
//! is in, since when, and what happens next, in plain sentences, with nothing personal beyond a
//! masked name (no national code, no contact).
//!
//! Public functions: `Service::track`, `mask_name`. Their SQL: `store/ops/complaints.rs`,
//! `store/ops/requests.rs`.

use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::{ComplaintStatus, Status};
use sanad_core::{Error, Result, TrackingCode};
use sanad_i18n::{Lang, Localizer};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::clock::from_micros;
use crate::requests::READERS;
use crate::store::on_store;
use crate::{Actor, Service};

/// What a tracking code belongs to.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrackedKind {
    Request,
    Complaint,
}

/// The answer to "where is my request?".
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct TrackStatus {
    pub kind: TrackedKind,
    /// `3581-2290-4417`, in the language's digits.
    pub tracking_code_grouped: String,
    /// The state's stable spelling (`under_review`, `answered`, …).
    pub state: String,
    /// The state as one plain sentence, and its Fluent id.
    pub state_text: String,
    pub state_message_id: String,
    /// When it reached this state: Jalali date and time in Tehran, in the language's digits.
    pub since: String,
    /// What happens next, and its Fluent id.
    pub next_step_text: String,
    pub next_step_message_id: String,
    /// The person's name with all but each word's first letter hidden.
    pub name_masked: String,
}

impl Service {
    /// The status of whatever `code` names (a request or a complaint), in `lang`.
    pub async fn track(&self, actor: &Actor, code: &str, lang: Lang) -> Result<TrackStatus> {
        self.authorize(actor, READERS).await?;
        let code = TrackingCode::parse(code)?;
        let (request, complaint) = on_store!(&self.store, ops, pool => {
            let request = ops::request_by_code(pool, code.as_str()).await?;
            let complaint = match request {
                Some(_) => None,
                None => ops::complaint_by_code(pool, code.as_str()).await?,
            };
            (request, complaint)
        });
        let (kind, state, since, name) = match (request, complaint) {
            (Some(r), _) => {
                let status = Status::parse("status", &r.status)?;
                (
                    TrackedKind::Request,
                    status.as_str(),
                    r.status_since,
                    r.applicant_name,
                )
            }
            (None, Some(c)) => {
                let status = ComplaintStatus::parse("status", &c.status)?;
                (
                    TrackedKind::Complaint,
                    status.as_str(),
                    c.status_since,
                    c.person_name,
                )
            }
            (None, None) => {
                return Err(Error::NotFound {
                    what: "tracking_code",
                })
            }
        };
        let prefix = match kind {
            TrackedKind::Request => "track-request",
            TrackedKind::Complaint => "track-complaint",
        };
        let spelled = state.replace('_', "-");
        let state_message_id = format!("{prefix}-{spelled}");
        let next_step_message_id = format!("{prefix}-next-{spelled}");
        let l10n = Localizer::new(lang);
        Ok(TrackStatus {
            kind,
            tracking_code_grouped: l10n.digits(&code.grouped()),
            state: state.to_owned(),
            state_text: l10n.text(&state_message_id),
            state_message_id,
            since: l10n.digits(&format_datetime_tehran(from_micros(since))),
            next_step_text: l10n.text(&next_step_message_id),
            next_step_message_id,
            name_masked: mask_name(&name),
        })
    }
}

/// «علی رضایی» → «ع** ر****»: enough for the caller to recognise, too little to learn from.
pub fn mask_name(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(String::from).unwrap_or_default();
            let hidden = chars.count().max(2);
            format!("{first}{}", "*".repeat(hidden))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_masked_word_by_word() {
        assert_eq!(mask_name("علی رضایی"), "ع** ر****");
        assert_eq!(mask_name("  ب  "), "ب**");
        assert_eq!(mask_name(""), "");
    }
}
