//! A Jalali date as typed: never panics; an accepted date prints and parses back to itself and
//! survives the trip through the Gregorian calendar.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::jalali::JalaliDate;

fuzz_target!(|input: &str| {
    if let Ok(date) = JalaliDate::parse("date", input) {
        assert_eq!(
            JalaliDate::parse("date", &date.to_string()).ok(),
            Some(date)
        );
        assert_eq!(JalaliDate::from_gregorian(date.to_gregorian()), date);
    }
});
