//! Printing a request's slip, the one way every front end does it: the printer checked first (so
//! a mistyped name uses up no copy number), the copy issued in the core (numbered and audited),
//! the printer remembered as the clerk's choice, the PDF rendered and handed to the spooler —
//! or saved to a file. On Windows the spooler cannot print a PDF, so the answer says the desk must
//! print the rendered pages through its webview ([`Printed::RenderPages`]).
//!
//! Public: [`preview`], [`issue`], [`remember_printer`].

use std::path::PathBuf;

use sanad_i18n::{Lang, Localizer};
use sanad_service::{Actor, Service};
use sanad_slip::printing::{self, PrintError, PrinterInfo};
use sanad_slip::{compose_pages, render_slip, render_slip_svg, PaperSize};
use serde::Serialize;
use ts_rs::TS;

use crate::files::{write_file, FileWritten};
use crate::AppError;

/// A printer as the print dialog lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct Printer {
    pub name: String,
    pub description: String,
}

impl From<PrinterInfo> for Printer {
    fn from(info: PrinterInfo) -> Self {
        Printer {
            name: info.name,
            description: info.description,
        }
    }
}

/// What the print dialog shows before anything is issued.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct SlipPreview {
    /// One SVG document per page, drawn from the PDF's own layout.
    pub pages: Vec<String>,
    /// The copy this print would be: 1, or a duplicate (المثنی) from 2 on.
    pub copy: i64,
    pub printers: Vec<Printer>,
    /// The clerk's saved printer, else the system default.
    pub chosen_printer: Option<String>,
}

/// The slip as the next copy would print, the system's printers and the one to preselect.
/// Nothing is recorded.
pub async fn preview(
    service: &Service,
    actor: &Actor,
    code: &str,
    paper: PaperSize,
    lang: Lang,
) -> Result<SlipPreview, AppError> {
    let slip = service.preview_slip(actor, code, paper.as_str()).await?;
    let pages = render_slip_svg(&slip, &Localizer::new(lang), paper)?;
    let (printers, chosen_printer) = printers(service, actor).await?;
    Ok(SlipPreview {
        pages,
        copy: slip.copy,
        printers,
        chosen_printer,
    })
}

/// The system's printers, and the one a print dialog starts with (see [`preselect`]).
pub(crate) async fn printers(
    service: &Service,
    actor: &Actor,
) -> Result<(Vec<Printer>, Option<String>), AppError> {
    let saved = service.default_printer(actor).await?;
    let installed = printing::list_printers();
    let chosen = preselect(&installed, saved.as_deref());
    Ok((installed.into_iter().map(Printer::from).collect(), chosen))
}

/// The printer the dialog starts with (issue 12, item 7): the clerk's last one while it is still
/// installed, else the system's default, else the only printer there is. A saved printer that was
/// removed, or a spooler with no default set, must not leave the dialog with none chosen.
fn preselect(printers: &[PrinterInfo], saved: Option<&str>) -> Option<String> {
    let installed = |name: &str| printers.iter().any(|p| p.name == name);
    saved
        .map(str::trim)
        .filter(|name| installed(name))
        .map(str::to_owned)
        .or_else(|| {
            printers
                .iter()
                .find(|p| p.is_system_default)
                .map(|p| p.name.clone())
        })
        .or_else(|| {
            printing::choose_printer(None, None)
                .ok()
                .filter(|n| installed(n))
        })
        .or_else(|| match printers {
            [only] => Some(only.name.clone()),
            _ => None,
        })
}

/// Where an issued copy goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipDestination {
    /// To a printer: the one named, else the clerk's saved one, else the system default. The
    /// printer used becomes the clerk's saved choice.
    Printer(Option<String>),
    /// Saved as a PDF file.
    File(PathBuf),
    /// Both (one copy, saved and printed).
    FileAndPrinter(PathBuf, Option<String>),
}

/// One copy of a request's slip to issue.
#[derive(Debug, Clone)]
pub struct IssueSlip {
    pub code: String,
    pub paper: PaperSize,
    /// The slip's language: the desk always prints Persian (an official document); the
    /// command line prints in its `--lang`.
    pub lang: Lang,
    pub to: SlipDestination,
}

/// How a copy reached its printer.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Printed {
    /// Handed to the spooler as job `job`.
    Spooled { printer: String, job: u64 },
    /// This system's spooler takes no PDF (Windows): the desk prints the rendered pages — `pages`
    /// sheets of `width_pt` × `height_pt` points — through its webview to `printer`.
    RenderPages {
        printer: String,
        width_pt: f32,
        height_pt: f32,
        pages: usize,
    },
}

