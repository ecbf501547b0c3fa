// The storage operations, written once and compiled per backend by `include!` inside a module
// that defines `type Db` (see mod.rs). SQL here must be valid in both SQLite and PostgreSQL:
// `$n` placeholders, `||` for concatenation, `RETURNING`, `ON CONFLICT DO NOTHING`.

#[allow(unused_imports)]
use sanad_core::Result;
#[allow(unused_imports)]
use crate::store::{
    escape_like, storage, AuditDraft, AuditFilter, Conditions, AuditHead, AuditRow, Bind, DocRow, NewRequestRow, OrgRow, QueueFilter,
    RequestRow, RequestSummaryRow, SearchFilter, TransitionRow, UserRow, ComplaintRow, ComplaintMove,
    ComplaintStepRow, HolidayRow, OutboxRow, NoticeRow, ReportRequestRow, ReportStepRow,
    storage_at_commit,
};

/// Binds a dynamically built query's values in order.
macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut q = $query;
        for b in $binds {
            q = match b {
                Bind::Text(s) => q.bind(s),
                Bind::Int(i) => q.bind(i),
            };
        }
        q
    }};
}

pub type Pool = sqlx::Pool<Db>;
pub type Tx = sqlx::Transaction<'static, Db>;

const REQUEST_COLUMNS: &str = "id, tracking_code, requesting_org_id, destination_org_id, \
    needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, \
    applicant_mobile, applicant_email, letter_number, letter_date, purpose, priority, status, \
    version, status_since, deadline_at, created_by, created_at, updated_at";

const SUMMARY_COLUMNS: &str = "r.id, r.tracking_code, r.status, r.version, r.priority, \
    r.dispatch_mode, r.requesting_org_id, o.name AS requesting_org_name, r.applicant_name, \
    r.letter_number, r.status_since, r.deadline_at, r.created_at";

// ---- write transactions and the audit chain ----

/// Starts a write transaction and takes the audit chain's head. Updating the head row first
/// takes the write lock up front (SQLite) or the row lock (PostgreSQL), so writers queue here
/// instead of failing later with a busy or serialization error, and the chain stays linear.
pub async fn begin_write(pool: &Pool) -> Result<(Tx, AuditHead)> {
    let mut tx = pool.begin().await.map_err(storage)?;
    let (seq, hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *tx)
            .await
            .map_err(storage)?;
    Ok((tx, AuditHead { seq, hash }))
}

