//! Lines of text as a browser lays them out: each line ordered with the Unicode bidirectional
//! algorithm (`unicode-bidi`), each directional run shaped with HarfBuzz's rules (`rustybuzz`),
//! glyphs placed left to right. Every glyph keeps the logical text of its cluster, so the PDF's
//! ToUnicode map can give the characters back when the text is copied.

use std::sync::OnceLock;

use rustybuzz::{BufferFlags, Direction, Face, Language, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

use crate::SlipError;

static REGULAR_TTF: &[u8] = include_bytes!("../fonts/Vazirmatn-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../fonts/Vazirmatn-Bold.ttf");

/// The two faces of Vazirmatn the slip uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub const ALL: [Weight; 2] = [Weight::Regular, Weight::Bold];

    /// The face's PostScript name, as the PDF names the embedded font.
    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "Vazirmatn-Regular",
            Weight::Bold => "Vazirmatn-Bold",
        }
    }

    pub(crate) fn ttf(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR_TTF,
            Weight::Bold => BOLD_TTF,
        }
    }
}

/// A parsed face, made once per process.
pub(crate) struct Font {
    pub(crate) face: Face<'static>,
    pub(crate) units_per_em: f32,
    zwnj_glyph: Option<u16>,
}

pub(crate) fn font(weight: Weight) -> Result<&'static Font, SlipError> {
    static FONTS: OnceLock<Option<[Font; 2]>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let load = |w: Weight| {
            let face = Face::from_slice(w.ttf(), 0)?;
            let units_per_em = face.units_per_em() as f32;
            let zwnj_glyph = face.glyph_index('\u{200C}').map(|g| g.0);
            Some(Font {
                face,
                units_per_em,
                zwnj_glyph,
            })
        };
        Some([load(Weight::Regular)?, load(Weight::Bold)?])
    });
    let fonts = fonts.as_ref().ok_or(SlipError::Font)?;
    Ok(&fonts[weight as usize])
}

/// Which way a paragraph runs: right to left for Persian, left to right for English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseDirection {
    Rtl,
    Ltr,
}

/// One glyph placed on a line: `x` from the line's left end, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub glyph_id: u16,
    pub x: f32,
    pub y_offset: f32,
    pub advance: f32,
    /// The logical text this glyph stands for (empty for the second and later glyphs of a
    /// cluster drawn with several).
    pub text: String,
}

/// A laid-out line: glyphs in visual order, and its width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedLine {
    pub weight: Weight,
    pub size: f32,
    pub glyphs: Vec<PlacedGlyph>,
    pub width: f32,
}

/// Characters that steer the bidi algorithm and are never drawn.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Tabs, newlines and other control characters become spaces: a slip line is one line.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Lays out `text` as one line at `size` points.
pub fn shape_line(
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
) -> Result<ShapedLine, SlipError> {
    let font = font(weight)?;
    let text = clean(text);
    let scale = size / font.units_per_em;
    let mut line = ShapedLine {
        weight,
        size,
        glyphs: Vec::new(),
        width: 0.0,
    };
    let level = match base {
        BaseDirection::Rtl => Level::rtl(),
        BaseDirection::Ltr => Level::ltr(),
    };
    let bidi = BidiInfo::new(&text, Some(level));
    let Some(paragraph) = bidi.paragraphs.first() else {
        return Ok(line);
    };
    let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
    let mut pen = 0.0f32;
    for run in runs {
        let run_text = &text[run.clone()];
        let rtl = levels[run.start].is_rtl();
        pen = shape_run(font, run_text, rtl, scale, pen, &mut line.glyphs);
    }
    // A mark may hang left of the line's start (HarfBuzz offsets it from its base, e.g. stacked
    // marks on «لا»): move the line so nothing is drawn before its left end, and count the
    // overhang in its width, so the margins hold whatever the text.
    let overhang = line.glyphs.iter().map(|g| g.x).fold(0.0f32, f32::min);
    for g in &mut line.glyphs {
        g.x -= overhang;
    }
    line.width = line
        .glyphs
        .iter()
        .map(|g| g.x + g.advance)
        .fold(pen - overhang, f32::max);
    Ok(line)
}

