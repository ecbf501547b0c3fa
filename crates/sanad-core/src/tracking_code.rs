//! Tracking codes (ARCHITECTURE.md, "Glossary"): 12 digits, 11 from a cryptographically secure
//! source so no applicant can guess another's code, and a Verhoeff check digit so every mistyped
//! digit and every swap of neighbouring digits is caught at the desk instead of opening the
//! wrong request.

use std::fmt;
use std::str::FromStr;

use rand::{CryptoRng, Rng, RngCore};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::normalize;
use crate::{Error, Result};

const FIELD: &str = "tracking_code";
const LEN: usize = 12;

/// The Verhoeff check-digit scheme (dihedral group D5). Unlike the Luhn or mod-11 schemes it
/// detects all single-digit substitutions and all adjacent transpositions.
pub mod verhoeff {
    /// Multiplication table of D5.
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];

    /// Position-dependent permutations.
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];

    /// Inverses in D5.
    const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// Runs the checksum over `digits` (rightmost first), the rightmost one at position
    /// `offset`. `None` if a value is not a digit.
    fn checksum(digits: &[u8], offset: usize) -> Option<u8> {
        digits
            .iter()
            .rev()
            .enumerate()
            .try_fold(0u8, |c, (i, &digit)| {
                let permuted = P[(i + offset) % 8].get(usize::from(digit))?;
                Some(D[usize::from(c)][usize::from(*permuted)])
            })
    }

    /// The check digit to append to `digits` (values 0–9, not ASCII).
    ///
    /// # Panics
    /// If a value is above 9: callers pass digits they have already checked.
    pub fn check_digit(digits: &[u8]) -> u8 {
        match checksum(digits, 1) {
            Some(c) => INV[usize::from(c)],
            None => panic!("verhoeff::check_digit takes values 0-9"),
        }
    }

    /// Whether `digits` (values 0–9, check digit last) carry a correct check digit. Values above
    /// 9 make it false.
    pub fn is_valid(digits: &[u8]) -> bool {
        !digits.is_empty() && checksum(digits, 0) == Some(0)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn known_vectors() {
            // The textbook example: 236 → check digit 3.
            assert_eq!(check_digit(&[2, 3, 6]), 3);
            assert!(is_valid(&[2, 3, 6, 3]));
            assert!(!is_valid(&[2, 3, 6, 4]));
            // 12345 → 1.
            assert_eq!(check_digit(&[1, 2, 3, 4, 5]), 1);
            assert!(is_valid(&[1, 2, 3, 4, 5, 1]));
        }

        #[test]
        fn each_permutation_is_the_first_applied_once_more() {
            for i in 1..8 {
                for x in 0..10 {
                    assert_eq!(P[i][x], P[1][usize::from(P[i - 1][x])], "P[{i}][{x}]");
                }
            }
        }

        #[test]
        fn non_digits_are_invalid() {
            assert!(!is_valid(&[]));
            // ASCII bytes are not digit values.
            assert!(!is_valid(b"2363"));
        }
    }
}

/// A valid tracking code: 12 ASCII digits, the first not `0`, the last the Verhoeff check digit
/// of the first 11. Only [`TrackingCode::generate`] and [`TrackingCode::parse`] make one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingCode(String);

impl TrackingCode {
    /// A new random code from `rng`, which must be cryptographically secure: codes must not be
    /// guessable from one another.
    pub fn generate<R: RngCore + CryptoRng>(rng: &mut R) -> Self {
        let mut digits = [0u8; LEN];
        // A leading 0 is easily dropped by spreadsheets and people; the first digit is 1–9.
        digits[0] = rng.gen_range(1..=9);
        for d in &mut digits[1..LEN - 1] {
            *d = rng.gen_range(0..=9);
        }
        digits[LEN - 1] = verhoeff::check_digit(&digits[..LEN - 1]);
        TrackingCode(digits.iter().map(|d| char::from(b'0' + d)).collect())
    }

    /// A new random code from the operating system's secure random source.
    pub fn generate_secure() -> Self {
        Self::generate(&mut rand::rngs::OsRng)
    }

    /// Reads a code as a person or a barcode scanner typed it: Persian, Arabic-Indic or ASCII
    /// digits, with spaces or dashes anywhere.
    pub fn parse(input: &str) -> Result<Self> {
        let cleaned = normalize::identifier(input);
        let bytes = cleaned.as_bytes();
        if bytes.len() != LEN || !bytes.iter().all(u8::is_ascii_digit) || bytes[0] == b'0' {
            return Err(Error::invalid(FIELD, "error-tracking-code-format"));
        }
        let digits: Vec<u8> = bytes.iter().map(|b| b - b'0').collect();
        if !verhoeff::is_valid(&digits) {
            return Err(Error::invalid(FIELD, "error-tracking-code-checksum"));
        }
        Ok(TrackingCode(cleaned))
    }

