//! Backups: every table read out as plain values, and written back into an empty database.

use sanad_core::Result;
use serde_json::{json, Value};
use sqlx::Row;

use super::Pool;
use crate::store::{storage, ColumnKind, RestoredTable, StoredValue};

/// The rows of `table` ordered by `order`, each a JSON array of `columns` decoded by kind
/// (bytes as hex).
pub async fn dump_table(
    pool: &Pool,
    table: &str,
    order: &str,
    columns: &[(&str, ColumnKind)],
) -> Result<Vec<Value>> {
    let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
    let sql = format!("SELECT {} FROM {table} ORDER BY {order}", names.join(", "));
    let rows = sqlx::query(&sql).fetch_all(pool).await.map_err(storage)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut values = Vec::with_capacity(columns.len());
        for (i, (_, kind)) in columns.iter().enumerate() {
            let value = match kind {
                ColumnKind::Text => json!(row.try_get::<Option<String>, _>(i).map_err(storage)?),
                ColumnKind::Int => json!(row.try_get::<Option<i64>, _>(i).map_err(storage)?),
                ColumnKind::Bool => json!(row.try_get::<Option<bool>, _>(i).map_err(storage)?),
                ColumnKind::Bytes => json!(row
                    .try_get::<Option<Vec<u8>>, _>(i)
                    .map_err(storage)?
                    .map(hex::encode)),
            };
            values.push(value);
        }
        out.push(Value::Array(values));
    }
    Ok(out)
}

/// Writes every table's rows, in order, and sets the audit head to the backup's own, in one
/// transaction: a restore that fails anywhere keeps nothing.
pub async fn restore_tables(
    pool: &Pool,
    tables: &[RestoredTable<'_>],
    head_seq: i64,
    head_hash: &str,
) -> Result<()> {
    let mut tx = pool.begin().await.map_err(storage)?;
    for t in tables {
        if t.replace_seeded {
            sqlx::query(&format!("DELETE FROM {}", t.table))
                .execute(&mut *tx)
                .await
                .map_err(storage)?;
        }
        let marks: Vec<String> = (1..=t.columns.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            t.table,
            t.columns.join(", "),
            marks.join(", ")
        );
        for row in &t.rows {
            let mut q = sqlx::query(&sql);
            for value in row {
                q = match value {
                    StoredValue::Text(v) => q.bind(v),
                    StoredValue::Int(v) => q.bind(v),
                    StoredValue::Bool(v) => q.bind(v),
                    StoredValue::Bytes(v) => q.bind(v),
                };
            }
            q.execute(&mut *tx).await.map_err(storage)?;
        }
    }
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(head_seq)
        .bind(head_hash)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
    super::continue_pending_ids(&mut tx).await?;
    tx.commit().await.map_err(storage)
}
