//! Complaints, suggestions and comments, and their history.

use sanad_core::Result;

use super::common::placeholders;
use super::{Db, Pool, Tx};
use crate::store::{storage, Bind, ComplaintMove, ComplaintRow, ComplaintStepRow, Conditions};

const COMPLAINT_COLUMNS: &str = "id, tracking_code, kind, person_name, mobile, email, body, \
    request_id, status, version, assigned_to, answer, status_since, deadline_at, created_by, \
    created_at, updated_at";

pub async fn insert_complaint(tx: &mut Tx, c: &ComplaintRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO complaints ({COMPLAINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
         $10, $11, $12, $13, $14, $15, $16, $17)"
    ))
    .bind(&c.id)
    .bind(&c.tracking_code)
    .bind(&c.kind)
    .bind(&c.person_name)
    .bind(&c.mobile)
    .bind(&c.email)
    .bind(&c.body)
    .bind(&c.request_id)
    .bind(&c.status)
    .bind(c.version)
    .bind(&c.assigned_to)
    .bind(&c.answer)
    .bind(c.status_since)
    .bind(c.deadline_at)
    .bind(&c.created_by)
    .bind(c.created_at)
    .bind(c.updated_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn complaint_by_code(pool: &Pool, code: &str) -> Result<Option<ComplaintRow>> {
    sqlx::query_as(&format!(
        "SELECT {COMPLAINT_COLUMNS} FROM complaints WHERE tracking_code = $1"
    ))
    .bind(code)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

/// Moves a complaint if it is still at the expected version; `Ok(false)` when another desk got
/// there first. The assignee and answer are kept when the move gives none.
pub async fn move_complaint(tx: &mut Tx, m: &ComplaintMove) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE complaints SET status = $1, version = version + 1, status_since = $2, \
         deadline_at = $3, assigned_to = COALESCE($4, assigned_to), answer = COALESCE($5, answer), \
         updated_at = $2 WHERE id = $6 AND version = $7",
    )
    .bind(&m.status)
    .bind(m.at)
    .bind(m.deadline_at)
    .bind(&m.assigned_to)
    .bind(&m.answer)
    .bind(&m.id)
    .bind(m.expected_version)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_complaint_step(tx: &mut Tx, t: &ComplaintStepRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO complaint_history (id, complaint_id, seq, action, from_status, to_status, \
         user_id, role, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&t.id)
    .bind(&t.complaint_id)
    .bind(t.seq)
    .bind(&t.action)
    .bind(&t.from_status)
    .bind(&t.to_status)
    .bind(&t.user_id)
    .bind(&t.role)
    .bind(t.at)
    .bind(&t.note)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn complaint_history(pool: &Pool, complaint_id: &str) -> Result<Vec<ComplaintStepRow>> {
    sqlx::query_as(
        "SELECT h.id, h.complaint_id, h.seq, h.action, h.from_status, h.to_status, h.user_id, \
         u.username, u.display_name, h.role, h.at, h.note FROM complaint_history h \
         JOIN users u ON u.id = h.user_id \
         WHERE h.complaint_id = $1 ORDER BY h.seq",
    )
    .bind(complaint_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Complaints in `statuses` (all when empty), soonest deadline first, then oldest.
pub async fn list_complaints(
    pool: &Pool,
    statuses: &[String],
    assigned_to: Option<&str>,
    limit: i64,
) -> Result<Vec<ComplaintRow>> {
    let mut c = Conditions::default();
    if !statuses.is_empty() {
        let list = placeholders(&mut c.binds, statuses.iter().map(|s| Bind::Text(s.clone())));
        c.and(format!("status IN ({list})"));
    }
    if let Some(user) = assigned_to {
        let n = c.bind(Bind::Text(user.to_owned()));
        c.and(format!("assigned_to = ${n}"));
    }
    let limit = c.bind(Bind::Int(limit));
    let sql = format!(
        "SELECT {COMPLAINT_COLUMNS} FROM complaints {} \
         ORDER BY CASE WHEN deadline_at IS NULL THEN 1 ELSE 0 END, deadline_at, created_at, id LIMIT ${limit}",
        c.where_clause()
    );
    let q = bind_all!(sqlx::query_as::<Db, ComplaintRow>(&sql), c.binds);
    q.fetch_all(pool).await.map_err(storage)
}
