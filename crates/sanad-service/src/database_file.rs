//! The embedded database never silently goes elsewhere. SQLite keeps writing to a file it has
//! open even after that file was deleted or moved away (the work is lost when the desk closes),
//! and a pool connection opened later would make a new empty file at the path. So the desk
//! remembers the file it opened (its identity: device and inode, or on Windows its creation
//! time), and before each write, at each service call and on the change feed's tick checks that
//! the same file is still at the path and may be written. Anything else refuses the work with
//! [`Error::DatabaseFile`], naming the path; when the file is back (moved back to where it
//! was, made writable again) work goes on.
//!
//! Once a database is open its pool never creates a file again (`create_if_missing` is turned
//! off), and [`require_database`] lets a command that must not create a database (everything but
//! `init`, `restore` and a desk's first run) refuse a path with no database, creating nothing.
//!
//! SQLite's own answers for a read-only file, a full disk and a failing disk are told as such
//! ([`from_sqlite_code`]), not as a lost connection.
//!
//! Public functions: `require_database`. Hooks: `store::storage` (SQLite's codes),
//! `audited_write` (before each write), `Service::authorize_user`, `ChangeFeed::next`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use sanad_core::{DatabaseFileProblem, Error, Result};

use crate::store::Store;

/// Which file stands at a path: the same identity means the same file, wherever it was moved in
/// between and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Identity {
    #[cfg(unix)]
    device: u64,
    #[cfg(unix)]
    inode: u64,
    #[cfg(not(unix))]
    created: Option<std::time::SystemTime>,
}

impl Identity {
    fn of(metadata: &std::fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Identity {
                device: metadata.dev(),
                inode: metadata.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            Identity {
                created: metadata.created().ok(),
            }
        }
    }
}

/// The files this process opened, by the path SQLite opened them at.
static OPENED: LazyLock<Mutex<HashMap<PathBuf, Identity>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn opened_files() -> std::sync::MutexGuard<'static, HashMap<PathBuf, Identity>> {
    // A panic elsewhere while holding the lock leaves the map as it was: still usable.
    OPENED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn problem(problem: DatabaseFileProblem, path: &Path) -> Error {
    Error::DatabaseFile {
        problem,
        path: path.display().to_string(),
    }
}

/// Records the file a store just opened (and migrated) as the one to stay with, and stops its
/// pool from ever creating a file at that path again.
pub(crate) fn opened(store: &Store) -> Result<()> {
    let Store::Sqlite(pool) = store else {
        return Ok(());
    };
    let options = pool.connect_options();
    let path = options.get_filename().to_path_buf();
    if path.as_os_str().is_empty() || path == Path::new(":memory:") {
        return Ok(());
    }
    let metadata =
        std::fs::metadata(&path).map_err(|_| problem(DatabaseFileProblem::Missing, &path))?;
    opened_files().insert(path, Identity::of(&metadata));
    pool.set_connect_options((*options).clone().create_if_missing(false));
    Ok(())
}

/// Checks that the file `store` opened is still at its path, the same file, and writable.
pub(crate) fn check_store(store: &Store) -> Result<()> {
    match store {
        Store::Sqlite(pool) => check_pool(pool),
        Store::Postgres(_) => Ok(()),
    }
}

/// The check before a write, on the pool the write is about to use.
pub(crate) fn check_pool<P: DatabasePool>(pool: &P) -> Result<()> {
    match pool.database_file() {
        Some(path) => check(&path),
        None => Ok(()),
    }
}

/// A pool that may stand on a file (SQLite) or not (PostgreSQL).
pub(crate) trait DatabasePool {
    fn database_file(&self) -> Option<PathBuf>;
}

impl DatabasePool for sqlx::SqlitePool {
    fn database_file(&self) -> Option<PathBuf> {
        Some(self.connect_options().get_filename().to_path_buf())
    }
}

impl DatabasePool for sqlx::PgPool {
    fn database_file(&self) -> Option<PathBuf> {
        None
    }
}

fn check(path: &Path) -> Result<()> {
    let Some(known) = opened_files().get(path).copied() else {
        // Not opened through the service (a tool's own pool): nothing to compare with.
        return Ok(());
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) => {
            tracing::error!(path = %path.display(), error = %e, "the database file is gone");
            return Err(problem(DatabaseFileProblem::Missing, path));
        }
    };
    if Identity::of(&metadata) != known {
        tracing::error!(path = %path.display(), "the database file was replaced");
        return Err(problem(DatabaseFileProblem::Replaced, path));
    }
    if metadata.permissions().readonly() {
        tracing::error!(path = %path.display(), "the database file is read-only");
        return Err(problem(DatabaseFileProblem::ReadOnly, path));
    }
    Ok(())
}

