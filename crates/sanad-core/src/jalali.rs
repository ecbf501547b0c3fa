//! Jalali (solar hijri) dates, the calendar people at the desk read and write. Storage keeps UTC
//! instants and Gregorian dates; this converts at the edges, in Asia/Tehran, through
//! `icu_calendar`'s Persian calendar so leap years follow the official calendar.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Asia::Tehran;
use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;
use icu_calendar::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::normalize;
use crate::{Error, Result};

/// Years `parse` accepts: typed dates outside this window are typos, not registry dates.
const PARSE_YEARS: std::ops::RangeInclusive<i32> = 1300..=1500;

/// Years `new` accepts: those `icu_calendar` constructs Persian dates for. Every date in this
/// range also lies well inside chrono's range, which is what makes `to_gregorian` total.
const YEARS: std::ops::RangeInclusive<i32> = -9999..=9999;

/// A day on the Jalali calendar. Always a day that exists (1403/12/30 does, 1404/12/30 does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    year: i32,
    month: u8,
    day: u8,
}

impl JalaliDate {
    /// The date, if that day exists on the Persian calendar (years -9999..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !YEARS.contains(&year) {
            return None;
        }
        Date::try_new_persian(year, month, day).ok()?;
        Some(JalaliDate { year, month, day })
    }

    /// The year (for example 1404).
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (Farvardin) to 12 (Esfand).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Reads a date as people type it: `1404/10/30`, `1404-10-30`, `1404/1/5`, in Persian,
    /// Arabic-Indic or ASCII digits. Errors name `field`: `error-jalali-date-format` for the
    /// wrong shape, `error-jalali-date-invalid` for a day that does not exist or a year outside
    /// 1300–1500.
    pub fn parse(field: &str, input: &str) -> Result<Self> {
        let format_error = || Error::invalid(field, "error-jalali-date-format");
        let invalid = || Error::invalid(field, "error-jalali-date-invalid");
        // Spaces and the invisible direction marks a right-to-left form adds are not part of it.
        let cleaned: String = normalize::digits_to_ascii(input)
            .chars()
            .filter(|&c| !c.is_whitespace() && !normalize::is_invisible_mark(c))
            .collect();
        // One kind of separator throughout: `1404/10-30` is more likely a typo than a date.
        let separator = match (cleaned.contains('/'), cleaned.contains('-')) {
            (true, false) => '/',
            (false, true) => '-',
            _ => return Err(format_error()),
        };
        let parts: Vec<&str> = cleaned.split(separator).collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(format_error());
        };
        let shaped = |part: &str, max_len: usize| {
            (1..=max_len).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
        };
        if !(shaped(year, 4) && shaped(month, 2) && shaped(day, 2)) {
            return Err(format_error());
        }
        // Up to 4, 2 and 2 ASCII digits: these parses cannot fail, but stay total anyway.
        let (Ok(year), Ok(month), Ok(day)) =
            (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>())
        else {
            return Err(format_error());
        };
        if !PARSE_YEARS.contains(&year) {
            return Err(invalid());
        }
        Self::new(year, month, day).ok_or_else(invalid)
    }

    fn to_icu(self) -> Option<Date<Persian>> {
        Date::try_new_persian(self.year, self.month, self.day).ok()
    }

    /// The same day on the Gregorian calendar.
    pub fn to_gregorian(self) -> NaiveDate {
        // `new` only admits days icu can build, and icu's Persian years -9999..=9999 fall within
        // chrono's ±262,143 Gregorian years, so both steps always succeed.
        self.to_icu()
            .and_then(|date| i32::try_from(date.to_rata_die().to_i64_date()).ok())
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .expect("a JalaliDate is always within icu's and chrono's ranges")
    }

    /// The same day on the Jalali calendar. Days beyond the years `new` accepts (more than
    /// 9,000 years away) are clamped to its first or last day.
    pub fn from_gregorian(date: NaiveDate) -> Self {
        // chrono's day 1 and icu's rata die 1 are both 0001-01-01 (proleptic Gregorian).
        let rd = RataDie::new(i64::from(date.num_days_from_ce()));
        let persian = Date::from_rata_die(rd, Persian);
        let year = persian.year().extended_year();
        if year < *YEARS.start() {
            return JalaliDate {
                year: *YEARS.start(),
                month: 1,
                day: 1,
            };
        }
        if year > *YEARS.end() {
            // Esfand 29 exists every year; the 30th only in leap years.
            return JalaliDate {
                year: *YEARS.end(),
                month: 12,
                day: 29,
            };
        }
        JalaliDate {
            year,
            month: persian.month().ordinal,
            day: persian.day_of_month().0,
        }
    }

    /// The instant this day begins in Asia/Tehran.
    pub fn tehran_midnight_utc(self) -> DateTime<Utc> {
        tehran_start_of_day(self.to_gregorian())
    }

    /// The Jalali date in Tehran at the instant `at`.
    pub fn from_utc(at: DateTime<Utc>) -> Self {
        Self::from_gregorian(at.with_timezone(&Tehran).date_naive())
    }
}

