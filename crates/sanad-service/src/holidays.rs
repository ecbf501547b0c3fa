//! The office's working calendar: Friday is always off, Thursday as the administrator sets it,
//! and official holidays kept as a yearly list in the database (1404 and 1405 shipped by
//! migration). Every deadline is counted on it.
//!
//! Public functions: `Service::holidays`, `Service::add_holiday`, `Service::remove_holiday`,
//! `Service::calendar_settings`, `Service::set_thursday_off`, `Service::overdue_requests`. Their
//! SQL: `store/ops/audit.rs`, `store/ops/calendar.rs`, `store/ops/settings.rs`.

use std::collections::BTreeSet;

use sanad_core::calendar::WorkingCalendar;
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
        Ok(CalendarSettings {
            thursday_off: self.thursday_off().await?,
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
        Ok(WorkingCalendar::with(self.thursday_off().await?, holidays))
    }
}
