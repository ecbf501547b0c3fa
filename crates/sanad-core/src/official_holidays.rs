//! Iran's official holidays of any Jalali year, computed: the solar ones exactly (fixed days of
//! the Jalali calendar), the lunar ones estimated from the Hijri calendar. Iran's lunar months
//! begin with the crescent's sighting, announced a day or two ahead, so no calendar can know them
//! for sure; the estimate is `icu_calendar`'s Umm al-Qura calendar (KACST's computed month
//! starts, 1300–1600 AH) moved one day later — see [`SIGHTING_LAG_DAYS`] — and is marked
//! estimated until the administrator confirms or moves it.

use icu_calendar::cal::hijri::UmmAlQura;
use icu_calendar::cal::Hijri;
use icu_calendar::types::RataDie;
use icu_calendar::Date;

use crate::jalali::JalaliDate;

/// Days Iran's month starts usually come after the Umm al-Qura calendar's. Umm al-Qura starts a
/// month on the day after a conjunction before sunset at Mecca, often before the crescent can be
/// seen; Iran starts it after a sighting. Checked against the published calendars of 1402–1405
/// (PyPI `jalali-calendar-cli` 0.1.9's table, which agrees with the shipped 1404/1405 days): one
/// day later matches most of their lunar holidays, none earlier or later does as well (the test
/// below counts them).
pub const SIGHTING_LAG_DAYS: i64 = 1;

/// A holiday as computed: its day, its Fluent id (its title) and whether it is lunar (estimated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficialHoliday {
    pub date: JalaliDate,
    pub title_id: &'static str,
    pub lunar: bool,
}

/// Fixed days of the Jalali calendar: (month, day, title).
const SOLAR: &[(u8, u8, &str)] = &[
    (1, 1, "holiday-nowruz-start"),
    (1, 2, "holiday-nowruz"),
    (1, 3, "holiday-nowruz"),
    (1, 4, "holiday-nowruz"),
    (1, 12, "holiday-islamic-republic-day"),
    (1, 13, "holiday-nature-day"),
    (3, 14, "holiday-khomeini"),
    (3, 15, "holiday-khordad-15"),
    (11, 22, "holiday-revolution"),
    (12, 29, "holiday-oil-nationalization"),
];

/// The day of a Hijri month a lunar holiday falls on.
#[derive(Debug, Clone, Copy)]
enum LunarDay {
    Day(u8),
    /// The month's last day (Imam Reza's martyrdom: the end of Safar, the 29th or the 30th).
    Last,
}

/// Days of the Hijri calendar: (month, day, title).
const LUNAR: &[(u8, LunarDay, &str)] = &[
    (1, LunarDay::Day(9), "holiday-tasua"),
    (1, LunarDay::Day(10), "holiday-ashura"),
    (2, LunarDay::Day(20), "holiday-arbaeen"),
    (2, LunarDay::Day(28), "holiday-prophet-demise"),
    (2, LunarDay::Last, "holiday-imam-reza"),
    (3, LunarDay::Day(8), "holiday-imam-askari"),
    (3, LunarDay::Day(17), "holiday-prophet-birth"),
    (6, LunarDay::Day(3), "holiday-fatima"),
    (7, LunarDay::Day(13), "holiday-imam-ali-birth"),
    (7, LunarDay::Day(27), "holiday-mabath"),
    (8, LunarDay::Day(15), "holiday-mahdi-birth"),
    (9, LunarDay::Day(21), "holiday-imam-ali-martyrdom"),
    (10, LunarDay::Day(1), "holiday-eid-fitr"),
    (10, LunarDay::Day(2), "holiday-eid-fitr-holiday"),
    (10, LunarDay::Day(25), "holiday-imam-sadiq"),
    (12, LunarDay::Day(10), "holiday-eid-qurban"),
    (12, LunarDay::Day(18), "holiday-ghadir"),
];

/// The official holidays of Jalali `year`, in date order (a day may carry two titles: two
/// entries). Empty for a year outside the range the Jalali calendar is kept for.
pub fn of_year(year: i32) -> Vec<OfficialHoliday> {
    of_year_with_lag(year, SIGHTING_LAG_DAYS)
}

