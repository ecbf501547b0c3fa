//! Digit shapes for display. Storage and identifiers always use ASCII digits.

/// ASCII (and Arabic-Indic) digits to Persian digits, for Persian text.
pub fn to_persian_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x06F0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Persian and Arabic-Indic digits to ASCII digits.
pub fn to_latin_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + '0' as u32).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A `.` between two digits becomes the Persian decimal separator `٫` (U+066B); other dots stay.
pub fn persian_decimal_point(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: Option<&char>| {
        c.is_some_and(|c| c.is_ascii_digit() || ('\u{06F0}'..='\u{06F9}').contains(c))
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if *c == '.' && i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1)) {
                '\u{066B}'
            } else {
                *c
            }
        })
        .collect()
}

#[cfg(test)]
mod decimal_tests {
    #[test]
    fn only_a_point_between_digits_changes() {
        assert_eq!(super::persian_decimal_point("3.1"), "3\u{066B}1");
        assert_eq!(
            super::persian_decimal_point("۲۵.۵ و 1."),
            "۲۵\u{066B}۵ و 1."
        );
    }
}
