//! The certified electronic copy as a file (issue 15, item 2): the certification page, then every
//! scan's pages (a PDF's pages appended as they are, an image placed on an A4 page), made
//! PDF/A-2b (fonts embedded under their names, the sRGB output intent, XMP metadata), with the
//! signed token in its QR and in its metadata. And the check of such a file, offline.
//!
//! Page digests (`docs/formats.md`, "Page digests"): each page is hashed as the canonical bytes
//! of its dictionary with every reference followed (streams as their raw bytes), leaving out the
//! link to its parent and, on the first page, the second content stream, which draws the QR;
//! the token signs, for the certification page and then for each document's pages, how many
//! pages there are and the first 16 bytes of SHA-256 over their page digests. So the token
//! cannot be inside what it signs, yet every other byte that shows on a page is covered, and
//! the QR is checked by drawing it again from the token.

use std::collections::BTreeSet;
use std::io::{Cursor, Write};

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use sanad_i18n::Localizer;
use sanad_token::{Claims, KeySet, TokenKind, Verdict, DIGEST_BYTES};
use sha2::{Digest, Sha256};

use crate::certificate::{certificate_page, Certificate, A4_HEIGHT, A4_WIDTH, QR_SIDE, QR_X, QR_Y};
use crate::codes::qr_modules;
use crate::SlipError;

/// The sRGB profile every copy carries as its output intent (`icc/README.md`).
const SRGB_ICC: &[u8] = include_bytes!("../icc/sRGB.icc");

/// A scan to append: its bytes and what the register says it is (`pdf`, `jpeg`, `png`, `tiff`).
pub struct ScanFile<'a> {
    pub kind: &'a str,
    pub bytes: &'a [u8],
}

/// Why a copy could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("{0}")]
    Slip(#[from] SlipError),
    #[error("scan {index} could not be placed: {detail}")]
    Scan { index: usize, detail: String },
    #[error("the copy could not be written: {0}")]
    Pdf(String),
}

fn pdf_error(e: impl std::fmt::Display) -> CopyError {
    CopyError::Pdf(e.to_string())
}

/// Makes the copy: `sign` gets the page groups' counts and digests and answers the token.
/// Returns the PDF and the token.
pub fn make_copy(
    cert: &Certificate,
    scans: &[ScanFile<'_>],
    l10n: &Localizer,
    sign: impl FnOnce(Vec<(u32, [u8; DIGEST_BYTES])>) -> String,
) -> Result<(Vec<u8>, String), CopyError> {
    let page = certificate_page(cert, l10n)?;
    let title = format!(
        "{} {}",
        l10n.text("ecopy-title"),
        cert.tracking_code_grouped
    );
    let mut doc = crate::pdf::write_document(&[page], &title)?;
    doc.version = "1.7".to_owned();
    let mut counts = vec![1u32];
    for (index, scan) in scans.iter().enumerate() {
        let added = match scan.kind {
            "pdf" => append_pdf(&mut doc, scan.bytes),
            _ => append_image(&mut doc, scan.bytes),
        }
        .map_err(|detail| CopyError::Scan { index, detail })?;
        counts.push(added);
    }
    pdfa_parts(&mut doc, &title, cert)?;
    // Digests are taken from the file as it will be read back, so writer and reader agree.
    let mut staged = reload(&mut doc)?;
    let groups = group_digests(&staged, &counts).ok_or_else(|| pdf_error("page digests"))?;
    let token = sign(groups.clone());
    seal_with_token(&mut staged, &token)?;
    let mut bytes = Vec::new();
    staged.save_to(&mut bytes).map_err(pdf_error)?;
    // A copy that would not verify is never issued.
    let check = Document::load_mem(&bytes).map_err(pdf_error)?;
    if group_digests(&check, &counts).as_ref() != Some(&groups) || qr_problem(&check, &token) {
        return Err(pdf_error("the written copy does not match its digests"));
    }
    Ok((bytes, token))
}

fn reload(doc: &mut Document) -> Result<Document, CopyError> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(pdf_error)?;
    Document::load_mem(&bytes).map_err(pdf_error)
}

