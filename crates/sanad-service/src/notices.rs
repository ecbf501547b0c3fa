//! Notices (اطلاعیه): the administrator schedules maintenance windows and posts disruption
//! notices. Desks show a banner from a lead time before a window (24 hours unless set otherwise)
//! until it ends; the notice board keeps every notice. During a read-only window every write but
//! the administrator's is refused, with the window's end in the message.
//!
//! Public functions: `Service::add_notice`, `Service::cancel_notice`, `Service::notice_board`,
//! `Service::active_banners`, `Service::set_banner_lead_hours`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/notices.rs`, `store/ops/settings.rs`.

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Asia::Tehran;
use sanad_core::jalali::{format_datetime_tehran, JalaliDate};
use sanad_core::model::Role;
use sanad_core::{normalize, validate, Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::clock::{from_micros, micros};
use crate::requests::rfc3339;
use crate::store::{on_store, AuditDraft, NoticeRow};
use crate::{Actor, Service};

const LEAD_KEY: &str = "notices.lead_hours";
const DEFAULT_LEAD_HOURS: u32 = 24;
const BOARD_LIMIT: i64 = 500;

/// What a notice announces.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Planned work; may make the system read-only.
    Maintenance,
    /// A fault or outage the applicants and desks should know of.
    Disruption,
}

/// A notice as the administrator writes it. Times are Jalali, Tehran: `1404/10/10 14:00`.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewNotice {
    pub kind: NoticeKind,
    pub text: String,
    pub starts: String,
    pub ends: String,
    /// Only writes by the administrator are allowed inside the window.
    #[serde(default)]
    pub read_only: bool,
}

/// A notice on the board, or a banner a desk shows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Notice {
    pub id: String,
    pub kind: NoticeKind,
    pub text: String,
    pub starts_at: String,
    pub ends_at: String,
    /// `1404/10/10 14:00`, Tehran.
    pub starts_jalali: String,
    pub ends_jalali: String,
    pub read_only: bool,
    pub cancelled: bool,
    /// The window has begun (a banner before that announces it ahead).
    pub in_progress: bool,
}

