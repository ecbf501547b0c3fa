//! How a write starts on the embedded backend. SQLite has one writer at a time, so this process
//! writes each file on one connection of its own, in arrival order (a pool of one, which hands
//! it out first come, first served): its page cache stays warm between writes, and writers of
//! this process never spin in SQLite's busy handler against each other. Reads go on the other
//! pool, and are never held up by a write waiting for another process (the command line beside
//! a desk), which waits in the busy timeout. A write takes the file's write lock at `BEGIN
//! IMMEDIATE`, before its first statement, so it never fails later on a lock it cannot upgrade.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use sanad_core::Result;
use sqlx::sqlite::SqlitePoolOptions;

use sqlx::pool::PoolConnection;

use super::{Db, Pool, Tx};
use crate::store::storage;

/// Each file's writing connection in this process, and how many open stores share it.
static WRITERS: LazyLock<Mutex<HashMap<PathBuf, (Pool, usize)>>> = LazyLock::new(Default::default);

fn writers() -> std::sync::MutexGuard<'static, HashMap<PathBuf, (Pool, usize)>> {
    // A poisoned map only means another thread panicked while changing it: it is still sound.
    WRITERS.lock().unwrap_or_else(|p| p.into_inner())
}

fn file_of(pool: &Pool) -> PathBuf {
    pool.connect_options().get_filename().to_path_buf()
}

/// Opens (lazily) the file's writing connection for a store just opened on `pool`, with the same
/// options (key, WAL, synchronous FULL, busy timeout).
pub fn open_writer(pool: &Pool) {
    // The file exists by now (migrated): this connection never makes one, so a file deleted
    // under the desk is never silently recreated (`crate::database_file`).
    let options = (*pool.connect_options()).clone().create_if_missing(false);
    let mut writers = writers();
    let entry = writers.entry(file_of(pool)).or_insert_with(|| {
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_lazy_with(options);
        (writer, 0)
    });
    entry.1 += 1;
}

/// The store on `pool` is closing: the last one closes the writing connection.
pub async fn close_writer(pool: &Pool) {
    let closing = {
        let mut writers = writers();
        let file = file_of(pool);
        match writers.get_mut(&file) {
            Some((_, n)) if *n > 1 => {
                *n -= 1;
                None
            }
            Some(_) => writers.remove(&file).map(|(w, _)| w),
            None => None,
        }
    };
    if let Some(writer) = closing {
        writer.close().await;
    }
}

/// Waits for this process's turn on the file's writing connection, then opens the write
/// transaction holding the file's write lock. `_serialized` changes nothing here: every SQLite write is serialized.
pub async fn begin_write(pool: &Pool, _serialized: bool) -> Result<Tx> {
    let writer = writers().get(&file_of(pool)).map(|(w, _)| w.clone());
    // A store closed meanwhile has no writer left: its own pool still writes correctly.
    let writer = writer.unwrap_or_else(|| pool.clone());
    let tx = writer
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(storage)?;
    Ok(tx)
}

/// A connection for a short read: this process's writing connection when it is free, else a
/// reader. SQLite drops a connection's whole page cache when another connection has committed
/// to the file since its last read, and SQLCipher then decrypts and authenticates every page it
/// reads again; the writing connection's own commits keep its cache. So the reads of a desk
/// that writes (the actor, the request page before a step) stay warm there. It never waits for
/// the writer: busy, or with a write queued for it, the read goes to the readers as before.
/// Not for reads that hold their connection long (reports, exports): writes would wait.
pub async fn read_connection(pool: &Pool) -> Result<PoolConnection<Db>> {
    let writer = writers().get(&file_of(pool)).map(|(w, _)| w.clone());
    if let Some(conn) = writer.and_then(|w| w.try_acquire()) {
        return Ok(conn);
    }
    pool.acquire().await.map_err(storage)
}

/// Serializes writes that share `key` (on SQLite they already are).
pub async fn lock_key(_tx: &mut Tx, _key: &str) -> Result<()> {
    Ok(())
}

/// Takes the sealer's role for this transaction: on SQLite the write lock is already the
/// sealer's, so there is no other sealer now.
pub async fn take_sealer_role(_tx: &mut Tx) -> Result<bool> {
    Ok(true)
}

/// The file's path names the database for this process's sealer.
pub fn sealer_key(pool: &Pool) -> String {
    format!("sqlite:{}", pool.connect_options().get_filename().display())
}

/// After a restore: queued entries are numbered after every number the restored log recorded
/// (`pending_id` is unique), as SQLite's AUTOINCREMENT keeps in `sqlite_sequence`.
pub async fn continue_pending_ids(tx: &mut Tx) -> Result<()> {
    sqlx::query("DELETE FROM sqlite_sequence WHERE name = 'audit_pending'")
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    sqlx::query(
        "INSERT INTO sqlite_sequence (name, seq) \
         SELECT 'audit_pending', COALESCE(MAX(pending_id), 0) FROM audit_log",
    )
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// How a user's password hash is read (`ops/users.rs`). The embedded database has no roles.
pub const PASSWORD_HASH: &str = "password_hash";
/// How a password is set: `$1` the hash, `$2` must change, `$3` the user; answers TRUE when set.
pub const SET_PASSWORD: &str =
    "UPDATE users SET password_hash = $1, must_change_password = $2, failed_logins = 0, \
     locked_until = NULL WHERE id = $3 RETURNING TRUE";
/// The destination's download confirming the delivery (`ops/ecopy_delivery.rs`): `$1` the
/// request, `$2` the version read, `$3` the delivered stage's deadline, `$4` now; TRUE when moved.
pub const DELIVER_BY_DOWNLOAD: &str =
    "UPDATE requests SET status = 'delivered', version = version + 1, status_since = $4, \
     deadline_at = $3, updated_at = $4 WHERE id = $1 AND version = $2 AND status = 'dispatched' \
     AND dispatch_mode = 'electronic_copy' \
     AND EXISTS (SELECT 1 FROM ecopies e WHERE e.request_id = requests.id) RETURNING TRUE";

/// How a request's page aggregates its documents and history into JSON (`ops/request_page.rs`):
/// `JSON_AGG(JSON_ROW(columns…) ORDER BY …)`.
pub const JSON_AGG: &str = "json_group_array";
pub const JSON_ROW: &str = "json_array";
