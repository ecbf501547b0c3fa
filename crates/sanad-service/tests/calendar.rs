//! The working calendar on both backends: shipped official holidays, the administrator's edits,
//! Thursdays, and deadlines and the overdue list that honour them.

mod common;

use chrono::{TimeZone, Utc};
use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::{Action, Role};
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
    // 26 since migration 0014 added 1405/01/25 (Imam Ja'far al-Sadiq), which the first table
    // lacked.
    assert_eq!(
        y1405.len(),
        26,
        "the official 1405 calendar has 26 holidays"
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
    let shipped = all.iter().filter(|h| h.date.year() <= 1405).count();
    assert_eq!(shipped, 52);
    // And the coming years beside them, computed (tests/holidays_computed.rs).
    assert!(all.iter().any(|h| h.date.to_string() == "1406/01/01"));
});

on_both_backends!(
    deadlines_skip_holidays_and_the_admin_edits_them,
    |b: Backend| async move {
        let clock = TestClock::at(wednesday_evening());
        let o = Office::with(b, Some(clock.clone())).await;
        // Submitted: 8 office hours. Registered after closing on Wednesday; Thursday, Friday and
        // the holiday skipped: Sunday 07:30–14:30, then an hour on Monday.
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(
            r.deadline_at.as_deref(),
            Some("2026-01-05T05:00:00Z"),
            "Monday 08:30"
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
            Some("2026-01-04T05:00:00Z"),
            "Sunday 08:30"
        );
        let e = o
            .svc
            .remove_holiday(&o.admin, "1404/10/13")
            .await
            .expect_err("already gone");
        assert!(matches!(e, Error::NotFound { what: "holiday" }), "{e:?}");
        assert_eq!(e.message_id(), "error-not-found-holiday");

        // Thursdays worked (07:30–12:30): 5 hours on Thursday, 3 on Saturday.
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
            Some("2026-01-03T07:00:00Z"),
            "Saturday 10:30"
        );

        // A holiday added on that Thursday pushes it to Sunday again.
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
        assert_eq!(r4.deadline_at.as_deref(), Some("2026-01-04T05:00:00Z"));
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
    clock.advance_hours(46); // Monday 10:00 Tehran: an hour and a half late (due 08:30)
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

on_both_backends!(
    deadlines_fall_in_the_office_hours_the_admin_sets,
    |b: Backend| async move {
        // Saturday 1404/10/06 09:00 Tehran.
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let settings = o.svc.calendar_settings(&o.clerk).await.expect("settings");
        assert_eq!(
            (
                settings.weekday_opens.as_str(),
                settings.weekday_closes.as_str(),
                settings.thursday_opens.as_str(),
                settings.thursday_closes.as_str()
            ),
            ("07:30", "14:30", "07:30", "12:30"),
            "the defaults"
        );
        // 8 office hours from 09:00: 5½ on Saturday, 2½ on Sunday: Sunday 10:00 Tehran.
        let before = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(before.deadline_at.as_deref(), Some("2025-12-28T06:30:00Z"));

        // Every bad time is refused with its field; nothing changes.
        for (input, field) in [
            (["8", "7", "07:30", "12:30"], "weekday_closes"),
            (["25:00", "14:30", "07:30", "12:30"], "weekday_opens"),
            (["07:30", "14:30", "۰۷:۳۰", "x"], "thursday_closes"),
        ] {
            let e = o
                .svc
                .set_office_hours(&o.admin, hours(input))
                .await
                .expect_err("refused");
            assert_eq!(e.field(), Some(field), "{input:?}");
        }
        // The administrator sets 08:00–16:00 (in Persian digits) and 08:00–12:00 on Thursdays.
        let set = o
            .svc
            .set_office_hours(&o.admin, hours(["۸:۰۰", "۱۶", "08:00", "12:00"]))
            .await
            .expect("set");
        assert_eq!(
            (set.weekday_opens.as_str(), set.weekday_closes.as_str()),
            ("08:00", "16:00")
        );
        // 8 hours from Saturday 09:00: 7 on Saturday, 1 on Sunday: Sunday 09:00 Tehran.
        let after = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(after.deadline_at.as_deref(), Some("2025-12-28T05:30:00Z"));
        // The open request keeps its deadline until it next changes state.
        let kept = o
            .svc
            .request_by_code(&o.clerk, before.tracking_code.as_str())
            .await
            .expect("read");
        assert_eq!(kept.deadline_at, before.deadline_at);
        // Its next state is counted in the new hours: under review, 16 hours from 09:00 Saturday
        // = 7 + 8 + 1: Monday 09:00 Tehran.
        let moved = o
            .svc
            .act(
                &o.reviewer,
                before.tracking_code.as_str(),
                Action::StartReview,
                None,
                None,
            )
            .await
            .expect("review");
        assert_eq!(moved.deadline_at.as_deref(), Some("2025-12-29T05:30:00Z"));

        // Thursdays worked: their own hours. Wednesday 15:00 + 4 h = 1 h Wednesday, 3 h Thursday
        // from 08:00: Thursday 1404/10/11 11:00 Tehran.
        o.svc
            .set_thursday_off(&o.admin, false)
            .await
            .expect("thursday");
        clock.advance_hours(4 * 24 + 6); // Wednesday 1404/10/10 15:00
        let mut urgent = o.request();
        urgent.priority = "urgent".into(); // half of 8
        let r = o
            .svc
            .register_request(&o.clerk, urgent)
            .await
            .expect("register");
        assert_eq!(r.deadline_at.as_deref(), Some("2026-01-01T07:30:00Z"));

        let log = o
            .svc
            .audit_log(
                &o.auditor,
                sanad_service::AuditQuery {
                    action: Some("settings.office_hours".into()),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
        assert_eq!(log.len(), 1, "one change, none for the refused ones");
    }
);

fn hours([wo, wc, to, tc]: [&str; 4]) -> sanad_service::OfficeHoursInput {
    sanad_service::OfficeHoursInput {
        weekday_opens: wo.into(),
        weekday_closes: wc.into(),
        thursday_opens: to.into(),
        thursday_closes: tc.into(),
    }
}
