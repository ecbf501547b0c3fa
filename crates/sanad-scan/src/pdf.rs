//! PDF scans: parsed object by object with lopdf (the parser the slip's printpdf already uses),
//! every object walked for what would make the file more than pages to look at.

use lopdf::{Document, LoadOptions, Object};

use crate::{ScanKind, ScanProblem, MAX_PAGES};

/// How far one object or cross-reference stream may inflate while loading. Page content is not
/// inflated here; object streams hold only objects, and 64 MB of those is far past any scan.
const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// Checks a PDF and answers its page count.
pub(crate) fn check(bytes: &[u8]) -> Result<u32, ScanProblem> {
    check_end(bytes)?;
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_INFLATED),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ScanProblem::Bomb
        }
        lopdf::Error::Decryption(_) => ScanProblem::Encrypted,
        other => malformed(other.to_string()),
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(ScanProblem::Encrypted);
    }
    for object in doc.objects.values() {
        refuse_active(object, 0)?;
    }
    refuse_active(&Object::Dictionary(doc.trailer.clone()), 0)?;
    refuse_bombs(&doc)?;
    let pages = doc.get_pages().len() as u64;
    match pages {
        0 => Err(ScanProblem::NoPages),
        n if n > u64::from(MAX_PAGES) => Err(ScanProblem::TooManyPages {
            pages: n,
            limit: MAX_PAGES,
        }),
        n => Ok(n as u32),
    }
}

/// The most all of a scan's compressed streams may inflate to together. Page contents of a
/// scan are a few drawing operators around images that stay compressed (DCT, JBIG2, CCITT are
/// not inflated here), so a quarter of a gigabyte is far past any real one.
const MAX_INFLATED_TOTAL: usize = 256 * 1024 * 1024;

/// Inflates every stream under the limits, so that a page whose content would blow up in a
/// viewer or in the certified copy's composition is refused now. Streams in filters lopdf does not
/// decode (the image codecs) are not looked into: they decode to pixels bounded by the image's
/// declared size.
fn refuse_bombs(doc: &Document) -> Result<(), ScanProblem> {
    let mut total = 0usize;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let budget = MAX_INFLATED.min(MAX_INFLATED_TOTAL.saturating_sub(total));
        match stream.decompressed_content_with_limit(budget) {
            Ok(content) => total += content.len(),
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            })) => return Err(ScanProblem::Bomb),
            // A filter lopdf leaves alone, or a stream it cannot decode: not a bomb by itself.
            Err(_) => {}
        }
    }
    Ok(())
}

/// A complete PDF ends with `%%EOF` (after any number of incremental updates, each ending so).
/// Missing: the file was cut short. Anything but whitespace after the last one: something else
/// rides along (a ZIP or a script appended to make a polyglot).
fn check_end(bytes: &[u8]) -> Result<(), ScanProblem> {
    let Some(at) = bytes.windows(5).rposition(|w| w == b"%%EOF") else {
        return Err(malformed(
            "no %%EOF marker: the file is cut short".to_owned(),
        ));
    };
    let rest = &bytes[at + 5..];
    if rest.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        Ok(())
    } else {
        Err(ScanProblem::TrailingData {
            kind: ScanKind::Pdf,
        })
    }
}

/// Names that make a PDF act rather than show: scripts, launching programs, submitting forms,
/// rich media, XFA forms. Embedded files are refused on their own (they are files inside the
/// file, never inspected).
const ACTIVE_KEYS: &[(&[u8], &str)] = &[
    (b"JS", "javascript"),
    (b"JavaScript", "javascript"),
    (b"RichMedia", "rich-media"),
    (b"XFA", "xfa"),
];
const ACTIVE_ACTIONS: &[(&[u8], &str)] = &[
    (b"JavaScript", "javascript"),
    (b"Launch", "launch"),
    (b"SubmitForm", "submit-form"),
    (b"ImportData", "import-data"),
    (b"Rendition", "rendition"),
    (b"Sound", "sound"),
    (b"Movie", "movie"),
];

/// Nesting deeper than this is refused rather than walked (a crafted file could nest arrays a
/// million deep to exhaust the stack).
const MAX_DEPTH: u32 = 64;

fn refuse_active(object: &Object, depth: u32) -> Result<(), ScanProblem> {
    if depth > MAX_DEPTH {
        return Err(malformed("objects nested too deep".to_owned()));
    }
    match object {
        Object::Dictionary(dict) => refuse_in_dict(dict, depth),
        Object::Stream(stream) => refuse_in_dict(&stream.dict, depth),
        Object::Array(items) => items.iter().try_for_each(|o| refuse_active(o, depth + 1)),
        _ => Ok(()),
    }
}

fn refuse_in_dict(dict: &lopdf::Dictionary, depth: u32) -> Result<(), ScanProblem> {
    for (key, value) in dict.iter() {
        let key = key.as_slice();
        if let Some((_, what)) = ACTIVE_KEYS.iter().find(|(k, _)| *k == key) {
            return Err(ScanProblem::ActiveContent { what });
        }
        if key == b"EmbeddedFiles" || key == b"EF" {
            return Err(ScanProblem::EmbeddedFiles);
        }
        if let Object::Name(name) = value {
            let name = name.as_slice();
            if key == b"S" {
                if let Some((_, what)) = ACTIVE_ACTIONS.iter().find(|(n, _)| *n == name) {
                    return Err(ScanProblem::ActiveContent { what });
                }
            }
            if key == b"Type" && (name == b"EmbeddedFile" || name == b"Filespec") {
                return Err(ScanProblem::EmbeddedFiles);
            }
        }
        refuse_active(value, depth + 1)?;
    }
    Ok(())
}

fn malformed(detail: String) -> ScanProblem {
    ScanProblem::Malformed {
        kind: ScanKind::Pdf,
        detail,
    }
}
