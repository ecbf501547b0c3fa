//! What the service API takes and returns (plain data, kept beside the rules so that tools which
//! only parse or print it need no storage code). These are the shapes the CLI prints with `--json` and
//! the desktop app receives; field names are stable.

use crate::jalali::JalaliDate;
use crate::model::{Action, DispatchMode, OrgKind, Priority, Role, Status};
use crate::workflow::AvailableAction;
use crate::TrackingCode;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::kept_file::{FilePurpose, KeptFile};
pub use crate::request_form::{Applicant, Letter, NewRequest};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct User {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub must_change_password: bool,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub kind: OrgKind,
    pub national_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewOrganization {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub national_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Document {
    pub id: String,
    pub registry_number: String,
    pub title: String,
    pub property_plate: Option<String>,
    pub location: Option<String>,
    pub in_repository: bool,
    /// The organization the document is held for (`None`: not recorded).
    pub organization_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewDocument {
    pub registry_number: String,
    pub title: String,
    #[serde(default)]
    pub property_plate: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    /// The organization the document is held for: only that agency may ask for it on the portal.
    #[serde(default)]
    pub organization_id: Option<String>,
}

/// One step in a request's history.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct HistoryEntry {
    pub action: String,
    pub from: Option<Status>,
    pub to: Status,
    /// The username.
    pub user: String,
    /// The user's display name (kept after deactivation: users are never deleted).
    pub user_name: String,
    pub role: Role,
    /// RFC 3339, UTC.
    pub at: String,
    /// The same instant in Asia/Tehran on the Jalali calendar, `1404/10/30 14:05`.
    pub at_jalali: String,
    pub note: Option<String>,
    /// Taken under a delegation: the display name of the person acted for (`role` is then the
    /// delegated role, `user_name` the real person).
    #[serde(default)]
    pub acting_for: Option<String>,
    /// The delegation it was taken under.
    #[serde(default)]
    pub delegation_id: Option<String>,
}

/// A request with everything a desk shows on its page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct RequestView {
    pub id: String,
    #[ts(type = "string")]
    pub tracking_code: TrackingCode,
    /// `3581-2290-4417`.
    pub tracking_code_grouped: String,
    pub status: Status,
    /// Pass back with an action so a change made meanwhile at another desk is detected.
    pub version: i64,
    pub requesting_org: Organization,
    pub destination_org: Option<Organization>,
    pub needs_ministry: bool,
    pub documents: Vec<Document>,
    pub dispatch_mode: DispatchMode,
    #[ts(type = "string | null")]
    pub return_due: Option<JalaliDate>,
    pub applicant: Applicant,
    pub letter: Letter,
    pub purpose: String,
    pub priority: Priority,
    pub created_at: String,
    pub deadline_at: Option<String>,
    pub overdue: bool,
    /// What the asking user's role may do now (the spellings, as `sanad request show --json`
    /// has always printed them).
    pub available_actions: Vec<Action>,
    /// The same steps with whether each asks for a reason: what the window's buttons show.
    /// (Absent in a request written before it existed, as a saved slip's JSON: none.)
    #[serde(default)]
    pub actions: Vec<AvailableAction>,
    /// The asking user may print this request's slip now (a clerk, from approval on).
    #[serde(default)]
    pub can_print_slip: bool,
    pub history: Vec<HistoryEntry>,
    // The follow-up PIN, in the answer of the registration only: it is stored only as a hash, so
    // this is the one time anyone sees it (the receipt shows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tracking_pin: Option<String>,
}

/// One line in a queue or a search result.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct RequestSummary {
    pub id: String,
    #[ts(type = "string")]
    pub tracking_code: TrackingCode,
    /// `3581-2290-4417`, as people read it.
    pub tracking_code_grouped: String,
    pub status: Status,
    pub version: i64,
    pub priority: Priority,
    pub dispatch_mode: DispatchMode,
    pub requesting_org_id: String,
    pub requesting_org_name: String,
    pub applicant_name: String,
    pub letter_number: String,
    pub created_at: String,
    /// When it entered its current state.
    pub status_since: String,
    pub deadline_at: Option<String>,
    pub overdue: bool,
    /// In the queue of someone acting for another: the display name of the person away whose
    /// queue this row is from (shown «به جانشینی از …»); none on the reader's own rows.
    #[serde(default)]
    pub acting_for: Option<String>,
}

/// A page of results and the cursor for the next one (absent on the last page).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// A role's queue: a page of what it can act on, and counts for the whole queue.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct Queue {
    pub items: Vec<RequestSummary>,
    pub next: Option<String>,
    pub counts: Vec<StatusCount>,
    pub overdue: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, TS)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

/// Search filters as typed: every field optional, validated by the service.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct SearchQuery {
    pub code: Option<String>,
    pub org: Option<String>,
    pub letter: Option<String>,
    pub status: Option<String>,
    /// Jalali, inclusive: requests registered on or after this day (Asia/Tehran).
    pub from: Option<String>,
    /// Jalali, inclusive.
    pub to: Option<String>,
    pub text: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// How a page of a queue or search is asked for.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct PageRequest {
    pub cursor: Option<String>,
    pub limit: Option<i64>,
}

/// The outcome of `init`: whether this call created the administrator.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, TS)]
#[serde(rename_all = "snake_case")]
pub enum InitOutcome {
    Created,
    AlreadyInitialized,
}
