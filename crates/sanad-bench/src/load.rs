//! Bulk-loads synthetic but realistic requests straight into the tables (as a migration from a
//! legacy register would), with histories consistent with the workflow.

use std::collections::HashSet;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sanad_core::normalize;
use sanad_core::TrackingCode;
use sanad_service::{Applicant, Letter, NewRequest, Store};
use sqlx::Connection;

pub const ORG_NAMES: &[&str] = &[
    "اداره کل راه و شهرسازی",
    "دانشگاه علوم پزشکی",
    "اداره کل منابع طبیعی",
    "شهرداری مرکز استان",
    "اداره کل آموزش و پرورش",
    "اداره کل ثبت اسناد",
];
const FIRST: &[&str] = &[
    "علی",
    "زهرا",
    "محمد",
    "فاطمه",
    "حسین",
    "مریم",
    "رضا",
    "سارا",
    "مهدی",
    "نرگس",
];
const LAST: &[&str] = &[
    "رضایی",
    "احمدی",
    "کریمی",
    "حسینی",
    "موسوی",
    "محمدی",
    "جعفری",
    "کاظمی",
    "رحیمی",
    "صادقی",
];
const PURPOSES: &[&str] = &[
    "ارسال سند برای تنظیم قرارداد اجاره",
    "ارائه به دادگاه برای رسیدگی به دعوی",
    "تفکیک پلاک و صدور سند تک‌برگ",
    "استعلام وضعیت ملک از اداره ثبت",
    "ارائه به بانک برای ترهین",
];
pub const SEARCH_WORDS: &[&str] = &["کاظمي", "دادگاه", "ترهين", "نرگس رحیمی", "تفکیک"];

/// The main line of the workflow, and how many steps along it a loaded request has gone.
const PATH: &[(&str, Option<&str>, &str, &str)] = &[
    ("register", None, "submitted", "clerk"),
    (
        "start_review",
        Some("submitted"),
        "under_review",
        "reviewer",
    ),
    (
        "forward",
        Some("under_review"),
        "awaiting_director",
        "reviewer",
    ),
    ("approve", Some("awaiting_director"), "approved", "director"),
    ("dispatch", Some("approved"), "dispatched", "clerk"),
    ("confirm_delivery", Some("dispatched"), "delivered", "clerk"),
    ("close", Some("delivered"), "closed", "clerk"),
];

pub struct Loaded {
    pub transitions: usize,
    pub sample_codes: Vec<String>,
}

struct Generated {
    id: String,
    code: String,
    org: String,
    doc: String,
    applicant: String,
    national_code: String,
    letter: String,
    purpose: String,
    priority: &'static str,
    status: &'static str,
    steps: usize,
    created_at: i64,
    deadline_at: Option<i64>,
    search_key: String,
}

fn national_code(rng: &mut StdRng) -> String {
    loop {
        let digits: Vec<u32> = (0..9).map(|_| rng.gen_range(0..10)).collect();
        if digits.iter().all(|d| *d == digits[0]) {
            continue;
        }
        let s: u32 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| d * (10 - i as u32))
            .sum();
        let r = s % 11;
        let check = if r < 2 { r } else { 11 - r };
        return digits
            .iter()
            .chain(std::iter::once(&check))
            .map(|d| d.to_string())
            .collect();
    }
}

fn generate(
    rng: &mut StdRng,
    codes: &mut HashSet<String>,
    orgs: &[String],
    docs: &[String],
    now: i64,
) -> Generated {
    let code = loop {
        let c = TrackingCode::generate(rng).as_str().to_owned();
        if codes.insert(c.clone()) {
            break c;
        }
    };
    let steps = match rng.gen_range(0..100) {
        0..=69 => 7,
        70..=79 => 1,
        80..=84 => 2,
        85..=89 => 3,
        90..=94 => 4,
        _ => 5,
    };
    let created_at = now - rng.gen_range(0..730 * 24 * 3_600_i64) * 1_000_000;
    let applicant = format!(
        "{} {}",
        FIRST[rng.gen_range(0..FIRST.len())],
        LAST[rng.gen_range(0..LAST.len())]
    );
    let purpose = PURPOSES[rng.gen_range(0..PURPOSES.len())].to_owned();
    let letter = format!("{}/{}", rng.gen_range(1..999), rng.gen_range(1000..99999));
    let org_i = rng.gen_range(0..orgs.len());
    let status = PATH[steps - 1].2;
    let search_key = normalize::search_key(&format!(
        "{applicant} {letter} {purpose} {}",
        ORG_NAMES[org_i % ORG_NAMES.len()]
    ));
    Generated {
        id: uuid::Uuid::now_v7().to_string(),
        code,
        org: orgs[org_i].clone(),
        doc: docs[rng.gen_range(0..docs.len())].clone(),
        applicant,
        national_code: national_code(rng),
        letter,
        purpose,
        priority: if rng.gen_range(0..10) == 0 {
            "urgent"
        } else {
            "normal"
        },
        status,
        steps,
        created_at,
        deadline_at: (steps < 7).then_some(created_at + (steps as i64 + 8) * 3_600_000_000),
        search_key,
    }
}

