//! The print-slip action: a preview drawn from the same layout as the PDF, then the copy issued
//! in the core (numbered and audited) and sent to the chosen printer.

use sanad_i18n::{Lang, Localizer};
use sanad_slip::printing::{self, PrintError, PrinterInfo};
use sanad_slip::{render_slip_svg, PaperSize};
use serde::Serialize;
use ts_rs::TS;

use super::{Answer, Desk};
use crate::error::CommandError;

/// What the print dialog shows.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct SlipPreview {
    /// One SVG document per page.
    pub pages: Vec<String>,
    /// The copy this print would be: 1, or a duplicate (المثنی) from 2 on.
    pub copy: i64,
    pub printers: Vec<Printer>,
    /// The clerk's saved printer, else the system default.
    pub chosen_printer: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct Printer {
    pub name: String,
    pub description: String,
}

/// A copy sent to the spooler.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct SlipPrinted {
    pub copy: i64,
    pub printer: String,
    pub job: u64,
}

fn paper(text: &str) -> Result<PaperSize, CommandError> {
    PaperSize::parse(text)
        .ok_or_else(|| sanad_service::Error::invalid("paper", "error-slip-paper").into())
}

/// The slip is an official Persian document, whatever language the desk shows.
fn slip_localizer() -> Localizer {
    Localizer::new(Lang::Fa)
}

fn render_failed(error: sanad_slip::SlipError) -> CommandError {
    log::error!("slip rendering failed: {error}");
    CommandError::new("slip_render", "ui-slip-render-failed")
}

#[tauri::command]
pub async fn slip_preview(desk: Desk<'_>, code: String, paper_size: String) -> Answer<SlipPreview> {
    let paper = paper(&paper_size)?;
    let service = desk.service()?;
    let actor = desk.actor()?;
    let slip = service.preview_slip(&actor, &code, paper.as_str()).await?;
    let pages = render_slip_svg(&slip, &slip_localizer(), paper).map_err(render_failed)?;
    let saved = service.default_printer(&actor).await?;
    let system = printing::list_printers();
    let chosen_printer = printing::choose_printer(None, saved.as_deref()).ok();
    Ok(SlipPreview {
        pages,
        copy: slip.copy,
        printers: system.into_iter().map(Printer::from).collect(),
        chosen_printer,
    })
}

impl From<PrinterInfo> for Printer {
    fn from(info: PrinterInfo) -> Self {
        Printer {
            name: info.name,
            description: info.description,
        }
    }
}

/// Issues the next copy and sends it to `printer`, which becomes the clerk's saved printer.
#[tauri::command]
pub async fn print_slip(
    desk: Desk<'_>,
    // Windows (issue 17): the window whose preview WebView2 prints; see `send_to_printer`.
    window: tauri::WebviewWindow,
    code: String,
    paper_size: String,
    printer: String,
) -> Answer<SlipPrinted> {
    let paper = paper(&paper_size)?;
    let service = desk.service()?;
    let actor = desk.actor()?;
    if !printing::printer_exists(&printer) {
        return Err(print_error(PrintError::NoSuchPrinter(printer)));
    }
    let slip = service
        .issue_slip(&actor, &code, paper.as_str(), Some(&printer))
        .await?;
    service.set_default_printer(&actor, Some(&printer)).await?;
    let job = send_to_printer(&window, &slip, paper, &printer).await?;
    Ok(SlipPrinted {
        copy: slip.copy,
        printer,
        job,
    })
}

/// Linux and macOS: the slip's PDF to the spooler (CUPS renders it for any driver); returns the
/// spooler's job id. `window` is not needed there.
#[cfg(not(windows))]
async fn send_to_printer(
    _window: &tauri::WebviewWindow,
    slip: &sanad_service::SlipPrint,
    paper: PaperSize,
    printer: &str,
) -> Result<u64, CommandError> {
    let pdf = sanad_slip::render_slip(slip, &slip_localizer(), paper).map_err(render_failed)?;
    let job_name = slip_localizer().text("slip-title");
    printing::print_pdf(&pdf, printer, &job_name).map_err(print_error)
}

// ---- Windows (issue 17) ----------------------------------------------------------------------
/// Windows: the spooler takes no PDF, so WebView2 prints the window's own preview — the same
/// pages, laid out one per sheet by the UI's print style sheet — through the printer's driver,
/// without a dialog (`crate::print_windows`). What prints is the preview the dialog holds, drawn
/// for the copy number the core issues now (the dialog redraws it after every print); WebView2
/// reports no spooler job id: 0.
#[cfg(windows)]
async fn send_to_printer(
    window: &tauri::WebviewWindow,
    slip: &sanad_service::SlipPrint,
    paper: PaperSize,
    printer: &str,
) -> Result<u64, CommandError> {
    use crate::print_windows::{print_shown_slip, PrintFailure, SlipSheets};
    let pages = sanad_slip::compose_pages(slip, &slip_localizer(), paper).map_err(render_failed)?;
    let sheets = SlipSheets::of_pages(&pages)
        .ok_or_else(|| CommandError::new("slip_render", "ui-slip-render-failed"))?;
    match print_shown_slip(window, printer, sheets).await {
        Ok(()) => {
            // For support: which printer and paper, never what the slip says.
            log::info!(
                "slip printed through WebView2 on {printer} ({})",
                paper.as_str()
            );
            Ok(0)
        }
        Err(PrintFailure::PrinterUnavailable) => {
            Err(print_error(PrintError::NoSuchPrinter(printer.to_owned())))
        }
        Err(failure) => Err(print_error(PrintError::Spooler(failure.to_string()))),
    }
}
// ---- end Windows -----------------------------------------------------------------------------

fn print_error(error: PrintError) -> CommandError {
    match error {
        PrintError::NoSuchPrinter(name) => {
            CommandError::new("printer", "ui-slip-no-such-printer").with_arg("printer", name)
        }
        PrintError::NoPrinter => CommandError::new("printer", "ui-slip-no-printer"),
        PrintError::Spooler(detail) => {
            log::error!("spooler: {detail}");
            CommandError::new("printer", "ui-slip-spooler-refused")
        }
        // Not reached from the app: on Windows `send_to_printer` prints through the webview.
        PrintError::NeedsRenderedPages => {
            CommandError::new("needs_rendered_pages", "ui-slip-print-preview")
        }
    }
}
