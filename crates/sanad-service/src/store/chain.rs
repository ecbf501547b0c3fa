//! The audit log's hash chain: each entry's hash covers the previous entry's hash and the entry's
//! canonical bytes, so changing, removing or reordering any entry breaks every hash after it.
//! The store chains entries as it appends them; `crate::audit` recomputes the chain to verify it.

use sha2::{Digest, Sha256};

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

/// A queued entry's own hash: SHA-256 over its fields without a place on the chain (no `seq`, no
/// previous hash), as lowercase hex. Verification checks it for entries not yet sealed; once
/// sealed, the chain's hash covers the same fields and their order.
pub fn own_hash(e: &ChainedFields<'_>) -> String {
    let canonical = serde_json::json!([e.at, e.user_id, e.action, e.entity, e.entity_id, e.detail]);
    let mut hasher = Sha256::new();
    hasher.update(b"sanad-audit-entry\n");
    hasher.update(canonical.to_string().as_bytes());
    hex::encode(hasher.finalize())
}
