//! `sanad slip CODE --out FILE.pdf [--size a5|a4|80mm]`, `sanad slip CODE --print [--printer NAME]`
//! and `sanad printers [--set-default NAME]`: the same calls the app's print action makes
//! (issue the copy in the service, render it, send it to the spooler).

use clap::Args;
use sanad_i18n::Localizer;
use sanad_service::Service;
use sanad_slip::printing::{self, PrintError};
use sanad_slip::{render_slip, PaperSize};

use super::sign_in;
use crate::args::Cli;
use crate::output::print_json;
use crate::CliError;

#[derive(Debug, Args)]
pub struct SlipArgs {
    /// The request's tracking code
    pub code: String,
    /// Save the slip as a PDF file
    #[arg(long, value_name = "FILE.pdf")]
    pub out: Option<String>,
    /// Paper: a5 (default), a4 or 80mm (receipt roll)
    #[arg(long, default_value = "a5")]
    pub size: String,
    /// Send the slip to a printer (--printer, else your saved printer, else the system default)
    #[arg(long)]
    pub print: bool,
    #[arg(long, value_name = "NAME")]
    pub printer: Option<String>,
}

#[derive(Debug, Args)]
pub struct PrintersArgs {
    /// Keep NAME as your default slip printer
    #[arg(long = "set-default", value_name = "NAME")]
    pub set_default: Option<String>,
}

fn usage(message_id: &'static str, args: Vec<(&'static str, String)>) -> CliError {
    CliError::Usage { message_id, args }
}

pub async fn slip(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    args: &SlipArgs,
) -> Result<(), CliError> {
    let paper = PaperSize::parse(&args.size).ok_or_else(|| {
        let sizes = PaperSize::ALL.map(PaperSize::as_str).join(", ");
        usage("cli-slip-size", vec![("sizes", sizes)])
    })?;
    if args.out.is_none() && !args.print {
        return Err(usage("cli-slip-out-or-print", vec![]));
    }
    let actor = sign_in(cli, l10n, service).await?;
    let printer = if args.print {
        let saved = service.default_printer(&actor).await?;
        let printer = printing::choose_printer(args.printer.as_deref(), saved.as_deref())
            .map_err(print_error)?;
        if !printing::printer_exists(&printer) {
            return Err(print_error(PrintError::NoSuchPrinter(printer)));
        }
        Some(printer)
    } else {
        None
    };
    let slip = service
        .issue_slip(&actor, &args.code, paper.as_str(), printer.as_deref())
        .await?;
    let pdf = render_slip(&slip, l10n, paper)
        .map_err(|e| usage("cli-slip-render-failed", vec![("detail", e.to_string())]))?;
    let copy = slip.copy.to_string();
    let mut report =
        serde_json::json!({ "tracking_code": slip.request.tracking_code, "copy": slip.copy });
    if let Some(path) = &args.out {
        std::fs::write(path, &pdf)
            .map_err(|_| usage("cli-slip-write-failed", vec![("path", path.clone())]))?;
        report["out"] = path.clone().into();
        if !cli.json {
            println!(
                "{}",
                l10n.format(
                    "cli-slip-saved",
                    &[("copy", copy.clone()), ("path", path.clone())]
                )
            );
        }
    }
    if let Some(printer) = printer {
        let job_name = l10n.text("slip-title");
        let job = printing::print_pdf(&pdf, &printer, &job_name).map_err(print_error)?;
        report["printer"] = printer.clone().into();
        report["job"] = job.into();
        if !cli.json {
            println!(
                "{}",
                l10n.format(
                    "cli-slip-printed",
                    &[
                        ("copy", copy),
                        ("printer", printer),
                        ("job", job.to_string())
                    ]
                )
            );
        }
    }
    if cli.json {
        print_json(&report)?;
    }
    Ok(())
}

fn print_error(e: PrintError) -> CliError {
    match e {
        PrintError::NoSuchPrinter(name) => {
            usage("cli-slip-no-such-printer", vec![("printer", name)])
        }
        PrintError::NoPrinter => usage("cli-slip-no-printer", vec![]),
        PrintError::Spooler(detail) => usage("cli-slip-print-failed", vec![("detail", detail)]),
        PrintError::NeedsRenderedPages => usage("cli-slip-print-from-app", vec![]),
    }
}

pub async fn printers(
    cli: &Cli,
    l10n: &Localizer,
    service: &Service,
    args: &PrintersArgs,
) -> Result<(), CliError> {
    if let Some(name) = &args.set_default {
        let actor = sign_in(cli, l10n, service).await?;
        if !printing::printer_exists(name) {
            return Err(usage(
                "cli-slip-no-such-printer",
                vec![("printer", name.clone())],
            ));
        }
        service.set_default_printer(&actor, Some(name)).await?;
        if !cli.json {
            println!(
                "{}",
                l10n.format("cli-printer-saved", &[("printer", name.clone())])
            );
        }
    }
    let list = printing::list_printers();
    if cli.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("{}", l10n.text("cli-printer-none"));
    }
    for p in list {
        let mark = if p.is_system_default {
            format!(" {}", l10n.text("cli-printer-default-mark"))
        } else {
            String::new()
        };
        println!(
            "{}",
            l10n.format("cli-printer-line", &[("name", p.name), ("default", mark)])
        );
    }
    Ok(())
}
