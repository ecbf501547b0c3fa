//! The registration receipt (رسید ثبت درخواست): what a desk prints and the portal offers right
//! after a request is registered — the tracking code (text, Code 128 and QR: the code only), the
//! follow-up PIN, the portal's address and what happens next. Laid out and drawn by the slip's
//! own code (`compose`, `pdf`), so Persian, the codes and the papers are the slip's.

use sanad_i18n::{Lang, Localizer};

use crate::content::{Field, SlipContent};
use crate::text::BaseDirection;
use crate::{compose, pdf, PaperSize, SlipError};

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// What a registration receipt says (ASCII digits; the receipt writes them in its language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationReceipt {
    /// The 12 digits the barcode and QR code carry.
    pub tracking_code: String,
    /// `3581-2290-4417`.
    pub tracking_code_grouped: String,
    pub tracking_pin: String,
    /// Jalali date and time in Tehran.
    pub registered_at_jalali: String,
    pub requesting_org: String,
    /// The portal's address set by the administrator (`portal.address`), if any.
    pub portal_address: Option<String>,
    /// The office's directorate, or empty for the default name.
    pub directorate: String,
}

/// The receipt laid out in `l10n`'s language on `paper`, as a PDF.
pub fn render_receipt(
    receipt: &RegistrationReceipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<u8>, SlipError> {
    let content = content(receipt, l10n);
    let pages = compose::compose(&content, paper)?;
    pdf::write_pdf(&pages, &content.document_title)
}

/// The receipt as SVG images, one per page, for the desk's preview: the same layout as
/// [`render_receipt`]'s PDF.
pub fn render_receipt_svg(
    receipt: &RegistrationReceipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<String>, SlipError> {
    let pages = compose::compose(&content(receipt, l10n), paper)?;
    pages.iter().map(crate::svg::write_svg).collect()
}

/// The receipt laid out page by page (the sheets a webview prints where the spooler takes no
/// PDF).
pub fn compose_receipt(
    receipt: &RegistrationReceipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<crate::Page>, SlipError> {
    compose::compose(&content(receipt, l10n), paper)
}

fn content(r: &RegistrationReceipt, l10n: &Localizer) -> SlipContent {
    let isolated = |text: &str| format!("{LRI}{text}{PDI}");
    let field = |label: &str, values: Vec<String>| Field {
        label: l10n.text(label),
        values,
    };
    let mut fields = vec![
        field(
            "receipt-registered-at",
            vec![l10n.digits(&r.registered_at_jalali)],
        ),
        field("slip-requesting-org", vec![r.requesting_org.clone()]),
        field("receipt-pin", vec![isolated(&l10n.digits(&r.tracking_pin))]),
    ];
    if let Some(address) = &r.portal_address {
        // An address is Latin and left to right whatever the page's language.
        fields.push(field("receipt-portal", vec![isolated(address)]));
    }
    fields.push(field("receipt-next", vec![l10n.text("receipt-next-text")]));
    SlipContent {
        base: match l10n.lang() {
            Lang::Fa => BaseDirection::Rtl,
            Lang::En => BaseDirection::Ltr,
        },
        directorate: if r.directorate.trim().is_empty() {
            l10n.text("slip-directorate-default")
        } else {
            r.directorate.clone()
        },
        logo_png: None,
        title: l10n.text("receipt-title"),
        duplicate: None,
        code_label: l10n.text("slip-tracking-code"),
        code_text: isolated(&l10n.digits(&r.tracking_code_grouped)),
        code_digits: r.tracking_code.clone(),
        // The receipt's QR is only the tracking code: it is given before anything is dispatched,
        // so there is nothing to sign yet.
        qr_text: r.tracking_code.clone(),
        fields,
        signatures: Vec::new(),
        keep_note: l10n.text("receipt-keep"),
        document_title: l10n.format(
            "receipt-document-title",
            &[("code", r.tracking_code_grouped.clone())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_renders_on_both_papers() {
        let receipt = RegistrationReceipt {
            tracking_code: "358122904417".into(),
            tracking_code_grouped: "3581-2290-4417".into(),
            tracking_pin: "04718265".into(),
            registered_at_jalali: "1404/08/10 10:30".into(),
            requesting_org: "اداره کل راه و شهرسازی".into(),
            portal_address: Some("https://sanad.example.ir".into()),
            directorate: String::new(),
        };
        let l10n = Localizer::new(Lang::Fa);
        for paper in [PaperSize::A5, PaperSize::Roll80] {
            let pdf = render_receipt(&receipt, &l10n, paper).expect("pdf");
            assert!(pdf.starts_with(b"%PDF"));
        }
        let c = content(&receipt, &l10n);
        assert!(c
            .fields
            .iter()
            .any(|f| f.values.iter().any(|v| v.contains("۰۴۷۱۸۲۶۵"))));
        assert_eq!(c.code_digits, "358122904417");
    }
}
