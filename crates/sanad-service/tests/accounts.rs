//! Accounts: lockout after failed sign-ins, the administrator's one-time passwords, deactivation
//! and the policy that tunes them — on both backends.

mod common;

use common::{saturday_morning, Backend, Office, TestClock, PASSWORD};
use sanad_core::model::Action;
use sanad_service::{AccountPolicy, Error, NewUser, PageRequest};

fn is_locked(res: &Result<sanad_service::Actor, Error>) -> bool {
    matches!(
        res,
        Err(Error::NotPermitted {
            message_id: "error-account-locked",
            ..
        })
    )
}

on_both_backends!(
    five_failures_lock_the_account_for_fifteen_minutes,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        for attempt in 1..=4 {
            let res = o.svc.login("clerk", "not-my-password").await;
            assert_eq!(res, Err(Error::AuthenticationFailed), "attempt {attempt}");
        }
        let fifth = o.svc.login("clerk", "not-my-password").await;
        assert!(is_locked(&fifth), "{fifth:?}");
        if let Err(Error::NotPermitted { args, .. }) = &fifth {
            assert!(
                args.get("until").is_some_and(|u| u.ends_with("09:15")),
                "{args:?}"
            );
        }
        // Even the right password waits.
        assert!(is_locked(&o.svc.login("clerk", PASSWORD).await));
        clock.advance_minutes(14);
        assert!(is_locked(&o.svc.login("clerk", PASSWORD).await));
        clock.advance_minutes(2);
        let actor = o
            .svc
            .login("clerk", PASSWORD)
            .await
            .expect("unlocked after 15 minutes");
        assert_eq!(actor.username(), "clerk");
        // A success resets the count: four more failures do not lock.
        for _ in 0..4 {
            assert_eq!(
                o.svc.login("clerk", "wrong-again!").await,
                Err(Error::AuthenticationFailed)
            );
        }
        assert!(o.svc.login("clerk", PASSWORD).await.is_ok());
        // Other users were never affected.
        assert!(o.svc.login("reviewer", PASSWORD).await.is_ok());
    }
);

on_both_backends!(
    only_the_admin_resets_and_the_one_time_password_must_be_changed,
    |b: Backend| async move {
        let o = Office::new(b).await;
        for who in [&o.clerk, &o.director, &o.auditor] {
            let res = o.svc.reset_password(who, "reviewer").await;
            assert!(
                matches!(res, Err(Error::NotPermitted { .. })),
                "{:?}: {res:?}",
                who.role()
            );
        }
        let one_time = o
            .svc
            .reset_password(&o.admin, "reviewer")
            .await
            .expect("reset");
        assert_eq!(one_time.len(), 12);
        assert_ne!(one_time, PASSWORD);
        assert_eq!(
            o.svc.login("reviewer", PASSWORD).await,
            Err(Error::AuthenticationFailed),
            "the old password is gone"
        );
        let temp = o
            .svc
            .login("reviewer", &one_time)
            .await
            .expect("one-time login");
        assert!(temp.must_change_password());
        let blocked = o.svc.queue(&temp, PageRequest::default()).await;
        assert!(
            matches!(
                blocked,
                Err(Error::NotPermitted {
                    message_id: "error-password-change-required",
                    ..
                })
            ),
            "{blocked:?}"
        );
        // The actor from before the reset is stopped as well.
        let old = o.svc.queue(&o.reviewer, PageRequest::default()).await;
        assert!(old.is_err(), "{old:?}");
        let wrong = o
            .svc
            .change_password(&temp, "not-it", "a-brand-new-pass")
            .await;
        assert!(
            matches!(wrong, Err(Error::Invalid { ref field, .. }) if field == "current_password"),
            "{wrong:?}"
        );
        let short = o.svc.change_password(&temp, &one_time, "short").await;
        assert!(
            matches!(
                short,
                Err(Error::Invalid {
                    message_id: "error-password-too-short",
                    ..
                })
            ),
            "{short:?}"
        );
        o.svc
            .change_password(&temp, &one_time, "a-brand-new-pass")
            .await
            .expect("change");
        let fresh = o
            .svc
            .login("reviewer", "a-brand-new-pass")
            .await
            .expect("new password");
        assert!(!fresh.must_change_password());
        o.svc
            .queue(&fresh, PageRequest::default())
            .await
            .expect("works again");
        assert_eq!(
            o.svc.login("reviewer", &one_time).await,
            Err(Error::AuthenticationFailed)
        );
        let unknown = o.svc.reset_password(&o.admin, "nobody").await;
        assert!(
            matches!(unknown, Err(Error::NotFound { what: "user" })),
            "{unknown:?}"
        );
    }
);

