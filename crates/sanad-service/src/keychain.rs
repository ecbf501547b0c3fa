//! Secrets in the operating system's credential store: the Secret Service on Linux, the
//! Credential Manager on Windows, the Keychain on macOS — one code path through `keyring`.
//! Secrets never go to files, settings or logs.

use sanad_core::{Error, Result};

/// The service name every Sanad Desk secret is filed under.
const SERVICE: &str = "ir.gov.sanad.desk";

/// What a secret is for; the account name under [`SERVICE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretName {
    /// The encryption key of an embedded database file (by its absolute path).
    DatabaseKey(String),
    /// A new key while `db rekey` runs, so a crash in between never loses the database.
    PendingDatabaseKey(String),
    /// The password of a PostgreSQL connection (by `user@host:port/database`).
    PostgresPassword(String),
    /// The key backups are sealed with when no passphrase is given.
    BackupKey,
    /// The password of the SMTP account results are mailed from (by `user@host:port`).
    SmtpPassword(String),
}

impl SecretName {
    fn account(&self) -> String {
        match self {
            SecretName::DatabaseKey(p) => format!("database-key:{p}"),
            SecretName::PendingDatabaseKey(p) => format!("database-key-pending:{p}"),
            SecretName::PostgresPassword(c) => format!("postgres-password:{c}"),
            SecretName::BackupKey => "backup-key".to_owned(),
            SecretName::SmtpPassword(a) => format!("smtp-password:{a}"),
        }
    }
}

/// The OS credential store.
pub struct Keychain;

impl Keychain {
    /// The secret, or `None` when none is stored. An unusable store is an error, never `None`:
    /// a locked keyring must not look like a missing key (that would make a new, empty database).
    pub async fn get(name: &SecretName) -> Result<Option<String>> {
        let account = name.account();
        blocking(move || {
            let entry = entry(&account)?;
            match entry.get_password() {
                Ok(secret) => Ok(Some(secret)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(unavailable(e)),
            }
        })
        .await
    }

    pub async fn set(name: &SecretName, secret: &str) -> Result<()> {
        let account = name.account();
        let secret = secret.to_owned();
        blocking(move || entry(&account)?.set_password(&secret).map_err(unavailable)).await
    }

    /// Removes the secret; removing one that is not there is not an error.
    pub async fn delete(name: &SecretName) -> Result<()> {
        let account = name.account();
        blocking(move || match entry(&account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(e)),
        })
        .await
    }
}

fn entry(account: &str) -> Result<keyring::Entry> {
    if let Err(e) = keyring::Entry::store_status() {
        tracing::error!(error = %e, "OS credential store unavailable");
        return Err(Error::not_permitted("error-keychain-unavailable"));
    }
    keyring::Entry::new(SERVICE, account).map_err(unavailable)
}

fn unavailable(e: keyring::Error) -> Error {
    // The detail (which may name the entry) goes to the log, not to the person.
    tracing::error!(error = %e, "OS credential store failed");
    Error::not_permitted("error-keychain-unavailable")
}

/// The credential store's clients block (D-Bus round trips): keep them off the async workers.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Storage(format!("keychain task failed: {e}")))?
}
