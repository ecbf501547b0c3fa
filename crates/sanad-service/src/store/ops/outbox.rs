//! The outbox: messages to applicants, leased and delivered by the desks.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, OutboxRow};

const OUTBOX_COLUMNS: &str = "id, channel, recipient, subject, body, entity, entity_id, event, \
    state, attempts, next_attempt_at, last_error, created_at, sent_at, attachment_file_id, \
    body_after_sending";

pub async fn insert_outbox(tx: &mut Tx, m: &OutboxRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO outbox ({OUTBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14, $15, $16)"
    ))
    .bind(&m.id)
    .bind(&m.channel)
    .bind(&m.recipient)
    .bind(&m.subject)
    .bind(&m.body)
    .bind(&m.entity)
    .bind(&m.entity_id)
    .bind(&m.event)
    .bind(&m.state)
    .bind(m.attempts)
    .bind(m.next_attempt_at)
    .bind(&m.last_error)
    .bind(m.created_at)
    .bind(m.sent_at)
    .bind(&m.attachment_file_id)
    .bind(&m.body_after_sending)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Messages due for an attempt at `now`, oldest due first.
pub async fn due_outbox(pool: &Pool, now: i64, limit: i64) -> Result<Vec<OutboxRow>> {
    sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1 \
         ORDER BY next_attempt_at, id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Takes a due message for this desk until `until`, unless another desk took it first.
pub async fn lease_outbox(tx: &mut Tx, id: &str, seen_next: i64, until: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND state = 'pending' \
         AND next_attempt_at = $3",
    )
    .bind(until)
    .bind(id)
    .bind(seen_next)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// Marks a message sent; a one-time secret in its text (a PIN) is masked from here on.
pub async fn outbox_sent(tx: &mut Tx, id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1, \
         last_error = NULL, body = COALESCE(body_after_sending, body), \
         body_after_sending = NULL WHERE id = $2",
    )
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn outbox_retry(tx: &mut Tx, id: &str, next_at: i64, error: &str) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 \
         WHERE id = $3",
    )
    .bind(next_at)
    .bind(error)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn outbox_for(pool: &Pool, entity: &str, entity_id: &str) -> Result<Vec<OutboxRow>> {
    sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE entity = $1 AND entity_id = $2 \
         ORDER BY created_at, id"
    ))
    .bind(entity)
    .bind(entity_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

pub async fn count_pending_outbox(pool: &Pool) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
        .fetch_one(pool)
        .await
        .map_err(storage)
}
