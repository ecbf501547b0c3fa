//! The working calendar behind service-level deadlines: a state's target is a number of hours,
//! and only hours on working days in Tehran count (the weekend is Thursday and Friday, unless the
//! office works Thursdays) and never on an official holiday.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Asia::Tehran;
use serde::{Deserialize, Serialize};

use crate::jalali::tehran_start_of_day;

/// Which days of the week count toward deadlines. Days are whole local days in Asia/Tehran,
/// midnight to midnight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingCalendar {
    pub working_days: Vec<Weekday>,
    /// Official holidays (Tehran-local Gregorian dates): never working days, whatever weekday.
    #[serde(default)]
    pub holidays: BTreeSet<NaiveDate>,
}

impl Default for WorkingCalendar {
    /// Saturday to Wednesday, the Iranian government work week.
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
        }
    }
}

impl WorkingCalendar {
    /// Whether `day` (a Tehran-local date) counts toward deadlines.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.working_days.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// The government week, with Thursday as a working day when `thursday_off` is false, and
    /// `holidays` off. Friday is always off.
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

    /// The instant at which `hours` hours have elapsed since `start`, counting only time on
    /// working days. Walks day by day (not hour by hour), measuring each day between its real
    /// Tehran midnights so days with a clock change count as long as they were. Service targets
    /// are at most about 10,000 hours; the cost grows with the number of days spanned.
    pub fn add_working_hours(&self, start: DateTime<Utc>, hours: u32) -> DateTime<Utc> {
        // Nothing to count: due at once, even when `start` falls on a day off.
        if hours == 0 {
            return start;
        }
        let total = Duration::hours(i64::from(hours));
        // With no working days nothing would ever count; fall back to plain hours rather than
        // walk forever.
        if self.working_days.is_empty() {
            return start
                .checked_add_signed(total)
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
        }
        let mut remaining = total;
        let mut cursor = start;
        let mut day = cursor.with_timezone(&Tehran).date_naive();
        loop {
            let Some(next_day) = day.succ_opt() else {
                return DateTime::<Utc>::MAX_UTC;
            };
            let day_end = tehran_start_of_day(next_day);
            if self.is_working_day(day) {
                let available = day_end - cursor;
                if remaining <= available {
                    return cursor + remaining;
                }
                remaining -= available;
            }
            cursor = day_end;
            day = next_day;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDateTime, TimeZone};

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
        let cal = WorkingCalendar::default();
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 4, 4, 0)
        );
    }

    #[test]
    fn starting_on_a_friday_counts_from_saturday() {
        let cal = WorkingCalendar::default();
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
        let cal = WorkingCalendar::default();
        let wednesday = tehran(2025, 10, 1, 9, 15);
        assert_eq!(cal.add_working_hours(wednesday, 0), wednesday);
        // Even on a day off: the deadline is already due.
        let friday = tehran(2025, 10, 3, 9, 15);
        assert_eq!(cal.add_working_hours(friday, 0), friday);
    }

    #[test]
    fn ends_exactly_at_midnight() {
        let cal = WorkingCalendar::default();
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 4),
            tehran(2025, 10, 2, 0, 0)
        );
    }

    #[test]
    fn no_working_days_means_plain_hours() {
        let cal = WorkingCalendar {
            working_days: vec![],
            holidays: BTreeSet::new(),
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
            holidays: BTreeSet::new(),
        };
        let start = tehran(2025, 10, 1, 20, 0);
        assert_eq!(
            cal.add_working_hours(start, 10_000),
            start + Duration::hours(10_000)
        );
    }

    #[test]
    fn large_targets_are_quick_and_count_five_days_a_week() {
        let cal = WorkingCalendar::default();
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
        let cal = WorkingCalendar::default();
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
        let cal = WorkingCalendar::with(true, holidays);
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 5, 4, 0)
        );
    }

    #[test]
    fn a_working_thursday_counts() {
        let cal = WorkingCalendar::with(false, BTreeSet::new());
        assert_eq!(
            cal.add_working_hours(tehran(2025, 10, 1, 20, 0), 8),
            tehran(2025, 10, 2, 4, 0)
        );
        // Friday never counts.
        assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2025, 10, 3).unwrap_or_default()));
    }

    #[test]
    fn serde_round_trip() {
        let cal = WorkingCalendar::default();
        let json = serde_json::to_string(&cal).unwrap_or_default();
        let back: Option<WorkingCalendar> = serde_json::from_str(&json).ok();
        assert_eq!(back, Some(cal));
    }
}