on_both_backends!(
    deactivated_users_stop_at_once_and_keep_their_history,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let user = o
            .svc
            .set_user_active(&o.admin, "clerk", false)
            .await
            .expect("deactivate");
        assert!(!user.active);
        assert_eq!(
            o.svc.login("clerk", PASSWORD).await,
            Err(Error::AuthenticationFailed)
        );
        let signed_in = o.svc.register_request(&o.clerk, o.request()).await;
        assert_eq!(
            signed_in.err(),
            Some(Error::AuthenticationFailed),
            "a session open before deactivation stops"
        );
        let shown = o
            .svc
            .request_by_code(&o.reviewer, r.tracking_code.as_str())
            .await
            .expect("show");
        assert_eq!(shown.history[0].user, "clerk", "history keeps the name");
        let users = o.svc.list_users(&o.admin).await.expect("users");
        assert!(
            users.iter().any(|u| u.username == "clerk" && !u.active),
            "never deleted"
        );
        let own = o.svc.set_user_active(&o.admin, "admin", false).await;
        assert!(
            matches!(
                own,
                Err(Error::NotPermitted {
                    message_id: "error-cannot-deactivate-self",
                    ..
                })
            ),
            "{own:?}"
        );
        let by_clerk2 = o.svc.set_user_active(&o.clerk2, "reviewer", false).await;
        assert!(matches!(by_clerk2, Err(Error::NotPermitted { .. })));
        o.svc
            .set_user_active(&o.admin, "clerk", true)
            .await
            .expect("reactivate");
        let back = o.svc.login("clerk", PASSWORD).await.expect("login again");
        o.svc
            .act(
                &back,
                r.tracking_code.as_str(),
                Action::Cancel,
                Some("انصراف"),
                None,
            )
            .await
            .expect("acts again");
    }
);

on_both_backends!(
    the_admin_tunes_the_policy_within_bounds,
    |b: Backend| async move {
        let o = Office::new(b).await;
        assert_eq!(
            o.svc.account_policy(&o.admin).await.expect("policy"),
            AccountPolicy::default()
        );
        let stricter = AccountPolicy {
            min_password_chars: 14,
            lockout_attempts: 3,
            ..AccountPolicy::default()
        };
        let by_clerk = o.svc.set_account_policy(&o.clerk, stricter).await;
        assert!(matches!(by_clerk, Err(Error::NotPermitted { .. })));
        let bad = o
            .svc
            .set_account_policy(
                &o.admin,
                AccountPolicy {
                    min_password_chars: 4,
                    ..stricter
                },
            )
            .await;
        assert!(
            matches!(bad, Err(Error::Invalid { ref field, .. }) if field == "min_password_chars"),
            "{bad:?}"
        );
        o.svc
            .set_account_policy(&o.admin, stricter)
            .await
            .expect("set");
        assert_eq!(
            o.svc.account_policy(&o.admin).await.expect("policy"),
            stricter
        );
        let user = |pw: &str| NewUser {
            username: "newbie".into(),
            display_name: "تازه‌وارد".into(),
            role: "clerk".into(),
            password: pw.into(),
        };
        let short = o.svc.add_user(&o.admin, user("twelve-chars")).await;
        assert!(
            matches!(
                short,
                Err(Error::Invalid {
                    message_id: "error-password-too-short",
                    ..
                })
            ),
            "{short:?}"
        );
        o.svc
            .add_user(&o.admin, user("fourteen-chars"))
            .await
            .expect("long enough");
        for _ in 0..2 {
            assert_eq!(
                o.svc.login("newbie", "wrong-password-x").await,
                Err(Error::AuthenticationFailed)
            );
        }
        assert!(
            is_locked(&o.svc.login("newbie", "wrong-password-x").await),
            "three attempts now"
        );
    }
);
