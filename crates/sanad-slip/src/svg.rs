//! The composed pages as SVG, for the preview in the app. Glyphs are drawn as their outlines
//! from the same faces the PDF embeds, each outline defined once per page and placed with `<use>`.

use std::collections::BTreeSet;
use std::fmt::Write;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};

use crate::compose::{Page, PageMark};
use crate::text::{font, Weight};
use crate::SlipError;

/// An outline in font units as SVG path data (y up, as the font has it).
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

fn glyph_ref(weight: Weight, glyph: u16) -> String {
    format!("g{}-{glyph}", weight as u8)
}

/// One page as a standalone SVG document, sized in points.
pub(crate) fn write_svg(page: &Page) -> Result<String, SlipError> {
    let mut used = BTreeSet::new();
    for mark in &page.marks {
        if let PageMark::Text { line, .. } = mark {
            used.extend(line.glyphs.iter().map(|g| (line.weight, g.glyph_id)));
        }
    }
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}pt\" height=\"{h}pt\" \
         viewBox=\"0 0 {w} {h}\"><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/><defs>",
        w = page.width,
        h = page.height
    );
    for (weight, glyph) in &used {
        let mut path = PathData(String::new());
        // Spaces and other blank glyphs have no outline: nothing to define.
        if font(*weight)?
            .face
            .outline_glyph(GlyphId(*glyph), &mut path)
            .is_some()
        {
            let _ = write!(
                out,
                "<path id=\"{}\" d=\"{}\"/>",
                glyph_ref(*weight, *glyph),
                path.0
            );
        }
    }
    out.push_str("</defs>");
    for mark in &page.marks {
        draw(&mut out, mark, &used)?;
    }
    out.push_str("</svg>");
    Ok(out)
}

fn draw(
    out: &mut String,
    mark: &PageMark,
    used: &BTreeSet<(Weight, u16)>,
) -> Result<(), SlipError> {
    match mark {
        PageMark::Text { line, x, baseline } => {
            let face = font(line.weight)?;
            let scale = line.size / face.units_per_em;
            for g in &line.glyphs {
                if !used.contains(&(line.weight, g.glyph_id))
                    || face.face.glyph_bounding_box(GlyphId(g.glyph_id)).is_none()
                {
                    continue;
                }
                let _ = write!(
                    out,
                    "<use href=\"#{}\" transform=\"translate({} {}) scale({scale} {})\"/>",
                    glyph_ref(line.weight, g.glyph_id),
                    x + g.x,
                    baseline - g.y_offset,
                    -scale
                );
            }
        }
        PageMark::Fill {
            x,
            top,
            width,
            height,
        } => {
            let _ = write!(
                out,
                // Crisp edges: adjacent QR modules and bars must not show anti-aliased seams.
                "<rect x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" \
                 shape-rendering=\"crispEdges\"/>"
            );
        }
        PageMark::Frame {
            x,
            top,
            width,
            height,
        } => {
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" fill=\"none\" \
                 stroke=\"#000\" stroke-width=\"0.7\"/>"
            );
        }
        PageMark::Logo {
            x,
            top,
            width,
            height,
            image,
        } => {
            let logo = &image.0;
            let _ = write!(
                out,
                "<image x=\"{x}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" \
                 preserveAspectRatio=\"none\" href=\"data:image/png;base64,{}\"/>",
                crate::logo::png_base64(logo)
            );
        }
    }
    Ok(())
}