fn of_year_with_lag(year: i32, lag: i64) -> Vec<OfficialHoliday> {
    let (Some(first), Some(next)) = (JalaliDate::new(year, 1, 1), JalaliDate::new(year + 1, 1, 1))
    else {
        return Vec::new();
    };
    let mut out: Vec<OfficialHoliday> = SOLAR
        .iter()
        .filter_map(|(m, d, title_id)| {
            Some(OfficialHoliday {
                date: JalaliDate::new(year, *m, *d)?,
                title_id,
                lunar: false,
            })
        })
        .collect();
    let (start, end) = (rata_die(first), rata_die(next));
    let hijri = Hijri::new_umm_al_qura();
    let first_hijri = Date::from_rata_die(RataDie::new(start), hijri)
        .year()
        .extended_year();
    for hijri_year in first_hijri..=first_hijri + 1 {
        for (month, day, title_id) in LUNAR {
            let Some(rd) = lunar_day(hijri, hijri_year, *month, *day, lag) else {
                continue;
            };
            if (start..end).contains(&rd) {
                out.push(OfficialHoliday {
                    date: from_rata_die(rd),
                    title_id,
                    lunar: true,
                });
            }
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

/// The rata die of `day` of Hijri `month` in `year`, Iran's estimate (`lag` days after Umm
/// al-Qura's). The last day is the day before the next month's estimated first.
fn lunar_day(
    hijri: Hijri<UmmAlQura>,
    year: i32,
    month: u8,
    day: LunarDay,
    lag: i64,
) -> Option<i64> {
    let first = |y: i32, m: u8| {
        Date::try_new_hijri_with_calendar(y, m, 1, hijri)
            .ok()
            .map(|d| d.to_rata_die().to_i64_date() + lag)
    };
    match day {
        LunarDay::Day(d) => first(year, month).map(|f| f + i64::from(d) - 1),
        LunarDay::Last => {
            let (y, m) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            first(y, m).map(|f| f - 1)
        }
    }
}

fn rata_die(date: JalaliDate) -> i64 {
    i64::from(date.to_gregorian().num_days_from_ce())
}

fn from_rata_die(rd: i64) -> JalaliDate {
    let days = i32::try_from(rd).unwrap_or(i32::MAX);
    chrono::NaiveDate::from_num_days_from_ce_opt(days)
        .map(JalaliDate::from_gregorian)
        .unwrap_or_else(|| JalaliDate::from_gregorian(chrono::NaiveDate::MAX))
}

use chrono::Datelike;

#[cfg(test)]
mod tests {
    use super::*;

    /// The lunar holidays of 1402–1405 as published (PyPI `jalali-calendar-cli` 0.1.9's table;
    /// its 1404 and 1405 agree with the shipped tables once 1405/01/25 is added).
    const PUBLISHED_LUNAR: &[&str] = &[
        "1402/01/23",
        "1402/02/02",
        "1402/02/03",
        "1402/02/26",
        "1402/03/15",
        "1402/04/08",
        "1402/04/16",
        "1402/05/05",
        "1402/05/06",
        "1402/06/15",
        "1402/06/23",
        "1402/06/25",
        "1402/07/02",
        "1402/07/11",
        "1402/09/26",
        "1402/11/05",
        "1402/11/19",
        "1402/12/06",
        "1403/01/13",
        "1403/01/22",
        "1403/01/23",
        "1403/02/15",
        "1403/03/28",
        "1403/04/05",
        "1403/04/25",
        "1403/04/26",
        "1403/06/04",
        "1403/06/12",
        "1403/06/14",
        "1403/06/22",
        "1403/06/31",
        "1403/09/15",
        "1403/10/25",
        "1403/11/09",
        "1403/11/26",
        "1404/01/02",
        "1404/01/11",
        "1404/01/12",
        "1404/02/04",
        "1404/03/16",
        "1404/03/24",
        "1404/04/14",
        "1404/04/15",
        "1404/05/23",
        "1404/05/31",
        "1404/06/02",
        "1404/06/10",
        "1404/06/19",
        "1404/09/03",
        "1404/10/13",
        "1404/10/27",
        "1404/11/15",
        "1404/12/20",
        "1405/01/01",
        "1405/01/02",
        "1405/01/25",
        "1405/03/06",
        "1405/03/14",
        "1405/04/03",
        "1405/04/04",
        "1405/05/13",
        "1405/05/21",
        "1405/05/22",
        "1405/05/30",
        "1405/06/08",
        "1405/08/22",
        "1405/10/02",
        "1405/10/16",
        "1405/11/04",
        "1405/12/09",
        "1405/12/19",
        "1405/12/20",
    ];

    fn matches(lag: i64) -> usize {
        let computed: Vec<String> = (1402..=1405)
            .flat_map(|y| of_year_with_lag(y, lag))
            .filter(|h| h.lunar)
            .map(|h| h.date.to_string())
            .collect();
        PUBLISHED_LUNAR
            .iter()
            .filter(|d| computed.iter().any(|c| c == *d))
            .count()
    }

    #[test]
    fn one_day_after_umm_al_qura_matches_the_published_calendars_best() {
        let best = matches(SIGHTING_LAG_DAYS);
        for lag in [-1, 0, 2] {
            assert!(matches(lag) < best, "lag {lag}: {} vs {best}", matches(lag));
        }
        eprintln!(
            "lag {SIGHTING_LAG_DAYS}: {best} of {}",
            PUBLISHED_LUNAR.len()
        );
        // 49 of 72 now: the rest are a day off, as a sighting may be.
        assert!(best * 3 >= PUBLISHED_LUNAR.len() * 2, "{best}");
    }

    #[test]
    fn every_year_has_nowruz_and_the_lunar_holidays() {
        for year in 1406..=1420 {
            let days = of_year(year);
            let has = |id: &str| days.iter().any(|h| h.title_id == id);
            for id in [
                "holiday-nowruz-start",
                "holiday-nature-day",
                "holiday-tasua",
                "holiday-ashura",
                "holiday-eid-fitr",
                "holiday-ghadir",
                "holiday-revolution",
            ] {
                assert!(has(id), "{year}: {id}");
            }
            assert!(days.iter().all(|h| h.date.year() == year));
            let lunar = days.iter().filter(|h| h.lunar).count();
            // 17 a year; a lunar year is 11 days shorter, so now and then one comes twice.
            assert!((17..=19).contains(&lunar), "{year}: {lunar}");
        }
        let nowruz = of_year(1406);
        assert_eq!(nowruz[0].date.to_string(), "1406/01/01");
        assert!(!nowruz[0].lunar);
    }
}
