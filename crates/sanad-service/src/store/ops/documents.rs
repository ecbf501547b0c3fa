//! The repository's register of documents, and which are out with a request.

use sanad_core::Result;

use super::common::contains_pattern;
use super::{Pool, Tx};
use crate::store::{storage, DocRow};

/// Inserts a document; `Ok(false)` when its registry number is taken.
pub async fn insert_doc(tx: &mut Tx, row: &DocRow, title_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO documents (id, registry_number, title, title_key, property_plate, location, \
         in_repository, out_request_id, created_at, organization_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.registry_number)
    .bind(&row.title)
    .bind(title_key)
    .bind(&row.property_plate)
    .bind(&row.location)
    .bind(row.in_repository)
    .bind(&row.out_request_id)
    .bind(row.created_at)
    .bind(&row.organization_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

const DOC_COLUMNS: &str = "id, registry_number, title, property_plate, location, in_repository, \
    out_request_id, created_at, organization_id";

pub async fn doc_by_id(pool: &Pool, id: &str) -> Result<Option<DocRow>> {
    sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM documents WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// Documents whose registry number or normalized title contains `key` (all when empty).
pub async fn list_docs(pool: &Pool, key: &str, limit: i64) -> Result<Vec<DocRow>> {
    sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM documents \
         WHERE title_key LIKE $1 ESCAPE '\\' OR registry_number LIKE $1 ESCAPE '\\' \
         ORDER BY registry_number, id LIMIT $2"
    ))
    .bind(contains_pattern(key))
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// The documents held for organization `org_id`, by registry number.
pub async fn docs_of_org(pool: &Pool, org_id: &str, limit: i64) -> Result<Vec<DocRow>> {
    sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM documents WHERE organization_id = $1 \
         ORDER BY registry_number, id LIMIT $2"
    ))
    .bind(org_id)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Marks the documents of an `original` dispatch as out. Returns the registry numbers of those
/// already out (then the caller rolls back).
pub async fn take_documents_out(tx: &mut Tx, request_id: &str) -> Result<Vec<String>> {
    let already_out: Vec<String> = sqlx::query_scalar(
        "SELECT d.registry_number FROM request_documents rd JOIN documents d ON d.id = rd.document_id \
         WHERE rd.request_id = $1 AND d.in_repository = $2 ORDER BY rd.position",
    )
    .bind(request_id)
    .bind(false)
    .fetch_all(&mut **tx)
    .await
    .map_err(storage)?;
    if !already_out.is_empty() {
        return Ok(already_out);
    }
    sqlx::query(
        "UPDATE documents SET in_repository = $1, out_request_id = $2 \
         WHERE id IN (SELECT document_id FROM request_documents WHERE request_id = $2)",
    )
    .bind(false)
    .bind(request_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(Vec::new())
}

/// Puts back the documents this request took out.
pub async fn bring_documents_back(tx: &mut Tx, request_id: &str) -> Result<()> {
    sqlx::query(
        "UPDATE documents SET in_repository = $1, out_request_id = NULL WHERE out_request_id = $2",
    )
    .bind(true)
    .bind(request_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// The document already registered under this registry number, if any.
pub async fn doc_by_registry_number<'c>(
    on: impl sqlx::Executor<'c, Database = super::Db>,
    number: &str,
) -> Result<Option<DocRow>> {
    sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM documents WHERE registry_number = $1"
    ))
    .bind(number)
    .fetch_optional(on)
    .await
    .map_err(storage)
}

/// Every document's register facts, for an import to compare its rows with (the register is an
/// office's, tens of thousands of rows, read once per import).
pub async fn all_docs<'c>(
    on: impl sqlx::Executor<'c, Database = super::Db>,
) -> Result<Vec<DocRow>> {
    sqlx::query_as(&format!("SELECT {DOC_COLUMNS} FROM documents"))
        .fetch_all(on)
        .await
        .map_err(storage)
}

/// A document's title, plate, location and owner as an import's row gives them.
pub async fn update_doc_facts(tx: &mut Tx, row: &DocRow, title_key: &str) -> Result<()> {
    sqlx::query(
        "UPDATE documents SET title = $1, title_key = $2, property_plate = $3, location = $4, \
         organization_id = $5 WHERE id = $6",
    )
    .bind(&row.title)
    .bind(title_key)
    .bind(&row.property_plate)
    .bind(&row.location)
    .bind(&row.organization_id)
    .bind(&row.id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}