    /// The 12 plain ASCII digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code grouped 4-4-4 for people to read: `3581-2290-4417`.
    pub fn grouped(&self) -> String {
        // Always 12 ASCII digits, so these byte ranges are valid char boundaries.
        format!("{}-{}-{}", &self.0[..4], &self.0[4..8], &self.0[8..])
    }
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for TrackingCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl Serialize for TrackingCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TrackingCode {
    /// Goes through [`TrackingCode::parse`], so nothing invalid gets in and Persian digits are
    /// accepted from JSON too.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::to_persian_digits;
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::SeedableRng;
    use std::collections::HashSet;

    fn code_from_seed(seed: u64) -> TrackingCode {
        TrackingCode::generate(&mut StdRng::seed_from_u64(seed))
    }

    fn message_id(result: Result<TrackingCode>) -> &'static str {
        match result {
            Ok(_) => "ok",
            Err(e) => e.message_id(),
        }
    }

    #[test]
    fn parses_every_way_people_type_it() {
        let code = code_from_seed(7);
        let persian = to_persian_digits(&code.grouped());
        assert_eq!(TrackingCode::parse(&persian).as_ref(), Ok(&code));
        assert_eq!(
            TrackingCode::parse(&format!(" {} ", code.grouped().replace('-', " "))).as_ref(),
            Ok(&code)
        );
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(code.as_str().len(), 12);
        assert_eq!(code.grouped().len(), 14);
    }

    #[test]
    fn rejects_wrong_shapes() {
        for bad in [
            "",
            "12345678901",
            "1234567890123",
            "abcdefghijkl",
            "02345678901x",
        ] {
            assert_eq!(
                message_id(TrackingCode::parse(bad)),
                "error-tracking-code-format"
            );
        }
        // A leading zero is a format error even with a correct check digit.
        let mut digits = [0u8; 12];
        digits[11] = verhoeff::check_digit(&digits[..11]);
        let zero: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
        assert_eq!(
            message_id(TrackingCode::parse(&zero)),
            "error-tracking-code-format"
        );
        let err = TrackingCode::parse("x").err();
        assert_eq!(err.as_ref().and_then(Error::field), Some("tracking_code"));
    }

    #[test]
    fn rejects_a_wrong_check_digit() {
        let code = code_from_seed(1);
        let mut s = code.as_str().to_owned();
        let last = s.pop().map(|c| if c == '9' { '0' } else { '9' });
        s.extend(last);
        assert_eq!(
            message_id(TrackingCode::parse(&s)),
            "error-tracking-code-checksum"
        );
    }

    #[test]
    fn serde_uses_the_plain_string_and_parses_on_the_way_in() {
        let code = code_from_seed(3);
        let json = serde_json::to_string(&code).ok();
        assert_eq!(json, Some(format!("\"{}\"", code.as_str())));
        let persian = format!("\"{}\"", to_persian_digits(&code.grouped()));
        let back: Option<TrackingCode> = serde_json::from_str(&persian).ok();
        assert_eq!(back, Some(code));
        assert!(serde_json::from_str::<TrackingCode>("\"123456789012\"").is_err());
    }

    #[test]
    fn secure_codes_do_not_repeat() {
        let codes: HashSet<TrackingCode> = (0..10_000)
            .map(|_| TrackingCode::generate_secure())
            .collect();
        assert_eq!(codes.len(), 10_000);
        assert!(codes
            .iter()
            .all(|c| TrackingCode::parse(c.as_str()).is_ok()));
    }

    proptest! {
        #[test]
        fn generated_codes_parse_back(seed in any::<u64>()) {
            let code = code_from_seed(seed);
            prop_assert_ne!(code.as_str().as_bytes()[0], b'0');
            prop_assert_eq!(TrackingCode::parse(code.as_str()), Ok(code.clone()));
            prop_assert_eq!(TrackingCode::parse(&code.grouped()), Ok(code.clone()));
            let persian = to_persian_digits(&code.grouped());
            prop_assert_eq!(TrackingCode::parse(&persian), Ok(code.clone()));
            let spaced = to_persian_digits(&code.grouped().replace('-', " "));
            prop_assert_eq!(TrackingCode::parse(&spaced), Ok(code.clone()));
        }

        #[test]
        fn every_single_digit_substitution_is_rejected(seed in any::<u64>()) {
            let code = code_from_seed(seed);
            let digits: Vec<char> = code.as_str().chars().collect();
            for i in 0..digits.len() {
                for d in '0'..='9' {
                    if d == digits[i] {
                        continue;
                    }
                    let mut changed = digits.clone();
                    changed[i] = d;
                    let changed: String = changed.into_iter().collect();
                    prop_assert!(TrackingCode::parse(&changed).is_err(), "{} accepted", changed);
                }
            }
        }

        #[test]
        fn every_adjacent_transposition_is_rejected(seed in any::<u64>()) {
            let code = code_from_seed(seed);
            let digits: Vec<char> = code.as_str().chars().collect();
            for i in 0..digits.len() - 1 {
                if digits[i] == digits[i + 1] {
                    continue;
                }
                let mut swapped = digits.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                prop_assert!(TrackingCode::parse(&swapped).is_err(), "{} accepted", swapped);
            }
        }

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = TrackingCode::parse(&s);
        }
    }
}
