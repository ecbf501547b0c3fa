//! The audit log: the write transaction that chains entries onto it, and reads of it.

use sanad_core::Result;

use super::{Db, Pool, Tx};
use crate::store::chain::{entry_hash, ChainedFields};
use crate::store::{
    escape_like, storage, storage_at_commit, AuditDraft, AuditFilter, AuditHead, AuditRow, Bind,
    Conditions,
};

/// A write in progress: its statements run on [`AuditedWrite::tx`], and its audit entries are
/// chained by [`AuditedWrite::audit`] in the order they are made.
pub struct AuditedWrite {
    tx: Tx,
    head: AuditHead,
    roll_back: bool,
}

impl AuditedWrite {
    /// The transaction the write's statements run in.
    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// Chains one audit entry onto the log, inside this write.
    pub async fn audit(&mut self, draft: AuditDraft) -> Result<()> {
        append_audit(&mut self.tx, &mut self.head, draft).await
    }

    /// Ends the write without committing: nothing of it is kept (a name already taken, a retry
    /// of a request registered the first time, a check made again under the write lock).
    pub fn roll_back(&mut self) {
        self.roll_back = true;
    }
}

/// A write and its audit entries in one transaction: takes the audit head first (so writers
/// queue, see `begin_write`), runs `statements`, then moves the head and commits. An error from
/// the statements, or [`AuditedWrite::roll_back`], keeps nothing. A failed commit is reported by
/// `storage_at_commit`, since its outcome may be unknown.
pub async fn audited_write<T>(
    pool: &Pool,
    statements: impl AsyncFnOnce(&mut AuditedWrite) -> Result<T>,
) -> Result<T> {
    crate::database_file::check_pool(pool)?;
    let (tx, head) = begin_write(pool).await?;
    let mut write = AuditedWrite {
        tx,
        head,
        roll_back: false,
    };
    let value = statements(&mut write).await?;
    if !write.roll_back {
        commit_write(write.tx, write.head).await?;
    }
    Ok(value)
}

/// Starts a write transaction and takes the audit chain's head. Updating the head row first
/// takes the write lock up front (SQLite) or the row lock (PostgreSQL), so writers queue here
/// instead of failing later with a busy or serialization error, and the chain stays linear.
async fn begin_write(pool: &Pool) -> Result<(Tx, AuditHead)> {
    let mut tx = pool.begin().await.map_err(storage)?;
    let (seq, hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *tx)
            .await
            .map_err(storage)?;
    Ok((tx, AuditHead { seq, hash }))
}

/// Appends one entry to the chain inside the write transaction.
async fn append_audit(tx: &mut Tx, head: &mut AuditHead, draft: AuditDraft) -> Result<()> {
    let seq = head.seq + 1;
    let detail = draft.detail.to_string();
    let hash = entry_hash(
        &head.hash,
        &ChainedFields {
            seq,
            at: draft.at,
            user_id: draft.user_id.as_deref(),
            action: &draft.action,
            entity: &draft.entity,
            entity_id: draft.entity_id.as_deref(),
            detail: &detail,
        },
    );
    sqlx::query(
        "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(draft.at)
    .bind(draft.user_id)
    .bind(draft.action)
    .bind(draft.entity)
    .bind(draft.entity_id)
    .bind(detail)
    .bind(&head.hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    head.seq = seq;
    head.hash = hash;
    Ok(())
}

/// Moves the head to the last appended entry and commits everything together.
async fn commit_write(mut tx: Tx, head: AuditHead) -> Result<()> {
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(head.seq)
        .bind(head.hash)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
    tx.commit().await.map_err(storage_at_commit)
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