/// The first instant of `date` in Tehran. Until 2022 Iran moved its clocks forward at midnight,
/// so some days had no 00:00: those start at the moment the clocks jumped.
pub(crate) fn tehran_start_of_day(date: NaiveDate) -> DateTime<Utc> {
    let midnight: NaiveDateTime = date.and_time(chrono::NaiveTime::MIN);
    if let Some(start) = Tehran.from_local_datetime(&midnight).earliest() {
        return start.with_timezone(&Utc);
    }
    // Midnight fell in a gap: read it with the offset in force just before (the previous
    // noon is never in a gap); that instant is when the clocks jumped.
    let before = midnight - chrono::Duration::hours(12);
    let offset_seconds = Tehran
        .from_local_datetime(&before)
        .earliest()
        .map(|t| t.offset().fix().local_minus_utc())
        .unwrap_or(3 * 3600 + 1800);
    Utc.from_utc_datetime(&(midnight - chrono::Duration::seconds(i64::from(offset_seconds))))
}

/// An instant as Tehran reads it on the Jalali calendar: `1404/10/30 14:05`.
pub fn format_datetime_tehran(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Tehran);
    let date = JalaliDate::from_gregorian(local.date_naive());
    format!("{date} {:02}:{:02}", local.hour(), local.minute())
}

impl fmt::Display for JalaliDate {
    /// `1404/10/30`, ASCII digits; the i18n layer turns them Persian for display.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for JalaliDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Self::parse("date", s)
    }
}

