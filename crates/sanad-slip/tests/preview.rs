//! The app's slip preview (SVG) shows what prints: rasterized with librsvg it matches the PDF
//! rasterized with poppler, and a scanner reads both codes off it.

mod common;

use common::{grey_pixels, rasterize, run, sample_slip, scanned_codes};
use sanad_i18n::{Lang, Localizer};
use sanad_slip::{render_slip, render_slip_svg, PaperSize};

const DPI: &str = "144";
const BLOCK: usize = 4;

#[test]
fn the_preview_looks_like_the_printed_slip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keep = std::env::var("SANAD_KEEP_PREVIEW").ok();
    let l10n = Localizer::new(Lang::Fa);
    let mut slip = sample_slip(2);
    slip.office.logo_png = Some(common::emblem_png());
    for paper in PaperSize::ALL {
        let name = paper.as_str();
        let pdf = render_slip(&slip, &l10n, paper).expect("pdf");
        let pages = render_slip_svg(&slip, &l10n, paper).expect("svg");
        assert!(!pages.is_empty(), "{name}: no page");
        let svg_path = dir.path().join(format!("{name}.svg"));
        std::fs::write(&svg_path, &pages[0]).expect("write svg");
        let svg_png = dir.path().join(format!("{name}-svg.png"));
        run(
            "rsvg-convert",
            &[
                "--dpi-x",
                DPI,
                "--dpi-y",
                DPI,
                "--background-color",
                "white",
                "-o",
                svg_png.to_str().expect("path"),
                svg_path.to_str().expect("path"),
            ],
            "librsvg2-bin",
        );
        let pdf_png = rasterize(&pdf, dir.path(), &format!("{name}-pdf"), DPI);
        if let Some(to) = &keep {
            let _ = std::fs::copy(&svg_png, format!("{to}/{name}-svg.png"));
            let _ = std::fs::copy(&pdf_png, format!("{to}/{name}-pdf.png"));
        }
        let (w1, h1, a) = grey_pixels(&svg_png);
        let (w2, h2, b) = grey_pixels(&pdf_png);
        assert!(
            w1.abs_diff(w2) <= 1 && h1.abs_diff(h2) <= 1,
            "{name}: {w1}x{h1} vs {w2}x{h2}"
        );
        // Two rasterizers anti-alias edges differently, so pixels are compared as 4×4 blocks:
        // a glyph drawn elsewhere, missing or mirrored changes whole blocks.
        let (w, h) = (w1.min(w2) as usize / BLOCK, h1.min(h2) as usize / BLOCK);
        let block = |pixels: &[u8], stride: u32, bx: usize, by: usize| -> u32 {
            let mut sum = 0u32;
            for y in by * BLOCK..(by + 1) * BLOCK {
                for x in bx * BLOCK..(bx + 1) * BLOCK {
                    sum += u32::from(pixels[y * stride as usize + x]);
                }
            }
            sum / (BLOCK * BLOCK) as u32
        };
        let (mut differing, mut inked) = (0usize, 0usize);
        for by in 0..h {
            for bx in 0..w {
                let (p, q) = (block(&a, w1, bx, by), block(&b, w2, bx, by));
                inked += usize::from(q < 192);
                differing += usize::from(p.abs_diff(q) > 64);
            }
        }
        assert!(inked > 500, "{name}: the PDF page is blank");
        assert!(
            differing * 50 < inked,
            "{name}: {differing} of {inked} inked blocks differ"
        );
        assert_eq!(
            scanned_codes(&svg_png),
            ["CODE-128:358122904418", "QR-Code:358122904418"],
            "{name}"
        );
    }
}
