//! The PIN of a registration made under an idempotency key, kept in clear for a few minutes so
//! a repeat of the same submission shows the same receipt (`portal_requests.rs` says why).

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::storage;

/// Keeps `pin` for the registration `user_id` made under `key` until `expires_at`.
pub async fn keep_receipt_pin(
    tx: &mut Tx,
    user_id: &str,
    key: &str,
    tracking_code: &str,
    pin: &str,
    expires_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO receipt_pins (user_id, idempotency_key, tracking_code, pin, expires_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id, idempotency_key) DO NOTHING",
    )
    .bind(user_id)
    .bind(key)
    .bind(tracking_code)
    .bind(pin)
    .bind(expires_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Deletes every kept PIN whose time is over.
pub async fn forget_expired_receipt_pins(tx: &mut Tx, now: i64) -> Result<()> {
    sqlx::query("DELETE FROM receipt_pins WHERE expires_at <= $1")
        .bind(now)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

/// The PIN kept for `user_id`'s registration of `tracking_code` under `key`, if still in time.
pub async fn receipt_pin(
    pool: &Pool,
    user_id: &str,
    key: &str,
    tracking_code: &str,
    now: i64,
) -> Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT pin FROM receipt_pins WHERE user_id = $1 AND idempotency_key = $2 \
         AND tracking_code = $3 AND expires_at > $4",
    )
    .bind(user_id)
    .bind(key)
    .bind(tracking_code)
    .bind(now)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}
