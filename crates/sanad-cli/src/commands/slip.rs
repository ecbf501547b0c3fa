//! `sanad slip CODE --out FILE.pdf [--size a5|a4|80mm]`, `sanad slip CODE --print [--printer NAME]`
//! and `sanad printers [--set-default NAME]`: the same calls the app's print action makes
//! (issue the copy in the service, render it, send it to the spooler).

use clap::Args;
use sanad_app::slip::{self, IssueSlip, Printed, SlipDestination, SlipIssued};
use sanad_app::{AppError, PaperSize, PrintError};
use sanad_i18n::Localizer;
use sanad_service::Service;
use sanad_slip::printing;

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
    let to = match (&args.out, args.print) {
        (Some(path), false) => SlipDestination::File(path.into()),
        (None, true) => SlipDestination::Printer(args.printer.clone()),
        (Some(path), true) => SlipDestination::FileAndPrinter(path.into(), args.printer.clone()),
        (None, false) => return Err(usage("cli-slip-out-or-print", vec![])),
    };
    let actor = sign_in(cli, l10n, service).await?;
    let input = IssueSlip {
        code: args.code.clone(),
        paper,
        lang: l10n.lang(),
        to,
    };
    let issued = slip::issue(service, &actor, input)
        .await
        .map_err(slip_error)?;
    print_issued(cli, l10n, &issued)
}

fn print_issued(cli: &Cli, l10n: &Localizer, issued: &SlipIssued) -> Result<(), CliError> {
    let copy = issued.copy.to_string();
    let mut report =
        serde_json::json!({ "tracking_code": issued.tracking_code, "copy": issued.copy });
    if let Some(saved) = &issued.saved {
        report["out"] = saved.path.clone().into();
        if !cli.json {
            let args = [("copy", copy.clone()), ("path", saved.path.clone())];
            println!("{}", l10n.format("cli-slip-saved", &args));
        }
    }
    match &issued.printed {
        Some(Printed::Spooled { printer, job }) => {
            report["printer"] = printer.clone().into();
            report["job"] = (*job).into();
            if !cli.json {
                let args = [
                    ("copy", copy),
                    ("printer", printer.clone()),
                    ("job", job.to_string()),
                ];
                println!("{}", l10n.format("cli-slip-printed", &args));
            }
        }
        // A spooler that takes no PDF (Windows): the copy is issued, the desk app prints it.
        Some(Printed::RenderPages { .. }) => {
            return Err(usage("cli-slip-print-from-app", vec![]));
        }
        None => {}
    }
    if cli.json {
        print_json(&report)?;
    }
    Ok(())
}

/// The application layer's failures in the command line's words (they name its flags).
pub(super) fn slip_error(e: AppError) -> CliError {
    match e {
        AppError::Service(e) => e.into(),
        AppError::Printing(e) => print_error(e),
        AppError::Render(detail) => usage("cli-slip-render-failed", vec![("detail", detail)]),
        AppError::File { path, .. } => usage("cli-slip-write-failed", vec![("path", path)]),
    }
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
        slip::remember_printer(service, &actor, name)
            .await
            .map_err(slip_error)?;
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
