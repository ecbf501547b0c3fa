//! Storage: every SQL statement of Sanad Desk, in rooms by feature (`ops/users.rs`,
//! `ops/requests.rs`, …). Each room is compiled once per backend (`sqlite.rs`, `postgres.rs` name
//! the same files with their own `Db`), so each backend's code is concrete (no generic sqlx
//! bounds) while the SQL is written once in the dialect both accept: `$n` placeholders, `||` for
//! concatenation, `RETURNING`, `ON CONFLICT DO NOTHING`. A few statements only one backend has
//! (SQLCipher's rekey, PostgreSQL's LISTEN) live in rooms only that backend compiles.
//!
//! Every change goes through `audited_write` (ops/audit.rs): the write and its audit entries
//! commit together. The backend modules re-export their rooms' functions, so the service calls
//! `ops::insert_user`; the room is named by the function's subject.

pub mod chain;
mod rows;

pub use rows::*;

/// Binds a dynamically built query's values in order.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut q = $query;
        for b in $binds {
            q = match b {
                $crate::store::Bind::Text(s) => q.bind(s),
                $crate::store::Bind::Int(i) => q.bind(i),
            };
        }
        q
    }};
}

// The two backends compile the same room files on purpose (each with its own `Db`).
#[allow(clippy::duplicate_mod)]
pub mod postgres;
#[allow(clippy::duplicate_mod)]
pub mod sqlite;

use std::str::FromStr;
use std::time::Duration;

use sanad_core::{Error, Result};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use crate::encryption::DatabaseKey;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::ConnectOptions;

/// Wakes this process's sealer of the database named `key` (see `crate::sealer`): a write that
/// committed audit entries calls it, so they are chained within moments, not at the next tick.
static SEALER_WAKES: std::sync::LazyLock<
    std::sync::Mutex<std::collections::HashMap<String, std::sync::Arc<tokio::sync::Notify>>>,
> = std::sync::LazyLock::new(Default::default);

pub(crate) fn sealer_wake(key: String) -> std::sync::Arc<tokio::sync::Notify> {
    // A poisoned map only means a thread panicked while inserting: the map is still sound.
    let mut wakes = SEALER_WAKES.lock().unwrap_or_else(|p| p.into_inner());
    wakes.entry(key).or_default().clone()
}

/// What one sealing pass did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealed {
    /// This many entries were chained (0: the queue was empty).
    Entries(usize),
    /// Another desk holds the sealer's role now.
    Busy,
}

