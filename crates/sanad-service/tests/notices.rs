//! Notices on both backends: banners from the lead time until the end, the board's history,
//! and read-only maintenance windows that refuse every write but the administrator's.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::Action;
use sanad_service::{Error, NewComplaint, NewNotice, NewOrganization, NoticeKind, PageRequest};

/// Sunday 1404/10/07 14:00–18:00 Tehran, read-only.
fn window() -> NewNotice {
    NewNotice {
        kind: NoticeKind::Maintenance,
        text: "به‌روزرسانی کارساز پایگاه داده".into(),
        starts: "۱۴۰۴/۱۰/۰۷ ۱۴:۰۰".into(),
        ends: "1404/10/07 18:00".into(),
        read_only: true,
    }
}

fn tehran(d: u32, h: u32) -> chrono::DateTime<Utc> {
    // December 2025, Tehran is UTC+3:30.
    Utc.with_ymd_and_hms(2025, 12, d, h, 0, 0).unwrap() - Duration::minutes(210)
}

fn read_only(e: &Error) -> bool {
    matches!(
        e,
        Error::NotPermitted {
            message_id: "error-read-only-maintenance",
            ..
        }
    )
}

on_both_backends!(
    banners_show_from_the_lead_time_until_the_end,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let n = o.svc.add_notice(&o.admin, window()).await.expect("add");
        assert_eq!(n.starts_at, "2025-12-28T10:30:00Z");
        assert_eq!(n.ends_jalali, "1404/10/07 18:00");
        let shown = |at| {
            let svc = o.svc.clone().with_clock(TestClock::at(at));
            async move { svc.active_banners(None).await.expect("banners") }
        };
        assert!(
            shown(tehran(27, 13)).await.is_empty(),
            "25 hours ahead: not yet"
        );
        let ahead = shown(tehran(27, 14)).await;
        assert_eq!(ahead.len(), 1, "24 hours ahead");
        assert!(!ahead[0].in_progress);
        let during = shown(tehran(28, 15)).await;
        assert!(during[0].in_progress && during[0].read_only);
        assert!(shown(tehran(28, 18)).await.is_empty(), "over at its end");

        o.svc
            .set_banner_lead_hours(&o.admin, 48)
            .await
            .expect("lead");
        assert_eq!(shown(tehran(26, 15)).await.len(), 1, "48 hours ahead now");

        // A disruption notice shows from its start; a cancelled notice stays on the board only.
        let d = o
            .svc
            .add_notice(
                &o.admin,
                NewNotice {
                    kind: NoticeKind::Disruption,
                    text: "اختلال در ارتباط با سامانهٔ وزارت".into(),
                    starts: "1404/10/06 10:00".into(),
                    ends: "1404/10/06 12:00".into(),
                    read_only: false,
                },
            )
            .await
            .expect("disruption");
        o.svc.cancel_notice(&o.admin, &n.id).await.expect("cancel");
        let e = o
            .svc
            .cancel_notice(&o.admin, &n.id)
            .await
            .expect_err("twice");
        assert_eq!(e.message_id(), "error-not-found-notice");
        let now = shown(tehran(27, 11)).await;
        assert_eq!(
            now.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            [d.id.as_str()]
        );
        let board = o.svc.notice_board(&o.clerk).await.expect("board");
        assert_eq!(board.len(), 2);
        assert!(board.iter().any(|x| x.id == n.id && x.cancelled));

        let mut bad = window();
        bad.ends = "1404/10/07 13:00".into();
        assert_eq!(
            o.svc
                .add_notice(&o.admin, bad)
                .await
                .expect_err("reversed")
                .field(),
            Some("ends")
        );
        let mut bad = window();
        bad.starts = "1404/10/07".into();
        let e = o.svc.add_notice(&o.admin, bad).await.expect_err("no time");
        assert_eq!(
            (e.field(), e.message_id()),
            (Some("starts"), "error-datetime-format")
        );
        assert!(matches!(
            o.svc.add_notice(&o.clerk, window()).await,
            Err(Error::NotPermitted { .. })
        ));
    }
);

on_both_backends!(
    a_read_only_window_refuses_every_write_but_the_admins,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let r = o.register_for("ali@example.ir").await;
        let code = r.tracking_code.as_str().to_owned();
        o.svc
            .act(&o.reviewer, &code, Action::StartReview, None, None)
            .await
            .expect("review");
        // Sent back before the window: a message for the applicant waits in the outbox.
        o.svc
            .act(&o.reviewer, &code, Action::SendBack, Some("ناقص"), None)
            .await
            .expect("send back");
        o.svc.add_notice(&o.admin, window()).await.expect("add");
        clock.advance_hours(29); // Sunday 14:00: inside
        let e = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect_err("register");
        assert!(read_only(&e), "{e:?}");
        assert_eq!(
            e.args().get("until").map(String::as_str),
            Some("1404/10/07 18:00")
        );
        let e = o
            .svc
            .act(&o.clerk, &code, Action::Resubmit, None, None)
            .await
            .expect_err("act");
        assert!(read_only(&e), "{e:?}");
        let e = o
            .svc
            .register_complaint(
                &o.clerk,
                NewComplaint {
                    kind: "comment".into(),
                    name: "مریم".into(),
                    mobile: Some("09121234567".into()),
                    text: "نظر".into(),
                    ..Default::default()
                },
            )
            .await
            .expect_err("complaint");
        assert!(read_only(&e));
        let e = o
            .svc
            .change_password(&o.clerk, common::PASSWORD, "another-password-2")
            .await
            .expect_err("password");
        assert!(read_only(&e));
        // Reading goes on; the administrator still works.
        assert!(o
            .svc
            .request_by_code(&o.reviewer, r.tracking_code.as_str())
            .await
            .is_ok());
        assert!(o
            .svc
            .queue(&o.reviewer, PageRequest::default())
            .await
            .is_ok());
        o.svc
            .add_organization(
                &o.admin,
                NewOrganization {
                    name: "دستگاه تازه".into(),
                    kind: "agency".into(),
                    national_id: None,
                },
            )
            .await
            .expect("admin writes");
        // Nothing was changed by the refused calls.
        let seen = o
            .svc
            .request_by_code(&o.reviewer, r.tracking_code.as_str())
            .await
            .expect("read");
        assert_eq!(seen.version, 3);

        // The deliverer waits too: nothing is attempted, so nothing fails.
        o.svc
            .set_mail_settings(
                &o.admin,
                sanad_service::MailSettings {
                    host: "127.0.0.1".into(),
                    port: 9,
                    tls: sanad_service::MailTls::None,
                    username: None,
                    from: "desk@sanad.invalid".into(),
                },
            )
            .await
            .expect("mail settings");
        // Two wait: the registration's e-mail and the send-back's.
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed, report.waiting), (0, 0, 2));

        clock.advance_hours(4); // 18:00: the window is over
                                // Now it is tried (and fails: nothing listens on port 9), so it was paused before.
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.failed, report.waiting), (2, 2));
        o.svc
            .act(&o.clerk, &code, Action::Resubmit, None, None)
            .await
            .expect("after the window");
    }
);

on_both_backends!(
    a_disruption_notice_blocks_nothing,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let mut n = window();
        n.kind = NoticeKind::Disruption;
        n.read_only = false;
        o.svc.add_notice(&o.admin, n).await.expect("add");
        clock.advance_hours(29);
        o.svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("writes go on");
    }
);
