//! After a crash, a server fault or a load run: is every acknowledged write there, and is
//! nothing doubled or half-applied? Reads the tables directly, below the service API.

use std::collections::HashSet;

use sanad_core::model::Role;
use sanad_service::{Service, Store};

use crate::office::sign_in;
use crate::text;

/// A write a desk was told succeeded: the request `code` reached version `seq` by `action`
/// (`register` is version 1).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ack {
    pub code: String,
    pub seq: i64,
    pub action: String,
}

impl Ack {
    /// One line of a writer's output: `ACK <code> <seq> <action>`.
    pub fn line(&self) -> String {
        format!("ACK {} {} {}", self.code, self.seq, self.action)
    }

    pub fn parse(line: &str) -> Option<Ack> {
        let mut parts = line.split_whitespace();
        if parts.next()? != "ACK" {
            return None;
        }
        Some(Ack {
            code: parts.next()?.to_owned(),
            seq: parts.next()?.parse().ok()?,
            action: parts.next()?.to_owned(),
        })
    }
}

/// What the checks found. Every count but `requests` and `transitions` must be zero.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Findings {
    pub requests: i64,
    pub transitions: i64,
    /// Tracking codes held by more than one request.
    pub duplicate_codes: i64,
    /// Requests whose version is not their number of transitions (a step doubled or missing).
    pub version_mismatches: i64,
    /// Transitions that do not start where the one before ended (a step applied twice).
    pub broken_histories: i64,
    /// Requests whose audit entries do not match their transitions one for one.
    pub unaudited: i64,
    /// Requests without documents, or claimed codes without their request.
    pub half_applied: i64,
    /// Acknowledged writes that are not in the database.
    pub lost_acks: i64,
    /// Idempotency keys (per clerk) held by more than one request.
    pub duplicate_keys: i64,
    pub audit_intact: bool,
    /// SQLite's `PRAGMA integrity_check` (always "ok" on PostgreSQL).
    pub integrity_check: String,
}

impl Findings {
    pub fn clean(&self) -> bool {
        self.duplicate_codes == 0
            && self.version_mismatches == 0
            && self.broken_histories == 0
            && self.unaudited == 0
            && self.half_applied == 0
            && self.lost_acks == 0
            && self.duplicate_keys == 0
            && self.audit_intact
            && self.integrity_check == "ok"
    }
}

/// Request audit entries that are not steps (an auditor's look, a printed slip).
const NOT_STEPS: &str = "'request.view_personal', 'request.slip_print', 'request.slip_reprint'";

macro_rules! count {
    ($store:expr, $sql:expr) => {
        match $store {
            Store::Sqlite(p) => sqlx::query_scalar::<_, i64>($sql).fetch_one(p).await,
            Store::Postgres(p) => sqlx::query_scalar::<_, i64>($sql).fetch_one(p).await,
        }
        .map_err(|e| e.to_string())?
    };
}

/// Runs every check; `acks` are the writes the desks were told succeeded.
pub async fn check(svc: &Service, acks: &HashSet<Ack>) -> Result<Findings, String> {
    // Every step's entry on the chain first: the counts below read the sealed log.
    svc.seal_audit().await.map_err(text)?;
    let store = svc.store();
    let mut f = Findings {
        requests: count!(store, "SELECT COUNT(*) FROM requests"),
        transitions: count!(store, "SELECT COUNT(*) FROM transitions"),
        duplicate_codes: count!(
            store,
            "SELECT COUNT(*) FROM (SELECT tracking_code FROM requests GROUP BY tracking_code \
             HAVING COUNT(*) > 1) d"
        ),
        version_mismatches: count!(
            store,
            "SELECT COUNT(*) FROM requests r WHERE r.version <> \
             (SELECT COUNT(*) FROM transitions t WHERE t.request_id = r.id)"
        ),
        broken_histories: count!(
            store,
            "SELECT COUNT(*) FROM transitions t JOIN transitions p \
             ON p.request_id = t.request_id AND p.seq = t.seq - 1 \
             WHERE t.from_status IS NULL OR t.from_status <> p.to_status"
        ),
        unaudited: count!(
            store,
            &format!(
                "SELECT COUNT(*) FROM requests r WHERE r.version <> \
                 (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'request' \
                 AND a.entity_id = r.id AND a.action NOT IN ({NOT_STEPS}))"
            )
        ),
        half_applied: count!(
            store,
            "SELECT (SELECT COUNT(*) FROM requests r WHERE NOT EXISTS \
             (SELECT 1 FROM request_documents d WHERE d.request_id = r.id)) + \
             (SELECT COUNT(*) FROM tracking_codes c WHERE c.kind = 'request' AND NOT EXISTS \
             (SELECT 1 FROM requests r WHERE r.tracking_code = c.code))"
        ),
        duplicate_keys: count!(
            store,
            "SELECT COUNT(*) FROM (SELECT created_by, idempotency_key FROM requests \
             WHERE idempotency_key IS NOT NULL GROUP BY created_by, idempotency_key \
             HAVING COUNT(*) > 1) d"
        ),
        integrity_check: "ok".to_owned(),
        ..Findings::default()
    };
    const STEPS: &str = "SELECT r.tracking_code, t.seq, t.action FROM transitions t \
                         JOIN requests r ON r.id = t.request_id";
    let stored: Vec<(String, i64, String)> = match store {
        Store::Sqlite(p) => sqlx::query_as(STEPS).fetch_all(p).await,
        Store::Postgres(p) => sqlx::query_as(STEPS).fetch_all(p).await,
    }
    .map_err(|e| e.to_string())?;
    let stored: HashSet<Ack> = stored
        .into_iter()
        .map(|(code, seq, action)| Ack { code, seq, action })
        .collect();
    f.lost_acks = acks.iter().filter(|a| !stored.contains(a)).count() as i64;
    if let Store::Sqlite(p) = store {
        f.integrity_check = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(p)
            .await
            .map_err(|e| e.to_string())?;
    }
    let auditor = sign_in(svc, Role::Auditor, 0).await?;
    f.audit_intact = svc.verify_audit(&auditor).await.map_err(text)?.intact;
    Ok(f)
}
