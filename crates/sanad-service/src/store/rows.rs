//! Rows as stored: plain types both backends decode the same way (text, 64-bit integers, booleans).

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub password_hash: String,
    pub active: bool,
    pub must_change_password: bool,
    pub created_at: i64,
    pub locked_until: Option<i64>,
    /// The agency an agency officer acts for; `None` for staff.
    #[sqlx(default)]
    pub organization_id: Option<String>,
    /// The settings' change count as of this read (`crate::config_cache`), where the read asks.
    #[sqlx(default)]
    pub config_version: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub national_id: Option<String>,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocRow {
    pub id: String,
    pub registry_number: String,
    pub title: String,
    pub property_plate: Option<String>,
    pub location: Option<String>,
    pub in_repository: bool,
    pub out_request_id: Option<String>,
    pub created_at: i64,
    /// The organization the document is held for, if recorded.
    pub organization_id: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: String,
    pub tracking_code: String,
    pub requesting_org_id: String,
    pub destination_org_id: Option<String>,
    pub needs_ministry: bool,
    pub dispatch_mode: String,
    pub return_due: Option<String>,
    pub applicant_name: String,
    pub applicant_national_code: String,
    pub applicant_mobile: String,
    pub applicant_email: Option<String>,
    pub letter_number: String,
    pub letter_date: String,
    pub purpose: String,
    pub priority: String,
    pub status: String,
    pub version: i64,
    pub status_since: i64,
    pub deadline_at: Option<i64>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A request as it goes in: the row plus the keys derived for search.
#[derive(Debug, Clone)]
pub struct NewRequestRow {
    pub row: RequestRow,
    pub letter_number_key: String,
    pub search_key: String,
    pub document_ids: Vec<String>,
    /// The desk's key for this registration, so a retry returns this request (see migration 0005).
    pub idempotency_key: Option<String>,
}

/// One line of a request's history, with the acting user's name joined in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TransitionRow {
    pub id: String,
    pub request_id: String,
    pub seq: i64,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub at: i64,
    pub note: Option<String>,
    /// The person away, when the step was taken under a delegation (`delegation_id`).
    pub acting_for: Option<String>,
    /// Their display name, read with the history.
    #[sqlx(default)]
    pub acting_for_name: Option<String>,
    pub delegation_id: Option<String>,
}

/// Everything a request's page shows, read together (`request_page`).
#[derive(Debug, Clone)]
pub struct RequestPageRows {
    pub request: RequestRow,
    pub requesting: Option<OrgRow>,
    pub destination: Option<OrgRow>,
    pub documents: Vec<DocRow>,
    pub history: Vec<TransitionRow>,
}

/// A queue or search hit: enough to list it without loading the whole request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestSummaryRow {
    pub id: String,
    pub tracking_code: String,
    pub status: String,
    pub version: i64,
    pub priority: String,
    pub dispatch_mode: String,
    pub requesting_org_id: String,
    pub requesting_org_name: String,
    pub applicant_name: String,
    pub letter_number: String,
    pub status_since: i64,
    pub deadline_at: Option<i64>,
    pub created_at: i64,
    /// `desk` or `portal`, and for the portal the submitting agency account's name.
    pub channel: String,
    pub portal_account: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub user_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// An audit entry queued by a write and not yet sealed onto the chain.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PendingRow {
    pub id: i64,
    pub at: i64,
    pub user_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
    pub entry_hash: String,
}

/// The chain's head inside a write transaction: the last sequence number and hash.
#[derive(Debug, Clone)]
pub struct AuditHead {
    pub seq: i64,
    pub hash: String,
}

/// An audit entry before it is chained.
#[derive(Debug, Clone)]
pub struct AuditDraft {
    pub at: i64,
    pub user_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: serde_json::Value,
}

/// A filter value for dynamically built queries.
#[derive(Debug, Clone)]
pub enum Bind {
    Text(String),
    Int(i64),
}

/// Search filters, already validated and normalized by the service.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    pub tracking_code: Option<String>,
    pub org_id: Option<String>,
    pub letter_number_key: Option<String>,
    pub statuses: Vec<String>,
    pub created_from: Option<i64>,
    pub created_before: Option<i64>,
    pub text_key: Option<String>,
    /// Keyset cursor: results strictly older than (created_at, id).
    pub before: Option<(i64, String)>,
    pub limit: i64,
}

/// The queue's page: requests in `statuses`, after (deadline, id).
#[derive(Debug, Clone)]
pub struct QueueFilter {
    pub statuses: Vec<String>,
    pub after: Option<(i64, String)>,
    pub limit: i64,
}

/// The auditor's filters, already resolved to ids and instants.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub user_id: Option<String>,
    /// An action (`request.approve`) or a family prefix (`request`).
    pub action: Option<String>,
    pub entity_id: Option<String>,
    pub from: Option<i64>,
    pub before_time: Option<i64>,
    pub before_seq: Option<i64>,
    pub limit: i64,
}

/// The WHERE clause of a dynamically filtered query and its values, numbered `$1, $2, …` in the
/// order they are bound (both backends accept that numbering).
#[derive(Debug, Default)]
pub struct Conditions {
    pub binds: Vec<Bind>,
    parts: Vec<String>,
}

impl Conditions {
    /// Adds a value; returns its placeholder number.
    pub fn bind(&mut self, value: Bind) -> usize {
        self.binds.push(value);
        self.binds.len()
    }

    /// Adds a condition (they are joined with AND).
    pub fn and(&mut self, condition: String) {
        self.parts.push(condition);
    }

