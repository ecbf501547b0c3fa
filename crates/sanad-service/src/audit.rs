//! Verifying the audit log's hash chain (the hashing itself is the store's, `store::chain`): each
//! sealed entry's hash covers the previous entry's hash and the entry's canonical bytes, so
//! changing, removing or reordering any entry breaks every hash after it. Entries still queued
//! for the sealer (`crate::sealer`) are checked against their own hashes, and a queue older than
//! [`SEAL_LIMIT_MINUTES`] fails the check: nobody is sealing.
//!
//! Public functions: `Service::verify_audit`. Their SQL: `store/ops/audit.rs`.

use crate::store::chain::{entry_hash, own_hash, ChainedFields};
use crate::store::{on_store, AuditRow, PendingRow};
use crate::{Actor, Service};
use sanad_core::model::Role;
use sanad_core::Result;
use serde::Serialize;

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct AuditReport {
    /// Entries checked: the sealed ones and those still queued.
    pub entries: i64,
    /// How far the log is sealed: the last sequence number on the chain.
    #[serde(default)]
    pub sealed: i64,
    /// Entries queued for the sealer, not yet on the chain.
    #[serde(default)]
    pub pending: i64,
    /// When the oldest queued entry was made (RFC 3339), if any is queued.
    #[serde(default)]
    pub oldest_pending_at: Option<String>,
    /// True when every entry links to the one before, the head matches the last entry, every
    /// queued entry matches its own hash and none has waited longer than the limit.
    pub intact: bool,
    /// The first entry found broken (its sequence number), when not intact.
    pub first_broken: Option<i64>,
    /// Why it is broken: `hash`, `link`, `gap` or `head` (the chain), `pending_hash` (a queued
    /// entry changed) or `unsealed` (the queue waited too long: no desk is sealing).
    pub problem: Option<String>,
}

/// How long an entry may wait for the sealer before verification fails. Desks seal within a
/// second; this only trips when none runs or sealing keeps failing.
pub const SEAL_LIMIT_MINUTES: i64 = 10;

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const PAGE: i64 = 5_000;

/// Walks a chain entry by entry; the first break stops it.
pub(crate) struct ChainCheck {
    prev_hash: String,
    next_seq: i64,
    broken: Option<AuditReport>,
}

impl ChainCheck {
    pub(crate) fn new() -> ChainCheck {
        ChainCheck {
            prev_hash: GENESIS.to_owned(),
            next_seq: 1,
            broken: None,
        }
    }

    fn fail(&mut self, seq: i64, problem: &str) {
        self.broken = Some(AuditReport {
            entries: self.next_seq - 1,
            sealed: self.next_seq - 1,
            pending: 0,
            oldest_pending_at: None,
            intact: false,
            first_broken: Some(seq),
            problem: Some(problem.to_owned()),
        });
    }

    /// Checks the next entry; false once the chain is broken.
    pub(crate) fn push(&mut self, row: &AuditRow) -> bool {
        if self.broken.is_some() {
            return false;
        }
        if row.seq != self.next_seq {
            self.fail(self.next_seq, "gap");
            return false;
        }
        if row.prev_hash != self.prev_hash {
            self.fail(row.seq, "link");
            return false;
        }
        let recomputed = entry_hash(
            &self.prev_hash,
            &ChainedFields {
                seq: row.seq,
                at: row.at,
                user_id: row.user_id.as_deref(),
                action: &row.action,
                entity: &row.entity,
                entity_id: row.entity_id.as_deref(),
                detail: &row.detail,
            },
        );
        if recomputed != row.hash {
            self.fail(row.seq, "hash");
            return false;
        }
        self.prev_hash = recomputed;
        self.next_seq += 1;
        true
    }

