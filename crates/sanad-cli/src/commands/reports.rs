//! `sanad report KIND [--from DATE] [--to DATE] [--xlsx FILE] [--csv FILE]`.

use sanad_app::files::{self, ExportReport};
use sanad_i18n::Localizer;
use sanad_service::{Cell, ExportFormat, ReportKind, ReportQuery, Service};

use super::{file_error, sign_in};
use crate::args::Cli;
use crate::output::print_json;
use crate::CliError;

/// Where to write the report, besides printing it.
pub struct Files<'a> {
    pub xlsx: Option<&'a str>,
    pub csv: Option<&'a str>,
}

pub async fn report(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    kind: &str,
    from: &Option<String>,
    to: &Option<String>,
    files: Files<'_>,
) -> Result<(), CliError> {
    let actor = sign_in(cli, l10n, service).await?;
    let kind = ReportKind::parse(kind)?;
    let query = || ReportQuery {
        from: from.clone(),
        to: to.clone(),
    };
    let mut wrote = false;
    for (path, format) in [
        (files.xlsx, ExportFormat::Xlsx),
        (files.csv, ExportFormat::Csv),
    ] {
        let Some(path) = path else { continue };
        // Each export is recorded in the audit log by the core.
        let input = ExportReport {
            kind,
            query: query(),
            format,
            lang: l10n.lang(),
            path: path.to_owned(),
        };
        files::export_report(service, &actor, input)
            .await
            .map_err(file_error("cli-file-unwritable"))?;
        println!(
            "{}",
            l10n.format("cli-report-written", &[("path", path.to_owned())])
        );
        wrote = true;
    }
    if wrote {
        return Ok(());
    }
    let report = service.report(&actor, kind, query()).await?;
    if cli.json {
        return print_json(&report);
    }
    println!("{}", l10n.text(&report.title));
    let period = match &report.from {
        Some(from) => l10n.format(
            "cli-report-period",
            &[("from", from.clone()), ("to", report.to.clone())],
        ),
        None => l10n.format("cli-report-period-all", &[("to", report.to.clone())]),
    };
    println!("{period}");
    if report.rows.is_empty() {
        println!("{}", l10n.text("cli-report-empty"));
        return Ok(());
    }
    let headers: Vec<String> = report.columns.iter().map(|c| l10n.text(c)).collect();
    println!("{}", headers.join(" | "));
    for row in &report.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => l10n.digits(t),
                Cell::Term(id) => l10n.text(id),
                Cell::Int(n) => l10n.digits(&n.to_string()),
                Cell::Number(x) => l10n.digits(&x.to_string()),
            })
            .collect();
        println!("{}", cells.join(" | "));
    }
    Ok(())
}
