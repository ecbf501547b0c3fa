//! The director's and auditor's dashboard: reports on screen, and exported to .xlsx or CSV.

use sanad_i18n::Lang;
use sanad_service::{ExportFormat, Report, ReportKind, ReportQuery};

use super::backup::{documents_folder, FileWritten};
use super::{Answer, Desk};
use crate::error::CommandError;

#[tauri::command]
pub async fn report(desk: Desk<'_>, kind: ReportKind, query: ReportQuery) -> Answer<Report> {
    Ok(desk.service()?.report(&desk.actor()?, kind, query).await?)
}

/// Where an export goes unless the reader says otherwise: the documents folder, named after the
/// report, its format and today.
#[tauri::command]
pub fn suggested_export_path(kind: ReportKind, format: ExportFormat) -> String {
    documents_folder()
        .join(kind.file_name(format, chrono::Local::now().date_naive()))
        .display()
        .to_string()
}

/// Writes the report to `path` (the export is recorded in the audit log by the core).
#[tauri::command]
pub async fn export_report(
    desk: Desk<'_>,
    kind: ReportKind,
    query: ReportQuery,
    format: ExportFormat,
    path: String,
    lang: String,
) -> Answer<FileWritten> {
    let path = path.trim().to_owned();
    if path.is_empty() {
        return Err(sanad_service::Error::invalid("export.path", "error-required").into());
    }
    let lang = if lang == "en" { Lang::En } else { Lang::Fa };
    let bytes = desk
        .service()?
        .export_report(&desk.actor()?, kind, query, format, lang)
        .await?;
    std::fs::write(&path, &bytes).map_err(|_| CommandError::file("export.path", &path))?;
    Ok(FileWritten {
        path,
        bytes: bytes.len() as u64,
    })
}
