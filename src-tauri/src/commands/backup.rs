//! Backups from the app: the administrator writes one to a file; a new, empty desk restores one
//! at first run.

use sanad_service::{AuditReport, BackupSecret};
use serde::Serialize;
use ts_rs::TS;

use super::{Answer, Desk};
use crate::error::CommandError;

/// A file written to disk (a backup, an exported report).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct FileWritten {
    pub path: String,
    pub bytes: u64,
}

fn secret(passphrase: &Option<String>) -> BackupSecret<'_> {
    match passphrase.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => BackupSecret::Passphrase(p),
        None => BackupSecret::Keychain,
    }
}

/// Where files the user writes (backups, exported reports) are offered to go: the user's
/// documents folder, else the home folder.
pub fn documents_folder() -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(std::path::Path::to_path_buf))
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
        .unwrap_or_default()
}

/// Where a backup goes unless the administrator says otherwise.
#[tauri::command]
pub fn suggested_backup_path() -> String {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M");
    documents_folder()
        .join(format!("sanad-backup-{stamp}.sanadbak"))
        .display()
        .to_string()
}

/// Writes an encrypted backup to `path` (sealed with `passphrase`, or with this computer's
/// keychain backup key when none is given). Administrator only.
#[tauri::command]
pub async fn write_backup(
    desk: Desk<'_>,
    path: String,
    passphrase: Option<String>,
) -> Answer<FileWritten> {
    let path = path.trim().to_owned();
    if path.is_empty() {
        return Err(sanad_service::Error::invalid("backup.path", "error-required").into());
    }
    let bytes = desk
        .service()?
        .backup(&desk.actor()?, secret(&passphrase))
        .await?;
    std::fs::write(&path, &bytes).map_err(|_| CommandError::file("backup.path", &path))?;
    Ok(FileWritten {
        path,
        bytes: bytes.len() as u64,
    })
}

/// Restores the backup at `path` into this desk's new, empty database (the first-run screen
/// offers it instead of creating the first administrator).
#[tauri::command]
pub async fn restore_backup(
    desk: Desk<'_>,
    path: String,
    passphrase: Option<String>,
) -> Answer<AuditReport> {
    let path = path.trim().to_owned();
    let bytes = std::fs::read(&path).map_err(|_| CommandError::file("backup.path", &path))?;
    Ok(desk.service()?.restore(&bytes, secret(&passphrase)).await?)
}
