//! A request's whole life on both backends, as desks would walk it.

mod common;

use common::{Backend, Office};
use sanad_core::model::{Action, Role, Status};
use sanad_service::{Error, NewRequest, RequestView};

async fn act(
    o: &Office,
    who: &sanad_service::Actor,
    r: &RequestView,
    a: Action,
    note: Option<&str>,
) -> RequestView {
    o.svc
        .act(who, r.tracking_code.as_str(), a, note, Some(r.version))
        .await
        .unwrap_or_else(|e| panic!("{a} by {:?}: {e}", who.role()))
}

on_both_backends!(
    electronic_copy_from_registration_to_closed,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        assert_eq!(r.status, Status::Submitted);
        assert_eq!(r.version, 1);
        assert_eq!(r.tracking_code.as_str().len(), 12);
        let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
        assert_eq!(r.status, Status::UnderReview);
        let r = act(&o, &o.reviewer, &r, Action::Forward, None).await;
        assert_eq!(r.status, Status::AwaitingDirector);
        let r = act(&o, &o.director, &r, Action::Approve, Some("موافقت می‌شود")).await;
        assert_eq!(
            r.status,
            Status::Approved,
            "own destination skips the ministry"
        );
        let r = act(&o, &o.clerk, &r, Action::Dispatch, None).await;
        assert_eq!(r.status, Status::Dispatched);
        assert!(
            r.documents[0].in_repository,
            "a copy leaves the original in the repository"
        );
        let r = act(&o, &o.clerk, &r, Action::ConfirmDelivery, None).await;
        let r = act(&o, &o.clerk, &r, Action::Close, None).await;
        assert_eq!(r.status, Status::Closed);
        assert!(r.available_actions.is_empty());

        let shown = o
            .svc
            .request_by_code(&o.reviewer, &r.tracking_code_grouped)
            .await
            .expect("show");
        let steps: Vec<(String, Option<Status>, Status, String, Role)> = shown
            .history
            .iter()
            .map(|h| (h.action.clone(), h.from, h.to, h.user.clone(), h.role))
            .collect();
        use Status::*;
        assert_eq!(
            steps,
            vec![
                (
                    "register".into(),
                    None,
                    Submitted,
                    "clerk".into(),
                    Role::Clerk
                ),
                (
                    "start_review".into(),
                    Some(Submitted),
                    UnderReview,
                    "reviewer".into(),
                    Role::Reviewer
                ),
                (
                    "forward".into(),
                    Some(UnderReview),
                    AwaitingDirector,
                    "reviewer".into(),
                    Role::Reviewer
                ),
                (
                    "approve".into(),
                    Some(AwaitingDirector),
                    Approved,
                    "director".into(),
                    Role::Director
                ),
                (
                    "dispatch".into(),
                    Some(Approved),
                    Dispatched,
                    "clerk".into(),
                    Role::Clerk
                ),
                (
                    "confirm_delivery".into(),
                    Some(Dispatched),
                    Delivered,
                    "clerk".into(),
                    Role::Clerk
                ),
                (
                    "close".into(),
                    Some(Delivered),
                    Closed,
                    "clerk".into(),
                    Role::Clerk
                ),
            ]
        );
        assert_eq!(shown.history[3].note.as_deref(), Some("موافقت می‌شود"));
        assert!(shown.history.iter().all(|h| h.at_jalali.starts_with("14")));
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
    }
);

on_both_backends!(
    third_party_destination_needs_the_ministry,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let new = NewRequest {
            destination_org: Some(o.court.clone()),
            ..o.request()
        };
        let r = o
            .svc
            .register_request(&o.clerk, new)
            .await
            .expect("register");
        assert!(r.needs_ministry);
        assert_eq!(
            r.destination_org.as_ref().map(|d| d.id.clone()),
            Some(o.court.clone())
        );
        let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
        let r = act(&o, &o.reviewer, &r, Action::Forward, None).await;
        let r = act(&o, &o.director, &r, Action::Approve, None).await;
        assert_eq!(r.status, Status::AwaitingMinistry);
        // The director cannot approve twice, and the clerk cannot skip the ministry.
        let again = o
            .svc
            .act(
                &o.director,
                r.tracking_code.as_str(),
                Action::Approve,
                None,
                None,
            )
            .await;
        assert!(
            matches!(again, Err(Error::NotPermitted { .. })),
            "{again:?}"
        );
        let skip = o
            .svc
            .act(
                &o.clerk,
                r.tracking_code.as_str(),
                Action::Dispatch,
                None,
                None,
            )
            .await;
        assert!(matches!(skip, Err(Error::NotPermitted { .. })), "{skip:?}");
        let r = act(&o, &o.ministry, &r, Action::Approve, None).await;
        assert_eq!(r.status, Status::Approved);
    }
);

