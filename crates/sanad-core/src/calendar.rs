//! The working calendar behind service-level deadlines: a state's target is a number of working
//! hours, and only the office's daily hours count (by default 07:30–14:30 Saturday to Wednesday
//! and 07:30–12:30 on Thursdays the office works), on working days in Tehran (the weekend is
//! Thursday and Friday, unless the office works Thursdays), never on an official holiday. So
//! every deadline falls inside office hours.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Asia::Tehran;
use serde::{Deserialize, Serialize};

use crate::jalali::tehran_start_of_day;
use crate::{Error, Result};

/// One day's office hours, Tehran wall-clock minutes after midnight: open from `opens` to
/// `closes` (`opens < closes ≤ 24:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeHours {
    pub opens: u16,
    pub closes: u16,
}

impl OfficeHours {
    /// Saturday to Wednesday: 07:30–14:30.
    pub const WEEKDAYS: OfficeHours = OfficeHours {
        opens: 7 * 60 + 30,
        closes: 14 * 60 + 30,
    };
    /// A working Thursday: 07:30–12:30.
    pub const THURSDAY: OfficeHours = OfficeHours {
        opens: 7 * 60 + 30,
        closes: 12 * 60 + 30,
    };
    /// The whole day (midnight to midnight).
    pub const WHOLE_DAY: OfficeHours = OfficeHours {
        opens: 0,
        closes: 24 * 60,
    };

    /// Office hours from two clock times as typed (`7:30`, `۰۷:۳۰`, `14`): refused with the field
    /// of the wrong one, or `closes_field` when closing is not after opening.
    pub fn parse(
        opens_field: &str,
        opens: &str,
        closes_field: &str,
        closes: &str,
    ) -> Result<OfficeHours> {
        let opens_at = parse_clock(opens_field, opens)?;
        let closes_at = parse_clock(closes_field, closes)?;
        if closes_at <= opens_at {
            return Err(Error::invalid(closes_field, "error-office-hours-order"));
        }
        Ok(OfficeHours {
            opens: opens_at,
            closes: closes_at,
        })
    }

    /// The hours as stored and shown: `07:30-14:30`.
    pub fn to_text(self) -> String {
        format!("{}-{}", clock_text(self.opens), clock_text(self.closes))
    }

    /// The stored form back (`07:30-14:30`); `None` when it is not one.
    pub fn from_text(text: &str) -> Option<OfficeHours> {
        let (a, b) = text.split_once('-')?;
        let (opens, closes) = (parse_clock("", a).ok()?, parse_clock("", b).ok()?);
        (opens < closes).then_some(OfficeHours { opens, closes })
    }

    pub fn opens_text(self) -> String {
        clock_text(self.opens)
    }

    pub fn closes_text(self) -> String {
        clock_text(self.closes)
    }

    /// The open interval of `day` in Tehran, as instants.
    fn window(self, day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            tehran_clock(day, self.opens),
            tehran_clock(day, self.closes),
        )
    }
}

/// `HH:MM` (or `H`), in any digits, as minutes after midnight; `24:00` is the day's end.
fn parse_clock(field: &str, text: &str) -> Result<u16> {
    let ascii = crate::normalize::digits_to_ascii(text.trim());
    let bad = || Error::invalid(field, "error-office-hours-time");
    let (h, m) = match ascii.split_once(':') {
        Some((h, m)) => (h, m),
        None => (ascii.as_str(), "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(bad());
    }
    let h: u16 = h.parse().map_err(|_| bad())?;
    let m: u16 = m.parse().map_err(|_| bad())?;
    if m >= 60 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn clock_text(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The instant of wall-clock `minutes` after midnight on `day` in Tehran. Until 2022 clocks moved
/// at midnight only, so office hours never fall in a gap; a time that did is read as the moment
/// after it.
fn tehran_clock(day: NaiveDate, minutes: u16) -> DateTime<Utc> {
    if minutes >= 24 * 60 {
        return day
            .succ_opt()
            .map(tehran_start_of_day)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
    }
    let local = day.and_time(
        NaiveTime::from_num_seconds_from_midnight_opt(u32::from(minutes) * 60, 0)
            .unwrap_or(NaiveTime::MIN),
    );
    match Tehran.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.with_timezone(&Utc)
        }
        chrono::LocalResult::None => {
            tehran_start_of_day(day) + Duration::minutes(i64::from(minutes))
        }
    }
}

/// The office's daily hours: one span for Saturday to Wednesday, one for Thursday (used when
/// Thursday is a working day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DailyHours {
    pub weekdays: OfficeHours,
    pub thursday: OfficeHours,
}

impl Default for DailyHours {
    fn default() -> Self {
        DailyHours {
            weekdays: OfficeHours::WEEKDAYS,
            thursday: OfficeHours::THURSDAY,
        }
    }
}