/// An issued copy.
#[derive(Debug, Clone, Serialize, PartialEq, TS)]
pub struct SlipIssued {
    pub tracking_code: String,
    pub copy: i64,
    pub saved: Option<FileWritten>,
    pub printed: Option<Printed>,
}

/// Issues the next copy and sends it where `input` says. A copy counts as issued once the core
/// has recorded it, whether or not the printer then succeeds: the next attempt is a duplicate.
pub async fn issue(
    service: &Service,
    actor: &Actor,
    input: IssueSlip,
) -> Result<SlipIssued, AppError> {
    let (path, asked) = match input.to {
        SlipDestination::Printer(asked) => (None, Some(asked)),
        SlipDestination::File(path) => (Some(path), None),
        SlipDestination::FileAndPrinter(path, asked) => (Some(path), Some(asked)),
    };
    let printer = match asked {
        Some(asked) => {
            let saved = service.default_printer(actor).await?;
            let printer = printing::choose_printer(asked.as_deref(), saved.as_deref())?;
            if !printing::printer_exists(&printer) {
                return Err(PrintError::NoSuchPrinter(printer).into());
            }
            Some(printer)
        }
        None => None,
    };
    let slip = service
        .issue_slip(actor, &input.code, input.paper.as_str(), printer.as_deref())
        .await?;
    let l10n = Localizer::new(input.lang);
    let pdf = render_slip(&slip, &l10n, input.paper)?;
    let saved = match path {
        Some(path) => Some(write_file("slip.path", &path, &pdf)?),
        None => None,
    };
    let printed = match printer {
        Some(printer) => {
            service.set_default_printer(actor, Some(&printer)).await?;
            match spool(&pdf, &printer, &l10n.text("slip-title"))? {
                Some(job) => Some(Printed::Spooled { printer, job }),
                None => {
                    let pages = compose_pages(&slip, &l10n, input.paper)?;
                    let first = pages.first();
                    Some(Printed::RenderPages {
                        printer,
                        width_pt: first.map_or(0.0, |p| p.width),
                        height_pt: first.map_or(0.0, |p| p.height),
                        pages: pages.len(),
                    })
                }
            }
        }
        None => None,
    };
    Ok(SlipIssued {
        tracking_code: slip.request.tracking_code.as_str().to_owned(),
        copy: slip.copy,
        saved,
        printed,
    })
}

/// The spooler's job id, or `None` where the spooler takes no PDF (the pages are printed by the
/// desk's webview instead).
fn spool(pdf: &[u8], printer: &str, job_name: &str) -> Result<Option<u64>, AppError> {
    match printing::print_pdf(pdf, printer, job_name) {
        Ok(job) => Ok(Some(job)),
        Err(PrintError::NeedsRenderedPages) => Ok(None),
        Err(e) => {
            if let PrintError::Spooler(detail) = &e {
                tracing::error!(%detail, "the spooler refused a slip");
            }
            Err(e.into())
        }
    }
}

/// Keeps `printer` as the clerk's slip printer (`sanad printers --set-default`), once the system
/// is known to have it.
pub async fn remember_printer(
    service: &Service,
    actor: &Actor,
    printer: &str,
) -> Result<(), AppError> {
    if !printing::printer_exists(printer) {
        return Err(PrintError::NoSuchPrinter(printer.to_owned()).into());
    }
    Ok(service.set_default_printer(actor, Some(printer)).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printer(name: &str, is_system_default: bool) -> PrinterInfo {
        PrinterInfo {
            name: name.to_owned(),
            description: name.to_owned(),
            is_system_default,
        }
    }

    #[test]
    fn the_dialog_starts_with_a_printer_that_is_installed() {
        let two = [printer("front-desk", false), printer("archive", true)];
        // The clerk's last printer while it is there.
        assert_eq!(
            preselect(&two, Some("front-desk")).as_deref(),
            Some("front-desk")
        );
        // Removed since: the system default, not a name that cannot print.
        assert_eq!(preselect(&two, Some("gone")).as_deref(), Some("archive"));
        // No default set (CUPS without lpadmin -d) and one printer: that one.
        assert_eq!(
            preselect(&[printer("only", false)], None).as_deref(),
            Some("only")
        );
        assert_eq!(preselect(&[], Some("gone")), None);
    }
}
