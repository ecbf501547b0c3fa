//! Secrets in the operating system's credential store: the Secret Service on Linux, the
//! Credential Manager on Windows, the Keychain on macOS — one code path through `keyring`.
//! Secrets never go to files, settings or logs.

use sanad_core::{Error, Result};
use sha2::Digest;

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
    /// The private half (Ed25519 seed, hex) of the directorate's signing key, by its key id.
    SigningKey(String),
}

/// Windows Credential Manager's limits, the tightest of the three stores (keyring-rs maps an
/// entry to the generic credential `<account>.<service>`, and keeps the secret as UTF-16):
/// a target name of at most 256 characters and a secret of at most 2,560 bytes.
pub const MAX_TARGET_NAME_CHARS: usize = 256;
pub const MAX_SECRET_BYTES: usize = 2560;

impl SecretName {
    /// The kind of secret, and what it belongs to (a file's path, a connection), if anything.
    fn parts(&self) -> (&'static str, Option<&str>) {
        match self {
            SecretName::DatabaseKey(p) => ("database-key", Some(p)),
            SecretName::PendingDatabaseKey(p) => ("database-key-pending", Some(p)),
            SecretName::PostgresPassword(c) => ("postgres-password", Some(c)),
            SecretName::BackupKey => ("backup-key", None),
            SecretName::SmtpPassword(a) => ("smtp-password", Some(a)),
            SecretName::SigningKey(kid) => ("signing-key", Some(kid)),
        }
    }

    /// The name the secret was filed under before names were kept within Windows' limit:
    /// `<kind>:<what it belongs to>` whatever its length.
    fn plain_account(&self) -> String {
        match self.parts() {
            (kind, Some(of)) => format!("{kind}:{of}"),
            (kind, None) => kind.to_owned(),
        }
    }

    /// The account name under [`SERVICE`]. The plain `<kind>:<what>` whenever the credential's
    /// target name fits Windows' 256 characters, so every existing desk finds its keys under
    /// the names they were saved with; a longer one (a database deep in a folder tree, a long
    /// host name) becomes `<kind>:sha256:<hex of what>`, still one name per file or connection.
    pub fn account(&self) -> String {
        let plain = self.plain_account();
        if target_name_chars(&plain) <= MAX_TARGET_NAME_CHARS {
            return plain;
        }
        match self.parts() {
            (kind, Some(of)) => {
                let digest = sha2::Sha256::digest(of.as_bytes());
                format!("{kind}:sha256:{}", hex::encode(digest))
            }
            (kind, None) => kind.to_owned(),
        }
    }

    /// The older, over-long name to read from when nothing is filed under [`account`]: a desk
    /// on Linux or macOS (whose stores have no such limit) may have saved a key under it.
    /// Windows could never have stored it, so there it is not asked for.
    fn legacy_account(&self) -> Option<String> {
        let plain = self.plain_account();
        (cfg!(not(windows)) && plain != self.account()).then_some(plain)
    }
}

/// The length, in UTF-16 units as Windows counts, of the credential keyring-rs makes for
/// `account`: `<account>.<service>`.
fn target_name_chars(account: &str) -> usize {
    account.encode_utf16().count() + 1 + SERVICE.encode_utf16().count()
}

/// Refuses a secret Windows cannot hold (it keeps the secret as UTF-16), on every system alike,
/// so a password that works at one desk works at all of them.
fn check_secret_size(secret: &str) -> Result<()> {
    if secret.encode_utf16().count() * 2 > MAX_SECRET_BYTES {
        return Err(Error::invalid("password", "error-keychain-secret-too-long"));
    }
    Ok(())
}

/// The OS credential store.
pub struct Keychain;

impl Keychain {
    /// The secret, or `None` when none is stored. An unusable store is an error, never `None`:
    /// a locked keyring must not look like a missing key (that would make a new, empty database).
    pub async fn get(name: &SecretName) -> Result<Option<String>> {
        let accounts: Vec<String> = std::iter::once(name.account())
            .chain(name.legacy_account())
            .collect();
        blocking(move || {
            for account in &accounts {
                match entry(account)?.get_password() {
                    Ok(secret) => return Ok(Some(secret)),
                    Err(keyring::Error::NoEntry) => {}
                    Err(e) => return Err(unavailable(e)),
                }
            }
            Ok(None)
        })
        .await
    }

    /// Files `secret` under `name`; a secret over [`MAX_SECRET_BYTES`] as UTF-16 is refused.
    pub async fn set(name: &SecretName, secret: &str) -> Result<()> {
        check_secret_size(secret)?;
        let account = name.account();
        let secret = secret.to_owned();
        blocking(move || entry(&account)?.set_password(&secret).map_err(unavailable)).await
    }