impl DailyHours {
    /// Every working day open around the clock (the calendar before office hours; tests).
    pub const WHOLE_DAYS: DailyHours = DailyHours {
        weekdays: OfficeHours::WHOLE_DAY,
        thursday: OfficeHours::WHOLE_DAY,
    };

    pub fn on(self, weekday: Weekday) -> OfficeHours {
        if weekday == Weekday::Thu {
            self.thursday
        } else {
            self.weekdays
        }
    }
}

/// Which days of the week count toward deadlines, and which hours of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingCalendar {
    pub working_days: Vec<Weekday>,
    /// Official holidays (Tehran-local Gregorian dates): never working days, whatever weekday.
    #[serde(default)]
    pub holidays: BTreeSet<NaiveDate>,
    /// The office's hours on a working day.
    #[serde(default)]
    pub hours: DailyHours,
}

impl Default for WorkingCalendar {
    /// Saturday to Wednesday, the Iranian government work week, 07:30–14:30.
    fn default() -> Self {
        WorkingCalendar {
            working_days: vec![
                Weekday::Sat,
                Weekday::Sun,
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
            ],
            holidays: BTreeSet::new(),
            hours: DailyHours::default(),
        }
    }
}

impl WorkingCalendar {
    /// Whether `day` (a Tehran-local date) counts toward deadlines.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.working_days.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// The government week, with Thursday as a working day when `thursday_off` is false, and
    /// `holidays` off, at the default office hours. Friday is always off.
    pub fn with(thursday_off: bool, holidays: BTreeSet<NaiveDate>) -> Self {
        let mut cal = WorkingCalendar {
            holidays,
            ..WorkingCalendar::default()
        };
        if !thursday_off {
            cal.working_days.push(Weekday::Thu);
        }
        cal
    }

    /// The same calendar with other daily hours.
    pub fn with_hours(mut self, hours: DailyHours) -> Self {
        self.hours = hours;
        self
    }

    /// Whether the instant `at` is inside office hours on a working day (the end included: a
    /// deadline at closing time is in office hours).
    pub fn in_office_hours(&self, at: DateTime<Utc>) -> bool {
        let day = at.with_timezone(&Tehran).date_naive();
        if !self.is_working_day(day) {
            return false;
        }
        let (opens, closes) = self.hours.on(day.weekday()).window(day);
        opens <= at && at <= closes
    }

    /// The instant at which `hours` hours have elapsed since `start`, counting only office hours
    /// on working days. Walks day by day (not hour by hour), measuring each day's span between
    /// its real Tehran instants. Service targets are at most 10,000 hours (about four years of
    /// office days); the cost grows with the number of days spanned.
    pub fn add_working_hours(&self, start: DateTime<Utc>, hours: u32) -> DateTime<Utc> {
        // Nothing to count: due at once, even when `start` falls outside office hours.
        if hours == 0 {
            return start;
        }
        let total = Duration::hours(i64::from(hours));
        // With no day that has open hours nothing would ever count; fall back to plain hours
        // rather than walk forever.
        let opens_some_day = self.working_days.iter().any(|d| {
            let h = self.hours.on(*d);
            h.opens < h.closes
        });
        if !opens_some_day {
            return start
                .checked_add_signed(total)
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
        }
        let mut remaining = total;
        let mut day = start.with_timezone(&Tehran).date_naive();
        loop {
            if self.is_working_day(day) {
                let (opens, closes) = self.hours.on(day.weekday()).window(day);
                let from = opens.max(start);
                if from < closes {
                    let available = closes - from;
                    if remaining <= available {
                        return from + remaining;
                    }
                    remaining -= available;
                }
            }
            let Some(next_day) = day.succ_opt() else {
                return DateTime::<Utc>::MAX_UTC;
            };
            day = next_day;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use proptest::prelude::*;

    /// The week before office hours: working days counted midnight to midnight (the day
    /// walking, holidays and clock changes are the same either way).
    fn whole_days() -> WorkingCalendar {
        WorkingCalendar::default().with_hours(DailyHours::WHOLE_DAYS)
    }

    /// A Tehran wall-clock time as a UTC instant.
    fn tehran(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        let local: NaiveDateTime = NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, min, 0))
            .unwrap_or(NaiveDateTime::MIN);
        Tehran
            .from_local_datetime(&local)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    // 2025-10-01 is a Wednesday; 10-02 Thursday, 10-03 Friday, 10-04 Saturday.
    #[test]
    fn the_dates_used_here_are_the_weekdays_claimed() {
        let weekday = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).map(|d| d.weekday());
        assert_eq!(weekday(2025, 10, 1), Some(Weekday::Wed));
        assert_eq!(weekday(2025, 10, 3), Some(Weekday::Fri));
        assert_eq!(weekday(2021, 3, 21), Some(Weekday::Sun));
    }

