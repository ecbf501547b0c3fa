//! The registration receipt after registering a request or a complaint at the desk (issue 14
//! items 4 and 9). The PIN is
//! kept by the database only as a hash, so it can never be read back: `register_request` keeps
//! the receipt its answer made in this process's memory (`DeskState::keep_receipt`), and the
//! receipt dialog previews, prints and saves from that copy until it closes (`forget_receipt`).
//! A receipt not kept (another session, a dialog closed, the desk restarted) is "not found".
//! Printing goes the slip's way: the PDF to the spooler (CUPS), or on Windows the preview's pages
//! through WebView2. The receipt is in the desk's language.

use sanad_app::files::FileWritten;
use sanad_app::receipt::{self, Receipt, ReceiptPreview};
use sanad_app::slip::Printed;
use sanad_app::{Lang, PaperSize};

use super::{Answer, Desk};
use crate::error::CommandError;

/// A receipt is printed on A5 or the 80 mm roll.
fn paper(text: &str) -> Result<PaperSize, CommandError> {
    match PaperSize::parse(text) {
        Some(p @ (PaperSize::A5 | PaperSize::Roll80)) => Ok(p),
        _ => Err(sanad_service::Error::invalid("paper", "error-slip-paper").into()),
    }
}

/// The kept receipt of `code`, for the signed-in clerk.
fn kept(desk: &Desk<'_>, code: &str) -> Answer<Receipt> {
    desk.actor()?;
    desk.receipt(code)
        .ok_or_else(|| sanad_service::Error::NotFound { what: "receipt" }.into())
}

#[tauri::command]
pub async fn receipt_preview(
    desk: Desk<'_>,
    code: String,
    paper_size: String,
    lang: Lang,
) -> Answer<ReceiptPreview> {
    let receipt = kept(&desk, &code)?;
    let paper = paper(&paper_size)?;
    Ok(receipt::preview(&*desk.service()?, &desk.actor()?, &receipt, paper, lang).await?)
}

/// Prints the kept receipt of `code` on `printer` (which becomes the clerk's saved printer).
#[tauri::command]
pub async fn print_receipt(
    desk: Desk<'_>,
    // Windows: the window whose preview WebView2 prints (`crate::print_windows`).
    window: tauri::WebviewWindow,
    code: String,
    paper_size: String,
    printer: String,
    lang: Lang,
) -> Answer<Printed> {
    let receipt = kept(&desk, &code)?;
    let paper = paper(&paper_size)?;
    let service = desk.service()?;
    let printed = receipt::print(
        &service,
        &desk.actor()?,
        &receipt,
        paper,
        lang,
        Some(&printer),
    )
    .await?;
    super::slip::print_through_webview(&window, printed).await
}

/// Saves the kept receipt of `code` as a PDF at `path`.
#[tauri::command]
pub fn save_receipt(
    desk: Desk<'_>,
    code: String,
    paper_size: String,
    path: String,
    lang: Lang,
) -> Answer<FileWritten> {
    let receipt = kept(&desk, &code)?;
    let paper = paper(&paper_size)?;
    let path = path.trim();
    if path.is_empty() {
        return Err(sanad_service::Error::invalid("receipt.path", "error-required").into());
    }
    Ok(receipt::save(
        &receipt,
        paper,
        lang,
        std::path::Path::new(path),
    )?)
}

/// Where the dialog offers to save the receipt of `code`.
#[tauri::command]
pub fn suggested_receipt_path(code: String) -> String {
    receipt::suggested_path(&code)
}

/// The receipt dialog closed: the PIN is forgotten for good.
#[tauri::command]
pub fn forget_receipt(desk: Desk<'_>, code: String) {
    desk.forget_receipt(&code);
}
