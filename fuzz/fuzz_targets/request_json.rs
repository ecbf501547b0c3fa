//! Bytes handed to `sanad request new --file` (or by the app): decoding never panics, and a
//! decoded request goes through every field check the service makes without touching storage.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanad_core::jalali::JalaliDate;
use sanad_core::model::{DispatchMode, Priority};
use sanad_core::validate;
use sanad_core::request_form::NewRequest;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(new) = serde_json::from_str::<NewRequest>(text) else {
        return;
    };
    let _ = DispatchMode::parse("dispatch_mode", &new.dispatch_mode);
    let _ = Priority::parse("priority", &new.priority);
    if let Some(due) = &new.return_due {
        let _ = JalaliDate::parse("return_due", due);
    }
    let _ = validate::required_text("applicant.name", &new.applicant.name, 100);
    let _ = validate::national_code("applicant.national_code", &new.applicant.national_code);
    let _ = validate::mobile("applicant.mobile", &new.applicant.mobile);
    let _ = validate::required_text("letter.number", &new.letter.number, 50);
    let _ = JalaliDate::parse("letter.date", &new.letter.date);
    let _ = validate::required_text("purpose", &new.purpose, 1000);
    let _ = validate::optional_text("destination_org", new.destination_org.as_deref(), 100);
});