/// The page tree's root.
fn pages_root(doc: &Document) -> Result<ObjectId, String> {
    doc.catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())
}

fn add_kid(doc: &mut Document, page: ObjectId) -> Result<(), String> {
    let root = pages_root(doc)?;
    let pages = doc
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    let count = pages.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    pages.set("Count", count + 1);
    match pages.get_mut(b"Kids") {
        Ok(Object::Array(kids)) => kids.push(Object::Reference(page)),
        _ => pages.set("Kids", vec![Object::Reference(page)]),
    }
    Ok(())
}

/// Appends every page of a PDF scan, with what each inherits from its tree made its own.
fn append_pdf(doc: &mut Document, bytes: &[u8]) -> Result<u32, String> {
    let mut scan = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    scan.renumber_objects_with(doc.max_id + 1);
    let root = pages_root(doc)?;
    let pages: Vec<ObjectId> = scan.get_pages().into_values().collect();
    let mut page_dicts = Vec::new();
    for &id in &pages {
        let mut dict = scan.get_dictionary(id).map_err(|e| e.to_string())?.clone();
        for key in [b"Resources".as_slice(), b"MediaBox", b"CropBox", b"Rotate"] {
            if dict.has(key) {
                continue;
            }
            if let Some(value) = inherited(&scan, id, key) {
                dict.set(key.to_vec(), value);
            }
        }
        dict.set("Parent", Object::Reference(root));
        // Links and form fields stay behind: a copy shows the scan, it does not act.
        dict.remove(b"Annots");
        dict.remove(b"AA");
        page_dicts.push((id, dict));
    }
    let skip: BTreeSet<ObjectId> = scan
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Type").ok())
                .and_then(|t| t.as_name().ok())
                .is_some_and(|t| t == b"Catalog" || t == b"Pages")
        })
        .map(|(id, _)| *id)
        .collect();
    for (id, object) in std::mem::take(&mut scan.objects) {
        if !skip.contains(&id) {
            doc.objects.insert(id, object);
        }
    }
    for (id, dict) in page_dicts {
        doc.objects.insert(id, Object::Dictionary(dict));
        add_kid(doc, id)?;
    }
    doc.max_id = doc.max_id.max(scan.max_id);
    Ok(pages.len() as u32)
}

fn inherited(doc: &Document, page: ObjectId, key: &[u8]) -> Option<Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
    }
    None
}

/// Places an image scan on an A4 page (landscape for a wide image), as large as the margins
/// allow. A grey or colour JPEG goes in as it is; anything else is decoded and kept losslessly.
fn append_image(doc: &mut Document, bytes: &[u8]) -> Result<u32, String> {
    let (width, height, image) = image_xobject(bytes)?;
    let image_id = doc.add_object(Object::Stream(image));
    let (page_w, page_h) = if width > height {
        (A4_HEIGHT, A4_WIDTH)
    } else {
        (A4_WIDTH, A4_HEIGHT)
    };
    let margin = 10.0 * 72.0 / 25.4;
    let scale =
        ((page_w - 2.0 * margin) / width as f32).min((page_h - 2.0 * margin) / height as f32);
    let (w, h) = (width as f32 * scale, height as f32 * scale);
    let (x, y) = ((page_w - w) / 2.0, (page_h - h) / 2.0);
    let content = format!("q {w:.3} 0 0 {h:.3} {x:.3} {y:.3} cm /Scan Do Q\n");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let root = pages_root(doc)?;
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => root,
        "MediaBox" => vec![0.into(), 0.into(), Object::Real(page_w), Object::Real(page_h)],
        "Contents" => content_id,
        "Resources" => dictionary! { "XObject" => dictionary! { "Scan" => image_id } },
    });
    add_kid(doc, page)?;
    Ok(1)
}

