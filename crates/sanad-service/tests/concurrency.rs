//! Two desks acting on one request at once: exactly one wins, the other is told, nothing is
//! applied twice. And tracking codes stay unique when the random source repeats itself.

mod common;

use std::sync::{Arc, Mutex};

use common::{Backend, Office};
use sanad_core::model::{Action, Status};
use sanad_core::TrackingCode;
use sanad_service::{CodeSource, Error};

on_both_backends!(
    simultaneous_actions_one_wins_one_conflicts,
    |b: Backend| async move {
        let o = Office::new(b).await;
        for round in 0..8 {
            let r = o
                .svc
                .register_request(&o.clerk, o.request())
                .await
                .expect("register");
            let code = r.tracking_code.as_str().to_owned();
            // Two reviewers press "start review" on the same version at the same moment.
            let (a, b) = tokio::join!(
                o.svc.act(
                    &o.reviewer,
                    &code,
                    Action::StartReview,
                    None,
                    Some(r.version)
                ),
                o.svc.act(
                    &o.reviewer2,
                    &code,
                    Action::StartReview,
                    None,
                    Some(r.version)
                ),
            );
            let outcomes = [&a, &b];
            let wins = outcomes.iter().filter(|x| x.is_ok()).count();
            let conflicts = outcomes
                .iter()
                .filter(|x| matches!(x, Err(Error::Conflict { .. })))
                .count();
            assert_eq!((wins, conflicts), (1, 1), "round {round}: {a:?} / {b:?}");
            let after = o.svc.request_by_code(&o.clerk, &code).await.expect("show");
            assert_eq!(after.status, Status::UnderReview);
            assert_eq!(after.version, 2);
            let starts = after
                .history
                .iter()
                .filter(|h| h.action == "start_review")
                .count();
            assert_eq!(starts, 1, "round {round}: applied twice");
        }
        assert!(o.svc.verify_audit(&o.auditor).await.expect("verify").intact);
    }
);

on_both_backends!(a_stale_view_gets_a_conflict, |b: Backend| async move {
    let o = Office::new(b).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let code = r.tracking_code.as_str();
    o.svc
        .act(&o.reviewer, code, Action::StartReview, None, Some(1))
        .await
        .expect("start");
    // The clerk's screen still shows version 1: cancelling from it must not apply.
    let res = o
        .svc
        .act(&o.clerk, code, Action::Cancel, Some("انصراف"), Some(1))
        .await;
    assert!(
        matches!(
            res,
            Err(Error::Conflict {
                message_id: "error-conflict-request-changed"
            })
        ),
        "{res:?}"
    );
    let after = o.svc.request_by_code(&o.clerk, code).await.expect("show");
    assert_eq!(after.status, Status::UnderReview);
    assert_eq!(after.version, 2);
});

on_both_backends!(
    many_desks_register_at_once_with_unique_codes,
    |b: Backend| async move {
        let o = Arc::new(Office::new(b).await);
        let mut tasks = Vec::new();
        for i in 0..8 {
            let o = o.clone();
            tasks.push(tokio::spawn(async move {
                let who = if i % 2 == 0 { &o.clerk } else { &o.clerk2 };
                let mut codes = Vec::new();
                for _ in 0..5 {
                    let r = o
                        .svc
                        .register_request(who, o.request())
                        .await
                        .expect("register");
                    codes.push(r.tracking_code);
                }
                codes
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        let unique: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), 40);
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
    }
);

/// Hands out a fixed sequence of codes, then random ones.
struct ScriptedCodes(Mutex<Vec<TrackingCode>>);

impl CodeSource for ScriptedCodes {
    fn next_code(&self) -> TrackingCode {
        let mut left = self.0.lock().expect("lock");
        if left.is_empty() {
            TrackingCode::generate_secure()
        } else {
            left.remove(0)
        }
    }
}

on_both_backends!(
    a_colliding_tracking_code_is_retried_silently,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let a = TrackingCode::generate_secure();
        let c = loop {
            let c = TrackingCode::generate_secure();
            if c != a {
                break c;
            }
        };
        let svc = o
            .svc
            .clone()
            .with_codes(Arc::new(ScriptedCodes(Mutex::new(vec![
                a.clone(),
                a.clone(),
                a.clone(),
                c.clone(),
            ]))));
        let first = svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("first");
        assert_eq!(first.tracking_code, a);
        // The next two draws repeat `a`; the desk never hears of it.
        let second = svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("second");
        assert_eq!(second.tracking_code, c);
    }
);
