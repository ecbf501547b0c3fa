//! Results reach the applicant: decisive steps queue Persian e-mails in the same transaction, a
//! real SMTP server on loopback (scripts/smtp-test-sink.py, python3-aiosmtpd) receives them with
//! subject and body intact, and a message queued while the server is down arrives after it starts.

mod common;
mod smtp_sink;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::Action;
use sanad_i18n::to_persian_digits;
use sanad_service::{DeliveryState, MailSettings, MailTls, NewComplaint};
use smtp_sink::{free_port, unisolated, Sink};

/// How many outbox messages' bodies hold `text`, read straight from the database.
async fn outbox_bodies_holding(o: &Office, text: &str) -> i64 {
    let sql = "SELECT COUNT(*) FROM outbox WHERE body LIKE '%' || $1 || '%'";
    match o.svc.store() {
        sanad_service::Store::Sqlite(pool) => {
            sqlx::query_scalar(sql).bind(text).fetch_one(pool).await
        }
        sanad_service::Store::Postgres(pool) => {
            sqlx::query_scalar(sql).bind(text).fetch_one(pool).await
        }
    }
    .expect("count")
}

fn settings(port: u16) -> MailSettings {
    MailSettings {
        host: "127.0.0.1".into(),
        port,
        tls: MailTls::None,
        username: None,
        from: "desk@sanad.invalid".into(),
    }
}

