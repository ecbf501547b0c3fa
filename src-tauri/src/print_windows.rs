//! Printing the slip on Windows, through WebView2's own print API.
//!
//! The Windows spooler takes the `printers` crate's PDF as raw bytes, which desk printers do not
//! understand (sanad-slip's `printing` module refuses there with `NeedsRenderedPages`). The
//! window already shows the slip: its preview is the slip's pages as SVG, drawn from the same
//! layout as the PDF, and the UI's print style sheet (`@media print` in `ui/src/theme.css`) prints
//! a copy of those pages (SlipDialog's `.slip-print`) one per sheet and nothing else. So the
//! webview prints what it shows:
//! `ICoreWebView2_16::Print` with `ICoreWebView2PrintSettings2.PrinterName` set to the clerk's
//! printer renders the pages through that printer's own driver — no print preview, no dialog, no
//! `window.print()` (which opens the browser's preview and has known failures), and no extra
//! runtime (Ghostscript, PDFium) shipped with the app. WebView2 has offered this since runtime
//! 1.0.1518.46 (2023); the installer brings a newer one.
//!
//! Everything here runs on the main thread, inside `with_webview`, where the WebView2 objects
//! live; the print's completion comes back on that thread too and is handed to the waiting
//! command over a channel.

use std::time::Duration;

use tauri::webview::PlatformWebview;
use tauri::WebviewWindow;
use tokio::sync::mpsc;
use webview2_com::Microsoft::Web::WebView2::Win32::{
    ICoreWebView2Environment6, ICoreWebView2PrintSettings, ICoreWebView2PrintSettings2,
    ICoreWebView2_16, COREWEBVIEW2_PRINT_MEDIA_SIZE_CUSTOM,
    COREWEBVIEW2_PRINT_ORIENTATION_PORTRAIT, COREWEBVIEW2_PRINT_STATUS,
    COREWEBVIEW2_PRINT_STATUS_PRINTER_UNAVAILABLE, COREWEBVIEW2_PRINT_STATUS_SUCCEEDED,
};
use webview2_com::PrintCompletedHandler;
use windows::core::{Interface, HSTRING};

/// The slip as it prints: its sheet, in PostScript points (1/72 inch), as the slip's layout
/// measured it (A5 and A4 are fixed, the 80 mm roll is as long as the slip), and how many pages
/// the preview shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlipSheets {
    pub width_pt: f32,
    pub height_pt: f32,
    pub pages: usize,
}

impl SlipSheets {
    /// The sheets of the slip's composed pages (every page of a slip has the same size).
    pub fn of_pages(pages: &[sanad_slip::Page]) -> Option<SlipSheets> {
        pages.first().map(|page| SlipSheets {
            width_pt: page.width,
            height_pt: page.height,
            pages: pages.len(),
        })
    }

    fn width_inches(self) -> f64 {
        f64::from(self.width_pt) / 72.0
    }

    fn height_inches(self) -> f64 {
        f64::from(self.height_pt) / 72.0
    }

    /// Only the slip's own pages. The print style sheet makes them the whole printed document,
    /// one per sheet; the range keeps a fraction of a pixel of rounding past the last page from
    /// coming out of the printer as a blank sheet.
    fn page_ranges(self) -> String {
        if self.pages <= 1 {
            "1".to_owned()
        } else {
            format!("1-{}", self.pages)
        }
    }
}

/// Why the webview did not print the slip.
#[derive(Debug)]
pub enum PrintFailure {
    /// WebView2 knows no installed printer by that name (removed or renamed since the list).
    PrinterUnavailable,
    /// The webview could not be reached, refused the settings, or the job failed; the detail is
    /// for the log.
    Webview(String),
}

impl std::fmt::Display for PrintFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrintFailure::PrinterUnavailable => f.write_str("the printer is not available"),
            PrintFailure::Webview(detail) => write!(f, "WebView2 printing failed: {detail}"),
        }
    }
}

/// How long a print may take before the clerk is told it failed: a job normally completes
/// (is handed to the spooler) within seconds; a driver stuck on a dialog or an offline network
/// printer must not leave the print button spinning for ever.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// Prints what `window` shows — the slip's preview pages, laid out for print by the UI's print
/// style sheet — to `printer` (a name from the spooler's list, as `printing::list_printers`
/// gives it) on the slip's sheets, without any dialog. Returns once WebView2 says the job was
/// handed over.
pub async fn print_shown_slip(
    window: &WebviewWindow,
    printer: &str,
    sheet: SlipSheets,
) -> Result<(), PrintFailure> {
    let (done, mut outcome) = mpsc::unbounded_channel::<Result<(), PrintFailure>>();
    let printer = printer.to_owned();
    window
        .with_webview(move |webview| {
            // SAFETY: called on the main thread by `with_webview`, with the live controller and
            // environment of this window's webview; every COM call checks its HRESULT.
            let started = unsafe { start_print(&webview, &printer, sheet, done.clone()) };
            if let Err(detail) = started {
                let _ = done.send(Err(PrintFailure::Webview(detail)));
            }
        })
        .map_err(|error| PrintFailure::Webview(error.to_string()))?;
    match tokio::time::timeout(PRINT_TIMEOUT, outcome.recv()).await {
        Ok(Some(result)) => result,
        // Every sender was dropped without a word: WebView2 released the handler unused.
        Ok(None) => Err(PrintFailure::Webview(
            "the print completed without a result".to_owned(),
        )),
        Err(_) => Err(PrintFailure::Webview(format!(
            "no answer from the printer within {} seconds",
            PRINT_TIMEOUT.as_secs()
        ))),
    }
}