/// Appends one entry to the chain inside the write transaction.
pub async fn append_audit(tx: &mut Tx, head: &mut AuditHead, draft: AuditDraft) -> Result<()> {
    let seq = head.seq + 1;
    let detail = draft.detail.to_string();
    let hash = crate::audit::entry_hash(
        &head.hash,
        &crate::audit::ChainedFields {
            seq,
            at: draft.at,
            user_id: draft.user_id.as_deref(),
            action: &draft.action,
            entity: &draft.entity,
            entity_id: draft.entity_id.as_deref(),
            detail: &detail,
        },
    );
    sqlx::query(
        "INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(seq)
    .bind(draft.at)
    .bind(draft.user_id)
    .bind(draft.action)
    .bind(draft.entity)
    .bind(draft.entity_id)
    .bind(detail)
    .bind(&head.hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    head.seq = seq;
    head.hash = hash;
    Ok(())
}

/// Moves the head to the last appended entry and commits everything together.
pub async fn commit_write(mut tx: Tx, head: AuditHead) -> Result<()> {
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
        .bind(head.seq)
        .bind(head.hash)
        .execute(&mut *tx)
        .await
        .map_err(storage)?;
    tx.commit().await.map_err(storage_at_commit)
}

pub async fn audit_head(pool: &Pool) -> Result<AuditHead> {
    let (seq, hash): (i64, String) = sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(pool)
        .await
        .map_err(storage)?;
    Ok(AuditHead { seq, hash })
}

/// Audit entries with `seq > after`, in order, at most `limit`.
pub async fn audit_page(pool: &Pool, after: i64, limit: i64) -> Result<Vec<AuditRow>> {
    sqlx::query_as(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash \
         FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Audit entries matching the filter, newest first.
pub async fn audit_search(pool: &Pool, f: &AuditFilter) -> Result<Vec<AuditRow>> {
    let mut c = Conditions::default();
    if let Some(user) = &f.user_id {
        let n = c.bind(Bind::Text(user.clone()));
        c.and(format!("user_id = ${n}"));
    }
    if let Some(action) = &f.action {
        let exact = c.bind(Bind::Text(action.clone()));
        let family = c.bind(Bind::Text(format!("{}.%", escape_like(action))));
        c.and(format!(
            "(action = ${exact} OR action LIKE ${family} ESCAPE '\\')"
        ));
    }
    if let Some(entity) = &f.entity_id {
        let n = c.bind(Bind::Text(entity.clone()));
        c.and(format!("entity_id = ${n}"));
    }
    if let Some(from) = f.from {
        let n = c.bind(Bind::Int(from));
        c.and(format!("at >= ${n}"));
    }
    if let Some(before) = f.before_time {
        let n = c.bind(Bind::Int(before));
        c.and(format!("at < ${n}"));
    }
    if let Some(seq) = f.before_seq {
        let n = c.bind(Bind::Int(seq));
        c.and(format!("seq < ${n}"));
    }
    let limit = c.bind(Bind::Int(f.limit));
    let sql = format!(
        "SELECT seq, at, user_id, action, entity, entity_id, detail, prev_hash, hash \
         FROM audit_log {} ORDER BY seq DESC LIMIT ${limit}",
        c.where_clause()
    );
    let q = bind_all!(sqlx::query_as::<Db, AuditRow>(&sql), c.binds);
    q.fetch_all(pool).await.map_err(storage)
}

// ---- users ----

pub async fn user_count(pool: &Pool) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await
        .map_err(storage)
}

/// Inserts a user; `Ok(false)` when the user name (normalized) is taken.
pub async fn insert_user(tx: &mut Tx, row: &UserRow, username_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO users (id, username, username_key, display_name, role, password_hash, active, \
         must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.username)
    .bind(username_key)
    .bind(&row.display_name)
    .bind(&row.role)
    .bind(&row.password_hash)
    .bind(row.active)
    .bind(row.must_change_password)
    .bind(row.created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

const USER_COLUMNS: &str = "id, username, display_name, role, password_hash, active, \
    must_change_password, created_at, locked_until";

pub async fn user_by_key(pool: &Pool, username_key: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE username_key = $1"))
        .bind(username_key)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

pub async fn user_by_id(pool: &Pool, id: &str) -> Result<Option<UserRow>> {
    sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

pub async fn list_users(pool: &Pool) -> Result<Vec<UserRow>> {
    sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY username_key"))
        .fetch_all(pool)
        .await
        .map_err(storage)
}

/// Counts a failed sign-in; returns the count in a row, including this one.
pub async fn count_login_failure(tx: &mut Tx, id: &str) -> Result<i64> {
    sqlx::query_scalar(
        "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await
    .map_err(storage)
}

/// Sets (or clears, with `None`) a lockout and resets the failure count.
pub async fn set_lock(tx: &mut Tx, id: &str, locked_until: Option<i64>) -> Result<()> {
    sqlx::query("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2")
        .bind(locked_until)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

pub async fn set_password(tx: &mut Tx, id: &str, hash: &str, must_change: bool) -> Result<()> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, must_change_password = $2, failed_logins = 0, \
         locked_until = NULL WHERE id = $3",
    )
    .bind(hash)
    .bind(must_change)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn set_active(tx: &mut Tx, id: &str, active: bool) -> Result<()> {
    sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
        .bind(active)
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    Ok(())
}

// ---- organizations and documents ----

/// Inserts an organization; `Ok(false)` when its national id is taken.
pub async fn insert_org(tx: &mut Tx, row: &OrgRow, name_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO organizations (id, name, name_key, kind, national_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.name)
    .bind(name_key)
    .bind(&row.kind)
    .bind(&row.national_id)
    .bind(row.created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

const ORG_COLUMNS: &str = "id, name, kind, national_id, created_at";

pub async fn org_by_id(pool: &Pool, id: &str) -> Result<Option<OrgRow>> {
    sqlx::query_as(&format!("SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

/// Organizations whose normalized name contains `name_key` (all when empty), by name.
pub async fn list_orgs(pool: &Pool, name_key: &str, limit: i64) -> Result<Vec<OrgRow>> {
    sqlx::query_as(&format!(
        "SELECT {ORG_COLUMNS} FROM organizations WHERE name_key LIKE $1 ESCAPE '\\' \
         ORDER BY name_key, id LIMIT $2"
    ))
    .bind(contains_pattern(name_key))
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Inserts a document; `Ok(false)` when its registry number is taken.
pub async fn insert_doc(tx: &mut Tx, row: &DocRow, title_key: &str) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO documents (id, registry_number, title, title_key, property_plate, location, \
         in_repository, out_request_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT DO NOTHING",
    )
    .bind(&row.id)
    .bind(&row.registry_number)
    .bind(&row.title)
    .bind(title_key)
    .bind(&row.property_plate)
    .bind(&row.location)
    .bind(row.in_repository)
    .bind(&row.out_request_id)
    .bind(row.created_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

const DOC_COLUMNS: &str = "id, registry_number, title, property_plate, location, in_repository, \
    out_request_id, created_at";

pub async fn doc_by_id(pool: &Pool, id: &str) -> Result<Option<DocRow>> {
    sqlx::query_as(&format!("SELECT {DOC_COLUMNS} FROM documents WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

/// Documents whose registry number or normalized title contains `key` (all when empty).
pub async fn list_docs(pool: &Pool, key: &str, limit: i64) -> Result<Vec<DocRow>> {
    sqlx::query_as(&format!(
        "SELECT {DOC_COLUMNS} FROM documents \
         WHERE title_key LIKE $1 ESCAPE '\\' OR registry_number LIKE $1 ESCAPE '\\' \
         ORDER BY registry_number, id LIMIT $2"
    ))
    .bind(contains_pattern(key))
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// A request's documents in the order they were listed.
pub async fn request_docs(pool: &Pool, request_id: &str) -> Result<Vec<DocRow>> {
    sqlx::query_as(
        "SELECT d.id, d.registry_number, d.title, d.property_plate, d.location, d.in_repository, \
         d.out_request_id, d.created_at FROM request_documents rd \
         JOIN documents d ON d.id = rd.document_id WHERE rd.request_id = $1 ORDER BY rd.position",
    )
    .bind(request_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Marks the documents of an `original` dispatch as out. Returns the registry numbers of those
/// already out (then the caller rolls back).
pub async fn take_documents_out(tx: &mut Tx, request_id: &str) -> Result<Vec<String>> {
    let already_out: Vec<String> = sqlx::query_scalar(
        "SELECT d.registry_number FROM request_documents rd JOIN documents d ON d.id = rd.document_id \
         WHERE rd.request_id = $1 AND d.in_repository = $2 ORDER BY rd.position",
    )
    .bind(request_id)
    .bind(false)
    .fetch_all(&mut **tx)
    .await
    .map_err(storage)?;
    if !already_out.is_empty() {
        return Ok(already_out);
    }
    sqlx::query(
        "UPDATE documents SET in_repository = $1, out_request_id = $2 \
         WHERE id IN (SELECT document_id FROM request_documents WHERE request_id = $2)",
    )
    .bind(false)
    .bind(request_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(Vec::new())
}

/// Puts back the documents this request took out.
pub async fn bring_documents_back(tx: &mut Tx, request_id: &str) -> Result<()> {
    sqlx::query(
        "UPDATE documents SET in_repository = $1, out_request_id = NULL WHERE out_request_id = $2",
    )
    .bind(true)
    .bind(request_id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

// ---- tracking codes and requests ----

/// Claims a tracking code in the one namespace; `Ok(false)` when it is already taken.
pub async fn claim_tracking_code(tx: &mut Tx, code: &str, kind: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "INSERT INTO tracking_codes (code, kind, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(code)
    .bind(kind)
    .bind(at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_request(tx: &mut Tx, new: &NewRequestRow) -> Result<()> {
    let r = &new.row;
    sqlx::query(
        "INSERT INTO requests (id, tracking_code, requesting_org_id, destination_org_id, \
         needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, \
         applicant_mobile, letter_number, letter_number_key, letter_date, purpose, priority, \
         status, version, status_since, deadline_at, search_key, created_by, created_at, updated_at, \
         applicant_email, idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25)",
    )
    .bind(&r.id)
    .bind(&r.tracking_code)
    .bind(&r.requesting_org_id)
    .bind(&r.destination_org_id)
    .bind(r.needs_ministry)
    .bind(&r.dispatch_mode)
    .bind(&r.return_due)
    .bind(&r.applicant_name)
    .bind(&r.applicant_national_code)
    .bind(&r.applicant_mobile)
    .bind(&r.letter_number)
    .bind(&new.letter_number_key)
    .bind(&r.letter_date)
    .bind(&r.purpose)
    .bind(&r.priority)
    .bind(&r.status)
    .bind(r.version)
    .bind(r.status_since)
    .bind(r.deadline_at)
    .bind(&new.search_key)
    .bind(&r.created_by)
    .bind(r.created_at)
    .bind(r.updated_at)
    .bind(&r.applicant_email)
    .bind(&new.idempotency_key)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    for (position, doc) in new.document_ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO request_documents (request_id, document_id, position) VALUES ($1, $2, $3)",
        )
        .bind(&r.id)
        .bind(doc)
        .bind(position as i64)
        .execute(&mut **tx)
        .await
        .map_err(storage)?;
    }
    Ok(())
}

/// Records one history line. `seq` is the request's version after the step, so the same step
/// can never be recorded twice (unique index).
pub async fn insert_transition(tx: &mut Tx, t: &TransitionRow) -> Result<()> {
    sqlx::query(
        "INSERT INTO transitions (id, request_id, seq, action, from_status, to_status, user_id, \
         role, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&t.id)
    .bind(&t.request_id)
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

/// The tracking code of the request `created_by` registered under `key`, read inside the write
/// transaction (writers are serialized by the audit head, so two retries cannot both miss it).
pub async fn code_by_idempotency_key(
    tx: &mut Tx,
    created_by: &str,
    key: &str,
) -> Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT tracking_code FROM requests WHERE created_by = $1 AND idempotency_key = $2",
    )
    .bind(created_by)
    .bind(key)
    .fetch_optional(&mut **tx)
    .await
    .map_err(storage)
}

pub async fn request_by_code(pool: &Pool, code: &str) -> Result<Option<RequestRow>> {
    sqlx::query_as(&format!(
        "SELECT {REQUEST_COLUMNS} FROM requests WHERE tracking_code = $1"
    ))
    .bind(code)
    .fetch_optional(pool)
    .await
    .map_err(storage)
}

pub async fn request_history(pool: &Pool, request_id: &str) -> Result<Vec<TransitionRow>> {
    sqlx::query_as(
        "SELECT t.id, t.request_id, t.seq, t.action, t.from_status, t.to_status, t.user_id, \
         u.username, u.display_name, t.role, t.at, t.note FROM transitions t JOIN users u ON u.id = t.user_id \
         WHERE t.request_id = $1 ORDER BY t.seq",
    )
    .bind(request_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Moves a request to `status` if it is still at `expected_version`; `Ok(false)` when another
/// desk got there first (nothing is changed then).
pub async fn move_request(
    tx: &mut Tx,
    id: &str,
    expected_version: i64,
    status: &str,
    deadline_at: Option<i64>,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE requests SET status = $1, version = version + 1, status_since = $2, \
         deadline_at = $3, updated_at = $2 WHERE id = $4 AND version = $5",
    )
    .bind(status)
    .bind(at)
    .bind(deadline_at)
    .bind(id)
    .bind(expected_version)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

// ---- queue and search ----

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

/// Counts of requests in each of `statuses`.
pub async fn count_by_status(pool: &Pool, statuses: &[String]) -> Result<Vec<(String, i64)>> {
    let mut binds = Vec::new();
    let sql = format!(
        "SELECT status, COUNT(*) FROM requests WHERE status IN ({}) GROUP BY status",
        placeholders(&mut binds, statuses.iter().map(|s| Bind::Text(s.clone())))
    );
    let q = bind_all!(sqlx::query_as::<Db, (String, i64)>(&sql), binds);
    q.fetch_all(pool).await.map_err(storage)
}

/// Overdue requests among `statuses` at `now`.
pub async fn count_overdue(pool: &Pool, statuses: &[String], now: i64) -> Result<i64> {
    let mut binds = Vec::new();
    let mut sql = format!(
        "SELECT COUNT(*) FROM requests WHERE status IN ({})",
        placeholders(&mut binds, statuses.iter().map(|s| Bind::Text(s.clone())))
    );
    binds.push(Bind::Int(now));
    sql.push_str(&format!(" AND deadline_at < ${}", binds.len()));
    let q = bind_all!(sqlx::query_scalar::<Db, i64>(&sql), binds);
    q.fetch_one(pool).await.map_err(storage)
}

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
        let list = placeholders(&mut c.binds, f.statuses.iter().map(|s| Bind::Text(s.clone())));
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
        let n = c.bind(Bind::Text(contains_pattern(text)));
        c.and(format!("r.search_key LIKE ${n} ESCAPE '\\'"));
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
    fetch_summaries(pool, &sql, c.binds).await
}

async fn fetch_summaries(pool: &Pool, sql: &str, binds: Vec<Bind>) -> Result<Vec<RequestSummaryRow>> {
    let q = bind_all!(sqlx::query_as::<Db, RequestSummaryRow>(sql), binds);
    q.fetch_all(pool).await.map_err(storage)
}

/// Appends `$n, $n+1, …` for `values` to `binds` and returns the placeholder list.
fn placeholders(binds: &mut Vec<Bind>, values: impl Iterator<Item = Bind>) -> String {
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
fn contains_pattern(key: &str) -> String {
    format!("%{}%", escape_like(key))
}

// ---- settings ----

pub async fn setting(pool: &Pool, key: &str) -> Result<Option<String>> {
    sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

pub async fn put_setting(tx: &mut Tx, key: &str, value: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

// ---- complaints ----

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
    sqlx::query_as(&format!("SELECT {COMPLAINT_COLUMNS} FROM complaints WHERE tracking_code = $1"))
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
pub async fn list_complaints(pool: &Pool, statuses: &[String], assigned_to: Option<&str>, limit: i64) -> Result<Vec<ComplaintRow>> {
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

pub async fn request_code_by_id(pool: &Pool, id: &str) -> Result<Option<String>> {
    sqlx::query_scalar("SELECT tracking_code FROM requests WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(storage)
}

// ---- holidays and overdue ----

pub async fn holidays(pool: &Pool) -> Result<Vec<HolidayRow>> {
    sqlx::query_as("SELECT day, title FROM holidays ORDER BY day")
        .fetch_all(pool)
        .await
        .map_err(storage)
}

/// Adds a holiday or renames it; `Ok(true)` when the day was not a holiday before.
pub async fn put_holiday(tx: &mut Tx, day: &str, title: &str, at: i64) -> Result<bool> {
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

// ---- the outbox ----

const OUTBOX_COLUMNS: &str = "id, channel, recipient, subject, body, entity, entity_id, event, \
    state, attempts, next_attempt_at, last_error, created_at, sent_at";

pub async fn insert_outbox(tx: &mut Tx, m: &OutboxRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO outbox ({OUTBOX_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
         $11, $12, $13, $14)"
    ))
    .bind(&m.id)
    .bind(&m.channel)
    .bind(&m.recipient)
    .bind(&m.subject)
    .bind(&m.body)
    .bind(&m.entity)
    .bind(&m.entity_id)
    .bind(&m.event)
    .bind(&m.state)
    .bind(m.attempts)
    .bind(m.next_attempt_at)
    .bind(&m.last_error)
    .bind(m.created_at)
    .bind(m.sent_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Messages due for an attempt at `now`, oldest due first.
pub async fn due_outbox(pool: &Pool, now: i64, limit: i64) -> Result<Vec<OutboxRow>> {
    sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1 \
         ORDER BY next_attempt_at, id LIMIT $2"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Takes a due message for this desk until `until`, unless another desk took it first.
pub async fn lease_outbox(tx: &mut Tx, id: &str, seen_next: i64, until: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND state = 'pending' \
         AND next_attempt_at = $3",
    )
    .bind(until)
    .bind(id)
    .bind(seen_next)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

pub async fn outbox_sent(tx: &mut Tx, id: &str, at: i64) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1, \
         last_error = NULL WHERE id = $2",
    )
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn outbox_retry(tx: &mut Tx, id: &str, next_at: i64, error: &str) -> Result<()> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 \
         WHERE id = $3",
    )
    .bind(next_at)
    .bind(error)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

pub async fn outbox_for(pool: &Pool, entity: &str, entity_id: &str) -> Result<Vec<OutboxRow>> {
    sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE entity = $1 AND entity_id = $2 \
         ORDER BY created_at, id"
    ))
    .bind(entity)
    .bind(entity_id)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

pub async fn count_pending_outbox(pool: &Pool) -> Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
        .fetch_one(pool)
        .await
        .map_err(storage)
}

// ---- notices ----

const NOTICE_COLUMNS: &str =
    "id, kind, body, starts_at, ends_at, read_only, created_by, created_at, cancelled_at";

pub async fn insert_notice(tx: &mut Tx, n: &NoticeRow) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO notices ({NOTICE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&n.id)
    .bind(&n.kind)
    .bind(&n.body)
    .bind(n.starts_at)
    .bind(n.ends_at)
    .bind(n.read_only)
    .bind(&n.created_by)
    .bind(n.created_at)
    .bind(n.cancelled_at)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(())
}

/// Cancels a notice; `Ok(false)` when there is none by that id or it was already cancelled.
pub async fn cancel_notice(tx: &mut Tx, id: &str, at: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE notices SET cancelled_at = $1 WHERE id = $2 AND cancelled_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(storage)?;
    Ok(done.rows_affected() == 1)
}

/// The notice board, newest first.
pub async fn notices(pool: &Pool, limit: i64) -> Result<Vec<NoticeRow>> {
    sqlx::query_as(&format!(
        "SELECT {NOTICE_COLUMNS} FROM notices ORDER BY starts_at DESC, id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

/// Notices not cancelled that have not ended by `now` and start before `horizon`.
pub async fn current_notices(pool: &Pool, now: i64, horizon: i64) -> Result<Vec<NoticeRow>> {
    sqlx::query_as(&format!(
        "SELECT {NOTICE_COLUMNS} FROM notices WHERE cancelled_at IS NULL AND ends_at > $1 \
         AND starts_at <= $2 ORDER BY starts_at, id"
    ))
    .bind(now)
    .bind(horizon)
    .fetch_all(pool)
    .await
    .map_err(storage)
}

// ---- reports ----

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
pub async fn report_complaints(pool: &Pool, from: i64, before: i64) -> Result<Vec<(String, String, i64)>> {
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
