//! The migrated schema as SQLite reports it, for the test that backups cover every column.

use sanad_core::Result;

use super::Pool;
use crate::store::storage;

/// Every table but SQLite's own, the migration ledger, the audit head (a backup writes the head
/// from its own record), the audit queue (a backup seals it first) and the queue
/// counts and the text index (the restored requests count and index themselves), each with its
/// columns.
pub async fn table_columns(pool: &Pool) -> Result<Vec<(String, Vec<String>)>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE 'requests\\_text%' ESCAPE '\\' \
         AND name NOT IN ('_sqlx_migrations', 'audit_head', 'audit_pending', 'status_counts', 'deadline_counts') ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .map_err(storage)?;
    let mut out = Vec::with_capacity(tables.len());
    for table in tables {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(&table)
                .fetch_all(pool)
                .await
                .map_err(storage)?;
        out.push((table, columns));
    }
    Ok(out)
}
