//! The office's working calendar: Friday is always off, Thursday as the administrator sets it,
//! official holidays kept as a yearly list in the database (1404 and 1405 shipped by
//! migration), and the office's daily hours (Saturday to Wednesday, and Thursday when worked).
//! Every deadline is counted on it, inside office hours. A change applies to requests entering a
//! state from then on: an open request keeps the deadline it has until it next changes state.
//!
//! Public functions: `Service::holidays`, `Service::add_holiday`, `Service::remove_holiday`,
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
}

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
    pub async fn holidays(&self, actor: &Actor, year: Option<i32>) -> Result<Vec<Holiday>> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let rows = on_store!(&self.store, ops, pool => ops::holidays(pool).await)?;
        rows.into_iter()
            .map(|r| {
                Ok(Holiday {
                    date: JalaliDate::parse("date", &r.day)?,
                    title: r.title,
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
        Ok(Holiday { date, title })
    }

    /// Makes `date` a working day again. Administrator only; not found when it was no holiday.
    pub async fn remove_holiday(&self, actor: &Actor, date: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let day = JalaliDate::parse("date", date)?.to_string();
        let now = self.now_micros();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::delete_holiday(w.tx(), &day).await? {
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
