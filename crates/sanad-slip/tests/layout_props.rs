//! Random mixes of Persian, Latin and digits, of random lengths, through the line layout and the
//! whole slip: nothing panics and nothing is drawn outside the margins.

mod common;

use proptest::prelude::*;
use sanad_i18n::{Lang, Localizer};
use sanad_slip::text::{BaseDirection, Weight};
use sanad_slip::{layout_text_block, render_slip, PageMark, PaperSize};

/// Letters, digits and punctuation a desk types: Persian and Arabic letters, ZWNJ, Latin,
/// ASCII and Persian digits, separators, brackets, bidi isolates and spaces.
fn desk_text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا", "ب", "پ", "س", "ل", "ا", "ی", "ه", "ٔ", "ك", "ي", "‌", "ن", "د", "گ", "ژ", "A", "z",
        "W", "m", "0", "7", "۰", "۵", "۹", "٣", "-", "/", ":", "(", ")", "«", "»", "،", ".", " ",
        " ", " ", "\u{2066}", "\u{2069}", "لا", "سند", "Plate", "12/3",
    ]);
    prop::collection::vec(pieces, 0..max).prop_map(|p| p.concat())
}

const EPSILON: f32 = 0.01;

fn horizontal_extent(marks: &[PageMark]) -> Option<(f32, f32)> {
    let mut extent: Option<(f32, f32)> = None;
    let mut widen = |a: f32, b: f32| {
        let (lo, hi) = (a.min(b), a.max(b));
        extent = Some(match extent {
            None => (lo, hi),
            Some((l, h)) => (l.min(lo), h.max(hi)),
        });
    };
    for mark in marks {
        match mark {
            PageMark::Text { line, x, .. } => {
                for g in &line.glyphs {
                    widen(x + g.x, x + g.x + g.advance);
                }
            }
            PageMark::Fill { x, width, .. }
            | PageMark::Frame { x, width, .. }
            | PageMark::Logo { x, width, .. } => widen(*x, x + width),
        }
    }
    extent
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn lines_stay_between_the_margins(
        text in desk_text(120),
        left in 0.0f32..100.0,
        width in 60.0f32..400.0,
        size in 6.0f32..24.0,
        rtl in any::<bool>(),
        bold in any::<bool>(),
    ) {
        let base = if rtl { BaseDirection::Rtl } else { BaseDirection::Ltr };
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        let (marks, bottom) =
            layout_text_block(&text, weight, size, base, left, left + width, 0.0).expect("layout");
        prop_assert!(bottom >= 0.0);
        if let Some((lo, hi)) = horizontal_extent(&marks) {
            prop_assert!(lo >= left - EPSILON, "{lo} < {left} for {text:?}");
            prop_assert!(hi <= left + width + EPSILON, "{hi} > {} for {text:?}", left + width);
        }
        // Every visible character is drawn: the glyphs carry the whole text but spaces.
        let drawn: usize = marks.iter().map(|m| match m {
            PageMark::Text { line, .. } => line.glyphs.iter().map(|g| g.text.chars().count()).sum(),
            _ => 0,
        }).sum();
        let visible = text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{2066}'..='\u{2069}')).count();
        prop_assert!(drawn >= visible, "{drawn} < {visible} for {text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn whole_slips_with_random_text_stay_on_the_page(
        name in desk_text(60),
        title in desk_text(300),
        org in desk_text(80),
        letter in desk_text(20),
        paper in prop::sample::select(PaperSize::ALL.to_vec()),
    ) {
        let mut slip = common::sample_slip(1);
        slip.request.applicant.name = name;
        slip.request.documents[0].title = title;
        slip.request.requesting_org.name = org;
        slip.request.letter.number = letter;
        let l10n = Localizer::new(Lang::Fa);
        let pages = sanad_slip::compose_pages(&slip, &l10n, paper).expect("compose");
        for page in &pages {
            if let Some((lo, hi)) = horizontal_extent(&page.marks) {
                prop_assert!(lo >= page.margin - EPSILON, "{lo} left of the margin");
                prop_assert!(hi <= page.width - page.margin + EPSILON, "{hi} right of the margin");
            }
        }
        let pdf = render_slip(&slip, &l10n, paper).expect("render");
        prop_assert!(pdf.starts_with(b"%PDF"));
    }
}
