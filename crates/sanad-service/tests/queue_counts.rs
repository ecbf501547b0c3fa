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

/// `who` takes `action` on each of `codes` at the version it has now; a refusal fails the test.
async fn act_on(o: &Office, who: &sanad_service::Actor, codes: &[String], action: Action) {
    for code in codes {
        o.svc
            .act(who, code, action, None, None)
            .await
            .unwrap_or_else(|e| panic!("{action} on {code}: {e}"));
    }
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
    act_on(&o, &o.reviewer, &codes[..4], Action::StartReview).await;
    act_on(&o, &o.reviewer, &codes[..2], Action::Forward).await;
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
        act_on(&o, &o.reviewer, &codes[..5], Action::StartReview).await;
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

/// On PostgreSQL every write takes its counter rows in one order, so desks never deadlock on
/// them (eight desks in `sanad-bench figures` did: "deadlock detected"). Here a registration is
/// imitated holding its state's `status_counts` row, as it does between its two counters; a
/// step on another request of the same shard and day must then wait for that row before it
/// takes any `deadline_counts` row, so the registration can still take its deadline row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_counter_rows_are_taken_in_one_order() {
    let o = Office::new(Backend::Postgres).await;
    let Store::Postgres(pool) = o.svc.store() else {
        unreachable!("a PostgreSQL office")
    };
    // Two requests in the same shard (1 in 32 per pair), registered now: the same day too.
    let shard_of = |code: String| async move {
        let row: (i64, i64) = sqlx::query_as(
            "SELECT CAST(hashtext(id) & 31 AS BIGINT), deadline_at / 86400000000 FROM requests \
             WHERE tracking_code = $1",
        )
        .bind(&code)
        .fetch_one(pool)
        .await
        .expect("shard");
        row
    };
    let mut seen: BTreeMap<(i64, i64), String> = BTreeMap::new();
    let (shard, day, stepped) = loop {
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let code = r.tracking_code.as_str().to_owned();
        let key = shard_of(code.clone()).await;
        if seen.contains_key(&key) {
            break (key.0, key.1, code);
        }
        seen.insert(key, code);
    };
    let mut registration = pool.acquire().await.expect("connection");
    sqlx::query("BEGIN")
        .execute(&mut *registration)
        .await
        .expect("begin");
    sqlx::query(
        "SELECT count FROM status_counts WHERE status = 'submitted' AND shard = $1 FOR UPDATE",
    )
    .bind(shard)
    .execute(&mut *registration)
    .await
    .expect("the registration's status counter");
    let step = {
        let (svc, reviewer) = (o.svc.clone(), o.reviewer.clone());
        tokio::spawn(async move {
            svc.act(&reviewer, &stepped, Action::StartReview, None, None)
                .await
        })
    };
    // Time for the step to take whatever it takes before it must wait (a slow machine only
    // makes the old order pass unseen, never the right one fail).
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let deadline_row = sqlx::query(
        "SELECT count FROM deadline_counts WHERE status = 'submitted' AND day = $1 AND shard = $2 \
         FOR UPDATE NOWAIT",
    )
    .bind(day)
    .bind(shard)
    .execute(&mut *registration)
    .await;
    assert!(
        deadline_row.is_ok(),
        "the step took the deadline counter before the status counter: {deadline_row:?}"
    );
    sqlx::query("ROLLBACK")
        .execute(&mut *registration)
        .await
        .expect("rollback");
    drop(registration);
    let stepped = step.await.expect("join").expect("the step goes on");
    assert_eq!(stepped.status, sanad_core::model::Status::UnderReview);
}

/// (state, UTC day, requests whose deadline falls on it).
type DayCount = (String, i64, i64);

/// Every request's deadline counted once per state and day, summed the slow way and from the
/// counters: equal, shard by shard folded or not.
async fn deadline_counters_match(o: &Office) {
    const SLOW: &str = "SELECT status, CAST(deadline_at / 86400000000 AS BIGINT), COUNT(*) \
        FROM requests WHERE deadline_at IS NOT NULL GROUP BY 1, 2";
    const KEPT: &str = "SELECT status, day, CAST(SUM(count) AS BIGINT) FROM deadline_counts \
        GROUP BY 1, 2 HAVING SUM(count) <> 0";
    let (slow, kept): (Vec<DayCount>, Vec<DayCount>) = match o.svc.store() {
        Store::Sqlite(pool) => (
            sqlx::query_as(SLOW).fetch_all(pool).await.expect("slow"),
            sqlx::query_as(KEPT).fetch_all(pool).await.expect("kept"),
        ),
        Store::Postgres(pool) => (
            sqlx::query_as(SLOW).fetch_all(pool).await.expect("slow"),
            sqlx::query_as(KEPT).fetch_all(pool).await.expect("kept"),
        ),
    };
    let slow: std::collections::BTreeSet<_> = slow.into_iter().collect();
    let kept: std::collections::BTreeSet<_> = kept.into_iter().collect();
    assert_eq!(kept, slow);
}

on_both_backends!(
    past_days_folded_into_one_row_keep_every_count,
    |b: Backend| async move {
        let clock = common::TestClock::at(common::saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let mut codes = Vec::new();
        for _ in 0..40 {
            let r = o
                .svc
                .register_request(&o.clerk, o.request())
                .await
                .expect("register");
            codes.push(r.tracking_code.as_str().to_owned());
            clock.advance_hours(13);
        }
        act_on(&o, &o.reviewer, &codes[..6], Action::StartReview).await;
        clock.advance_hours(24 * 30);
        // The desk's own sealer may have folded some days already (its hourly pass, on the
        // system clock): what matters is that none is left spread over shards.
        let folded = o.svc.fold_overdue_counters().await.expect("fold");
        let before_day = clock.now().timestamp_micros().div_euclid(86_400_000_000) - 1;
        const SPREAD: &str = "SELECT COUNT(*) FROM deadline_counts WHERE shard <> 0 AND day < $1";
        let spread: i64 = match o.svc.store() {
            Store::Postgres(pool) => sqlx::query_scalar(SPREAD)
                .bind(before_day)
                .fetch_one(pool)
                .await
                .expect("shards"),
            Store::Sqlite(pool) => {
                assert_eq!(folded, 0, "SQLite counts in one shard");
                sqlx::query_scalar(SPREAD)
                    .bind(before_day)
                    .fetch_one(pool)
                    .await
                    .expect("shards")
            }
        };
        assert_eq!(spread, 0, "every past day in one row");
        deadline_counters_match(&o).await;
        // Requests leave folded days: each takes its count from the folded row.
        act_on(&o, &o.reviewer, &codes[6..16], Action::StartReview).await;
        act_on(&o, &o.reviewer, &codes[..4], Action::Forward).await;
        o.svc
            .act(&o.clerk, &codes[20], Action::Cancel, Some("تکراری"), None)
            .await
            .expect("cancel after the fold");
        deadline_counters_match(&o).await;
        let now = clock.now().timestamp_micros();
        let q = o
            .svc
            .queue(&o.reviewer, PageRequest::default())
            .await
            .expect("queue");
        let states = ["submitted", "under_review"];
        assert_eq!(q.overdue, overdue_counted(&o, &states, now).await);
        // Folding again finds nothing new, and changes nothing.
        assert_eq!(o.svc.fold_overdue_counters().await.expect("again"), 0);
        deadline_counters_match(&o).await;
    }
);
