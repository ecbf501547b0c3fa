//! The print-slip action: a preview drawn from the same layout as the PDF, then the copy issued
//! in the core (numbered and audited) and sent to the chosen printer — `sanad_app::slip`, the
//! same use case `sanad slip` calls. The slip is an official Persian document, whatever language
//! the desk shows.

use sanad_app::slip::{self, IssueSlip, Printed, SlipDestination, SlipIssued, SlipPreview};
use sanad_app::{Lang, PaperSize};

use super::{Answer, Desk};
use crate::error::CommandError;

fn paper(text: &str) -> Result<PaperSize, CommandError> {
    PaperSize::parse(text)
        .ok_or_else(|| sanad_service::Error::invalid("paper", "error-slip-paper").into())
}

#[tauri::command]
pub async fn slip_preview(desk: Desk<'_>, code: String, paper_size: String) -> Answer<SlipPreview> {
    let paper = paper(&paper_size)?;
    Ok(slip::preview(&*desk.service()?, &desk.actor()?, &code, paper, Lang::Fa).await?)
}

/// Issues the next copy and sends it to `printer`, which becomes the clerk's saved printer.
#[tauri::command]
pub async fn print_slip(
    desk: Desk<'_>,
    // Windows: the window whose preview WebView2 prints (`crate::print_windows`).
    window: tauri::WebviewWindow,
    code: String,
    paper_size: String,
    printer: String,
) -> Answer<SlipIssued> {
    let input = IssueSlip {
        code,
        paper: paper(&paper_size)?,
        lang: Lang::Fa,
        to: SlipDestination::Printer(Some(printer)),
    };
    let mut issued = slip::issue(&*desk.service()?, &desk.actor()?, input).await?;
    if let Some(printed) = issued.printed.take() {
        issued.printed = Some(print_through_webview(&window, printed).await?);
    }
    Ok(issued)
}

/// Linux and macOS: the spooler took the PDF; nothing is left to print.
#[cfg(not(windows))]
pub(super) async fn print_through_webview(
    _window: &tauri::WebviewWindow,
    printed: Printed,
) -> Answer<Printed> {
    Ok(printed)
}

/// Windows: the spooler takes no PDF, so WebView2 prints the window's own preview — the same
/// pages (a slip's or a receipt's), laid out one per sheet by the UI's print style sheet —
/// through the printer's driver, without a dialog (`crate::print_windows`). WebView2 reports no
/// spooler job id: 0.
#[cfg(windows)]
pub(super) async fn print_through_webview(
    window: &tauri::WebviewWindow,
    printed: Printed,
) -> Answer<Printed> {
    use crate::print_windows::{print_shown_slip, PrintFailure, SlipSheets};
    use sanad_app::{AppError, PrintError};
    let Printed::RenderPages {
        printer,
        width_pt,
        height_pt,
        pages,
    } = printed
    else {
        return Ok(printed);
    };
    let sheets = SlipSheets {
        width_pt,
        height_pt,
        pages,
    };
    match print_shown_slip(window, &printer, sheets).await {
        Ok(()) => {
            // For support: which printer, never what the paper says.
            log::info!("pages printed through WebView2 on {printer}");
            Ok(Printed::Spooled { printer, job: 0 })
        }
        Err(PrintFailure::PrinterUnavailable) => {
            Err(AppError::Printing(PrintError::NoSuchPrinter(printer)).into())
        }
        Err(failure) => Err(AppError::Printing(PrintError::Spooler(failure.to_string())).into()),
    }
}
