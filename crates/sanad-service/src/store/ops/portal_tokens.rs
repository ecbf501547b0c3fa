//! The portal's API tokens: issuing, listing and revoking them, finding one by its secret's
//! hash, and counting its calls for the rate limit. What the API reads beside the portal's
//! pages: a page of the agency's requests, its documents by registry number.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, PortalTokenRow};

const TOKEN_COLUMNS: &str = "t.id, t.organization_id, o.name AS organization_name, t.label, \
    t.created_at, t.revoked_at, t.last_used_at";

pub async fn insert_portal_token(
    tx: &mut Tx,
    id: &str,
    organization_id: &str,
    label: &str,
    token_hash: &str,
    created_by: &str,
    created_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO portal_tokens (id, organization_id, label, token_hash, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(organization_id)
    .bind(label)
    .bind(token_hash)
    .bind(created_by)
    .bind(created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn list_portal_tokens(pool: &Pool) -> Result<Vec<PortalTokenRow>> {
    sqlx::query_as(&format!(
        "SELECT {TOKEN_COLUMNS} FROM portal_tokens t JOIN organizations o ON o.id = t.organization_id \
         ORDER BY t.created_at, t.id"
    ))
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// The token whose secret hashes to `token_hash`, revoked or not.
pub async fn portal_token_by_hash(pool: &Pool, token_hash: &str) -> Result<Option<PortalTokenRow>> {
    sqlx::query_as(&format!(
        "SELECT {TOKEN_COLUMNS} FROM portal_tokens t JOIN organizations o ON o.id = t.organization_id \
         WHERE t.token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// The token `id`, read inside a write.
pub async fn portal_token_in(tx: &mut Tx, id: &str) -> Result<Option<PortalTokenRow>> {
    sqlx::query_as(&format!(
        "SELECT {TOKEN_COLUMNS} FROM portal_tokens t JOIN organizations o ON o.id = t.organization_id \
         WHERE t.id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

/// Revokes token `id` if it is not already; answers whether this call did.
pub async fn revoke_portal_token(tx: &mut Tx, id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE portal_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// Counts one call of token `id` at `now` in its rate window (a new window when the current one
/// began before `window_from`) and notes its last use. Answers the calls in the window, this one
/// included, or `None` when the token is revoked (a revocation committed since it was read).
pub async fn count_token_call(
    tx: &mut Tx,
    id: &str,
    now: i64,
    window_from: i64,
) -> Result<Option<i64>> {
    sqlx::query_scalar(
        "UPDATE portal_tokens SET \
           window_calls = CASE WHEN window_start < $2 THEN 1 ELSE window_calls + 1 END, \
           window_start = CASE WHEN window_start < $2 THEN $1 ELSE window_start END, \
           last_used_at = $1 \
         WHERE id = $3 AND revoked_at IS NULL \
         RETURNING window_calls",
    )
    .bind(now)
    .bind(window_from)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

/// One page of an organization's requests, newest first: (tracking code, status, created,
/// deadline), and how many it has in all.
pub async fn requests_of_org_page(
    pool: &Pool,
    org_id: &str,
    limit: i64,
    offset: i64,
) -> Result<(Vec<(String, String, i64, Option<i64>)>, i64)> {
    let rows = sqlx::query_as(
        "SELECT tracking_code, status, created_at, deadline_at FROM requests \
         WHERE requesting_org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3",
    )
    .bind(org_id)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
    .map_err(storage)?;
    let total: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE requesting_org_id = $1")
            .bind(org_id)
            .fetch_one(pool)
            .await
            .map_err(storage)?;
    Ok((rows, total))
}

/// The id of the document registered under `number` (its ASCII-digit form) for organization
/// `org_id`, if the repository holds one.
pub async fn agency_doc_by_registry_number(
    pool: &Pool,
    org_id: &str,
    number: &str,
) -> Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT id FROM documents WHERE registry_number = $1 AND organization_id = $2",
    )
    .bind(number)
    .bind(org_id)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// A registered request's letter number and applicant's national code, as stored.
pub async fn registration_fingerprint(pool: &Pool, code: &str) -> Result<Option<(String, String)>> {
    sqlx::query_as(
        "SELECT letter_number, applicant_national_code FROM requests WHERE tracking_code = $1",
    )
    .bind(code)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}
