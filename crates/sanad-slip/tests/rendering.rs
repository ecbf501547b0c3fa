//! The rendered slip, checked the way people and machines read it: pixels against committed
//! reference images (rasterized by poppler's pdftoppm), both codes decoded by zbarimg, the
//! Persian lines extracted by pdftotext, the font reported embedded by pdffonts.
//!
//! The reference images are regenerated only on purpose, after looking at the new ones:
//! `SANAD_UPDATE_SLIP_REFERENCES=1 cargo test -p sanad-slip --test rendering`.

mod common;

use common::{fixtures_dir, grey_pixels, rasterize, run, sample_slip, scanned_codes};
use sanad_i18n::{Lang, Localizer};
use sanad_slip::{render_slip, PaperSize};

const REFERENCE_DPI: &str = "72";
/// Pixels allowed to differ clearly from the reference (identical renders differ in none).
const MAX_DIFFERING_PIXELS: usize = 4;

fn render(copy: i64, paper: PaperSize) -> Vec<u8> {
    render_slip(&sample_slip(copy), &Localizer::new(Lang::Fa), paper).expect("render")
}

/// The A4 reference also carries an office logo.
fn render_with_logo(copy: i64, paper: PaperSize) -> Vec<u8> {
    let mut slip = sample_slip(copy);
    slip.office.logo_png = Some(common::emblem_png());
    render_slip(&slip, &Localizer::new(Lang::Fa), paper).expect("render")
}

#[test]
fn slips_look_like_their_reference_images() {
    let update = std::env::var_os("SANAD_UPDATE_SLIP_REFERENCES").is_some();
    let dir = tempfile::tempdir().expect("temp dir");
    for (paper, copy) in [
        (PaperSize::A5, 2),
        (PaperSize::A4, 1),
        (PaperSize::Roll80, 1),
    ] {
        let name = format!("slip-{}", paper.as_str());
        let pdf = if paper == PaperSize::A4 {
            render_with_logo(copy, paper)
        } else {
            render(copy, paper)
        };
        let actual = rasterize(&pdf, dir.path(), &name, REFERENCE_DPI);
        let reference = fixtures_dir().join(format!("{name}.png"));
        if update {
            std::fs::create_dir_all(fixtures_dir()).expect("reference dir");
            std::fs::copy(&actual, &reference).expect("update reference");
            continue;
        }
        let (rw, rh, expected) = grey_pixels(&reference);
        let (aw, ah, got) = grey_pixels(&actual);
        let kept = std::env::temp_dir().join(format!("{name}-actual.png"));
        let _ = std::fs::copy(&actual, &kept);
        assert_eq!(
            (aw, ah),
            (rw, rh),
            "{name}: page size changed; see {}",
            kept.display()
        );
        // Anti-aliasing may differ by a few grey levels between poppler builds; one letter
        // changed in a name moves about ten pixels by far more, so allow only a handful.
        let differing = expected
            .iter()
            .zip(&got)
            .filter(|(e, g)| e.abs_diff(**g) > 32)
            .count();
        assert!(
            differing <= MAX_DIFFERING_PIXELS,
            "{name}: {differing} pixels differ from {}; see {} (regenerate deliberately with \
             SANAD_UPDATE_SLIP_REFERENCES=1)",
            reference.display(),
            kept.display()
        );
    }
}

#[test]
fn a_scanner_reads_the_barcode_and_the_qr_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    for paper in PaperSize::ALL {
        let name = format!("scan-{}", paper.as_str());
        let image = rasterize(&render(1, paper), dir.path(), &name, "200");
        assert_eq!(
            scanned_codes(&image),
            ["CODE-128:358122904418", "QR-Code:358122904418"],
            "{}",
            paper.as_str()
        );
    }
}

/// pdftotext's lines with the direction marks it adds (and bidi isolates) removed.
fn extracted_lines(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("slip.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = run(
        "pdftotext",
        &["-enc", "UTF-8", path.to_str().expect("path"), "-"],
        "poppler-utils",
    );
    text.lines()
        .map(|l| {
            l.chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect::<String>()
                .trim()
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn persian_lines_copy_out_as_their_logical_text() {
    let l10n = Localizer::new(Lang::Fa);
    let slip = sample_slip(1);
    for paper in PaperSize::ALL {
        let lines = extracted_lines(&render(1, paper));
        let mut expected: Vec<String> = [
            "slip-title",
            "slip-tracking-code",
            "slip-requesting-org",
            "slip-destination",
            "slip-documents",
            "slip-dispatch-mode",
            "slip-applicant",
            "slip-approvals",
            "slip-clerk",
            "slip-signature-clerk",
            "slip-signature-recipient",
            "mode-original",
        ]
        .iter()
        .map(|id| l10n.text(id))
        .collect();
        expected.extend([
            slip.office.directorate_name.clone(),
            slip.request.requesting_org.name.clone(),
            slip.clerk.clone(),
        ]);
        for line in &expected {
            assert!(
                lines.contains(line),
                "{}: «{line}» not among the extracted lines {lines:#?}",
                paper.as_str()
            );
        }
        // The keep-the-code note may wrap on the roll; joined, it is the message.
        let note = l10n.text("slip-keep-code");
        assert!(
            lines.join(" ").contains(&note),
            "{}: {lines:#?}",
            paper.as_str()
        );
        // The code's groups keep their order in the extracted text.
        assert!(
            lines.iter().any(|l| l == "۳۵۸۱-۲۲۹۰-۴۴۱۸"),
            "{}: {lines:#?}",
            paper.as_str()
        );
    }
}

#[test]
fn duplicates_say_so() {
    let l10n = Localizer::new(Lang::Fa);
    let mark = l10n.format("slip-duplicate", &[("copy", "3".into())]);
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
            .collect()
    };
    let mark = clean(&mark);
    assert!(mark.contains("المثنی") && mark.contains('۳'), "{mark}");
    assert!(extracted_lines(&render(3, PaperSize::A5)).contains(&mark));
    assert!(!extracted_lines(&render(1, PaperSize::A5))
        .iter()
        .any(|l| l.contains("المثنی")));
}

#[test]
fn the_font_is_embedded_subset_with_a_unicode_map() {
    let pdf = render(1, PaperSize::A5);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("slip.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let out = run("pdffonts", &[path.to_str().expect("path")], "poppler-utils");
    let fonts: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(fonts.len(), 2, "regular and bold: {out}");
    for font in fonts {
        let columns: Vec<&str> = font.split_whitespace().collect();
        // name, type (CID TrueType), encoding, emb, sub, uni, object id, generation
        assert!(font.contains("CID TrueType"), "{font}");
        let n = columns.len();
        assert_eq!(columns[n - 5], "yes", "embedded: {font}");
        assert_eq!(columns[n - 3], "yes", "ToUnicode map: {font}");
    }
    // Each Vazirmatn face is about 120 KB; the slip carries only the glyphs it draws.
    let full_fonts = 2 * 120_000;
    assert!(
        pdf.len() < full_fonts / 4,
        "{} bytes: not subset?",
        pdf.len()
    );
}

#[test]
fn an_english_slip_reads_left_to_right() {
    let l10n = Localizer::new(Lang::En);
    let pdf = render_slip(&sample_slip(2), &l10n, PaperSize::A5).expect("render");
    let lines = extracted_lines(&pdf);
    for id in ["slip-title", "slip-tracking-code", "slip-keep-code"] {
        assert!(lines.contains(&l10n.text(id)), "{id}: {lines:#?}");
    }
    assert!(lines.iter().any(|l| l == "3581-2290-4418"), "{lines:#?}");
}
