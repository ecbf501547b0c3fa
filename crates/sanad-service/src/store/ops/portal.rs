//! The portal's rows: agency sessions, the follow-up PIN and channel of a registration, and the
//! public lookup's failure counters.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, PortalSessionRow, TrackedRow};

/// Marks a just-registered request with its PIN's hash and the channel it came through.
pub async fn mark_request_registration(
    tx: &mut Tx,
    request_id: &str,
    pin_hash: &str,
    channel: &str,
) -> Result<()> {
    sqlx::query("UPDATE requests SET tracking_pin_hash = $1, channel = $2 WHERE id = $3")
        .bind(pin_hash)
        .bind(channel)
        .bind(request_id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

/// Gives a just-registered complaint its PIN's hash.
pub async fn set_complaint_pin(tx: &mut Tx, complaint_id: &str, pin_hash: &str) -> Result<()> {
    sqlx::query("UPDATE complaints SET tracking_pin_hash = $1 WHERE id = $2")
        .bind(pin_hash)
        .bind(complaint_id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

pub async fn tracked(pool: &Pool, code: &str) -> Result<Option<TrackedRow>> {
    sqlx::query_as(
        "SELECT 'request' AS kind, tracking_pin_hash, status, status_since FROM requests \
         WHERE tracking_code = $1 \
         UNION ALL \
         SELECT 'complaint' AS kind, tracking_pin_hash, status, status_since FROM complaints \
         WHERE tracking_code = $1",
    )
    .bind(code)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// Until when each of `keys` is locked, where one is.
pub async fn track_locks(pool: &Pool, keys: &[String]) -> Result<Vec<i64>> {
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        let row: Option<Option<i64>> =
            sqlx::query_scalar("SELECT locked_until FROM track_failures WHERE scope_key = $1")
                .bind(key)
                .fetch_optional(pool)
                .await
                .map_err(storage)?;
        rows.extend(row.flatten());
    }
    Ok(rows)
}

/// Counts one failure for `key`: a new window when the old one is over (`window_start` before
/// `stale_before`) or its lock has run out; locks it until `lock_until` when the count reaches
/// `limit`. Answers the lock, when this failure set it.
pub async fn count_track_failure(
    tx: &mut Tx,
    key: &str,
    now: i64,
    stale_before: i64,
    limit: i64,
    lock_until: i64,
) -> Result<Option<i64>> {
    sqlx::query(
        "INSERT INTO track_failures (scope_key, failures, window_start, locked_until) \
         VALUES ($1, 1, $2, NULL) \
         ON CONFLICT (scope_key) DO UPDATE SET \
           failures = CASE WHEN track_failures.window_start < $3 \
                             OR track_failures.locked_until <= $2 THEN 1 \
                           ELSE track_failures.failures + 1 END, \
           window_start = CASE WHEN track_failures.window_start < $3 \
                                 OR track_failures.locked_until <= $2 THEN $2 \
                               ELSE track_failures.window_start END, \
           locked_until = CASE WHEN track_failures.locked_until <= $2 THEN NULL \
                               ELSE track_failures.locked_until END",
    )
    .bind(key)
    .bind(now)
    .bind(stale_before)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    sqlx::query_scalar(
        "UPDATE track_failures SET locked_until = $1 \
         WHERE scope_key = $2 AND failures >= $3 AND locked_until IS NULL \
         RETURNING locked_until",
    )
    .bind(lock_until)
    .bind(key)
    .bind(limit)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
    .map(Option::flatten)
}

pub async fn insert_portal_session(tx: &mut Tx, row: &PortalSessionRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO portal_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&row.id_hash)
    .bind(&row.user_id)
    .bind(&row.csrf_token)
    .bind(row.created_at)
    .bind(row.last_seen_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn portal_session(pool: &Pool, id_hash: &str) -> Result<Option<PortalSessionRow>> {
    sqlx::query_as(
        "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM portal_sessions \
         WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// [`portal_session`] inside a write transaction.
pub async fn portal_session_in(tx: &mut Tx, id_hash: &str) -> Result<Option<PortalSessionRow>> {
    sqlx::query_as(
        "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM portal_sessions \
         WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

pub async fn touch_portal_session(tx: &mut Tx, id_hash: &str, at: i64) -> Result<()> {
    sqlx::query("UPDATE portal_sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(at)
        .bind(id_hash)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

pub async fn delete_portal_session(tx: &mut Tx, id_hash: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM portal_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(done.rows_affected() > 0)
}

/// Ends every session of a user (a password reset or change, a deactivation).
pub async fn delete_user_portal_sessions(tx: &mut Tx, user_id: &str) -> Result<()> {
    sqlx::query("DELETE FROM portal_sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

/// The agency accounts of the office, with their organization's name.
pub async fn agency_users(pool: &Pool) -> Result<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT u.id, o.name FROM users u JOIN organizations o ON o.id = u.organization_id \
         WHERE u.role = 'agency' ORDER BY u.username_key",
    )
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// An organization's requests, newest first: (tracking code, status, created, deadline).
pub async fn requests_of_org(
    pool: &Pool,
    org_id: &str,
    limit: i64,
) -> Result<Vec<(String, String, i64, Option<i64>)>> {
    sqlx::query_as(
        "SELECT tracking_code, status, created_at, deadline_at FROM requests \
         WHERE requesting_org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
    )
    .bind(org_id)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}
