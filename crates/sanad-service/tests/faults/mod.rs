//! Desks working on PostgreSQL while the server misbehaves (a test makes it misbehave): each
//! desk registers requests with an idempotency key and starts their review with the version it
//! saw, and retries whatever failed with "connection lost", as the app does. Afterwards every
//! acknowledged write is there exactly once.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sanad_core::model::{Action, Status};
use sanad_i18n::{Lang, Localizer};
use sanad_service::{Actor, Error, NewRequest, Service, Store};

/// Opens a transaction on `conn` holding the audit queue locked against writes: every desk's
/// next write (each queues an audit entry) then waits inside the server, so a fault that follows
/// surely cuts calls in flight. Lasts until the transaction ends or the session is cut.
pub async fn hold_audit_writes(conn: &mut sqlx::PgConnection) {
    sqlx::query("BEGIN")
        .execute(&mut *conn)
        .await
        .expect("begin");
    sqlx::query("LOCK TABLE audit_pending IN EXCLUSIVE MODE")
        .execute(&mut *conn)
        .await
        .expect("lock the audit queue");
    tokio::time::sleep(Duration::from_millis(700)).await;
}

/// What the desks saw.
#[derive(Default, Debug)]
pub struct DeskLog {
    /// idempotency key → tracking code, for every registration acknowledged.
    pub registered: BTreeMap<String, String>,
    /// Tracking codes whose review start was acknowledged.
    pub reviewed: Vec<String>,
    /// Calls that failed with `connection_lost` (then retried).
    pub lost: usize,
    /// Any other failure: must stay empty.
    pub other_errors: Vec<String>,
}

/// How long a desk keeps retrying one call before giving up (a restart takes a few seconds).
const RETRY_FOR: Duration = Duration::from_secs(60);

/// Retries `call` while it fails with a lost connection; counts the losses and checks each one
/// is told to the user in Persian.
async fn retried<T, F, Fut>(log: &mut DeskLog, mut call: F) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, Error>>,
{
    let started = Instant::now();
    loop {
        match call().await {
            Err(e @ Error::ConnectionLost { .. }) => {
                log.lost += 1;
                let payload = e.to_payload();
                assert_eq!(payload.code, "connection_lost");
                let fa = Localizer::new(Lang::Fa).message(payload.message_id, &payload.args);
                assert!(fa.contains("ارتباط با پایگاه داده"), "message: {fa}");
                if started.elapsed() > RETRY_FOR {
                    return Err(e);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// Two desks (the office's two clerks, one reviewer) working until [`Desks::stop`].
pub struct Desks {
    stop: Arc<AtomicBool>,
    running: Vec<tokio::task::JoinHandle<DeskLog>>,
}

impl Desks {
    pub fn start(office: &crate::common::Office) -> Desks {
        let stop = Arc::new(AtomicBool::new(false));
        let running = [("a", &office.clerk), ("b", &office.clerk2)]
            .into_iter()
            .map(|(name, clerk)| {
                tokio::spawn(desk(
                    office.svc.clone(),
                    clerk.clone(),
                    office.reviewer.clone(),
                    office.request(),
                    name,
                    stop.clone(),
                ))
            })
            .collect();
        Desks { stop, running }
    }

    /// Stops the desks and checks nothing but lost connections went wrong: their logs, and how
    /// many calls lost their connection (printed with the registrations).
    pub async fn stop(self) -> (Vec<DeskLog>, usize) {
        self.stop.store(true, Ordering::SeqCst);
        let mut logs = Vec::new();
        for d in self.running {
            logs.push(d.await.expect("desk"));
        }
        for log in &logs {
            assert!(log.other_errors.is_empty(), "{:?}", log.other_errors);
        }
        let lost: usize = logs.iter().map(|l| l.lost).sum();
        println!(
            "calls that lost their connection: {lost}; registered: {}",
            logs.iter().map(|l| l.registered.len()).sum::<usize>()
        );
        (logs, lost)
    }
}

/// One desk: register, start the review, repeat until `stop`.
async fn desk(
    svc: Service,
    clerk: Actor,
    reviewer: Actor,
    template: NewRequest,
    name: &'static str,
    stop: Arc<AtomicBool>,
) -> DeskLog {
    let mut log = DeskLog::default();
    let mut n = 0;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        let key = format!("{name}-draft-{n:05}");
        let new = NewRequest {
            idempotency_key: Some(key.clone()),
            ..template.clone()
        };
        let view = match retried(&mut log, || svc.register_request(&clerk, new.clone())).await {
            Ok(v) => v,
            Err(e) => {
                log.other_errors.push(format!("register: {e}"));
                continue;
            }
        };
        let code = view.tracking_code.as_str().to_owned();
        log.registered.insert(key, code.clone());
        match retried(&mut log, || {
            svc.act(&reviewer, &code, Action::StartReview, None, Some(1))
        })
        .await
        {
            Ok(v) if v.status == Status::UnderReview && v.version == 2 => log.reviewed.push(code),
            Ok(v) => log.other_errors.push(format!(
                "start_review answered {:?} v{}",
                v.status, v.version
            )),
            Err(e) => log.other_errors.push(format!("start_review: {e}")),
        }
    }
    log
}

/// Checks the database against what the desks were told: each key registered once, each
/// acknowledged step there once, the audit chain intact.
pub async fn check(svc: &Service, auditor: &Actor, logs: &[DeskLog]) {
    let Store::Postgres(pool) = svc.store() else {
        panic!("PostgreSQL only");
    };
    let registered: usize = logs.iter().map(|l| l.registered.len()).sum();
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(DISTINCT idempotency_key) FROM requests")
        .fetch_one(pool)
        .await
        .expect("count keys");
    let requests: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM requests")
        .fetch_one(pool)
        .await
        .expect("count requests");
    // A registration whose answer was lost and never retried (the run stopped) may exist
    // unacknowledged; none may exist twice.
    assert_eq!(requests, keys, "a registration was applied twice");
    assert!(requests as usize >= registered);
    for log in logs {
        for (key, code) in &log.registered {
            let stored: Option<String> =
                sqlx::query_scalar("SELECT tracking_code FROM requests WHERE idempotency_key = $1")
                    .bind(key)
                    .fetch_optional(pool)
                    .await
                    .expect("by key");
            assert_eq!(
                stored.as_ref(),
                Some(code),
                "acknowledged registration {key} lost"
            );
        }
        for code in &log.reviewed {
            let steps: Vec<String> = sqlx::query_scalar(
                "SELECT t.action FROM transitions t JOIN requests r ON r.id = t.request_id \
                 WHERE r.tracking_code = $1 ORDER BY t.seq",
            )
            .bind(code)
            .fetch_all(pool)
            .await
            .expect("history");
            assert_eq!(steps, ["register", "start_review"], "request {code}");
        }
    }
    let mismatched: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM requests r WHERE r.version <> \
         (SELECT COUNT(*) FROM transitions t WHERE t.request_id = r.id)",
    )
    .fetch_one(pool)
    .await
    .expect("versions");
    assert_eq!(mismatched, 0, "a step doubled or missing");
    let report = svc.verify_audit(auditor).await.expect("verify audit");
    assert!(report.intact, "audit chain: {report:?}");
}
