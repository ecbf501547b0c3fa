//! Folding past days of the overdue counters (`deadline_counts`, migrations 0024 and 0026). On
//! PostgreSQL each state and day is counted in 32 shards, so that desks registering at once do
//! not queue behind one row; but a queue's overdue count sums every past day's rows, and an
//! office with two years of open requests had 43 k of them for the reviewer's two states. No
//! step adds to a past day (a deadline is set from now on), so its shards can be summed into
//! shard 0 for good: a request leaving that day later takes its count from there (the trigger's
//! `requests_deadline_uncount`). SQLite counts in one shard: it never has anything to fold.

use sanad_core::Result;

use super::{begin_write, take_sealer_role, Pool};
use crate::store::storage;

/// Folds up to `limit` (state, day) groups of days before `before_day` (a UTC day number) in
/// one transaction, holding the sealer's role so one desk folds at a time. Answers how many it
/// folded, or `None` when another desk (or this one's sealer) holds the role now.
pub async fn fold_past_deadline_days(
    pool: &Pool,
    before_day: i64,
    limit: i64,
) -> Result<Option<usize>> {
    let mut tx = begin_write(pool, false).await?;
    if !take_sealer_role(&mut tx).await? {
        return Ok(None);
    }
    // In key order, as every step takes its counter rows (migration 0026).
    let groups: Vec<(String, i64)> = sqlx::query_as(
        "SELECT status, day FROM deadline_counts WHERE day < $1 AND shard <> 0 \
         GROUP BY status, day ORDER BY status, day LIMIT $2",
    )
    .bind(before_day)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await
    .map_err(storage)?;
    for (status, day) in &groups {
        let counts: Vec<i64> = sqlx::query_scalar(
            "DELETE FROM deadline_counts WHERE status = $1 AND day = $2 AND shard <> 0 \
             RETURNING count",
        )
        .bind(status)
        .bind(day)
        .fetch_all(&mut *tx)
        .await
        .map_err(storage)?;
        sqlx::query(
            "INSERT INTO deadline_counts (status, day, shard, count) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (status, day, shard) DO UPDATE SET count = deadline_counts.count + $3",
        )
        .bind(status)
        .bind(day)
        .bind(counts.iter().sum::<i64>())
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
    }
    tx.commit().await.map_err(storage)?;
    Ok(Some(groups.len()))
}
