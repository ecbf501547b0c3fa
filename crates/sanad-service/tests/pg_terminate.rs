//! PostgreSQL sessions ended under the desks (`pg_terminate_backend`, as an administrator or a
//! failover does): every call either completes once or fails with "connection lost" in Persian;
//! retried with the same idempotency key or expected version, nothing is applied twice, and the
//! service reconnects by itself.

mod common;
mod faults;

use std::time::{Duration, Instant};

use common::{Backend, Office};
use sqlx::Connection;

/// Ends every session of database `db` but `sparing`'s; how many it ended.
async fn end_sessions(killer: &mut sqlx::PgConnection, db: &str, sparing: i32) -> usize {
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2",
    )
    .bind(db)
    .bind(sparing)
    .fetch_all(killer)
    .await
    .expect("terminate");
    ended.into_iter().filter(|e| *e).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desks_survive_terminated_sessions() {
    let office = Office::new(Backend::Postgres).await;
    let admin_url = std::env::var("SANAD_TEST_PG_URL").expect("SANAD_TEST_PG_URL");
    let db_name: String = match office.svc.store() {
        sanad_service::Store::Postgres(pool) => sqlx::query_scalar("SELECT current_database()")
            .fetch_one(pool)
            .await
            .expect("database name"),
        _ => unreachable!("a PostgreSQL office"),
    };
    let desks = faults::Desks::start(&office);
    // End every session of this test's database, again and again, for a few seconds and at
    // least until a call has been hit.
    let mut killer = sqlx::PgConnection::connect(&admin_url)
        .await
        .expect("admin");
    // The first round ends sessions that are surely mid-call: the killer holds the audit head
    // locked, so every desk's next write is waiting inside the server.
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&admin_url);
    let mut locker = sqlx::PgConnection::connect(&format!("{base}/{db_name}"))
        .await
        .expect("locker");
    faults::hold_audit_writes(&mut locker).await;
    let locker_pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut locker)
        .await
        .expect("locker pid");
    let mut kills = end_sessions(&mut killer, &db_name, locker_pid).await;
    sqlx::query("ROLLBACK")
        .execute(&mut locker)
        .await
        .expect("release the audit head");
    drop(locker);
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(4) || kills < 20 {
        kills += end_sessions(&mut killer, &db_name, 0).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        if started.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    let (logs, lost) = desks.stop().await;
    println!("sessions ended: {kills}");
    assert!(lost > 0, "no call was hit by a terminated session");
    // Back to normal: the same service works without being reopened.
    let again = sanad_service::NewRequest {
        idempotency_key: Some("after-the-faults".into()),
        ..office.request()
    };
    let view = office
        .svc
        .register_request(&office.clerk, again)
        .await
        .expect("works again after the faults");
    assert_eq!(view.version, 1);
    faults::check(&office.svc, &office.auditor, &logs).await;
}
