//! The registration receipt (رسید ثبت درخواست, issue 14 item 4) as a desk or `sanad request new
//! --receipt-out` hands it out: made from the registration's own answer — the only moment the
//! follow-up PIN exists outside its hash — then previewed, printed through the same spooler path
//! as the slip (CUPS gets the PDF), or saved as a PDF. Nothing here reads the PIN back: a front
//! end that wants to print the receipt later keeps what [`of_registration`] made (the desk keeps
//! it in its process's memory for the receipt dialog, and forgets it when the dialog closes).
//!
//! A complaint registered at a desk has a PIN and a receipt too ([`of_complaint`]).
//!
//! Public: [`of_registration`], [`of_complaint`], [`preview`], [`pdf`], [`print`], [`save`],
//! [`suggested_path`].

use std::path::Path;

use sanad_i18n::{Lang, Localizer};
use sanad_service::{Actor, ComplaintView, RequestView, Service};
use sanad_slip::printing::{self, PrintError};
use sanad_slip::{compose_receipt, render_any_receipt, render_receipt_svg, PaperSize};
use serde::Serialize;
use ts_rs::TS;

pub use sanad_slip::{ComplaintReceipt, Receipt, RegistrationReceipt};

use crate::files::{documents_folder, write_file, FileWritten};
use crate::slip::{Printed, Printer};
use crate::AppError;

/// The receipt of a registration `view` just answered, or `None` when the answer carries no PIN
/// (a repeat under the same idempotency key: the PIN was shown the first time only).
pub async fn of_registration(
    service: &Service,
    actor: &Actor,
    view: &RequestView,
) -> Result<Option<Receipt>, AppError> {
    let Some(pin) = view.tracking_pin.clone() else {
        return Ok(None);
    };
    let portal_address = service.portal_address().await?;
    let office = service.office_profile(actor).await?;
    Ok(Some(Receipt::Request(RegistrationReceipt {
        tracking_code: view.tracking_code.as_str().to_owned(),
        tracking_code_grouped: view.tracking_code_grouped.clone(),
        tracking_pin: pin,
        registered_at_jalali: view
            .history
            .first()
            .map(|step| step.at_jalali.clone())
            .unwrap_or_default(),
        requesting_org: view.requesting_org.name.clone(),
        portal_address,
        directorate: office.directorate_name,
    })))
}

/// The receipt of a complaint `view` just answered at a desk, or `None` without a PIN.
pub async fn of_complaint(
    service: &Service,
    actor: &Actor,
    view: &ComplaintView,
) -> Result<Option<Receipt>, AppError> {
    let Some(pin) = view.tracking_pin.clone() else {
        return Ok(None);
    };
    let portal_address = service.portal_address().await?;
    let office = service.office_profile(actor).await?;
    Ok(Some(Receipt::Complaint(ComplaintReceipt {
        tracking_code: view.tracking_code.as_str().to_owned(),
        tracking_code_grouped: view.tracking_code_grouped.clone(),
        tracking_pin: pin,
        registered_at_jalali: view
            .history
            .first()
            .map(|step| step.at_jalali.clone())
            .unwrap_or_default(),
        kind_label_id: format!("kind-{}", view.kind.as_str()),
        portal_address,
        directorate: office.directorate_name,
    })))
}

/// What the receipt dialog shows: the pages as they print, and the printers to choose from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
pub struct ReceiptPreview {
    /// One SVG document per page, drawn from the PDF's own layout.
    pub pages: Vec<String>,
    pub printers: Vec<Printer>,
    /// The clerk's saved printer (the slip's), else the system default.
    pub chosen_printer: Option<String>,
    /// Where the applicant follows it (the portal's address the administrator set), if set.
    pub portal_address: Option<String>,
}

/// The receipt's pages and the printers. Nothing is recorded.
pub async fn preview(
    service: &Service,
    actor: &Actor,
    receipt: &Receipt,
    paper: PaperSize,
    lang: Lang,
) -> Result<ReceiptPreview, AppError> {
    let pages = render_receipt_svg(receipt, &Localizer::new(lang), paper)?;
    let slip = crate::slip::printers(service, actor).await?;
    Ok(ReceiptPreview {
        pages,
        printers: slip.0,
        chosen_printer: slip.1,
        portal_address: receipt.portal_address().map(str::to_owned),
    })
}

/// The receipt as a PDF.
pub fn pdf(receipt: &Receipt, paper: PaperSize, lang: Lang) -> Result<Vec<u8>, AppError> {
    Ok(render_any_receipt(receipt, &Localizer::new(lang), paper)?)
}

/// Prints the receipt on `printer` (else the clerk's saved one, else the system default), which
/// becomes the clerk's saved printer, as a slip's print does.
pub async fn print(
    service: &Service,
    actor: &Actor,
    receipt: &Receipt,
    paper: PaperSize,
    lang: Lang,
    printer: Option<&str>,
) -> Result<Printed, AppError> {
    let saved = service.default_printer(actor).await?;
    let printer = printing::choose_printer(printer, saved.as_deref())?;
    if !printing::printer_exists(&printer) {
        return Err(PrintError::NoSuchPrinter(printer).into());
    }
    let l10n = Localizer::new(lang);
    let bytes = render_any_receipt(receipt, &l10n, paper)?;
    service.set_default_printer(actor, Some(&printer)).await?;
    let job_name = l10n.format(
        "receipt-document-title",
        &[("code", receipt.tracking_code_grouped().to_owned())],
    );
    match printing::print_pdf(&bytes, &printer, &job_name) {
        Ok(job) => Ok(Printed::Spooled { printer, job }),
        Err(PrintError::NeedsRenderedPages) => {
            let pages = compose_receipt(receipt, &l10n, paper)?;
            let first = pages.first();
            Ok(Printed::RenderPages {
                printer,
                width_pt: first.map_or(0.0, |p| p.width),
                height_pt: first.map_or(0.0, |p| p.height),
                pages: pages.len(),
            })
        }
        Err(e) => {
            if let PrintError::Spooler(detail) = &e {
                tracing::error!(%detail, "the spooler refused a registration receipt");
            }
            Err(e.into())
        }
    }
}

/// Saves the receipt as a PDF at `path` (the field `receipt.path` when it cannot be written).
pub fn save(
    receipt: &Receipt,
    paper: PaperSize,
    lang: Lang,
    path: &Path,
) -> Result<FileWritten, AppError> {
    let bytes = pdf(receipt, paper, lang)?;
    write_file("receipt.path", path, &bytes)
}

/// `receipt-358122904417.pdf` in the documents folder.
pub fn suggested_path(code: &str) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    documents_folder()
        .join(format!("receipt-{digits}.pdf"))
        .display()
        .to_string()
}
