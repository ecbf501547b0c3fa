//! The PostgreSQL server restarted while desks work. Needs `SANAD_TEST_PG_RESTART`, a command
//! that restarts the server behind `SANAD_TEST_PG_URL` (the README's test command sets it);
//! without it the test says so and passes. Its own test binary: a restart cuts every database.

mod common;
mod faults;

use std::time::Duration;

use common::{Backend, Office};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desks_survive_a_server_restart() {
    let Ok(restart) = std::env::var("SANAD_TEST_PG_RESTART") else {
        eprintln!("SANAD_TEST_PG_RESTART is not set: the server restart is not tested");
        return;
    };
    let office = Office::new(Backend::Postgres).await;
    let desks = faults::Desks::start(&office);
    tokio::time::sleep(Duration::from_secs(2)).await;
    // A restart between two calls cuts nothing (the pool reconnects before the next one), so
    // hold the audit head locked: every desk's next write then waits inside the server when it
    // goes down, and the fast shutdown ends it mid-call.
    let mut blocker = match office.svc.store() {
        sanad_service::Store::Postgres(pool) => pool.acquire().await.expect("blocker"),
        _ => unreachable!("a PostgreSQL office"),
    };
    faults::hold_audit_writes(&mut blocker).await;
    let command = restart.clone();
    let status = tokio::task::spawn_blocking(move || {
        std::process::Command::new("bash")
            .args(["-c", &command])
            .status()
    })
    .await
    .expect("restart task")
    .expect("run the restart command");
    assert!(status.success(), "restart command failed: {restart}");
    // The blocker's session ended with the server; its connection is not returned to the pool.
    blocker.detach();
    // Work on after the server is back, long enough for every desk to reconnect.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (logs, lost) = desks.stop().await;
    assert!(lost > 0, "no call was hit by the restart");
    faults::check(&office.svc, &office.auditor, &logs).await;
}
