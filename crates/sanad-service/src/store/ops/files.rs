//! Files the office keeps: scans of the register's documents and the letters attached to
//! requests. Bytes are written once and read one file at a time; lists never read them.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, NewStoredFile, StoredFileRow};

pub async fn insert_stored_file(tx: &mut Tx, file: &NewStoredFile<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO stored_files (id, kind, size_bytes, pages, sha256, original_name, content, \
         added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(file.id)
    .bind(file.kind)
    .bind(file.size_bytes)
    .bind(file.pages)
    .bind(file.sha256)
    .bind(file.original_name)
    .bind(file.content)
    .bind(file.added_by)
    .bind(file.added_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Adds the next version of a document's scan. `Ok(None)` when another desk took the same
/// version number first (the caller rolls back and reports a conflict).
pub async fn insert_document_scan(
    tx: &mut Tx,
    document_id: &str,
    file_id: &str,
    title: &str,
) -> Result<Option<i64>> {
    let version: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(version), 0) + 1 AS BIGINT) FROM document_scans WHERE document_id = $1",
    )
    .bind(document_id)
    .fetch_one(&mut **tx)
    .await
    .map_err(storage)?;
    let done = sqlx::query(
        "INSERT INTO document_scans (document_id, version, file_id, title) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(document_id)
    .bind(version)
    .bind(file_id)
    .bind(title)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok((done.rows_affected() == 1).then_some(version))
}

/// Attaches a file to a request at the next position; `Ok(None)` on a lost race, as above.
pub async fn insert_request_file(
    tx: &mut Tx,
    request_id: &str,
    purpose: &str,
    file_id: &str,
    title: &str,
) -> Result<Option<i64>> {
    let position: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(position), 0) + 1 AS BIGINT) FROM request_files WHERE request_id = $1",
    )
    .bind(request_id)
    .fetch_one(&mut **tx)
    .await
    .map_err(storage)?;
    let done = sqlx::query(
        "INSERT INTO request_files (request_id, position, purpose, file_id, title) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(request_id)
    .bind(position)
    .bind(purpose)
    .bind(file_id)
    .bind(title)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok((done.rows_affected() == 1).then_some(position))
}

const FILE_COLUMNS: &str = "f.id, f.kind, f.size_bytes, CAST(f.pages AS BIGINT) AS pages, \
    f.sha256, f.original_name, u.display_name AS added_by_name, f.added_at";

/// A document's scans, newest version first.
pub async fn document_scans(pool: &Pool, document_id: &str) -> Result<Vec<StoredFileRow>> {
    sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS}, CAST(s.version AS BIGINT) AS number, s.title, '' AS purpose \
         FROM document_scans s JOIN stored_files f ON f.id = s.file_id \
         JOIN users u ON u.id = f.added_by WHERE s.document_id = $1 ORDER BY s.version DESC"
    ))
    .bind(document_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// A request's files in the order they were attached.
pub async fn request_files(pool: &Pool, request_id: &str) -> Result<Vec<StoredFileRow>> {
    sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS}, CAST(r.position AS BIGINT) AS number, r.title, r.purpose \
         FROM request_files r JOIN stored_files f ON f.id = r.file_id \
         JOIN users u ON u.id = f.added_by WHERE r.request_id = $1 ORDER BY r.position"
    ))
    .bind(request_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// One kept file with its bytes, and what it belongs to (a document's scan or a request's file).
pub async fn stored_file(pool: &Pool, file_id: &str) -> Result<Option<(StoredFileRow, Vec<u8>)>> {
    let row: Option<StoredFileRow> = sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS}, \
         CAST(COALESCE(s.version, r.position, 0) AS BIGINT) AS number, \
         COALESCE(s.title, r.title, '') AS title, COALESCE(r.purpose, '') AS purpose \
         FROM stored_files f JOIN users u ON u.id = f.added_by \
         LEFT JOIN document_scans s ON s.file_id = f.id \
         LEFT JOIN request_files r ON r.file_id = f.id WHERE f.id = $1"
    ))
    .bind(file_id)
    .fetch_optional(pool)
    .await
    .map_err(storage)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let content: Vec<u8> = sqlx::query_scalar("SELECT content FROM stored_files WHERE id = $1")
        .bind(file_id)
        .fetch_one(pool)
        .await
        .map_err(storage)?;
    Ok(Some((row, content)))
}