fn image_xobject(bytes: &[u8]) -> Result<(u32, u32, Stream), String> {
    use image::ImageDecoder;
    if bytes.starts_with(&[0xFF, 0xD8]) {
        let decoder =
            image::codecs::jpeg::JpegDecoder::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
        let (w, h) = decoder.dimensions();
        let space = match decoder.color_type() {
            image::ColorType::L8 => Some("DeviceGray"),
            image::ColorType::Rgb8 => Some("DeviceRGB"),
            _ => None,
        };
        if let Some(space) = space {
            let dict = dictionary! {
                "Type" => "XObject", "Subtype" => "Image",
                "Width" => w as i64, "Height" => h as i64,
                "ColorSpace" => space, "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            };
            return Ok((
                w,
                h,
                Stream::new(dict, bytes.to_vec()).with_compression(false),
            ));
        }
    }
    let tiff = bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*");
    if tiff && tiff_pages(bytes)? > 1 {
        // Not yet: every page must go in, and the image decoder reads the first alone.
        return Err("a TIFF of several pages; attach it as a PDF".to_owned());
    }
    let image = image::load_from_memory(bytes).map_err(|e| e.to_string())?;
    let (w, h) = (image.width(), image.height());
    let (space, pixels) = if image.color().has_color() {
        ("DeviceRGB", image.to_rgb8().into_raw())
    } else {
        ("DeviceGray", image.to_luma8().into_raw())
    };
    let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    deflate.write_all(&pixels).map_err(|e| e.to_string())?;
    let data = deflate.finish().map_err(|e| e.to_string())?;
    let dict = dictionary! {
        "Type" => "XObject", "Subtype" => "Image",
        "Width" => w as i64, "Height" => h as i64,
        "ColorSpace" => space, "BitsPerComponent" => 8, "Filter" => "FlateDecode",
    };
    Ok((w, h, Stream::new(dict, data).with_compression(false)))
}

/// How many images a TIFF holds.
fn tiff_pages(bytes: &[u8]) -> Result<u32, String> {
    let mut decoder = tiff::decoder::Decoder::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut pages = 1;
    while decoder.more_images() {
        decoder.next_image().map_err(|e| e.to_string())?;
        pages += 1;
    }
    Ok(pages)
}

/// PDF/A-2b's parts besides the fonts: the sRGB output intent, the document ID, the Info
/// dictionary and XMP metadata that say the same (the token is added to both by
/// [`seal_with_token`]).
fn pdfa_parts(doc: &mut Document, title: &str, cert: &Certificate) -> Result<(), CopyError> {
    let icc = doc.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB_ICC.to_vec()));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => icc,
    };
    let catalog = doc.catalog_mut().map_err(pdf_error)?;
    catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    // A file identifier (PDF/A asks for one): from the certificate's own content.
    let id = Sha256::digest(format!(
        "{title}\n{}\n{}",
        cert.issued_at_jalali, cert.clerk
    ));
    let id = Object::String(id[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    Ok(())
}

/// Draws the QR of `token` in its square on the first page (a second content stream), and puts
/// the token, title and dates in the Info dictionary and the XMP metadata.
fn seal_with_token(doc: &mut Document, token: &str) -> Result<(), CopyError> {
    let first = *doc
        .get_pages()
        .get(&1)
        .ok_or_else(|| pdf_error("no first page"))?;
    let qr = doc.add_object(Stream::new(
        dictionary! {},
        qr_stream(token).map_err(CopyError::Slip)?,
    ));
    let page = doc
        .get_object_mut(first)
        .and_then(Object::as_dict_mut)
        .map_err(pdf_error)?;
    let contents = match page.get(b"Contents").map_err(pdf_error)? {
        Object::Reference(r) => vec![Object::Reference(*r)],
        Object::Array(a) => a.clone(),
        _ => return Err(pdf_error("first page contents")),
    };
    if contents.len() != 1 {
        return Err(pdf_error("the certification page has one content stream"));
    }
    page.set("Contents", vec![contents[0].clone(), Object::Reference(qr)]);

    let title = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok()
        .and_then(|r| doc.get_dictionary(r).ok())
        .and_then(|d| d.get(b"Title").ok())
        .and_then(|t| t.as_str().ok())
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .unwrap_or_default();
    let now = chrono_like_now();
    let info = doc.add_object(dictionary! {
        "Title" => Object::String(utf16be(&title), lopdf::StringFormat::Hexadecimal),
        "Producer" => Object::string_literal("Sanad Desk"),
        "Keywords" => Object::string_literal(token),
        "CreationDate" => Object::string_literal(now.pdf.clone()),
        "ModDate" => Object::string_literal(now.pdf.clone()),
    });
    doc.trailer.set("Info", info);
    let xmp = xmp_packet(&title, token, &now.xmp);
    let metadata = doc.add_object(
        Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp.into_bytes(),
        )
        .with_compression(false),
    );
    doc.catalog_mut()
        .map_err(pdf_error)?
        .set("Metadata", metadata);
    Ok(())
}

