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