pub async fn bulk_load(
    store: &Store,
    clerk_id: &str,
    orgs: &[String],
    docs: &[String],
    total: usize,
) -> Result<Loaded, String> {
    let mut rng = StdRng::seed_from_u64(1404);
    let mut codes = HashSet::with_capacity(total);
    let now = chrono::Utc::now().timestamp_micros();
    let mut transitions = 0;
    let mut sample_codes = Vec::new();
    let batch = 20_000;
    let mut done = 0;
    while done < total {
        let n = batch.min(total - done);
        let rows: Vec<Generated> = (0..n)
            .map(|_| generate(&mut rng, &mut codes, orgs, docs, now))
            .collect();
        transitions += rows.iter().map(|r| r.steps).sum::<usize>();
        sample_codes.extend(rows.iter().step_by(500).map(|r| r.code.clone()));
        match store {
            Store::Sqlite(pool) => sqlite_batch(pool, clerk_id, &rows)
                .await
                .map_err(|e| e.to_string())?,
            Store::Postgres(pool) => postgres_batch(pool, clerk_id, &rows)
                .await
                .map_err(|e| e.to_string())?,
        }
        done += n;
    }
    Ok(Loaded {
        transitions,
        sample_codes,
    })
}

async fn sqlite_batch(
    pool: &sqlx::SqlitePool,
    clerk: &str,
    rows: &[Generated],
) -> Result<(), sqlx::Error> {
    use sqlx::QueryBuilder;
    // Multi-row INSERTs: one statement per few hundred rows, well under SQLite's variable limit.
    let mut tx = pool.begin().await?;
    for chunk in rows.chunks(400) {
        let mut q = QueryBuilder::new("INSERT INTO tracking_codes (code, kind, created_at) ");
        q.push_values(chunk, |mut b, r| {
            b.push_bind(&r.code)
                .push_bind("request")
                .push_bind(r.created_at);
        });
        q.build().execute(&mut *tx).await?;

        let mut q = QueryBuilder::new(REQUEST_COLUMNS);
        q.push_values(chunk, |mut b, r| {
            let since = r.created_at + (r.steps as i64 - 1) * 3_600_000_000;
            b.push_bind(&r.id)
                .push_bind(&r.code)
                .push_bind(&r.org)
                .push_bind(None::<String>)
                .push_bind(false)
                .push_bind("electronic_copy")
                .push_bind(None::<String>)
                .push_bind(&r.applicant)
                .push_bind(&r.national_code)
                .push_bind("09121234567")
                .push_bind(&r.letter)
                .push_bind(normalize::identifier(&r.letter))
                .push_bind("1403/01/15")
                .push_bind(&r.purpose)
                .push_bind(r.priority)
                .push_bind(r.status)
                .push_bind(r.steps as i64)
                .push_bind(since)
                .push_bind(r.deadline_at)
                .push_bind(&r.search_key)
                .push_bind(clerk)
                .push_bind(r.created_at)
                .push_bind(since);
        });
        q.build().execute(&mut *tx).await?;

        let mut q =
            QueryBuilder::new("INSERT INTO request_documents (request_id, document_id, position) ");
        q.push_values(chunk, |mut b, r| {
            b.push_bind(&r.id).push_bind(&r.doc).push_bind(0_i64);
        });
        q.build().execute(&mut *tx).await?;

        let steps: Vec<(&Generated, usize)> = chunk
            .iter()
            .flat_map(|r| (0..r.steps).map(move |i| (r, i)))
            .collect();
        let mut q = QueryBuilder::new("INSERT INTO transitions (id, request_id, seq, action, from_status, to_status, user_id, role, at, note) ");
        q.push_values(&steps, |mut b, (r, i)| {
            let (action, from, to, _) = PATH[*i];
            b.push_bind(uuid::Uuid::now_v7().to_string())
                .push_bind(&r.id)
                .push_bind(*i as i64 + 1)
                .push_bind(action)
                .push_bind(from)
                .push_bind(to)
                .push_bind(clerk)
                .push_bind("clerk")
                .push_bind(r.created_at + *i as i64 * 3_600_000_000)
                .push_bind(None::<String>);
        });
        q.build().execute(&mut *tx).await?;
    }
    tx.commit().await
}

const REQUEST_COLUMNS: &str = "INSERT INTO requests (id, tracking_code, requesting_org_id, destination_org_id, \
    needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, applicant_mobile, \
    letter_number, letter_number_key, letter_date, purpose, priority, status, version, status_since, \
    deadline_at, search_key, created_by, created_at, updated_at) ";

/// COPY's text format: tabs, newlines and backslashes escaped, `\N` for NULL.
fn copy_field(out: &mut String, value: Option<&str>) {
    match value {
        None => out.push_str("\\N"),
        Some(v) => {
            for c in v.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
        }
    }
}

