//! The portal's public verification (issue 15, item 5): anyone holding a slip's token (what a
//! scanner reads off its QR) or a certified copy's PDF learns whether the directorate signed it,
//! checked against the office's own key set with the same code as `sanad verify`
//! (`sanad_token::verify`, `sanad_slip::ecopy::verify_copy`), and, for an authentic one, whether
//! the request was cancelled or the copy superseded by a newer one since. Nothing personal is
//! answered: the token carries none, and what is added is the destination organization's name
//! and the request's state.
//!
//! Checks are counted per client address (setting `portal.verify_per_address`, default 60, in
//! the lookup's window `portal.track_window_minutes`; past it the address is locked for
//! `portal.track_lock_minutes`), and every check is audited without what was presented.
//! Input that is not a token or a copy at all is an answer (`VerifyProblem::NotAToken`,
//! `NotACopy`), never an error.
//!
//! Public functions: `Service::verify_public`. Their SQL: `store/ops/portal.rs`,
//! `store/ops/keys.rs`, `store/ops/requests.rs`, `store/ops/organizations.rs`.

use sanad_core::model::Status;
use sanad_core::{Error, Result};
use sanad_slip::ecopy::{verify_copy, CopyProblem, NotACopy};
use sanad_token::{Claims, Refusal, TokenKind, Verdict};
use serde_json::json;

use crate::store::{on_store, AuditDraft};
use crate::Service;

const MINUTE: i64 = 60 * 1_000_000;
/// A token is a few hundred characters; anything much longer is not one (and is not parsed).
pub const MAX_TOKEN_CHARS: usize = 4096;

/// What was presented to be checked.
#[derive(Debug, Clone, Copy)]
pub enum Presented<'a> {
    /// A token's text, as pasted.
    Token(&'a str),
    /// A file said to be a certified copy.
    Copy(&'a [u8]),
}

/// Why what was presented is not authentic, or was not checked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyProblem {
    /// The text is not a Sanad token at all.
    NotAToken,
    /// The file is not a PDF with a Sanad token.
    NotACopy,
    /// A PDF that cannot be read: damaged or altered.
    Damaged,
    /// The token is refused: altered, forged, an unknown or a revoked key.
    Token(Refusal),
    /// The token is genuine, the pages around it are not what was signed.
    Copy(CopyProblem),
}

/// The answer: what the token says, whether it is authentic, and what happened since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicVerification {
    pub authentic: bool,
    pub problem: Option<VerifyProblem>,
    /// The claims as read (to be trusted only when `authentic`).
    pub claims: Option<Claims>,
    /// The key that signed it (authentic only), and the key set's issuer (the directorate).
    pub kid: Option<String>,
    pub issuer: String,
    /// The destination organization's name in the register, when the token names one.
    pub destination_name: Option<String>,
    /// The pages of a presented copy.
    pub pages: Option<usize>,
    /// The request was cancelled since (authentic only).
    pub cancelled: bool,
    /// A newer certified copy of the request was issued since this one (authentic copy only).
    pub superseded: bool,
}

