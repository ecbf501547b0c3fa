//! The administrator's API tokens as the desk's screen uses them (issue 14, items 6 and 9), on
//! both backends: issued to an organization of the register only (the secret once), listed without it, the rate limit
//! read back as set and refused out of range naming its field, revoked once (again: conflict).

mod common;

use common::{Backend, Office};
use sanad_service::{ApiRateLimit, Error};

on_both_backends!(
    tokens_are_issued_listed_limited_and_revoked,
    |b: Backend| async move {
        let o = Office::new(b).await;
        // An organization the register does not hold: refused on its field, nothing issued.
        // (A third party, such as the court, may have one: it downloads the copies sent to it.)
        assert!(matches!(
            o.svc.issue_portal_token(&o.admin, "no-such-organization", "سامانه").await,
            Err(Error::Invalid { field, .. }) if field == "org"
        ));
        assert!(matches!(
            o.svc.issue_portal_token(&o.admin, &o.agency, "  ").await,
            Err(Error::Invalid { field, .. }) if field == "name"
        ));
        assert!(o
            .svc
            .list_portal_tokens(&o.admin)
            .await
            .expect("list")
            .is_empty());

        let issued = o
            .svc
            .issue_portal_token(&o.admin, &o.agency, "سامانهٔ اسناد")
            .await
            .expect("issue");
        assert!(issued.token.starts_with("sanad_pt_"));
        let listed = o.svc.list_portal_tokens(&o.admin).await.expect("list");
        assert_eq!(listed.len(), 1);
        let token = &listed[0];
        assert_eq!(token.id, issued.id);
        assert_eq!(token.label, "سامانهٔ اسناد");
        assert_eq!(token.organization_id, o.agency);
        assert!(!token.revoked && token.last_used_jalali.is_none());
        assert!(token.created_jalali.starts_with("14"));
        // The list never carries the secret.
        let json = serde_json::to_string(&listed).expect("json");
        assert!(!json.contains(&issued.token));

        assert_eq!(
            o.svc.api_rate_limit(&o.admin).await.expect("limit"),
            ApiRateLimit {
                calls: 600,
                seconds: 60
            }
        );
        o.svc
            .set_api_rate_limit(&o.admin, 120, 30)
            .await
            .expect("set");
        assert!(matches!(
            o.svc.set_api_rate_limit(&o.admin, 120, 0).await,
            Err(Error::Invalid { field, .. }) if field == "seconds"
        ));
        assert_eq!(
            o.svc.api_rate_limit(&o.admin).await.expect("limit"),
            ApiRateLimit {
                calls: 120,
                seconds: 30
            }
        );

        let revoked = o
            .svc
            .revoke_portal_token(&o.admin, &issued.id)
            .await
            .expect("revoke");
        assert!(revoked.revoked && revoked.revoked_jalali.is_some());
        assert!(o.svc.list_portal_tokens(&o.admin).await.expect("list")[0].revoked);
        assert!(matches!(
            o.svc.revoke_portal_token(&o.admin, &issued.id).await,
            Err(Error::Conflict { .. })
        ));
        assert!(matches!(
            o.svc
                .api_caller(&issued.token, "GET /api/v1/requests", "127.0.0.1")
                .await,
            Err(Error::AuthenticationFailed)
        ));
    }
);
