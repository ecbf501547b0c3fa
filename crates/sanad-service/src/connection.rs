//! Where a desk's data is: the embedded, encrypted file (the default) or the office's PostgreSQL
//! server. The choice is kept in `connection.json` beside the default database file — host,
//! port, database, user and TLS mode only; the password lives in the OS keychain.
//!
//! Public functions: `PostgresProfile::validated`, `PostgresProfile::url`,
//! `ConnectionProfile::load`, `ConnectionProfile::save`, `ConnectionProfile::url`,
//! `desk_database_url`, `Service::check_connection_change`, `Service::open_profile`.

use std::path::PathBuf;

use sanad_core::{normalize, Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Actor, Service};
use sanad_core::model::Role;

/// How a PostgreSQL connection uses TLS (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TlsMode {
    /// TLS when the server offers it.
    Prefer,
    /// TLS always, the certificate not checked.
    Require,
    /// TLS always, the certificate checked against the system's authorities and the host name.
    VerifyFull,
}

impl TlsMode {
    fn as_str(self) -> &'static str {
        match self {
            TlsMode::Prefer => "prefer",
            TlsMode::Require => "require",
            TlsMode::VerifyFull => "verify-full",
        }
    }
}

/// An office PostgreSQL server, without its password.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct PostgresProfile {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
    pub tls: TlsMode,
}

/// A desk's database.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(tag = "backend", rename_all = "snake_case")]
pub enum ConnectionProfile {
    /// `sanad.db` in the user's data folder, encrypted, its key in the keychain.
    Embedded,
    Postgres(PostgresProfile),
}

impl PostgresProfile {
    /// The profile with its fields trimmed and checked; field errors name `connection.*`.
    pub fn validated(&self) -> Result<PostgresProfile> {
        let host = normalize::digits_to_ascii(self.host.trim()).to_ascii_lowercase();
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'));
        if !host_ok {
            return Err(Error::invalid("connection.host", "error-connection-host"));
        }
        if self.port == 0 {
            return Err(Error::invalid("connection.port", "error-connection-port"));
        }
        let name = |field: &'static str, value: &str| -> Result<String> {
            let value = value.trim();
            if value.is_empty() {
                return Err(Error::invalid(field, "error-required"));
            }
            // PostgreSQL truncates identifiers at 63 bytes; refuse rather than connect elsewhere.
            if value.len() > 63 || value.chars().any(char::is_control) {
                return Err(Error::invalid(field, "error-connection-name"));
            }
            Ok(value.to_owned())
        };
        Ok(PostgresProfile {
            host,
            port: self.port,
            database: name("connection.database", &self.database)?,
            user: name("connection.user", &self.user)?,
            tls: self.tls,
        })
    }

    /// `postgres://user@host:port/database?sslmode=…`, never with a password.
    pub fn url(&self) -> String {
        let encode = |s: &str| -> String {
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        char::from(b).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect()
        };
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        format!(
            "postgres://{}@{}:{}/{}?sslmode={}",
            encode(&self.user),
            host,
            self.port,
            encode(&self.database),
            self.tls.as_str()
        )
    }
}

/// The folder of the desk's own files, beside the default database (see
/// [`desk_data_dir`](crate::service::desk_data_dir)).
fn data_dir() -> Result<PathBuf> {
    crate::service::desk_data_dir()
}

fn profile_file() -> Result<PathBuf> {
    Ok(data_dir()?.join("connection.json"))
}

impl ConnectionProfile {
    /// The desk's saved choice; the embedded database when none was made.
    pub fn load() -> Result<ConnectionProfile> {
        let path = profile_file()?;
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| Error::Storage(format!("{}: {e}", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConnectionProfile::Embedded),
            Err(e) => Err(Error::Storage(format!("{}: {e}", path.display()))),
        }
    }

    /// Keeps this choice for the next start (written whole, then renamed into place, so a crash
    /// leaves the old choice or the new one).
    pub fn save(&self) -> Result<()> {
        let path = profile_file()?;
        let dir = data_dir()?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::Storage(format!("{}: {e}", dir.display())))?;
        let text = serde_json::to_vec_pretty(self).map_err(|e| Error::Storage(e.to_string()))?;
        let partial = path.with_extension("json.partial");
        std::fs::write(&partial, text)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|e| Error::Storage(format!("{}: {e}", path.display())))
    }

    /// The database URL this profile opens.
    pub fn url(&self) -> Result<String> {
        match self {
            ConnectionProfile::Embedded => crate::default_database_url(),
            ConnectionProfile::Postgres(profile) => Ok(profile.url()),
        }
    }
}

