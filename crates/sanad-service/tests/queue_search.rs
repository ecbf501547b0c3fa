//! Queues sort by service-level deadline and page without gaps; search honours every filter.

mod common;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::jalali::JalaliDate;
use sanad_core::model::{Action, Status};
use sanad_service::{NewRequest, PageRequest, SearchQuery, StatusCount};

on_both_backends!(
    queue_is_by_deadline_and_pages_without_gaps,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let mut registered = Vec::new();
        for i in 0..7 {
            let priority = if i == 5 { "urgent" } else { "normal" };
            let new = NewRequest {
                priority: priority.into(),
                ..o.request()
            };
            registered.push(
                o.svc
                    .register_request(&o.clerk, new)
                    .await
                    .expect("register"),
            );
            clock.advance_hours(2);
        }
        // One moves on to the director: it leaves the reviewer's "submitted" count.
        let moved = &registered[0];
        let moved = o
            .svc
            .act(
                &o.reviewer,
                moved.tracking_code.as_str(),
                Action::StartReview,
                None,
                None,
            )
            .await
            .expect("start");
        o.svc
            .act(
                &o.reviewer,
                moved.tracking_code.as_str(),
                Action::Forward,
                None,
                None,
            )
            .await
            .expect("forward");

        let q = o
            .svc
            .queue(&o.reviewer, PageRequest::default())
            .await
            .expect("queue");
        assert_eq!(
            q.counts,
            vec![StatusCount {
                status: Status::Submitted,
                count: 6
            }]
        );
        let order: Vec<_> = q.items.iter().map(|i| i.tracking_code.clone()).collect();
        // Registered every 2 hours from Saturday 09:00, normal ones due 8 office hours later
        // (07:30–14:30): the 1st (11:00) Sunday 12:00, the 2nd (13:00) Sunday 14:00, the 3rd,
        // 4th and 6th (after closing) Monday 08:30, in the order registered. The urgent one (5th,
        // 19:00) gets 4 hours: Sunday 11:30, before them all.
        let expected: Vec<_> = [5, 1, 2, 3, 4, 6]
            .iter()
            .map(|i| registered[*i].tracking_code.clone())
            .collect();
        assert_eq!(order, expected);
        // Saturday 23:00 Tehran: nothing is late yet.
        assert_eq!(q.overdue, 0);
        // Monday 08:00: the three due on Sunday are late, the three due at 08:30 not yet.
        clock.advance_hours(33);
        let q = o
            .svc
            .queue(&o.reviewer, PageRequest::default())
            .await
            .expect("queue");
        assert_eq!(q.overdue, 3);
        assert!(q.items[..3].iter().all(|i| i.overdue));
        assert!(q.items[3..].iter().all(|i| !i.overdue));

        // Page through two at a time: the same six, in the same order, no repeats.
        let mut paged = Vec::new();
        let mut cursor = None;
        loop {
            let page = o
                .svc
                .queue(
                    &o.reviewer,
                    PageRequest {
                        cursor: cursor.clone(),
                        limit: Some(2),
                    },
                )
                .await
                .expect("page");
            paged.extend(page.items.iter().map(|i| i.tracking_code.clone()));
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(paged, expected);

        let director = o
            .svc
            .queue(&o.director, PageRequest::default())
            .await
            .expect("director queue");
        assert_eq!(director.items.len(), 1);
        assert!(o
            .svc
            .queue(&o.admin, PageRequest::default())
            .await
            .expect("admin")
            .items
            .is_empty());

        // A week later everything is overdue.
        clock.advance_hours(24 * 7);
        let q = o
            .svc
            .queue(&o.reviewer, PageRequest::default())
            .await
            .expect("queue");
        assert_eq!(q.overdue, 6);
        assert!(q.items.iter().all(|i| i.overdue));
    }
);

on_both_backends!(
    queue_deadlines_skip_thursday_and_friday,
    |b: Backend| async move {
        // Wednesday 1404/10/03 (2025-12-24) 20:00 Tehran, after closing, target 8 office hours:
        // Thursday and Friday off, Saturday 07:30–14:30, due Sunday 08:30 Tehran. (A week
        // later the Saturday is 1404/10/13, an official holiday: see tests/calendar.rs.)
        let start =
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 12, 24, 16, 30, 0).unwrap();
        let clock = TestClock::at(start);
        let o = Office::with(b, Some(clock.clone())).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let due = chrono::DateTime::parse_from_rfc3339(r.deadline_at.as_deref().expect("deadline"))
            .expect("rfc3339");
        assert_eq!(
            due.to_utc(),
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2025, 12, 28, 5, 0, 0).unwrap()
        );
        clock.advance_hours(40); // Friday noon: still on time
        assert_eq!(
            o.svc
                .queue(&o.reviewer, PageRequest::default())
                .await
                .expect("q")
                .overdue,
            0
        );
        clock.advance_hours(45); // Sunday 09:00 Tehran
        assert_eq!(
            o.svc
                .queue(&o.reviewer, PageRequest::default())
                .await
                .expect("q")
                .overdue,
            1
        );
    }
);

