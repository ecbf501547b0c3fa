use std::io::{Cursor, Write};

use lopdf::{dictionary, Document, Object, Stream};
use proptest::prelude::*;

use super::*;

const LIMIT: u64 = 25 * 1024 * 1024;

/// A real one-page (or `pages`-page) PDF written by lopdf, with `extra` entries in its catalog.
fn pdf(pages: usize, extra: lopdf::Dictionary) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"0 0 m 100 100 l S".to_vec()));
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    for (k, v) in extra.into_iter() {
        catalog.set(k, v);
    }
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes");
    out
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 40, 200]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    out.into_inner()
}

fn tiff(pages: usize) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut enc = tiff::encoder::TiffEncoder::new(&mut out).expect("tiff");
        for p in 0..pages {
            let data: Vec<u8> = (0..40 * 30).map(|i| ((i + p * 7) % 251) as u8).collect();
            enc.write_image::<tiff::encoder::colortype::Gray8>(40, 30, &data)
                .expect("tiff page");
        }
    }
    out.into_inner()
}

fn zip_tail() -> Vec<u8> {
    let mut z = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    z.extend_from_slice(b"payload.js alert(1)");
    z.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00");
    z
}

#[test]
fn the_shared_samples_are_what_they_say() {
    assert_eq!(examine(&samples::pdf(2), LIMIT).map(|s| s.pages), Ok(2));
    assert_eq!(
        examine(&samples::png(30, 20), LIMIT).map(|s| s.kind),
        Ok(ScanKind::Png)
    );
    assert_eq!(
        examine(&samples::jpeg(30, 20), LIMIT).map(|s| s.kind),
        Ok(ScanKind::Jpeg)
    );
    assert_eq!(
        examine(&samples::pdf_with_script(), LIMIT),
        Err(ScanProblem::ActiveContent { what: "javascript" })
    );
    assert_eq!(
        examine(&samples::pdf_with_embedded_file(), LIMIT),
        Err(ScanProblem::EmbeddedFiles)
    );
    assert_eq!(
        examine(&samples::pdf_zip_polyglot(), LIMIT),
        Err(ScanProblem::TrailingData {
            kind: ScanKind::Pdf
        })
    );
    assert_eq!(examine(&samples::png_bomb(), LIMIT), Err(ScanProblem::Bomb));
}

#[test]
fn good_files_of_each_kind_are_kept_with_their_pages_and_digest() {
    let p = pdf(3, dictionary! {});
    let scan = examine(&p, LIMIT).expect("a plain PDF passes");
    assert_eq!(scan.kind, ScanKind::Pdf);
    assert_eq!(scan.pages, 3);
    assert_eq!(scan.size_bytes, p.len() as u64);
    assert_eq!(scan.sha256, sha256_hex(&p));
    assert_eq!(scan.sha256.len(), 64);
    assert_eq!(
        examine(&png(64, 48), LIMIT).map(|s| (s.kind, s.pages)),
        Ok((ScanKind::Png, 1))
    );
    assert_eq!(
        examine(&jpeg(64, 48), LIMIT).map(|s| (s.kind, s.pages)),
        Ok((ScanKind::Jpeg, 1))
    );
    assert_eq!(
        examine(&tiff(4), LIMIT).map(|s| (s.kind, s.pages)),
        Ok((ScanKind::Tiff, 4))
    );
}

#[test]
fn empty_oversized_and_unkept_kinds_are_refused() {
    assert_eq!(examine(b"", LIMIT), Err(ScanProblem::Empty));
    let p = pdf(1, dictionary! {});
    assert!(matches!(
        examine(&p, 100),
        Err(ScanProblem::TooLarge {
            limit_bytes: 100,
            ..
        })
    ));
    // A text file named .pdf: the name is never looked at, the content says text.
    assert_eq!(
        examine("سند شماره ۱۲\nthis is not a pdf".as_bytes(), LIMIT),
        Err(ScanProblem::NotAScan { looks_like: "text" })
    );
    assert_eq!(
        examine(&zip_tail(), LIMIT),
        Err(ScanProblem::NotAScan { looks_like: "zip" })
    );
    // A header further in is not honoured: an HTML page that carries a PDF is not a PDF.
    let mut html = b"<html><script>alert(1)</script>".to_vec();
    html.extend_from_slice(&p);
    assert!(matches!(
        examine(&html, LIMIT),
        Err(ScanProblem::NotAScan { .. })
    ));
    assert!(matches!(
        examine(b"GIF89a\x01\x00", LIMIT),
        Err(ScanProblem::NotAScan { looks_like: "gif" })
    ));
}

#[test]
fn truncated_files_are_refused_as_damaged() {
    let p = pdf(2, dictionary! {});
    assert!(matches!(
        examine(&p[..p.len() / 2], LIMIT),
        Err(ScanProblem::Malformed {
            kind: ScanKind::Pdf,
            ..
        })
    ));
    let i = png(64, 48);
    assert!(matches!(
        examine(&i[..i.len() - 20], LIMIT),
        Err(ScanProblem::Malformed {
            kind: ScanKind::Png,
            ..
        })
    ));
    let j = jpeg(64, 48);
    assert!(matches!(
        examine(&j[..j.len() / 2], LIMIT),
        Err(ScanProblem::Malformed {
            kind: ScanKind::Jpeg,
            ..
        }) | Err(ScanProblem::TrailingData { .. })
    ));
    let t = tiff(2);
    assert!(matches!(
        examine(&t[..t.len() / 3], LIMIT),
        Err(ScanProblem::Malformed {
            kind: ScanKind::Tiff,
            ..
        })
    ));
    // A PDF that is only a header.
    assert!(matches!(
        examine(b"%PDF-1.7\n%%EOF\n", LIMIT),
        Err(ScanProblem::Malformed { .. })
    ));
}

