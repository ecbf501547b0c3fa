//! Delegations: acting approvers recorded from an appointing order.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, DelegationRow};

const DELEGATION_SELECT: &str = "SELECT d.id, d.from_user_id, f.username AS from_username, \
    f.display_name AS from_name, t.username AS to_username, \
    t.display_name AS to_name, d.role, d.starts_at, d.ends_at, d.order_number, d.note, \
    d.ended_at FROM delegations d \
    JOIN users f ON f.id = d.from_user_id JOIN users t ON t.id = d.to_user_id";

/// What a new delegation stores.
pub struct NewDelegationRow<'a> {
    pub id: &'a str,
    pub from_user_id: &'a str,
    pub to_user_id: &'a str,
    pub role: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub order_number: &'a str,
    pub note: Option<&'a str>,
    pub created_by: &'a str,
    pub created_at: i64,
}

pub async fn insert_delegation(tx: &mut Tx, d: &NewDelegationRow<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO delegations (id, from_user_id, to_user_id, role, starts_at, ends_at, \
         order_number, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(d.id)
    .bind(d.from_user_id)
    .bind(d.to_user_id)
    .bind(d.role)
    .bind(d.starts_at)
    .bind(d.ends_at)
    .bind(d.order_number)
    .bind(d.note)
    .bind(d.created_by)
    .bind(d.created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// The delegations of `from_user_id`'s `role` not yet over at `now`, read inside the write that
/// adds another (under the write lock, so two administrators cannot both add overlapping ones).
pub async fn open_delegations_of(
    tx: &mut Tx,
    from_user_id: &str,
    role: &str,
    now: i64,
) -> Result<Vec<DelegationRow>> {
    sqlx::query_as(&format!(
        "{DELEGATION_SELECT} WHERE d.from_user_id = $1 AND d.role = $2 AND d.ends_at > $3 \
         AND (d.ended_at IS NULL OR d.ended_at > $3)"
    ))
    .bind(from_user_id)
    .bind(role)
    .bind(now)
    .fetch_all(&mut **tx)
    .await
    .map_err(storage)
}

/// Whether `user_id` holds `role` through a delegation to them at some time not yet over.
pub async fn acts_for_role(tx: &mut Tx, user_id: &str, role: &str, now: i64) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM delegations WHERE to_user_id = $1 AND role = $2 AND ends_at > $3 \
         AND (ended_at IS NULL OR ended_at > $3)",
    )
    .bind(user_id)
    .bind(role)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(n > 0)
}

/// Every delegation, newest first; with `active_at`, only those in force then.
pub async fn delegations(
    pool: &Pool,
    active_at: Option<i64>,
    limit: i64,
) -> Result<Vec<DelegationRow>> {
    match active_at {
        Some(at) => sqlx::query_as(&format!(
            "{DELEGATION_SELECT} WHERE d.starts_at <= $1 AND d.ends_at > $1 \
             AND (d.ended_at IS NULL OR d.ended_at > $1) ORDER BY d.starts_at DESC, d.id DESC \
             LIMIT $2"
        ))
        .bind(at)
        .bind(limit)
        .fetch_all(pool)
        .await
        .map_err(storage),
        None => sqlx::query_as(&format!(
            "{DELEGATION_SELECT} ORDER BY d.starts_at DESC, d.id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(pool)
        .await
        .map_err(storage),
    }
}

/// The delegations to `to_user_id` in force at `at`: what they may do in others' place now.
pub async fn delegations_to(pool: &Pool, to_user_id: &str, at: i64) -> Result<Vec<DelegationRow>> {
    sqlx::query_as(&format!(
        "{DELEGATION_SELECT} WHERE d.to_user_id = $1 AND d.starts_at <= $2 AND d.ends_at > $2 \
         AND (d.ended_at IS NULL OR d.ended_at > $2) ORDER BY d.starts_at, d.id"
    ))
    .bind(to_user_id)
    .bind(at)
    .fetch_all(&mut *super::read_connection(pool).await?)
    .await
    .map_err(storage)
}

pub async fn delegation_by_id(tx: &mut Tx, id: &str) -> Result<Option<DelegationRow>> {
    sqlx::query_as(&format!("{DELEGATION_SELECT} WHERE d.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(storage)
}

/// Ends a delegation at `at`; `Ok(false)` when it had already ended (by hand or by its date).
pub async fn end_delegation(tx: &mut Tx, id: &str, at: i64, by: &str) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE delegations SET ended_at = $1, ended_by = $2 \
         WHERE id = $3 AND ended_at IS NULL AND ends_at > $1",
    )
    .bind(at)
    .bind(by)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}
