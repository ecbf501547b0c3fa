//! The portal's PostgreSQL login role (`sanad portal create-role`): created with only the
//! privileges the portal's statements need. PostgreSQL only.
//!
//! The grants, and why each is there (ARCHITECTURE.md, "The portal's database role"):
//! - reads of the catalog, the calendar, settings and notices (deadlines, the pages' notices);
//! - `users`: every column but `password_hash` (sign-in and each call's check of its actor read
//!   it through `sanad_password_hash`, which serves agency officers' hashes only, and passwords
//!   are set through `sanad_set_password`, agency rows only); UPDATE of `failed_logins` and
//!   `locked_until` only (the lockout);
//! - `requests`: SELECT and INSERT (the agency's registration), UPDATE of `tracking_pin_hash`,
//!   `channel`, the state columns and the correctable ones — which the trigger
//!   `requests_portal_steps_only` (migration 0025) limits to the portal's own step, correction →
//!   submitted (a resubmission), with corrections only while sent back; never any other step,
//!   and no other column; with `tracking_codes`, `request_documents`, `transitions`,
//!   `status_counts` and `deadline_counts` (their triggers),
//!   `outbox` (the registration's e-mail), `receipt_pins`, `stored_files` and `request_files`
//!   (the agency's letter) for the same registration;
//! - `ecopies` (SELECT): the destination's download of its certified copy (the PDF is a
//!   `stored_files` row); the download's one step, `dispatched` → `delivered`, goes through the
//!   owner's function `sanad_deliver_by_download` (migration 0021), which can take no other;
//! - `signing_keys` (SELECT; public halves and validity only, the private halves live in the
//!   desks' keychains): the published key set and the `/verify` page's checks;
//! - `complaints`, `complaint_history`: SELECT and INSERT (the lookup, a complaint from the
//!   portal), UPDATE of `complaints.tracking_pin_hash` only;
//! - the portal's own tables: `portal_sessions`, `track_failures`; `portal_tokens` without INSERT
//!   (tokens are issued at a desk or with `sanad`) and UPDATE of its call counters only;
//! - the audit log: INSERT into the queue `audit_pending`; the sealer's statements (SELECT and
//!   DELETE of queued entries, INSERT into `audit_log`, UPDATE of `audit_head`) — and of
//!   `audit_log` nothing else: no UPDATE or DELETE (its triggers refuse those anyway), and SELECT
//!   of `seq` and `pending_id` only (the sealer's own check), so the portal reads no entry.

use sanad_core::{Error, Result};

use super::Pool;
use crate::store::storage;

/// (privileges, table): the grants, table by table. Column lists are the columns the portal's
/// statements touch.
const GRANTS: &[(&str, &str)] = &[
    ("SELECT", "_sqlx_migrations"),
    (
        "SELECT (id, username, username_key, display_name, role, active, must_change_password, \
         created_at, failed_logins, locked_until, organization_id)",
        "users",
    ),
    ("UPDATE (failed_logins, locked_until)", "users"),
    ("SELECT", "organizations"),
    ("SELECT", "documents"),
    ("SELECT", "settings"),
    ("SELECT", "office_profile"),
    ("SELECT", "holidays"),
    ("SELECT", "holiday_years"),
    ("SELECT", "holidays_removed"),
    ("SELECT", "notices"),
    ("SELECT", "delegations"),
    ("SELECT, INSERT", "tracking_codes"),
    ("SELECT, INSERT", "requests"),
    (
        "UPDATE (tracking_pin_hash, channel, status, version, status_since, deadline_at, \
         updated_at, applicant_name, applicant_national_code, applicant_mobile, applicant_email, \
         letter_number, letter_number_key, letter_date, purpose, search_key)",
        "requests",
    ),
    ("SELECT, INSERT", "request_documents"),
    ("SELECT, INSERT", "transitions"),
    ("SELECT, INSERT, UPDATE", "status_counts"),
    ("SELECT, INSERT, UPDATE", "deadline_counts"),
    ("SELECT, INSERT", "outbox"),
    ("SELECT, INSERT, DELETE", "receipt_pins"),
    ("SELECT, INSERT", "stored_files"),
    ("SELECT, INSERT", "request_files"),
    ("SELECT", "ecopies"),
    ("SELECT", "signing_keys"),
    ("SELECT, INSERT", "complaints"),
    ("UPDATE (tracking_pin_hash)", "complaints"),
    ("SELECT, INSERT", "complaint_history"),
    ("SELECT, INSERT, UPDATE, DELETE", "portal_sessions"),
    ("SELECT, INSERT, UPDATE", "track_failures"),
    (
        "SELECT (id, organization_id, label, token_hash, created_at, revoked_at, last_used_at, \
         window_start, window_calls)",
        "portal_tokens",
    ),
    (
        "UPDATE (window_start, window_calls, last_used_at)",
        "portal_tokens",
    ),
    ("SELECT, INSERT, DELETE", "audit_pending"),
    ("SELECT (seq, pending_id), INSERT", "audit_log"),
    ("SELECT, UPDATE", "audit_head"),
];

/// Whether a role named `role` exists in the cluster.
pub async fn role_exists(pool: &Pool, role: &str) -> Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
        .bind(role)
        .fetch_one(pool)
        .await
        .map_err(storage)
}

/// Creates login role `role` (a name the caller checked) with `password` and the grants above,
/// in one transaction: all of it or nothing.
pub async fn create_portal_role(pool: &Pool, role: &str, password: &str) -> Result<()> {
    let mut tx = pool.begin().await.map_err(storage)?;
    // Utility statements take no parameters: the server quotes the name and the password.
    let create: String = sqlx::query_scalar(
        "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT \
         PASSWORD %L', $1::text, $2::text)",
    )
    .bind(role)
    .bind(password)
    .fetch_one(&mut *tx)
    .await
    .map_err(storage)?;
    let mut statements = vec![create];
    let scoped: Vec<String> = sqlx::query_scalar(
        "SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) \
         UNION ALL SELECT format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), $1::text) \
         UNION ALL SELECT format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', \
                                 current_schema(), $1::text)",
    )
    .bind(role)
    .fetch_all(&mut *tx)
    .await
    .map_err(storage)?;
    statements.extend(scoped);
    for (privileges, table) in GRANTS {
        let grant: String = sqlx::query_scalar(
            "SELECT format('GRANT %s ON %I TO %I', $1::text, $2::text, $3::text)",
        )
        .bind(privileges)
        .bind(table)
        .bind(role)
        .fetch_one(&mut *tx)
        .await
        .map_err(storage)?;
        statements.push(grant);
    }
    for statement in statements {
        sqlx::query(&statement)
            .execute(&mut *tx)
            .await
            .map_err(|e| match e.as_database_error().and_then(|d| d.code()) {
                // 42501: the caller is not the owner of the database's tables.
                Some(code) if code == "42501" => Error::not_permitted("error-portal-role-owner"),
                _ => storage(e),
            })?;
    }
    tx.commit().await.map_err(storage)?;
    Ok(())
}