/// For a command that must not create a database: an embedded database's file must exist (a
/// PostgreSQL database is never created by connecting). Checked before anything is opened, so a
/// mistyped path creates no file, no folder and no keychain entry.
pub fn require_database(url: &str) -> Result<()> {
    let Some(path) = crate::encryption::sqlite_file(url) else {
        return Ok(());
    };
    if path.is_file() {
        Ok(())
    } else {
        Err(problem(DatabaseFileProblem::NoDatabase, &path))
    }
}

/// SQLite's answers that are about the file or its disk, not a lost connection: read-only
/// (SQLITE_READONLY, 8), full (SQLITE_FULL, 13), a disk failure (SQLITE_IOERR, 10; what an
/// unwritable or vanished file gives mid-write). `code` is SQLite's extended result code. The
/// path is not known here; the check before the next write names it.
pub(crate) fn from_sqlite_code(code: &str) -> Option<Error> {
    let code: i64 = code.parse().ok()?;
    let problem = match code & 0xff {
        8 => DatabaseFileProblem::ReadOnly,
        13 => DatabaseFileProblem::DiskFull,
        10 => DatabaseFileProblem::DiskError,
        _ => return None,
    };
    Some(Error::DatabaseFile {
        problem,
        path: String::new(),
    })
}

/// The database error `e` as a file problem, when SQLite says it is one.
pub(crate) fn from_sqlx(e: &sqlx::Error) -> Option<Error> {
    let database = e.as_database_error()?;
    // Only SQLite's codes are numbers; PostgreSQL's SQLSTATEs have five characters and
    // sometimes digits only (08006), so ask which backend answered.
    database.try_downcast_ref::<sqlx::sqlite::SqliteError>()?;
    from_sqlite_code(&database.code()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::{Connection, Executor};

    #[test]
    fn sqlite_codes_are_told_as_what_they_are() {
        let kind = |c: &str| match from_sqlite_code(c) {
            Some(Error::DatabaseFile { problem, .. }) => Some(problem),
            _ => None,
        };
        assert_eq!(kind("13"), Some(DatabaseFileProblem::DiskFull));
        assert_eq!(kind("8"), Some(DatabaseFileProblem::ReadOnly));
        // SQLITE_READONLY_DBMOVED (1032): the file was moved while open.
        assert_eq!(kind("1032"), Some(DatabaseFileProblem::ReadOnly));
        // SQLITE_IOERR_WRITE (778).
        assert_eq!(kind("778"), Some(DatabaseFileProblem::DiskError));
        assert_eq!(kind("19"), None); // a constraint
        assert_eq!(kind("26"), None); // not a database: the key
        assert_eq!(kind("08006"), None);
    }

    /// A full database (SQLite reports reaching `max_page_count` as SQLITE_FULL, as it does a full
    /// disk) is told as a full disk, not as a lost connection.
    #[tokio::test]
    async fn a_full_disk_is_told_as_such() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("full.db").display());
        let mut conn = sqlx::SqliteConnection::connect(&url).await.expect("open");
        conn.execute("CREATE TABLE t (x TEXT)")
            .await
            .expect("table");
        conn.execute("PRAGMA max_page_count = 3")
            .await
            .expect("pragma");
        let mut last = None;
        for _ in 0..100 {
            if let Err(e) = sqlx::query("INSERT INTO t VALUES (randomblob(2000))")
                .execute(&mut conn)
                .await
            {
                last = Some(e);
                break;
            }
        }
        let e = last.expect("the file filled up");
        assert_eq!(
            crate::store::storage(e),
            Error::DatabaseFile {
                problem: DatabaseFileProblem::DiskFull,
                path: String::new()
            }
        );
    }

    #[test]
    fn a_missing_database_is_refused_before_anything_is_created() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("typo").join("sanad.db");
        let url = format!("sqlite://{}", path.display());
        match require_database(&url) {
            Err(Error::DatabaseFile {
                problem: DatabaseFileProblem::NoDatabase,
                path: named,
            }) => assert!(named.ends_with("sanad.db"), "{named}"),
            other => panic!("{other:?}"),
        }
        assert!(!path.exists() && !path.parent().is_some_and(Path::exists));
        assert!(require_database("postgres://u@localhost/x").is_ok());
    }
}
