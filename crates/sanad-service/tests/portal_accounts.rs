//! The portal's core (issue 14): agency officers sign in on the portal only and staff at desks
//! only; portal sessions open, time out and close; every registration gets a follow-up PIN, once;
//! the public lookup answers a right PIN, gives an unknown code and a wrong PIN the same answer,
//! and locks a code after too many failures.

mod common;

use common::{Backend, Office, TestClock, PASSWORD};
use sanad_i18n::Lang;
use sanad_service::{Error, NewComplaint, NewUser};

on_both_backends!(
    agency_officers_sign_in_on_the_portal_only,
    |b: Backend| async move {
        let o = Office::new(b).await;
        assert_eq!(o.officer.organization_id(), Some(o.agency.as_str()));
        // The desk's and the command line's sign-in refuses an agency officer as a wrong password.
        assert!(matches!(
            o.svc.login("officer", PASSWORD).await,
            Err(Error::AuthenticationFailed)
        ));
        // And the portal refuses staff the same way.
        assert!(matches!(
            o.svc.portal_login("clerk", PASSWORD).await,
            Err(Error::AuthenticationFailed)
        ));
        assert!(o.svc.portal_login("officer", PASSWORD).await.is_ok());
        // A staff user cannot be made an agency officer through the staff form.
        let res = o
            .svc
            .add_user(
                &o.admin,
                NewUser {
                    username: "sneaky".into(),
                    display_name: "x".into(),
                    role: "agency".into(),
                    password: PASSWORD.into(),
                },
            )
            .await;
        assert!(matches!(res, Err(Error::Invalid { ref field, .. }) if field == "role"));
        // An agency officer reaches none of the staff's reads.
        assert!(o.svc.queue(&o.officer, Default::default()).await.is_err());
        assert!(o.svc.list_organizations(&o.officer, "").await.is_err());
        let listed = o.svc.list_agency_users(&o.admin).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].organization_name, "اداره کل راه و شهرسازی");
        // A reset gives a one-time password that only allows changing it.
        let one_time = o
            .svc
            .reset_agency_password(&o.admin, "officer")
            .await
            .expect("reset");
        let officer = o
            .svc
            .portal_login("officer", &one_time)
            .await
            .expect("one-time");
        assert!(officer.must_change_password());
        // Staff accounts are not agency accounts here.
        assert!(matches!(
            o.svc.reset_agency_password(&o.admin, "clerk").await,
            Err(Error::NotFound { .. })
        ));
    }
);

