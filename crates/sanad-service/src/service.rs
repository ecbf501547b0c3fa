//! The service handle: an open store, a clock and a source of tracking codes, plus the check that
//! runs first in every call: is this actor still an active user with this role?
//!
//! Public functions: `Actor::user_id`, `Actor::username`, `Actor::display_name`, `Actor::role`,
//! `Actor::must_change_password`, `Service::connect`, `Service::connect_with`,
//! `Service::with_clock`, `Service::with_codes`, `Service::backend_name`, `Service::close`,
//! `Service::store`, `default_database_url`. Their SQL: `store/ops/users.rs`.

use std::sync::Arc;

use sanad_core::model::Role;
use sanad_core::{Error, Result, TrackingCode};
use serde::Serialize;

use crate::clock::{Clock, SystemClock};
use crate::store::{on_store, Store, UserRow};

/// Where tracking codes come from. Desks use the OS's secure random source; tests inject
/// collisions to prove they are retried.
pub trait CodeSource: Send + Sync {
    fn next_code(&self) -> TrackingCode;
}

struct SecureCodes;

impl CodeSource for SecureCodes {
    fn next_code(&self) -> TrackingCode {
        TrackingCode::generate_secure()
    }
}

/// The signed-in user on whose behalf a call is made. Only [`Service::login`] makes one, and
/// every call re-checks it against the database (a deactivated user or changed role stops at once).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Actor {
    pub(crate) user_id: String,
    pub(crate) username: String,
    pub(crate) display_name: String,
    pub(crate) role: Role,
    /// Signed in with a one-time password: must choose a new one before anything else.
    pub(crate) must_change_password: bool,
    /// The organization an agency officer acts for; `None` for staff.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) organization_id: Option<String>,
}

impl Actor {
    pub fn user_id(&self) -> &str {
        &self.user_id
    }
    pub fn username(&self) -> &str {
        &self.username
    }
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    pub fn role(&self) -> Role {
        self.role
    }
    pub fn must_change_password(&self) -> bool {
        self.must_change_password
    }
    pub fn organization_id(&self) -> Option<&str> {
        self.organization_id.as_deref()
    }
}

#[derive(Clone)]
pub struct Service {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) codes: Arc<dyn CodeSource>,
    /// The embedded database's file, when this is one (for its key in the keychain).
    pub(crate) sqlite_file: Option<std::path::PathBuf>,
    /// Settings, holidays and notices as last read (`crate::config_cache`).
    pub(crate) cache: Arc<crate::config_cache::ConfigCache>,
}

impl Service {
    /// Opens and migrates the database at `url` (`sqlite://PATH` or `postgres://…`).
    ///
    /// This is the plain entry for tests and tools: no keychain, no encryption. Desks open their
    /// database with [`Service::open`].
    pub async fn connect(url: &str) -> Result<Service> {
        Service::connect_with(url, None, None).await
    }

    /// Opens with an explicit SQLite key or PostgreSQL password.
    pub async fn connect_with(
        url: &str,
        key: Option<&crate::encryption::DatabaseKey>,
        password: Option<&str>,
    ) -> Result<Service> {
        let store = Store::connect(url, key, password).await?;
        crate::database_file::opened(&store)?;
        crate::sealer::start(store.clone());
        Ok(Service {
            cache: crate::config_cache::of(store.sealer_key()),
            store,
            sqlite_file: crate::encryption::sqlite_file(url),
            clock: Arc::new(SystemClock),
            codes: Arc::new(SecureCodes),
        })
    }

