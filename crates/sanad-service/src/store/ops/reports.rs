//! The reads behind the reports (no personal data).

use sanad_core::Result;

use super::Pool;
use crate::store::{storage, ReportRequestRow, ReportStepRow};

/// Requests registered in [from, before), with their agency's name.
pub async fn report_requests(pool: &Pool, from: i64, before: i64) -> Result<Vec<ReportRequestRow>> {
    sqlx::query_as(
        "SELECT r.id, r.status, r.priority, r.dispatch_mode, r.return_due, o.name AS org_name \
         FROM requests r JOIN organizations o ON o.id = r.requesting_org_id \
         WHERE r.created_at >= $1 AND r.created_at < $2 ORDER BY r.created_at, r.id",
    )
    .bind(from)
    .bind(before)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// The history of requests registered in [from, before), by request then step.
pub async fn report_steps(pool: &Pool, from: i64, before: i64) -> Result<Vec<ReportStepRow>> {
    sqlx::query_as(
        "SELECT t.request_id, t.to_status, t.at FROM transitions t \
         JOIN requests r ON r.id = t.request_id \
         WHERE r.created_at >= $1 AND r.created_at < $2 ORDER BY t.request_id, t.seq",
    )
    .bind(from)
    .bind(before)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Complaints registered in [from, before): (kind, status, count).
pub async fn report_complaints(
    pool: &Pool,
    from: i64,
    before: i64,
) -> Result<Vec<(String, String, i64)>> {
    sqlx::query_as(
        "SELECT kind, status, COUNT(*) FROM complaints WHERE created_at >= $1 AND created_at < $2 \
         GROUP BY kind, status ORDER BY kind, status",
    )
    .bind(from)
    .bind(before)
    .fetch_all(pool)
    .await
    .map_err(storage)
}