/// Builds the print settings and starts the print; its completion is sent on `done`.
///
/// # Safety
/// Must run on the thread that owns `webview` (the main thread), as `with_webview` does.
unsafe fn start_print(
    webview: &PlatformWebview,
    printer: &str,
    sheet: SlipSheets,
    done: mpsc::UnboundedSender<Result<(), PrintFailure>>,
) -> Result<(), String> {
    // The print API arrived with WebView2 runtime 1.0.1518.46: an older runtime (an offline PC
    // that never updated it) has no ICoreWebView2_16, and the log says so.
    let too_old = |error: windows::core::Error| {
        format!("this WebView2 runtime has no print API (1.0.1518.46 or later needed): {error}")
    };
    let core: ICoreWebView2_16 = match webview.controller().CoreWebView2() {
        Ok(core) => core.cast().map_err(too_old)?,
        Err(error) => return Err(format!("the window's webview is not ready: {error}")),
    };
    let environment: ICoreWebView2Environment6 = webview.environment().cast().map_err(too_old)?;
    let settings = print_settings(&environment, printer, sheet)
        .map_err(|error| format!("the print settings were refused: {error}"))?;
    let handler = PrintCompletedHandler::create(Box::new(
        move |result: windows::core::Result<()>, status: COREWEBVIEW2_PRINT_STATUS| {
            let _ = done.send(outcome(result, status));
            Ok(())
        },
    ));
    core.Print(&settings, &handler)
        .map_err(|error| format!("WebView2 did not start the print: {error}"))
}

/// The job: the clerk's printer, one copy, portrait, the slip's own sheet size with no margins
/// (the slip's layout has its margins drawn in), at 100 %, backgrounds printed (the page's
/// white and the codes' bars), no browser header or footer (no URL or date on an official
/// slip), one page per side, the slip's pages only.
unsafe fn print_settings(
    environment: &ICoreWebView2Environment6,
    printer: &str,
    sheet: SlipSheets,
) -> windows::core::Result<ICoreWebView2PrintSettings> {
    let settings = environment.CreatePrintSettings()?;
    settings.SetOrientation(COREWEBVIEW2_PRINT_ORIENTATION_PORTRAIT)?;
    settings.SetPageWidth(sheet.width_inches())?;
    settings.SetPageHeight(sheet.height_inches())?;
    settings.SetMarginTop(0.0)?;
    settings.SetMarginBottom(0.0)?;
    settings.SetMarginLeft(0.0)?;
    settings.SetMarginRight(0.0)?;
    settings.SetScaleFactor(1.0)?;
    settings.SetShouldPrintBackgrounds(true)?;
    settings.SetShouldPrintHeaderAndFooter(false)?;
    settings.SetShouldPrintSelectionOnly(false)?;
    let job: ICoreWebView2PrintSettings2 = settings.cast()?;
    job.SetPrinterName(&HSTRING::from(printer))?;
    // Custom: the page width and height above, not the printer's default paper (A4 or Letter).
    job.SetMediaSize(COREWEBVIEW2_PRINT_MEDIA_SIZE_CUSTOM)?;
    job.SetCopies(1)?;
    job.SetPagesPerSide(1)?;
    job.SetPageRanges(&HSTRING::from(sheet.page_ranges()))?;
    Ok(settings)
}

/// What the completed handler's error code and status mean for the clerk.
fn outcome(
    result: windows::core::Result<()>,
    status: COREWEBVIEW2_PRINT_STATUS,
) -> Result<(), PrintFailure> {
    if let Err(error) = result {
        return Err(PrintFailure::Webview(error.to_string()));
    }
    if status == COREWEBVIEW2_PRINT_STATUS_SUCCEEDED {
        Ok(())
    } else if status == COREWEBVIEW2_PRINT_STATUS_PRINTER_UNAVAILABLE {
        Err(PrintFailure::PrinterUnavailable)
    } else {
        Err(PrintFailure::Webview(format!("print status {}", status.0)))
    }
}