on_both_backends!(
    decisive_steps_reach_the_applicant_in_persian,
    |b: Backend| async move {
        let o = Office::with(b, Some(TestClock::at(saturday_morning()))).await;
        o.ready_for_ecopy().await;
        let port = free_port();
        let sink = Sink::start(port);
        o.svc
            .set_mail_settings(&o.admin, settings(port))
            .await
            .expect("settings");
        o.svc
            .set_portal_address(&o.admin, "https://sanad.example.ir")
            .await
            .expect("portal address");

        let r = o.register_for(" Ali.Rezaei@Example.IR ").await;
        assert_eq!(r.applicant.email.as_deref(), Some("Ali.Rezaei@example.ir"));
        let pin = r.tracking_pin.clone().expect("the PIN, once");
        let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
        let r = o
            .step(&o.reviewer, &r, Action::SendBack, Some("نامه امضا ندارد"))
            .await;
        let r = o.step(&o.clerk, &r, Action::Resubmit, None).await;
        let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
        let r = o.step(&o.reviewer, &r, Action::Forward, None).await;
        let r = o.step(&o.director, &r, Action::Approve, None).await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        let queued = o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("list");
        let events: Vec<&str> = queued.iter().map(|n| n.event.as_str()).collect();
        assert_eq!(
            events,
            [
                "request-registered",
                "request-correction",
                "request-approved",
                "request-dispatched"
            ]
        );
        assert!(queued
            .iter()
            .all(|n| n.state == DeliveryState::Pending && n.attempts == 0));
        assert!(
            sink.messages().is_empty(),
            "nothing is sent before the deliverer runs"
        );

        // The registration e-mail's PIN is in the outbox only until it is sent.
        let pin_fa = to_persian_digits(&pin);
        assert_eq!(outbox_bodies_holding(&o, &pin_fa).await, 1);

        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed, report.waiting), (4, 0, 0));
        let mut got = sink.wait_for(4);
        assert_eq!(got.len(), 4, "{got:?}");
        let registered = got.remove(0);
        // Fluent isolates each argument (FSI…PDI), which keeps the code's groups in order in Persian text.
        let code = format!(
            "\u{2068}{}\u{2069}",
            to_persian_digits(&r.tracking_code_grouped)
        );
        assert_eq!(
            registered["subject"],
            format!("درخواست شما با کد رهگیری {code} ثبت شد")
        );
        let body = unisolated(registered["body"].as_str().expect("body"));
        assert!(body.contains(&format!("رمز پیگیری: {pin_fa}")), "{body}");
        assert!(body.contains("https://sanad.example.ir"), "{body}");
        assert_eq!(
            outbox_bodies_holding(&o, &pin_fa).await,
            0,
            "the PIN is masked in the outbox once sent"
        );
        assert_eq!(outbox_bodies_holding(&o, "••••••••").await, 1);
        assert_eq!(got[0]["to"], "Ali.Rezaei@example.ir");
        assert_eq!(got[0]["from"], "desk@sanad.invalid");
        assert_eq!(
            got[0]["subject"],
            format!("درخواست شما با کد رهگیری {code} نیاز به اصلاح دارد")
        );
        let body = unisolated(got[0]["body"].as_str().expect("body"));
        assert!(body.contains("علی رضایی گرامی"), "{body}");
        assert!(
            body.contains("آنچه باید اصلاح شود: نامه امضا ندارد"),
            "{body}"
        );
        assert_eq!(
            got[1]["subject"],
            format!("درخواست شما با کد رهگیری {code} تأیید شد")
        );
        assert_eq!(got[2]["subject"], format!("سند درخواست {code} ارسال شد"));

        let after = o
            .svc
            .request_notifications(&o.reviewer, r.tracking_code.as_str())
            .await
            .expect("list");
        assert!(after
            .iter()
            .all(|n| n.state == DeliveryState::Sent && n.attempts == 1 && n.sent_at.is_some()));
        // A second round sends nothing twice.
        let again = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((again.sent, again.failed), (0, 0));
        assert_eq!(sink.wait_for(5).len(), 4);

        // No address, no message.
        let plain = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let plain = o.step(&o.reviewer, &plain, Action::StartReview, None).await;
        let plain = o
            .step(&o.reviewer, &plain, Action::SendBack, Some("ناقص"))
            .await;
        assert!(o
            .svc
            .request_notifications(&o.clerk, plain.tracking_code.as_str())
            .await
            .expect("list")
            .is_empty());

        // A complaint's answer goes to the complainant.
        let c = o
            .svc
            .register_complaint(
                &o.clerk,
                NewComplaint {
                    kind: "complaint".into(),
                    name: "زهرا کریمی".into(),
                    email: Some("zahra@example.ir".into()),
                    text: "پاسخی نگرفتم".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("complaint");
        o.svc
            .assign_complaint(&o.clerk, c.tracking_code.as_str(), "reviewer", None)
            .await
            .expect("assign");
        o.svc
            .answer_complaint(
                &o.reviewer,
                c.tracking_code.as_str(),
                "سند شما دیروز ارسال شد.",
                None,
            )
            .await
            .expect("answer");
        assert_eq!(o.svc.deliver_outbox().await.expect("deliver").sent, 2);
        let got = sink.wait_for(6);
        assert_eq!(got[4]["to"], "zahra@example.ir");
        let ccode = format!(
            "\u{2068}{}\u{2069}",
            to_persian_digits(&c.tracking_code_grouped)
        );
        assert_eq!(
            got[4]["subject"],
            format!("پیام شما با کد رهگیری {ccode} ثبت شد")
        );
        let cpin = to_persian_digits(c.tracking_pin.as_deref().expect("complaint PIN"));
        assert!(unisolated(got[4]["body"].as_str().unwrap_or_default())
            .contains(&format!("رمز پیگیری: {cpin}")));
        assert!(unisolated(got[4]["body"].as_str().unwrap_or_default())
            .contains("https://sanad.example.ir"));
        assert_eq!(got[5]["to"], "zahra@example.ir");
        assert_eq!(
            got[5]["subject"],
            format!("پاسخ به پیام شما با کد رهگیری {ccode}")
        );
        assert!(unisolated(got[5]["body"].as_str().unwrap_or_default())
            .contains("سند شما دیروز ارسال شد."));
        let notes = o
            .svc
            .complaint_notifications(&o.clerk, c.tracking_code.as_str())
            .await
            .expect("list");
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.state == DeliveryState::Sent));
        assert!(o.svc.verify_audit(&o.auditor).await.expect("verify").intact);
    }
);

