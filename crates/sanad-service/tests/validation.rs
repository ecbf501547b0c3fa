//! Bad input is refused in the core with an error naming the field, and nothing is stored.

mod common;

use common::{Backend, Office};
use sanad_service::{Error, NewDocument, NewOrganization, NewRequest, SearchQuery};

fn field_of(res: &Result<sanad_service::RequestView, Error>) -> (String, &'static str) {
    match res {
        Err(Error::Invalid {
            field, message_id, ..
        }) => (field.clone(), message_id),
        other => panic!("expected a field error: {other:?}"),
    }
}

on_both_backends!(
    every_bad_field_is_named_and_nothing_is_stored,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let base = o.request();
        let with = |f: &dyn Fn(&mut NewRequest)| {
            let mut r = base.clone();
            f(&mut r);
            r
        };
        let cases: Vec<(NewRequest, &str, &str)> = vec![
            (
                with(&|r| r.applicant.national_code = "0499370898".into()),
                "applicant.national_code",
                "error-national-code-invalid",
            ),
            (
                with(&|r| r.applicant.national_code = "1111111111".into()),
                "applicant.national_code",
                "error-national-code-invalid",
            ),
            (
                with(&|r| r.applicant.national_code = "12345".into()),
                "applicant.national_code",
                "error-national-code-format",
            ),
            (
                with(&|r| r.applicant.mobile = "0912123".into()),
                "applicant.mobile",
                "error-mobile-format",
            ),
            (
                with(&|r| r.applicant.name = "   ".into()),
                "applicant.name",
                "error-required",
            ),
            (
                with(&|r| r.applicant.name = "ن".repeat(101)),
                "applicant.name",
                "error-too-long",
            ),
            (
                with(&|r| r.letter.date = "1404/12/30".into()),
                "letter.date",
                "error-jalali-date-invalid",
            ),
            (
                with(&|r| r.letter.date = "دیروز".into()),
                "letter.date",
                "error-jalali-date-format",
            ),
            (
                with(&|r| r.letter.date = "1499/01/01".into()),
                "letter.date",
                "error-letter-date-future",
            ),
            (
                with(&|r| r.letter.number = "".into()),
                "letter.number",
                "error-required",
            ),
            (
                with(&|r| r.purpose = "".into()),
                "purpose",
                "error-required",
            ),
            (
                with(&|r| r.priority = "asap".into()),
                "priority",
                "error-priority-unknown",
            ),
            (
                with(&|r| r.dispatch_mode = "fax".into()),
                "dispatch_mode",
                "error-dispatch-mode-unknown",
            ),
            (
                with(&|r| r.dispatch_mode = "original".into()),
                "return_due",
                "error-return-due-required",
            ),
            (
                with(&|r| {
                    r.dispatch_mode = "original".into();
                    r.return_due = Some("1400/01/01".into())
                }),
                "return_due",
                "error-return-due-past",
            ),
            (
                with(&|r| r.return_due = Some("1499/01/01".into())),
                "return_due",
                "error-return-due-not-allowed",
            ),
            (
                with(&|r| r.documents.clear()),
                "documents",
                "error-documents-required",
            ),
            (
                with(&|r| r.documents.push(r.documents[0].clone())),
                "documents",
                "error-document-repeated",
            ),
            (
                with(&|r| r.documents = vec![uuid::Uuid::now_v7().to_string()]),
                "documents",
                "error-not-found-document",
            ),
            (
                // None picked is a field to fill, not «Organization not found.» (issue 12).
                with(&|r| r.requesting_org = String::new()),
                "requesting_org",
                "error-required",
            ),
            (
                with(&|r| r.requesting_org = uuid::Uuid::now_v7().to_string()),
                "requesting_org",
                "error-not-found-organization",
            ),
            (
                with(&|r| r.requesting_org = o.court.clone()),
                "requesting_org",
                "error-requesting-org-kind",
            ),
            (
                with(&|r| r.destination_org = Some(o.agency2.clone())),
                "destination_org",
                "error-destination-must-be-third-party",
            ),
        ];
        for (input, field, message) in cases {
            let res = o.svc.register_request(&o.clerk, input).await;
            assert_eq!(field_of(&res), (field.to_owned(), message), "{field}");
        }
        let stored = o
            .svc
            .search(&o.clerk, SearchQuery::default())
            .await
            .expect("search");
        assert!(stored.items.is_empty(), "a refused request was stored");
        assert!(o.svc.verify_audit(&o.admin).await.expect("verify").intact);
    }
);

