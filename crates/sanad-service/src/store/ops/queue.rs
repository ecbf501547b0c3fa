//! The queue of each role, its counts, and the search.

use sanad_core::Result;

use super::common::{
    contains_pattern, fetch_summaries, fetch_summaries_planned, placeholders, SUMMARY_COLUMNS,
};
use super::{Db, Pool};
use crate::store::{storage, Bind, Conditions, QueueFilter, RequestSummaryRow, SearchFilter};

/// A role's queue page. Each state is read in deadline order from the (status, deadline_at, id)
/// index and the few rows per state are merged, instead of sorting every waiting request: the
/// reviewer's two states hold a sixth of a large office's requests.
pub async fn queue(pool: &Pool, f: &QueueFilter) -> Result<Vec<RequestSummaryRow>> {
    let mut binds = Vec::new();
    binds.push(Bind::Int(f.limit));
    let limit = binds.len();
    let mut keyset = String::new();
    if let Some((deadline, id)) = &f.after {
        binds.push(Bind::Int(*deadline));
        let d = binds.len();
        binds.push(Bind::Text(id.clone()));
        let i = binds.len();
        keyset = format!(" AND (r.deadline_at > ${d} OR (r.deadline_at = ${d} AND r.id > ${i}))");
    }
    let mut parts = Vec::new();
    for status in &f.statuses {
        binds.push(Bind::Text(status.clone()));
        let s = binds.len();
        parts.push(format!(
            "SELECT * FROM (SELECT {SUMMARY_COLUMNS} FROM requests r \
             JOIN organizations o ON o.id = r.requesting_org_id \
             WHERE r.status = ${s}{keyset} ORDER BY r.deadline_at, r.id LIMIT ${limit}) q{s}"
        ));
    }
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{} ORDER BY deadline_at, id LIMIT ${limit}",
        parts.join(" UNION ALL ")
    );
    fetch_summaries(pool, &sql, binds).await
}

/// Counts of requests in each of `statuses` (those with any), from the counters the database
/// keeps with every change (migration 0012).
pub async fn count_by_status(pool: &Pool, statuses: &[String]) -> Result<Vec<(String, i64)>> {
    let mut binds = Vec::new();
    let sql = format!(
        "SELECT status, CAST(SUM(count) AS BIGINT) FROM status_counts WHERE status IN ({}) \
         GROUP BY status HAVING SUM(count) > 0",
        placeholders(&mut binds, statuses.iter().map(|s| Bind::Text(s.clone())))
    );
    let q = bind_all!(sqlx::query_as::<Db, (String, i64)>(&sql), binds);
    q.fetch_all(&mut *super::read_connection(pool).await?)
        .await
        .map_err(storage)
}

/// A UTC day in microseconds: the unit `deadline_counts` counts deadlines by (migration 0024).
const DAY_MICROS: i64 = 86_400_000_000;

/// Overdue requests among `statuses` at `now`: the days already past from the counters the
/// database keeps with every change, and today's part from the (status, deadline_at) index, so
/// the count reads at most a day of index entries however many requests are late.
pub async fn count_overdue(pool: &Pool, statuses: &[String], now: i64) -> Result<i64> {
    let mut binds = Vec::new();
    let counted = placeholders(&mut binds, statuses.iter().map(|s| Bind::Text(s.clone())));
    binds.push(Bind::Int(now.div_euclid(DAY_MICROS)));
    let today = binds.len();
    let indexed = placeholders(&mut binds, statuses.iter().map(|s| Bind::Text(s.clone())));
    binds.push(Bind::Int(now.div_euclid(DAY_MICROS) * DAY_MICROS));
    let start = binds.len();
    binds.push(Bind::Int(now));
    let at = binds.len();
    let sql = format!(
        "SELECT (SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM deadline_counts \
         WHERE status IN ({counted}) AND day < ${today}) \
         + (SELECT COUNT(*) FROM requests WHERE status IN ({indexed}) \
         AND deadline_at >= ${start} AND deadline_at < ${at})"
    );
    let q = bind_all!(sqlx::query_scalar::<Db, i64>(&sql), binds);
    q.fetch_one(&mut *super::read_connection(pool).await?)
        .await
        .map_err(storage)
}

/// Up to how many requests holding a word the search reads through the text index; a word in
/// more is searched by walking the newest requests, which finds a page of them at once.
const TEXT_MATCHES_READ: i64 = 2_000;

pub async fn search(pool: &Pool, f: &SearchFilter) -> Result<Vec<RequestSummaryRow>> {
    let mut c = Conditions::default();
    if let Some(code) = &f.tracking_code {
        let n = c.bind(Bind::Text(code.clone()));
        c.and(format!("r.tracking_code = ${n}"));
    }
    if let Some(org) = &f.org_id {
        let n = c.bind(Bind::Text(org.clone()));
        c.and(format!(
            "(r.requesting_org_id = ${n} OR r.destination_org_id = ${n})"
        ));
    }
    if let Some(letter) = &f.letter_number_key {
        let n = c.bind(Bind::Text(letter.clone()));
        c.and(format!("r.letter_number_key = ${n}"));
    }
    if !f.statuses.is_empty() {
        let list = placeholders(
            &mut c.binds,
            f.statuses.iter().map(|s| Bind::Text(s.clone())),
        );
        c.and(format!("r.status IN ({list})"));
    }
    if let Some(from) = f.created_from {
        let n = c.bind(Bind::Int(from));
        c.and(format!("r.created_at >= ${n}"));
    }
    if let Some(before) = f.created_before {
        let n = c.bind(Bind::Int(before));
        c.and(format!("r.created_at < ${n}"));
    }
    if let Some(text) = &f.text_key {
        match super::text_matches(pool, text, TEXT_MATCHES_READ).await? {
            // Few requests hold it: read just those (by the index's rowids).
            Some(rowids) if rowids.is_empty() => return Ok(Vec::new()),
            Some(rowids) => {
                let list = placeholders(&mut c.binds, rowids.into_iter().map(Bind::Int));
                c.and(format!("r.rowid IN ({list})"));
            }
            None => {
                let n = c.bind(Bind::Text(contains_pattern(text)));
                c.and(format!("r.search_key LIKE ${n} ESCAPE '\\'"));
            }
        }
    }
    if let Some((at, id)) = &f.before {
        let a = c.bind(Bind::Int(*at));
        let i = c.bind(Bind::Text(id.clone()));
        c.and(format!(
            "(r.created_at < ${a} OR (r.created_at = ${a} AND r.id < ${i}))"
        ));
    }
    let limit = c.bind(Bind::Int(f.limit));
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM requests r JOIN organizations o ON o.id = r.requesting_org_id \
         {} ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}",
        c.where_clause()
    );
    fetch_summaries_planned(pool, &sql, c.binds).await
}
