//! Field validators (ARCHITECTURE.md, "Data, validation and Persian text"). Each takes the field's name
//! and what the person typed, and returns the value to store or an error that names the field
//! and a Fluent message id. Nothing half-valid gets past them.

use crate::normalize;
use crate::{Error, Result};

/// `input` as ASCII digit values if it is exactly `len` digits after normalization.
fn digits_of(input: &str, len: usize) -> Option<(String, Vec<u8>)> {
    let cleaned = normalize::identifier(input);
    let bytes = cleaned.as_bytes();
    if bytes.len() != len || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let digits = bytes.iter().map(|b| b - b'0').collect();
    Some((cleaned, digits))
}

/// Whether ten digit values carry a correct کد ملی check digit (the last one).
fn national_code_checksum_holds(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let s: u32 = d[..9]
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&digit, weight)| u32::from(digit) * weight)
        .sum();
    let r = (s % 11) as u8;
    if r < 2 {
        d[9] == r
    } else {
        d[9] == 11 - r
    }
}

/// A person's national code (کد ملی): 10 digits, not all the same (those pass the checksum but
/// are placeholders people type to get past a form), with a correct check digit.
pub fn national_code(field: &str, input: &str) -> Result<String> {
    let (code, digits) =
        digits_of(input, 10).ok_or_else(|| Error::invalid(field, "error-national-code-format"))?;
    let all_same = digits.iter().all(|&d| d == digits[0]);
    if all_same || !national_code_checksum_holds(&digits) {
        return Err(Error::invalid(field, "error-national-code-invalid"));
    }
    Ok(code)
}

/// A legal entity's national id (شناسه ملی): 11 digits with a correct check digit.
pub fn national_id(field: &str, input: &str) -> Result<String> {
    const COEFFICIENTS: [u32; 10] = [29, 27, 23, 19, 17, 29, 27, 23, 19, 17];
    let (id, d) =
        digits_of(input, 11).ok_or_else(|| Error::invalid(field, "error-national-id-format"))?;
    // The tenth digit, plus two, shifts every digit before weighting.
    let shift = u32::from(d[9]) + 2;
    let s: u32 = d[..10]
        .iter()
        .zip(COEFFICIENTS)
        .map(|(&digit, coef)| (u32::from(digit) + shift) * coef)
        .sum();
    let r = match s % 11 {
        10 => 0,
        r => r,
    };
    if r != u32::from(d[10]) {
        return Err(Error::invalid(field, "error-national-id-invalid"));
    }
    Ok(id)
}

/// An Iranian mobile number, stored as `09` and 9 more digits. The international forms
/// `+989…`, `00989…` and `989…` are rewritten to that.
pub fn mobile(field: &str, input: &str) -> Result<String> {
    let cleaned = normalize::identifier(input);
    let national = ["+989", "00989", "989"]
        .iter()
        .find_map(|prefix| cleaned.strip_prefix(prefix))
        .map(|rest| format!("09{rest}"))
        .unwrap_or(cleaned);
    let valid = national.len() == 11
        && national.starts_with("09")
        && national.bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return Err(Error::invalid(field, "error-mobile-format"));
    }
    Ok(national)
}

/// Free text that must be there: normalized, not empty, at most `max_chars` characters.
pub fn required_text(field: &str, input: &str, max_chars: usize) -> Result<String> {
    let text = normalize::text(input);
    if text.is_empty() {
        return Err(Error::invalid(field, "error-required"));
    }
    if text.chars().count() > max_chars {
        return Err(Error::invalid_with(
            field,
            "error-too-long",
            &[("max", max_chars.to_string())],
        ));
    }
    Ok(text)
}

/// Free text that may be left out: absent or blank after normalization is `None`; otherwise as
/// [`required_text`].
pub fn optional_text(field: &str, input: Option<&str>, max_chars: usize) -> Result<Option<String>> {
    match input {
        Some(s) if !normalize::text(s).is_empty() => required_text(field, s, max_chars).map(Some),
        _ => Ok(None),
    }
}