on_both_backends!(
    portal_sessions_open_time_out_and_close,
    |b: Backend| async move {
        let clock = TestClock::at(common::saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let opened = o
            .svc
            .open_portal_session("officer", PASSWORD)
            .await
            .expect("open");
        let again = o
            .svc
            .open_portal_session("officer", PASSWORD)
            .await
            .expect("second");
        // A new random id at every sign-in.
        assert_ne!(opened.token, again.token);
        assert_ne!(opened.csrf_token, again.csrf_token);
        let found = o.svc.portal_session(&opened.token).await.expect("read");
        assert_eq!(found.expect("open").csrf_token, opened.csrf_token);
        assert!(o
            .svc
            .portal_session("not-a-session")
            .await
            .expect("read")
            .is_none());
        // Idle longer than the default 30 minutes: gone.
        clock.advance_minutes(31);
        assert!(o
            .svc
            .portal_session(&opened.token)
            .await
            .expect("read")
            .is_none());
        // Sign-out ends a session at once.
        let third = o
            .svc
            .open_portal_session("officer", PASSWORD)
            .await
            .expect("third");
        o.svc
            .close_portal_session(&third.token)
            .await
            .expect("close");
        assert!(o
            .svc
            .portal_session(&third.token)
            .await
            .expect("read")
            .is_none());
        // Deactivating the account ends its sessions.
        let fourth = o
            .svc
            .open_portal_session("officer", PASSWORD)
            .await
            .expect("fourth");
        o.svc
            .set_agency_user_active(&o.admin, "officer", false)
            .await
            .expect("deactivate");
        assert!(o
            .svc
            .portal_session(&fourth.token)
            .await
            .expect("read")
            .is_none());
    }
);

on_both_backends!(the_public_lookup_needs_the_pin, |b: Backend| async move {
    let o = Office::new(b).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let pin = r.tracking_pin.clone().expect("a PIN with the registration");
    assert_eq!(pin.len(), 8);
    assert!(pin.bytes().all(|c| c.is_ascii_digit()));
    // Shown once: reading the request again does not show it.
    let again = o
        .svc
        .request_by_code(&o.clerk, r.tracking_code.as_str())
        .await
        .expect("read");
    assert!(again.tracking_pin.is_none());
    let code = r.tracking_code.as_str();
    let found = o
        .svc
        .public_track(
            code,
            &sanad_i18n::to_persian_digits(&pin),
            "10.0.0.1",
            Lang::Fa,
        )
        .await
        .expect("right PIN, typed in Persian digits");
    assert_eq!(found.state, "submitted");
    assert_eq!(found.state_text, "درخواست ثبت شده و در نوبت بررسی است.");
    assert!(
        !found.since.chars().any(|c| c.is_ascii_digit()),
        "{}",
        found.since
    );
    let text = serde_json::to_string(&found).expect("json");
    assert!(
        !text.contains("رضایی") && !text.contains("0499370899"),
        "{text}"
    );
    // A wrong PIN and an unknown code: the same answer.
    let wrong = if pin == "12345678" {
        "87654321"
    } else {
        "12345678"
    };
    let by_pin = o.svc.public_track(code, wrong, "10.0.0.2", Lang::Fa).await;
    let unknown = sanad_service::TrackingCode::generate_secure();
    let by_code = o
        .svc
        .public_track(unknown.as_str(), &pin, "10.0.0.3", Lang::Fa)
        .await;
    let (Err(e1), Err(e2)) = (&by_pin, &by_code) else {
        panic!("{by_pin:?} {by_code:?}");
    };
    assert_eq!(e1.code(), e2.code());
    assert_eq!(e1.message_id(), e2.message_id());
    assert_eq!(e1.message_id(), "error-track-no-match");
    // Complaints get a PIN too.
    let complaint = o
        .svc
        .register_complaint(
            &o.clerk,
            NewComplaint {
                kind: "comment".into(),
                name: "مریم احمدی".into(),
                email: Some("maryam@example.ir".into()),
                text: "نظر".into(),
                ..Default::default()
            },
        )
        .await
        .expect("complaint");
    let cpin = complaint.tracking_pin.clone().expect("complaint PIN");
    let c = o
        .svc
        .public_track(
            complaint.tracking_code.as_str(),
            &cpin,
            "10.0.0.1",
            Lang::En,
        )
        .await
        .expect("complaint lookup");
    assert_eq!(c.state, "registered");
});

on_both_backends!(guessing_a_pin_locks_the_code, |b: Backend| async move {
    let clock = TestClock::at(common::saturday_morning());
    let o = Office::with(b, Some(clock.clone())).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let pin = r.tracking_pin.clone().expect("pin");
    let code = r.tracking_code.as_str();
    let wrong = if pin == "12345678" {
        "87654321"
    } else {
        "12345678"
    };
    // Four failures from different addresses: not found, not locked.
    for i in 0..4 {
        let e = o
            .svc
            .public_track(code, wrong, &format!("10.1.0.{i}"), Lang::Fa)
            .await
            .expect_err("wrong");
        assert_eq!(e.message_id(), "error-track-no-match");
    }
    // The fifth locks the code (default 5 per code), and says until when, in Persian digits.
    let e = o
        .svc
        .public_track(code, wrong, "10.1.0.9", Lang::Fa)
        .await
        .expect_err("locked");
    assert_eq!(e.message_id(), "error-track-locked");
    let shown = sanad_i18n::Localizer::new(Lang::Fa).message(e.message_id(), &e.args());
    assert!(shown.contains("۱۴۰۴/۱۰/۰۶"), "{shown}");
    assert!(!shown.chars().any(|c| c.is_ascii_digit()), "{shown}");
    // Even the right PIN waits for the lock.
    let e = o
        .svc
        .public_track(code, &pin, "10.1.0.10", Lang::Fa)
        .await
        .expect_err("still locked");
    assert_eq!(e.message_id(), "error-track-locked");
    clock.advance_minutes(16);
    o.svc
        .public_track(code, &pin, "10.1.0.10", Lang::Fa)
        .await
        .expect("after the lock");
});