    /// `WHERE a AND b`, or nothing when there is no condition.
    pub fn where_clause(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.parts.join(" AND "))
        }
    }
}

/// `text` with LIKE's wildcards and the escape character escaped (for `ESCAPE '\'`).
pub fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ComplaintRow {
    pub id: String,
    pub tracking_code: String,
    pub kind: String,
    pub person_name: String,
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub body: String,
    pub request_id: Option<String>,
    pub status: String,
    pub version: i64,
    pub assigned_to: Option<String>,
    pub answer: Option<String>,
    pub status_since: i64,
    pub deadline_at: Option<i64>,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A complaint's move to a new state, applied only if it is still at `expected_version`.
#[derive(Debug, Clone)]
pub struct ComplaintMove {
    pub id: String,
    pub expected_version: i64,
    pub status: String,
    pub deadline_at: Option<i64>,
    pub assigned_to: Option<String>,
    pub answer: Option<String>,
    pub at: i64,
}

/// One line of a complaint's history (the user's name joined in).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ComplaintStepRow {
    pub id: String,
    pub complaint_id: String,
    pub seq: i64,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub at: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HolidayRow {
    pub day: String,
    pub title: String,
    /// Computed (a lunar day's estimate) and not yet confirmed by the administrator.
    pub estimated: bool,
}

/// A message waiting in (or gone from) the outbox.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: String,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub entity: String,
    pub entity_id: String,
    pub event: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    /// A kept file sent with the message (the certified copy, when the setting allows).
    pub attachment_file_id: Option<String>,
    /// The body with its one-time secret masked, which replaces `body` once sent.
    pub body_after_sending: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoticeRow {
    pub id: String,
    pub kind: String,
    pub body: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub read_only: bool,
    pub created_by: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

/// A request as the reports need it (no personal data).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportRequestRow {
    pub id: String,
    pub status: String,
    pub priority: String,
    pub dispatch_mode: String,
    pub return_due: Option<String>,
    pub org_name: String,
}

/// One step of a request's history, for stage times.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportStepRow {
    pub request_id: String,
    pub to_status: String,
    pub at: i64,
}

/// One issued copy of a request's slip.
#[derive(Debug, Clone)]
pub struct SlipPrintRow {
    pub id: String,
    pub request_id: String,
    pub copy: i64,
    pub paper: String,
    pub printer: Option<String>,
    pub printed_by: String,
    pub printed_at: i64,
}

/// How a column is stored, as backups read and write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Int,
    Bool,
    Bytes,
}

/// One value of a restored row, already checked against its column's kind.
#[derive(Debug, Clone)]
pub enum StoredValue {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(Option<bool>),
    Bytes(Option<Vec<u8>>),
}

/// A table's rows as a backup restores them.
#[derive(Debug, Clone)]
pub struct RestoredTable<'a> {
    pub table: &'a str,
    pub columns: Vec<&'a str>,
    /// Replace the rows migrations shipped (the backup's edited holiday list wins).
    pub replace_seeded: bool,
    pub rows: Vec<Vec<StoredValue>>,
}

/// A kept file without its bytes: what lists and pages show.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredFileRow {
    pub id: String,
    pub kind: String,
    pub size_bytes: i64,
    pub pages: i64,
    pub sha256: String,
    pub original_name: Option<String>,
    pub added_by_name: String,
    pub added_at: i64,
    /// The scan's version (document scans) or the attachment's position (request files).
    pub number: i64,
    pub title: String,
    /// `letter` or `enclosure` for a request's file; empty for a document's scan.
    pub purpose: String,
}

/// A file's bytes and what is known of them, as the use case has checked them.
pub struct NewStoredFile<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub size_bytes: i64,
    pub pages: i64,
    pub sha256: &'a str,
    pub original_name: Option<&'a str>,
    pub content: &'a [u8],
    pub added_by: &'a str,
    pub added_at: i64,
}

/// A delegation with the names of the two people (`ops/delegations.rs`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DelegationRow {
    pub id: String,
    pub from_user_id: String,
    pub from_username: String,
    pub from_name: String,
    pub to_username: String,
    pub to_name: String,
    pub role: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub order_number: String,
    pub note: Option<String>,
    pub ended_at: Option<i64>,
}

/// What the public lookup reads of a tracking code: its kind, its PIN's hash, its state and
/// since when. Nothing personal.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrackedRow {
    pub kind: String,
    pub tracking_pin_hash: Option<String>,
    pub status: String,
    pub status_since: i64,
}

/// A portal session as stored: the SHA-256 of its cookie's id, whose it is, its CSRF token.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PortalSessionRow {
    pub id_hash: String,
    pub user_id: String,
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// An API token as stored (`crate::portal_tokens`): only the SHA-256 of its secret, with its
/// agency's name for lists and for the actor it authenticates as.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PortalTokenRow {
    pub id: String,
    pub organization_id: String,
    pub organization_name: String,
    pub label: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

/// A signing key's public half and validity (`signing_keys`); times in UTC microseconds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SigningKeyRow {
    pub kid: String,
    pub public_key: Vec<u8>,
    pub valid_from: i64,
    pub valid_until: Option<i64>,
    pub revoked_from: Option<i64>,
    pub created_by: String,
}

/// A certified electronic copy issued at dispatch (`ecopies`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EcopyRow {
    pub id: String,
    pub request_id: String,
    pub file_id: String,
    pub sha256: String,
    pub token: String,
    pub issued_by: String,
    pub issued_at: i64,
}
