//! Persian normalization of any text: never panics, and normalizing twice changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::normalize;

fuzz_target!(|input: &str| {
    let text = normalize::text(input);
    assert_eq!(normalize::text(&text), text);
    let key = normalize::search_key(input);
    assert_eq!(normalize::search_key(&key), key);
    let id = normalize::identifier(input);
    assert_eq!(normalize::identifier(&id), id);
    let _ = normalize::to_persian_digits(&normalize::digits_to_ascii(input));
});
