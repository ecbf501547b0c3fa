//! Retries are safe: a registration sent again with the same idempotency key returns the request
//! registered the first time, and a step sent again with the same expected version, after the
//! first attempt committed, is answered with the request as it is instead of applied twice.

mod common;

use common::Office;
use sanad_core::model::{Action, Status};
use sanad_service::{Error, NewRequest, SearchQuery};

fn keyed(o: &Office, key: &str) -> NewRequest {
    NewRequest {
        idempotency_key: Some(key.into()),
        ..o.request()
    }
}

async fn request_count(o: &Office) -> usize {
    let query = SearchQuery {
        limit: Some(100),
        ..Default::default()
    };
    let page = o.svc.search(&o.clerk, query).await.expect("search");
    page.items.len()
}

on_both_backends!(
    a_resent_registration_returns_the_first,
    |backend| async move {
        let o = Office::new(backend).await;
        let first = o
            .svc
            .register_request(&o.clerk, keyed(&o, "draft-0001-abcdef"))
            .await
            .expect("first");
        let again = o
            .svc
            .register_request(&o.clerk, keyed(&o, "draft-0001-abcdef"))
            .await
            .expect("resent");
        assert_eq!(again.tracking_code, first.tracking_code);
        assert_eq!(again.history.len(), 1);
        assert_eq!(request_count(&o).await, 1);

        // Another key, or another clerk's same key, is another registration.
        let other = o
            .svc
            .register_request(&o.clerk, keyed(&o, "draft-0002-abcdef"))
            .await
            .expect("other key");
        assert_ne!(other.tracking_code, first.tracking_code);
        let colleague = o
            .svc
            .register_request(&o.clerk2, keyed(&o, "draft-0001-abcdef"))
            .await
            .expect("other clerk");
        assert_ne!(colleague.tracking_code, first.tracking_code);
        assert_eq!(request_count(&o).await, 3);

        // A resend after the request moved on shows it as it is now.
        o.svc
            .act(
                &o.reviewer,
                first.tracking_code.as_str(),
                Action::StartReview,
                None,
                Some(1),
            )
            .await
            .expect("review");
        let later = o
            .svc
            .register_request(&o.clerk, keyed(&o, "draft-0001-abcdef"))
            .await
            .expect("resent later");
        assert_eq!(later.tracking_code, first.tracking_code);
        assert_eq!(later.status, Status::UnderReview);
        assert_eq!(request_count(&o).await, 3);
    }
);

on_both_backends!(a_malformed_key_is_refused, |backend| async move {
    let o = Office::new(backend).await;
    for key in [
        "short",
        "has space in it",
        "کلید-فارسی-بلند",
        &"k".repeat(101),
        "nul\0-in-key",
    ] {
        let err = o
            .svc
            .register_request(&o.clerk, keyed(&o, key))
            .await
            .expect_err(key);
        assert_eq!(err.field(), Some("idempotency_key"), "{key:?}");
        assert_eq!(err.message_id(), "error-idempotency-key");
    }
    assert_eq!(request_count(&o).await, 0);
});

on_both_backends!(
    a_resent_step_is_answered_not_applied_twice,
    |backend| async move {
        let o = Office::new(backend).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let code = r.tracking_code.as_str();
        let first = o
            .svc
            .act(&o.reviewer, code, Action::StartReview, None, Some(1))
            .await
            .expect("start review");
        // The same step again (its answer was lost): the request as it is, one step in history.
        let again = o
            .svc
            .act(&o.reviewer, code, Action::StartReview, None, Some(1))
            .await
            .expect("resent step");
        assert_eq!(again.version, first.version);
        assert_eq!(again.history.len(), 2);
        // Someone else's stale attempt at the same version is still a conflict.
        let stale = o
            .svc
            .act(&o.reviewer2, code, Action::StartReview, None, Some(1))
            .await;
        assert!(matches!(stale, Err(Error::Conflict { .. })), "{stale:?}");
        // And so is a different action from the old version by the same user.
        let other = o
            .svc
            .act(&o.reviewer, code, Action::Cancel, Some("x"), Some(1))
            .await;
        assert!(other.is_err());
        let now = o.svc.request_by_code(&o.clerk, code).await.expect("show");
        assert_eq!(now.version, 2);
        assert_eq!(now.history.len(), 2);
    }
);
