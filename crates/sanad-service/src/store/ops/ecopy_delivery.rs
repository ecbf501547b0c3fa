//! The certified copy delivered through the portal: the requests an organization received,
//! the destination's download confirming the delivery, and an organization's e-mail address
//! for the notice that a copy waits.

use sanad_core::Result;

use super::{Pool, Tx, DELIVER_BY_DOWNLOAD};
use crate::store::storage;

/// Requests sent to `org_id` by another organization that have left the repository (in
/// `states`), newest dispatch first: (code, status, created, deadline), as the agency's list.
pub async fn requests_received_by_org(
    pool: &Pool,
    org_id: &str,
    states: &[&str],
    limit: i64,
) -> Result<Vec<(String, String, i64, Option<i64>)>> {
    // The states are the core's constants, spelled by the caller; bound one by one.
    let marks: Vec<String> = (0..states.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT tracking_code, status, created_at, deadline_at FROM requests \
         WHERE destination_org_id = $1 AND requesting_org_id <> $1 AND status IN ({}) \
         ORDER BY created_at DESC, id DESC LIMIT $2",
        marks.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(org_id).bind(limit);
    for state in states {
        query = query.bind(*state);
    }
    query.fetch_all(pool).await.map_err(storage)
}

/// Moves request `id` from `dispatched` to `delivered` if it is still at `version` and an
/// electronic copy with a certified copy issued; `false` when another download or a desk moved
/// it first (nothing changed).
pub async fn deliver_by_download(
    tx: &mut Tx,
    id: &str,
    version: i64,
    deadline_at: Option<i64>,
    at: i64,
) -> Result<bool> {
    let moved: Option<Option<bool>> = sqlx::query_scalar(DELIVER_BY_DOWNLOAD)
        .bind(id)
        .bind(version)
        .bind(deadline_at)
        .bind(at)
        .fetch_optional(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(moved.flatten() == Some(true))
}

/// The e-mail address the register holds for organization `id`, if any.
pub async fn org_email(pool: &Pool, id: &str) -> Result<Option<String>> {
    let email: Option<Option<String>> =
        sqlx::query_scalar("SELECT email FROM organizations WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
            .map_err(storage)?;
    Ok(email.flatten())
}

/// Sets (or clears, with `None`) organization `id`'s e-mail address; `false` when there is none.
pub async fn set_org_email(tx: &mut Tx, id: &str, email: Option<&str>) -> Result<bool> {
    let done = sqlx::query("UPDATE organizations SET email = $2 WHERE id = $1")
        .bind(id)
        .bind(email)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// The bytes of kept file `file_id` (the certified copy's PDF): read without the joins of
/// `files::stored_file`, which the portal's role has no grant for.
pub async fn ecopy_pdf(pool: &Pool, file_id: &str) -> Result<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT content FROM stored_files WHERE id = $1")
        .bind(file_id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}
