//! The working calendar's holidays, and what is past its deadline on it.

use sanad_core::Result;

use super::common::{fetch_summaries, SUMMARY_COLUMNS};
use super::{Pool, Tx};
use crate::store::{storage, Bind, HolidayRow, RequestSummaryRow};

pub async fn holidays(pool: &Pool) -> Result<Vec<HolidayRow>> {
    sqlx::query_as("SELECT day, title, estimated FROM holidays ORDER BY day")
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
    // The administrator's day is theirs: confirmed (no longer an estimate), never recomputed.
    sqlx::query(
        "INSERT INTO holidays (day, title, created_at, estimated) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (day) DO UPDATE SET title = excluded.title, estimated = excluded.estimated",
    )
    .bind(day)
    .bind(title)
    .bind(at)
    .bind(false)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    sqlx::query("DELETE FROM holidays_removed WHERE day = $1")
        .bind(day)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(existed.is_none())
}

/// Removes a holiday; `Ok(false)` when the day was not one.
pub async fn delete_holiday(tx: &mut Tx, day: &str, at: i64) -> Result<bool> {
    super::bump_config(tx).await?;
    let done = sqlx::query("DELETE FROM holidays WHERE day = $1")
        .bind(day)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    if done.rows_affected() == 1 {
        // Remembered, so that computing the year again never brings the day back.
        sqlx::query(
            "INSERT INTO holidays_removed (day, removed_at) VALUES ($1, $2) \
             ON CONFLICT (day) DO UPDATE SET removed_at = excluded.removed_at",
        )
        .bind(day)
        .bind(at)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    }
    Ok(done.rows_affected() == 1)
}

/// The years whose holidays have been computed.
pub async fn computed_years(pool: &Pool) -> Result<Vec<i64>> {
    sqlx::query_scalar("SELECT year FROM holiday_years ORDER BY year")
        .fetch_all(pool)
        .await
        .map_err(storage)
}

/// Writes the computed holidays of `year` (`days`: day, title, estimated): the year's estimates made
/// before are replaced; a day the administrator set, or one shipped, is left as it is, and a day
/// they removed is not added again. Returns how many days were added.
pub async fn put_computed_holidays(
    tx: &mut Tx,
    year: i64,
    days: &[(String, String, bool)],
    at: i64,
) -> Result<u64> {
    super::bump_config(tx).await?;
    sqlx::query("DELETE FROM holidays WHERE estimated = $1 AND day LIKE $2")
        .bind(true)
        .bind(format!("{year:04}/%"))
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    let mut added = 0;
    for (day, title, estimated) in days {
        let done = sqlx::query(
            "INSERT INTO holidays (day, title, created_at, estimated) \
             SELECT $1, $2, $3, $4 WHERE NOT EXISTS \
             (SELECT 1 FROM holidays_removed WHERE day = $1) ON CONFLICT (day) DO NOTHING",
        )
        .bind(day)
        .bind(title)
        .bind(at)
        .bind(*estimated)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
        added += done.rows_affected();
    }
    sqlx::query(
        "INSERT INTO holiday_years (year, computed_at) VALUES ($1, $2) \
         ON CONFLICT (year) DO UPDATE SET computed_at = excluded.computed_at",
    )
    .bind(year)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(added)
}

/// Requests past their deadline at `now`, most overdue first.
pub async fn overdue_requests(pool: &Pool, now: i64, limit: i64) -> Result<Vec<RequestSummaryRow>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM requests r JOIN organizations o ON o.id = r.requesting_org_id \
         WHERE r.deadline_at < $1 ORDER BY r.deadline_at, r.id LIMIT $2"
    );
    fetch_summaries(pool, &sql, vec![Bind::Int(now), Bind::Int(limit)]).await
}