    /// The same service with another clock (tests of deadlines).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Service {
        self.clock = clock;
        self
    }

    /// The same service with another source of tracking codes (tests of collisions).
    pub fn with_codes(mut self, codes: Arc<dyn CodeSource>) -> Service {
        self.codes = codes;
        self
    }

    pub fn backend_name(&self) -> &'static str {
        self.store.backend_name()
    }

    /// Seals what this process queued for the audit log (so a command-line run leaves nothing
    /// unsealed), then closes the pool.
    pub async fn close(&self) {
        if let Err(e) = self.seal_audit().await {
            tracing::warn!(error = %e, "sealing the audit log before closing failed");
        }
        self.store.close().await
    }

    /// Now, on the service's clock: every front end takes the time from here, never from the
    /// system, so tests that move the clock move everything.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub(crate) fn now_micros(&self) -> i64 {
        crate::clock::micros(self.clock.now())
    }

    /// Checks that `actor` is still an active user with the same role, and that the role is one of
    /// `allowed`. Every public operation calls this first.
    pub(crate) async fn authorize(&self, actor: &Actor, allowed: &[Role]) -> Result<()> {
        self.authorize_user(actor, allowed, false).await.map(|_| ())
    }

    /// [`Service::authorize`], returning the user's current row. A user holding a one-time
    /// password passes only where `password_change` is true (changing it).
    pub(crate) async fn authorize_user(
        &self,
        actor: &Actor,
        allowed: &[Role],
        password_change: bool,
    ) -> Result<UserRow> {
        crate::database_file::check_store(&self.store)?;
        let user = on_store!(&self.store, ops, pool => ops::actor_row(pool, &actor.user_id).await)?;
        let Some(user) = user else {
            return Err(Error::AuthenticationFailed);
        };
        self.cache.observe(user.config_version.as_deref());
        if !user.active || user.role != actor.role.as_str() {
            return Err(Error::AuthenticationFailed);
        }
        if user.must_change_password && !password_change {
            return Err(Error::not_permitted("error-password-change-required"));
        }
        if !allowed.contains(&actor.role) {
            return Err(Error::not_permitted("error-role-may-not-act"));
        }
        Ok(user)
    }

    /// A setting's value, from the process's cache when a call has checked it is current.
    pub(crate) async fn cached_setting(&self, key: &str) -> Result<Option<String>> {
        if let Some(all) = self.cache.settings() {
            return Ok(all.get(key).cloned());
        }
        let version = self.cache.version();
        let all: std::collections::HashMap<String, String> =
            on_store!(&self.store, ops, pool => ops::all_settings(pool).await)?
                .into_iter()
                .collect();
        let value = all.get(key).cloned();
        self.cache.keep_settings(version, Arc::new(all));
        Ok(value)
    }

    /// The open store, for tools that work below the service API (tests that tamper with the
    /// database as an attacker would, benchmarks that bulk-load).
    pub fn store(&self) -> &Store {
        &self.store
    }
}

/// The desk's own folder, from the platform's known folders: `%LOCALAPPDATA%\Sanad\Sanad
/// Desk\data` on Windows (FOLDERID_LocalAppData), `~/.local/share/sanaddesk` on Linux
/// (`$XDG_DATA_HOME`), `~/Library/Application Support/ir.Sanad.Sanad-Desk` on macOS. On Windows
/// the local, not the roaming, profile: offices redirect or roam `%APPDATA%` to a file server,
/// and an SQLite file must not live on a network share (its locking is unreliable there) nor be
/// copied back and forth at every sign-in. Linux and macOS have one folder for both.
pub fn desk_data_dir() -> Result<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("ir", "Sanad", "Sanad Desk")
        .ok_or_else(|| Error::Storage("no home folder to keep the database in".to_owned()))?;
    Ok(dirs.data_local_dir().to_path_buf())
}

/// The embedded default: `sanad.db` in [`desk_data_dir`] (created if missing).
pub fn default_database_url() -> Result<String> {
    let dir = desk_data_dir()?;
    let dir = dir.as_path();
    std::fs::create_dir_all(dir).map_err(|e| Error::Storage(format!("{}: {e}", dir.display())))?;
    Ok(format!("sqlite://{}", dir.join("sanad.db").display()))
}

/// Every staff role: for reads every signed-in desk user may make. Agency officers on the portal
/// reach only what `sanad_core::access::USES_PORTAL` opens to them.
pub(crate) const ANY_ROLE: &[Role] = sanad_core::access::STAFF;
