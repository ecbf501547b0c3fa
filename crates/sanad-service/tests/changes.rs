//! An open desk learns of changes committed by another desk (another service on the same
//! database: a second process on SQLite, another PostgreSQL session).

mod common;

use std::time::Duration;

use common::*;
use sanad_core::model::Action;
use sanad_service::Service;

/// Only guards against a hang: the feed normally answers within a second, and the assertion is
/// that the change arrives at all.
const PATIENCE: Duration = Duration::from_secs(30);

on_both_backends!(another_desks_changes_reach_the_feed, |backend| async move {
    let office = Office::new(backend).await;
    let other_desk = Service::connect(office.url()).await.expect("second desk");
    let mut feed = office.svc.watch_changes().await.expect("feed");

    let clerk = other_desk.login("clerk", PASSWORD).await.expect("clerk");
    let view = other_desk
        .register_request(&clerk, office.request())
        .await
        .expect("registered");
    let first = tokio::time::timeout(PATIENCE, feed.next())
        .await
        .expect("the registration is announced")
        .expect("feed works");
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
        later = tokio::time::timeout(PATIENCE, feed.next())
            .await
            .expect("the approval is announced")
            .expect("feed works");
    }
    other_desk.close().await;
});