on_both_backends!(
    persian_and_arabic_input_is_normalized_on_the_way_in,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let mut new = o.request();
        new.applicant.name = "علي  كريمي".into();
        new.applicant.national_code = "۰۴۹۹-۳۷۰-۸۹۹".into();
        new.applicant.mobile = "+98 912 123 4567".into();
        new.letter.date = "١٤٠٤/٨/١".into();
        let r = o
            .svc
            .register_request(&o.clerk, new)
            .await
            .expect("register");
        assert_eq!(r.applicant.name, "علی کریمی");
        assert_eq!(r.applicant.national_code, "0499370899");
        assert_eq!(r.applicant.mobile, "09121234567");
        assert_eq!(r.letter.date, "1404/08/01");
    }
);

on_both_backends!(reference_data_is_validated_too, |b: Backend| async move {
    let o = Office::new(b).await;
    let bad_id = o
        .svc
        .add_organization(
            &o.admin,
            NewOrganization {
                name: "بانک".into(),
                kind: "third_party".into(),
                national_id: Some("10380284791".into()),
            },
        )
        .await;
    assert!(
        matches!(bad_id, Err(Error::Invalid { ref field, .. }) if field == "national_id"),
        "{bad_id:?}"
    );
    let good = o
        .svc
        .add_organization(
            &o.admin,
            NewOrganization {
                name: "بانک ملی".into(),
                kind: "third_party".into(),
                national_id: Some("۱۰۳۸۰۲۸۴۷۹۰".into()),
            },
        )
        .await
        .expect("valid national id");
    assert_eq!(good.national_id.as_deref(), Some("10380284790"));
    let twice = o
        .svc
        .add_organization(
            &o.clerk,
            NewOrganization {
                name: "بانک ملی شعبه".into(),
                kind: "third_party".into(),
                national_id: Some("10380284790".into()),
            },
        )
        .await;
    assert!(
        matches!(
            twice,
            Err(Error::Invalid {
                message_id: "error-national-id-taken",
                ..
            })
        ),
        "{twice:?}"
    );
    let kind = o
        .svc
        .add_organization(
            &o.admin,
            NewOrganization {
                name: "x".into(),
                kind: "company".into(),
                national_id: None,
            },
        )
        .await;
    assert!(
        matches!(kind, Err(Error::Invalid { ref field, .. }) if field == "kind"),
        "{kind:?}"
    );
    let dup = o
        .svc
        .add_document(
            &o.admin,
            NewDocument {
                registry_number: "1400-0".into(),
                title: "تکراری".into(),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(
            dup,
            Err(Error::Invalid {
                message_id: "error-registry-number-taken",
                ..
            })
        ),
        "{dup:?}"
    );
    let reviewer_adds = o
        .svc
        .add_document(
            &o.reviewer,
            NewDocument {
                registry_number: "9".into(),
                title: "سند".into(),
                ..Default::default()
            },
        )
        .await;
    assert!(
        matches!(reviewer_adds, Err(Error::NotPermitted { .. })),
        "{reviewer_adds:?}"
    );
});

on_both_backends!(
    every_bad_field_of_a_submit_is_reported_at_once,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let mut bad = o.request();
        bad.applicant.national_code = "0499370898".into();
        bad.applicant.email = Some("not-an-address".into());
        bad.letter.date = "2025/10/01".into(); // a Gregorian date typed by mistake
        bad.documents = vec![];
        let e = o
            .svc
            .register_request(&o.clerk, bad)
            .await
            .expect_err("refused");
        // The first keeps its place as `field`; all of them are listed, in the form's order.
        assert_eq!(e.field(), Some("documents"));
        let fields: Vec<_> = e
            .field_problems()
            .into_iter()
            .map(|p| (p.field, p.message_id))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("documents".to_owned(), "error-documents-required"),
                (
                    "applicant.national_code".to_owned(),
                    "error-national-code-invalid"
                ),
                ("applicant.email".to_owned(), "error-email-format"),
                ("letter.date".to_owned(), "error-jalali-date-invalid"),
            ]
        );
        let payload = serde_json::to_value(e.to_payload()).expect("json");
        assert_eq!(payload["field"], "documents");
        assert_eq!(payload["fields"].as_array().map(Vec::len), Some(4));
        assert_eq!(
            payload["fields"][3]["messageId"],
            "error-jalali-date-invalid"
        );
        let queue = o
            .svc
            .queue(&o.reviewer, sanad_service::PageRequest::default())
            .await
            .expect("queue");
        assert!(queue.items.is_empty(), "nothing stored");
    }
);

