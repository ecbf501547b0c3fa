//! A report exported to a file (.xlsx or CSV): built, written to bytes and recorded in the audit
//! log (who exported which report for which period), since an export carries data out of the
//! system.
//!
//! Public functions: `ExportFormat::extension`, `ReportKind::file_name`, `Service::export_report`.

use sanad_core::Result;
use sanad_i18n::Lang;
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::report_export::{report_csv, report_xlsx};
use crate::reports::{ReportKind, ReportQuery};
use crate::store::AuditDraft;
use crate::{Actor, Service};

/// The file a report is exported as.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

impl ExportFormat {
    /// The file name's extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }
}

impl ReportKind {
    /// The file name an export is offered under: `sanad-on-time-20261126.xlsx`.
    pub fn file_name(self, format: ExportFormat, day: chrono::NaiveDate) -> String {
        format!(
            "sanad-{}-{}.{}",
            self.as_str(),
            day.format("%Y%m%d"),
            format.extension()
        )
    }
}

impl Service {
    /// The report as file bytes, in `lang` (headers, terms, sheet direction). Recorded in the
    /// audit log before the bytes are handed out. Same readers as [`Service::report`].
    pub async fn export_report(
        &self,
        actor: &Actor,
        kind: ReportKind,
        q: ReportQuery,
        format: ExportFormat,
        lang: Lang,
    ) -> Result<Vec<u8>> {
        let report = self.report(actor, kind, q).await?;
        let bytes = match format {
            ExportFormat::Xlsx => report_xlsx(&report, lang)?,
            ExportFormat::Csv => report_csv(&report, lang)?,
        };
        self.record(AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id().to_owned()),
            action: "report.export".to_owned(),
            entity: "report".to_owned(),
            entity_id: None,
            detail: json!({
                "kind": kind.as_str(),
                "format": format,
                "from": report.from,
                "to": report.to,
                "rows": report.rows.len(),
            }),
        })
        .await?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_offered_under_the_report_and_the_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        assert_eq!(
            ReportKind::OnTime.file_name(ExportFormat::Csv, day),
            "sanad-on-time-20261126.csv"
        );
        assert_eq!(
            ReportKind::StatusCounts.file_name(ExportFormat::Xlsx, day),
            "sanad-status-counts-20261126.xlsx"
        );
    }
}
