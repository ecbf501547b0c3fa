//! Image scans: JPEG and PNG decoded whole with the `image` crate, every page of a TIFF with
//! the `tiff` crate, under limits that refuse a decompression bomb before it is allocated.

use std::io::Cursor;

use image::{ImageError, ImageFormat, ImageReader};

use crate::{ScanKind, ScanProblem, MAX_PAGES, MAX_PIXELS};

/// What one decode may allocate: a 120-megapixel RGBA page is 480 MB.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// A JPEG or a PNG: one page.
pub(crate) fn check_single(bytes: &[u8], kind: ScanKind) -> Result<u32, ScanProblem> {
    match kind {
        ScanKind::Png => check_png_end(bytes)?,
        _ => check_jpeg_end(bytes)?,
    }
    let format = if kind == ScanKind::Png {
        ImageFormat::Png
    } else {
        ImageFormat::Jpeg
    };
    let reader = || {
        let mut r = ImageReader::new(Cursor::new(bytes));
        r.set_format(format);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_ALLOC);
        r.limits(limits);
        r
    };
    let (w, h) = reader()
        .into_dimensions()
        .map_err(|e| image_problem(e, kind))?;
    refuse_huge(w, h)?;
    reader().decode().map_err(|e| image_problem(e, kind))?;
    Ok(1)
}

/// A TIFF: every page (IFD) decoded, so a damaged later page is found too.
pub(crate) fn check_tiff(bytes: &[u8]) -> Result<u32, ScanProblem> {
    let bad = |e: tiff::TiffError| match e {
        tiff::TiffError::LimitsExceeded => ScanProblem::Bomb,
        other => malformed(ScanKind::Tiff, other.to_string()),
    };
    let mut limits = tiff::decoder::Limits::default();
    limits.decoding_buffer_size = MAX_ALLOC as usize;
    let mut decoder = tiff::decoder::Decoder::new(Cursor::new(bytes))
        .map_err(bad)?
        .with_limits(limits);
    let mut pages: u32 = 0;
    loop {
        let (w, h) = decoder.dimensions().map_err(bad)?;
        refuse_huge(w, h)?;
        decoder.read_image().map_err(bad)?;
        pages += 1;
        if pages > MAX_PAGES {
            return Err(ScanProblem::TooManyPages {
                pages: u64::from(pages),
                limit: MAX_PAGES,
            });
        }
        if !decoder.more_images() {
            break;
        }
        decoder.next_image().map_err(bad)?;
    }
    Ok(pages)
}

fn refuse_huge(w: u32, h: u32) -> Result<(), ScanProblem> {
    if w == 0 || h == 0 {
        return Err(ScanProblem::NoPages);
    }
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(ScanProblem::Bomb);
    }
    Ok(())
}

/// A PNG ends with its IEND chunk; walking the chunks finds a cut-short file and anything
/// appended after the end (the usual way to make an image that is also a ZIP or a script).
fn check_png_end(bytes: &[u8]) -> Result<(), ScanProblem> {
    let mut at = 8usize;
    loop {
        let Some(header) = bytes.get(at..at + 8) else {
            return Err(malformed(ScanKind::Png, "cut short before IEND".to_owned()));
        };
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let end = at
            .checked_add(12)
            .and_then(|v| v.checked_add(len))
            .filter(|end| *end <= bytes.len())
            .ok_or_else(|| malformed(ScanKind::Png, "a chunk runs past the end".to_owned()))?;
        if &header[4..8] == b"IEND" {
            return if end == bytes.len() {
                Ok(())
            } else {
                Err(ScanProblem::TrailingData {
                    kind: ScanKind::Png,
                })
            };
        }
        at = end;
    }
}

/// A JPEG ends with the EOI marker (FF D9). The decoder forgives a missing one (it paints the
/// rest grey), so the check is made here: none at the end means cut short or something appended.
fn check_jpeg_end(bytes: &[u8]) -> Result<(), ScanProblem> {
    let trimmed = bytes.len() - bytes.iter().rev().take_while(|b| **b == 0).count();
    if bytes[..trimmed].ends_with(&[0xFF, 0xD9]) {
        return Ok(());
    }
    // An EOI followed by more than padding: another file rides along. No EOI at all: cut short.
    if bytes[..trimmed].windows(2).any(|w| w == [0xFF, 0xD9]) {
        Err(ScanProblem::TrailingData {
            kind: ScanKind::Jpeg,
        })
    } else {
        Err(malformed(
            ScanKind::Jpeg,
            "no end marker: cut short".to_owned(),
        ))
    }
}

fn image_problem(e: ImageError, kind: ScanKind) -> ScanProblem {
    match e {
        ImageError::Limits(_) => ScanProblem::Bomb,
        other => malformed(kind, other.to_string()),
    }
}

fn malformed(kind: ScanKind, detail: String) -> ScanProblem {
    ScanProblem::Malformed { kind, detail }
}
