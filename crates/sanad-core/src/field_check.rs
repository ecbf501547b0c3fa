//! One field checked on its own, as a form's field is left (issue 12, item 3): the same
//! validators a whole submit runs, picked by the field's name, so a front end says at once what
//! the core would say on submit without restating any rule. Fields with no check of their own
//! here (free text, pickers) are only checked with the whole form.

use crate::error::Result;
use crate::jalali::JalaliDate;
use crate::validate;

/// The fields [`check`] knows: a new request's applicant and letter, and any form's e-mail,
/// mobile and national code by those names.
pub const CHECKED_FIELDS: &[&str] = &[
    "applicant.national_code",
    "applicant.mobile",
    "applicant.email",
    "letter.date",
    "national_code",
    "mobile",
    "email",
];

/// Checks `input` as the field `field` and answers its normalized form (ASCII digits, a padded
/// Jalali date), or the field's error. Blank input is not checked here (whether a field is
/// required is the whole form's question). An unknown field is answered unchanged.
pub fn check(field: &str, input: &str) -> Result<String> {
    if input.trim().is_empty() {
        return Ok(String::new());
    }
    match field {
        "applicant.national_code" | "national_code" => validate::national_code(field, input),
        "applicant.mobile" | "mobile" => validate::mobile(field, input),
        "applicant.email" | "email" => validate::email(field, input),
        "letter.date" => JalaliDate::parse(field, input).map(|d| d.to_string()),
        _ => Ok(input.to_owned()),
    }
}

/// Whether [`check`] has a check for `field`.
pub fn is_checked(field: &str) -> bool {
    CHECKED_FIELDS.contains(&field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn message_id(result: Result<String>) -> String {
        match result {
            Err(Error::Invalid { message_id, .. }) => message_id.to_string(),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_value_gets_the_same_error_as_on_submit() {
        assert_eq!(
            message_id(check("applicant.national_code", "0499370898")),
            message_id(validate::national_code(
                "applicant.national_code",
                "0499370898"
            ))
        );
        assert_eq!(
            message_id(check("applicant.email", "ali@")),
            message_id(validate::email("applicant.email", "ali@"))
        );
        assert_eq!(
            message_id(check("letter.date", "2025/10/01")),
            "error-jalali-date-invalid"
        );
    }

    #[test]
    fn a_good_value_comes_back_normalized() {
        assert_eq!(
            check("applicant.national_code", "۰۴۹۹۳۷۰۸۹۹").unwrap(),
            "0499370899"
        );
        assert_eq!(check("letter.date", "۱۴۰۴/۸/۱").unwrap(), "1404/08/01");
        assert_eq!(check("applicant.mobile", "").unwrap(), "");
        assert_eq!(check("purpose", "متن").unwrap(), "متن");
        assert!(is_checked("applicant.mobile") && !is_checked("purpose"));
    }
}
