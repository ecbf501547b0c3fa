//! Printers: the system's list, and sending a slip to the OS print spooler.
//!
//! Linux and macOS: the `printers` crate hands the PDF to CUPS, whose filters render it for any
//! printer driver. Windows: the same crate would pass the PDF's raw bytes to the spooler, which
//! most desk printers cannot print (they take GDI/XPS pages, not PDF). There the app prints the
//! slip through the webview that shows its preview (the same layout, as SVG pages): WebView2's
//! `ICoreWebView2_16::Print` with `ICoreWebView2PrintSettings2.PrinterName` renders those pages
//! through the printer's own driver (`src-tauri/src/print_windows.rs`). That needs a webview, so
//! [`print_pdf`] refuses on Windows with [`PrintError::NeedsRenderedPages`], and the app (or the
//! user, with a saved PDF) takes that path. [`list_printers`] works on Windows as it is.

use std::time::{Duration, Instant};

use printers::common::base::job::{PrinterJobOptions, PrinterJobState};

/// A printer the system knows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PrinterInfo {
    /// The name to pass back to [`print_pdf`].
    pub name: String,
    /// The name people see (the queue's description where it has one).
    pub description: String,
    pub is_system_default: bool,
}

/// Why a slip did not reach the printer.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no printer named {0}")]
    NoSuchPrinter(String),
    #[error("no printer chosen and the system has no default printer")]
    NoPrinter,
    #[error("the print spooler refused the job: {0}")]
    Spooler(String),
    #[error("this system's spooler needs rendered pages: print from the app's slip preview")]
    NeedsRenderedPages,
}

/// The system's printers, by name.
pub fn list_printers() -> Vec<PrinterInfo> {
    let mut list: Vec<PrinterInfo> = printers::get_printers()
        .into_iter()
        .map(|p| PrinterInfo {
            description: if p.description.is_empty() {
                p.name.clone()
            } else {
                p.description.clone()
            },
            name: p.system_name,
            is_system_default: p.is_default,
        })
        .collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// The printer to use: the one asked for, else the user's saved choice, else the system's
/// default.
pub fn choose_printer(asked: Option<&str>, saved: Option<&str>) -> Result<String, PrintError> {
    if let Some(name) = asked.or(saved).map(str::trim).filter(|n| !n.is_empty()) {
        return Ok(name.to_owned());
    }
    printers::get_default_printer()
        .map(|p| p.system_name)
        .ok_or(PrintError::NoPrinter)
}

/// Whether the system has a printer named `name`: checked before a copy is issued, so a
/// mistyped name does not use up a copy number.
pub fn printer_exists(name: &str) -> bool {
    printers::get_printer_by_name(name).is_some()
}

/// Sends `pdf` to `printer` as one job named `job_name`; returns the spooler's job id.
#[cfg(not(windows))]
pub fn print_pdf(pdf: &[u8], printer: &str, job_name: &str) -> Result<u64, PrintError> {
    let target = printers::get_printer_by_name(printer)
        .ok_or_else(|| PrintError::NoSuchPrinter(printer.to_owned()))?;
    let options = PrinterJobOptions {
        name: Some(job_name),
        raw_properties: &[("document-format", "application/pdf")],
        ..PrinterJobOptions::none()
    };
    target
        .print(pdf, options)
        .map_err(|e| PrintError::Spooler(e.message))
}

/// See the module documentation: on Windows the app prints through its webview.
#[cfg(windows)]
pub fn print_pdf(_pdf: &[u8], _printer: &str, _job_name: &str) -> Result<u64, PrintError> {
    Err(PrintError::NeedsRenderedPages)
}

/// How a job ended, as far as the spooler tells within the time allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobOutcome {
    Completed,
    Cancelled,
    /// Still queued or printing when the wait ended.
    Pending,
}

/// Waits up to `timeout` for job `job_id` on `printer` to finish.
pub fn wait_for_job(printer: &str, job_id: u64, timeout: Duration) -> JobOutcome {
    let Some(target) = printers::get_printer_by_name(printer) else {
        return JobOutcome::Pending;
    };
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(job) = target
            .get_job_history()
            .into_iter()
            .find(|j| j.id == job_id)
        {
            match job.state {
                PrinterJobState::COMPLETED => return JobOutcome::Completed,
                PrinterJobState::CANCELLED => return JobOutcome::Cancelled,
                _ => {}
            }
        }
        if Instant::now() >= deadline {
            return JobOutcome::Pending;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