impl Service {
    /// Schedules a maintenance window or posts a disruption notice. Administrator only.
    pub async fn add_notice(&self, actor: &Actor, new: NewNotice) -> Result<Notice> {
        self.authorize(actor, &[Role::Admin]).await?;
        let text = validate::required_text("text", &new.text, 1000)?;
        let starts = parse_tehran_datetime("starts", &new.starts)?;
        let ends = parse_tehran_datetime("ends", &new.ends)?;
        if ends <= starts {
            return Err(Error::invalid("ends", "error-notice-ends-before-start"));
        }
        let now = self.now_micros();
        let row = NoticeRow {
            id: uuid::Uuid::now_v7().to_string(),
            kind: kind_text(new.kind).to_owned(),
            body: text,
            starts_at: micros(starts),
            ends_at: micros(ends),
            read_only: new.read_only,
            created_by: actor.user_id.clone(),
            created_at: now,
            cancelled_at: None,
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::insert_notice(w.tx(), &row).await?;
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "notice.add".to_owned(),
                entity: "notice".to_owned(),
                entity_id: Some(row.id.clone()),
                detail: json!({ "kind": row.kind, "starts_at": row.starts_at, "ends_at": row.ends_at, "read_only": row.read_only }),
            }).await?;
            Ok(())
        }).await)?;
        notice(row, now)
    }

    /// Cancels a notice (it stays on the board, marked). Administrator only.
    pub async fn cancel_notice(&self, actor: &Actor, id: &str) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        let now = self.now_micros();
        let id = id.trim().to_owned();
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::cancel_notice(w.tx(), &id, now).await? {
                return Err(Error::NotFound { what: "notice" });
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "notice.cancel".to_owned(),
                entity: "notice".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({}),
            }).await?;
            Ok(())
        }).await)
    }

    /// The notice board: every notice, newest first. Any signed-in user.
    pub async fn notice_board(&self, actor: &Actor) -> Result<Vec<Notice>> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let now = self.now_micros();
        let rows = on_store!(&self.store, ops, pool => ops::notices(pool, BOARD_LIMIT).await)?;
        rows.into_iter().map(|r| notice(r, now)).collect()
    }

    /// What a desk shows now: every notice from its lead time before it starts until it ends.
    /// `viewer` is the signed-in person, checked like every caller (a deactivated user's desk
    /// stops here too); `None` is the public view of the sign-in screen and the portal's front
    /// page, which shows the same notices: they hold nothing private.
    pub async fn active_banners(&self, viewer: Option<&Actor>) -> Result<Vec<Notice>> {
        if let Some(actor) = viewer {
            self.authorize(actor, crate::service::ANY_ROLE).await?;
        }
        let lead = i64::from(self.banner_lead_hours().await?) * 3_600 * 1_000_000;
        let now = self.now_micros();
        let rows =
            on_store!(&self.store, ops, pool => ops::current_notices(pool, now, now + lead).await)?;
        rows.into_iter().map(|r| notice(r, now)).collect()
    }

    /// How many hours ahead a window is announced. Administrator only.
    pub async fn set_banner_lead_hours(&self, actor: &Actor, hours: u32) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        if !(1..=720).contains(&hours) {
            return Err(Error::invalid_with(
                "hours",
                "error-policy-range",
                &[("min", "1".to_owned()), ("max", "720".to_owned())],
            ));
        }
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.notice_lead".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(LEAD_KEY.to_owned()),
            detail: json!({ "hours": hours }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), LEAD_KEY, &hours.to_string()).await?;
            w.audit(draft).await
        }).await)
    }

    async fn banner_lead_hours(&self) -> Result<u32> {
        let stored = on_store!(&self.store, ops, pool => ops::setting(pool, LEAD_KEY).await)?;
        Ok(stored
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_LEAD_HOURS))
    }

    /// Refuses a write by anyone but the administrator inside a read-only maintenance window.
    /// Every write operation a non-administrator can make calls this after authorizing.
    pub(crate) async fn ensure_writable(&self, actor: &Actor) -> Result<()> {
        if actor.role == Role::Admin {
            return Ok(());
        }
        match self.read_only_until().await? {
            Some(until) => Err(Error::NotPermitted {
                message_id: "error-read-only-maintenance",
                args: [(
                    "until".to_owned(),
                    format_datetime_tehran(from_micros(until)),
                )]
                .into_iter()
                .collect(),
            }),
            None => Ok(()),
        }
    }

    /// The end of the read-only window in force now, if any.
    pub(crate) async fn read_only_until(&self) -> Result<Option<i64>> {
        let now = self.now_micros();
        let rows = match self.cache.notices() {
            Some(rows) => rows,
            None => {
                // Every notice not yet ended, whenever it starts: the check below picks those in
                // force at each call's own time.
                let version = self.cache.version();
                let rows = on_store!(&self.store, ops, pool =>
                    ops::current_notices(pool, now, i64::MAX).await)?;
                let rows = std::sync::Arc::new(rows);
                self.cache.keep_notices(version, rows.clone());
                rows
            }
        };
        Ok(rows
            .iter()
            .filter(|r| r.read_only && r.starts_at <= now && r.ends_at > now)
            .map(|r| r.ends_at)
            .max())
    }
}

fn kind_text(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Maintenance => "maintenance",
        NoticeKind::Disruption => "disruption",
    }
}

fn notice(r: NoticeRow, now: i64) -> Result<Notice> {
    let kind = match r.kind.as_str() {
        "maintenance" => NoticeKind::Maintenance,
        "disruption" => NoticeKind::Disruption,
        _ => return Err(Error::Storage(format!("notice kind {}", r.kind))),
    };
    Ok(Notice {
        kind,
        text: r.body,
        starts_at: rfc3339(r.starts_at),
        ends_at: rfc3339(r.ends_at),
        starts_jalali: format_datetime_tehran(from_micros(r.starts_at)),
        ends_jalali: format_datetime_tehran(from_micros(r.ends_at)),
        read_only: r.read_only,
        cancelled: r.cancelled_at.is_some(),
        in_progress: r.starts_at <= now && now < r.ends_at && r.cancelled_at.is_none(),
        id: r.id,
    })
}

/// `1404/10/10 14:00` (any digits) as a Tehran wall-clock time.
pub(crate) fn parse_tehran_datetime(field: &str, text: &str) -> Result<DateTime<Utc>> {
    let invalid = || Error::invalid(field, "error-datetime-format");
    let ascii = normalize::digits_to_ascii(text.trim());
    let (date, time) = ascii.split_once(' ').ok_or_else(invalid)?;
    let date = JalaliDate::parse(field, date)?;
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| invalid())?;
    let local = NaiveDateTime::new(date.to_gregorian(), time);
    Tehran
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(invalid)
}