/// The URL a desk (the app or `sanad`) opens: `SANAD_DB` when set, else the saved profile.
pub fn desk_database_url() -> Result<String> {
    match std::env::var("SANAD_DB") {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => ConnectionProfile::load()?.url(),
    }
}

impl Service {
    /// Whether the desk may change its database now: the administrator when signed in; before
    /// sign-in only while there is nothing to sign in to (`open` is `None` when the database did
    /// not open, or a database with no administrator yet), so nobody at a working desk's sign-in
    /// screen can point it at a server of their own.
    pub async fn check_connection_change(
        open: Option<&Service>,
        actor: Option<&Actor>,
    ) -> Result<()> {
        let allowed = match (actor, open) {
            (Some(actor), Some(service)) => {
                service.authorize(actor, &[Role::Admin]).await?;
                true
            }
            (Some(_), None) => false,
            (None, Some(service)) => service.needs_first_admin().await?,
            (None, None) => true,
        };
        if allowed {
            Ok(())
        } else {
            Err(Error::not_permitted("error-role-may-not-act"))
        }
    }

    /// Opens the database `profile` names. A PostgreSQL `password`, when given, is tried first
    /// and kept in the keychain only once the server accepted it, so a mistyped password never
    /// replaces a working one; without it the keychain's is used. Nothing is saved to the
    /// profile file: the caller does that once it is content with the connection.
    pub async fn open_profile(
        profile: &ConnectionProfile,
        password: Option<&str>,
    ) -> Result<(Service, ConnectionProfile)> {
        match profile {
            ConnectionProfile::Embedded => {
                let url = profile.url()?;
                Ok((Service::open(&url).await?, ConnectionProfile::Embedded))
            }
            ConnectionProfile::Postgres(given) => {
                let checked = given.validated()?;
                let url = checked.url();
                let service = match password.filter(|p| !p.is_empty()) {
                    Some(password) => {
                        let service = Service::connect_with(&url, None, Some(password)).await?;
                        Service::save_postgres_password(&url, password).await?;
                        service
                    }
                    None => Service::open(&url).await?,
                };
                Ok((service, ConnectionProfile::Postgres(checked)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> PostgresProfile {
        PostgresProfile {
            host: " DB.Office.local ".to_owned(),
            port: 5432,
            database: "sanad".to_owned(),
            user: "desk user".to_owned(),
            tls: TlsMode::VerifyFull,
        }
    }

    #[test]
    fn the_url_carries_no_password_and_encodes_names() {
        let checked = profile().validated().expect("valid");
        assert_eq!(
            checked.url(),
            "postgres://desk%20user@db.office.local:5432/sanad?sslmode=verify-full"
        );
    }

    #[test]
    fn persian_digits_in_the_host_are_read() {
        let mut p = profile();
        p.host = "۱۹۲.۱۶۸.۱.۱۰".to_owned();
        assert_eq!(p.validated().expect("valid").host, "192.168.1.10");
    }

    #[test]
    fn bad_fields_are_named() {
        let mut p = profile();
        p.host = "db office".to_owned();
        assert!(
            matches!(p.validated(), Err(Error::Invalid { field, .. }) if field == "connection.host")
        );
        let mut p = profile();
        p.port = 0;
        assert!(
            matches!(p.validated(), Err(Error::Invalid { field, .. }) if field == "connection.port")
        );
        let mut p = profile();
        p.database = "  ".to_owned();
        assert!(
            matches!(p.validated(), Err(Error::Invalid { field, .. }) if field == "connection.database")
        );
    }

    #[test]
    fn the_profile_file_is_tagged_by_backend() {
        let json = serde_json::to_value(ConnectionProfile::Postgres(profile())).expect("json");
        assert_eq!(json["backend"], "postgres");
        assert_eq!(json["tls"], "verify-full");
        assert!(json.get("password").is_none());
        let embedded = serde_json::to_value(ConnectionProfile::Embedded).expect("json");
        assert_eq!(embedded, serde_json::json!({ "backend": "embedded" }));
    }
}
