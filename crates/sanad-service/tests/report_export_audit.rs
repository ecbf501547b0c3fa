//! Exporting a report carries data out of the system: each export is in the audit log, with who,
//! which report, which period and how many rows; a role that may not read reports exports nothing.

mod common;

use common::*;
use sanad_i18n::Lang;
use sanad_service::{AuditQuery, ExportFormat, ReportKind, ReportQuery};

on_both_backends!(every_export_is_audited, |backend| async move {
    let office = Office::new(backend).await;
    office
        .svc
        .register_request(&office.clerk, office.request())
        .await
        .expect("registered");
    let query = || ReportQuery {
        from: None,
        to: None,
    };
    let xlsx = office
        .svc
        .export_report(
            &office.director,
            ReportKind::StatusCounts,
            query(),
            ExportFormat::Xlsx,
            Lang::Fa,
        )
        .await
        .expect("xlsx");
    assert!(xlsx.starts_with(b"PK"), "an .xlsx is a zip file");
    let csv = office
        .svc
        .export_report(
            &office.auditor,
            ReportKind::Complaints,
            query(),
            ExportFormat::Csv,
            Lang::En,
        )
        .await
        .expect("csv");
    assert!(csv.starts_with("\u{feff}".as_bytes()));

    let refused = office
        .svc
        .export_report(
            &office.clerk,
            ReportKind::StatusCounts,
            query(),
            ExportFormat::Csv,
            Lang::Fa,
        )
        .await;
    assert!(
        matches!(refused, Err(sanad_service::Error::NotPermitted { .. })),
        "{refused:?}"
    );

    let entries = office
        .svc
        .audit_log(
            &office.auditor,
            AuditQuery {
                action: Some("report".into()),
                ..AuditQuery::default()
            },
        )
        .await
        .expect("audit log");
    let exports: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "report.export")
        .collect();
    assert_eq!(exports.len(), 2, "{entries:?}");
    let kinds: Vec<_> = exports
        .iter()
        .map(|e| e.detail["kind"].as_str().unwrap_or(""))
        .collect();
    assert!(
        kinds.contains(&"status-counts") && kinds.contains(&"complaints"),
        "{kinds:?}"
    );
    assert!(exports
        .iter()
        .any(|e| e.user.as_deref() == Some("director")));
    assert!(exports.iter().all(|e| e.detail["rows"].is_number()));
});
