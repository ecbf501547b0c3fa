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

/// Every setting, for the process's cache (`crate::config_cache`).
pub async fn all_settings(pool: &Pool) -> Result<Vec<(String, String)>> {
    sqlx::query_as("SELECT key, value FROM settings")
        .fetch_all(pool)
        .await
        .map_err(storage)
}

/// Counts a change to settings, holidays or notices in the same transaction, so every process's
/// cache of them sees at its next call that it is out of date (`crate::config_cache`).
pub async fn bump_config(tx: &mut Tx) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ('config.version', '1') \
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(settings.value AS BIGINT) + 1 AS TEXT)",
    )
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn put_setting(tx: &mut Tx, key: &str, value: &str) -> Result<()> {
    bump_config(tx).await?;
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