impl Serialize for JalaliDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for JalaliDate {
    /// Goes through [`JalaliDate::parse`]: Persian digits are fine, a day that does not exist
    /// is refused.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse("date", &text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn jd(y: i32, m: u8, d: u8) -> JalaliDate {
        JalaliDate::new(y, m, d).unwrap_or_else(|| panic!("{y}/{m}/{d} should exist"))
    }

    fn message_id(r: Result<JalaliDate>) -> &'static str {
        match r {
            Ok(_) => "ok",
            Err(e) => e.message_id(),
        }
    }

    #[test]
    fn known_conversions() {
        let cases = [
            ((1404, 1, 1), (2025, 3, 21)),
            ((1403, 12, 30), (2025, 3, 20)),
            ((1400, 12, 29), (2022, 3, 20)),
            ((1399, 12, 30), (2021, 3, 20)),
            ((1404, 10, 30), (2026, 1, 20)),
            ((1357, 11, 22), (1979, 2, 11)),
        ];
        for ((jy, jm, jdd), (gy, gm, gd)) in cases {
            let j = jd(jy, jm, jdd);
            assert_eq!(j.to_gregorian(), ymd(gy, gm, gd), "{j}");
            assert_eq!(JalaliDate::from_gregorian(ymd(gy, gm, gd)), j);
        }
    }

    #[test]
    fn leap_years() {
        assert!(JalaliDate::new(1403, 12, 30).is_some());
        assert!(JalaliDate::new(1399, 12, 30).is_some());
        assert!(JalaliDate::new(1404, 12, 30).is_none());
        assert!(JalaliDate::new(1400, 12, 30).is_none());
        assert!(JalaliDate::new(1404, 13, 1).is_none());
        assert!(JalaliDate::new(1404, 7, 31).is_none());
        assert!(JalaliDate::new(1404, 6, 31).is_some());
        assert!(JalaliDate::new(1404, 0, 1).is_none());
        assert!(JalaliDate::new(1404, 1, 0).is_none());
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(JalaliDate::parse("d", "1404/10/30"), Ok(jd(1404, 10, 30)));
        assert_eq!(JalaliDate::parse("d", "1404-10-30"), Ok(jd(1404, 10, 30)));
        assert_eq!(JalaliDate::parse("d", "1404/1/5"), Ok(jd(1404, 1, 5)));
        assert_eq!(JalaliDate::parse("d", "۱۴۰۴/۱۰/۳۰"), Ok(jd(1404, 10, 30)));
        assert_eq!(JalaliDate::parse("d", "١٤٠٤-١٠-٣٠"), Ok(jd(1404, 10, 30)));
        assert_eq!(
            JalaliDate::parse("d", " \u{200F}۱۴۰۳/۱۲/۳۰ "),
            Ok(jd(1403, 12, 30))
        );
    }

    #[test]
    fn refuses_bad_dates() {
        for shape in [
            "",
            "1404",
            "1404/10",
            "1404/10/30/1",
            "14040/1/1",
            "1404/100/1",
            "1404/1/100",
            "1404/a/1",
            "1404//1",
            "+1404/1/1",
            "1404 10 30",
            "1404/10-30",
            "1404/1-0/30",
        ] {
            assert_eq!(
                message_id(JalaliDate::parse("d", shape)),
                "error-jalali-date-format",
                "{shape}"
            );
        }
        for no_such_day in [
            "1404/12/30",
            "1404/13/1",
            "1404/0/1",
            "1404/7/31",
            "1299/1/1",
            "1501/1/1",
            "0/1/1",
        ] {
            assert_eq!(
                message_id(JalaliDate::parse("d", no_such_day)),
                "error-jalali-date-invalid",
                "{no_such_day}"
            );
        }
        let err = JalaliDate::parse("due_date", "x").err();
        assert_eq!(err.as_ref().and_then(Error::field), Some("due_date"));
    }

    #[test]
    fn display_and_serde() {
        let d = jd(1404, 1, 5);
        assert_eq!(d.to_string(), "1404/01/05");
        assert_eq!(
            serde_json::to_string(&d).ok(),
            Some("\"1404/01/05\"".to_owned())
        );
        let back: Option<JalaliDate> = serde_json::from_str("\"۱۴۰۴/۱/۵\"").ok();
        assert_eq!(back, Some(d));
        assert!(serde_json::from_str::<JalaliDate>("\"1404/12/30\"").is_err());
        assert_eq!("1404/01/05".parse::<JalaliDate>(), Ok(d));
    }

    #[test]
    fn every_day_from_1390_to_1410_round_trips() {
        let mut day = jd(1390, 1, 1).to_gregorian();
        let end = jd(1410, 12, 29).to_gregorian();
        let mut previous: Option<JalaliDate> = None;
        while day <= end {
            let j = JalaliDate::from_gregorian(day);
            assert_eq!(j.to_gregorian(), day);
            assert_eq!(JalaliDate::parse("d", &j.to_string()), Ok(j));
            if let Some(p) = previous {
                assert!(p < j, "{p} then {j}");
            }
            previous = Some(j);
            day += Duration::days(1);
        }
    }

    #[test]
    fn the_whole_range_converts() {
        // The ends of `new`'s range stay inside chrono's: `to_gregorian` never fails.
        for j in [jd(-9999, 1, 1), jd(9999, 12, 29)] {
            assert_eq!(JalaliDate::from_gregorian(j.to_gregorian()), j);
        }
        assert_eq!(JalaliDate::from_gregorian(NaiveDate::MIN), jd(-9999, 1, 1));
        assert_eq!(JalaliDate::from_gregorian(NaiveDate::MAX), jd(9999, 12, 29));
    }

    #[test]
    fn tehran_days_and_times() {
        // Tehran has been on +03:30 all year since 1401 (2022).
        let nowruz = jd(1404, 1, 1);
        assert_eq!(
            nowruz.tehran_midnight_utc().to_rfc3339(),
            "2025-03-20T20:30:00+00:00"
        );
        let just_before = nowruz.tehran_midnight_utc() - Duration::seconds(1);
        assert_eq!(JalaliDate::from_utc(just_before), jd(1403, 12, 30));
        assert_eq!(JalaliDate::from_utc(nowruz.tehran_midnight_utc()), nowruz);

        let at = Utc.with_ymd_and_hms(2026, 1, 20, 10, 35, 0).single();
        assert_eq!(
            at.map(format_datetime_tehran).as_deref(),
            Some("1404/10/30 14:05")
        );
        let late = Utc.with_ymd_and_hms(2026, 1, 20, 21, 0, 0).single();
        assert_eq!(
            late.map(format_datetime_tehran).as_deref(),
            Some("1404/11/01 00:30")
        );
    }

    #[test]
    fn a_day_without_midnight_starts_when_the_clocks_jumped() {
        // 1400/01/02 (2021-03-22): Tehran's clocks went from 00:00 straight to 01:00 (+04:30).
        let day = jd(1400, 1, 2);
        let start = day.tehran_midnight_utc();
        assert_eq!(start.to_rfc3339(), "2021-03-21T20:30:00+00:00");
        assert_eq!(JalaliDate::from_utc(start), day);
        assert_eq!(
            JalaliDate::from_utc(start - Duration::seconds(1)),
            jd(1400, 1, 1)
        );
    }

    proptest! {
        #[test]
        fn gregorian_round_trip(days in 0i64..(200 * 366)) {
            let day = ymd(1920, 1, 1) + Duration::days(days);
            let j = JalaliDate::from_gregorian(day);
            prop_assert_eq!(j.to_gregorian(), day);
            prop_assert_eq!(JalaliDate::new(j.year(), j.month(), j.day()), Some(j));
        }

        #[test]
        fn start_of_day_belongs_to_that_day(days in 0i64..(60 * 366)) {
            let j = JalaliDate::from_gregorian(ymd(1980, 1, 1) + Duration::days(days));
            let start = j.tehran_midnight_utc();
            prop_assert_eq!(JalaliDate::from_utc(start), j);
            prop_assert_ne!(JalaliDate::from_utc(start - Duration::seconds(1)), j);
        }

        #[test]
        fn parse_never_panics(s in any::<String>()) {
            let _ = JalaliDate::parse("d", &s);
        }
    }
}
