//! Acting approvers over a director's week of leave, as an office would try it: the
//! administrator records the order, the acting director clears the director's queue (some in one
//! bulk decision), every record says who acted for whom, the delegation ends by itself, and the
//! reviewer who forwarded a request cannot approve it as acting director. Every refusal of a
//! delegation, and the bulk decision's per-request result with two desks racing, on both backends.

mod common;

use common::{saturday_morning, Backend, Office, TestClock, PASSWORD};
use sanad_core::model::{Action, Role, Status};
use sanad_service::{
    AuditQuery, BulkItem, Error, NewDelegation, NewUser, PageRequest, RefusalKind, RequestView,
};

/// The director away for a week from Saturday 1404/10/06, the second reviewer acting.
fn week_of_leave(to: &str) -> NewDelegation {
    NewDelegation {
        from: "director".into(),
        to: to.into(),
        role: "director".into(),
        from_date: "۱۴۰۴/۱۰/۰۶".into(),
        until: "1404/10/13".into(),
        order: "۱۲۳۴/ح".into(),
        note: Some("مرخصی استحقاقی".into()),
    }
}

/// A request forwarded by `reviewer`, waiting on the director.
async fn at_director(o: &Office, reviewer: &sanad_service::Actor) -> RequestView {
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let r = o.step(reviewer, &r, Action::StartReview, None).await;
    o.step(reviewer, &r, Action::Forward, None).await
}

fn refused_with(res: Result<impl std::fmt::Debug, Error>, field: &str, message: &str) {
    match res {
        Err(Error::Invalid {
            field: f,
            message_id,
            ..
        }) => assert_eq!((f.as_str(), message_id), (field, message)),
        other => panic!("expected {field}/{message}, got {other:?}"),
    }
}

