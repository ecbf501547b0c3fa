//! Settings: one text value per key (policies, targets, printers, mail).

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::storage;

pub async fn setting(pool: &Pool, key: &str) -> Result<Option<String>> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

pub async fn put_setting(tx: &mut Tx, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}
