//! Use cases that carry data to or from a file the user names: a backup written and restored, a
//! report exported; and where such files are offered to go (the user's documents folder, named
//! by the core after what they hold and the day, on the service's clock, Tehran time).
//!
//! Public: [`write_backup`], [`restore_backup`], [`export_report`], [`suggested_backup_path`],
//! [`suggested_export_path`], [`documents_folder`].

use std::path::{Path, PathBuf};

use sanad_i18n::Lang;
use sanad_service::{
    Actor, AuditReport, BackupSecret, Error, ExportFormat, ReportKind, ReportQuery, Service,
};
use serde::Serialize;
use ts_rs::TS;

use crate::AppError;

/// A file written to disk (a backup, an exported report, a saved slip).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct FileWritten {
    pub path: String,
    pub bytes: u64,
}

/// A path as typed: trimmed, and required.
fn named_path(field: &'static str, path: &str) -> Result<PathBuf, AppError> {
    let path = path.trim();
    if path.is_empty() {
        return Err(Error::invalid(field, "error-required").into());
    }
    Ok(PathBuf::from(path))
}

pub(crate) fn write_file(
    field: &'static str,
    path: &Path,
    bytes: &[u8],
) -> Result<FileWritten, AppError> {
    let shown = path.display().to_string();
    std::fs::write(path, bytes).map_err(|e| {
        tracing::warn!(path = %shown, error = %e, "could not write a file");
        AppError::File {
            field,
            path: shown.clone(),
        }
    })?;
    Ok(FileWritten {
        path: shown,
        bytes: bytes.len() as u64,
    })
}

/// Writes an encrypted backup of everything to `path`, sealed with `passphrase`, or with this
/// computer's keychain backup key when none is typed. Administrator only (the core checks).
pub async fn write_backup(
    service: &Service,
    actor: &Actor,
    path: &str,
    passphrase: Option<&str>,
) -> Result<FileWritten, AppError> {
    let path = named_path("backup.path", path)?;
    let bytes = service
        .backup(actor, BackupSecret::from_passphrase(passphrase))
        .await?;
    write_file("backup.path", &path, &bytes)
}

/// Restores the backup at `path` into this new, empty database.
pub async fn restore_backup(
    service: &Service,
    path: &str,
    passphrase: Option<&str>,
) -> Result<AuditReport, AppError> {
    let path = named_path("backup.path", path)?;
    let bytes = std::fs::read(&path).map_err(|_| AppError::File {
        field: "backup.path",
        path: path.display().to_string(),
    })?;
    Ok(service
        .restore(&bytes, BackupSecret::from_passphrase(passphrase))
        .await?)
}

/// One report to export.
#[derive(Debug, Clone)]
pub struct ExportReport {
    pub kind: ReportKind,
    pub query: ReportQuery,
    pub format: ExportFormat,
    pub lang: Lang,
    pub path: String,
}

/// Writes the report to its file; the core records the export in the audit log first.
pub async fn export_report(
    service: &Service,
    actor: &Actor,
    input: ExportReport,
) -> Result<FileWritten, AppError> {
    let path = named_path("export.path", &input.path)?;
    let bytes = service
        .export_report(actor, input.kind, input.query, input.format, input.lang)
        .await?;
    write_file("export.path", &path, &bytes)
}

/// Where files the user writes are offered to go: the documents folder, else the home folder.
pub fn documents_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        .or_else(|| directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
        .unwrap_or_default()
}

/// Today and now in Tehran, on the service's clock.
fn tehran_now(service: &Service) -> chrono::DateTime<chrono_tz::Tz> {
    service.now().with_timezone(&chrono_tz::Asia::Tehran)
}

/// `sanad-backup-20261201-0930.sanadbak` in the documents folder.
pub fn suggested_backup_path(service: &Service) -> String {
    let stamp = tehran_now(service).format("%Y%m%d-%H%M");
    documents_folder()
        .join(format!("sanad-backup-{stamp}.sanadbak"))
        .display()
        .to_string()
}

/// `sanad-on-time-20261201.xlsx` in the documents folder.
pub fn suggested_export_path(service: &Service, kind: ReportKind, format: ExportFormat) -> String {
    documents_folder()
        .join(kind.file_name(format, tehran_now(service).date_naive()))
        .display()
        .to_string()
}
