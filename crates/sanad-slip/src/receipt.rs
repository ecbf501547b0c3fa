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

/// What a complaint's, suggestion's or comment's registration receipt says (ASCII digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintReceipt {
    pub tracking_code: String,
    pub tracking_code_grouped: String,
    pub tracking_pin: String,
    /// Jalali date and time in Tehran.
    pub registered_at_jalali: String,
    /// The Fluent id of its kind: `kind-complaint`, `kind-suggestion` or `kind-comment`.
    pub kind_label_id: String,
    pub portal_address: Option<String>,
    pub directorate: String,
}

/// Either registration receipt, as a desk keeps one for its dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Receipt {
    Request(RegistrationReceipt),
    Complaint(ComplaintReceipt),
}

impl Receipt {
    /// The 12 digits.
    pub fn tracking_code(&self) -> &str {
        match self {
            Receipt::Request(r) => &r.tracking_code,
            Receipt::Complaint(c) => &c.tracking_code,
        }
    }

    pub fn tracking_code_grouped(&self) -> &str {
        match self {
            Receipt::Request(r) => &r.tracking_code_grouped,
            Receipt::Complaint(c) => &c.tracking_code_grouped,
        }
    }

    pub fn portal_address(&self) -> Option<&str> {
        match self {
            Receipt::Request(r) => r.portal_address.as_deref(),
            Receipt::Complaint(c) => c.portal_address.as_deref(),
        }
    }

    fn content(&self, l10n: &Localizer) -> SlipContent {
        match self {
            Receipt::Request(r) => content(r, l10n),
            Receipt::Complaint(c) => complaint_content(c, l10n),
        }
    }
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

/// Either receipt as a PDF ([`render_receipt`] for a request's).
pub fn render_any_receipt(
    receipt: &Receipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<u8>, SlipError> {
    let content = receipt.content(l10n);
    let pages = compose::compose(&content, paper)?;
    pdf::write_pdf(&pages, &content.document_title)
}

/// The receipt as SVG images, one per page, for the desk's preview: the same layout as its PDF.
pub fn render_receipt_svg(
    receipt: &Receipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<String>, SlipError> {
    let pages = compose::compose(&receipt.content(l10n), paper)?;
    pages.iter().map(crate::svg::write_svg).collect()
}

/// The receipt laid out page by page (the sheets a webview prints where the spooler takes no
/// PDF).
pub fn compose_receipt(
    receipt: &Receipt,
    l10n: &Localizer,
    paper: PaperSize,
) -> Result<Vec<crate::Page>, SlipError> {
    compose::compose(&receipt.content(l10n), paper)
}

/// What differs between a request's receipt and a complaint's.
struct Subject<'a> {
    /// The label and value of the line after the time: the agency, or the complaint's kind.
    label_id: &'a str,
    value: String,
    next_id: &'a str,
    title_id: &'a str,
    document_title_id: &'a str,
}

/// A complaint's receipt: its kind where a request's names its agency, and its own next step.
fn complaint_content(c: &ComplaintReceipt, l10n: &Localizer) -> SlipContent {
    let common = RegistrationReceipt {
        tracking_code: c.tracking_code.clone(),
        tracking_code_grouped: c.tracking_code_grouped.clone(),
        tracking_pin: c.tracking_pin.clone(),
        registered_at_jalali: c.registered_at_jalali.clone(),
        requesting_org: String::new(),
        portal_address: c.portal_address.clone(),
        directorate: c.directorate.clone(),
    };
    let subject = Subject {
        label_id: "receipt-complaint-kind",
        value: l10n.text(&c.kind_label_id),
        next_id: "receipt-complaint-next-text",
        title_id: "receipt-complaint-title",
        document_title_id: "receipt-complaint-document-title",
    };
    lay_out(&common, subject, l10n)
}

fn content(r: &RegistrationReceipt, l10n: &Localizer) -> SlipContent {
    let subject = Subject {
        label_id: "slip-requesting-org",
        value: r.requesting_org.clone(),
        next_id: "receipt-next-text",
        title_id: "receipt-title",
        document_title_id: "receipt-document-title",
    };
    lay_out(r, subject, l10n)
}

fn lay_out(r: &RegistrationReceipt, subject: Subject<'_>, l10n: &Localizer) -> SlipContent {
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
        field(subject.label_id, vec![subject.value]),
        field("receipt-pin", vec![isolated(&l10n.digits(&r.tracking_pin))]),
    ];
    if let Some(address) = &r.portal_address {
        // An address is Latin and left to right whatever the page's language.
        fields.push(field("receipt-portal", vec![isolated(address)]));
    }
    fields.push(field("receipt-next", vec![l10n.text(subject.next_id)]));
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
        title: l10n.text(subject.title_id),
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
            subject.document_title_id,
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

    #[test]
    fn a_complaint_receipt_names_its_kind_and_its_own_next_step() {
        let receipt = Receipt::Complaint(ComplaintReceipt {
            tracking_code: "358122904417".into(),
            tracking_code_grouped: "3581-2290-4417".into(),
            tracking_pin: "04718265".into(),
            registered_at_jalali: "1404/08/10 10:30".into(),
            kind_label_id: "kind-suggestion".into(),
            portal_address: None,
            directorate: String::new(),
        });
        let l10n = Localizer::new(Lang::Fa);
        let c = receipt.content(&l10n);
        assert_eq!(c.title, l10n.text("receipt-complaint-title"));
        let values: Vec<&String> = c.fields.iter().flat_map(|f| &f.values).collect();
        assert!(values.iter().any(|v| *v == &l10n.text("kind-suggestion")));
        assert!(values
            .iter()
            .any(|v| *v == &l10n.text("receipt-complaint-next-text")));
        assert!(values.iter().any(|v| v.contains("۰۴۷۱۸۲۶۵")));
        for paper in [PaperSize::A5, PaperSize::Roll80] {
            let pdf = render_any_receipt(&receipt, &l10n, paper).expect("pdf");
            assert!(pdf.starts_with(b"%PDF"));
            assert_eq!(
                render_receipt_svg(&receipt, &l10n, paper)
                    .expect("svg")
                    .len(),
                1
            );
        }
    }
}