#[test]
fn pdfs_with_scripts_actions_or_embedded_files_are_refused() {
    let js = pdf(
        1,
        dictionary! { "OpenAction" => dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") } },
    );
    assert_eq!(
        examine(&js, LIMIT),
        Err(ScanProblem::ActiveContent { what: "javascript" })
    );
    let launch = pdf(
        1,
        dictionary! { "OpenAction" => dictionary! { "S" => "Launch", "F" => Object::string_literal("cmd.exe") } },
    );
    assert_eq!(
        examine(&launch, LIMIT),
        Err(ScanProblem::ActiveContent { what: "launch" })
    );
    let names_js = pdf(
        1,
        dictionary! { "Names" => dictionary! { "JavaScript" => dictionary! { "Names" => vec![] } } },
    );
    assert_eq!(
        examine(&names_js, LIMIT),
        Err(ScanProblem::ActiveContent { what: "javascript" })
    );
    let embedded = pdf(
        1,
        dictionary! { "Names" => dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![] } } },
    );
    assert_eq!(examine(&embedded, LIMIT), Err(ScanProblem::EmbeddedFiles));
    let xfa = pdf(
        1,
        dictionary! { "AcroForm" => dictionary! { "XFA" => Object::string_literal("<xdp/>") } },
    );
    assert_eq!(
        examine(&xfa, LIMIT),
        Err(ScanProblem::ActiveContent { what: "xfa" })
    );
}

#[test]
fn polyglots_with_something_appended_are_refused() {
    for (good, kind) in [
        (pdf(1, dictionary! {}), ScanKind::Pdf),
        (png(16, 16), ScanKind::Png),
        (jpeg(16, 16), ScanKind::Jpeg),
    ] {
        let mut poly = good.clone();
        poly.extend_from_slice(&zip_tail());
        assert_eq!(
            examine(&poly, LIMIT),
            Err(ScanProblem::TrailingData { kind }),
            "{kind:?}"
        );
        // Padding after the end is what scanners write, and stays accepted.
        let mut padded = good;
        padded.extend_from_slice(b"\0\0\0\0");
        if kind != ScanKind::Png {
            assert!(examine(&padded, LIMIT).is_ok(), "{kind:?} padded");
        }
    }
}

#[test]
fn decompression_bombs_are_refused_before_they_are_inflated() {
    // A PNG whose header claims 60000 × 60000 pixels (3.6 gigapixels) in a few hundred bytes.
    let bomb = samples::png_bomb();
    assert_eq!(examine(&bomb, LIMIT), Err(ScanProblem::Bomb));

    // A page whose content stream is 200 MB of zeros, 200 KB compressed.
    let zeros = flate_zeros(200 * 1024 * 1024);
    let mut objstm = format!(
        "<< /Filter /FlateDecode /Length {} >>\nstream\n",
        zeros.len()
    )
    .into_bytes();
    objstm.extend_from_slice(&zeros);
    objstm.extend_from_slice(b"\nendstream");
    let bomb_pdf = raw_pdf(vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        objstm,
    ]);
    assert_eq!(
        examine(&raw_pdf(raw_pdf_plain()), LIMIT).map(|s| s.pages),
        Ok(1)
    );
    assert_eq!(examine(&bomb_pdf, LIMIT), Err(ScanProblem::Bomb));
}

fn raw_pdf_plain() -> Vec<Vec<u8>> {
    vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ]
}

/// A PDF written byte by byte (objects 1…n, a classic cross-reference table), for shapes lopdf's
/// writer would not produce.
fn raw_pdf(objects: Vec<Vec<u8>>) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn flate_zeros(n: usize) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..n / chunk.len() {
        enc.write_all(&chunk).expect("deflate");
    }
    enc.finish().expect("deflate")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever the bytes, the check answers (never panics), and anything it keeps is one of the
    /// four kinds with at least one page.
    #[test]
    fn any_bytes_get_an_answer(bytes in proptest::collection::vec(any::<u8>(), 0..2048), cut in 0usize..4096) {
        if let Ok(scan) = examine(&bytes, LIMIT) {
            prop_assert!(scan.pages >= 1);
        }
        // Damaged copies of a real file: each prefix, and one byte flipped.
        let good = pdf(1, dictionary! {});
        let at = cut % good.len();
        let _ = examine(&good[..at], LIMIT);
        let mut flipped = good.clone();
        flipped[at] ^= 0x5A;
        let _ = examine(&flipped, LIMIT);
    }
}

#[test]
fn thumbnails_show_the_first_page() {
    for bytes in [
        samples::pdf(2),
        samples::png(800, 600),
        samples::jpeg(300, 900),
        tiff(2),
    ] {
        let png_bytes = thumbnail(&bytes, 200).expect("thumbnail");
        let img = image::load_from_memory(&png_bytes).expect("a PNG");
        assert_eq!(
            img.width().max(img.height()),
            200,
            "the longer side is the asked size"
        );
    }
    // The sample PDF's page is a grey-filled frame: the thumbnail is not blank.
    let png_bytes = thumbnail(&samples::pdf(1), 120).expect("pdf");
    let img = image::load_from_memory(&png_bytes).expect("png").to_rgb8();
    let center = img.get_pixel(img.width() / 2, img.height() / 2);
    assert!(
        center.0 != [255, 255, 255],
        "the page's fill is drawn: {center:?}"
    );
}
