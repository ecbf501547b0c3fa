//! Persian text normalization (ARCHITECTURE.md, "Data, validation and Persian text").
//!
//! The same word reaches the desk typed on Persian, Arabic and English keyboards, pasted from
//! PDFs and web pages. Normalizing on the way in keeps one spelling in the database; search keys
//! fold the remaining differences (diacritics, tatweel, half-spaces) so «كتاب» finds «کتاب».

const ZWNJ: char = '\u{200C}';
const TATWEEL: char = '\u{0640}';

/// Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits to ASCII; everything else as is.
pub fn digits_to_ascii(s: &str) -> String {
    s.chars().map(ascii_digit).collect()
}

/// ASCII digits to Persian digits (for display in Persian text); everything else as is.
pub fn to_persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            // The offset keeps the digit's value: '0' + n → '۰' + n.
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn ascii_digit(c: char) -> char {
    let base = match c {
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0660}'..='\u{0669}' => 0x0660,
        _ => return c,
    };
    char::from_u32('0' as u32 + (c as u32 - base)).unwrap_or(c)
}

/// Bidi embeddings, overrides and isolates. Stored data never needs them, and they let text
/// display differently from what it is (a spoofing vector), so they are dropped on the way in.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Normalizes free text on the way in: Arabic ي/ى/ك to Persian ی/ک; line breaks to `\n`; other
/// control and bidi-control characters dropped; every other kind of whitespace to one space;
/// ZWNJ collapsed when repeated and dropped next to a space or at a line's ends; each line and the
/// whole text trimmed. Digits are left alone (free text may quote numbers as written).
pub fn text(s: &str) -> String {
    // Pass 1: per-character mapping. `\r\n` and lone `\r` both become one `\n`.
    let mut mapped = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                mapped.push('\n');
            }
            // Unicode's other line breaks (NEL, line and paragraph separators) are line breaks too.
            '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}' => mapped.push('\n'),
            '\u{064A}' | '\u{0649}' => mapped.push('\u{06CC}'),
            '\u{0643}' => mapped.push('\u{06A9}'),
            c if is_bidi_control(c) => {}
            c if c.is_whitespace() => mapped.push(' '),
            c if c.is_control() => {}
            c => mapped.push(c),
        }
    }

    // Pass 2: per line, each run of spaces and ZWNJs between visible characters becomes one
    // space (if it held a space) or one ZWNJ (if it held only ZWNJs); runs at the line's ends go.
    // Working on whole runs makes the result canonical, so `text` is idempotent.
    let lines: Vec<String> = mapped.split('\n').map(normalize_line).collect();
    lines.join("\n").trim().to_owned()
}

fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    // The separator run pending since the last visible character: None, or whether it had a space.
    let mut pending: Option<bool> = None;
    for c in line.chars() {
        match c {
            ' ' => pending = Some(true),
            ZWNJ => pending = Some(pending.unwrap_or(false)),
            c => {
                if let Some(had_space) = pending.take() {
                    if !out.is_empty() {
                        out.push(if had_space { ' ' } else { ZWNJ });
                    }
                }
                out.push(c);
            }
        }
    }
    out
}

