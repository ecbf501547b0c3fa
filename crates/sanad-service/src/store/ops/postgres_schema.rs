//! The migrated schema as PostgreSQL reports it, for the test that backups cover every column.

use sanad_core::Result;

use super::Pool;
use crate::store::storage;

/// Every table of the current schema but the migration ledger, the audit head (a backup writes
/// the head from its own record), the audit queue (a backup seals it first) and the queue counts
/// (the restored requests count themselves), each with its columns in order.
pub async fn table_columns(pool: &Pool) -> Result<Vec<(String, Vec<String>)>> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name NOT IN ('_sqlx_migrations', 'audit_head', 'audit_pending', 'status_counts', 'deadline_counts') ORDER BY table_name COLLATE \"C\"",
    )
    .fetch_all(pool)
    .await
    .map_err(storage)?;
    let mut out = Vec::with_capacity(tables.len());
    for table in tables {
        let columns: Vec<String> = sqlx::query_scalar(
            "SELECT column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind(&table)
        .fetch_all(pool)
        .await
        .map_err(storage)?;
        out.push((table, columns));
    }
    Ok(out)
}
