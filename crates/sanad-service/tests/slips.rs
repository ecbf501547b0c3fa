//! Dispatch slips on both backends: who may issue one and when, copy numbering (reprints are
//! duplicates), the audit entry every print leaves, the office profile and the default printer.

mod common;

use common::{Backend, Office};
use sanad_core::model::{Action, Role};
use sanad_service::{Error, OfficeProfile, RequestView, Service};

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
        r = o
            .svc
            .act(who, r.tracking_code.as_str(), action, None, Some(r.version))
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
    }
    r
}

/// `(action, detail)` of the audit entries about slips, in order.
async fn slip_audit(svc: &Service) -> Vec<(String, serde_json::Value)> {
    svc.seal_audit().await.expect("seal the audit log");
    let sql = "SELECT action, detail FROM audit_log WHERE action LIKE 'request.slip%' ORDER BY seq";
    let rows: Vec<(String, String)> = match svc.store() {
        sanad_service::Store::Sqlite(pool) => sqlx::query_as(sql).fetch_all(pool).await,
        sanad_service::Store::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await,
    }
    .expect("read audit log");
    rows.into_iter()
        .map(|(a, d)| (a, serde_json::from_str(&d).expect("detail is JSON")))
        .collect()
}

on_both_backends!(
    reprints_are_numbered_duplicates_and_audited,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = approved(&o).await;
        let code = r.tracking_code_grouped.as_str();
        let preview = o
            .svc
            .preview_slip(&o.clerk, code, "a5")
            .await
            .expect("preview");
        assert_eq!(preview.copy, 1);
        assert!(
            slip_audit(&o.svc).await.is_empty(),
            "a preview records nothing"
        );

        let first = o
            .svc
            .issue_slip(&o.clerk, code, "a5", None)
            .await
            .expect("print");
        assert_eq!(first.copy, 1);
        assert!(!first.is_duplicate());
        assert_eq!(first.clerk, o.clerk.display_name());
        assert_eq!(first.approvals.len(), 1);
        assert_eq!(first.approvals[0].role, Role::Director);
        assert_eq!(first.approvals[0].name, o.director.display_name());

        let second = o
            .svc
            .issue_slip(&o.clerk2, code, "80MM", Some("Desk-3 Roll"))
            .await
            .expect("reprint");
        assert_eq!(second.copy, 2);
        assert!(second.is_duplicate());
        assert_eq!(second.paper, "80mm");
        assert_eq!(
            o.svc.slip_copies(&o.auditor, code).await.expect("copies"),
            2
        );

        let audit = slip_audit(&o.svc).await;
        assert_eq!(audit.len(), 2, "{audit:?}");
        assert_eq!(audit[0].0, "request.slip_print");
        assert_eq!(audit[0].1["copy"], 1);
        assert_eq!(audit[0].1["tracking_code"], r.tracking_code.as_str());
        assert_eq!(audit[1].0, "request.slip_reprint");
        assert_eq!(audit[1].1["copy"], 2);
        assert_eq!(audit[1].1["printer"], "Desk-3 Roll");
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
    }
);

on_both_backends!(
    only_clerks_issue_and_only_after_approval,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let submitted = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let early = o
            .svc
            .issue_slip(&o.clerk, submitted.tracking_code.as_str(), "a5", None)
            .await;
        assert!(
            matches!(
                early,
                Err(Error::NotPermitted {
                    message_id: "error-slip-not-printable",
                    ..
                })
            ),
            "{early:?}"
        );
        let r = approved(&o).await;
        let code = r.tracking_code.as_str();
        for who in [&o.reviewer, &o.director, &o.auditor, &o.admin] {
            let denied = o.svc.issue_slip(who, code, "a5", None).await;
            assert!(
                matches!(denied, Err(Error::NotPermitted { .. })),
                "{:?}",
                who.role()
            );
        }
        let bad_paper = o.svc.issue_slip(&o.clerk, code, "letter", None).await;
        assert!(
            matches!(bad_paper, Err(Error::Invalid { .. })),
            "{bad_paper:?}"
        );
        assert!(
            slip_audit(&o.svc).await.is_empty(),
            "refusals record nothing"
        );
    }
);

on_both_backends!(
    office_profile_and_default_printer,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let empty = o.svc.office_profile(&o.clerk).await.expect("read");
        assert_eq!(empty, OfficeProfile::default());
        let logo = b"\x89PNG\r\n\x1a\n-rest-of-a-png".to_vec();
        let profile = OfficeProfile {
            directorate_name: "اداره کل امور اقتصادی و دارایی استان اصفهان".into(),
            logo_png: Some(logo),
        };
        let denied = o.svc.set_office_profile(&o.clerk, profile.clone()).await;
        assert!(matches!(denied, Err(Error::NotPermitted { .. })));
        o.svc
            .set_office_profile(&o.admin, profile.clone())
            .await
            .expect("set");
        assert_eq!(o.svc.office_profile(&o.clerk).await.expect("read"), profile);
        let not_png = OfficeProfile {
            logo_png: Some(b"GIF89a".to_vec()),
            ..profile.clone()
        };
        let refused = o.svc.set_office_profile(&o.admin, not_png).await;
        assert!(
            matches!(&refused, Err(e) if e.field() == Some("logo")),
            "{refused:?}"
        );
        let r = approved(&o).await;
        let slip = o
            .svc
            .issue_slip(&o.clerk, r.tracking_code.as_str(), "a4", None)
            .await
            .expect("print");
        assert_eq!(slip.office, profile);

        assert_eq!(o.svc.default_printer(&o.clerk).await.expect("read"), None);
        o.svc
            .set_default_printer(&o.clerk, Some("HP-LaserJet-Desk-2"))
            .await
            .expect("set printer");
        assert_eq!(
            o.svc
                .default_printer(&o.clerk)
                .await
                .expect("read")
                .as_deref(),
            Some("HP-LaserJet-Desk-2")
        );
        // Each clerk keeps their own desk's printer.
        assert_eq!(o.svc.default_printer(&o.clerk2).await.expect("read"), None);
        o.svc
            .set_default_printer(&o.clerk, None)
            .await
            .expect("forget printer");
        assert_eq!(o.svc.default_printer(&o.clerk).await.expect("read"), None);
        let denied = o.svc.set_default_printer(&o.reviewer, Some("X")).await;
        assert!(matches!(denied, Err(Error::NotPermitted { .. })));
    }
);
