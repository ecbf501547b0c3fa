//! How a write starts on the office backend. Writes that check something and then write on what
//! they saw (a user name free, a copy number, an original document still in the repository) take
//! one transaction-scoped advisory lock, so they queue behind each other as they always did; the
//! steps of a desk's day (registering, acting on a request) take none: the request row's own lock
//! and its version check decide races, so desks write in parallel. No write touches a shared row.
//! The sealer's role is another advisory lock, tried, never waited for.

use sanad_core::Result;

use sqlx::pool::PoolConnection;

use super::{Db, Pool, Tx};
use crate::store::storage;

/// The advisory lock of writes that must not interleave (any number, fixed for this product).
const SERIAL_WRITES: i64 = 0x5341_4e41_4401;
/// The advisory lock of the one sealer at a time.
const SEALER: i64 = 0x5341_4e41_4402;

pub async fn begin_write(pool: &Pool, serialized: bool) -> Result<Tx> {
    let mut tx = pool.begin().await.map_err(storage)?;
    if serialized {
        sqlx::query("SELECT pg_advisory_xact_lock($1)")
            .bind(SERIAL_WRITES)
            .execute(&mut *tx)
            .await
            .map_err(storage)?;
    }
    Ok(tx)
}

/// A connection for a short read (on SQLite, the writer's warm one when free): any of the pool's.
pub async fn read_connection(pool: &Pool) -> Result<PoolConnection<Db>> {
    pool.acquire().await.map_err(storage)
}

/// Makes writes that share `key` (a user's idempotency key) wait for each other until commit.
pub async fn lock_key(tx: &mut Tx, key: &str) -> Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(key)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

/// Takes the sealer's role until this transaction ends; false when another desk holds it now.
pub async fn take_sealer_role(tx: &mut Tx) -> Result<bool> {
    sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
        .bind(SEALER)
        .fetch_one(&mut **tx)
        .await
        .map_err(storage)
}

/// The server and database name the database for this process's sealer.
pub fn sealer_key(pool: &Pool) -> String {
    let o = pool.connect_options();
    format!(
        "postgres:{}:{}:{}",
        o.get_host(),
        o.get_port(),
        o.get_database().unwrap_or_default()
    )
}

/// After a restore: queued entries are numbered after every number the restored log recorded
/// (`pending_id` is unique).
pub async fn continue_pending_ids(tx: &mut Tx) -> Result<()> {
    sqlx::query(
        "SELECT setval(pg_get_serial_sequence('audit_pending', 'id'), \
         GREATEST(COALESCE(MAX(pending_id), 0), 1)) FROM audit_log",
    )
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// How a user's password hash is read (`ops/users.rs`). On PostgreSQL through the owner's function of migration 0018, which serves a login role without the column's privilege (the portal's) the hash of agency officers only.
pub const PASSWORD_HASH: &str = "sanad_password_hash(id)";
/// How a password is set: `$1` the hash, `$2` must change, `$3` the user; answers TRUE when set.
pub const SET_PASSWORD: &str = "SELECT sanad_set_password($3, $1, $2)";

/// Whether this login may migrate the schema (create in it): the owner's, not the portal's role.
pub async fn may_migrate(pool: &Pool) -> Result<bool> {
    sqlx::query_scalar(
        "SELECT has_schema_privilege(current_schema(), 'CREATE') \
         OR NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = '_sqlx_migrations')",
    )
    .fetch_one(pool)
    .await
    .map_err(storage)
}

/// Refuses a schema older than this build's `latest` migration.
pub async fn require_migrated(pool: &Pool, latest: i64) -> Result<()> {
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(pool)
            .await
            .map_err(storage)?;
    if applied.unwrap_or(0) < latest {
        return Err(sanad_core::Error::Storage(format!(
            "the database is at migration {} and this build needs {latest}: its owner must run \
             a desk or `sanad` against it first",
            applied.unwrap_or(0)
        )));
    }
    Ok(())
}
/// The destination's download confirming the delivery (`ops/ecopy_delivery.rs`), through the
/// owner's function of migration 0021 (the portal's role may not update a request's state):
/// `$1` the request, `$2` the version read, `$3` the deadline, `$4` now; TRUE when moved.
pub const DELIVER_BY_DOWNLOAD: &str = "SELECT sanad_deliver_by_download($1, $2, $3, $4)";

/// How a request's page aggregates its documents and history into JSON (`ops/request_page.rs`):
/// `JSON_AGG(JSON_ROW(columns…) ORDER BY …)`.
pub const JSON_AGG: &str = "json_agg";
pub const JSON_ROW: &str = "json_build_array";