struct Stamp {
    pdf: String,
    xmp: String,
}

/// The time the file was written, in the two spellings PDF/A asks to agree.
fn chrono_like_now() -> Stamp {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, secs) = (now.div_euclid(86_400), now.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (secs / 3600, secs / 60 % 60, secs % 60);
    Stamp {
        pdf: format!("D:{y:04}{m:02}{d:02}{hh:02}{mm:02}{ss:02}Z"),
        xmp: format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z"),
    }
}

/// Howard Hinnant's days-to-civil: the proleptic Gregorian date of a day count since 1970.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn utf16be(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_be_bytes());
    }
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn xmp_packet(title: &str, token: &str, at: &str) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" \
xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n\
<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n\
<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
<pdf:Producer>Sanad Desk</pdf:Producer>\n<pdf:Keywords>{token}</pdf:Keywords>\n\
<xmp:CreateDate>{at}</xmp:CreateDate>\n<xmp:ModifyDate>{at}</xmp:ModifyDate>\n\
</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
        title = xml_escape(title),
        token = xml_escape(token),
    )
}

/// The QR of `token` as PDF operators: black squares in the QR's fixed square, four modules of
/// quiet zone around, numbers with three decimals. A verifier draws the same bytes.
pub fn qr_stream(token: &str) -> Result<Vec<u8>, SlipError> {
    let qr = qr_modules(token)?;
    let module = QR_SIDE / (qr.width + 8) as f32;
    let mut out = String::from("q 0 0 0 rg\n");
    for row in 0..qr.width {
        for col in 0..qr.width {
            if qr.dark[row * qr.width + col] {
                let x = QR_X + (col + 4) as f32 * module;
                let y = QR_Y + QR_SIDE - (row + 5) as f32 * module;
                out.push_str(&format!("{x:.3} {y:.3} {module:.3} {module:.3} re\n"));
            }
        }
    }
    out.push_str("f Q\n");
    Ok(out.into_bytes())
}

/// The canonical bytes of a page (see the module's header), into `hash`.
fn hash_page(doc: &Document, page: ObjectId, first: bool, hash: &mut Sha256) -> Option<()> {
    let dict = doc.get_dictionary(page).ok()?;
    let mut seen = BTreeSet::new();
    hash.update(b"page");
    for (key, value) in sorted(dict) {
        if key == b"Parent" {
            continue;
        }
        hash.update(b"/");
        hash.update(key);
        if first && key == b"Contents" {
            // The certification page's text; its second stream is the QR, checked apart.
            // Before the QR is drawn the page has its text stream alone.
            let text = match value {
                Object::Array(a) if a.len() == 2 => &a[0],
                Object::Reference(_) => value,
                _ => return None,
            };
            hash_object(doc, text, &mut seen, hash, 0)?;
        } else {
            hash_object(doc, value, &mut seen, hash, 0)?;
        }
    }
    Some(())
}

