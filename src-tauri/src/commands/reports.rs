//! The director's and auditor's dashboard: reports on screen, and exported to .xlsx or CSV.

use sanad_app::files::{self, ExportReport, FileWritten};
use sanad_app::Lang;
use sanad_service::{ExportFormat, Report, ReportKind, ReportQuery};

use super::{Answer, Desk};

#[tauri::command]
pub async fn report(desk: Desk<'_>, kind: ReportKind, query: ReportQuery) -> Answer<Report> {
    Ok(desk.service()?.report(&desk.actor()?, kind, query).await?)
}

/// Where an export goes unless the reader says otherwise: the documents folder, named after the
/// report, its format and today.
#[tauri::command]
pub fn suggested_export_path(
    desk: Desk<'_>,
    kind: ReportKind,
    format: ExportFormat,
) -> Answer<String> {
    Ok(files::suggested_export_path(
        &*desk.service()?,
        kind,
        format,
    ))
}

/// Writes the report to `path` (the export is recorded in the audit log by the core).
#[tauri::command]
pub async fn export_report(
    desk: Desk<'_>,
    kind: ReportKind,
    query: ReportQuery,
    format: ExportFormat,
    path: String,
    lang: Lang,
) -> Answer<FileWritten> {
    let input = ExportReport {
        kind,
        query,
        format,
        lang,
        path,
    };
    Ok(files::export_report(&*desk.service()?, &desk.actor()?, input).await?)
}