/// A key for matching, not for display: [`text`], then ASCII digits, no tatweel, Arabic
/// diacritics or ZWNJ, lowercase, single spaces. Two spellings of one word get the same key.
pub fn search_key(s: &str) -> String {
    let folded: String = digits_to_ascii(&text(s))
        .chars()
        .filter(|&c| !is_search_noise(c))
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that change how a word looks but not which word it is.
fn is_search_noise(c: char) -> bool {
    matches!(c, TATWEEL | ZWNJ | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Normalizes a code or id typed by a person (tracking code, national code, mobile number):
/// ASCII digits, and no spaces, dashes, tatweel, ZWNJ or invisible direction marks, which
/// people and copy-paste from right-to-left text put in without meaning anything by them.
pub fn identifier(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_identifier_noise(c))
        .map(ascii_digit)
        .collect()
}

fn is_identifier_noise(c: char) -> bool {
    c.is_whitespace()
        || is_invisible_mark(c)
        || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | TATWEEL)
}

/// Characters that take no space and carry no meaning in a code or number typed into a
/// right-to-left form: bidi controls, direction marks, zero-width characters and the BOM.
pub(crate) fn is_invisible_mark(c: char) -> bool {
    is_bidi_control(c)
        // Zero-width space, ZWNJ, ZWJ, LRM, RLM; Arabic letter mark; byte order mark.
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn digits_round_trip() {
        assert_eq!(digits_to_ascii("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(digits_to_ascii("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(digits_to_ascii("a۱b٢c3"), "a1b2c3");
        assert_eq!(to_persian_digits("0123456789"), "۰۱۲۳۴۵۶۷۸۹");
        assert_eq!(to_persian_digits("3581-2290"), "۳۵۸۱-۲۲۹۰");
    }

    #[test]
    fn text_unifies_arabic_letters() {
        assert_eq!(text("كتاب علي"), "کتاب علی");
        assert_eq!(text("مصطفى"), "مصطفی");
    }

    #[test]
    fn text_keeps_digits() {
        assert_eq!(text("نامه ۱۲ و 34"), "نامه ۱۲ و 34");
    }

    #[test]
    fn text_handles_whitespace_and_lines() {
        assert_eq!(text("  سلام \t\t  دنیا  "), "سلام دنیا");
        assert_eq!(text("a\r\nb\rc\n\nd"), "a\nb\nc\n\nd");
        assert_eq!(text("a   \n   b"), "a\nb");
        assert_eq!(text("\n\n a \n\n"), "a");
        assert_eq!(text("a\u{00A0}b"), "a b");
    }

    #[test]
    fn text_drops_controls_and_bidi_overrides() {
        assert_eq!(text("a\u{0000}b\u{0007}c\u{009B}d\u{007F}"), "abcd");
        assert_eq!(text("a\u{0085}b\u{2028}c"), "a\nb\nc");
        assert_eq!(text("\u{202E}abc\u{202C}"), "abc");
        assert_eq!(text("\u{2066}1234\u{2069}"), "1234");
    }

    #[test]
    fn text_tidies_zwnj() {
        assert_eq!(text("می\u{200C}\u{200C}\u{200C}خواهم"), "می\u{200C}خواهم");
        assert_eq!(text("\u{200C}می\u{200C}"), "می");
        assert_eq!(text("کتاب\u{200C} ها"), "کتاب ها");
        assert_eq!(text("کتاب \u{200C}ها"), "کتاب ها");
        assert_eq!(text("کتاب \u{200C} \u{200C} ها"), "کتاب ها");
        assert_eq!(text("a\u{200C}\nb"), "a\nb");
    }

    #[test]
    fn search_key_folds_spellings() {
        assert_eq!(search_key("كتاب"), search_key("کتاب"));
        assert_eq!(search_key("مي\u{200C}خواهم"), search_key("میخواهم"));
        assert_eq!(search_key("كـــتاب"), search_key("کتاب"));
        assert_eq!(search_key("کِتاب"), search_key("کتاب"));
        assert_eq!(search_key("نامه ۱۲"), "نامه 12");
        assert_eq!(search_key("  Sanad   DESK\n"), "sanad desk");
        assert_eq!(search_key("a \u{064B} b"), "a b");
    }

    #[test]
    fn identifier_strips_separators() {
        assert_eq!(identifier("۳۵۸۱-۲۲۹۰-۴۴۱۷"), "358122904417");
        assert_eq!(identifier(" 3581 2290\u{2013}4417 "), "358122904417");
        assert_eq!(
            identifier("\u{2066}۳۵۸۱\u{200C}٢٢٩٠\u{200F}\u{2069}"),
            "35812290"
        );
        assert_eq!(
            identifier("+98 912\u{2212}123\u{0640}4567"),
            "+989121234567"
        );
    }

    fn has_bidi_control(s: &str) -> bool {
        s.chars().any(is_bidi_control)
    }

    proptest! {
        #[test]
        fn text_is_idempotent(s in any::<String>()) {
            let once = text(&s);
            prop_assert_eq!(text(&once), once);
        }

        #[test]
        fn text_is_idempotent_on_persian_like_input(
            s in "[\u{0600}-\u{06FF}\u{200C}\u{202A}-\u{202E}\u{2066}-\u{2069} \t\r\na-z0-9]{0,40}"
        ) {
            let once = text(&s);
            prop_assert_eq!(text(&once), once.clone());
            prop_assert!(!has_bidi_control(&once));
        }

        #[test]
        fn search_key_is_idempotent(s in any::<String>()) {
            let once = search_key(&s);
            prop_assert_eq!(search_key(&once), once);
        }

        #[test]
        fn search_key_is_idempotent_on_persian_like_input(
            s in "[\u{0600}-\u{06FF}\u{200C}\u{0640} \nA-Za-z0-9]{0,40}"
        ) {
            let once = search_key(&s);
            prop_assert_eq!(search_key(&once), once);
        }

        #[test]
        fn no_output_keeps_bidi_controls(s in any::<String>()) {
            prop_assert!(!has_bidi_control(&text(&s)));
            prop_assert!(!has_bidi_control(&search_key(&s)));
            prop_assert!(!has_bidi_control(&identifier(&s)));
        }
    }
}
