//! The embedded file's key (SQLCipher): only the SQLite backend compiles this room.

use sanad_core::Result;

use super::Pool;
use crate::store::storage;

/// Re-encrypts the whole file under `pragma_value` (the new key as SQLCipher's pragma takes
/// it). The caller closes the pool afterwards: its other connections still hold the old key.
pub async fn rekey(pool: &Pool, pragma_value: &str) -> Result<()> {
    let mut conn = pool.acquire().await.map_err(storage)?;
    sqlx::query(&format!("PRAGMA rekey = {pragma_value}"))
        .execute(&mut *conn)
        .await
        .map_err(storage)?;
    Ok(())
}
