//! A desk's session ends by itself after the policy's idle minutes, whatever the window does:
//! activity (a call, or input the window reports) keeps it open; the administrator's policy sets
//! how long. Both backends.

mod common;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_service::AccountPolicy;

on_both_backends!(
    a_session_ends_after_the_idle_minutes_and_activity_keeps_it,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let policy = o
            .svc
            .set_account_policy(
                &o.admin,
                AccountPolicy {
                    idle_minutes: 10,
                    ..AccountPolicy::default()
                },
            )
            .await
            .expect("policy");
        assert_eq!(policy.idle_minutes, 10, "the policy in force is answered");

        let mut session = o.svc.start_session(o.clerk.clone()).await.expect("session");
        assert_eq!(session.idle_minutes(), 10);
        clock.advance_minutes(9);
        assert!(
            session.actor(&o.svc).is_some(),
            "nine idle minutes: still open"
        );
        clock.advance_minutes(9);
        assert!(
            session.touch(&o.svc),
            "input keeps it open: nine minutes since the last call"
        );
        clock.advance_minutes(10);
        assert!(session.is_open(&o.svc), "exactly the limit: open");
        clock.advance_minutes(1);
        assert!(!session.is_open(&o.svc));
        assert!(
            session.actor(&o.svc).is_none(),
            "eleven idle minutes: the session has ended"
        );
        assert!(
            !session.touch(&o.svc),
            "an ended session is not brought back"
        );
    }
);

on_both_backends!(
    a_one_time_password_still_gets_a_session_to_change_it,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let one_time = o
            .svc
            .reset_password(&o.admin, "director")
            .await
            .expect("reset");
        let actor = o.svc.login("director", &one_time).await.expect("login");
        assert!(actor.must_change_password());
        let mut session = o
            .svc
            .start_session(actor)
            .await
            .expect("a session to change it");
        let actor = session.actor(&o.svc).expect("open");
        o.svc
            .change_password(&actor, &one_time, "dir-password-2")
            .await
            .expect("changed");
    }
);

on_both_backends!(
    the_window_is_told_what_each_role_may_do,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let clerk = o.svc.permissions(&o.clerk);
        assert!(clerk.registers_requests && clerk.prints_slips && !clerk.administers);
        let admin = o.svc.permissions(&o.admin);
        assert!(!admin.reads_requests && admin.administers);
        let director = o.svc.permissions(&o.director);
        assert!(director.sees_overdue && !director.registers_requests);
        // The request page says whether this user may print its slip now.
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert!(!r.can_print_slip, "not before approval");
        assert!(r
            .actions
            .iter()
            .any(|a| a.action.as_str() == "cancel" && a.needs_note));
    }
);