on_both_backends!(rejection_and_correction_paths, |b: Backend| async move {
    let o = Office::new(b).await;
    o.ready_for_ecopy().await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
    let r = act(
        &o,
        &o.reviewer,
        &r,
        Action::SendBack,
        Some("نامه امضا ندارد"),
    )
    .await;
    assert_eq!(r.status, Status::Correction);
    let r = act(&o, &o.clerk, &r, Action::Resubmit, None).await;
    assert_eq!(r.status, Status::Submitted);
    let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
    let r = act(&o, &o.reviewer, &r, Action::Forward, None).await;
    let r = act(&o, &o.director, &r, Action::SendBack, Some("پیوست ناقص")).await;
    assert_eq!(r.status, Status::Correction);
    let r = act(&o, &o.clerk, &r, Action::Resubmit, None).await;
    let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
    let r = act(&o, &o.reviewer, &r, Action::Forward, None).await;
    let r = act(
        &o,
        &o.director,
        &r,
        Action::Reject,
        Some("سند در اختیار دستگاه دیگری است"),
    )
    .await;
    assert_eq!(r.status, Status::Rejected);
    let late = o
        .svc
        .act(
            &o.clerk,
            r.tracking_code.as_str(),
            Action::Cancel,
            Some("x"),
            None,
        )
        .await;
    assert!(matches!(late, Err(Error::NotPermitted { .. })), "{late:?}");

    let r2 = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let r2 = act(&o, &o.clerk, &r2, Action::Cancel, Some("انصراف متقاضی")).await;
    assert_eq!(r2.status, Status::Cancelled);
});

on_both_backends!(
    originals_leave_and_return_to_the_repository,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let original = NewRequest {
            dispatch_mode: "original".into(),
            return_due: Some("1499/01/15".into()),
            ..o.request()
        };
        let mut approved = Vec::new();
        for _ in 0..2 {
            let r = o
                .svc
                .register_request(&o.clerk, original.clone())
                .await
                .expect("register");
            let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
            let r = act(&o, &o.reviewer, &r, Action::Forward, None).await;
            approved.push(act(&o, &o.director, &r, Action::Approve, None).await);
        }
        let first = act(&o, &o.clerk, &approved[0], Action::Dispatch, None).await;
        assert!(!first.documents[0].in_repository, "the original is out");

        // The second request wants the same original while it is out: refused, nothing applied.
        let second = &approved[1];
        let refused = o
            .svc
            .act(
                &o.clerk,
                second.tracking_code.as_str(),
                Action::Dispatch,
                None,
                Some(second.version),
            )
            .await;
        match refused {
            Err(Error::NotPermitted { message_id, args }) => {
                assert_eq!(message_id, "error-document-already-out");
                assert_eq!(args.get("registry").map(String::as_str), Some("1400-0"));
            }
            other => panic!("expected the document to be out: {other:?}"),
        }
        let unchanged = o
            .svc
            .request_by_code(&o.clerk, second.tracking_code.as_str())
            .await
            .expect("show");
        assert_eq!(unchanged.status, Status::Approved);
        assert_eq!(unchanged.version, second.version);
        assert_eq!(unchanged.history.len(), second.history.len());

        let first = act(&o, &o.clerk, &first, Action::ConfirmDelivery, None).await;
        assert_eq!(
            first.available_actions,
            vec![Action::ReceiveBack],
            "an original must come back before closing"
        );
        let first = act(&o, &o.clerk, &first, Action::ReceiveBack, None).await;
        assert_eq!(first.status, Status::ReturnedToRepository);
        assert!(first.documents[0].in_repository);
        let first = act(&o, &o.clerk, &first, Action::Close, None).await;
        assert_eq!(first.status, Status::Closed);

        let second = act(&o, &o.clerk, &unchanged, Action::Dispatch, None).await;
        assert_eq!(
            second.status,
            Status::Dispatched,
            "once back, it can go again"
        );
    }
);

