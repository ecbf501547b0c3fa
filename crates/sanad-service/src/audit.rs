//! Verifying the audit log's hash chain (the hashing itself is the store's, `store::chain`): each
//! entry's hash covers the previous entry's hash and the entry's canonical bytes, so changing,
//! removing or reordering any entry breaks every hash after it.
//!
//! Public functions: `Service::verify_audit`. Their SQL: `store/ops/audit.rs`.

use crate::store::chain::{entry_hash, ChainedFields};
use crate::store::{on_store, AuditRow};
use crate::{Actor, Service};
use sanad_core::model::Role;
use sanad_core::Result;
use serde::Serialize;

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ts_rs::TS)]
pub struct AuditReport {
    /// Entries checked.
    pub entries: i64,
    /// True when every entry links to the one before and the head matches the last entry.
    pub intact: bool,
    /// The first entry found broken (its sequence number), when not intact.
    pub first_broken: Option<i64>,
    /// Why it is broken: `hash`, `link`, `gap` or `head`.
    pub problem: Option<String>,
}

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
                intact: false,
                first_broken: Some(entries.min(head_seq) + 1),
                problem: Some("head".to_owned()),
            };
        }
        AuditReport {
            entries,
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
        let head = on_store!(&self.store, ops, pool => ops::audit_head(pool).await)?;
        let mut check = ChainCheck::new();
        let mut after = 0;
        loop {
            let page: Vec<AuditRow> = on_store!(&self.store, ops, pool =>
                ops::audit_page(pool, after, PAGE).await)?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            if !page.iter().all(|row| check.push(row)) {
                break;
            }
        }
        Ok(check.finish(head.seq, &head.hash))
    }
}
