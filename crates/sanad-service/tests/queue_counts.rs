//! The queue's counts come from counters the database keeps with every change (migration 0012),
//! not from counting: after registrations, steps and cancellations they equal a full count, on
//! both backends.

mod common;

use std::collections::BTreeMap;

use common::{Backend, Office};
use sanad_core::model::Action;
use sanad_service::{PageRequest, Store};

/// `status → count` of every request, counted the slow way.
async fn counted(o: &Office) -> BTreeMap<String, i64> {
    const SQL: &str = "SELECT status, COUNT(*) FROM requests GROUP BY status";
    let rows: Vec<(String, i64)> = match o.svc.store() {
        Store::Sqlite(pool) => sqlx::query_as(SQL).fetch_all(pool).await,
        Store::Postgres(pool) => sqlx::query_as(SQL).fetch_all(pool).await,
    }
    .expect("count");
    rows.into_iter().collect()
}

/// What a role's queue says it holds, per state.
async fn shown(o: &Office, who: &sanad_service::Actor) -> BTreeMap<String, i64> {
    let q = o
        .svc
        .queue(who, PageRequest::default())
        .await
        .expect("queue");
    q.counts
        .into_iter()
        .map(|c| (c.status.as_str().to_owned(), c.count))
        .collect()
}

on_both_backends!(queue_counts_follow_every_change, |b: Backend| async move {
    let o = Office::new(b).await;
    let mut codes = Vec::new();
    for _ in 0..7 {
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        codes.push(r.tracking_code.as_str().to_owned());
    }
    for code in &codes[..4] {
        o.svc
            .act(&o.reviewer, code, Action::StartReview, None, None)
            .await
            .expect("start");
    }
    for code in &codes[..2] {
        o.svc
            .act(&o.reviewer, code, Action::Forward, None, None)
            .await
            .expect("forward");
    }
    o.svc
        .act(&o.clerk, &codes[6], Action::Cancel, Some("تکراری"), None)
        .await
        .expect("cancel");
    // A step refused changes no count.
    assert!(o
        .svc
        .act(&o.director, &codes[5], Action::Approve, None, None)
        .await
        .is_err());

    let all = counted(&o).await;
    assert_eq!(all.get("submitted"), Some(&2), "{all:?}");
    for who in [&o.clerk, &o.reviewer, &o.director] {
        let shown = shown(&o, who).await;
        for (status, count) in &shown {
            assert_eq!(
                all.get(status),
                Some(count),
                "{status}: {shown:?} vs {all:?}"
            );
        }
    }
    let reviewer = shown(&o, &o.reviewer).await;
    assert_eq!(
        (reviewer.get("submitted"), reviewer.get("under_review")),
        (Some(&2), Some(&2))
    );
});