on_both_backends!(
    only_the_owning_role_acts_and_a_refusal_changes_nothing,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let everyone = [&o.admin, &o.auditor, &o.clerk, &o.director, &o.ministry];
        for who in everyone {
            let res = o
                .svc
                .act(
                    who,
                    r.tracking_code.as_str(),
                    Action::StartReview,
                    None,
                    None,
                )
                .await;
            assert!(
                matches!(res, Err(Error::NotPermitted { .. })),
                "{:?}: {res:?}",
                who.role()
            );
        }
        for action in Action::ALL {
            for who in [&o.admin, &o.auditor] {
                let res = o
                    .svc
                    .act(who, r.tracking_code.as_str(), *action, Some("x"), None)
                    .await;
                assert!(
                    matches!(res, Err(Error::NotPermitted { .. })),
                    "{action} by {:?}",
                    who.role()
                );
            }
        }
        let after = o
            .svc
            .request_by_code(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("show");
        assert_eq!(after.status, Status::Submitted);
        assert_eq!(after.version, 1);
        assert_eq!(after.history.len(), 1);
        // The administrator runs the system but does not read clients' requests.
        let admin_read = o
            .svc
            .request_by_code(&o.admin, r.tracking_code.as_str())
            .await;
        assert!(
            matches!(admin_read, Err(Error::NotPermitted { .. })),
            "{admin_read:?}"
        );
        // Only clerks register.
        let res = o.svc.register_request(&o.reviewer, o.request()).await;
        assert!(matches!(res, Err(Error::NotPermitted { .. })), "{res:?}");
    }
);

on_both_backends!(
    reasons_are_required_where_the_workflow_says,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let r = act(&o, &o.reviewer, &r, Action::StartReview, None).await;
        for note in [None, Some(""), Some("   ")] {
            let res = o
                .svc
                .act(
                    &o.reviewer,
                    r.tracking_code.as_str(),
                    Action::SendBack,
                    note,
                    None,
                )
                .await;
            match res {
                Err(Error::Invalid {
                    field, message_id, ..
                }) => {
                    assert_eq!(field, "note");
                    assert_eq!(message_id, "error-note-required");
                }
                other => panic!("expected a note error: {other:?}"),
            }
            let res = o
                .svc
                .act(
                    &o.clerk,
                    r.tracking_code.as_str(),
                    Action::Cancel,
                    note,
                    None,
                )
                .await;
            assert!(matches!(res, Err(Error::Invalid { .. })), "{res:?}");
        }
        let after = o
            .svc
            .request_by_code(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("show");
        assert_eq!(after.version, r.version);
    }
);

on_both_backends!(
    unknown_codes_are_not_found_and_mistyped_codes_are_invalid,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        // Same code typed in Persian digits with dashes finds it.
        let persian: String = sanad_i18n::to_persian_digits(&r.tracking_code_grouped);
        let found = o
            .svc
            .request_by_code(&o.clerk, &persian)
            .await
            .expect("persian digits");
        assert_eq!(found.id, r.id);
        // One digit changed: the check digit catches it before any lookup.
        let mut typo: Vec<u8> = r.tracking_code.as_str().bytes().collect();
        typo[5] = if typo[5] == b'9' { b'0' } else { typo[5] + 1 };
        let typo = String::from_utf8(typo).expect("ascii");
        let res = o.svc.request_by_code(&o.clerk, &typo).await;
        assert!(
            matches!(res, Err(Error::Invalid { ref field, .. }) if field == "tracking_code"),
            "{res:?}"
        );
        // A well-formed code nobody was given.
        let other = loop {
            let c = sanad_core::TrackingCode::generate_secure();
            if c != r.tracking_code {
                break c;
            }
        };
        let res = o.svc.request_by_code(&o.clerk, other.as_str()).await;
        assert!(
            matches!(res, Err(Error::NotFound { what: "request" })),
            "{res:?}"
        );
    }
);
