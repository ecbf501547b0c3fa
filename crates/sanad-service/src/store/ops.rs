// The storage operations, written once and compiled per backend by `include!` inside a module
// that defines `type Db` (see mod.rs). SQL here must be valid in both SQLite and PostgreSQL:
// `$n` placeholders, `||` for concatenation, `RETURNING`, `ON CONFLICT DO NOTHING`.

#[allow(unused_imports)]
use sanad_core::Result;
#[allow(unused_imports)]
use crate::store::{
    escape_like, storage, storage_at_commit, AuditDraft, AuditFilter, Conditions, AuditHead, AuditRow, Bind, DocRow, NewRequestRow, OrgRow, QueueFilter,
    RequestRow, RequestSummaryRow, SearchFilter, TransitionRow, UserRow,
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
    applicant_mobile, letter_number, letter_date, purpose, priority, status, version, \
    status_since, deadline_at, created_by, created_at, updated_at";

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
         idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24)",
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
         u.username, t.role, t.at, t.note FROM transitions t JOIN users u ON u.id = t.user_id \
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
