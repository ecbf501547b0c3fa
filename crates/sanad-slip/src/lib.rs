//! The dispatch slip (رسید ارسال سند): a request's slip rendered to PDF, and sent to a printer.
//!
//! Persian is laid out the way a browser does it (see `text`): bidi ordering per line, shaping
//! per run, glyphs placed with printpdf's glyph-level ops, each carrying its text so the PDF's
//! ToUnicode map copies back correctly. The font (Vazirmatn, OFL) is embedded, subset to the
//! glyphs a slip uses. Nothing is loaded from the network or the system at run time.
//!
//! The app's print action: `sanad_service::Service::issue_slip` numbers
//! the copy and records it, [`render_slip`] makes the PDF (also for the preview, from
//! `preview_slip`), [`printing::print_pdf`] sends it to the printer.

pub mod certificate;
pub mod codes;
mod compose;
mod content;
pub mod ecopy;
mod font_names;
mod logo;
mod pdf;
pub mod printing;
mod receipt;
mod svg;
pub mod text;

use sanad_core::slip_print::SlipPrint;
use sanad_i18n::Localizer;

pub use compose::{layout_text_block, LogoImage, Page, PageMark};
pub use receipt::{
    compose_receipt, render_any_receipt, render_receipt, render_receipt_svg, ComplaintReceipt,
    Receipt, RegistrationReceipt,
};

/// Why a slip could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the tracking code could not be encoded as a barcode")]
    Barcode,
    #[error("the font could not be subset: {0}")]
    Subset(String),
}

/// The paper a slip is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaperSize {
    /// 148 × 210 mm, the desk's usual slip.
    #[default]
    A5,
    /// 210 × 297 mm.
    A4,
    /// An 80 mm receipt roll; the page is as long as the slip.
    Roll80,
}

impl PaperSize {
    pub const ALL: [PaperSize; 3] = [PaperSize::A5, PaperSize::A4, PaperSize::Roll80];

    /// `a5`, `a4` or `80mm`: the spellings of the command line and the service.
    pub fn as_str(self) -> &'static str {
        match self {
            PaperSize::A5 => "a5",
            PaperSize::A4 => "a4",
            PaperSize::Roll80 => "80mm",
        }
    }

    pub fn parse(text: &str) -> Option<PaperSize> {
        let text = text.trim().to_ascii_lowercase();
        PaperSize::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

/// The slip laid out page by page (what [`render_slip`] draws).
pub fn compose_pages(
    slip: &SlipPrint,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<Page>, SlipError> {
    compose::compose(&content::SlipContent::new(slip, l10n), paper)
}

/// The slip as SVG images, one per page, for the app's preview: drawn from the same layout as
/// the PDF (the same shaped glyphs, as outlines), so what the clerk sees is what prints.
pub fn render_slip_svg(
    slip: &SlipPrint,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<String>, SlipError> {
    let content = content::SlipContent::new(slip, l10n);
    let pages = compose::compose(&content, paper)?;
    pages.iter().map(svg::write_svg).collect()
}

/// The slip as a PDF document.
pub fn render_slip(
    slip: &SlipPrint,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<u8>, SlipError> {
    let content = content::SlipContent::new(slip, l10n);
    let pages = compose::compose(&content, paper)?;
    pdf::write_pdf(&pages, &content.document_title)
}
