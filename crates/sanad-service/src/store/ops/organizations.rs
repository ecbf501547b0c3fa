//! The organizations requests come from and go to.

use sanad_core::Result;

use super::common::contains_pattern;
use super::{Pool, Tx};
use crate::store::{storage, OrgRow};

/// Inserts an organization; `Ok(false)` when its national id is taken.
pub async fn insert_org(tx: &mut Tx, row: &OrgRow, name_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO organizations (id, name, name_key, kind, national_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.name)
    .bind(name_key)
    .bind(&row.kind)
    .bind(&row.national_id)
    .bind(row.created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub(super) const ORG_COLUMNS: &str = "id, name, kind, national_id, created_at";

pub async fn org_by_id(pool: &Pool, id: &str) -> Result<Option<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// Organizations whose normalized name contains `name_key` (all when empty), by name.
pub async fn list_orgs<'c>(
    on: impl sqlx::Executor<'c, Database = super::Db>,
    name_key: &str,
    limit: i64,
) -> Result<Vec<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organizations WHERE name_key LIKE $1 ESCAPE '\\' \
         ORDER BY name_key, id LIMIT $2"
    ))
    .bind(contains_pattern(name_key))
    .bind(limit)
    .fetch_all(on)
    .await
    .map_err(storage)
}

/// The organization already standing under this normalized name or national id, if any (in the
/// write's transaction, so two desks adding the same one at once cannot both pass).
pub async fn org_clashing(
    tx: &mut Tx,
    name_key: &str,
    national_id: Option<&str>,
) -> Result<Option<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organizations WHERE name_key = $1 OR national_id = $2 \
         ORDER BY (national_id = $2) DESC, created_at, id LIMIT 1"
    ))
    .bind(name_key)
    .bind(national_id)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

/// Organizations sharing a normalized name with another, grouped by that name (oldest first).
pub async fn orgs_with_duplicate_names(pool: &Pool) -> Result<Vec<(String, OrgRow)>> {
    let rows: Vec<OrgKeyRow> = sqlx::query_as(&format!(
        "SELECT name_key, {ORG_COLUMNS} FROM organizations WHERE name_key IN \
         (SELECT name_key FROM organizations GROUP BY name_key HAVING count(*) > 1) \
         ORDER BY name_key, created_at, id"
    ))
    .fetch_all(pool)
    .await
    .map_err(storage)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.name_key,
                OrgRow {
                    id: r.id,
                    name: r.name,
                    kind: r.kind,
                    national_id: r.national_id,
                    created_at: r.created_at,
                },
            )
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct OrgKeyRow {
    name_key: String,
    id: String,
    name: String,
    kind: String,
    national_id: Option<String>,
    created_at: i64,
}