on_both_backends!(the_refusals_store_nothing, |b: Backend| async move {
    let clock = TestClock::at(saturday_morning());
    let o = Office::with(b, Some(clock)).await;
    o.ready_for_ecopy().await;
    let add = |d: NewDelegation| o.svc.add_delegation(&o.admin, d);
    refused_with(
        add(week_of_leave("admin")).await,
        "to_user",
        "error-delegation-admin-auditor",
    );
    refused_with(
        add(week_of_leave("auditor")).await,
        "to_user",
        "error-delegation-admin-auditor",
    );
    refused_with(
        add(NewDelegation {
            from: "auditor".into(),
            ..week_of_leave("reviewer2")
        })
        .await,
        "from_user",
        "error-delegation-admin-auditor",
    );
    refused_with(
        add(week_of_leave("director")).await,
        "to_user",
        "error-delegation-self",
    );
    refused_with(
        add(NewDelegation {
            until: "1404/10/06".into(),
            ..week_of_leave("reviewer2")
        })
        .await,
        "until",
        "error-delegation-ends-before-start",
    );
    refused_with(
        add(NewDelegation {
            role: "clerk".into(),
            from: "clerk".into(),
            ..week_of_leave("clerk2")
        })
        .await,
        "role",
        "error-delegation-role",
    );
    refused_with(
        add(NewDelegation {
            from: "reviewer".into(),
            ..week_of_leave("reviewer2")
        })
        .await,
        "from_user",
        "error-delegation-role-not-held",
    );
    // A deactivated delegate.
    o.svc
        .add_user(
            &o.admin,
            NewUser {
                username: "gone".into(),
                display_name: "کاربر رفته".into(),
                role: "reviewer".into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("user");
    o.svc
        .set_user_active(&o.admin, "gone", false)
        .await
        .expect("deactivate");
    refused_with(
        add(week_of_leave("gone")).await,
        "to_user",
        "error-delegation-delegate-inactive",
    );
    assert!(o
        .svc
        .delegations(&o.admin, false)
        .await
        .expect("list")
        .is_empty());

    // One in force; an overlapping one of the same person and role is refused, a touching one
    // (half-open periods) is not.
    let first = add(week_of_leave("reviewer2")).await.expect("first");
    assert!(first.active);
    refused_with(
        add(NewDelegation {
            from_date: "1404/10/12".into(),
            until: "1404/10/20".into(),
            ..week_of_leave("clerk")
        })
        .await,
        "from_date",
        "error-delegation-overlap",
    );
    add(NewDelegation {
        from_date: "1404/10/13".into(),
        until: "1404/10/20".into(),
        ..week_of_leave("clerk")
    })
    .await
    .expect("the week after");
    // Not passed on: the acting director cannot hand the director's role to someone else.
    refused_with(
        add(NewDelegation {
            from: "reviewer2".into(),
            ..week_of_leave("clerk2")
        })
        .await,
        "from_user",
        "error-delegation-not-passed-on",
    );
    assert_eq!(
        o.svc
            .delegations(&o.admin, false)
            .await
            .expect("list")
            .len(),
        2
    );
    assert_eq!(
        o.svc
            .delegations(&o.admin, true)
            .await
            .expect("active")
            .len(),
        1
    );
});

on_both_backends!(a_directors_week_of_leave, |b: Backend| async move {
    let clock = TestClock::at(saturday_morning());
    let o = Office::with(b, Some(clock.clone())).await;
    o.ready_for_ecopy().await;
    let forwarded_by_reviewer = at_director(&o, &o.reviewer).await;
    let forwarded_by_reviewer2 = at_director(&o, &o.reviewer2).await;
    let others = [
        at_director(&o, &o.reviewer).await,
        at_director(&o, &o.reviewer).await,
    ];
    // Before the order: the second reviewer may not approve, and sees no director's rows.
    let early = o
        .svc
        .act(
            &o.reviewer2,
            forwarded_by_reviewer.tracking_code.as_str(),
            Action::Approve,
            None,
            None,
        )
        .await;
    assert!(
        matches!(early, Err(Error::NotPermitted { .. })),
        "{early:?}"
    );

    let d = o
        .svc
        .add_delegation(&o.admin, week_of_leave("reviewer2"))
        .await
        .expect("delegation");
    assert_eq!(d.starts_jalali, "1404/10/06 00:00");
    assert_eq!(d.ends_jalali, "1404/10/13 00:00");

    // The acting director's queue: their own rows and the director's, marked.
    let q = o
        .svc
        .queue(&o.reviewer2, PageRequest::default())
        .await
        .expect("queue");
    let marked: Vec<_> = q.items.iter().filter(|i| i.acting_for.is_some()).collect();
    assert_eq!(marked.len(), 4, "{q:?}");
    assert!(marked.iter().all(|i| i.status == Status::AwaitingDirector
        && i.acting_for.as_deref() == Some("کاربر director")));
    // The director's own queue is unchanged, and unmarked: they keep their rights.
    let own = o
        .svc
        .queue(&o.director, PageRequest::default())
        .await
        .expect("director's queue");
    assert_eq!(own.items.len(), 4);
    assert!(own.items.iter().all(|i| i.acting_for.is_none()));

    // The acting director approves one forwarded by someone else: recorded as director, for
    // the director, under the delegation.
    let page = o
        .svc
        .request_by_code(&o.reviewer2, forwarded_by_reviewer.tracking_code.as_str())
        .await
        .expect("page");
    assert!(page.actions.iter().any(|a| a.action == Action::Approve));
    let approved = o.step(&o.reviewer2, &page, Action::Approve, None).await;
    assert_eq!(approved.status, Status::Approved);
    let last = approved.history.last().expect("step");
    assert_eq!(last.user, "reviewer2");
    assert_eq!(last.role, Role::Director);
    assert_eq!(last.acting_for.as_deref(), Some("کاربر director"));
    assert_eq!(last.delegation_id.as_deref(), Some(d.id.as_str()));
    // Read back from the database, as another desk would see it.
    let again = o
        .svc
        .request_by_code(&o.clerk, approved.tracking_code.as_str())
        .await
        .expect("read back");
    assert_eq!(again.history.last(), Some(last));
    // And in the audit chain: the real person, the role, whom for, the delegation.
    let log = o
        .svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                request: Some(approved.tracking_code.as_str().to_owned()),
                action: Some("request.approve".into()),
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].user.as_deref(), Some("reviewer2"));
    assert_eq!(log[0].detail["role"], "director");
    assert_eq!(log[0].detail["delegation"], d.id.as_str());
    assert!(log[0].detail["acting_for"].is_string());

    // The reviewer-director case: what reviewer2 forwarded, reviewer2 may not approve.
    let own_forward = o
        .svc
        .act(
            &o.reviewer2,
            forwarded_by_reviewer2.tracking_code.as_str(),
            Action::Approve,
            None,
            None,
        )
        .await;
    assert!(
        matches!(
            own_forward,
            Err(Error::NotPermitted {
                message_id: "error-sod-approve-own-forward",
                ..
            })
        ),
        "{own_forward:?}"
    );
    // The director, back in the office early, still approves it: their rights stay.
    o.step(&o.director, &forwarded_by_reviewer2, Action::Approve, None)
        .await;

    // After the period: the delegation has ended by itself, the same step is refused.
    clock.advance_hours(24 * 7);
    let late = o
        .svc
        .act(
            &o.reviewer2,
            others[0].tracking_code.as_str(),
            Action::Approve,
            None,
            None,
        )
        .await;
    assert!(
        matches!(
            late,
            Err(Error::NotPermitted {
                message_id: "error-role-may-not-act",
                ..
            })
        ),
        "{late:?}"
    );
    let q = o
        .svc
        .queue(&o.reviewer2, PageRequest::default())
        .await
        .expect("queue after");
    assert!(q.items.iter().all(|i| i.acting_for.is_none()));
    assert!(o
        .svc
        .delegations(&o.admin, true)
        .await
        .expect("active")
        .is_empty());
});

