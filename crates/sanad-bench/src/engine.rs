//! The storage engine's own write rate on the same database, for `figures`: each transaction is
//! one request-like row (a tracking code, a state, a version, times and ~300 bytes of text, with
//! the code indexed) and one audit-like row, committed on its own; SQLite on one connection to
//! the same file with the same key and pragmas (WAL, synchronous FULL), PostgreSQL through
//! `pgbench` with a custom script, one client and then as many as desks.

use std::str::FromStr;
use std::time::{Duration, Instant};

use sanad_service::{DatabaseKey, Keychain, SecretName, Service, Store};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

pub struct EngineRates {
    pub one: f64,
    pub many: f64,
}

const CREATE: &[&str] = &[
    "CREATE TABLE IF NOT EXISTS bench_engine_request (id TEXT PRIMARY KEY, code TEXT NOT NULL, \
     status TEXT NOT NULL, version BIGINT NOT NULL, at BIGINT NOT NULL, body TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS bench_engine_request_code ON bench_engine_request (code)",
    "CREATE TABLE IF NOT EXISTS bench_engine_audit (at BIGINT NOT NULL, action TEXT NOT NULL, \
     entity_id TEXT NOT NULL, detail TEXT NOT NULL, hash TEXT NOT NULL)",
];
const DROP: &[&str] = &[
    "DROP TABLE IF EXISTS bench_engine_request",
    "DROP TABLE IF EXISTS bench_engine_audit",
];
const BODY: &str = "علی رضایی ۰۴۹۹۳۷۰۸۹۹ ۰۹۱۲۱۲۳۴۵۶۷ ارسال سند برای تنظیم قرارداد اجاره اداره کل راه و شهرسازی سند مالکیت پلاک ۱۲ بخش ۳ نامه ۱۲۳/ص/۴۵";

pub async fn rates(
    svc: &Service,
    url: &str,
    desks: usize,
    seconds: u64,
) -> Result<EngineRates, String> {
    match svc.store() {
        Store::Sqlite(_) => sqlite(url, desks, seconds).await,
        Store::Postgres(_) => postgres(url, desks, seconds).await,
    }
}

async fn sqlite_connection(url: &str) -> Result<sqlx::SqliteConnection, String> {
    let path = sanad_service::sqlite_file(url).ok_or("not an SQLite URL")?;
    let hex = Keychain::get(&SecretName::DatabaseKey(path.display().to_string()))
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no key for the database in the keychain")?;
    let key = DatabaseKey::from_hex(&hex).ok_or("the keychain's key is not a key")?;
    SqliteConnectOptions::from_str(url)
        .map_err(|e| e.to_string())?
        .pragma("key", key.pragma_value())
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(30))
        // The same page cache as a desk's connections (`Store::connect`), and the key kept out
        // of sqlx's statement log.
        .pragma("cache_size", "-65536")
        .disable_statement_logging()
        .connect()
        .await
        .map_err(|e| e.to_string())
}

async fn sqlite(url: &str, desks: usize, seconds: u64) -> Result<EngineRates, String> {
    let mut conn = sqlite_connection(url).await?;
    for sql in CREATE {
        sqlx::query(sql)
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
    }
    let one = sqlite_rate(&mut conn, seconds, 0).await?;
    // SQLite writes one at a time whatever the connections: several writers on the same file
    // are the same rate at best. Measured with as many connections taking turns.
    let mut conns = vec![conn];
    for _ in 1..desks {
        conns.push(sqlite_connection(url).await?);
    }
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, mut c) in conns.into_iter().enumerate() {
        tasks.push(tokio::spawn(async move {
            let done = sqlite_rate(&mut c, seconds, (n as u64 + 1) << 40).await;
            (done, c)
        }));
    }
    let mut total = 0.0;
    let mut last = None;
    for t in tasks {
        let (rate, c) = t.await.map_err(|e| e.to_string())?;
        total += rate? * seconds as f64;
        last = Some(c);
    }
    let many = total / started.elapsed().as_secs_f64();
    if let Some(mut c) = last {
        for sql in DROP {
            sqlx::query(sql)
                .execute(&mut c)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(EngineRates { one, many })
}

async fn sqlite_rate(
    conn: &mut sqlx::SqliteConnection,
    seconds: u64,
    base: u64,
) -> Result<f64, String> {
    let started = Instant::now();
    let mut n: u64 = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        let id = format!("{:016x}", base + n);
        let mut tx = conn
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(|e| e.to_string())?;
        sqlx::query("INSERT INTO bench_engine_request (id, code, status, version, at, body) VALUES ($1, $2, 'submitted', 1, $3, $4)")
            .bind(&id).bind(&id[4..]).bind(n as i64).bind(BODY)
            .execute(&mut *tx).await.map_err(|e| e.to_string())?;
        sqlx::query("INSERT INTO bench_engine_audit (at, action, entity_id, detail, hash) VALUES ($1, 'request.register', $2, '{}', $3)")
            .bind(n as i64).bind(&id).bind(&id)
            .execute(&mut *tx).await.map_err(|e| e.to_string())?;
        tx.commit().await.map_err(|e| e.to_string())?;
        n += 1;
    }
    Ok(n as f64 / started.elapsed().as_secs_f64())
}

async fn postgres(url: &str, desks: usize, seconds: u64) -> Result<EngineRates, String> {
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .map_err(|e| e.to_string())?;
    for sql in CREATE {
        sqlx::query(sql)
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
    }
    let script = std::env::temp_dir().join(format!("sanad-engine-{}.sql", std::process::id()));
    std::fs::write(
        &script,
        format!(
            "\\set n random(1, 1000000000000)\n\
             BEGIN;\n\
             INSERT INTO bench_engine_request (id, code, status, version, at, body) \
             VALUES (:n || '-' || :client_id || '-' || random(), :n::text, 'submitted', 1, :n, '{BODY}');\n\
             INSERT INTO bench_engine_audit (at, action, entity_id, detail, hash) \
             VALUES (:n, 'request.register', :n::text, '{{}}', :n::text);\n\
             END;\n"
        ),
    )
    .map_err(|e| e.to_string())?;
    let one = pgbench(url, &script, 1, seconds)?;
    let many = pgbench(url, &script, desks, seconds)?;
    let _ = std::fs::remove_file(&script);
    for sql in DROP {
        sqlx::query(sql)
            .execute(&mut conn)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(EngineRates { one, many })
}

/// `pgbench`'s transactions per second for `clients` running `script` for `seconds`.
fn pgbench(
    url: &str,
    script: &std::path::Path,
    clients: usize,
    seconds: u64,
) -> Result<f64, String> {
    let binary = pgbench_binary();
    let out = std::process::Command::new(&binary)
        .args(["-n", "-f"])
        .arg(script)
        .args([
            "-c",
            &clients.to_string(),
            "-j",
            &clients.min(2).to_string(),
            "-T",
            &seconds.to_string(),
        ])
        .arg(url)
        .output()
        .map_err(|e| format!("{binary}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "pgbench failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| format!("no tps in pgbench's output: {stdout}"))
}

/// Debian keeps `pgbench` with the server's other binaries, outside PATH.
fn pgbench_binary() -> String {
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        let mut versions: Vec<_> = entries
            .flatten()
            .map(|e| e.path().join("bin/pgbench"))
            .filter(|p| p.exists())
            .collect();
        versions.sort();
        if let Some(last) = versions.pop() {
            return last.display().to_string();
        }
    }
    "pgbench".to_owned()
}
