//! Any value printed on a slip: the line layout never panics and never draws outside the column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_slip::text::{BaseDirection, Weight};
use sanad_slip::{layout_text_block, PageMark};

/// A5's text column, in points.
const LEFT: f32 = 30.0;
const RIGHT: f32 = 390.0;

fuzz_target!(|input: (bool, bool, &str)| {
    let (bold, ltr, text) = input;
    let weight = if bold { Weight::Bold } else { Weight::Regular };
    let base = if ltr {
        BaseDirection::Ltr
    } else {
        BaseDirection::Rtl
    };
    // Slip values are bounded by the service (1,000 characters at most); keep runs fast.
    let text: String = text.chars().take(1200).collect();
    let Ok((marks, bottom)) = layout_text_block(&text, weight, 10.0, base, LEFT, RIGHT, 40.0)
    else {
        return;
    };
    assert!(bottom >= 40.0);
    for mark in marks {
        if let PageMark::Text { line, x, .. } = mark {
            for g in &line.glyphs {
                assert!(x + g.x >= LEFT - 0.5, "glyph left of the column");
                assert!(
                    x + g.x + g.advance <= RIGHT + 0.5,
                    "glyph right of the column"
                );
            }
        }
    }
});
