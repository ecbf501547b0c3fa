//! The audit log: the write transaction that queues entries for it, the sealer's batch that
//! chains them, and reads of both.

use sanad_core::Result;

use super::{begin_write, take_sealer_role, Db, Pool, Tx};
use crate::store::chain::{entry_hash, own_hash, ChainedFields};
use crate::store::{
    escape_like, storage, storage_at_commit, AuditDraft, AuditFilter, AuditHead, AuditRow, Bind,
    Conditions, PendingRow, Sealed,
};

/// A write in progress: its statements run on [`AuditedWrite::tx`], and its audit entries are
/// queued by [`AuditedWrite::audit`] in the order they are made.
pub struct AuditedWrite {
    tx: Tx,
    roll_back: bool,
}

impl AuditedWrite {
    /// The transaction the write's statements run in.
    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// Queues one audit entry, inside this write: it commits with the change or not at all.
    pub async fn audit(&mut self, draft: AuditDraft) -> Result<()> {
        queue_audit(&mut self.tx, draft).await
    }

    /// Makes this write wait for any other write holding the same `key` until it commits (two
    /// retries of one registration racing each other).
    pub async fn lock_key(&mut self, key: &str) -> Result<()> {
        super::lock_key(&mut self.tx, key).await
    }

    /// Ends the write without committing: nothing of it is kept (a name already taken, a retry
    /// of a request registered the first time, a check made again under the write lock).
    pub fn roll_back(&mut self) {
        self.roll_back = true;
    }
}

/// A write and its audit entries in one transaction, queued behind every other write of this
/// kind (see `begin_write`): for writes that check something and then write on what they saw.
/// An error from the statements, or [`AuditedWrite::roll_back`], keeps nothing. A failed commit
/// is reported by `storage_at_commit`, since its outcome may be unknown.
pub async fn audited_write<T>(
    pool: &Pool,
    statements: impl AsyncFnOnce(&mut AuditedWrite) -> Result<T>,
) -> Result<T> {
    audited_write_with(pool, true, statements).await
}

/// [`audited_write`] for the steps of a desk's day, which decide races by a row's version: on
/// PostgreSQL they queue behind nothing but the rows they change.
pub async fn audited_step<T>(
    pool: &Pool,
    statements: impl AsyncFnOnce(&mut AuditedWrite) -> Result<T>,
) -> Result<T> {
    audited_write_with(pool, false, statements).await
}

/// [`audited_write`] when `serialized`, else [`audited_step`].
pub async fn audited_write_with<T>(
    pool: &Pool,
    serialized: bool,
    statements: impl AsyncFnOnce(&mut AuditedWrite) -> Result<T>,
) -> Result<T> {
    crate::database_file::check_pool(pool)?;
    let tx = begin_write(pool, serialized).await?;
    let mut write = AuditedWrite {
        tx,
        roll_back: false,
    };
    let value = statements(&mut write).await?;
    if !write.roll_back {
        write.tx.commit().await.map_err(storage_at_commit)?;
        crate::store::sealer_wake(super::sealer_key(pool)).notify_one();
    }
    Ok(value)
}