    /// Removes the secret (under its older name too); removing one that is not there is not an
    /// error.
    pub async fn delete(name: &SecretName) -> Result<()> {
        let accounts: Vec<String> = std::iter::once(name.account())
            .chain(name.legacy_account())
            .collect();
        blocking(move || {
            for account in &accounts {
                match entry(account)?.delete_credential() {
                    Ok(()) | Err(keyring::Error::NoEntry) => {}
                    Err(e) => return Err(unavailable(e)),
                }
            }
            Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A Windows path of about `chars` characters (MAX_PATH is 260; with long paths enabled a
    /// path can reach 32,767), Persian folder names included.
    fn long_windows_path(chars: usize) -> String {
        let mut path =
            String::from(r"C:\Users\کارمند دبیرخانه\AppData\Local\Sanad\Sanad Desk\data");
        while path.chars().count() < chars - 9 {
            path.push_str(r"\پوشه");
        }
        path.push_str(r"\sanad.db");
        path
    }

    fn every_kind(of: &str) -> Vec<SecretName> {
        vec![
            SecretName::DatabaseKey(of.to_owned()),
            SecretName::PendingDatabaseKey(of.to_owned()),
            SecretName::PostgresPassword(of.to_owned()),
            SecretName::BackupKey,
            SecretName::SmtpPassword(of.to_owned()),
            SecretName::SigningKey(of.to_owned()),
        ]
    }

    #[test]
    fn every_target_name_fits_windows_credential_manager() {
        for length in [10, 200, 230, 260, 1000, 32_767] {
            let path = long_windows_path(length);
            for name in every_kind(&path) {
                let account = name.account();
                assert!(
                    target_name_chars(&account) <= MAX_TARGET_NAME_CHARS,
                    "{} characters: {account}",
                    target_name_chars(&account)
                );
            }
        }
        // A PostgreSQL connection at its longest: 63-byte user and database names, a 253-character
        // host name, a five-digit port.
        let connection = format!(
            "{}@{}:65535/{}",
            "u".repeat(63),
            "h".repeat(253),
            "d".repeat(63)
        );
        for name in every_kind(&connection) {
            assert!(target_name_chars(&name.account()) <= MAX_TARGET_NAME_CHARS);
        }
    }

    #[test]
    fn short_names_stay_as_existing_desks_saved_them() {
        let path = r"C:\Users\clerk\AppData\Local\Sanad\Sanad Desk\data\sanad.db";
        assert_eq!(
            SecretName::DatabaseKey(path.into()).account(),
            format!("database-key:{path}")
        );
        assert_eq!(
            SecretName::PendingDatabaseKey("/home/a/.local/share/sanaddesk/sanad.db".into())
                .account(),
            "database-key-pending:/home/a/.local/share/sanaddesk/sanad.db"
        );
        assert_eq!(
            SecretName::PostgresPassword("desk@db.office:5432/sanad".into()).account(),
            "postgres-password:desk@db.office:5432/sanad"
        );
        assert_eq!(SecretName::BackupKey.account(), "backup-key");
        assert_eq!(
            SecretName::SmtpPassword("desk@mail.office:587".into()).account(),
            "smtp-password:desk@mail.office:587"
        );
        assert_eq!(SecretName::BackupKey.legacy_account(), None);
        assert_eq!(SecretName::DatabaseKey(path.into()).legacy_account(), None);
    }

    #[test]
    fn a_long_path_gets_its_own_hashed_name() {
        let one = SecretName::DatabaseKey(long_windows_path(400));
        let other = SecretName::DatabaseKey(format!("{}x", long_windows_path(400)));
        assert!(one.account().starts_with("database-key:sha256:"));
        assert_ne!(one.account(), other.account());
        // The key and its pending twin never share a name.
        assert_ne!(
            one.account(),
            SecretName::PendingDatabaseKey(long_windows_path(400)).account()
        );
        // Elsewhere the older, plain name is still read, for a desk that saved its key under it.
        let legacy = one.legacy_account();
        if cfg!(windows) {
            assert_eq!(legacy, None);
        } else {
            assert_eq!(
                legacy,
                Some(format!("database-key:{}", long_windows_path(400)))
            );
        }
    }

    #[test]
    fn the_secrets_the_desk_makes_fit_and_oversized_ones_are_refused() {
        // Database and backup keys are 32 random bytes in hex.
        let key = "0f".repeat(32);
        assert!(key.encode_utf16().count() * 2 <= MAX_SECRET_BYTES);
        assert!(check_secret_size(&key).is_ok());
        // A typed password: 1,280 UTF-16 units is the most Windows keeps.
        assert!(check_secret_size(&"p".repeat(1280)).is_ok());
        assert!(check_secret_size(&"ر".repeat(1280)).is_ok());
        assert!(check_secret_size(&"p".repeat(1281)).is_err());
        // A character outside the BMP takes two UTF-16 units.
        assert!(check_secret_size(&"😀".repeat(641)).is_err());
    }
}
