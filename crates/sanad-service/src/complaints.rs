//! Complaints, suggestions and comments (شکایت، پیشنهاد، نظر): registered at a desk with the
//! person's contact, each with its own tracking code from the requests' namespace, optionally
//! linked to a request; assigned, answered and closed with a target time per state and a history.
//!
//! Public functions: `Service::register_complaint`, `Service::complaint_by_code`,
//! `Service::assign_complaint`, `Service::complaint_assignees`, `Service::answer_complaint`,
//! `Service::close_complaint`, `Service::complaints`, `Service::complaint_targets`,
//! `Service::set_complaint_target`. Their SQL: `store/ops/audit.rs`, `store/ops/complaints.rs`,
//! `store/ops/outbox.rs`, `store/ops/requests.rs`, `store/ops/settings.rs`, `store/ops/users.rs`.

use sanad_core::complaint_workflow::{self, ASSIGNABLE, REGISTERS};
use sanad_core::model::{ComplaintAction, ComplaintKind, ComplaintStatus, Role};
use sanad_core::{validate, Error, Result, TrackingCode};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::clock::from_micros;
use crate::requests::{rfc3339, READERS};
use crate::store::{on_store, AuditDraft, ComplaintMove, ComplaintRow, ComplaintStepRow};
use crate::{Actor, Service};

/// Same bound as for requests: a run of collisions means a broken random source.
const CODE_ATTEMPTS: usize = 16;
const MAX_TEXT: usize = 4000;

/// A complaint as the desk takes it down. At least one contact (mobile or e-mail) is needed:
/// the answer has to reach the person.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewComplaint {
    /// `complaint`, `suggestion` or `comment`.
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub mobile: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    pub text: String,
    /// The tracking code of the request it is about, if any (any digits, dashes allowed).
    #[serde(default)]
    pub request_code: Option<String>,
}

/// One step in a complaint's history.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct ComplaintStep {
    /// `register`, `assign`, `answer` or `close`.
    pub action: String,
    pub from: Option<ComplaintStatus>,
    pub to: ComplaintStatus,
    /// The user name, and the person's name as people read it.
    pub user: String,
    pub user_name: String,
    pub role: Role,
    pub at: String,
    pub at_jalali: String,
    pub note: Option<String>,
}

/// A step taken on a complaint, with what each step needs: the assignee's user name, the
/// answer's text, the closing note (blank means none).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum ComplaintDecision {
    Assign { to: String },
    Answer { text: String },
    Close { note: Option<String> },
}

/// Someone a complaint can be given to: an active member of staff of an assignable role. Only
/// what the person choosing needs (no account state).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Assignee {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// A complaint with everything its page shows.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct ComplaintView {
    pub id: String,
    #[ts(type = "string")]
    pub tracking_code: TrackingCode,
    pub tracking_code_grouped: String,
    pub kind: ComplaintKind,
    pub status: ComplaintStatus,
    pub version: i64,
    pub name: String,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub text: String,
    /// The linked request's tracking code, and grouped as people read it.
    pub request_code: Option<String>,
    pub request_code_grouped: Option<String>,
    /// The user name of the member of staff it is assigned to, and their name.
    pub assigned_to: Option<String>,
    pub assigned_to_name: Option<String>,
    pub answer: Option<String>,
    pub created_at: String,
    pub deadline_at: Option<String>,
    pub overdue: bool,
    pub available_actions: Vec<ComplaintAction>,
    pub history: Vec<ComplaintStep>,
    // The follow-up PIN, in the answer of the registration only (stored only as a hash).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tracking_pin: Option<String>,
}

/// A line in the complaints list.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct ComplaintSummary {
    #[ts(type = "string")]
    pub tracking_code: TrackingCode,
    pub tracking_code_grouped: String,
    pub kind: ComplaintKind,
    pub status: ComplaintStatus,
    pub name: String,
    pub created_at: String,
    pub deadline_at: Option<String>,
    pub overdue: bool,
}

