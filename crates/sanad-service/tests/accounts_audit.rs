//! Accounts and the audit chain, on both backends.

mod common;

use common::{fresh_db, Backend, Office, PASSWORD};
use sanad_core::model::Action;
use sanad_service::{Error, InitOutcome, NewUser, Service};

on_both_backends!(
    init_is_safe_to_repeat_and_makes_one_admin,
    |b: Backend| async move {
        let db = fresh_db(b).await;
        let svc = Service::connect(&db.url).await.expect("connect");
        assert_eq!(
            svc.init_admin("admin", "مدیر سامانه", PASSWORD).await,
            Ok(InitOutcome::Created)
        );
        // Reconnecting runs migrations again: harmless.
        let svc = Service::connect(&db.url).await.expect("reconnect");
        assert_eq!(
            svc.init_admin("admin", "مدیر سامانه", PASSWORD).await,
            Ok(InitOutcome::AlreadyInitialized)
        );
        let other = svc.init_admin("intruder", "x", PASSWORD).await;
        assert!(
            matches!(other, Err(Error::NotPermitted { .. })),
            "{other:?}"
        );
        let weak = Service::connect(&fresh_db(Backend::Sqlite).await.url)
            .await
            .expect("c")
            .init_admin("admin", "x", "short")
            .await;
        assert!(
            matches!(weak, Err(Error::Invalid { ref field, .. }) if field == "password"),
            "{weak:?}"
        );
    }
);

on_both_backends!(
    user_names_are_unique_across_case_and_persian_letters,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let add = |name: &str| NewUser {
            username: name.into(),
            display_name: "x".into(),
            role: "clerk".into(),
            password: PASSWORD.into(),
        };
        let taken = o.svc.add_user(&o.admin, add("CLERK")).await;
        assert!(
            matches!(
                taken,
                Err(Error::Invalid {
                    message_id: "error-username-taken",
                    ..
                })
            ),
            "{taken:?}"
        );
        o.svc
            .add_user(&o.admin, add("علی"))
            .await
            .expect("persian name");
        let arabic = o.svc.add_user(&o.admin, add("علي")).await;
        assert!(
            matches!(
                arabic,
                Err(Error::Invalid {
                    message_id: "error-username-taken",
                    ..
                })
            ),
            "{arabic:?}"
        );
        // Signing in with the Arabic spelling reaches the same account.
        let ali = o.svc.login("علي", PASSWORD).await.expect("login");
        assert_eq!(ali.username(), "علی");
        let by_clerk = o.svc.add_user(&o.clerk, add("someone")).await;
        assert!(
            matches!(by_clerk, Err(Error::NotPermitted { .. })),
            "{by_clerk:?}"
        );
        let same = NewUser {
            password: "someone-else".into(),
            ..add("someone-else")
        };
        let res = o.svc.add_user(&o.admin, same).await;
        assert!(
            matches!(
                res,
                Err(Error::Invalid {
                    message_id: "error-password-is-username",
                    ..
                })
            ),
            "{res:?}"
        );
    }
);

on_both_backends!(
    wrong_passwords_and_unknown_users_look_the_same,
    |b: Backend| async move {
        let o = Office::new(b).await;
        assert_eq!(
            o.svc.login("clerk", "wrong-password").await,
            Err(Error::AuthenticationFailed)
        );
        assert_eq!(
            o.svc.login("nobody", PASSWORD).await,
            Err(Error::AuthenticationFailed)
        );
        assert!(o.svc.login("Clerk", PASSWORD).await.is_ok());
    }
);

