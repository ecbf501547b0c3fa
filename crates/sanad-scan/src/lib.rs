//! What a file handed to the repository's register really is, and whether it may be kept.
//!
//! A scan is recognised by its content, never by its name: the first bytes say which of the four
//! kept formats it claims to be (PDF, JPEG, PNG, TIFF), and then the whole file is read as that
//! format — a PDF parsed object by object, an image decoded pixel by pixel — so a truncated or
//! malformed file, a PDF that carries scripts or embedded files, a file with something else
//! appended (a polyglot), or a decompression bomb is refused before anything is stored.
//! Pure: no I/O, so the fuzz targets and every front end use the same check.

mod bitmap;
mod kind;
mod pdf;
mod problem;
mod thumbnail;

#[cfg(any(test, feature = "samples"))]
pub mod samples;

pub use kind::ScanKind;
pub use problem::ScanProblem;
pub use thumbnail::thumbnail;

use sha2::{Digest, Sha256};

/// The most pixels one decoded image (or TIFF page) may have: an A3 page at 600 dpi is about
/// 70 million; anything far above is a bomb, not a scan.
pub const MAX_PIXELS: u64 = 120_000_000;

/// The most pages a scan may have (a deed with its annexes is tens of pages).
pub const MAX_PAGES: u32 = 2_000;

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Scan {
    pub kind: ScanKind,
    pub pages: u32,
    pub size_bytes: u64,
    /// Lower-case hex of the SHA-256 of the whole file.
    pub sha256: String,
}

/// Reads `bytes` as a scan, refusing it when it is empty, larger than `limit_bytes`, of a kind
/// the register does not keep, or anything but a well-formed file of the kind it claims.
pub fn examine(bytes: &[u8], limit_bytes: u64) -> Result<Scan, ScanProblem> {
    if bytes.is_empty() {
        return Err(ScanProblem::Empty);
    }
    let size_bytes = bytes.len() as u64;
    if size_bytes > limit_bytes {
        return Err(ScanProblem::TooLarge {
            limit_bytes,
            size_bytes,
        });
    }
    let kind = ScanKind::sniff(bytes).ok_or_else(|| ScanProblem::NotAScan {
        looks_like: kind::describe_unknown(bytes),
    })?;
    let pages = match kind {
        ScanKind::Pdf => pdf::check(bytes)?,
        ScanKind::Jpeg | ScanKind::Png => bitmap::check_single(bytes, kind)?,
        ScanKind::Tiff => bitmap::check_tiff(bytes)?,
    };
    Ok(Scan {
        kind,
        pages,
        size_bytes,
        sha256: sha256_hex(bytes),
    })
}

/// Lower-case hex SHA-256, the digest the register and the certified copy record.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests;