on_both_backends!(an_ended_delegation_gives_nothing, |b: Backend| async move {
    let clock = TestClock::at(saturday_morning());
    let o = Office::with(b, Some(clock)).await;
    o.ready_for_ecopy().await;
    let r = at_director(&o, &o.reviewer).await;
    let d = o
        .svc
        .add_delegation(&o.admin, week_of_leave("reviewer2"))
        .await
        .expect("delegation");
    let ended = o.svc.end_delegation(&o.admin, &d.id).await.expect("end");
    assert!(!ended.active && ended.ended_jalali.is_some());
    refused_with(
        o.svc.end_delegation(&o.admin, &d.id).await,
        "id",
        "error-delegation-already-ended",
    );
    let res = o
        .svc
        .act(
            &o.reviewer2,
            r.tracking_code.as_str(),
            Action::Approve,
            None,
            None,
        )
        .await;
    assert!(matches!(res, Err(Error::NotPermitted { .. })), "{res:?}");
    // Ended, a new one for the rest of the week may be recorded.
    o.svc
        .add_delegation(&o.admin, week_of_leave("clerk"))
        .await
        .expect("after the first ended");
});

on_both_backends!(nobody_decides_twice_in_two_roles, |b: Backend| async move {
    let clock = TestClock::at(saturday_morning());
    let o = Office::with(b, Some(clock)).await;
    o.ready_for_ecopy().await;
    // The director acts for the ministry liaison; a third-party request the director approved
    // may not be approved again by them as the ministry.
    o.svc
        .add_delegation(
            &o.admin,
            NewDelegation {
                from: "ministry".into(),
                role: "ministry".into(),
                ..week_of_leave("director")
            },
        )
        .await
        .expect("delegation");
    let mut new = o.request();
    new.destination_org = Some(o.court.clone());
    let r = o
        .svc
        .register_request(&o.clerk, new)
        .await
        .expect("register");
    let r = o.step(&o.reviewer, &r, Action::StartReview, None).await;
    let r = o.step(&o.reviewer, &r, Action::Forward, None).await;
    let r = o.step(&o.director, &r, Action::Approve, None).await;
    assert_eq!(r.status, Status::AwaitingMinistry);
    let twice = o
        .svc
        .act(
            &o.director,
            r.tracking_code.as_str(),
            Action::Approve,
            None,
            Some(r.version),
        )
        .await;
    assert!(
        matches!(
            twice,
            Err(Error::NotPermitted {
                message_id: "error-sod-two-roles",
                ..
            })
        ),
        "{twice:?}"
    );
    // The ministry liaison themselves still may.
    o.step(&o.ministry, &r, Action::Approve, None).await;
});

