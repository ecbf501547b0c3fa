//! Pieces of SQL several rooms share: the request summary's columns and bound lists.

use sanad_core::Result;

use super::{Db, Pool};
use crate::store::{escape_like, storage, Bind, RequestSummaryRow};

pub(super) const SUMMARY_COLUMNS: &str = "r.id, r.tracking_code, r.status, r.version, r.priority, \
    r.dispatch_mode, r.requesting_org_id, o.name AS requesting_org_name, r.applicant_name, \
    r.letter_number, r.status_since, r.deadline_at, r.created_at, r.channel, \
    (SELECT u.display_name FROM users u WHERE u.id = r.created_by AND r.channel = 'portal') \
    AS portal_account";

pub(super) async fn fetch_summaries(
    pool: &Pool,
    sql: &str,
    binds: Vec<Bind>,
) -> Result<Vec<RequestSummaryRow>> {
    // Short reads of a page (the queue, the overdue list): on the writer's warm cache if free.
    let q = bind_all!(sqlx::query_as::<Db, RequestSummaryRow>(sql), binds);
    q.fetch_all(&mut *super::read_connection(pool).await?)
        .await
        .map_err(storage)
}

/// [`fetch_summaries`] planned for its values each time (not a prepared statement's generic
/// plan): whether walking the newest requests or reading the text index is faster depends on the
/// word searched for, which a plan made once for any value cannot know (PostgreSQL).
pub(super) async fn fetch_summaries_planned(
    pool: &Pool,
    sql: &str,
    binds: Vec<Bind>,
) -> Result<Vec<RequestSummaryRow>> {
    let q = bind_all!(
        sqlx::query_as::<Db, RequestSummaryRow>(sql).persistent(false),
        binds
    );
    q.fetch_all(pool).await.map_err(storage)
}

/// Appends `$n, $n+1, …` for `values` to `binds` and returns the placeholder list.
pub(super) fn placeholders(binds: &mut Vec<Bind>, values: impl Iterator<Item = Bind>) -> String {
    let mut out = Vec::new();
    for v in values {
        binds.push(v);
        out.push(format!("${}", binds.len()));
    }
    if out.is_empty() {
        // `IN ()` is not valid SQL; no status can equal NULL, so this matches nothing.
        return "NULL".to_owned();
    }
    out.join(", ")
}

/// A LIKE pattern for "contains `key`", with LIKE's own wildcards escaped.
pub(super) fn contains_pattern(key: &str) -> String {
    format!("%{}%", escape_like(key))
}