/// Shapes one directional run and appends its glyphs from `pen`; returns the pen after it.
fn shape_run(
    font: &Font,
    run_text: &str,
    rtl: bool,
    scale: f32,
    mut pen: f32,
    out: &mut Vec<PlacedGlyph>,
) -> f32 {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(run_text);
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    if let Ok(fa) = "fa".parse::<Language>() {
        buffer.set_language(fa);
    }
    buffer.guess_segment_properties();
    buffer.set_flags(BufferFlags::BEGINNING_OF_TEXT | BufferFlags::END_OF_TEXT);
    let shaped = rustybuzz::shape(&font.face, &[], buffer);
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    // Cluster values are byte offsets into the run; a cluster's text runs to the next one.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster_text = |start: usize| -> &str {
        let end = starts
            .iter()
            .find(|&&s| s > start)
            .copied()
            .unwrap_or(run_text.len());
        run_text.get(start..end).unwrap_or("")
    };
    let mut seen_clusters: Vec<usize> = Vec::new();
    // Glyphs come in visual order; for a right-to-left run the first glyph of a cluster in
    // logical order is the rightmost, so walk clusters in logical order to assign text.
    let order: Vec<usize> = if rtl {
        (0..infos.len()).rev().collect()
    } else {
        (0..infos.len()).collect()
    };
    let mut texts = vec![String::new(); infos.len()];
    for &i in &order {
        let cluster = infos[i].cluster as usize;
        if !seen_clusters.contains(&cluster) {
            seen_clusters.push(cluster);
            let logical = cluster_text(cluster);
            // Text extractors collect a right-to-left line's characters in visual order and
            // reverse them; a ligature (لا) or a letter with its mark carries its characters in
            // visual order too, so the reversal gives them back in logical order.
            texts[i] = if rtl {
                logical.chars().rev().collect()
            } else {
                logical.to_owned()
            };
        }
    }
    for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
        let advance = pos.x_advance as f32 * scale;
        let text = std::mem::take(&mut texts[i]);
        let mut glyph_id = info.glyph_id as u16;
        if text.chars().all(is_bidi_control) && !text.is_empty() {
            pen += advance;
            continue;
        }
        if text == "\u{200C}" {
            // HarfBuzz hides a ZWNJ behind the space glyph; draw the font's own zero-width
            // glyph instead so copying the text keeps the ZWNJ (and the space glyph keeps
            // meaning a space).
            match font.zwnj_glyph {
                Some(g) => glyph_id = g,
                None => {
                    pen += advance;
                    continue;
                }
            }
        }
        out.push(PlacedGlyph {
            glyph_id,
            x: pen + pos.x_offset as f32 * scale,
            y_offset: pos.y_offset as f32 * scale,
            advance,
            text,
        });
        pen += advance;
    }
    pen
}

/// The width of `text` as one line.
pub fn measure(
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
) -> Result<f32, SlipError> {
    Ok(shape_line(text, weight, size, base)?.width)
}

/// Rounding slack when a line is measured twice (a thousandth of a point).
const FIT_TOLERANCE: f32 = 0.001;

