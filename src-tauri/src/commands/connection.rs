//! Which database this desk uses: the embedded file or the office's PostgreSQL server, chosen at
//! first run and changed later in settings. The password goes to the OS keychain (in the core).

use std::sync::Arc;

use sanad_app::connection::switch_database;
use sanad_service::ConnectionProfile;
use serde::Serialize;
use ts_rs::TS;

use super::{Answer, Desk};
use crate::state::OpenDatabase;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct ConnectionSettings {
    pub profile: ConnectionProfile,
    /// Where the data is now, as shown to people.
    pub shown: String,
    /// `SANAD_DB` chose the database for this run: the saved choice applies on the next start
    /// without it.
    pub from_environment: bool,
}

#[tauri::command]
pub fn connection_settings(desk: Desk<'_>) -> Answer<ConnectionSettings> {
    let (shown, from_environment) = desk.database_shown();
    Ok(ConnectionSettings {
        profile: ConnectionProfile::load()?,
        shown,
        from_environment,
    })
}

/// Opens `profile`, saves it as this desk's choice, and puts it in place of the open database.
/// Allowed before anyone signs in (first run, or a server that moved) and to the administrator.
#[tauri::command]
pub async fn connect_database(
    desk: Desk<'_>,
    profile: ConnectionProfile,
    password: Option<String>,
) -> Answer<ConnectionSettings> {
    // While the start-up's database is still opening there is not yet anything to tell whether
    // a change is allowed: wait for it.
    desk.ready().await;
    let open = desk.service().ok();
    let signed_in = desk.current().map(|session| session.who().clone());
    let switched = switch_database(
        open.as_deref(),
        signed_in.as_ref(),
        &profile,
        password.as_deref(),
    )
    .await?;
    desk.replace_database(OpenDatabase {
        service: Ok(Arc::new(switched.service)),
        shown: switched.shown.clone(),
        from_environment: false,
    });
    Ok(ConnectionSettings {
        profile: switched.profile,
        shown: switched.shown,
        from_environment: false,
    })
}
