//! The change feed's LISTEN: only the PostgreSQL backend compiles this room (SQLite desks read
//! the audit head instead, see `crate::changes`).

use sanad_core::Result;
use sqlx::postgres::PgListener;

use super::Pool;
use crate::store::storage;

/// A connection of its own listening on `channel` (the audit head's trigger notifies it).
pub async fn listen(pool: &Pool, channel: &str) -> Result<PgListener> {
    let mut listener = PgListener::connect_with(pool).await.map_err(storage)?;
    listener.listen(channel).await.map_err(storage)?;
    Ok(listener)
}
