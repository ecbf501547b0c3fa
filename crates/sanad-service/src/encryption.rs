//! Encryption at rest for the embedded database (SQLCipher), with its key in the OS keychain,
//! and PostgreSQL passwords from the keychain. [`Service::open`] is how desks open a database.
//!
//! Public functions: `DatabaseKey::generate`, `DatabaseKey::from_hex`, `DatabaseKey::hex`,
//! `Service::open`, `Service::open_reporting`, `Service::save_postgres_password`,
//! `Service::rekey`. Their SQL:
//! `store/ops/rekey.rs`.

use std::path::{Path, PathBuf};

use rand::RngCore;
use sanad_core::model::Role;
use sanad_core::{Error, Result};
use serde_json::json;

use crate::keychain::{Keychain, SecretName};
use crate::store::{AuditDraft, Store};
use crate::{Actor, Service};

/// A 256-bit SQLCipher key, kept as hex. Never logged: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseKey(String);

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseKey(…)")
    }
}

impl DatabaseKey {
    /// A fresh random key from the OS's secure source.
    pub fn generate() -> DatabaseKey {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        DatabaseKey(hex::encode(bytes))
    }

    /// A key as stored: 64 hex digits.
    pub fn from_hex(text: &str) -> Option<DatabaseKey> {
        let text = text.trim();
        (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| DatabaseKey(text.to_ascii_lowercase()))
    }

    pub fn hex(&self) -> &str {
        &self.0
    }

    /// The value of `PRAGMA key`/`rekey` for a raw key: `"x'…'"`, quoted as SQLCipher reads it
    /// verbatim (only hex digits inside, so nothing needs escaping). Public for tools that open
    /// the file as a desk does (the benchmark's engine figure).
    pub fn pragma_value(&self) -> String {
        format!("\"x'{}'\"", self.0)
    }
}

/// The file behind a `sqlite:` URL, absolute, so one file has one keychain entry however it
/// was named.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    std::path::absolute(Path::new(path)).ok()
}

/// `user@host:port/database`: the keychain name of a PostgreSQL connection's password.
fn postgres_connection_name(url: &str) -> Option<(String, bool)> {
    use std::str::FromStr;
    let options = sqlx::postgres::PgConnectOptions::from_str(url).ok()?;
    let has_password = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('@'))
        .is_some_and(|(userinfo, _)| userinfo.contains(':'));
    Some((
        format!(
            "{}@{}:{}/{}",
            options.get_username(),
            options.get_host(),
            options.get_port(),
            options.get_database().unwrap_or_default()
        ),
        has_password,
    ))
}

/// What [`Service::open_reporting`] is doing, for a desk's start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenStage {
    /// Asking the OS keychain for the database's key or the server's password.
    Keychain,
    /// Connecting to the database and bringing its schema up to date (migrations).
    Database,
}

impl Service {
    /// [`Service::open`], telling `stage` what it waits for before each step (a desk's window
    /// says it while the database opens behind it).
    pub async fn open_reporting(url: &str, stage: impl Fn(OpenStage) + Sync) -> Result<Service> {
        Service::open_inner(url, &stage).await
    }

    /// Opens a desk's database. An embedded file is encrypted: a new one gets a random key,
    /// stored in the OS keychain before the file is created; an existing one is opened with the
    /// key from the keychain, and without it the desk gets a clear error, never a new empty
    /// database. A PostgreSQL URL without a password takes the one saved in the keychain.
    pub async fn open(url: &str) -> Result<Service> {
        Service::open_inner(url, &|_| {}).await
    }

    async fn open_inner(url: &str, stage: &(dyn Fn(OpenStage) + Sync)) -> Result<Service> {
        if let Some(file) = sqlite_file(url) {
            stage(OpenStage::Keychain);
            let name = SecretName::DatabaseKey(file.display().to_string());
            let pending = SecretName::PendingDatabaseKey(file.display().to_string());
            let key = match Keychain::get(&name).await? {
                Some(hex) => DatabaseKey::from_hex(&hex)
                    .ok_or_else(|| Error::not_permitted("error-database-key-wrong"))?,
                None if !file.exists() => {
                    let key = DatabaseKey::generate();
                    Keychain::set(&name, key.hex()).await?;
                    key
                }
                None => return Err(Error::not_permitted("error-database-key-missing")),
            };
            stage(OpenStage::Database);
            match Service::connect_with(url, Some(&key), None).await {
                Err(Error::NotPermitted {
                    message_id: "error-database-key-wrong",
                    ..
                }) => {
                    // A rekey stopped between changing the file and the keychain: the new key
                    // is still pending. Finish it.
                    let Some(new) = Keychain::get(&pending)
                        .await?
                        .and_then(|h| DatabaseKey::from_hex(&h))
                    else {
                        return Err(Error::not_permitted("error-database-key-wrong"));
                    };
                    let service = Service::connect_with(url, Some(&new), None).await?;
                    Keychain::set(&name, new.hex()).await?;
                    Keychain::delete(&pending).await?;
                    Ok(service)
                }
                other => other,
            }
        } else if let Some((connection, has_password)) = postgres_connection_name(url) {
            let password = if has_password {
                None
            } else {
                stage(OpenStage::Keychain);
                Keychain::get(&SecretName::PostgresPassword(connection)).await?
            };
            stage(OpenStage::Database);
            Service::connect_with(url, None, password.as_deref()).await
        } else {
            Err(Error::invalid("db", "error-database-url"))
        }
    }

    /// Saves the password of the PostgreSQL server at `url` in the OS keychain, so the URL (in
    /// settings, scripts or the desk's configuration) never carries it.
    pub async fn save_postgres_password(url: &str, password: &str) -> Result<()> {
        let (connection, _) = postgres_connection_name(url)
            .ok_or_else(|| Error::invalid("db", "error-database-url"))?;
        Keychain::set(&SecretName::PostgresPassword(connection), password).await
    }

    /// Rotates the embedded database's key. Administrator only. The new key is kept in the
    /// keychain as pending before the file changes, so a crash at any point leaves a key that
    /// opens it. The service is closed afterwards: open the database again.
    pub async fn rekey(&self, actor: &Actor) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let (Store::Sqlite(pool), Some(file)) = (&self.store, &self.sqlite_file) else {
            return Err(Error::not_permitted("error-rekey-embedded-only"));
        };
        self.record(AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "database.rekey".to_owned(),
            entity: "database".to_owned(),
            entity_id: None,
            detail: json!({}),
        })
        .await?;
        let name = SecretName::DatabaseKey(file.display().to_string());
        let pending = SecretName::PendingDatabaseKey(file.display().to_string());
        let new = DatabaseKey::generate();
        Keychain::set(&pending, new.hex()).await?;
        crate::store::sqlite::rekey(pool, &new.pragma_value()).await?;
        self.store.close().await;
        Keychain::set(&name, new.hex()).await?;
        Keychain::delete(&pending).await
    }
}