on_both_backends!(
    a_message_waits_while_the_server_is_down,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        o.ready_for_ecopy().await;
        let port = free_port();
        // Before any mail server is set, messages simply wait.
        let r = o.register_for("ali@example.ir").await;
        let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
        let r = o.step(&o.reviewer, &r, Action::Forward, None).await;
        let r = o
            .step(&o.director, &r, Action::Reject, Some("سند در مخزن نیست"))
            .await;
        let report = o.svc.deliver_outbox().await.expect("deliver");
        // The registration's e-mail and the rejection's.
        assert_eq!((report.sent, report.failed, report.waiting), (0, 0, 2));

        // A server is set but nothing listens there: the attempt fails and is retried later.
        o.svc
            .set_mail_settings(&o.admin, settings(port))
            .await
            .expect("settings");
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed, report.waiting), (0, 2, 2));
        let n = &o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("list")[1];
        assert_eq!(n.event, "request-rejected");
        assert_eq!((n.state, n.attempts), (DeliveryState::Pending, 1));
        assert_eq!(
            n.next_attempt_at.as_deref(),
            Some("2025-12-27T05:31:00Z"),
            "one minute later"
        );
        // Not due yet: nothing is tried.
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed), (0, 0));

        // The server comes up; after the back-off the message goes.
        let sink = Sink::start(port);
        clock.advance_minutes(2);
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed, report.waiting), (2, 0, 0));
        let mut got = sink.wait_for(2);
        assert_eq!(got.len(), 2);
        got.remove(0);
        assert_eq!(got[0]["to"], "ali@example.ir");
        // Fluent isolates each argument (FSI…PDI), which keeps the code's groups in order in Persian text.
        let code = format!(
            "\u{2068}{}\u{2069}",
            to_persian_digits(&r.tracking_code_grouped)
        );
        assert_eq!(
            got[0]["subject"],
            format!("درخواست شما با کد رهگیری {code} رد شد")
        );
        assert!(unisolated(got[0]["body"].as_str().unwrap_or_default())
            .contains("دلیل: سند در مخزن نیست"));
        let n = &o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("list")[1];
        assert_eq!((n.state, n.attempts), (DeliveryState::Sent, 2));
    }
);

on_both_backends!(
    mail_settings_are_checked_and_the_address_validated,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let mut bad = settings(25);
        bad.from = "desk".into();
        let e = o
            .svc
            .set_mail_settings(&o.admin, bad)
            .await
            .expect_err("from");
        assert_eq!(e.field(), Some("from"));
        let mut bad = settings(25);
        bad.host = "mail server".into();
        assert_eq!(
            o.svc
                .set_mail_settings(&o.admin, bad)
                .await
                .expect_err("host")
                .field(),
            Some("host")
        );
        assert!(o
            .svc
            .set_mail_settings(&o.clerk, settings(25))
            .await
            .is_err());
        o.svc
            .set_mail_settings(&o.admin, settings(2525))
            .await
            .expect("ok");
        assert_eq!(
            o.svc.mail_settings(&o.admin).await.expect("read"),
            Some(settings(2525))
        );
        let mut new = o.request();
        new.applicant.email = Some("ali@".into());
        let e = o
            .svc
            .register_request(&o.clerk, new)
            .await
            .expect_err("email");
        assert_eq!(
            (e.field(), e.message_id()),
            (Some("applicant.email"), "error-email-format")
        );
    }
);

on_both_backends!(
    nothing_is_queued_for_a_step_that_did_not_happen,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let r = o.register_for("ali@example.ir").await;
        let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
        let r = o.step(&o.reviewer, &r, Action::Forward, None).await;
        // A stale version: a conflict, and no message about an approval that never happened.
        let e = o
            .svc
            .act(
                &o.director,
                r.tracking_code.as_str(),
                Action::Approve,
                None,
                Some(r.version - 1),
            )
            .await
            .expect_err("stale");
        assert!(matches!(e, sanad_service::Error::Conflict { .. }), "{e:?}");
        // Forward and start-review tell the applicant nothing (the registration did).
        let queued = o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("list");
        let events: Vec<&str> = queued.iter().map(|n| n.event.as_str()).collect();
        assert_eq!(events, ["request-registered"]);
        o.step(&o.director, &r, Action::Approve, None).await;
        let queued = o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("list");
        assert_eq!(queued.len(), 2);
    }
);
