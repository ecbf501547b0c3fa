//! Dispatch slips: the office profile printed on them and the numbered copies issued.

use sanad_core::Result;

use super::{Pool, Tx};
use crate::store::{storage, SlipPrintRow};

/// The directorate's name and logo, when the administrator has set them.
pub async fn office_profile(pool: &Pool) -> Result<Option<(String, Option<Vec<u8>>)>> {
    sqlx::query_as("SELECT directorate_name, logo_png FROM office_profile WHERE id = 1")
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

pub async fn put_office_profile(tx: &mut Tx, name: &str, logo_png: Option<&[u8]>) -> Result<()> {
    sqlx::query(
        "INSERT INTO office_profile (id, directorate_name, logo_png) VALUES (1, $1, $2) \
         ON CONFLICT (id) DO UPDATE SET directorate_name = excluded.directorate_name, \
         logo_png = excluded.logo_png",
    )
    .bind(name)
    .bind(logo_png)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// The number the request's next slip copy gets. Read inside the write: writers are serialized
/// by the audit head, so MAX + 1 cannot be taken twice.
pub async fn next_slip_copy(tx: &mut Tx, request_id: &str) -> Result<i64> {
    sqlx::query_scalar("SELECT COALESCE(MAX(copy), 0) + 1 FROM slip_prints WHERE request_id = $1")
        .bind(request_id)
        .fetch_one(&mut **tx)
        .await
        .map_err(storage)
}

pub async fn insert_slip_print(tx: &mut Tx, p: &SlipPrintRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO slip_prints (id, request_id, copy, paper, printer, printed_by, \
         printed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&p.id)
    .bind(&p.request_id)
    .bind(p.copy)
    .bind(&p.paper)
    .bind(&p.printer)
    .bind(&p.printed_by)
    .bind(p.printed_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// How many copies of the request's slip have been issued.
pub async fn slip_copies(pool: &Pool, request_id: &str) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM slip_prints WHERE request_id = $1")
        .bind(request_id)
        .fetch_one(pool)
        .await
        .map_err(storage)
}
