//! The certified copy's first page (گواهی رونوشت الکترونیکی): the directorate, the tracking code,
//! the requester and the destination, the date and time, each document with its registry number
//! and its scan's SHA-256, the dispatching clerk, and room for the QR of the signed token (drawn
//! later, by `ecopy`, once the pages' digests are signed). One A4 page.

use sanad_i18n::Localizer;

use crate::compose::{layout_text_block, Page, PageMark};
use crate::text::{BaseDirection, Weight};
use crate::SlipError;

const MM: f32 = 72.0 / 25.4;
pub(crate) const A4_WIDTH: f32 = 210.0 * MM;
pub(crate) const A4_HEIGHT: f32 = 297.0 * MM;
const MARGIN: f32 = 18.0 * MM;

/// Where the QR goes, in PDF user space (points from the bottom-left corner): the page's top
/// left, 42 mm square with its quiet zone. Fixed, so a verifier can redraw it (`docs/formats.md`).
pub const QR_X: f32 = MARGIN;
pub const QR_SIDE: f32 = 42.0 * MM;
pub const QR_Y: f32 = A4_HEIGHT - MARGIN - QR_SIDE;

/// One document as the certification page lists it.
#[derive(Debug, Clone)]
pub struct CertifiedDocument {
    pub registry_number: String,
    pub title: String,
    pub pages: u32,
    /// The scan's SHA-256 in hex, as the register recorded it.
    pub sha256: String,
}

/// Everything the certification page prints.
#[derive(Debug, Clone)]
pub struct Certificate {
    pub directorate: String,
    /// `4-4-4`, ASCII digits (the page prints them in Persian).
    pub tracking_code_grouped: String,
    pub requester: String,
    pub destination: String,
    /// Asia/Tehran, Jalali: `1404/10/30 14:05`.
    pub issued_at_jalali: String,
    pub clerk: String,
    pub documents: Vec<CertifiedDocument>,
}

struct Writer {
    marks: Vec<PageMark>,
    y: f32,
}

impl Writer {
    fn line(&mut self, text: &str, weight: Weight, size: f32) -> Result<(), SlipError> {
        self.block(text, weight, size, MARGIN, A4_WIDTH - MARGIN)
    }

    fn block(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        left: f32,
        right: f32,
    ) -> Result<(), SlipError> {
        let (marks, bottom) =
            layout_text_block(text, weight, size, BaseDirection::Rtl, left, right, self.y)?;
        self.marks.extend(marks);
        self.y = bottom;
        Ok(())
    }
}

/// The certification page, laid out (the QR's square left empty).
pub fn certificate_page(cert: &Certificate, l10n: &Localizer) -> Result<Page, SlipError> {
    let mut w = Writer {
        marks: Vec::new(),
        y: MARGIN,
    };
    // The heading sits to the right of the QR's square.
    let beside_qr = QR_X + QR_SIDE + 6.0 * MM;
    w.block(
        &cert.directorate,
        Weight::Bold,
        13.0,
        beside_qr,
        A4_WIDTH - MARGIN,
    )?;
    w.block(
        &l10n.text("ecopy-title"),
        Weight::Bold,
        17.0,
        beside_qr,
        A4_WIDTH - MARGIN,
    )?;
    let code = l10n.digits(&cert.tracking_code_grouped);
    w.block(
        &format!("{}: \u{2066}{code}\u{2069}", l10n.text("ecopy-code")),
        Weight::Bold,
        13.0,
        beside_qr,
        A4_WIDTH - MARGIN,
    )?;
    w.y = w.y.max(MARGIN + QR_SIDE) + 4.0 * MM;
    w.marks.push(PageMark::Fill {
        x: MARGIN,
        top: w.y,
        width: A4_WIDTH - 2.0 * MARGIN,
        height: 0.6,
    });
    w.y += 3.0 * MM;
    w.line(&l10n.text("ecopy-intro"), Weight::Regular, 10.5)?;
    w.y += 2.0 * MM;
    for (label, value) in [
        ("ecopy-requester", cert.requester.clone()),
        ("ecopy-destination", cert.destination.clone()),
        ("ecopy-issued", l10n.digits(&cert.issued_at_jalali)),
        ("ecopy-clerk", cert.clerk.clone()),
    ] {
        w.line(
            &format!("{}: {value}", l10n.text(label)),
            Weight::Regular,
            10.5,
        )?;
    }
    w.y += 3.0 * MM;
    w.line(&l10n.text("ecopy-documents"), Weight::Bold, 11.5)?;
    for (i, doc) in cert.documents.iter().enumerate() {
        w.line(
            &l10n.format(
                "ecopy-document",
                &[
                    ("n", l10n.digits(&(i + 1).to_string())),
                    ("title", doc.title.clone()),
                    (
                        "registry",
                        format!("\u{2066}{}\u{2069}", doc.registry_number),
                    ),
                    ("pages", l10n.digits(&doc.pages.to_string())),
                ],
            ),
            Weight::Regular,
            10.0,
        )?;
        // The digest is read by machines and people comparing it: kept in ASCII, left to right.
        w.line(
            &l10n.format(
                "ecopy-digest",
                &[("digest", format!("\u{2066}{}\u{2069}", doc.sha256))],
            ),
            Weight::Regular,
            7.5,
        )?;
        w.y += 1.5 * MM;
    }
    w.y += 4.0 * MM;
    w.line(&l10n.text("ecopy-verify-note"), Weight::Regular, 9.0)?;
    Ok(Page {
        width: A4_WIDTH,
        height: A4_HEIGHT,
        margin: MARGIN,
        marks: w.marks,
    })
}