/// Filters of the complaints list.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct ComplaintQuery {
    /// One state; all open ones (not closed) when absent.
    pub status: Option<String>,
    /// Only those assigned to the asking user.
    #[serde(default)]
    pub mine: bool,
    pub limit: Option<i64>,
}

/// A complaint state's target in working hours.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct ComplaintTarget {
    pub status: ComplaintStatus,
    pub hours: u32,
}

fn default_target_hours(status: ComplaintStatus) -> Option<u32> {
    match status {
        // Routed within two working days, answered within five, closed within three.
        ComplaintStatus::Registered => Some(16),
        ComplaintStatus::Assigned => Some(40),
        ComplaintStatus::Answered => Some(24),
        ComplaintStatus::Closed => None,
    }
}

fn target_key(status: ComplaintStatus) -> String {
    format!("complaint_target_hours.{}", status.as_str())
}

impl Service {
    /// Registers a complaint, suggestion or comment and gives it a tracking code. Clerks only.
    pub async fn register_complaint(
        &self,
        actor: &Actor,
        new: NewComplaint,
    ) -> Result<ComplaintView> {
        self.authorize(actor, REGISTERS).await?;
        self.file_complaint(actor, new, None).await
    }

    /// [`Service::register_complaint`] once the caller is authorized. With `requests_of`, the
    /// linked request must be that organization's (an agency's complaint names its own
    /// requests only; another's is "not found").
    pub(crate) async fn file_complaint(
        &self,
        actor: &Actor,
        new: NewComplaint,
        requests_of: Option<&str>,
    ) -> Result<ComplaintView> {
        self.ensure_writable(actor).await?;
        let kind = ComplaintKind::parse("kind", &new.kind)?;
        let name = validate::required_text("name", &new.name, 100)?;
        let mobile = match new.mobile.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(m) => Some(validate::mobile("mobile", m)?),
        };
        let email = match new.email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(e) => Some(validate::email("email", e)?),
        };
        if mobile.is_none() && email.is_none() {
            return Err(Error::invalid("mobile", "error-contact-required"));
        }
        let text = validate::required_text("text", &new.text, MAX_TEXT)?;
        let request_id = match new.request_code.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(code) => {
                let code = TrackingCode::parse(code)
                    .map_err(|e| Error::invalid("request_code", e.message_id()))?;
                let row = on_store!(&self.store, ops, pool => ops::request_by_code(pool, code.as_str()).await)?
                    .filter(|r| requests_of.is_none_or(|org| r.requesting_org_id == org))
                    .ok_or_else(|| Error::invalid("request_code", "error-not-found-request"))?;
                Some(row.id)
            }
        };
        let now = self.now_micros();
        let deadline = self
            .complaint_deadline(ComplaintStatus::Registered, now)
            .await?;
        let id = uuid::Uuid::now_v7().to_string();
        let mut row = ComplaintRow {
            id: id.clone(),
            tracking_code: String::new(),
            kind: kind.as_str().to_owned(),
            person_name: name,
            mobile,
            email,
            body: text,
            request_id,
            status: ComplaintStatus::Registered.as_str().to_owned(),
            version: 1,
            assigned_to: None,
            answer: None,
            status_since: now,
            deadline_at: deadline,
            created_by: actor.user_id.clone(),
            created_at: now,
            updated_at: now,
        };
        let step = ComplaintStepRow {
            id: uuid::Uuid::now_v7().to_string(),
            complaint_id: id.clone(),
            seq: 1,
            action: "register".to_owned(),
            from_status: None,
            to_status: ComplaintStatus::Registered.as_str().to_owned(),
            user_id: actor.user_id.clone(),
            username: actor.username.clone(),
            display_name: actor.display_name.clone(),
            role: actor.role.as_str().to_owned(),
            at: now,
            note: None,
        };
        let pin = crate::pin::new_pin();
        let portal = match row.email {
            Some(_) => self.portal_address().await?,
            None => None,
        };
        let code = on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            let mut claimed = None;
            for _ in 0..CODE_ATTEMPTS {
                let candidate = self.codes.next_code();
                if ops::claim_tracking_code(w.tx(), candidate.as_str(), "complaint", now).await? {
                    claimed = Some(candidate);
                    break;
                }
                tracing::warn!("tracking code collision; drawing another");
            }
            let Some(code) = claimed else {
                return Err(Error::Storage("no free tracking code".to_owned()));
            };
            row.tracking_code = code.as_str().to_owned();
            ops::insert_complaint(w.tx(), &row).await?;
            ops::set_complaint_pin(w.tx(), &id, &crate::pin::pin_hash(code.as_str(), &pin)).await?;
            ops::insert_complaint_step(w.tx(), &step).await?;
            if let Some(email) = row.email.as_deref() {
                // The registration e-mail: the code and its PIN, masked once sent.
                let args = [
                    ("name", row.person_name.clone()),
                    crate::outbox::code_arg(&code),
                    ("portal", portal.as_deref().unwrap_or("none").to_owned()),
                ];
                let message = crate::outbox::compose_with_secret(
                    "complaint", &id, "complaint-registered", email, &args,
                    ("pin", pin.clone()), now,
                );
                ops::insert_outbox(w.tx(), &message).await?;
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: "complaint.register".to_owned(),
                entity: "complaint".to_owned(),
                entity_id: Some(id.clone()),
                detail: json!({ "tracking_code": code.as_str(), "kind": kind.as_str() }),
            }).await?;
            Ok(code)
        }).await)?;
        let mut view = self.complaint_view(actor, &code).await?;
        view.tracking_pin = Some(pin);
        Ok(view)
    }

    /// A complaint by its tracking code. An auditor's look at the person's contact is recorded.
    pub async fn complaint_by_code(&self, actor: &Actor, code: &str) -> Result<ComplaintView> {
        self.authorize(actor, READERS).await?;
        let code = TrackingCode::parse(code)?;
        let view = self.complaint_view(actor, &code).await?;
        self.record_personal_view(actor, "complaint", &view.id, &code)
            .await?;
        Ok(view)
    }

    /// Gives the complaint to `username` (a clerk, reviewer, director or ministry user) to answer.
    /// Clerks and the director route; assigning again re-routes.
    pub async fn assign_complaint(
        &self,
        actor: &Actor,
        code: &str,
        username: &str,
        expected_version: Option<i64>,
    ) -> Result<ComplaintView> {
        self.authorize(
            actor,
            complaint_workflow::roles_for(ComplaintAction::Assign),
        )
        .await?;
        self.ensure_writable(actor).await?;
        let assignee = self
            .user_named(username)
            .await
            .map_err(|_| Error::invalid("assignee", "error-not-found-user"))?;
        let assignee_role = Role::parse("role", &assignee.role)?;
        if !assignee.active || !ASSIGNABLE.contains(&assignee_role) {
            return Err(Error::invalid("assignee", "error-complaint-assignee-role"));
        }
        let note = json!({ "assignee": assignee.username });
        self.step_complaint(
            actor,
            code,
            ComplaintAction::Assign,
            expected_version,
            Some(assignee.id),
            None,
            // The history reads as people do: the assignee's name as it was then.
            Some(assignee.display_name.clone()),
            note,
        )
        .await
    }

    /// Who a complaint can be assigned to, by name: for whoever may assign (the administrator's
    /// user list is not theirs to read).
    pub async fn complaint_assignees(&self, actor: &Actor) -> Result<Vec<Assignee>> {
        self.authorize(
            actor,
            complaint_workflow::roles_for(ComplaintAction::Assign),
        )
        .await?;
        let rows = on_store!(&self.store, ops, pool => ops::list_users(pool).await)?;
        let mut staff: Vec<Assignee> = rows
            .into_iter()
            .filter(|u| u.active)
            .filter_map(|u| {
                let role = Role::parse("role", &u.role).ok()?;
                ASSIGNABLE.contains(&role).then_some(Assignee {
                    username: u.username,
                    display_name: u.display_name,
                    role,
                })
            })
            .collect();
        staff.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        Ok(staff)
    }

    /// Records the answer given to the person. The assignee (or the director) only.
    pub async fn answer_complaint(
        &self,
        actor: &Actor,
        code: &str,
        answer: &str,
        expected_version: Option<i64>,
    ) -> Result<ComplaintView> {
        self.authorize(
            actor,
            complaint_workflow::roles_for(ComplaintAction::Answer),
        )
        .await?;
        self.ensure_writable(actor).await?;
        let answer = validate::required_text("answer", answer, MAX_TEXT)?;
        self.step_complaint(
            actor,
            code,
            ComplaintAction::Answer,
            expected_version,
            None,
            Some(answer.clone()),
            Some(answer),
            json!({}),
        )
        .await
    }

    /// One step on a complaint at the version the user was looking at (a change made meanwhile
    /// at another desk comes back as a conflict): what every front end calls.
    pub async fn take_complaint_step(
        &self,
        actor: &Actor,
        code: &str,
        step: ComplaintDecision,
        expected_version: Option<i64>,
    ) -> Result<ComplaintView> {
        match step {
            ComplaintDecision::Assign { to } => {
                self.assign_complaint(actor, code, &to, expected_version)
                    .await
            }
            ComplaintDecision::Answer { text } => {
                self.answer_complaint(actor, code, &text, expected_version)
                    .await
            }
            ComplaintDecision::Close { note } => {
                self.close_complaint(actor, code, note.as_deref(), expected_version)
                    .await
            }
        }
    }

    /// Closes an answered complaint. Clerks and the director.
    pub async fn close_complaint(
        &self,
        actor: &Actor,
        code: &str,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<ComplaintView> {
        self.authorize(actor, complaint_workflow::roles_for(ComplaintAction::Close))
            .await?;
        self.ensure_writable(actor).await?;
        let note = validate::optional_text("note", note, 1000)?;
        self.step_complaint(
            actor,
            code,
            ComplaintAction::Close,
            expected_version,
            None,
            None,
            note,
            json!({}),
        )
        .await
    }

    /// Open complaints (or those in one state), soonest deadline first.
    pub async fn complaints(
        &self,
        actor: &Actor,
        q: ComplaintQuery,
    ) -> Result<Vec<ComplaintSummary>> {
        self.authorize(actor, READERS).await?;
        let limit = crate::search::check_limit(q.limit)?;
        let statuses: Vec<String> = match q.status.as_deref().map(str::trim) {
            None | Some("") => ComplaintStatus::ALL
                .iter()
                .filter(|s| **s != ComplaintStatus::Closed)
                .map(|s| s.as_str().to_owned())
                .collect(),
            Some(s) => vec![ComplaintStatus::parse("status", s)?.as_str().to_owned()],
        };
        let mine = q.mine.then_some(actor.user_id.as_str());
        let rows = on_store!(&self.store, ops, pool => ops::list_complaints(pool, &statuses, mine, limit).await)?;
        let now = self.now_micros();
        rows.into_iter()
            .map(|r| {
                let tracking_code = TrackingCode::parse(&r.tracking_code)?;
                Ok(ComplaintSummary {
                    tracking_code_grouped: tracking_code.grouped(),
                    tracking_code,
                    kind: ComplaintKind::parse("kind", &r.kind)?,
                    status: ComplaintStatus::parse("status", &r.status)?,
                    name: r.person_name,
                    created_at: rfc3339(r.created_at),
                    deadline_at: r.deadline_at.map(rfc3339),
                    overdue: r.deadline_at.is_some_and(|d| d < now),
                })
            })
            .collect()
    }

    /// The target of every open complaint state.
    pub async fn complaint_targets(&self, actor: &Actor) -> Result<Vec<ComplaintTarget>> {
        self.authorize(actor, crate::service::ANY_ROLE).await?;
        let mut out = Vec::new();
        for status in ComplaintStatus::ALL {
            if let Some(hours) = self.complaint_target_hours(*status).await? {
                out.push(ComplaintTarget {
                    status: *status,
                    hours,
                });
            }
        }
        Ok(out)
    }

    /// Sets a complaint state's target in working hours. Administrator only.
    pub async fn set_complaint_target(
        &self,
        actor: &Actor,
        status: ComplaintStatus,
        hours: u32,
    ) -> Result<()> {
        self.authorize(actor, &[Role::Admin]).await?;
        if default_target_hours(status).is_none() {
            return Err(Error::invalid("status", "error-status-unknown"));
        }
        if !(1..=10_000).contains(&hours) {
            return Err(Error::invalid("hours", "error-target-hours-range"));
        }
        let key = target_key(status);
        let draft = AuditDraft {
            at: self.now_micros(),
            user_id: Some(actor.user_id.clone()),
            action: "settings.complaint_target".to_owned(),
            entity: "settings".to_owned(),
            entity_id: Some(key.clone()),
            detail: json!({ "status": status.as_str(), "hours": hours }),
        };
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            ops::put_setting(w.tx(), &key, &hours.to_string()).await?;
            w.audit(draft).await
        }).await)
    }

    async fn complaint_target_hours(&self, status: ComplaintStatus) -> Result<Option<u32>> {
        let Some(default) = default_target_hours(status) else {
            return Ok(None);
        };
        let stored =
            on_store!(&self.store, ops, pool => ops::setting(pool, &target_key(status)).await)?;
        Ok(Some(stored.and_then(|v| v.parse().ok()).unwrap_or(default)))
    }

    async fn complaint_deadline(&self, status: ComplaintStatus, at: i64) -> Result<Option<i64>> {
        let Some(hours) = self.complaint_target_hours(status).await? else {
            return Ok(None);
        };
        let due = self
            .working_calendar()
            .await?
            .add_working_hours(from_micros(at), hours);
        Ok(Some(crate::clock::micros(due)))
    }

    /// One step: checked against the workflow, applied only at the expected version, recorded in
    /// the history and the audit log in one transaction.
    #[allow(clippy::too_many_arguments)]
    async fn step_complaint(
        &self,
        actor: &Actor,
        code: &str,
        action: ComplaintAction,
        expected_version: Option<i64>,
        assigned_to: Option<String>,
        answer: Option<String>,
        history_note: Option<String>,
        detail: serde_json::Value,
    ) -> Result<ComplaintView> {
        let code = TrackingCode::parse(code)?;
        let row =
            on_store!(&self.store, ops, pool => ops::complaint_by_code(pool, code.as_str()).await)?
                .ok_or(Error::NotFound { what: "complaint" })?;
        let version = expected_version.unwrap_or(row.version);
        if version != row.version {
            return Err(conflict());
        }
        let from = ComplaintStatus::parse("status", &row.status)?;
        let is_assignee = row.assigned_to.as_deref() == Some(actor.user_id.as_str());
        let to = complaint_workflow::next_status(actor.role, action, from, is_assignee)?;
        let now = self.now_micros();
        let deadline = self.complaint_deadline(to, now).await?;
        let step = ComplaintStepRow {
            id: uuid::Uuid::now_v7().to_string(),
            complaint_id: row.id.clone(),
            seq: version + 1,
            action: action.as_str().to_owned(),
            from_status: Some(from.as_str().to_owned()),
            to_status: to.as_str().to_owned(),
            user_id: actor.user_id.clone(),
            username: actor.username.clone(),
            display_name: actor.display_name.clone(),
            role: actor.role.as_str().to_owned(),
            at: now,
            note: history_note,
        };
        let change = ComplaintMove {
            id: row.id.clone(),
            expected_version: version,
            status: to.as_str().to_owned(),
            deadline_at: deadline,
            assigned_to,
            answer,
            at: now,
        };
        let message = match (action, row.email.as_deref(), &change.answer) {
            (ComplaintAction::Answer, Some(email), Some(answer)) => Some(crate::outbox::compose(
                "complaint",
                &row.id,
                "complaint-answered",
                email,
                &[
                    ("name", row.person_name.clone()),
                    crate::outbox::code_arg(&code),
                    ("answer", answer.clone()),
                ],
                now,
            )),
            _ => None,
        };
        let mut detail = detail;
        detail["tracking_code"] = json!(code.as_str());
        detail["from"] = json!(from.as_str());
        detail["to"] = json!(to.as_str());
        on_store!(&self.store, ops, pool => ops::audited_write(pool, async |w| {
            if !ops::move_complaint(w.tx(), &change).await? {
                return Err(conflict());
            }
            ops::insert_complaint_step(w.tx(), &step).await?;
            if let Some(message) = &message {
                ops::insert_outbox(w.tx(), message).await?;
            }
            w.audit(AuditDraft {
                at: now,
                user_id: Some(actor.user_id.clone()),
                action: format!("complaint.{}", action.as_str()),
                entity: "complaint".to_owned(),
                entity_id: Some(row.id.clone()),
                detail,
            }).await?;
            Ok(())
        }).await)?;
        self.complaint_view(actor, &code).await
    }

    pub(crate) async fn complaint_view(
        &self,
        actor: &Actor,
        code: &TrackingCode,
    ) -> Result<ComplaintView> {
        let row =
            on_store!(&self.store, ops, pool => ops::complaint_by_code(pool, code.as_str()).await)?
                .ok_or(Error::NotFound { what: "complaint" })?;
        let (history, request_code, assignee) = on_store!(&self.store, ops, pool => {
            let history = ops::complaint_history(pool, &row.id).await?;
            let request_code = match &row.request_id {
                Some(id) => ops::request_code_by_id(pool, id).await?,
                None => None,
            };
            let assignee = match &row.assigned_to {
                Some(id) => ops::user_by_id(pool, id).await?.map(|u| (u.username, u.display_name)),
                None => None,
            };
            (history, request_code, assignee)
        });
        let status = ComplaintStatus::parse("status", &row.status)?;
        let now = self.now_micros();
        let is_assignee = row.assigned_to.as_deref() == Some(actor.user_id.as_str());
        let history = history
            .into_iter()
            .map(|h| {
                Ok(ComplaintStep {
                    action: h.action,
                    from: h
                        .from_status
                        .as_deref()
                        .map(|s| ComplaintStatus::parse("status", s))
                        .transpose()?,
                    to: ComplaintStatus::parse("status", &h.to_status)?,
                    user: h.username,
                    user_name: h.display_name,
                    role: Role::parse("role", &h.role)?,
                    at: rfc3339(h.at),
                    at_jalali: sanad_core::jalali::format_datetime_tehran(from_micros(h.at)),
                    note: h.note,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(ComplaintView {
            tracking_code: code.clone(),
            tracking_code_grouped: code.grouped(),
            kind: ComplaintKind::parse("kind", &row.kind)?,
            status,
            version: row.version,
            name: row.person_name,
            mobile: row.mobile,
            email: row.email,
            text: row.body,
            request_code_grouped: request_code
                .as_deref()
                .and_then(|c| TrackingCode::parse(c).ok())
                .map(|c| c.grouped()),
            request_code,
            assigned_to: assignee.as_ref().map(|(username, _)| username.clone()),
            assigned_to_name: assignee.map(|(_, name)| name),
            answer: row.answer,
            created_at: rfc3339(row.created_at),
            deadline_at: row.deadline_at.map(rfc3339),
            overdue: row.deadline_at.is_some_and(|d| d < now),
            available_actions: complaint_workflow::available_actions(
                actor.role,
                status,
                is_assignee,
            ),
            history,
            id: row.id,
            tracking_pin: None,
        })
    }
}

fn conflict() -> Error {
    Error::Conflict {
        message_id: "error-conflict-complaint-changed",
    }
}
