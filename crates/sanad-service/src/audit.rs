//! The audit log's hash chain: each entry's hash covers the previous entry's hash and the entry's
//! canonical bytes, so changing, removing or reordering any entry breaks every hash after it.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::store::{on_store, AuditRow};
use crate::{Actor, Service};
use sanad_core::model::Role;
use sanad_core::Result;

/// The fields an entry's hash covers, in a fixed order.
pub struct ChainedFields<'a> {
    pub seq: i64,
    pub at: i64,
    pub user_id: Option<&'a str>,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<&'a str>,
    pub detail: &'a str,
}

/// SHA-256 over the previous hash and the entry as a JSON array (an unambiguous encoding: every
/// field is delimited and escaped), as lowercase hex.
pub fn entry_hash(prev_hash: &str, e: &ChainedFields<'_>) -> String {
    let canonical = serde_json::json!([
        e.seq,
        e.at,
        e.user_id,
        e.action,
        e.entity,
        e.entity_id,
        e.detail
    ]);
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical.to_string().as_bytes());
    hex::encode(hasher.finalize())
}

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
