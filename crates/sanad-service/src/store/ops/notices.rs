//! The notice board: maintenance windows and disruptions.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, NoticeRow};

const NOTICE_COLUMNS: &str =
    "id, kind, body, starts_at, ends_at, read_only, created_by, created_at, cancelled_at";

pub async fn insert_notice(tx: &mut Tx, n: &NoticeRow) -> Result<()> {
    super::bump_config(tx).await?;
    sqlx::query(&format!(
        "INSERT INTO notices ({NOTICE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&n.id)
    .bind(&n.kind)
    .bind(&n.body)
    .bind(n.starts_at)
    .bind(n.ends_at)
    .bind(n.read_only)
    .bind(&n.created_by)
    .bind(n.created_at)
    .bind(n.cancelled_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Cancels a notice; `Ok(false)` when there is none by that id or it was already cancelled.
pub async fn cancel_notice(tx: &mut Tx, id: &str, at: i64) -> Result<bool> {
    super::bump_config(tx).await?;
    let done =
        sqlx::query("UPDATE notices SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL")
            .bind(at)
            .bind(id)
            .execute(&mut **tx)
            .await
            .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// The notice board, newest first.
pub async fn notices(pool: &Pool, limit: i64) -> Result<Vec<NoticeRow>> {
    sqlx::query_as(&format!(
        "SELECT {NOTICE_COLUMNS} FROM notices ORDER BY starts_at DESC, id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Notices not cancelled that have not ended by `now` and start before `horizon`.
pub async fn current_notices(pool: &Pool, now: i64, horizon: i64) -> Result<Vec<NoticeRow>> {
    sqlx::query_as(&format!(
        "SELECT {NOTICE_COLUMNS} FROM notices WHERE cancelled_at IS NULL AND ends_at > $1 \
         AND starts_at <= $2 ORDER BY starts_at, id"
    ))
    .bind(now)
    .bind(horizon)
    .fetch_all(pool)
    .await
    .map_err(storage)
}
