//! Backups from the app: the administrator writes one to a file; a new, empty desk restores one
//! at first run. The file, the passphrase's meaning and the suggested name are the application
//! layer's (`sanad_app::files`).

use sanad_app::files::{self, FileWritten};
use sanad_service::AuditReport;

use super::{Answer, Desk};

/// Where a backup goes unless the administrator says otherwise.
#[tauri::command]
pub fn suggested_backup_path(desk: Desk<'_>) -> Answer<String> {
    Ok(files::suggested_backup_path(&*desk.service()?))
}

/// Writes an encrypted backup to `path` (sealed with `passphrase`, or with this computer's
/// keychain backup key when none is typed). Administrator only.
#[tauri::command]
pub async fn write_backup(
    desk: Desk<'_>,
    path: String,
    passphrase: Option<String>,
) -> Answer<FileWritten> {
    Ok(files::write_backup(
        &*desk.service()?,
        &desk.actor()?,
        &path,
        passphrase.as_deref(),
    )
    .await?)
}

/// Restores the backup at `path` into this desk's new, empty database (the first-run screen
/// offers it instead of creating the first administrator).
#[tauri::command]
pub async fn restore_backup(
    desk: Desk<'_>,
    path: String,
    passphrase: Option<String>,
) -> Answer<AuditReport> {
    Ok(files::restore_backup(&*desk.service()?, &path, passphrase.as_deref()).await?)
}
