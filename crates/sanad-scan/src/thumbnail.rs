//! The first page of a kept file as a small PNG, drawn here so that no window ever opens a scan
//! as active content: a PDF is rasterized (hayro, pure Rust), an image decoded and scaled.
//! Only files `examine` accepted come here, so their streams and pixel counts are bounded.

use std::io::Cursor;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, RenderCache, RenderSettings};
use image::{DynamicImage, ImageFormat, RgbaImage};

use crate::{ScanKind, ScanProblem};

/// The first page of `bytes`, at most `max_side` pixels on its longer side, as PNG.
pub fn thumbnail(bytes: &[u8], max_side: u32) -> Result<Vec<u8>, ScanProblem> {
    let kind = ScanKind::sniff(bytes).ok_or(ScanProblem::NotAScan {
        looks_like: "unknown",
    })?;
    let max_side = max_side.clamp(16, 2048);
    let image = match kind {
        ScanKind::Pdf => first_pdf_page(bytes, max_side)?,
        ScanKind::Jpeg | ScanKind::Png | ScanKind::Tiff => {
            let format = match kind {
                ScanKind::Jpeg => ImageFormat::Jpeg,
                ScanKind::Png => ImageFormat::Png,
                _ => ImageFormat::Tiff,
            };
            image::load_from_memory_with_format(bytes, format)
                .map_err(|e| malformed(kind, e.to_string()))?
                .thumbnail(max_side, max_side)
        }
    };
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .map_err(|e| malformed(kind, e.to_string()))?;
    Ok(out.into_inner())
}

fn first_pdf_page(bytes: &[u8], max_side: u32) -> Result<DynamicImage, ScanProblem> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| malformed(ScanKind::Pdf, format!("{e:?}")))?;
    let page = pdf.pages().first().ok_or(ScanProblem::NoPages)?;
    let (w, h) = page.render_dimensions();
    let longer = w.max(h).max(1.0);
    let scale = max_side as f32 / longer;
    let settings = RenderSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
        ..RenderSettings::default()
    };
    let pixmap = render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &settings,
    );
    let (pw, ph) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    // On an opaque white background premultiplied RGBA is plain RGBA.
    RgbaImage::from_raw(pw, ph, pixmap.data_as_u8_slice().to_vec())
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(|| malformed(ScanKind::Pdf, "the page drew to no pixels".to_owned()))
}

fn malformed(kind: ScanKind, detail: String) -> ScanProblem {
    ScanProblem::Malformed { kind, detail }
}