on_both_backends!(
    a_bulk_approval_reports_each_request,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock)).await;
        o.ready_for_ecopy().await;
        o.svc
            .add_delegation(&o.admin, week_of_leave("reviewer2"))
            .await
            .expect("delegation");
        let a = at_director(&o, &o.reviewer).await;
        let b2 = at_director(&o, &o.reviewer).await;
        let mine = at_director(&o, &o.reviewer2).await;
        let changed = at_director(&o, &o.reviewer).await;
        // Another desk (the director) decides on one after it was selected.
        o.step(&o.director, &changed, Action::SendBack, Some("نامه ناقص"))
            .await;
        let item = |r: &RequestView| BulkItem {
            code: r.tracking_code_grouped.clone(),
            expected_version: Some(r.version),
        };
        let result = o
            .svc
            .act_many(
                &o.reviewer2,
                vec![item(&a), item(&changed), item(&mine), item(&b2)],
                Action::Approve,
                None,
            )
            .await
            .expect("bulk");
        assert_eq!((result.applied, result.refused), (2, 2));
        let kinds: Vec<_> = result.outcomes.iter().map(|o| o.refusal).collect();
        assert_eq!(
            kinds,
            vec![
                None,
                Some(RefusalKind::Conflict),
                Some(RefusalKind::SeparationOfDuties),
                None
            ]
        );
        assert_eq!(result.outcomes[0].status, Some(Status::Approved));
        assert_eq!(
            result.outcomes[1].message_id.as_deref(),
            Some("error-conflict-request-changed")
        );
        assert_eq!(result.worst(), Some(RefusalKind::SeparationOfDuties));
        // Nothing half-applied: the refused ones are as they were.
        let still = o
            .svc
            .request_by_code(&o.clerk, mine.tracking_code.as_str())
            .await
            .expect("mine");
        assert_eq!(
            (still.status, still.version),
            (Status::AwaitingDirector, mine.version)
        );
        // A reason is asked for once, before anything is applied.
        let c = at_director(&o, &o.reviewer).await;
        refused_with(
            o.svc
                .act_many(&o.director, vec![item(&c)], Action::Reject, Some("  "))
                .await,
            "note",
            "error-note-required",
        );
        refused_with(
            o.svc
                .act_many(&o.director, vec![item(&c)], Action::Dispatch, None)
                .await,
            "action",
            "error-bulk-action",
        );
        // Without versions (the command line), a state changed meanwhile is told as such.
        let result = o
            .svc
            .act_many(
                &o.director,
                vec![BulkItem {
                    code: a.tracking_code.as_str().to_owned(),
                    expected_version: None,
                }],
                Action::Approve,
                None,
            )
            .await
            .expect("bulk again");
        assert_eq!(result.outcomes[0].refusal, Some(RefusalKind::StateChanged));
    }
);

on_both_backends!(
    two_desks_race_on_one_request_in_a_bulk,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        for _ in 0..3 {
            let r1 = at_director(&o, &o.reviewer).await;
            let r2 = at_director(&o, &o.reviewer).await;
            // A second desk of the same office, on its own connection pool.
            let other = sanad_service::Service::connect(o.url())
                .await
                .expect("desk 2");
            let director2 = other.login("director", PASSWORD).await.expect("login");
            let items = vec![
                BulkItem {
                    code: r1.tracking_code.as_str().to_owned(),
                    expected_version: Some(r1.version),
                },
                BulkItem {
                    code: r2.tracking_code.as_str().to_owned(),
                    expected_version: Some(r2.version),
                },
            ];
            let (bulk, single) = tokio::join!(
                o.svc.act_many(&o.director, items, Action::Approve, None),
                other.act(
                    &director2,
                    r2.tracking_code.as_str(),
                    Action::SendBack,
                    Some("سند ناخوانا"),
                    Some(r2.version)
                ),
            );
            let bulk = bulk.expect("bulk");
            assert!(bulk.outcomes[0].applied);
            let bulk_won = bulk.outcomes[1].applied;
            match (&single, bulk_won) {
                (Ok(_), false) => {
                    assert_eq!(bulk.outcomes[1].refusal, Some(RefusalKind::Conflict))
                }
                (Err(Error::Conflict { .. }), true) => {}
                other => panic!("exactly one must win: {other:?} {bulk:?}"),
            }
            let after = o
                .svc
                .request_by_code(&o.clerk, r2.tracking_code.as_str())
                .await
                .expect("r2");
            assert_eq!(after.version, r2.version + 1, "applied exactly once");
            other.close().await;
        }
    }
);
