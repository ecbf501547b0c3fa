//! The office's working calendar: Friday is always off, Thursday as the administrator sets it,
//! official holidays kept as a yearly list in the database (1404 and 1405 shipped by
//! migration), and the office's daily hours (Saturday to Wednesday, and Thursday when worked).
//! Every deadline is counted on it, inside office hours. A change applies to requests entering a
//! state from then on: an open request keeps the deadline it has until it next changes state.
//!
//! Years from 1406 on are computed (`sanad_core::official_holidays`): the solar holidays exactly,
//! the lunar ones estimated and marked so until the administrator confirms (adds) or moves
//! (removes and adds) them; computing a year again replaces only its estimates.
//!
//! Public functions: `Service::holidays`, `Service::add_holiday`, `Service::remove_holiday`,
//! `Service::recompute_holidays`,
//! `Service::calendar_settings`, `Service::set_thursday_off`, `Service::set_office_hours`,
//! `Service::overdue_requests`. Their
//! SQL: `store/ops/audit.rs`, `store/ops/calendar.rs`, `store/ops/settings.rs`.

use std::collections::BTreeSet;

use sanad_core::calendar::{DailyHours, OfficeHours, WorkingCalendar};
use sanad_core::jalali::JalaliDate;
use sanad_core::model::Role;
use sanad_core::{validate, Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::models::{Page, PageRequest, RequestSummary};
use crate::search::{check_limit, summary};
use crate::store::{on_store, AuditDraft};
use crate::{Actor, Service};

const THURSDAY_OFF: &str = "calendar.thursday_off";
const WEEKDAY_HOURS: &str = "calendar.hours.weekdays";
const THURSDAY_HOURS: &str = "calendar.hours.thursday";

/// One official holiday.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Holiday {
    #[ts(type = "string")]
    pub date: JalaliDate,
    pub title: String,
    /// Computed for a coming year (a lunar day's estimate, «برآورد») and not yet confirmed or
    /// moved by the administrator.
    #[serde(default)]
    pub estimated: bool,
}

/// The first year whose holidays are computed: the years before were shipped as published.
const FIRST_COMPUTED_YEAR: i32 = 1406;
/// How many years ahead of this one are computed before they are needed.
const YEARS_AHEAD: i32 = 2;
/// The furthest year a caller may ask to be computed (a typo such as 14060 computes nothing).
const LAST_COMPUTED_YEAR: i32 = 1500;

/// The calendar's settings as the administrator sees them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct CalendarSettings {
    /// Thursday is a day off (the default); Friday always is.
    pub thursday_off: bool,
    /// Saturday to Wednesday office hours, Tehran time: `07:30`.
    pub weekday_opens: String,
    /// `14:30`.
    pub weekday_closes: String,
    /// A working Thursday's office hours: `07:30`.
    pub thursday_opens: String,
    /// `12:30`.
    pub thursday_closes: String,
}

/// The office's daily hours as typed (`7:30`, `۱۴:۳۰`); the core checks them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct OfficeHoursInput {
    pub weekday_opens: String,
    pub weekday_closes: String,
    pub thursday_opens: String,
    pub thursday_closes: String,
}