on_both_backends!(
    no_two_organizations_read_alike_and_the_admin_finds_old_ones,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let org = |name: &str, national_id: Option<&str>| NewOrganization {
            name: name.into(),
            kind: "agency".into(),
            national_id: national_id.map(Into::into),
        };
        let first = o
            .svc
            .add_organization(
                &o.admin,
                org("اداره کل امور مالیاتی استان کرمان", Some("14000000003")),
            )
            .await
            .expect("first");
        // The same name typed with Arabic ي/ك and doubled spaces: the same organization.
        let again = o
            .svc
            .add_organization(&o.clerk, org("اداره  كل امور ماليATی استان كرمان", None))
            .await;
        assert!(
            again.is_ok(),
            "a different name (Latin letters) is another organization"
        );
        let same = o
            .svc
            .add_organization(&o.clerk, org("اداره  كل امور مالياتي استان كرمان", None))
            .await
            .expect_err("the same name");
        assert_eq!(same.field(), Some("name"));
        assert_eq!(same.message_id(), "error-organization-name-taken");
        assert_eq!(
            same.args().get("name"),
            Some(&first.name),
            "names the existing one"
        );
        let by_id = o
            .svc
            .add_organization(&o.clerk, org("نامی دیگر", Some("14000000003")))
            .await
            .expect_err("the same national id");
        assert_eq!(by_id.field(), Some("national_id"));
        assert_eq!(by_id.args().get("name"), Some(&first.name));
        let listed = o
            .svc
            .list_organizations(&o.clerk, "کرمان")
            .await
            .expect("list");
        assert_eq!(listed.len(), 2, "{listed:?}");

        // A document's registry number, in Persian digits, names the document it belongs to.
        let doc = o
            .svc
            .add_document(
                &o.admin,
                NewDocument {
                    registry_number: "۷۷۰۱".into(),
                    title: "سند ششدانگ".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("doc");
        let twice = o
            .svc
            .add_document(
                &o.clerk,
                NewDocument {
                    registry_number: "7701".into(),
                    title: "دیگری".into(),
                    ..Default::default()
                },
            )
            .await
            .expect_err("taken");
        assert_eq!(twice.message_id(), "error-registry-number-taken");
        assert_eq!(twice.args().get("title"), Some(&doc.title));

        // Duplicates from before this check (written straight into the table) are reported.
        assert!(o
            .svc
            .duplicate_organizations(&o.admin)
            .await
            .expect("check")
            .is_empty());
        let key = sanad_service::core::normalize::search_key(&first.name);
        let sql = "INSERT INTO organizations (id, name, name_key, kind, national_id, created_at) \
                   VALUES ('old-duplicate', 'اداره كل امور مالياتي استان كرمان', $1, 'agency', NULL, 1)";
        match o.svc.store() {
            sanad_service::Store::Sqlite(pool) => {
                sqlx::query(sql).bind(&key).execute(pool).await.map(|_| ())
            }
            sanad_service::Store::Postgres(pool) => {
                sqlx::query(sql).bind(&key).execute(pool).await.map(|_| ())
            }
        }
        .expect("an old duplicate");
        let groups = o
            .svc
            .duplicate_organizations(&o.admin)
            .await
            .expect("check");
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0].len(), 2);
        assert_eq!(groups[0][0].id, "old-duplicate", "oldest first");
        assert_eq!(groups[0][1].id, first.id);
        assert!(matches!(
            o.svc.duplicate_organizations(&o.clerk).await,
            Err(Error::NotPermitted { .. })
        ));
    }
);