fn copy_line(out: &mut String, fields: &[Option<&str>]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        copy_field(out, *f);
    }
    out.push('\n');
}

async fn copy(
    conn: &mut sqlx::PgConnection,
    statement: &str,
    data: String,
) -> Result<(), sqlx::Error> {
    let mut copy = conn.copy_in_raw(statement).await?;
    copy.send(data.into_bytes()).await?;
    copy.finish().await?;
    Ok(())
}

async fn postgres_batch(
    pool: &sqlx::PgPool,
    clerk: &str,
    rows: &[Generated],
) -> Result<(), sqlx::Error> {
    let (mut codes, mut requests, mut links, mut history) =
        (String::new(), String::new(), String::new(), String::new());
    for r in rows {
        let created = r.created_at.to_string();
        copy_line(
            &mut codes,
            &[Some(&r.code), Some("request"), Some(&created)],
        );
        let since = (r.created_at + (r.steps as i64 - 1) * 3_600_000_000).to_string();
        let deadline = r.deadline_at.map(|d| d.to_string());
        let steps = r.steps.to_string();
        let letter_key = normalize::identifier(&r.letter);
        copy_line(
            &mut requests,
            &[
                Some(&r.id),
                Some(&r.code),
                Some(&r.org),
                None,
                Some("f"),
                Some("electronic_copy"),
                None,
                Some(&r.applicant),
                Some(&r.national_code),
                Some("09121234567"),
                Some(&r.letter),
                Some(&letter_key),
                Some("1403/01/15"),
                Some(&r.purpose),
                Some(r.priority),
                Some(r.status),
                Some(&steps),
                Some(&since),
                deadline.as_deref(),
                Some(&r.search_key),
                Some(clerk),
                Some(&created),
                Some(&since),
            ],
        );
        copy_line(&mut links, &[Some(&r.id), Some(&r.doc), Some("0")]);
        for (i, (action, from, to, _)) in PATH.iter().take(r.steps).enumerate() {
            let id = uuid::Uuid::now_v7().to_string();
            let seq = (i + 1).to_string();
            let at = (r.created_at + i as i64 * 3_600_000_000).to_string();
            copy_line(
                &mut history,
                &[
                    Some(&id),
                    Some(&r.id),
                    Some(&seq),
                    Some(action),
                    *from,
                    Some(to),
                    Some(clerk),
                    Some("clerk"),
                    Some(&at),
                    None,
                ],
            );
        }
    }
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    copy(
        &mut tx,
        "COPY tracking_codes (code, kind, created_at) FROM STDIN",
        codes,
    )
    .await?;
    copy(&mut tx, "COPY requests (id, tracking_code, requesting_org_id, destination_org_id, needs_ministry, dispatch_mode, return_due, applicant_name, applicant_national_code, applicant_mobile, letter_number, letter_number_key, letter_date, purpose, priority, status, version, status_since, deadline_at, search_key, created_by, created_at, updated_at) FROM STDIN", requests).await?;
    copy(
        &mut tx,
        "COPY request_documents (request_id, document_id, position) FROM STDIN",
        links,
    )
    .await?;
    copy(&mut tx, "COPY transitions (id, request_id, seq, action, from_status, to_status, user_id, role, at, note) FROM STDIN", history).await?;
    tx.commit().await
}

/// A request as a desk would register it during the benchmark.
pub fn new_request(orgs: &[String], docs: &[String], i: usize) -> NewRequest {
    NewRequest {
        idempotency_key: None,
        requesting_org: orgs[i % orgs.len()].clone(),
        destination_org: None,
        documents: vec![docs[i % docs.len()].clone()],
        dispatch_mode: "electronic_copy".into(),
        return_due: None,
        applicant: Applicant {
            name: format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 10) % LAST.len()]),
            national_code: "0499370899".into(),
            mobile: "09121234567".into(),
            email: None,
        },
        letter: Letter {
            number: format!("{i}/بنچ"),
            date: "1404/08/01".into(),
        },
        purpose: PURPOSES[i % PURPOSES.len()].into(),
        priority: "normal".into(),
    }
}

/// Tracking codes of requests already in the database (codes are random, so the first by code
/// are a fair sample).
pub async fn sample_codes(store: &Store) -> Result<Vec<String>, String> {
    const SQL: &str = "SELECT tracking_code FROM requests ORDER BY tracking_code LIMIT 2000";
    match store {
        Store::Sqlite(pool) => sqlx::query_scalar(SQL).fetch_all(pool).await,
        Store::Postgres(pool) => sqlx::query_scalar(SQL).fetch_all(pool).await,
    }
    .map_err(|e| e.to_string())
}

/// How many requests the database holds.
pub async fn count_requests(store: &Store) -> Result<i64, String> {
    const SQL: &str = "SELECT COUNT(*) FROM requests";
    match store {
        Store::Sqlite(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
        Store::Postgres(pool) => sqlx::query_scalar(SQL).fetch_one(pool).await,
    }
    .map_err(|e| e.to_string())
}
