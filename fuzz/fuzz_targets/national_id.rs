//! شناسه ملی as typed: never panics; an accepted id is eleven ASCII digits and accepted again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::validate;

fuzz_target!(|input: &str| {
    if let Ok(id) = validate::national_id("national_id", input) {
        assert_eq!(id.len(), 11);
        assert!(id.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(validate::national_id("national_id", &id).ok(), Some(id));
    }
});