/// Breaks `text` into lines no wider than `max_width` points, at spaces where possible and
/// inside a word only when the word alone is too wide. Every line is laid out with bidi.
pub fn wrap(
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
    max_width: f32,
) -> Result<Vec<ShapedLine>, SlipError> {
    let text = clean(text);
    if text.split(' ').all(str::is_empty) {
        return Ok(Vec::new());
    }
    // Most values fit on one line: lay it out once instead of word by word.
    let whole = shape_line(&text, weight, size, base)?;
    if whole.width <= max_width + FIT_TOLERANCE {
        return Ok(if whole.glyphs.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        });
    }
    // Letters never join across a space, so a line's width is its words' widths plus its
    // spaces': measure each word once. Each line is then laid out whole and checked.
    let space = measure(" ", weight, size, base)?;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let width = measure(word, weight, size, base)?;
        if !current.is_empty() && current_width + space + width <= max_width + FIT_TOLERANCE {
            current.push(' ');
            current.push_str(word);
            current_width += space + width;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if width <= max_width + FIT_TOLERANCE {
            current = word.to_owned();
            current_width = width;
        } else {
            let mut pieces = split_word(word, weight, size, base, max_width)?;
            current = pieces.pop().unwrap_or_default();
            current_width = measure(&current, weight, size, base)?;
            lines.extend(pieces);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let shaped = lines
        .iter()
        .map(|l| shape_line(l, weight, size, base))
        .collect::<Result<Vec<_>, _>>()?;
    if shaped.iter().all(|l| l.width <= max_width + FIT_TOLERANCE) {
        return Ok(shaped);
    }
    wrap_exactly(&text, weight, size, base, max_width)
}

/// The slow, exact way: every candidate line laid out whole (for fonts that kern across
/// spaces, which would make the word sums above slightly off).
fn wrap_exactly(
    text: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
    max_width: f32,
) -> Result<Vec<ShapedLine>, SlipError> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate, weight, size, base)? <= max_width + FIT_TOLERANCE {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if measure(word, weight, size, base)? <= max_width + FIT_TOLERANCE {
            current = word.to_owned();
        } else {
            let mut pieces = split_word(word, weight, size, base, max_width)?;
            current = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .iter()
        .map(|l| shape_line(l, weight, size, base))
        .collect()
}

/// Cuts a word wider than a line into pieces that fit (at least one character each).
fn split_word(
    word: &str,
    weight: Weight,
    size: f32,
    base: BaseDirection,
    max_width: f32,
) -> Result<Vec<String>, SlipError> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in word.chars() {
        let mut candidate = current.clone();
        candidate.push(c);
        if !current.is_empty()
            && measure(&candidate, weight, size, base)? > max_width + FIT_TOLERANCE
        {
            pieces.push(std::mem::take(&mut current));
            current.push(c);
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visual_text(line: &ShapedLine) -> String {
        line.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn persian_letters_join_into_contextual_forms() {
        let line = shape_line("سند", Weight::Regular, 10.0, BaseDirection::Rtl).expect("shape");
        let isolated: Vec<u16> = "سند"
            .chars()
            .map(|c| {
                font(Weight::Regular)
                    .expect("font")
                    .face
                    .glyph_index(c)
                    .expect("glyph")
                    .0
            })
            .collect();
        let drawn: Vec<u16> = line.glyphs.iter().map(|g| g.glyph_id).collect();
        assert_eq!(drawn.len(), 3);
        // Joined letters use initial/medial/final forms, not the isolated glyphs.
        assert_ne!(drawn.iter().rev().copied().collect::<Vec<_>>(), isolated);
        // Right to left: the first letter is drawn rightmost.
        assert_eq!(visual_text(&line), "دنس");
    }

    #[test]
    fn an_isolated_code_keeps_its_groups_in_order() {
        let text = "کد \u{2066}۳۵۸۱-۲۲۹۰-۴۴۱۷\u{2069} است";
        let line = shape_line(text, Weight::Regular, 10.0, BaseDirection::Rtl).expect("shape");
        let visual = visual_text(&line);
        assert!(visual.contains("۳۵۸۱-۲۲۹۰-۴۴۱۷"), "{visual}");
        assert!(!visual.contains('\u{2066}'));
    }

    #[test]
    fn spaces_survive_persian_latin_boundaries() {
        let line = shape_line(
            "نامه ABC-12 مورخ",
            Weight::Regular,
            10.0,
            BaseDirection::Rtl,
        )
        .expect("shape");
        let visual = visual_text(&line);
        assert_eq!(visual, "خروم ABC-12 همان");
    }

    #[test]
    fn wrapping_keeps_every_word_and_each_line_fits() {
        let title = "سند مالکیت شش‌دانگ یک قطعه زمین به مساحت ۲۵۰ متر مربع پلاک ثبتی ۱۲/۳ بخش ۲ \
                     واقع در خیابان آزادی کوچه شهید رجایی";
        let lines = wrap(title, Weight::Regular, 10.0, BaseDirection::Rtl, 120.0).expect("wrap");
        assert!(lines.len() > 2, "{}", lines.len());
        for line in &lines {
            assert!(line.width <= 120.0, "{}", line.width);
        }
        let words: usize = lines
            .iter()
            .map(|l| {
                let t: String = l.glyphs.iter().map(|g| g.text.as_str()).collect();
                t.split(' ').filter(|w| !w.is_empty()).count()
            })
            .sum();
        assert_eq!(words, title.split_whitespace().count());
    }
}
