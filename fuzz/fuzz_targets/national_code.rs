//! کد ملی as typed: never panics; an accepted code is ten ASCII digits and accepted again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::validate;

fuzz_target!(|input: &str| {
    if let Ok(code) = validate::national_code("national_code", input) {
        assert_eq!(code.len(), 10);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(
            validate::national_code("national_code", &code).ok(),
            Some(code)
        );
    }
});
