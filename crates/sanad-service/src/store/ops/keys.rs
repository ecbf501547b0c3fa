//! The directorate's signing keys (public halves and validity) and the certified copies issued
//! at dispatch.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, EcopyRow, SigningKeyRow};

const KEY_COLUMNS: &str = "kid, public_key, valid_from, valid_until, revoked_from, created_by";

/// Every key ever made, oldest first.
pub async fn signing_keys(pool: &Pool) -> Result<Vec<SigningKeyRow>> {
    sqlx::query_as(&format!(
        "SELECT {KEY_COLUMNS} FROM signing_keys ORDER BY valid_from, kid"
    ))
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// The key in use (not rotated out, not revoked), if any.
pub async fn current_signing_key(pool: &Pool) -> Result<Option<SigningKeyRow>> {
    sqlx::query_as(&format!(
        "SELECT {KEY_COLUMNS} FROM signing_keys \
         WHERE valid_until IS NULL AND revoked_from IS NULL ORDER BY valid_from DESC LIMIT 1"
    ))
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// The current key, read inside a write (so two desks making a key do not both succeed).
pub async fn current_signing_key_in(tx: &mut Tx) -> Result<Option<SigningKeyRow>> {
    sqlx::query_as(&format!(
        "SELECT {KEY_COLUMNS} FROM signing_keys \
         WHERE valid_until IS NULL AND revoked_from IS NULL ORDER BY valid_from DESC LIMIT 1"
    ))
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

pub async fn signing_key_in(tx: &mut Tx, kid: &str) -> Result<Option<SigningKeyRow>> {
    sqlx::query_as(&format!(
        "SELECT {KEY_COLUMNS} FROM signing_keys WHERE kid = $1"
    ))
    .bind(kid)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

pub async fn insert_signing_key(tx: &mut Tx, key: &SigningKeyRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO signing_keys (kid, public_key, valid_from, valid_until, revoked_from, \
         created_by) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&key.kid)
    .bind(&key.public_key)
    .bind(key.valid_from)
    .bind(key.valid_until)
    .bind(key.revoked_from)
    .bind(&key.created_by)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Ends the current key's validity at `at` (rotation).
pub async fn end_signing_key(tx: &mut Tx, kid: &str, at: i64) -> Result<()> {
    sqlx::query("UPDATE signing_keys SET valid_until = $2 WHERE kid = $1 AND valid_until IS NULL")
        .bind(kid)
        .bind(at)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

/// Marks a key revoked from `from` (the earliest date given wins over a later one).
pub async fn revoke_signing_key(tx: &mut Tx, kid: &str, from: i64) -> Result<()> {
    sqlx::query(
        "UPDATE signing_keys SET revoked_from = $2 \
         WHERE kid = $1 AND (revoked_from IS NULL OR revoked_from > $2)",
    )
    .bind(kid)
    .bind(from)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn insert_ecopy(tx: &mut Tx, copy: &EcopyRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO ecopies (id, request_id, file_id, sha256, token, issued_by, issued_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&copy.id)
    .bind(&copy.request_id)
    .bind(&copy.file_id)
    .bind(&copy.sha256)
    .bind(&copy.token)
    .bind(&copy.issued_by)
    .bind(copy.issued_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// The request's certified copy in force (the newest not superseded).
pub async fn current_ecopy(pool: &Pool, request_id: &str) -> Result<Option<EcopyRow>> {
    sqlx::query_as(
        "SELECT id, request_id, file_id, sha256, token, issued_by, issued_at FROM ecopies \
         WHERE request_id = $1 AND superseded_by IS NULL ORDER BY issued_at DESC LIMIT 1",
    )
    .bind(request_id)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}