/// An open database of either kind.
#[derive(Clone)]
pub enum Store {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// Runs the same expression against whichever backend is open; `$ops` names that backend's
/// operations module and `$pool` its pool.
macro_rules! on_store {
    ($store:expr, $ops:ident, $pool:ident => $body:expr) => {
        match $store {
            $crate::store::Store::Sqlite($pool) => {
                #[allow(unused_imports)]
                use $crate::store::sqlite as $ops;
                $body
            }
            $crate::store::Store::Postgres($pool) => {
                #[allow(unused_imports)]
                use $crate::store::postgres as $ops;
                $body
            }
        }
    };
}
pub(crate) use on_store;

impl Store {
    /// Opens (creating if needed) and migrates the database at `url`: `sqlite://PATH` (encrypted
    /// with `key` when given) or `postgres://…` (with `password` when the URL has none).
    pub async fn connect(
        url: &str,
        key: Option<&DatabaseKey>,
        password: Option<&str>,
    ) -> Result<Store> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut options = PgConnectOptions::from_str(url).map_err(storage)?;
            if let Some(password) = password {
                options = options.password(password);
            }
            // One desk is one person: three connections serve its parallel reads, and an office
            // of fifty desks stays within 150 server connections (the fifty-desks run hit the
            // server's limit at ten each). Idle connections go back after a minute. A server that
            // is away answers a call with "connection lost" after five seconds of trying, not
            // longer: the desk already shows it is away, and the clerk should not sit waiting.
            // No ping before every checkout (a round trip each, a dozen per call): a connection
            // idle for a while is pinged, one in use a moment ago is trusted, and one that broke
            // anyway fails its statement as "connection lost", which desks retry.
            let pool = PgPoolOptions::new()
                .max_connections(3)
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for > IDLE_PING {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
                .idle_timeout(Duration::from_secs(60))
                .acquire_timeout(Duration::from_secs(5))
                .connect_with(options)
                .await
                .map_err(storage)?;
            let migrator = sqlx::migrate!("migrations/postgres");
            if postgres::may_migrate(&pool).await? {
                migrator
                    .run(&pool)
                    .await
                    .map_err(|e| Error::Storage(e.to_string()))?;
            } else {
                // A login role that may not create tables (the portal's, `sanad portal
                // create-role`) runs on a schema its owner migrated, never on an older one.
                let latest = migrator.iter().map(|m| m.version).max().unwrap_or(0);
                postgres::require_migrated(&pool, latest).await?;
            }
            Ok(Store::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let mut options = SqliteConnectOptions::from_str(url).map_err(storage)?;
            if let Some(key) = key {
                // SQLCipher: the key pragma must come first; sqlx keeps `key` at the front.
                options = options.pragma("key", key.pragma_value());
            }
            let options = options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL: a request shown as registered survives a power cut, not only a crash.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(30))
                // SQLCipher decrypts and authenticates every page it reads into its cache, and
                // disables mmap: with SQLite's default 2 MiB a query at a million requests
                // decrypted the same index pages again and again (a fifth of a write's time).
                // The cache grows only as pages are read; this is its ceiling per connection.
                .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"))
                // sqlx logs each statement's text (at debug, and a slow one as a warning): the
                // first one is `PRAGMA key = "x'…'"`, the database's key in the clear.
                .disable_statement_logging();
            let pool = SqlitePoolOptions::new()
                .max_connections(SQLITE_CONNECTIONS)
                // A file cannot go away under an open connection the way a server can.
                .test_before_acquire(false)
                .connect_with(options)
                .await
                .map_err(not_a_database)?;
            // A wrong key shows at the first read when WAL is already set: probe now, so a desk
            // never proceeds on a database it cannot read.
            sqlx::query("SELECT count(*) FROM sqlite_master")
                .execute(&pool)
                .await
                .map_err(not_a_database)?;
            sqlx::migrate!("migrations/sqlite")
                .run(&pool)
                .await
                .map_err(|e| Error::Storage(e.to_string()))?;
            sqlite::open_writer(&pool);
            Ok(Store::Sqlite(pool))
        } else {
            Err(Error::invalid("db", "error-database-url"))
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// The name this process's writers and sealers of this database share their wake-up under.
    pub(crate) fn sealer_key(&self) -> String {
        match self {
            Store::Sqlite(p) => sqlite::sealer_key(p),
            Store::Postgres(p) => postgres::sealer_key(p),
        }
    }

    pub fn is_closed(&self) -> bool {
        match self {
            Store::Sqlite(p) => p.is_closed(),
            Store::Postgres(p) => p.is_closed(),
        }
    }

    pub async fn close(&self) {
        match self {
            Store::Sqlite(p) => {
                sqlite::close_writer(p).await;
                p.close().await
            }
            Store::Postgres(p) => p.close().await,
        }
    }
}

/// Readers of an embedded file (its one writing connection is apart: `ops/write_sqlite.rs`).
const SQLITE_CONNECTIONS: u32 = 4;
/// Each connection's page cache at most, in KiB: the hot pages of a million requests' indexes.
const SQLITE_CACHE_KIB: u32 = 64 * 1024;

/// How long a PostgreSQL connection may sit idle before it is pinged at checkout.
const IDLE_PING: Duration = Duration::from_secs(2);

/// Database failures become `Error::Storage`, or `Error::ConnectionLost` when the connection
/// to the server broke: the detail is logged, the user sees a plain message.
pub(crate) fn storage(e: sqlx::Error) -> Error {
    tracing::error!(error = %e, "database error");
    if connection_lost(&e) {
        return Error::ConnectionLost { at_commit: false };
    }
    if let Some(file_problem) = crate::database_file::from_sqlx(&e) {
        return file_problem;
    }
    // PostgreSQL refuses a NUL byte in text (22021) and text past its limits (54000): the
    // input is at fault, not the database. The service checks fields first; this is the net.
    let code = e.as_database_error().and_then(|d| d.code());
    if matches!(code.as_deref(), Some("22021" | "54000")) {
        return Error::invalid("input", "error-input-unstorable");
    }
    Error::Storage(e.to_string())
}

/// A failed commit: when the connection broke, the commit may or may not have reached the
/// server, and the caller must be told the outcome is unknown.
pub(crate) fn storage_at_commit(e: sqlx::Error) -> Error {
    match storage(e) {
        Error::ConnectionLost { .. } => Error::ConnectionLost { at_commit: true },
        other => other,
    }
}

/// Whether `e` means the connection to the server is gone (the server restarted, an
/// administrator ended the session, the network dropped), as opposed to the statement failing.
fn connection_lost(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_)
        | sqlx::Error::PoolClosed
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_) => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|c| connection_sqlstate(&c)),
        _ => false,
    }
}

/// PostgreSQL's SQLSTATEs for a lost connection: class 08 (connection exception), 57P01
/// admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown, 57P03
/// cannot_connect_now (starting up or shutting down), 53300 too_many_connections (no new
/// connection now; nothing was sent).
fn connection_sqlstate(code: &str) -> bool {
    code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "53300")
}

/// SQLite's "file is not a database" (code 26) on an encrypted file means the key is wrong or
/// missing; anything else is a storage failure.
fn not_a_database(e: sqlx::Error) -> Error {
    let code = e
        .as_database_error()
        .and_then(|d| d.code().map(|c| c.into_owned()));
    if code.as_deref() == Some("26") {
        tracing::error!(error = %e, "database key rejected");
        return Error::not_permitted("error-database-key-wrong");
    }
    storage(e)
}