/// An e-mail address, trimmed and with its domain lowercased: one `@`, a local part and a dotted
/// domain of letters, digits and hyphens, nothing that could break a mail header. Deliberately
/// plain: the point is to catch typos at the desk, not to implement RFC 5322.
pub fn email(field: &str, input: &str) -> Result<String> {
    let text = input.trim();
    let invalid = || Error::invalid(field, "error-email-format");
    let (local, domain) = text.split_once('@').ok_or_else(invalid)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let domain = domain.to_ascii_lowercase();
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if !local_ok || !domain_ok {
        return Err(invalid());
    }
    Ok(format!("{local}@{domain}"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn emails() {
        assert_eq!(
            email("e", " Ali.Rezaei@Example.IR ").ok().as_deref(),
            Some("Ali.Rezaei@example.ir")
        );
        for bad in [
            "",
            "ali",
            "ali@",
            "@x.ir",
            "ali@x",
            "ali@@x.ir",
            "a b@x.ir",
            "ali@x.ir\r\nBcc: y@z.ir",
            "ali@-x.ir",
            "a..b@x.ir",
            "علی@x.ir",
        ] {
            assert_eq!(message_id(email("e", bad)), "error-email-format", "{bad}");
        }
    }
    use super::*;
    use crate::normalize::to_persian_digits;
    use proptest::prelude::*;

    fn message_id<T>(r: Result<T>) -> &'static str {
        match r {
            Ok(_) => "ok",
            Err(e) => e.message_id(),
        }
    }

    /// A valid national code built from nine digits by the check-digit rule.
    fn with_check_digit(first9: &str) -> String {
        for check in 0..=9u8 {
            let candidate = format!("{first9}{check}");
            let digits: Vec<u8> = candidate.bytes().map(|b| b - b'0').collect();
            if national_code_checksum_holds(&digits) {
                return candidate;
            }
        }
        // r == 1 needs check digit 1 and r in 2..=10 needs 11 - r, so some digit always fits.
        unreachable!("no check digit for {first9}")
    }

    #[test]
    fn known_national_codes() {
        assert_eq!(
            national_code("nc", "0499370899"),
            Ok("0499370899".to_owned())
        );
        assert_eq!(
            national_code("nc", "0790419904"),
            Ok("0790419904".to_owned())
        );
        assert_eq!(
            national_code("nc", &to_persian_digits("049-937 0899")),
            Ok("0499370899".to_owned())
        );
        for first9 in ["123456789", "000000001", "987654321", "111111112"] {
            let code = with_check_digit(first9);
            assert_eq!(national_code("nc", &code), Ok(code.clone()));
        }
    }

    #[test]
    fn bad_national_codes() {
        assert_eq!(
            message_id(national_code("nc", "0499370898")),
            "error-national-code-invalid"
        );
        assert_eq!(
            message_id(national_code("nc", "1111111111")),
            "error-national-code-invalid"
        );
        assert_eq!(
            message_id(national_code("nc", "0000000000")),
            "error-national-code-invalid"
        );
        for bad in ["", "049937089", "04993708999", "04993708x9", "+499370899"] {
            assert_eq!(
                message_id(national_code("nc", bad)),
                "error-national-code-format",
                "{bad}"
            );
        }
        let err = national_code("applicant_national_code", "1").err();
        assert_eq!(
            err.as_ref().and_then(Error::field),
            Some("applicant_national_code")
        );
    }

    #[test]
    fn national_ids() {
        assert_eq!(
            national_id("ni", "10380284790"),
            Ok("10380284790".to_owned())
        );
        assert_eq!(
            national_id("ni", &to_persian_digits("1038-0284-790")),
            Ok("10380284790".to_owned())
        );
        // Every single-digit change of the last (check) digit is caught.
        for d in (0..=9).filter(|d| *d != 0) {
            assert_eq!(
                message_id(national_id("ni", &format!("1038028479{d}"))),
                "error-national-id-invalid"
            );
        }
        assert_eq!(
            message_id(national_id("ni", "10380284780")),
            "error-national-id-invalid"
        );
        for bad in ["", "1038028479", "103802847900", "1038028479a"] {
            assert_eq!(
                message_id(national_id("ni", bad)),
                "error-national-id-format"
            );
        }
    }

    #[test]
    fn mobiles() {
        for ok in [
            "09121234567",
            "۰۹۱۲ ۱۲۳ ۴۵۶۷",
            "+98 912 123 4567",
            "00989121234567",
            "989121234567",
            "0912-123-4567",
        ] {
            assert_eq!(mobile("m", ok), Ok("09121234567".to_owned()), "{ok}");
        }
        for bad in [
            "",
            "9121234567",
            "0912123456",
            "091212345678",
            "08121234567",
            "+98912123456",
            "+1 912 123 4567",
            "0912123456x",
        ] {
            assert_eq!(message_id(mobile("m", bad)), "error-mobile-format", "{bad}");
        }
    }

    #[test]
    fn texts() {
        assert_eq!(required_text("t", "  علي  ", 10), Ok("علی".to_owned()));
        assert_eq!(
            message_id(required_text("t", " \u{200C} \n ", 10)),
            "error-required"
        );
        let err = required_text("subject", "abcdef", 5).err();
        assert_eq!(err.as_ref().map(Error::message_id), Some("error-too-long"));
        assert_eq!(
            err.map(|e| e.args().get("max").cloned()),
            Some(Some("5".to_owned()))
        );
        // Counted in characters, not bytes: five Persian letters fit in five.
        assert_eq!(required_text("t", "سلامم", 5), Ok("سلامم".to_owned()));

        assert_eq!(optional_text("t", None, 5), Ok(None));
        assert_eq!(optional_text("t", Some("   "), 5), Ok(None));
        assert_eq!(optional_text("t", Some(" a "), 5), Ok(Some("a".to_owned())));
        assert_eq!(
            message_id(optional_text("t", Some("abcdef"), 5)),
            "error-too-long"
        );
    }

    proptest! {
        #[test]
        fn validators_never_panic(s in any::<String>(), max in 0usize..50) {
            let _ = national_code("f", &s);
            let _ = national_id("f", &s);
            let _ = mobile("f", &s);
            let _ = required_text("f", &s, max);
            let _ = optional_text("f", Some(&s), max);
        }

        #[test]
        fn ten_digits_pass_iff_the_checksum_holds(s in "[0-9]{10}") {
            let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
            let sum: u32 = (0..9).map(|i| u32::from(d[i]) * (10 - i as u32)).sum();
            let r = sum % 11;
            let check = u32::from(d[9]);
            let rule = (r < 2 && check == r) || (r >= 2 && check == 11 - r);
            let all_same = d.iter().all(|&x| x == d[0]);
            prop_assert_eq!(national_code("f", &s).is_ok(), rule && !all_same);
        }

        #[test]
        fn generated_national_codes_pass(first9 in "[0-9]{9}") {
            let code = with_check_digit(&first9);
            let all_same = code.bytes().all(|b| b == code.as_bytes()[0]);
            prop_assert_eq!(national_code("f", &code).is_ok(), !all_same);
        }
    }
}
