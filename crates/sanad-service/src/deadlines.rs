//! Service-level targets: how long a request may wait in each state, counted in office hours on
//! the working calendar (07:30–14:30 Saturday to Wednesday by default, Asia/Tehran, official
//! holidays off; see holidays.rs). The administrator sets them; the queue sorts by
//! the deadline they give.
//!
//! Public functions: `Service::targets`, `Service::set_target`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/settings.rs`.

use sanad_core::calendar::WorkingCalendar;
use sanad_core::jalali::JalaliDate;
use sanad_core::model::{DispatchMode, Priority, Role, Status};
use sanad_core::{Error, Result};
use serde::Serialize;
use serde_json::json;

use crate::clock::{from_micros, micros};
use crate::store::{on_store, AuditDraft};
use crate::{Actor, Service};

/// Targets in working hours when the administrator has set none.
fn default_target_hours(status: Status) -> Option<u32> {
    use Status::*;
    match status {
        Submitted => Some(8),
        UnderReview => Some(16),
        Correction => Some(72),
        AwaitingDirector => Some(16),
        AwaitingMinistry => Some(40),
        Approved => Some(8),
        Dispatched => Some(48),
        Delivered => Some(24),
        ReturnedToRepository => Some(8),
        Rejected | Closed | Cancelled => None,
    }
}

fn setting_key(status: Status) -> String {
    format!("target_hours.{}", status.as_str())
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StateTarget {
    pub status: Status,
    pub hours: u32,
}

impl Service {
    /// The target of every non-terminal state.
    pub async fn targets(&self, actor: &Actor) -> Result<Vec<StateTarget>> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let mut out = Vec::new();
        for status in Status::ALL {
            if let Some(hours) = self.target_hours(*status).await? {
                out.push(StateTarget {
                    status: *status,
                    hours,
                });
            }
        }
        Ok(out)
    }

    /// Sets a state's target. Administrator only; applies to requests entering the state from now.
    pub async fn set_target(&self, actor: &Actor, status: Status, hours: u32) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        if status.is_terminal() {
            return Err(Error::invalid("status", "error-status-unknown"));
        }
        if !(1..=10_000).contains(&hours) {
            return Err(Error::invalid("hours", "error-target-hours-range"));
        }
        let key = setting_key(status);
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.target".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(key.clone()),
            detail: json!({ "status": status.as_str(), "hours": hours }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), &key, &hours.to_string()).await?;
            w.audit(draft).await
        }).await)
    }

    async fn target_hours(&self, status: Status) -> Result<Option<u32>> {
        let Some(default) = default_target_hours(status) else {
            return Ok(None);
        };
        let stored = self.cached_setting(&setting_key(status)).await?;
        Ok(Some(stored.and_then(|v| v.parse().ok()).unwrap_or(default)))
    }

    /// When a request entering `status` at `at` is due. Urgent requests get half the time; a
    /// delivered original is due back on its return date.
    pub(crate) async fn deadline(
        &self,
        status: Status,
        priority: Priority,
        mode: DispatchMode,
        return_due: Option<JalaliDate>,
        at: i64,
    ) -> Result<Option<i64>> {
        let hours = self.target_hours(status).await?;
        let calendar = self.working_calendar().await?;
        Ok(due_at(
            &calendar, hours, status, priority, mode, return_due, at,
        ))
    }

    /// The target of `status` in working hours, if it has one (settings, else the default).
    pub(crate) async fn target_hours_of(&self, status: Status) -> Result<Option<u32>> {
        self.target_hours(status).await
    }
}

/// When a request entering `status` at `at` is due, given that state's target `hours` and the
/// calendar. Urgent requests get half the time; a delivered original is due back on its return
/// date. The one rule behind deadlines and the on-time report.
pub(crate) fn due_at(
    calendar: &WorkingCalendar,
    hours: Option<u32>,
    status: Status,
    priority: Priority,
    mode: DispatchMode,
    return_due: Option<JalaliDate>,
    at: i64,
) -> Option<i64> {
    if status == Status::Delivered && mode == DispatchMode::Original {
        if let Some(due) = return_due {
            // Due by the end of that day in Tehran.
            return Some(micros(due.tehran_midnight_utc()) + 24 * 3_600 * 1_000_000);
        }
    }
    let hours = match priority {
        Priority::Urgent => hours?.div_ceil(2),
        Priority::Normal => hours?,
    };
    Some(micros(calendar.add_working_hours(from_micros(at), hours)))
}
