//! The certified electronic copy as a file (issue 15, items 2 and 5): made from a PDF scan and
//! image scans, verified offline against the key set, and refused after one changed byte in a
//! scan's page, in the certification page or in the token. PDF/A-2b's structure checked here
//! (fonts embedded under their real names with a subset tag per `pdffonts`, the sRGB output
//! intent, XMP with pdfaid, `qpdf --check`), and the QR read off the rendered page by zbarimg.

mod common;

use chrono::{TimeZone, Utc};
use sanad_core::model::DispatchMode;
use sanad_i18n::{Lang, Localizer};
use sanad_slip::certificate::{Certificate, CertifiedDocument};
use sanad_slip::ecopy::{make_copy, verify_copy, CopyProblem, ScanFile};
use sanad_token::{Claims, Destination, KeyPair, KeySet, PublishedKey, TokenKind};

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

struct Made {
    pdf: Vec<u8>,
    token: String,
    keys: KeySet,
}

fn made() -> Made {
    let l10n = Localizer::new(Lang::Fa);
    let scan_pdf =
        sanad_slip::render_slip(&common::sample_slip(1), &l10n, sanad_slip::PaperSize::A5)
            .expect("a real PDF to stand in for a scan");
    let photo = jpeg(600, 800);
    let png = common::emblem_png();
    let cert = Certificate {
        directorate: "اداره کل امور اقتصادی و دارایی استان اصفهان".into(),
        tracking_code_grouped: "3581-2290-4418".into(),
        requester: "اداره کل راه و شهرسازی".into(),
        destination: "شعبهٔ ۱۲ دادگاه عمومی حقوقی".into(),
        issued_at_jalali: "1404/09/05 10:35".into(),
        clerk: "مریم کاظمی".into(),
        documents: vec![
            CertifiedDocument {
                registry_number: "1400-27".into(),
                title: "سند مالکیت شش‌دانگ".into(),
                pages: 1,
                sha256: "ab".repeat(32),
            },
            CertifiedDocument {
                registry_number: "A-5501".into(),
                title: "صورت‌مجلس تفکیکی".into(),
                pages: 1,
                sha256: "cd".repeat(32),
            },
            CertifiedDocument {
                registry_number: "B-7".into(),
                title: "نقشه".into(),
                pages: 1,
                sha256: "ef".repeat(32),
            },
        ],
    };
    let key = KeyPair::generate();
    let issued = Utc
        .with_ymd_and_hms(2025, 11, 26, 7, 5, 0)
        .unwrap()
        .timestamp();
    let scans = [
        ScanFile {
            kind: "pdf",
            bytes: &scan_pdf,
        },
        ScanFile {
            kind: "jpeg",
            bytes: &photo,
        },
        ScanFile {
            kind: "png",
            bytes: &png,
        },
    ];
    let (pdf, token) = make_copy(&cert, &scans, &l10n, |pages| {
        sanad_token::issue(
            &Claims {
                kind: TokenKind::Copy,
                tracking_code: "358122904418".into(),
                destination: Some(Destination::of("0190f5a2-8c3e-7d10-9a4b-2f6e8d1c3b5a")),
                dispatch_mode: DispatchMode::ElectronicCopy,
                dispatched_at: Some(issued),
                issued_at: issued,
                copy: None,
                documents: vec![vec![0xab; 16], vec![0xcd; 16], vec![0xef; 16]],
                pages,
            },
            &key,
        )
    })
    .expect("copy");
    let keys = KeySet::new(
        "اداره کل",
        vec![PublishedKey::new(
            &key.public(),
            Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
            None,
            None,
        )],
    );
    Made { pdf, token, keys }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The raw bytes of page `n`'s first content stream, as they sit in the file.
fn page_stream(pdf: &[u8], n: u32) -> Vec<u8> {
    let doc = lopdf::Document::load_mem(pdf).expect("load");
    let page = doc.get_pages()[&n];
    let contents = doc
        .get_dictionary(page)
        .expect("page")
        .get(b"Contents")
        .expect("contents");
    let id = match contents {
        lopdf::Object::Reference(r) => *r,
        lopdf::Object::Array(a) => a[0].as_reference().expect("ref"),
        _ => panic!("contents"),
    };
    doc.get_object(id)
        .expect("stream")
        .as_stream()
        .expect("stream")
        .content
        .clone()
}

fn flipped(pdf: &[u8], at: usize) -> Vec<u8> {
    let mut out = pdf.to_vec();
    out[at] ^= 0x01;
    out
}

#[test]
fn a_copy_verifies_and_one_changed_byte_anywhere_is_refused() {
    let m = made();
    let verdict = verify_copy(&m.pdf, &m.keys).expect("a copy");
    assert!(verdict.is_authentic(), "{verdict:?}");
    assert_eq!(verdict.pages, 4);

    // One byte in a scan's page: the photo's JPEG data, kept as it was in the file.
    let photo = jpeg(600, 800);
    let at = find(&m.pdf, &photo[200..260]).expect("the JPEG is in the file") + 10;
    let v = verify_copy(&flipped(&m.pdf, at), &m.keys).expect("still a copy");
    assert_eq!(
        v.problem,
        Some(CopyProblem::ScanAltered {
            n: 2,
            from: 3,
            to: 3
        }),
        "{v:?}"
    );
    assert!(!v.is_authentic());
    // One byte in the appended PDF's page content.
    let stream = page_stream(&m.pdf, 2);
    let at = find(&m.pdf, &stream).expect("in the file") + stream.len() / 2;
    let v = verify_copy(&flipped(&m.pdf, at), &m.keys);
    assert!(!v.as_ref().is_ok_and(|v| v.is_authentic()), "{v:?}");

    // One byte in the certification page's text.
    let stream = page_stream(&m.pdf, 1);
    let at = find(&m.pdf, &stream).expect("in the file") + stream.len() / 2;
    let v = verify_copy(&flipped(&m.pdf, at), &m.keys);
    assert!(!v.as_ref().is_ok_and(|v| v.is_authentic()), "{v:?}");

    // One byte in the token (the Info dictionary's copy, which the verifier reads).
    let at = find(&m.pdf, format!("({}", m.token).as_bytes()).expect("token in Info") + 40;
    let mut altered = m.pdf.clone();
    altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
    let v = verify_copy(&altered, &m.keys).expect("still a copy");
    assert!(!v.is_authentic(), "{v:?}");

    // Another directorate's keys: not authentic. A file that is no copy: not a copy at all.
    let other = KeySet::new(
        "x",
        vec![PublishedKey::new(
            &KeyPair::generate().public(),
            Utc::now(),
            None,
            None,
        )],
    );
    assert!(!verify_copy(&m.pdf, &other).expect("a copy").is_authentic());
    let slip = sanad_slip::render_slip(
        &common::sample_slip(1),
        &Localizer::new(Lang::Fa),
        sanad_slip::PaperSize::A5,
    )
    .expect("slip");
    assert!(verify_copy(&slip, &m.keys).is_err());
    assert!(verify_copy(b"hello", &m.keys).is_err());
}

#[test]
fn a_copy_is_pdfa_2b_in_structure_and_its_qr_scans() {
    let m = made();
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("copy.pdf");
    std::fs::write(&path, &m.pdf).expect("write");
    let path = path.to_str().expect("path");
    // Every font embedded, under Vazirmatn's names with a six-capital subset tag.
    let fonts = common::run("pdffonts", &[path], "poppler-utils");
    let vazir: Vec<&str> = fonts.lines().filter(|l| l.contains("Vazirmatn")).collect();
    assert!(!vazir.is_empty(), "{fonts}");
    for line in &vazir {
        let name = line.split_whitespace().next().expect("name");
        let (tag, real) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{line}"
        );
        assert!(
            real == "Vazirmatn-Regular" || real == "Vazirmatn-Bold",
            "{line}"
        );
        assert!(line.contains(" yes yes "), "embedded and subset: {line}");
    }
    // The structure qpdf checks (cross-reference, streams, objects).
    let out = std::process::Command::new("qpdf")
        .args(["--check", path])
        .output()
        .expect("qpdf (apt qpdf)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // PDF/A-2b's catalogue parts.
    let doc = lopdf::Document::load_mem(&m.pdf).expect("load");
    assert_eq!(doc.version, "1.7");
    let catalog = doc.catalog().expect("catalog");
    let intents = catalog
        .get(b"OutputIntents")
        .and_then(|o| o.as_array())
        .expect("output intents");
    let intent = intents[0].as_dict().expect("intent");
    assert_eq!(
        intent.get(b"S").and_then(|s| s.as_name()).expect("S"),
        b"GTS_PDFA1"
    );
    let icc = doc
        .get_object(
            intent
                .get(b"DestOutputProfile")
                .and_then(|o| o.as_reference())
                .expect("profile"),
        )
        .expect("icc");
    let icc = icc.as_stream().expect("stream");
    assert_eq!(&icc.content[36..40], b"acsp", "an ICC profile");
    let xmp = doc
        .get_object(
            catalog
                .get(b"Metadata")
                .and_then(|o| o.as_reference())
                .expect("metadata"),
        )
        .expect("xmp");
    let xmp = String::from_utf8_lossy(&xmp.as_stream().expect("stream").content).into_owned();
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "{xmp}"
    );
    assert!(doc.trailer.get(b"ID").is_ok(), "a file identifier");
    // The certification page's QR, rendered and scanned, is the token.
    let png = common::rasterize(&m.pdf, dir.path(), "page1", "150");
    let codes = common::scanned_codes(&png);
    assert_eq!(codes, vec![format!("QR-Code:{}", m.token)]);
}

#[test]
fn the_slips_fonts_carry_their_real_names_too() {
    let dir = tempfile::tempdir().expect("dir");
    let pdf = sanad_slip::render_slip(
        &common::sample_slip(1),
        &Localizer::new(Lang::Fa),
        sanad_slip::PaperSize::A5,
    )
    .expect("slip");
    let path = dir.path().join("slip.pdf");
    std::fs::write(&path, &pdf).expect("write");
    let fonts = common::run("pdffonts", &[path.to_str().expect("path")], "poppler-utils");
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(!names.is_empty(), "{fonts}");
    for name in names {
        let (tag, real) = name
            .split_once('+')
            .unwrap_or_else(|| panic!("no subset tag: {fonts}"));
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{fonts}"
        );
        assert!(real.starts_with("Vazirmatn-"), "{fonts}");
    }
}
