//! Any text typed or scanned into the tracking-code box: parse never panics, and whatever it
//! accepts is twelve ASCII digits that parse again to the same code, grouped or not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::TrackingCode;

fuzz_target!(|input: &str| {
    if let Ok(code) = TrackingCode::parse(input) {
        assert_eq!(code.as_str().len(), 12);
        assert!(code.as_str().bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(
            TrackingCode::parse(&code.grouped()).ok(),
            Some(code.clone())
        );
        assert_eq!(TrackingCode::parse(code.as_str()).ok(), Some(code));
    }
});
