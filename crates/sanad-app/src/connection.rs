//! Which database a desk uses: switching to another (the embedded file or the office's server),
//! and how a database's location is shown to people.
//!
//! Public: [`switch_database`], [`shown`].

use sanad_service::{Actor, ConnectionProfile, Service};

use crate::AppError;

/// A database just opened in place of the old one.
pub struct SwitchedDatabase {
    pub service: Service,
    pub profile: ConnectionProfile,
    /// Where the data is now, for people.
    pub shown: String,
}

/// Opens `profile` (trying `password` on PostgreSQL and keeping it in the keychain once it
/// works) and saves it as this desk's choice. Allowed only where the core allows changing it:
/// before anyone can sign in, or to the administrator (`open` and `signed_in` say which).
pub async fn switch_database(
    open: Option<&Service>,
    signed_in: Option<&Actor>,
    profile: &ConnectionProfile,
    password: Option<&str>,
) -> Result<SwitchedDatabase, AppError> {
    Service::check_connection_change(open, signed_in).await?;
    let (service, profile) = Service::open_profile(profile, password).await?;
    profile.save()?;
    let shown = shown(&profile.url()?);
    Ok(SwitchedDatabase {
        service,
        profile,
        shown,
    })
}

/// Where the data is, for people: the file of a `sqlite://` URL, `user@host:port/database` of a
/// PostgreSQL one — never a password the URL might carry, nor its options.
pub fn shown(url: &str) -> String {
    if let Some(path) = url.strip_prefix("sqlite://") {
        return path.split('?').next().unwrap_or(path).to_owned();
    }
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split('?').next().unwrap_or(rest);
    match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or(userinfo);
            format!("{user}@{host}")
        }
        None => rest.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn where_the_data_is_never_shows_a_password() {
        assert_eq!(
            shown("postgres://desk:s3cret@db.office:5432/sanad?sslmode=require"),
            "desk@db.office:5432/sanad"
        );
        assert_eq!(shown("sqlite:///home/a/sanad.db"), "/home/a/sanad.db");
    }
}
