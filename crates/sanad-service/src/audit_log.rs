//! The auditor's view of the audit log: filtered by user, action, request and Jalali date range,
//! newest first.
//!
//! Public functions: `Service::audit_log`. Their SQL: `store/ops/audit.rs`,
//! `store/ops/requests.rs`, `store/ops/users.rs`.

use sanad_core::jalali::JalaliDate;
use sanad_core::model::Role;
use sanad_core::{Error, Result, TrackingCode};
use serde::{Deserialize, Serialize};

use crate::clock::micros;
use crate::requests::rfc3339;
use crate::store::{on_store, AuditFilter};
use crate::users::username_key;
use crate::{Actor, Service};

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
pub struct AuditQuery {
    pub user: Option<String>,
    /// An action or its family: `request` matches `request.approve`, `request.dispatch`, …
    pub action: Option<String>,
    /// A request's tracking code.
    pub request: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Entries older than this sequence number (the previous page's last).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, ts_rs::TS)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub at_jalali: String,
    pub user: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    #[ts(type = "Record<string, unknown>")]
    pub detail: serde_json::Value,
}

const DAY: i64 = 24 * 3_600 * 1_000_000;

impl Service {
    /// Audit entries matching every given filter. Auditor only (the administrator keeps the
    /// system, the auditor watches it, the administrator included).
    pub async fn audit_log(&self, actor: &Actor, q: AuditQuery) -> Result<Vec<AuditEntry>> {
        self.authorize(actor, &[Role::Auditor]).await?;
        // The auditor reads the log as it stands: what is queued goes onto the chain first.
        self.seal_audit().await?;
        let limit = q.limit.unwrap_or(100);
        if !(1..=1000).contains(&limit) {
            return Err(Error::invalid("limit", "error-limit-range"));
        }
        let user_id = match q.user.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(name) => Some(
                on_store!(&self.store, ops, pool => ops::user_by_key(pool, &username_key(name)).await)?
                    .ok_or_else(|| Error::invalid("user", "error-not-found-user"))?
                    .id,
            ),
            None => None,
        };
        let request_id = match q
            .request
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            Some(code) => {
                let code = TrackingCode::parse(code)?;
                Some(
                    on_store!(&self.store, ops, pool => ops::request_by_code(pool, code.as_str()).await)?
                        .ok_or(Error::NotFound { what: "request" })?
                        .id,
                )
            }
            None => None,
        };
        let day = |field: &str, text: Option<&str>| {
            text.map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| JalaliDate::parse(field, t).map(|d| micros(d.tehran_midnight_utc())))
                .transpose()
        };
        let filter = AuditFilter {
            user_id,
            action: q
                .action
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty()),
            entity_id: request_id,
            from: day("from", q.from.as_deref())?,
            before_time: day("to", q.to.as_deref())?.map(|t| t + DAY),
            before_seq: q.before,
            limit,
        };
        let rows = on_store!(&self.store, ops, pool => ops::audit_search(pool, &filter).await)?;
        let names = on_store!(&self.store, ops, pool => ops::list_users(pool).await)?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                seq: r.seq,
                at: rfc3339(r.at),
                at_jalali: sanad_core::jalali::format_datetime_tehran(crate::clock::from_micros(
                    r.at,
                )),
                user: r.user_id.as_ref().and_then(|id| {
                    names
                        .iter()
                        .find(|u| &u.id == id)
                        .map(|u| u.username.clone())
                }),
                action: r.action,
                entity: r.entity,
                entity_id: r.entity_id,
                detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
            })
            .collect())
    }
}