on_both_backends!(
    audit_chain_records_changes_and_names_a_tampered_entry,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        o.svc
            .act(
                &o.reviewer,
                r.tracking_code.as_str(),
                Action::StartReview,
                None,
                None,
            )
            .await
            .expect("start");
        // An auditor opening the request's personal details is itself recorded.
        o.svc
            .request_by_code(&o.auditor, r.tracking_code.as_str())
            .await
            .expect("auditor reads");
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
        let entries = report.entries;
        assert!(entries >= 10, "{entries}");
        let denied = o.svc.verify_audit(&o.clerk).await;
        assert!(matches!(denied, Err(Error::NotPermitted { .. })));

        // Tamper with the registration's entry directly in the database, as an attacker with the file would.
        o.svc.seal_audit().await.expect("seal");
        let target: i64;
        match o.svc.store() {
            sanad_service::Store::Sqlite(pool) => {
                target = sqlx::query_scalar(
                    "SELECT seq FROM audit_log WHERE action = 'request.register'",
                )
                .fetch_one(pool)
                .await
                .expect("find");
                sqlx::query("DROP TRIGGER audit_log_no_update")
                    .execute(pool)
                    .await
                    .expect("drop trigger");
                sqlx::query("UPDATE audit_log SET detail = '{\"tracking_code\":\"000000000000\"}' WHERE seq = $1").bind(target).execute(pool).await.expect("tamper");
            }
            sanad_service::Store::Postgres(pool) => {
                target = sqlx::query_scalar(
                    "SELECT seq FROM audit_log WHERE action = 'request.register'",
                )
                .fetch_one(pool)
                .await
                .expect("find");
                sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
                    .execute(pool)
                    .await
                    .expect("disable trigger");
                sqlx::query("UPDATE audit_log SET detail = '{\"tracking_code\":\"000000000000\"}' WHERE seq = $1").bind(target).execute(pool).await.expect("tamper");
            }
        }
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(!report.intact);
        assert_eq!(report.first_broken, Some(target));
        assert_eq!(report.problem.as_deref(), Some("hash"));
    }
);

on_both_backends!(
    the_audit_log_refuses_updates_and_deletes,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.svc.seal_audit().await.expect("seal");
        let (update, delete) = match o.svc.store() {
            sanad_service::Store::Sqlite(pool) => (
                sqlx::query("UPDATE audit_log SET action = 'x' WHERE seq = 1")
                    .execute(pool)
                    .await
                    .is_err(),
                sqlx::query("DELETE FROM audit_log WHERE seq = 1")
                    .execute(pool)
                    .await
                    .is_err(),
            ),
            sanad_service::Store::Postgres(pool) => (
                sqlx::query("UPDATE audit_log SET action = 'x' WHERE seq = 1")
                    .execute(pool)
                    .await
                    .is_err(),
                sqlx::query("DELETE FROM audit_log WHERE seq = 1")
                    .execute(pool)
                    .await
                    .is_err(),
            ),
        };
        assert!(
            update && delete,
            "update refused: {update}, delete refused: {delete}"
        );
        assert!(o.svc.verify_audit(&o.admin).await.expect("verify").intact);
    }
);

/// Runs raw SQL on whichever backend, as someone with the database file or a superuser would.
async fn raw(svc: &Service, sql: &str) {
    match svc.store() {
        sanad_service::Store::Sqlite(pool) => {
            sqlx::query(sql).execute(pool).await.expect(sql);
        }
        sanad_service::Store::Postgres(pool) => {
            sqlx::query(sql).execute(pool).await.expect(sql);
        }
    }
}

async fn without_guards(svc: &Service) {
    svc.seal_audit().await.expect("seal");
    match svc.store() {
        sanad_service::Store::Sqlite(_) => {
            raw(svc, "DROP TRIGGER audit_log_no_update").await;
            raw(svc, "DROP TRIGGER audit_log_no_delete").await;
        }
        sanad_service::Store::Postgres(_) => {
            raw(
                svc,
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
            )
            .await;
        }
    }
}

on_both_backends!(reordered_entries_are_named, |b: Backend| async move {
    let o = Office::new(b).await;
    without_guards(&o.svc).await;
    let entries = o
        .svc
        .verify_audit(&o.auditor)
        .await
        .expect("verify")
        .entries;
    assert!(entries > 12);

    // Swapping two entries' contents (a reorder) breaks the first of them.
    raw(&o.svc, "UPDATE audit_log SET action = CASE seq WHEN 4 THEN (SELECT action FROM audit_log WHERE seq = 5) ELSE (SELECT action FROM audit_log WHERE seq = 4) END, \
                 detail = CASE seq WHEN 4 THEN (SELECT detail FROM audit_log WHERE seq = 5) ELSE (SELECT detail FROM audit_log WHERE seq = 4) END WHERE seq IN (4, 5)").await;
    let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
    assert_eq!(
        (report.intact, report.first_broken),
        (false, Some(4)),
        "{report:?}"
    );
});