impl Service {
    /// The official holidays, of one Jalali year or all. Every signed-in user may read them.
    /// Years from 1406 on are computed the first time they are needed (see
    /// [`Service::recompute_holidays`]).
    pub async fn holidays(&self, actor: &Actor, year: Option<i32>) -> Result<Vec<Holiday>> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        self.compute_coming_years(year).await?;
        let rows = on_store!(&self.store, ops, pool => ops::holidays(pool).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(Holiday {
                    date: JalaliDate::parse("date", &r.day)?,
                    title: r.title,
                    estimated: r.estimated,
                })
            })
            .filter(|h| match (h, year) {
                (Ok(h), Some(y)) => h.date.year() == y,
                _ => true,
            })
            .collect()
    }

    /// Declares `date` (Jalali, any digits) an official holiday, or renames it. Administrator only.
    /// Deadlines computed from now on skip it.
    pub async fn add_holiday(&self, actor: &Actor, date: &str, title: &str) -> Result<Holiday> {
        self.authorize(actor, &[Role::Admin]).await?;
        let date = JalaliDate::parse("date", date)?;
        let title = validate::required_text("title", title, 200)?;
        let now = self.now_micros();
        let day = date.to_string();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let added = ops::put_holiday(w.tx(), &day, &title, now).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "calendar.holiday_add".to_owned(),
                entity: "holiday".to_owned(),
                entity_id: Some(day.clone()),
                detail: json!({ "title": title, "new": added }),
            }).await?;
            Ok(())
        }).await)?;
        Ok(Holiday {
            date,
            title,
            estimated: false,
        })
    }

    /// Computes the official holidays of `year` (1406 on) again: the solar ones exactly, the
    /// lunar ones estimated and marked so. What the administrator set or removed in that year
    /// stays as they left it; only the estimates are replaced. Administrator only.
    pub async fn recompute_holidays(&self, actor: &Actor, year: i32) -> Result<Vec<Holiday>> {
        self.authorize(actor, &[Role::Admin]).await?;
        if !(FIRST_COMPUTED_YEAR..=LAST_COMPUTED_YEAR).contains(&year) {
            return Err(Error::invalid_with(
                "year",
                "error-holiday-year-computed",
                &[
                    ("first", FIRST_COMPUTED_YEAR.to_string()),
                    ("last", LAST_COMPUTED_YEAR.to_string()),
                ],
            ));
        }
        self.write_computed_year(Some(actor), year).await?;
        self.holidays(actor, Some(year)).await
    }

    /// Computes the years from 1406 to two years ahead of now (and `asked`, when later) that
    /// were never computed, so deadlines never run past the calendar.
    async fn compute_coming_years(&self, asked: Option<i32>) -> Result<()> {
        let this_year = JalaliDate::from_utc(self.clock.now()).year();
        let last = (this_year + YEARS_AHEAD)
            .max(asked.unwrap_or(0))
            .min(LAST_COMPUTED_YEAR);
        if last < FIRST_COMPUTED_YEAR {
            return Ok(());
        }
        let done = on_store!(&self.store, ops, pool => ops::computed_years(pool).await)?;
        for year in FIRST_COMPUTED_YEAR..=last {
            if !done.contains(&i64::from(year)) {
                self.write_computed_year(None, year).await?;
            }
        }
        Ok(())
    }

    /// Writes one year's computed holidays (their titles in Persian, as the shipped ones are),
    /// with its audit entry; `by` is the administrator who asked, none when it came due.
    async fn write_computed_year(&self, by: Option<&Actor>, year: i32) -> Result<()> {
        let fa = sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa);
        // Two holidays on one day are one row, titled with both; a day with a solar holiday is
        // certain whatever falls on it too.
        let mut days: Vec<(String, String, bool)> = Vec::new();
        for h in sanad_core::official_holidays::of_year(year) {
            let day = h.date.to_string();
            let title = fa.text(h.title_id);
            match days.last_mut() {
                Some((d, t, estimated)) if *d == day => {
                    if !t.contains(&title) {
                        t.push_str("؛ ");
                        t.push_str(&title);
                    }
                    *estimated &= h.lunar;
                }
                _ => days.push((day, title, h.lunar)),
            }
        }
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let added = ops::put_computed_holidays(w.tx(), i64::from(year), &days, now).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: by.map(|a| a.user_id.clone()),
                action: "holidays.computed".to_owned(),
                entity: "holiday".to_owned(),
                entity_id: Some(year.to_string()),
                detail: json!({ "year": year, "days": days.len(), "added": added }),
            }).await?;
            Ok(())
        }).await)
    }

    /// Makes `date` a working day again. Administrator only; not found when it was no holiday.
    pub async fn remove_holiday(&self, actor: &Actor, date: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let day = JalaliDate::parse("date", date)?.to_string();
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::delete_holiday(w.tx(), &day, now).await? {
                return Err(Error::NotFound { what: "holiday" });
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "calendar.holiday_remove".to_owned(),
                entity: "holiday".to_owned(),
                entity_id: Some(day.clone()),
                detail: json!({}),
            }).await?;
            Ok(())
        }).await)
    }

    pub async fn calendar_settings(&self, actor: &Actor) -> Result<CalendarSettings> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let hours = self.office_hours().await?;
        Ok(CalendarSettings {
            thursday_off: self.thursday_off().await?,
            weekday_opens: hours.weekdays.opens_text(),
            weekday_closes: hours.weekdays.closes_text(),
            thursday_opens: hours.thursday.opens_text(),
            thursday_closes: hours.thursday.closes_text(),
        })
    }

    /// The office's daily hours. Administrator only; recorded in the audit log. Deadlines of requests entering a state from now on are counted inside
    /// them; open requests keep theirs until they next change state.
    pub async fn set_office_hours(
        &self,
        actor: &Actor,
        input: OfficeHoursInput,
    ) -> Result<CalendarSettings> {
        self.authorize(actor, &[Role::Admin]).await?;
        let weekdays = OfficeHours::parse(
            "weekday_opens",
            &input.weekday_opens,
            "weekday_closes",
            &input.weekday_closes,
        );
        let thursday = OfficeHours::parse(
            "thursday_opens",
            &input.thursday_opens,
            "thursday_closes",
            &input.thursday_closes,
        );
        let (weekdays, thursday) = match (weekdays, thursday) {
            (Ok(w), Ok(t)) => (w, t),
            (Err(e), _) | (_, Err(e)) => return Err(e),
        };
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.office_hours".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(WEEKDAY_HOURS.to_owned()),
            detail: json!({ "weekdays": weekdays.to_text(), "thursday": thursday.to_text() }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), WEEKDAY_HOURS, &weekdays.to_text()).await?;
            ops::put_setting(w.tx(), THURSDAY_HOURS, &thursday.to_text()).await?;
            w.audit(draft).await
        }).await)?;
        self.calendar_settings(actor).await
    }

    /// The office's daily hours as stored, else the defaults.
    async fn office_hours(&self) -> Result<DailyHours> {
        let stored = |key: &'static str| async move {
            on_store!(&self.store, ops, pool => ops::setting(pool, key).await)
        };
        let defaults = DailyHours::default();
        Ok(DailyHours {
            weekdays: stored(WEEKDAY_HOURS)
                .await?
                .and_then(|t| OfficeHours::from_text(&t))
                .unwrap_or(defaults.weekdays),
            thursday: stored(THURSDAY_HOURS)
                .await?
                .and_then(|t| OfficeHours::from_text(&t))
                .unwrap_or(defaults.thursday),
        })
    }

    /// Whether Thursday is a day off. Administrator only; recorded in the audit log.
    pub async fn set_thursday_off(&self, actor: &Actor, off: bool) -> Result<CalendarSettings> {
        self.write_thursday_off(actor, off).await?;
        self.calendar_settings(actor).await
    }

    async fn write_thursday_off(&self, actor: &Actor, off: bool) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.thursday_off".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(THURSDAY_OFF.to_owned()),
            detail: json!({ "thursday_off": off }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), THURSDAY_OFF, if off { "true" } else { "false" }).await?;
            w.audit(draft).await
        }).await)
    }

    /// Requests past their deadline now, most overdue first: the director's list (the auditor
    /// reads it too).
    pub async fn overdue_requests(
        &self,
        actor: &Actor,
        page: PageRequest,
    ) -> Result<Page<RequestSummary>> {
        self.authorize(actor, &[Role::Director, Role::Auditor])
            .await?;
        let limit = check_limit(page.limit)?;
        let now = self.now_micros();
        let rows =
            on_store!(&self.store, ops, pool => ops::overdue_requests(pool, now, limit).await)?;
        Ok(Page {
            items: rows
                .into_iter()
                .map(|r| summary(r, now))
                .collect::<Result<_>>()?,
            next: None,
        })
    }

    async fn thursday_off(&self) -> Result<bool> {
        let stored = self.cached_setting(THURSDAY_OFF).await?;
        Ok(stored.as_deref() != Some("false"))
    }

    /// The calendar deadlines are counted on, as the database says now.
    pub(crate) async fn working_calendar(&self) -> Result<WorkingCalendar> {
        if let Some(calendar) = self.cache.calendar() {
            return Ok(calendar);
        }
        let version = self.cache.version();
        let calendar = self.read_working_calendar().await?;
        self.cache.keep_calendar(version, calendar.clone());
        Ok(calendar)
    }

    async fn read_working_calendar(&self) -> Result<WorkingCalendar> {
        self.compute_coming_years(None).await?;
        let rows = on_store!(&self.store, ops, pool => ops::holidays(pool).await)?;
        let holidays: BTreeSet<_> = rows
            .iter()
            .filter_map(|r| JalaliDate::parse("date", &r.day).ok())
            .map(JalaliDate::to_gregorian)
            .collect();
        Ok(WorkingCalendar::with(self.thursday_off().await?, holidays)
            .with_hours(self.office_hours().await?))
    }
}