impl Service {
    /// Checks `presented` for the client at `client` (its address as the front end saw it).
    /// Refused only when the address is past its limit (with when to try again).
    pub async fn verify_public(
        &self,
        presented: Presented<'_>,
        client: &str,
    ) -> Result<PublicVerification> {
        crate::database_file::check_store(&self.store)?;
        let now = self.now_micros();
        let key = format!("verify:{client}");
        let locks = on_store!(&self.store, ops, pool => ops::track_locks(pool, std::slice::from_ref(&key)).await)?;
        if let Some(until) = locks.into_iter().filter(|u| *u > now).max() {
            return Err(Error::NotPermitted {
                message_id: "error-verify-locked",
                args: [(
                    "until".to_owned(),
                    sanad_core::jalali::format_datetime_tehran(crate::clock::from_micros(until)),
                )]
                .into_iter()
                .collect(),
            });
        }
        let keys = self.published_keys().await?;
        let issuer = keys.issuer.clone();
        let (verdict, pages, copy_problem) = match presented {
            Presented::Token(text) => {
                let text = text.trim();
                match (text.chars().count() <= MAX_TOKEN_CHARS)
                    .then(|| sanad_token::verify(text, &keys))
                {
                    Some(Ok(v)) => (Some(v), None, None),
                    _ => (None, None, Some(VerifyProblem::NotAToken)),
                }
            }
            Presented::Copy(bytes) => {
                let bytes = bytes.to_vec();
                // Reading and hashing every page of a large copy: off the async workers.
                let checked = tokio::task::spawn_blocking(move || verify_copy(&bytes, &keys))
                    .await
                    .map_err(|e| Error::Storage(format!("verify task: {e}")))?;
                match checked {
                    Ok(v) => (
                        Some(v.token),
                        Some(v.pages),
                        v.problem.map(VerifyProblem::Copy),
                    ),
                    Err(NotACopy::NotACopy) => (None, None, Some(VerifyProblem::NotACopy)),
                    Err(NotACopy::Damaged) => (None, None, Some(VerifyProblem::Damaged)),
                }
            }
        };
        let mut answer = PublicVerification {
            authentic: false,
            problem: copy_problem,
            claims: None,
            kid: None,
            issuer,
            destination_name: None,
            pages,
            cancelled: false,
            superseded: false,
        };
        match verdict {
            Some(Verdict::Authentic { claims, kid }) => {
                answer.authentic = answer.problem.is_none();
                answer.kid = Some(kid);
                answer.claims = Some(claims);
            }
            Some(Verdict::NotAuthentic { refusal, claims }) => {
                answer.problem = Some(VerifyProblem::Token(refusal));
                answer.claims = claims;
            }
            None => {}
        }
        // What happened since, for what the directorate did sign.
        if let (Some(claims), Some(_)) = (&answer.claims, &answer.kid) {
            let request = on_store!(&self.store, ops, pool =>
                ops::request_by_code(pool, &claims.tracking_code).await)?;
            if let Some(request) = request {
                answer.cancelled = request.status == Status::Cancelled.as_str();
                if claims.kind == TokenKind::Copy {
                    let current = on_store!(&self.store, ops, pool =>
                        ops::current_ecopy(pool, &request.id).await)?;
                    answer.superseded = current
                        .is_some_and(|c| c.issued_at.div_euclid(1_000_000) > claims.issued_at);
                }
            }
            if let Some(destination) = &claims.destination {
                let id = destination.to_string();
                answer.destination_name = match crate::requests::record_id(&id) {
                    Some(id) => {
                        on_store!(&self.store, ops, pool => ops::org_by_id(pool, id).await)?
                            .map(|o| o.name)
                    }
                    None => None,
                };
            }
        }
        let window = i64::from(self.setting_or("portal.track_window_minutes", 60).await?);
        let lock = i64::from(self.setting_or("portal.track_lock_minutes", 15).await?);
        let limit = i64::from(self.setting_or("portal.verify_per_address", 60).await?);
        let draft = AuditDraft {
            at: now,
            user_id: None,
            action: "verify.check".to_owned(),
            entity: "tracking_code".to_owned(),
            entity_id: answer.claims.as_ref().map(|c| c.tracking_code.clone()),
            detail: json!({
                "client": client,
                "presented": match presented { Presented::Token(_) => "token", Presented::Copy(_) => "copy" },
                "authentic": answer.authentic,
                "problem": answer.problem.as_ref().map(problem_code),
            }),
        };
        on_store!(&self.store, ops, pool => ops::audited_step(pool, async |w| {
            ops::count_track_failure(
                w.tx(), &key, now, now - window * MINUTE, limit, now + lock * MINUTE,
            ).await?;
            w.audit(draft).await
        }).await)?;
        Ok(answer)
    }
}

/// A problem's stable name (the audit log, the front ends' message ids).
pub fn problem_code(problem: &VerifyProblem) -> &'static str {
    match problem {
        VerifyProblem::NotAToken => "not_a_token",
        VerifyProblem::NotACopy => "not_a_copy",
        VerifyProblem::Damaged => "damaged",
        VerifyProblem::Token(refusal) => refusal.as_str(),
        VerifyProblem::Copy(CopyProblem::NotACopyToken) => "not_a_copy_token",
        VerifyProblem::Copy(CopyProblem::QrMismatch) => "qr_mismatch",
        VerifyProblem::Copy(CopyProblem::PageCount { .. }) => "page_count",
        VerifyProblem::Copy(CopyProblem::CertificateAltered) => "certificate_altered",
        VerifyProblem::Copy(CopyProblem::ScanAltered { .. }) => "scan_altered",
    }
}
