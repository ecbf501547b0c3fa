//! A mobile number as typed: never panics; an accepted number is `09` and nine more ASCII digits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::validate;

fuzz_target!(|input: &str| {
    if let Ok(mobile) = validate::mobile("mobile", input) {
        assert_eq!(mobile.len(), 11);
        assert!(mobile.starts_with("09"));
        assert!(mobile.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(validate::mobile("mobile", &mobile).ok(), Some(mobile));
    }
});