/// Queues one entry with its own hash; it has no place on the chain until the sealer gives it one.
async fn queue_audit(tx: &mut Tx, draft: AuditDraft) -> Result<()> {
    let detail = draft.detail.to_string();
    let hash = own_hash(&ChainedFields {
        seq: 0,
        at: draft.at,
        user_id: draft.user_id.as_deref(),
        action: &draft.action,
        entity: &draft.entity,
        entity_id: draft.entity_id.as_deref(),
        detail: &detail,
    });
    sqlx::query(
        "INSERT INTO audit_pending (at, user_id, action, entity, entity_id, detail, entry_hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(draft.at)
    .bind(draft.user_id)
    .bind(draft.action)
    .bind(draft.entity)
    .bind(draft.entity_id)
    .bind(detail)
    .bind(hash)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// How many queued entries one sealing transaction chains at most, and per INSERT statement.
const SEAL_BATCH: i64 = 2_000;
const ROWS_PER_INSERT: usize = 200;

/// Chains the oldest queued entries (in the order they were queued) onto the log, in one
/// transaction holding the sealer's role: each gets the next sequence number and its hash over
/// the previous one, the head moves once, and the entries leave the queue.
pub async fn seal_batch(pool: &Pool) -> Result<Sealed> {
    let mut tx = begin_write(pool, false).await?;
    if !take_sealer_role(&mut tx).await? {
        return Ok(Sealed::Busy);
    }
    let pending: Vec<PendingRow> = sqlx::query_as(
        "SELECT id, at, user_id, action, entity, entity_id, detail, entry_hash \
         FROM audit_pending ORDER BY id LIMIT $1",
    )
    .bind(SEAL_BATCH)
    .fetch_all(&mut *tx)
    .await
    .map_err(storage)?;
    if pending.is_empty() {
        return Ok(Sealed::Entries(0));
    }
    let (seq, hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&mut *tx)
            .await
            .map_err(storage)?;
    let mut head = AuditHead { seq, hash };
    let first_seq = head.seq + 1;
    let mut sealed = Vec::with_capacity(pending.len());
    for p in &pending {
        let seq = head.seq + 1;
        let hash = entry_hash(
            &head.hash,
            &ChainedFields {
                seq,
                at: p.at,
                user_id: p.user_id.as_deref(),
                action: &p.action,
                entity: &p.entity,
                entity_id: p.entity_id.as_deref(),
                detail: &p.detail,
            },
        );
        sealed.push((seq, head.hash.clone(), hash.clone()));
        head = AuditHead { seq, hash };
    }
    for (rows, links) in pending
        .chunks(ROWS_PER_INSERT)
        .zip(sealed.chunks(ROWS_PER_INSERT))
    {
        let marks: Vec<String> = (0..rows.len())
            .map(|i| {
                let b = i * 10;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6,
                    b + 7,
                    b + 8,
                    b + 9,
                    b + 10
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, \
             prev_hash, hash, pending_id) VALUES {}",
            marks.join(", ")
        );
        let mut q = sqlx::query::<Db>(&sql);
        for (p, (seq, prev, hash)) in rows.iter().zip(links) {
            q = q
                .bind(*seq)
                .bind(p.at)
                .bind(p.user_id.clone())
                .bind(p.action.clone())
                .bind(p.entity.clone())
                .bind(p.entity_id.clone())
                .bind(p.detail.clone())
                .bind(prev.clone())
                .bind(hash.clone())
                .bind(p.id);
        }
        q.execute(&mut *tx).await.map_err(storage)?;
    }
    sqlx::query(
        "DELETE FROM audit_pending WHERE id IN \
         (SELECT pending_id FROM audit_log WHERE seq >= $1)",
    )
    .bind(first_seq)
    .execute(&mut *tx)
    .await
    .map_err(storage)?;
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(head.seq)
        .bind(&head.hash)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
    tx.commit().await.map_err(storage_at_commit)?;
    Ok(Sealed::Entries(pending.len()))
}

/// Queued entries with `id > after`, in order, at most `limit`.
pub async fn pending_page(pool: &Pool, after: i64, limit: i64) -> Result<Vec<PendingRow>> {
    sqlx::query_as(
        "SELECT id, at, user_id, action, entity, entity_id, detail, entry_hash \
         FROM audit_pending WHERE id > $1 ORDER BY id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Whether any entry waits for the sealer.
pub async fn any_pending(pool: &Pool) -> Result<bool> {
    let first: Option<i64> = sqlx::query_scalar("SELECT id FROM audit_pending ORDER BY id LIMIT 1")
        .fetch_optional(pool)
        .await
        .map_err(storage)?;
    Ok(first.is_some())
}

pub async fn audit_head(pool: &Pool) -> Result<AuditHead> {
    let (seq, hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(pool)
            .await
            .map_err(storage)?;
    Ok(AuditHead { seq, hash })
}

/// Audit entries with `seq > after`, in order, at most `limit`.
pub async fn audit_page(pool: &Pool, after: i64, limit: i64) -> Result<Vec<AuditRow>> {
    sqlx::query_as(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash \
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Audit entries matching the filter, newest first.
pub async fn audit_search(pool: &Pool, f: &AuditFilter) -> Result<Vec<AuditRow>> {
    let mut c = Conditions::default();
    if let Some(user) = &f.user_id {
        let n = c.bind(Bind::Text(user.clone()));
        c.and(format!("user_id = ${n}"));
    }
    if let Some(action) = &f.action {
        let exact = c.bind(Bind::Text(action.clone()));
        let family = c.bind(Bind::Text(format!("{}.%", escape_like(action))));
        c.and(format!(
            "(action = ${exact} OR action LIKE ${family} ESCAPE '\\')"
        ));
    }
    if let Some(entity) = &f.entity_id {
        let n = c.bind(Bind::Text(entity.clone()));
        c.and(format!("entity_id = ${n}"));
    }
    if let Some(from) = f.from {
        let n = c.bind(Bind::Int(from));
        c.and(format!("at >= ${n}"));
    }
    if let Some(before) = f.before_time {
        let n = c.bind(Bind::Int(before));
        c.and(format!("at < ${n}"));
    }
    if let Some(seq) = f.before_seq {
        let n = c.bind(Bind::Int(seq));
        c.and(format!("seq < ${n}"));
    }
    let limit = c.bind(Bind::Int(f.limit));
    let sql = format!(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash \
         FROM audit_log {} ORDER BY seq DESC LIMIT ${limit}",
        c.where_clause()
    );
    let q = bind_all!(sqlx::query_as::<Db, AuditRow>(&sql), c.binds);
    q.fetch_all(pool).await.map_err(storage)
}
