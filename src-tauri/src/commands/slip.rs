//! The print-slip action: a preview drawn from the same layout as the PDF, then the copy issued
//! in the core (numbered and audited) and sent to the chosen printer — `sanad_app::slip`, the
//! same use case `sanad slip` calls. The slip is an official Persian document, whatever language
//! the desk shows.

use sanad_app::slip::{self, IssueSlip, SlipDestination, SlipIssued, SlipPreview};
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
    Ok(slip::issue(&*desk.service()?, &desk.actor()?, input).await?)
}