fn sorted(dict: &Dictionary) -> Vec<(&[u8], &Object)> {
    let mut entries: Vec<(&[u8], &Object)> = dict.iter().map(|(k, v)| (k.as_slice(), v)).collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

fn hash_object(
    doc: &Document,
    object: &Object,
    seen: &mut BTreeSet<ObjectId>,
    hash: &mut Sha256,
    depth: u32,
) -> Option<()> {
    if depth > 64 {
        return None;
    }
    fn bytes(hash: &mut Sha256, tag: &[u8], body: &[u8]) {
        hash.update(tag);
        hash.update((body.len() as u64).to_be_bytes());
        hash.update(body);
    }
    match object {
        Object::Null => bytes(hash, b"n", b""),
        Object::Boolean(b) => bytes(hash, b"b", &[u8::from(*b)]),
        Object::Integer(i) => bytes(hash, b"i", &i.to_be_bytes()),
        Object::Real(r) => bytes(hash, b"r", format!("{r:.4}").as_bytes()),
        Object::Name(n) => bytes(hash, b"N", n),
        Object::String(s, _) => bytes(hash, b"s", s),
        Object::Array(items) => {
            bytes(hash, b"a", &(items.len() as u64).to_be_bytes());
            for item in items {
                hash_object(doc, item, seen, hash, depth + 1)?;
            }
        }
        Object::Dictionary(dict) => hash_dict(doc, dict, seen, hash, depth)?,
        Object::Stream(stream) => {
            hash_dict(doc, &stream.dict, seen, hash, depth)?;
            bytes(hash, b"S", &stream.content);
        }
        Object::Reference(id) => {
            if !seen.insert(*id) {
                // Shared (a font on every page) or a cycle: hashed once.
                bytes(hash, b"R", b"");
                return Some(());
            }
            let target = doc.get_object(*id).ok()?;
            hash_object(doc, target, seen, hash, depth + 1)?;
        }
    }
    Some(())
}

fn hash_dict(
    doc: &Document,
    dict: &Dictionary,
    seen: &mut BTreeSet<ObjectId>,
    hash: &mut Sha256,
    depth: u32,
) -> Option<()> {
    hash.update(b"d");
    for (key, value) in sorted(dict) {
        // A stream's length is how it was written, not what it holds; a page's parent is
        // the tree, not the page.
        if key == b"Length" || key == b"Parent" {
            continue;
        }
        hash.update((key.len() as u64).to_be_bytes());
        hash.update(key);
        hash_object(doc, value, seen, hash, depth + 1)?;
    }
    hash.update(b"e");
    Some(())
}

/// For each group of `counts` pages in order: the count and the short digest of its pages.
fn group_digests(doc: &Document, counts: &[u32]) -> Option<Vec<(u32, [u8; DIGEST_BYTES])>> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if counts.iter().map(|&c| c as usize).sum::<usize>() != pages.len() {
        return None;
    }
    let mut out = Vec::with_capacity(counts.len());
    let mut at = 0usize;
    for &count in counts {
        let mut group = Sha256::new();
        for (i, &page) in pages[at..at + count as usize].iter().enumerate() {
            let mut one = Sha256::new();
            hash_page(doc, page, at + i == 0, &mut one)?;
            group.update(one.finalize());
        }
        let full = group.finalize();
        let mut short = [0u8; DIGEST_BYTES];
        short.copy_from_slice(&full[..DIGEST_BYTES]);
        out.push((count, short));
        at += count as usize;
    }
    Some(out)
}

