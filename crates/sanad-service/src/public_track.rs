//! The public lookup: anyone holding a tracking code and its follow-up PIN learns the state of
//! that request or complaint as a sentence, since when, and the next step — nothing personal (no
//! name, national code, contact or staff name). An unknown code and a wrong PIN get one and the
//! same answer, after the same work. Failures are counted per client address and per code in a
//! window; past the limit the key is locked for a while and the answer says until when. Every
//! lookup, answered or not, goes to the audit log. The limits are settings
//! (`portal.track_failures_per_code` 5, `portal.track_failures_per_address` 20,
//! `portal.track_window_minutes` 60, `portal.track_lock_minutes` 15).
//!
//! Public functions: `Service::public_track`. Their SQL: `store/ops/portal.rs`.

use sanad_core::jalali::format_datetime_tehran;
use sanad_core::model::{ComplaintStatus, Status};
use sanad_core::{normalize, Error, Result, TrackingCode};
use sanad_i18n::{Lang, Localizer};
use serde::Serialize;
use serde_json::json;

use crate::clock::from_micros;
use crate::pin::pin_matches;
use crate::store::{on_store, AuditDraft};
use crate::track::TrackedKind;
use crate::Service;

const MINUTE: i64 = 60 * 1_000_000;

/// The answer to "where is my request?" for someone holding its code and PIN.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PublicTrack {
    pub kind: TrackedKind,
    /// `3581-2290-4417`, in the language's digits.
    pub tracking_code_grouped: String,
    pub state: String,
    pub state_text: String,
    pub state_message_id: String,
    /// Jalali date and time in Tehran, in the language's digits.
    pub since: String,
    pub next_step_text: String,
    pub next_step_message_id: String,
}

impl Service {
    /// Looks `code` up with `pin` for the client at `client` (its address, as the front end
    /// saw it). Refused alike for an unknown code and a wrong PIN (`not_found`); a code or an
    /// address past its limit is refused with when to try again.
    pub async fn public_track(
        &self,
        code: &str,
        pin: &str,
        client: &str,
        lang: Lang,
    ) -> Result<PublicTrack> {
        crate::database_file::check_store(&self.store)?;
        let code = TrackingCode::parse(code)?;
        let pin = normalize::identifier(pin);
        let keys = [
            format!("address:{client}"),
            format!("code:{}", code.as_str()),
        ];
        let now = self.now_micros();
        let audit = |action: &str, detail: serde_json::Value| AuditDraft {
            at: now,
            user_id: None,
            action: action.to_owned(),
            entity: "tracking_code".to_owned(),
            entity_id: Some(code.as_str().to_owned()),
            detail,
        };
        let locks = on_store!(&self.store, ops, pool => ops::track_locks(pool, &keys).await)?;
        if let Some(until) = locks.into_iter().filter(|u| *u > now).max() {
            self.record(audit("track.locked", json!({ "client": client })))
                .await?;
            return Err(locked_until(until));
        }
        let row = on_store!(&self.store, ops, pool => ops::tracked(pool, code.as_str()).await)?;
        let stored = row.as_ref().and_then(|r| r.tracking_pin_hash.clone());
        // An unknown code or one without a PIN checks a PIN all the same: the same time.
        let matched = pin_matches(
            stored.as_deref().unwrap_or(UNMATCHABLE),
            code.as_str(),
            &pin,
        ) && stored.is_some();
        match row {
            Some(row) if matched => {
                self.record(audit(
                    "track.lookup",
                    json!({ "client": client, "found": true }),
                ))
                .await?;
                answer(&code, &row.kind, &row.status, row.status_since, lang)
            }
            _ => {
                let limits = [
                    self.setting_or("portal.track_failures_per_address", 20)
                        .await?,
                    self.setting_or("portal.track_failures_per_code", 5).await?,
                ];
                let window = i64::from(self.setting_or("portal.track_window_minutes", 60).await?);
                let lock = i64::from(self.setting_or("portal.track_lock_minutes", 15).await?);
                let lock_until = now + lock * MINUTE;
                let draft = audit("track.lookup", json!({ "client": client, "found": false }));
                let locked = on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
                    let mut locked = None;
                    for (key, limit) in keys.iter().zip(limits) {
                        let stale = now - window * MINUTE;
                        let lock = ops::count_track_failure(
                            w.tx(), key, now, stale, i64::from(limit), lock_until,
                        ).await?;
                        locked = locked.or(lock);
                    }
                    w.audit(draft).await?;
                    Ok(locked)
                }).await)?;
                match locked {
                    Some(until) => Err(locked_until(until)),
                    None => Err(Error::NotFound {
                        what: "tracking_pin",
                    }),
                }
            }
        }
    }
}

/// A well-formed stored PIN no PIN matches (its digest is not hex).
const UNMATCHABLE: &str = "sha256$00000000000000000000000000000000$-";

fn answer(
    code: &TrackingCode,
    kind: &str,
    status: &str,
    since: i64,
    lang: Lang,
) -> Result<PublicTrack> {
    let (kind, state, prefix) = if kind == "complaint" {
        let s = ComplaintStatus::parse("status", status)?;
        (TrackedKind::Complaint, s.as_str(), "track-complaint")
    } else {
        let s = Status::parse("status", status)?;
        (TrackedKind::Request, s.as_str(), "track-request")
    };
    let spelled = state.replace('_', "-");
    let state_message_id = format!("{prefix}-{spelled}");
    let next_step_message_id = format!("{prefix}-next-{spelled}");
    let l10n = Localizer::new(lang);
    Ok(PublicTrack {
        kind,
        tracking_code_grouped: l10n.digits(&code.grouped()),
        state: state.to_owned(),
        state_text: l10n.text(&state_message_id),
        state_message_id,
        since: l10n.digits(&format_datetime_tehran(from_micros(since))),
        next_step_text: l10n.text(&next_step_message_id),
        next_step_message_id,
    })
}

fn locked_until(until: i64) -> Error {
    Error::NotPermitted {
        message_id: "error-track-locked",
        args: [(
            "until".to_owned(),
            format_datetime_tehran(from_micros(until)),
        )]
        .into_iter()
        .collect(),
    }
}
