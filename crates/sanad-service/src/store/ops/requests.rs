//! Requests: tracking codes, registration, history lines and moves between states.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, NewRequestRow, RequestRow, TransitionRow};

pub(super) const REQUEST_COLUMNS: &str =
    "id, tracking_code, requesting_org_id, destination_org_id, \
    needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, \
    applicant_mobile, applicant_email, letter_number, letter_date, purpose, priority, status, \
    version, status_since, deadline_at, created_by, created_at, updated_at";

/// Claims a tracking code in the one namespace; `Ok(false)` when it is already taken.
pub async fn claim_tracking_code(tx: &mut Tx, code: &str, kind: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO tracking_codes (code, kind, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(code)
    .bind(kind)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_request(tx: &mut Tx, new: &NewRequestRow) -> Result<()> {
    let r = &new.row;
    sqlx::query(
        "INSERT INTO requests (id, tracking_code, requesting_org_id, destination_org_id, \
         needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, \
         applicant_mobile, letter_number, letter_number_key, letter_date, purpose, priority, \
         status, version, status_since, deadline_at, search_key, created_by, created_at, updated_at, \
         applicant_email, idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25)",
    )
    .bind(&r.id)
    .bind(&r.tracking_code)
    .bind(&r.requesting_org_id)
    .bind(&r.destination_org_id)
    .bind(r.needs_ministry)
    .bind(&r.dispatch_mode)
    .bind(&r.return_due)
    .bind(&r.applicant_name)
    .bind(&r.applicant_national_code)
    .bind(&r.applicant_mobile)
    .bind(&r.letter_number)
    .bind(&new.letter_number_key)
    .bind(&r.letter_date)
    .bind(&r.purpose)
    .bind(&r.priority)
    .bind(&r.status)
    .bind(r.version)
    .bind(r.status_since)
    .bind(r.deadline_at)
    .bind(&new.search_key)
    .bind(&r.created_by)
    .bind(r.created_at)
    .bind(r.updated_at)
    .bind(&r.applicant_email)
    .bind(&new.idempotency_key)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    for (position, doc) in new.document_ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO request_documents (request_id, document_id, position) VALUES ($1, $2, $3)",
        )
        .bind(&r.id)
        .bind(doc)
        .bind(position as i64)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    }
    Ok(())
}

/// Records one history line. `seq` is the request's version after the step, so the same step
/// can never be recorded twice (unique index).
pub async fn insert_transition(tx: &mut Tx, t: &TransitionRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO transitions (id, request_id, seq, action, from_status, to_status, user_id, \
         role, at, note, acting_for, delegation_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&t.id)
    .bind(&t.request_id)
    .bind(t.seq)
    .bind(&t.action)
    .bind(&t.from_status)
    .bind(&t.to_status)
    .bind(&t.user_id)
    .bind(&t.role)
    .bind(t.at)
    .bind(&t.note)
    .bind(&t.acting_for)
    .bind(&t.delegation_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// The tracking code of the request `created_by` registered under `key`, read inside the write
/// transaction after taking the key's lock (`AuditedWrite::lock_key`), so two retries cannot both
/// miss it.
pub async fn code_by_idempotency_key(
    tx: &mut Tx,
    created_by: &str,
    key: &str,
) -> Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT tracking_code FROM requests WHERE created_by = $1 AND idempotency_key = $2",
    )
    .bind(created_by)
    .bind(key)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

/// The same as [`code_by_idempotency_key`], read before any write: a retry after a lost answer
/// is answered without validating again.
pub async fn registered_code(pool: &Pool, created_by: &str, key: &str) -> Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT tracking_code FROM requests WHERE created_by = $1 AND idempotency_key = $2",
    )
    .bind(created_by)
    .bind(key)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

pub async fn request_by_code(pool: &Pool, code: &str) -> Result<Option<RequestRow>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM requests WHERE tracking_code = $1"
    ))
    .bind(code)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// Moves a request to `status` if it is still at `expected_version`; `Ok(false)` when another
/// desk got there first (nothing is changed then).
pub async fn move_request(
    tx: &mut Tx,
    id: &str,
    expected_version: i64,
    status: &str,
    deadline_at: Option<i64>,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE requests SET status = $1, version = version + 1, status_since = $2, \
         deadline_at = $3, updated_at = $2 WHERE id = $4 AND version = $5",
    )
    .bind(status)
    .bind(at)
    .bind(deadline_at)
    .bind(id)
    .bind(expected_version)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub async fn request_code_by_id(pool: &Pool, id: &str) -> Result<Option<String>> {
    sqlx::query_scalar("SELECT tracking_code FROM requests WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

/// An agency's corrections after a send-back, with the step back to `submitted`, if the request
/// is still at `expected_version`.
#[allow(clippy::too_many_arguments)]
pub async fn correct_request(
    tx: &mut Tx,
    id: &str,
    expected_version: i64,
    applicant: &crate::models::Applicant,
    letter_number: &str,
    letter_number_key: &str,
    letter_date: &str,
    purpose: &str,
    search_key: &str,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE requests SET applicant_name = $1, applicant_national_code = $2, \
         applicant_mobile = $3, applicant_email = $4, letter_number = $5, letter_number_key = $6, \
         letter_date = $7, purpose = $8, search_key = $9 WHERE id = $10 AND version = $11",
    )
    .bind(&applicant.name)
    .bind(&applicant.national_code)
    .bind(&applicant.mobile)
    .bind(&applicant.email)
    .bind(letter_number)
    .bind(letter_number_key)
    .bind(letter_date)
    .bind(purpose)
    .bind(search_key)
    .bind(id)
    .bind(expected_version)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}