/// Whether the first page's QR stream is anything but the QR of `token`.
fn qr_problem(doc: &Document, token: &str) -> bool {
    let Some(&first) = doc.get_pages().get(&1) else {
        return true;
    };
    let Ok(expected) = qr_stream(token) else {
        return true;
    };
    let qr = doc
        .get_dictionary(first)
        .ok()
        .and_then(|d| d.get(b"Contents").ok())
        .and_then(|c| c.as_array().ok())
        .filter(|a| a.len() == 2)
        .and_then(|a| a[1].as_reference().ok())
        .and_then(|r| doc.get_object(r).ok())
        .and_then(|o| o.as_stream().ok());
    match qr {
        Some(stream) => {
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            content != expected
        }
        None => true,
    }
}

/// What is wrong with a copy whose token is authentic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyProblem {
    /// The token is a slip's, or lists no pages.
    NotACopyToken,
    QrMismatch,
    PageCount {
        found: usize,
        signed: usize,
    },
    CertificateAltered,
    /// Document `n` (1-based), on pages `from`..=`to`.
    ScanAltered {
        n: usize,
        from: usize,
        to: usize,
    },
}

/// The check of a copy: the token's verdict, and what the pages say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyVerdict {
    pub token: Verdict,
    pub problem: Option<CopyProblem>,
    pub pages: usize,
}

impl CopyVerdict {
    pub fn is_authentic(&self) -> bool {
        self.token.is_authentic() && self.problem.is_none()
    }
}

/// Why a file is not checked as a copy at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotACopy {
    /// Not a PDF, or a PDF without a Sanad token: exit 2.
    NotACopy,
    /// It says it is a PDF but cannot be read: damaged or altered (exit 1).
    Damaged,
}

/// Checks a certified copy offline against `keys`.
pub fn verify_copy(bytes: &[u8], keys: &KeySet) -> Result<CopyVerdict, NotACopy> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(NotACopy::NotACopy);
    }
    let doc = Document::load_mem(bytes).map_err(|_| NotACopy::Damaged)?;
    let token = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok()
        .and_then(|r| doc.get_dictionary(r).ok())
        .and_then(|d| d.get(b"Keywords").ok())
        .and_then(|k| k.as_str().ok())
        .map(|k| String::from_utf8_lossy(k).into_owned())
        .ok_or(NotACopy::NotACopy)?;
    let verdict = sanad_token::verify(&token, keys).map_err(|_| NotACopy::NotACopy)?;
    let pages = doc.get_pages().len();
    let problem = match &verdict {
        Verdict::Authentic { claims, .. } => pages_problem(&doc, &token, claims, pages),
        Verdict::NotAuthentic { .. } => None,
    };
    Ok(CopyVerdict {
        token: verdict,
        problem,
        pages,
    })
}

fn pages_problem(
    doc: &Document,
    token: &str,
    claims: &Claims,
    pages: usize,
) -> Option<CopyProblem> {
    if claims.kind != TokenKind::Copy || claims.pages.is_empty() {
        return Some(CopyProblem::NotACopyToken);
    }
    let signed: usize = claims.pages.iter().map(|(n, _)| *n as usize).sum();
    if signed != pages {
        return Some(CopyProblem::PageCount {
            found: pages,
            signed,
        });
    }
    if qr_problem(doc, token) {
        return Some(CopyProblem::QrMismatch);
    }
    let counts: Vec<u32> = claims.pages.iter().map(|(n, _)| *n).collect();
    let Some(found) = group_digests(doc, &counts) else {
        return Some(CopyProblem::CertificateAltered);
    };
    let mut from = 1usize;
    for (i, (got, want)) in found.iter().zip(&claims.pages).enumerate() {
        let to = from + want.0 as usize - 1;
        if got != want {
            return Some(if i == 0 {
                CopyProblem::CertificateAltered
            } else {
                CopyProblem::ScanAltered { n: i, from, to }
            });
        }
        from = to + 1;
    }
    None
}
