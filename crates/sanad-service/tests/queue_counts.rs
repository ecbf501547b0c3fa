//! The queue's counts come from counters the database keeps with every change (migration 0012),
//! not from counting: after registrations, steps and cancellations they equal a full count, on
//! both backends.

mod common;

use std::collections::BTreeMap;

use common::{Backend, Office};
use sanad_core::model::Action;
use sanad_service::{Clock, PageRequest, Store};

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

/// Overdue requests of `statuses` at the clock's `now`, counted the slow way.
async fn overdue_counted(o: &Office, statuses: &[&str], now: i64) -> i64 {
    let list = statuses
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql =
        format!("SELECT COUNT(*) FROM requests WHERE status IN ({list}) AND deadline_at < {now}");
    match o.svc.store() {
        Store::Sqlite(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
        Store::Postgres(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
    }
    .expect("count")
}

on_both_backends!(
    the_overdue_count_follows_the_clock_and_every_change,
    |b: Backend| async move {
        let clock = common::TestClock::at(common::saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        // Registered over two weeks at different hours, so the deadlines fall on many days and
        // at many times of a day.
        let mut codes = Vec::new();
        for i in 0..12 {
            let r = o
                .svc
                .register_request(&o.clerk, o.request())
                .await
                .expect("register");
            codes.push(r.tracking_code.as_str().to_owned());
            clock.advance_hours(if i % 3 == 0 { 5 } else { 23 });
        }
        for code in &codes[..5] {
            o.svc
                .act(&o.reviewer, code, Action::StartReview, None, None)
                .await
                .expect("start");
        }
        o.svc
            .act(&o.clerk, &codes[11], Action::Cancel, Some("تکراری"), None)
            .await
            .expect("cancel");
        let states = ["submitted", "under_review"];
        let mut seen = Vec::new();
        // Hour by hour across the deadlines: the count the queue shows equals the slow count,
        // including at times inside a day that holds deadlines on both sides of now.
        for _ in 0..(24 * 12) {
            let now = clock.now().timestamp_micros();
            let q = o
                .svc
                .queue(&o.reviewer, PageRequest::default())
                .await
                .expect("queue");
            let slow = overdue_counted(&o, &states, now).await;
            assert_eq!(q.overdue, slow, "at {now}");
            seen.push(slow);
            clock.advance_hours(1);
        }
        assert!(seen.first() < seen.last(), "{seen:?}");
        assert!(
            seen.windows(2).any(|w| w[0] != w[1] && w[1] != 11),
            "the count moved step by step: {seen:?}"
        );
    }
);
