//! The working calendar's holidays, and what is past its deadline on it.

use sanad_core::Result;

use super::common::{fetch_summaries, SUMMARY_COLUMNS};
use super::{Pool, Tx};
use crate::store::{storage, Bind, HolidayRow, RequestSummaryRow};

pub async fn holidays(pool: &Pool) -> Result<Vec<HolidayRow>> {
    sqlx::query_as("SELECT day, title FROM holidays ORDER BY day")
        .fetch_all(pool)
        .await
        .map_err(storage)
}

/// Adds a holiday or renames it; `Ok(true)` when the day was not a holiday before.
pub async fn put_holiday(tx: &mut Tx, day: &str, title: &str, at: i64) -> Result<bool> {
    super::bump_config(tx).await?;
    let existed: Option<String> = sqlx::query_scalar("SELECT day FROM holidays WHERE day = $1")
        .bind(day)
        .fetch_optional(&mut **tx)
        .await
        .map_err(storage)?;
    sqlx::query(
        "INSERT INTO holidays (day, title, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (day) DO UPDATE SET title = excluded.title",
    )
    .bind(day)
    .bind(title)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(existed.is_none())
}

/// Removes a holiday; `Ok(false)` when the day was not one.
pub async fn delete_holiday(tx: &mut Tx, day: &str) -> Result<bool> {
    super::bump_config(tx).await?;
    let done = sqlx::query("DELETE FROM holidays WHERE day = $1")
        .bind(day)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// Requests past their deadline at `now`, most overdue first.
pub async fn overdue_requests(pool: &Pool, now: i64, limit: i64) -> Result<Vec<RequestSummaryRow>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM requests r JOIN organizations o ON o.id = r.requesting_org_id \
         WHERE r.deadline_at < $1 ORDER BY r.deadline_at, r.id LIMIT $2"
    );
    fetch_summaries(pool, &sql, vec![Bind::Int(now), Bind::Int(limit)]).await
}