on_both_backends!(search_honours_every_filter, |b: Backend| async move {
    let clock = TestClock::at(saturday_morning());
    let o = Office::with(b, Some(clock.clone())).await;
    let mut first = o.request();
    first.purpose = "ارسال كتابچه سند به بانك".into(); // Arabic kaf and yeh
    first.letter.number = "۷۷/ب/۱۲".into();
    let a = o.svc.register_request(&o.clerk, first).await.expect("a");
    clock.advance_hours(48);
    let second = NewRequest {
        requesting_org: o.agency2.clone(),
        destination_org: Some(o.court.clone()),
        ..o.request()
    };
    let b2 = o.svc.register_request(&o.clerk, second).await.expect("b");
    o.svc
        .act(
            &o.reviewer,
            b2.tracking_code.as_str(),
            Action::StartReview,
            None,
            None,
        )
        .await
        .expect("start");

    let find = |q: SearchQuery| {
        let svc = o.svc.clone();
        let clerk = o.clerk.clone();
        async move {
            svc.search(&clerk, q)
                .await
                .expect("search")
                .items
                .into_iter()
                .map(|i| i.tracking_code)
                .collect::<Vec<_>>()
        }
    };
    let both = vec![b2.tracking_code.clone(), a.tracking_code.clone()];
    assert_eq!(find(SearchQuery::default()).await, both, "newest first");
    assert_eq!(
        find(SearchQuery {
            code: Some(sanad_i18n::to_persian_digits(&a.tracking_code_grouped)),
            ..Default::default()
        })
        .await,
        vec![a.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            org: Some(o.agency2.clone()),
            ..Default::default()
        })
        .await,
        vec![b2.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            org: Some(o.court.clone()),
            ..Default::default()
        })
        .await,
        vec![b2.tracking_code.clone()],
        "destination counts"
    );
    assert_eq!(
        find(SearchQuery {
            letter: Some("77/ب/12".into()),
            ..Default::default()
        })
        .await,
        vec![a.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            status: Some("under_review".into()),
            ..Default::default()
        })
        .await,
        vec![b2.tracking_code.clone()]
    );
    // Persian letters find what was typed with Arabic ones, and the other way round.
    assert_eq!(
        find(SearchQuery {
            text: Some("کتابچه".into()),
            ..Default::default()
        })
        .await,
        vec![a.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            text: Some("بانك".into()),
            ..Default::default()
        })
        .await,
        vec![a.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            text: Some("دادگستري".into()),
            ..Default::default()
        })
        .await,
        vec![b2.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            text: Some("50%".into()),
            ..Default::default()
        })
        .await,
        Vec::<sanad_core::TrackingCode>::new(),
        "LIKE wildcards are literal"
    );
    // Jalali date range, in Tehran days.
    let day_a = JalaliDate::from_utc(saturday_morning()).to_string();
    let day_b = JalaliDate::from_utc(saturday_morning() + chrono::Duration::hours(48)).to_string();
    assert_eq!(
        find(SearchQuery {
            from: Some(day_a.clone()),
            to: Some(day_a.clone()),
            ..Default::default()
        })
        .await,
        vec![a.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            from: Some(sanad_i18n::to_persian_digits(&day_b)),
            ..Default::default()
        })
        .await,
        vec![b2.tracking_code.clone()]
    );
    assert_eq!(
        find(SearchQuery {
            from: Some(day_a.clone()),
            to: Some(day_b.clone()),
            ..Default::default()
        })
        .await,
        both
    );
    let reversed = o
        .svc
        .search(
            &o.clerk,
            SearchQuery {
                from: Some(day_b),
                to: Some(day_a),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(reversed, Err(sanad_service::Error::Invalid { ref field, .. }) if field == "to"),
        "{reversed:?}"
    );
    // Paging by one.
    let page = o
        .svc
        .search(
            &o.clerk,
            SearchQuery {
                limit: Some(1),
                ..Default::default()
            },
        )
        .await
        .expect("page 1");
    assert_eq!(page.items.len(), 1);
    let page2 = o
        .svc
        .search(
            &o.clerk,
            SearchQuery {
                limit: Some(1),
                cursor: page.next.clone(),
                ..Default::default()
            },
        )
        .await
        .expect("page 2");
    assert_eq!(page2.items[0].tracking_code, a.tracking_code);
    assert_eq!(page2.next, None);
    let bad_cursor = o
        .svc
        .search(
            &o.clerk,
            SearchQuery {
                cursor: Some("x'; DROP TABLE requests; --".into()),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(bad_cursor, Err(sanad_service::Error::Invalid { ref field, .. }) if field == "cursor")
    );
});