    #[test]
    fn skips_the_weekend() {
        let cal = whole_days();
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 4, 4, 0)
        );
    }

    #[test]
    fn starting_on_a_friday_counts_from_saturday() {
        let cal = whole_days();
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 3, 15, 30), 10),
            tehran(2025, 10, 4, 10, 0)
        );
        // A full week's target: 5 working days of 24 hours from Saturday 00:00 to Thursday 00:00.
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 3, 15, 30), 120),
            tehran(2025, 10, 9, 0, 0)
        );
    }

    #[test]
    fn zero_hours_is_the_start() {
        let cal = whole_days();
        let wednesday = tehran(2025, 10, 1, 9, 15);
        assert_eq!(cal.add_working_hours(wednesday, 0), wednesday);
        // Even on a day off: the deadline is already due.
        let friday = tehran(2025, 10, 3, 9, 15);
        assert_eq!(cal.add_working_hours(friday, 0), friday);
    }

    #[test]
    fn ends_exactly_at_midnight() {
        let cal = whole_days();
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 4),
            tehran(2025, 10, 2, 0, 0)
        );
    }

    #[test]
    fn no_working_days_means_plain_hours() {
        let cal = WorkingCalendar {
            working_days: vec![],
            ..whole_days()
        };
        let start = tehran(2025, 10, 1, 20, 0);
        assert_eq!(
            cal.add_working_hours(start, 30),
            start + Duration::hours(30)
        );
    }

    #[test]
    fn every_day_working_means_plain_hours() {
        let cal = WorkingCalendar {
            working_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
            ..whole_days()
        };
        let start = tehran(2025, 10, 1, 20, 0);
        assert_eq!(
            cal.add_working_hours(start, 10_000),
            start + Duration::hours(10_000)
        );
    }

    #[test]
    fn large_targets_are_quick_and_count_five_days_a_week() {
        let cal = whole_days();
        // 10,000 hours = 416 working days and 16 hours = 83 weeks + 1 day + 16 hours.
        let saturday = tehran(2025, 10, 4, 0, 0);
        let expected = saturday + Duration::weeks(83) + Duration::hours(24 + 16);
        assert_eq!(cal.add_working_hours(saturday, 10_000), expected);
        // Far beyond any target: still day by day, still no overflow.
        let far = cal.add_working_hours(saturday, 1_000_000);
        assert!(far > saturday + Duration::hours(1_000_000));
    }

    #[test]
    fn a_short_day_counts_as_short() {
        // 2021-03-22 (a Monday) had 23 hours in Tehran: clocks jumped from 00:00 to 01:00.
        let cal = whole_days();
        let start = tehran(2021, 3, 21, 12, 0);
        // 12 hours left on Sunday, then 23 real hours of Monday.
        assert_eq!(cal.add_working_hours(start, 35), tehran(2021, 3, 23, 0, 0));
    }

    #[test]
    fn holidays_do_not_count() {
        // Saturday 2025-10-04 declared a holiday: Wednesday 20:00 + 8 h runs into Sunday.
        let holidays = [NaiveDate::from_ymd_opt(2025, 10, 4)]
            .into_iter()
            .flatten()
            .collect();
        let cal = WorkingCalendar::with(true, holidays).with_hours(DailyHours::WHOLE_DAYS);
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 5, 4, 0)
        );
    }

    #[test]
    fn a_working_thursday_counts() {
        let cal = WorkingCalendar::with(false, BTreeSet::new()).with_hours(DailyHours::WHOLE_DAYS);
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 2, 4, 0)
        );
        // Friday never counts.
        assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2025, 10, 3).unwrap_or_default()));
    }

    #[test]
    fn counts_only_office_hours() {
        let cal = WorkingCalendar::default();
        // Wednesday 11:51 + 8 h: 2 h 39 min left on Wednesday, Thursday and Friday off, 5 h 21
        // min of Saturday: 12:51 (the request was due at 19:51 the same evening).
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 11, 51), 8),
            tehran(2025, 10, 4, 12, 51)
        );
        // Registered at night: counting starts when the office opens.
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 4, 2, 0), 3),
            tehran(2025, 10, 4, 10, 30)
        );
        // After closing: the next working day.
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 4, 18, 0), 7),
            tehran(2025, 10, 5, 14, 30)
        );
        // Exactly a day's hours, from opening: due at closing, still in office hours.
        let due = cal.add_working_hours(tehran(2025, 10, 4, 7, 30), 7);
        assert_eq!(due, tehran(2025, 10, 4, 14, 30));
        assert!(cal.in_office_hours(due));
        assert!(!cal.in_office_hours(tehran(2025, 10, 4, 14, 31)));
        assert!(!cal.in_office_hours(tehran(2025, 10, 3, 10, 0)), "Friday");
    }

    #[test]
    fn a_working_thursday_has_its_own_shorter_hours() {
        let cal = WorkingCalendar::with(false, BTreeSet::new());
        // Wednesday 13:30 + 4 h: 1 h on Wednesday, 3 h of Thursday from 07:30.
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 13, 30), 4),
            tehran(2025, 10, 2, 10, 30)
        );
        // Wednesday 13:30 + 8 h: 1 + 5 (Thursday, until 12:30), Friday off, 2 on Saturday.
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 13, 30), 8),
            tehran(2025, 10, 4, 9, 30)
        );
        assert!(
            !cal.in_office_hours(tehran(2025, 10, 2, 13, 0)),
            "Thursday afternoon"
        );
    }

    #[test]
    fn office_hours_are_read_in_any_digits_and_checked() {
        let h = OfficeHours::parse("a", "۷:۳۰", "b", "14:30").expect("valid");
        assert_eq!(h, OfficeHours::WEEKDAYS);
        assert_eq!(h.to_text(), "07:30-14:30");
        assert_eq!(
            OfficeHours::from_text("07:30-12:30"),
            Some(OfficeHours::THURSDAY)
        );
        assert_eq!(
            OfficeHours::parse("a", "8", "b", "24:00").map(OfficeHours::to_text),
            Ok("08:00-24:00".to_owned())
        );
        for (opens, closes, field) in [
            ("25:00", "14:00", "a"),
            ("7:60", "14:00", "a"),
            ("x", "14:00", "a"),
            ("", "14:00", "a"),
            ("7:30", "24:01", "b"),
            ("14:30", "07:30", "b"),
            ("7:30", "7:30", "b"),
        ] {
            let e = OfficeHours::parse("a", opens, "b", closes).expect_err(opens);
            assert_eq!(e.field(), Some(field), "{opens}–{closes}");
        }
    }

    /// Random registration times, holidays, Thursdays and office hours.
    fn calendars() -> impl Strategy<Value = WorkingCalendar> {
        (
            any::<bool>(),
            proptest::collection::btree_set(0u32..900, 0..60),
            (6u16 * 60..10 * 60, 3u16 * 60..9 * 60),
            (6u16 * 60..10 * 60, 60u16..6 * 60),
        )
            .prop_map(|(thursday_off, holiday_days, (wo, wl), (to, tl))| {
                let first = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default();
                let holidays = holiday_days
                    .into_iter()
                    .filter_map(|d| first.checked_add_days(chrono::Days::new(u64::from(d))))
                    .collect();
                WorkingCalendar::with(thursday_off, holidays).with_hours(DailyHours {
                    weekdays: OfficeHours {
                        opens: wo,
                        closes: wo + wl,
                    },
                    thursday: OfficeHours {
                        opens: to,
                        closes: to + tl,
                    },
                })
            })
    }

    /// Office time between `a` and `b`, counted independently of `add_working_hours`: minute
    /// by minute would be slow, so whole days are summed by their overlap with `[a, b]`.
    fn office_time_between(cal: &WorkingCalendar, a: DateTime<Utc>, b: DateTime<Utc>) -> Duration {
        let mut total = Duration::zero();
        let mut day = a.with_timezone(&Tehran).date_naive();
        let last = b.with_timezone(&Tehran).date_naive();
        while day <= last {
            if cal.is_working_day(day) {
                let (opens, closes) = cal.hours.on(day.weekday()).window(day);
                let (from, to) = (opens.max(a), closes.min(b));
                if from < to {
                    total += to - from;
                }
            }
            day = day.succ_opt().unwrap_or(NaiveDate::MAX);
        }
        total
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn every_deadline_falls_in_office_hours_after_exactly_the_target(
            cal in calendars(),
            // Any minute from March 2025 to late 2027, registered at any hour of any day.
            minute in 0i64..(900 * 24 * 60),
            hours in 1u32..300,
        ) {
            let start = tehran(2025, 3, 1, 0, 0) + Duration::minutes(minute);
            let due = cal.add_working_hours(start, hours);
            prop_assert!(due > start);
            prop_assert!(cal.in_office_hours(due), "{start} + {hours} h = {due}");
            prop_assert_eq!(office_time_between(&cal, start, due), Duration::hours(i64::from(hours)));
            // One more hour is never sooner.
            prop_assert!(cal.add_working_hours(start, hours + 1) > due);
        }
    }

    #[test]
    fn serde_round_trip() {
        let cal = whole_days();
        let json = serde_json::to_string(&cal).unwrap_or_default();
        let back: Option<WorkingCalendar> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(cal));
    }
}
