//! The working calendar on both backends: shipped official holidays, the administrator's edits,
//! Thursdays, and deadlines and the overdue list that honour them.

mod common;

use chrono::{TimeZone, Utc};
use common::{Backend, Office, TestClock};
use sanad_core::model::Role;
use sanad_service::{Error, PageRequest};

/// Wednesday 1404/10/10 (2025-12-31) 20:00 in Tehran. Thursday and Friday follow, then Saturday
/// 1404/10/13, the birth of Imam Ali: an official holiday.
fn wednesday_evening() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 31, 16, 30, 0).unwrap()
}

on_both_backends!(official_holidays_are_shipped, |b: Backend| async move {
    let o = Office::new(b).await;
    let y1404 = o.svc.holidays(&o.clerk, Some(1404)).await.expect("1404");
    let y1405 = o.svc.holidays(&o.reviewer, Some(1405)).await.expect("1405");
    assert_eq!(
        y1404.len(),
        26,
        "the official 1404 calendar has 26 holidays"
    );
    assert_eq!(
        y1405.len(),
        25,
        "the official 1405 calendar has 25 holidays"
    );
    let days: Vec<String> = y1404.iter().map(|h| h.date.to_string()).collect();
    for fixed in [
        "1404/01/01",
        "1404/01/12",
        "1404/01/13",
        "1404/03/14",
        "1404/03/15",
        "1404/11/22",
        "1404/12/29",
    ] {
        assert!(days.contains(&fixed.to_owned()), "{fixed}");
    }
    let ali = y1404
        .iter()
        .find(|h| h.date.to_string() == "1404/10/13")
        .expect("13 Dey");
    assert_eq!(ali.title, "ولادت امام علی (ع)");
    let all = o.svc.holidays(&o.auditor, None).await.expect("all");
    assert_eq!(all.len(), 51);
});

on_both_backends!(
    deadlines_skip_holidays_and_the_admin_edits_them,
    |b: Backend| async move {
        let clock = TestClock::at(wednesday_evening());
        let o = Office::with(b, Some(clock.clone())).await;
        // Submitted: 8 working hours. 4 left on Wednesday; Thursday, Friday and the holiday skipped.
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(
            r.deadline_at.as_deref(),
            Some("2026-01-04T00:30:00Z"),
            "Sunday 04:00"
        );

        // The holiday removed: the next request is due on Saturday.
        o.svc
            .remove_holiday(&o.admin, "۱۴۰۴/۱۰/۱۳")
            .await
            .expect("remove");
        let r2 = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(
            r2.deadline_at.as_deref(),
            Some("2026-01-03T00:30:00Z"),
            "Saturday 04:00"
        );
        let e = o
            .svc
            .remove_holiday(&o.admin, "1404/10/13")
            .await
            .expect_err("already gone");
        assert!(matches!(e, Error::NotFound { what: "holiday" }), "{e:?}");
        assert_eq!(e.message_id(), "error-not-found-holiday");

        // Thursdays worked: due Thursday 04:00.
        o.svc
            .set_thursday_off(&o.admin, false)
            .await
            .expect("thursday");
        assert!(
            !o.svc
                .calendar_settings(&o.clerk)
                .await
                .expect("settings")
                .thursday_off
        );
        let r3 = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(
            r3.deadline_at.as_deref(),
            Some("2026-01-01T00:30:00Z"),
            "Thursday 04:00"
        );

        // A holiday added on that Thursday pushes it to Saturday again.
        let h = o
            .svc
            .add_holiday(&o.admin, "1404/10/11", "تعطیل ویژه")
            .await
            .expect("add");
        assert_eq!(h.date.to_string(), "1404/10/11");
        let r4 = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(r4.deadline_at.as_deref(), Some("2026-01-03T00:30:00Z"));
        // Renaming keeps one row.
        o.svc
            .add_holiday(&o.admin, "1404/10/11", "تعطیلی اعلام‌شده")
            .await
            .expect("rename");
        let y = o.svc.holidays(&o.clerk, Some(1404)).await.expect("list");
        assert_eq!(
            y.iter()
                .filter(|h| h.date.to_string() == "1404/10/11")
                .count(),
            1
        );
        assert_eq!(y.len(), 26);

        let e = o
            .svc
            .add_holiday(&o.admin, "1404/12/30", "نیست")
            .await
            .expect_err("no such day");
        assert_eq!(e.field(), Some("date"));
        let e = o
            .svc
            .add_holiday(&o.admin, "1404/10/12", "  ")
            .await
            .expect_err("title");
        assert_eq!(e.field(), Some("title"));
        for (who, role) in [(&o.clerk, Role::Clerk), (&o.director, Role::Director)] {
            let e = o
                .svc
                .add_holiday(who, "1404/10/12", "x")
                .await
                .expect_err("not admin");
            assert!(matches!(e, Error::NotPermitted { .. }), "{role}");
        }
        let log = o
            .svc
            .audit_log(
                &o.auditor,
                sanad_service::AuditQuery {
                    action: Some("calendar".into()),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
        assert_eq!(log.len(), 3, "one remove and two adds");
    }
);

on_both_backends!(the_overdue_list_honours_holidays, |b: Backend| async move {
    let clock = TestClock::at(wednesday_evening());
    let o = Office::with(b, Some(clock.clone())).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    clock.advance_hours(64); // Saturday noon, the holiday: still on time
    let list = o
        .svc
        .overdue_requests(&o.director, PageRequest::default())
        .await
        .expect("list");
    assert!(list.items.is_empty(), "{:?}", list.items);
    clock.advance_hours(17); // Sunday 05:00: an hour late
    let list = o
        .svc
        .overdue_requests(&o.director, PageRequest::default())
        .await
        .expect("list");
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].tracking_code, r.tracking_code);
    assert!(list.items[0].overdue);
    let q = o
        .svc
        .queue(&o.reviewer, PageRequest::default())
        .await
        .expect("queue");
    assert_eq!(q.overdue, 1);
    let e = o
        .svc
        .overdue_requests(&o.clerk, PageRequest::default())
        .await
        .expect_err("clerk");
    assert!(matches!(e, Error::NotPermitted { .. }));
    assert!(o
        .svc
        .overdue_requests(&o.auditor, PageRequest::default())
        .await
        .is_ok());
});