on_both_backends!(
    a_deleted_entry_is_named_at_its_place,
    |b: Backend| async move {
        let o = Office::new(b).await;
        without_guards(&o.svc).await;
        // Deleting one entry in the middle is named at its place.
        raw(&o.svc, "DELETE FROM audit_log WHERE seq = 7").await;
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert_eq!(
            (report.first_broken, report.problem.as_deref()),
            (Some(7), Some("gap")),
            "{report:?}"
        );
    }
);

on_both_backends!(
    a_removed_tail_is_caught_by_the_head,
    |b: Backend| async move {
        let o = Office::new(b).await;
        without_guards(&o.svc).await;
        let entries = o
            .svc
            .verify_audit(&o.auditor)
            .await
            .expect("verify")
            .entries;
        raw(
            &o.svc,
            &format!("DELETE FROM audit_log WHERE seq > {}", entries - 3),
        )
        .await;
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(!report.intact);
        assert_eq!(report.first_broken, Some(entries - 2), "{report:?}");
        assert_eq!(report.problem.as_deref(), Some("head"));
    }
);

on_both_backends!(the_auditor_filters_the_log, |b: Backend| async move {
    use sanad_service::AuditQuery;
    let clock = common::TestClock::at(common::saturday_morning());
    let o = Office::with(b, Some(clock.clone())).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    clock.advance_hours(48);
    let other = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    o.svc
        .act(
            &o.reviewer,
            other.tracking_code.as_str(),
            Action::StartReview,
            None,
            None,
        )
        .await
        .expect("start");
    let _ = o.svc.login("director", "wrong-password!").await;

    let q = |f: fn(&mut AuditQuery)| {
        let mut query = AuditQuery::default();
        f(&mut query);
        query
    };
    let by_reviewer = o
        .svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                user: Some("reviewer".into()),
                ..q(|_| {})
            },
        )
        .await
        .expect("log");
    assert!(by_reviewer
        .iter()
        .all(|e| e.user.as_deref() == Some("reviewer")));
    assert!(by_reviewer
        .iter()
        .any(|e| e.action == "request.start_review"));
    let requests = o
        .svc
        .audit_log(&o.auditor, q(|q| q.action = Some("request".into())))
        .await
        .expect("log");
    let actions: Vec<&str> = requests.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "request.start_review",
            "request.register",
            "request.register"
        ],
        "newest first"
    );
    let failed = o
        .svc
        .audit_log(
            &o.auditor,
            q(|q| q.action = Some("user.login_failed".into())),
        )
        .await
        .expect("log");
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].user.as_deref(), Some("director"));
    let one = o
        .svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                request: Some(r.tracking_code_grouped.clone()),
                ..q(|_| {})
            },
        )
        .await
        .expect("log");
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].detail["tracking_code"], r.tracking_code.as_str());
    let day = sanad_core::jalali::JalaliDate::from_utc(
        common::saturday_morning() + chrono::Duration::hours(48),
    )
    .to_string();
    let later = o
        .svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                from: Some(day.clone()),
                to: Some(day),
                action: Some("request".into()),
                ..q(|_| {})
            },
        )
        .await
        .expect("log");
    assert_eq!(later.len(), 2, "{later:?}");
    let page = o
        .svc
        .audit_log(&o.auditor, q(|q| q.limit = Some(3)))
        .await
        .expect("log");
    let next = o
        .svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                before: Some(page[2].seq),
                limit: Some(3),
                ..q(|_| {})
            },
        )
        .await
        .expect("log");
    assert_eq!(next[0].seq, page[2].seq - 1);
    for who in [&o.admin, &o.clerk, &o.director] {
        let res = o.svc.audit_log(who, AuditQuery::default()).await;
        assert!(
            matches!(res, Err(Error::NotPermitted { .. })),
            "{:?}",
            who.role()
        );
    }
});
