//! Accounts: users, their passwords and lockouts.

use sanad_core::Result;

use super::{Pool, Tx, PASSWORD_HASH, SET_PASSWORD};
use crate::store::{storage, UserRow};

pub async fn user_count(pool: &Pool) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await
        .map_err(storage)
}

/// [`user_count`] inside a write transaction.
pub async fn user_count_in(tx: &mut Tx) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut **tx)
        .await
        .map_err(storage)
}

/// Inserts a user; `Ok(false)` when the user name (normalized) is taken.
pub async fn insert_user(tx: &mut Tx, row: &UserRow, username_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO users (id, username, username_key, display_name, role, password_hash, active, \
         must_change_password, created_at, organization_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.username)
    .bind(username_key)
    .bind(&row.display_name)
    .bind(&row.role)
    .bind(&row.password_hash)
    .bind(row.active)
    .bind(row.must_change_password)
    .bind(row.created_at)
    .bind(&row.organization_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// A user's columns but the password hash, which each backend reads its own way
/// ([`super::PASSWORD_HASH`]: through a function on PostgreSQL, so that a login role without the
/// column's privilege still signs agency officers in).
const USER_COLUMNS: &str = "id, username, display_name, role, active, \
    must_change_password, created_at, locked_until, organization_id";

pub async fn user_by_key(pool: &Pool, username_key: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, {PASSWORD_HASH} AS password_hash FROM users WHERE username_key = $1"
    ))
    .bind(username_key)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

pub async fn user_by_id(pool: &Pool, id: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, {PASSWORD_HASH} AS password_hash FROM users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// The acting user, read at the start of every call, with the settings' change count in the
/// same statement: the process's cache of settings is checked against it at no extra cost.
pub async fn actor_row(pool: &Pool, id: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, {PASSWORD_HASH} AS password_hash, (SELECT value FROM settings WHERE key = 'config.version') \
         AS config_version FROM users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *super::read_connection(pool).await?)
    .await
    .map_err(storage)
}

pub async fn list_users(pool: &Pool) -> Result<Vec<UserRow>> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, {PASSWORD_HASH} AS password_hash FROM users ORDER BY username_key"
    ))
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Counts a failed sign-in; returns the count in a row, including this one.
pub async fn count_login_failure(tx: &mut Tx, id: &str) -> Result<i64> {
    sqlx::query_scalar(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await
    .map_err(storage)
}

/// Sets (or clears, with `None`) a lockout and resets the failure count.
pub async fn set_lock(tx: &mut Tx, id: &str, locked_until: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2")
        .bind(locked_until)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

pub async fn set_password(tx: &mut Tx, id: &str, hash: &str, must_change: bool) -> Result<()> {
    let changed: Option<bool> = sqlx::query_scalar(SET_PASSWORD)
        .bind(hash)
        .bind(must_change)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(storage)?
        .flatten();
    if changed != Some(true) {
        // The database refused (a login role without the column's privilege, on a staff row).
        return Err(sanad_core::Error::Storage(
            "the password was not changed".to_owned(),
        ));
    }
    Ok(())
}

pub async fn set_active(tx: &mut Tx, id: &str, active: bool) -> Result<()> {
    sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
        .bind(active)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}