    /// The verdict, given the head the store records (the last entry's sequence and hash).
    pub(crate) fn finish(mut self, head_seq: i64, head_hash: &str) -> AuditReport {
        if let Some(broken) = self.broken.take() {
            return broken;
        }
        let entries = self.next_seq - 1;
        if head_seq != entries || head_hash != self.prev_hash {
            // Entries after the last one found were removed, or the head was altered.
            return AuditReport {
                entries,
                sealed: entries,
                pending: 0,
                oldest_pending_at: None,
                intact: false,
                first_broken: Some(entries.min(head_seq) + 1),
                problem: Some("head".to_owned()),
            };
        }
        AuditReport {
            entries,
            sealed: entries,
            pending: 0,
            oldest_pending_at: None,
            intact: true,
            first_broken: None,
            problem: None,
        }
    }
}

impl Service {
    /// Recomputes the chain from the first entry. Auditor and admin only.
    pub async fn verify_audit(&self, actor: &Actor) -> Result<AuditReport> {
        self.authorize(actor, &[Role::Auditor, Role::Admin]).await?;
        // The chain as far as the head said when the check began: a desk may seal more meanwhile.
        let head = on_store!(&self.store, ops, pool => ops::audit_head(pool).await)?;
        let mut check = ChainCheck::new();
        let mut after = 0;
        'pages: loop {
            let page: Vec<AuditRow> = on_store!(&self.store, ops, pool =>
                ops::audit_page(pool, after, PAGE).await)?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for row in &page {
                if row.seq > head.seq || !check.push(row) {
                    break 'pages;
                }
            }
        }
        let mut report = check.finish(head.seq, &head.hash);
        if report.intact && self.entries_past_a_still_head(&head).await? {
            // Entries after the head that no sealer put there: added behind the chain's back.
            report.intact = false;
            report.first_broken = Some(head.seq + 1);
            report.problem = Some("head".to_owned());
        }
        self.check_queue(&mut report).await?;
        Ok(report)
    }

    /// Whether the log holds entries after `head` while the head has not moved since: a sealer
    /// moves the head in the same transaction as it adds entries, so nobody sealed those.
    async fn entries_past_a_still_head(&self, head: &crate::store::AuditHead) -> Result<bool> {
        let beyond: Vec<AuditRow> = on_store!(&self.store, ops, pool =>
            ops::audit_page(pool, head.seq, 1).await)?;
        if beyond.is_empty() {
            return Ok(false);
        }
        let now = on_store!(&self.store, ops, pool => ops::audit_head(pool).await)?;
        Ok(now.seq == head.seq && now.hash == head.hash)
    }

    /// Adds the queue to `report`: each queued entry against its own hash, and its age.
    async fn check_queue(&self, report: &mut AuditReport) -> Result<()> {
        let mut after = 0;
        let mut oldest: Option<i64> = None;
        let mut broken = false;
        loop {
            let page: Vec<PendingRow> = on_store!(&self.store, ops, pool =>
                ops::pending_page(pool, after, PAGE).await)?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for row in &page {
                report.pending += 1;
                oldest = Some(oldest.map_or(row.at, |o| o.min(row.at)));
                let recomputed = own_hash(&ChainedFields {
                    seq: 0,
                    at: row.at,
                    user_id: row.user_id.as_deref(),
                    action: &row.action,
                    entity: &row.entity,
                    entity_id: row.entity_id.as_deref(),
                    detail: &row.detail,
                });
                broken |= recomputed != row.entry_hash;
            }
        }
        report.entries += report.pending;
        report.oldest_pending_at = oldest.map(crate::requests::rfc3339);
        if !report.intact {
            return Ok(());
        }
        let limit = self.now_micros() - SEAL_LIMIT_MINUTES * 60 * 1_000_000;
        let problem = if broken {
            Some("pending_hash")
        } else if oldest.is_some_and(|at| at < limit) {
            Some("unsealed")
        } else {
            None
        };
        if let Some(problem) = problem {
            report.intact = false;
            report.problem = Some(problem.to_owned());
        }
        Ok(())
    }
}
