//! Pages to PDF with printpdf's glyph-level ops. The font is subset here (allsorts, the
//! subsetter printpdf links anyway) because printpdf only subsets behind its `text_layout`
//! feature, which pulls in azul-layout. Each glyph carries its cluster's text, from which
//! printpdf writes the ToUnicode map that makes the PDF's text copyable and searchable.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{
    Codepoint, Color, FontId, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, RawImage, RawImageData, RawImageFormat, Rect, Rgb, TextItem, TextMatrix,
    XObjectTransform,
};

use crate::compose::{Page, PageMark};
use crate::text::Weight;
use crate::SlipError;

/// A face subset to the glyphs the document draws, and the old → new glyph ids.
struct SubsetFace {
    id: FontId,
    new_ids: BTreeMap<u16, u16>,
    /// `ABCDEF+Vazirmatn-Regular`: the name the PDF gives the embedded subset.
    name: String,
}

fn used_glyphs(pages: &[Page], weight: Weight) -> BTreeSet<u16> {
    pages
        .iter()
        .flat_map(|p| &p.marks)
        .filter_map(|m| match m {
            PageMark::Text { line, .. } if line.weight == weight => Some(&line.glyphs),
            _ => None,
        })
        .flatten()
        .map(|g| g.glyph_id)
        .collect()
}

fn subset_face(
    doc: &mut PdfDocument,
    weight: Weight,
    used: &BTreeSet<u16>,
) -> Result<SubsetFace, SlipError> {
    // .notdef first (allsorts requires it); a glyph's new id is its position in this list.
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.iter().copied().filter(|&g| g != 0))
        .collect();
    let font_file = ReadScope::new(weight.ttf())
        .read::<FontData<'_>>()
        .map_err(|e| SlipError::Subset(e.to_string()))?;
    let provider = font_file
        .table_provider(0)
        .map_err(|e| SlipError::Subset(e.to_string()))?;
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| SlipError::Subset(e.to_string()))?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or(SlipError::Font)?;
    let id = doc.add_font(&parsed);
    let new_ids = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new as u16))
        .collect();
    let base = weight.postscript_name();
    let name = format!("{}+{base}", crate::font_names::subset_tag(base, &ids));
    Ok(SubsetFace { id, new_ids, name })
}

/// Text for every glyph id, so a glyph drawn without its own text (the second glyph of a
/// cluster) still maps to what it shows elsewhere in the document.
fn known_texts(pages: &[Page]) -> BTreeMap<(Weight, u16), String> {
    let mut out = BTreeMap::new();
    for mark in pages.iter().flat_map(|p| &p.marks) {
        if let PageMark::Text { line, .. } = mark {
            for g in line.glyphs.iter().filter(|g| !g.text.is_empty()) {
                out.entry((line.weight, g.glyph_id))
                    .or_insert_with(|| g.text.clone());
            }
        }
    }
    out
}

pub(crate) fn write_pdf(pages: &[Page], title: &str) -> Result<Vec<u8>, SlipError> {
    let mut doc = write_document(pages, title)?;
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| SlipError::Subset(e.to_string()))?;
    Ok(out)
}

/// The pages as a lopdf document, fonts under their real names (for the slip, and for the
/// certified copy's certification page, which goes on being assembled).
pub(crate) fn write_document(pages: &[Page], title: &str) -> Result<lopdf::Document, SlipError> {
    let mut doc = PdfDocument::new(title);
    let mut faces = BTreeMap::new();
    for weight in Weight::ALL {
        let used = used_glyphs(pages, weight);
        if !used.is_empty() {
            faces.insert(weight, subset_face(&mut doc, weight, &used)?);
        }
    }
    let texts = known_texts(pages);
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for page in pages {
        let mut ops = vec![
            Op::SetFillColor { col: black() },
            Op::SetOutlineColor { col: black() },
            Op::SetOutlineThickness { pt: Pt(0.7) },
        ];
        for mark in &page.marks {
            draw(&mut doc, &mut ops, page.height, mark, &faces, &texts);
        }
        pdf_pages.push(PdfPage::new(
            printpdf::Mm(page.width * 25.4 / 72.0),
            printpdf::Mm(page.height * 25.4 / 72.0),
            ops,
        ));
    }
    doc.with_pages(pdf_pages);
    let mut warnings = Vec::new();
    let bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
    let mut document =
        lopdf::Document::load_mem(&bytes).map_err(|e| SlipError::Subset(e.to_string()))?;
    let names: Vec<(String, String)> = faces
        .values()
        .map(|f| (f.id.0.clone(), f.name.clone()))
        .collect();
    crate::font_names::rename(&mut document, &names);
    Ok(document)
}

fn black() -> Color {
    Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    })
}

fn draw(
    doc: &mut PdfDocument,
    ops: &mut Vec<Op>,
    page_height: f32,
    mark: &PageMark,
    faces: &BTreeMap<Weight, SubsetFace>,
    texts: &BTreeMap<(Weight, u16), String>,
) {
    match mark {
        PageMark::Text { line, x, baseline } => {
            let Some(face) = faces.get(&line.weight) else {
                return;
            };
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(face.id.clone()),
                size: Pt(line.size),
            });
            for g in &line.glyphs {
                let text = if g.text.is_empty() {
                    // The second glyph of a cluster: its text went with the first glyph.
                    Some(
                        texts
                            .get(&(line.weight, g.glyph_id))
                            .cloned()
                            .unwrap_or_default(),
                    )
                } else {
                    Some(g.text.clone())
                };
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(
                        Pt(x + g.x),
                        Pt(page_height - baseline + g.y_offset),
                    ),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(vec![Codepoint {
                        gid: face.new_ids.get(&g.glyph_id).copied().unwrap_or(0),
                        offset: 0.0,
                        cid: text,
                    }])],
                });
            }
            ops.push(Op::EndTextSection);
        }
        PageMark::Fill {
            x,
            top,
            width,
            height,
        } => ops.push(Op::DrawRectangle {
            rectangle: rect(
                *x,
                page_height - top - height,
                *width,
                *height,
                PaintMode::Fill,
            ),
        }),
        PageMark::Frame {
            x,
            top,
            width,
            height,
        } => ops.push(Op::DrawRectangle {
            rectangle: rect(
                *x,
                page_height - top - height,
                *width,
                *height,
                PaintMode::Stroke,
            ),
        }),
        PageMark::Logo {
            x,
            top,
            width,
            height,
            image,
        } => {
            let logo = &image.0;
            let id = doc.add_image(&RawImage {
                pixels: RawImageData::U8(logo.rgb.clone()),
                width: logo.width,
                height: logo.height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            });
            // At 72 dpi one pixel is one point; scale from there to the box.
            ops.push(Op::UseXobject {
                id,
                transform: XObjectTransform {
                    translate_x: Some(Pt(*x)),
                    translate_y: Some(Pt(page_height - top - height)),
                    scale_x: Some(width / logo.width as f32),
                    scale_y: Some(height / logo.height as f32),
                    dpi: Some(72.0),
                    ..Default::default()
                },
            });
        }
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, mode: PaintMode) -> Rect {
    Rect {
        mode: Some(mode),
        ..Rect::from_xywh(Pt(x), Pt(y), Pt(width), Pt(height))
    }
}
