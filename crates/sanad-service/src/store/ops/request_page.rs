//! A request's page in one statement: the request, its two organizations (joined), and its
//! documents and history (each aggregated into one JSON array of arrays by the database). It is
//! read before every step and for every lookup: four statements were four round trips (four hops
//! to SQLite's worker thread), which was most of a lookup's time.

use std::sync::LazyLock;

use sanad_core::{Error, Result};
use serde_json::Value;

use super::{Pool, JSON_AGG, JSON_ROW};
use crate::store::{storage, DocRow, OrgRow, RequestPageRows, RequestRow, TransitionRow};

#[derive(sqlx::FromRow)]
struct PageRow {
    #[sqlx(flatten)]
    request: RequestRow,
    ro_id: Option<String>,
    ro_name: Option<String>,
    ro_kind: Option<String>,
    ro_national_id: Option<String>,
    ro_created_at: Option<i64>,
    do_id: Option<String>,
    do_name: Option<String>,
    do_kind: Option<String>,
    do_national_id: Option<String>,
    do_created_at: Option<i64>,
    documents_json: Option<String>,
    history_json: Option<String>,
}

/// The statement, built once: `JSON_AGG(JSON_ROW(…) ORDER BY …)` in each dialect.
static PAGE: LazyLock<String> = LazyLock::new(|| {
    let request = super::requests::REQUEST_COLUMNS
        .split(',')
        .map(|c| format!("r.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT {request}, \
         ro.id AS ro_id, ro.name AS ro_name, ro.kind AS ro_kind, ro.national_id AS ro_national_id, \
         ro.created_at AS ro_created_at, \
         de.id AS do_id, de.name AS do_name, de.kind AS do_kind, de.national_id AS do_national_id, \
         de.created_at AS do_created_at, \
         (SELECT CAST({JSON_AGG}({JSON_ROW}(d.id, d.registry_number, d.title, d.property_plate, \
           d.location, d.in_repository, d.out_request_id, d.created_at, d.organization_id) \
           ORDER BY rd.position) AS TEXT) \
          FROM request_documents rd JOIN documents d ON d.id = rd.document_id \
          WHERE rd.request_id = r.id) AS documents_json, \
         (SELECT CAST({JSON_AGG}({JSON_ROW}(t.id, t.request_id, t.seq, t.action, t.from_status, \
           t.to_status, t.user_id, u.username, u.display_name, t.role, t.at, t.note, \
           t.acting_for, f.display_name, t.delegation_id) ORDER BY t.seq) AS TEXT) \
          FROM transitions t JOIN users u ON u.id = t.user_id \
          LEFT JOIN users f ON f.id = t.acting_for WHERE t.request_id = r.id) AS history_json \
         FROM requests r \
         LEFT JOIN organizations ro ON ro.id = r.requesting_org_id \
         LEFT JOIN organizations de ON de.id = r.destination_org_id \
         WHERE r.tracking_code = $1"
    )
});

/// A request's page by tracking code, on a warm connection (`read_connection`).
pub async fn request_page(pool: &Pool, code: &str) -> Result<Option<RequestPageRows>> {
    let row: Option<PageRow> = sqlx::query_as(&PAGE)
        .bind(code)
        .fetch_optional(&mut *super::read_connection(pool).await?)
        .await
        .map_err(storage)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let org = |id, name, kind, national_id, created_at| match (id, name, kind, created_at) {
        (Some(id), Some(name), Some(kind), Some(created_at)) => Some(OrgRow {
            id,
            name,
            kind,
            national_id,
            created_at,
        }),
        _ => None,
    };
    Ok(Some(RequestPageRows {
        requesting: org(
            row.ro_id,
            row.ro_name,
            row.ro_kind,
            row.ro_national_id,
            row.ro_created_at,
        ),
        destination: org(
            row.do_id,
            row.do_name,
            row.do_kind,
            row.do_national_id,
            row.do_created_at,
        ),
        documents: rows(row.documents_json.as_deref(), document)?,
        history: rows(row.history_json.as_deref(), transition)?,
        request: row.request,
    }))
}

/// The rows of one aggregated column (PostgreSQL's `json_agg` of no rows is NULL).
fn rows<T>(json: Option<&str>, each: fn(&[Value]) -> Option<T>) -> Result<Vec<T>> {
    let Some(json) = json else {
        return Ok(Vec::new());
    };
    let malformed = || Error::Storage("a request page row of the wrong shape".into());
    let items: Vec<Value> = serde_json::from_str(json).map_err(|_| malformed())?;
    items
        .into_iter()
        .map(|item| {
            // An inner array may come back as its text (an SQLite JSON value's subtype does not
            // always survive an aggregate): read either.
            let row = match item {
                Value::Array(row) => row,
                Value::String(text) => serde_json::from_str(&text).map_err(|_| malformed())?,
                _ => return Err(malformed()),
            };
            each(&row).ok_or_else(malformed)
        })
        .collect()
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// `None` for SQL NULL; a column of the wrong type fails the row.
fn optional_text(v: &Value) -> Option<Option<String>> {
    match v {
        Value::Null => Some(None),
        v => text(v).map(Some),
    }
}

/// A boolean as each dialect writes it into JSON: PostgreSQL `true`, SQLite `1`.
fn boolean(v: &Value) -> Option<bool> {
    v.as_bool().or_else(|| v.as_i64().map(|n| n != 0))
}

fn document(a: &[Value]) -> Option<DocRow> {
    let [id, registry_number, title, plate, location, in_repository, out, created_at, org] = a
    else {
        return None;
    };
    Some(DocRow {
        id: text(id)?,
        registry_number: text(registry_number)?,
        title: text(title)?,
        property_plate: optional_text(plate)?,
        location: optional_text(location)?,
        in_repository: boolean(in_repository)?,
        out_request_id: optional_text(out)?,
        created_at: created_at.as_i64()?,
        organization_id: optional_text(org)?,
    })
}

fn transition(a: &[Value]) -> Option<TransitionRow> {
    let [id, request_id, seq, action, from, to, user_id, username, display_name, role, at, note, acting_for, acting_for_name, delegation_id] =
        a
    else {
        return None;
    };
    Some(TransitionRow {
        id: text(id)?,
        request_id: text(request_id)?,
        seq: seq.as_i64()?,
        action: text(action)?,
        from_status: optional_text(from)?,
        to_status: text(to)?,
        user_id: text(user_id)?,
        username: text(username)?,
        display_name: text(display_name)?,
        role: text(role)?,
        at: at.as_i64()?,
        note: optional_text(note)?,
        acting_for: optional_text(acting_for)?,
        acting_for_name: optional_text(acting_for_name)?,
        delegation_id: optional_text(delegation_id)?,
    })
}
