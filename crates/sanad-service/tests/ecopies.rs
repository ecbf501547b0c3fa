//! The certified electronic copy at dispatch, on both backends (issue 15, item 2): refused,
//! naming the document, while a document has no scan, and without the signing key, changing
//! nothing; issued in the dispatch's transaction otherwise, its digest and token recorded,
//! verifiable offline against the published key set.

mod common;

use common::{Backend, Office};
use sanad_core::model::{Action, Status};
use sanad_service::{Error, RequestView};

async fn approved(o: &Office) -> RequestView {
    let mut r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    for (who, action) in [
        (&o.reviewer, Action::StartReview),
        (&o.reviewer, Action::Forward),
        (&o.director, Action::Approve),
    ] {
        r = o.step(who, &r, action, None).await;
    }
    r
}

async fn copies(o: &Office) -> i64 {
    let sql = "SELECT COUNT(*) FROM ecopies";
    match o.svc.store() {
        sanad_service::Store::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        sanad_service::Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect("count")
}

on_both_backends!(
    dispatch_issues_a_verifiable_certified_copy,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = approved(&o).await;
        let code = r.tracking_code.as_str();
        // No scan of the document: refused, naming it; nothing changed.
        let refused = o
            .svc
            .act(&o.clerk, code, Action::Dispatch, None, None)
            .await;
        match refused {
            Err(Error::Invalid {
                message_id: "error-ecopy-no-scan",
                args,
                ..
            }) => {
                assert_eq!(args.get("registry").map(String::as_str), Some("1400-0"));
            }
            other => panic!("{other:?}"),
        }
        let still = o.svc.request_by_code(&o.clerk, code).await.expect("read");
        assert_eq!(still.status, Status::Approved);
        assert_eq!(copies(&o).await, 0);
        // A scan, but no signing key on this desk: refused too.
        let scan = sanad_scan::samples::pdf(2);
        o.svc
            .attach_scan(
                &o.clerk,
                &o.docs[0],
                sanad_service::IncomingFile {
                    bytes: scan.clone(),
                    original_name: None,
                    title: None,
                },
            )
            .await
            .expect("scan");
        assert!(matches!(
            o.svc
                .act(&o.clerk, code, Action::Dispatch, None, None)
                .await,
            Err(Error::Invalid {
                message_id: "error-ecopy-no-key",
                ..
            })
        ));
        assert!(matches!(
            o.svc.ecopy_file(&o.clerk, code).await,
            Err(Error::NotFound { what: "ecopy" })
        ));
        // With both: dispatched, and the copy issued with it.
        o.svc.init_signing_key(&o.admin).await.expect("key");
        let sent = o
            .svc
            .act(&o.clerk, code, Action::Dispatch, None, None)
            .await
            .expect("dispatch");
        assert_eq!(sent.status, Status::Dispatched);
        assert_eq!(copies(&o).await, 1);
        let (info, pdf) = o.svc.ecopy_file(&o.auditor, code).await.expect("copy");
        assert_eq!(info.sha256, sanad_scan::sha256_hex(&pdf));
        let keys = o.svc.published_keys().await.expect("keys");
        let verdict = sanad_slip::ecopy::verify_copy(&pdf, &keys).expect("a copy");
        assert!(verdict.is_authentic(), "{verdict:?}");
        // The certification page and the scan's two pages.
        assert_eq!(verdict.pages, 3);
        match &verdict.token {
            sanad_token::Verdict::Authentic { claims, .. } => {
                assert_eq!(claims.tracking_code, code);
                assert_eq!(claims.kind, sanad_token::TokenKind::Copy);
                assert!(claims.dispatched_at.is_some());
                let scan_digest = sanad_token::short_digest(&scan).to_vec();
                assert_eq!(claims.documents, vec![scan_digest]);
            }
            other => panic!("{other:?}"),
        }
        // The request's history (its audit entries) has the copy's digest and token.
        o.svc.seal_audit().await.expect("seal");
        let entries = o
            .svc
            .audit_log(
                &o.auditor,
                sanad_service::AuditQuery {
                    request: Some(code.to_owned()),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
        let entry = entries
            .iter()
            .find(|e| e.action == "request.ecopy")
            .expect("ecopy entry");
        assert_eq!(entry.detail["sha256"], info.sha256.as_str());
        assert_eq!(entry.detail["token"], info.token.as_str());
        // Who may read it: the clerk and the auditor.
        assert!(o.svc.ecopy_file(&o.clerk, code).await.is_ok());
        assert!(matches!(
            o.svc.ecopy_file(&o.reviewer, code).await,
            Err(Error::NotPermitted { .. })
        ));
    }
);
