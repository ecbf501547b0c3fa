//! An open desk learns of changes committed by another desk (another service on the same
//! database: a second process on SQLite, another PostgreSQL session).

mod common;

use std::time::Duration;

use common::*;
use sanad_core::model::Action;
use sanad_service::{DeskSignal, Service};

/// The next change's sequence number, skipping nothing else (a test that cuts nothing sees only
/// changes).
async fn next_change(feed: &mut sanad_service::ChangeFeed) -> i64 {
    match tokio::time::timeout(PATIENCE, feed.next())
        .await
        .expect("a signal arrives")
    {
        DeskSignal::Changed { seq } => seq,
        other => panic!("expected a change, got {other:?}"),
    }
}

/// Only guards against a hang: the feed normally answers within a second, and the assertion is
/// that the change arrives at all.
const PATIENCE: Duration = Duration::from_secs(30);

on_both_backends!(another_desks_changes_reach_the_feed, |backend| async move {
    let office = Office::new(backend).await;
    let other_desk = Service::connect(office.url()).await.expect("second desk");
    let mut feed = office.svc.watch_changes(&office.clerk).await.expect("feed");

    let clerk = other_desk.login("clerk", PASSWORD).await.expect("clerk");
    let view = other_desk
        .register_request(&clerk, office.request())
        .await
        .expect("registered");
    let first = next_change(&mut feed).await;
    let report = office
        .svc
        .verify_audit(&office.auditor)
        .await
        .expect("audit");
    assert!(
        first > 0 && first <= report.entries,
        "seq {first}, {report:?}"
    );

    let reviewer = other_desk
        .login("reviewer", PASSWORD)
        .await
        .expect("reviewer");
    other_desk
        .act(
            &reviewer,
            view.tracking_code.as_str(),
            Action::StartReview,
            None,
            None,
        )
        .await
        .expect("approved");
    let mut later = first;
    while later <= first {
        later = next_change(&mut feed).await;
    }
    other_desk.close().await;
});

/// PostgreSQL: when the desk's listening connection is cut (a server restart, a network blip),
/// the feed listens again by itself and says the database is back, so the desk refreshes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cut_listening_connection_comes_back() {
    let office = Office::new(Backend::Postgres).await;
    // The office's setup sealed first, so its batch's notification is not the first signal.
    office.svc.seal_audit().await.expect("seal");
    let mut feed = office.svc.watch_changes(&office.clerk).await.expect("feed");
    let admin = Service::connect(&std::env::var("SANAD_TEST_PG_URL").expect("SANAD_TEST_PG_URL"))
        .await
        .expect("server admin connection");
    let database = office
        .url()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let sanad_service::Store::Postgres(pool) = admin.store() else {
        panic!("a PostgreSQL store");
    };
    let cut: i64 = sqlx::query_scalar(
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = $1 AND query ILIKE 'LISTEN%'",
    )
    .bind(&database)
    .fetch_one(pool)
    .await
    .expect("terminate the listener");
    assert_eq!(cut, 1, "one listening connection");
    match tokio::time::timeout(PATIENCE, feed.next())
        .await
        .expect("a signal arrives")
    {
        DeskSignal::Restored { seq } => assert!(seq > 0),
        // Slow machines may see the loss first; then the return follows.
        DeskSignal::Lost => assert!(matches!(
            tokio::time::timeout(PATIENCE, feed.next())
                .await
                .expect("back"),
            DeskSignal::Restored { .. }
        )),
        other => panic!("expected the connection back, got {other:?}"),
    }
    // And it still hears changes.
    let clerk = office.svc.login("clerk", PASSWORD).await.expect("clerk");
    office
        .svc
        .register_request(&clerk, office.request())
        .await
        .expect("registered");
    next_change(&mut feed).await;
    admin.close().await;
}
