//! An agency registers a request itself (issue 14, item 3; issue 16, item 4): the desk's
//! validation with every field's problem at once, its own organization whatever it sends, only
//! documents held for it, the agency's letter stored as a desk's attachment (a refused file
//! registers nothing), and a repeat under one idempotency key registering once and showing the
//! same PIN.

mod common;

use common::{Backend, Office};
use sanad_core::model::Status;
use sanad_scan::samples;
use sanad_service::{
    AgencyRequestInput, Applicant, Error, IncomingFile, Letter, NewDocument, RECEIPT_PIN_MINUTES,
};

/// Two documents held for the officer's agency and one for the other agency.
async fn owned_documents(o: &Office) -> (Vec<String>, String) {
    let mut mine = Vec::new();
    for (n, org) in [
        ("۹۰۰-۱", &o.agency),
        ("۹۰۰-۲", &o.agency),
        ("۹۰۰-۳", &o.agency2),
    ] {
        let doc = o
            .svc
            .add_document(
                &o.admin,
                NewDocument {
                    registry_number: n.into(),
                    title: format!("سند {n}"),
                    organization_id: Some(org.clone()),
                    ..Default::default()
                },
            )
            .await
            .expect("doc");
        assert_eq!(doc.organization_id.as_deref(), Some(org.as_str()));
        mine.push(doc.id);
    }
    let theirs = mine.pop().expect("theirs");
    (mine, theirs)
}

fn input(documents: Vec<String>) -> AgencyRequestInput {
    AgencyRequestInput {
        destination_org: None,
        documents,
        dispatch_mode: "electronic_copy".into(),
        return_due: None,
        applicant: Applicant {
            name: "علی رضایی".into(),
            national_code: "۰۴۹۹۳۷۰۸۹۹".into(),
            mobile: "09121234567".into(),
            email: None,
        },
        letter: Letter {
            number: "۱۲۳/ص".into(),
            date: "1404/08/01".into(),
        },
        purpose: "تنظیم قرارداد".into(),
        priority: None,
    }
}

fn letter(bytes: Vec<u8>) -> IncomingFile {
    IncomingFile {
        bytes,
        original_name: Some("نامه.pdf".into()),
        title: None,
    }
}

on_both_backends!(
    an_agency_sees_and_asks_for_its_own_documents_only,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let (mine, theirs) = owned_documents(&o).await;
        let offered = o.svc.agency_documents(&o.officer).await.expect("docs");
        let ids: Vec<_> = offered.iter().map(|d| d.id.clone()).collect();
        assert_eq!(ids, mine);
        // Staff have no such read; the other agency's document is "not found" to this one.
        assert!(o.svc.agency_documents(&o.clerk).await.is_err());
        let res = o
            .svc
            .submit_agency_request(&o.officer, input(vec![theirs]), None, None)
            .await;
        assert!(
            matches!(res, Err(Error::Invalid { ref field, message_id: "error-not-found-document", .. }) if field == "documents"),
            "{res:?}"
        );
        // A document whose owner is not recorded is not the agency's either.
        let res = o
            .svc
            .submit_agency_request(&o.officer, input(vec![o.docs[0].clone()]), None, None)
            .await;
        assert!(matches!(res, Err(Error::Invalid { ref field, .. }) if field == "documents"));
        // Only third parties are offered as destinations.
        let dest = o.svc.agency_destinations(&o.officer).await.expect("dest");
        assert_eq!(dest.len(), 1);
        assert_eq!(dest[0].id, o.court);
        // A document's owner must be an agency in the register.
        let res = o
            .svc
            .add_document(
                &o.admin,
                NewDocument {
                    registry_number: "۹۰۰-۹".into(),
                    title: "سند".into(),
                    organization_id: Some(o.court.clone()),
                    ..Default::default()
                },
            )
            .await;
        assert!(matches!(res, Err(Error::Invalid { ref field, .. }) if field == "organization_id"));
    }
);

on_both_backends!(
    an_agency_registers_through_the_portal_with_its_letter,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let (mine, _) = owned_documents(&o).await;
        let done = o
            .svc
            .submit_agency_request(
                &o.officer,
                input(vec![mine[0].clone()]),
                Some("form-key-0001"),
                Some(letter(samples::pdf(2))),
            )
            .await
            .expect("submit");
        assert!(!done.repeated);
        let pin = done.tracking_pin.clone().expect("pin");
        assert_eq!(pin.len(), 8);
        assert_eq!(done.request.status, Status::Submitted);
        // The desk sees it, from the agency's own organization, with the letter kept.
        let view = o
            .svc
            .request_by_code(&o.clerk, &done.tracking_code)
            .await
            .expect("desk view");
        assert_eq!(view.requesting_org.id, o.agency);
        let files = o
            .svc
            .request_files(&o.reviewer, &done.tracking_code)
            .await
            .expect("files");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].kind, "pdf");
        assert_eq!(files[0].pages, 2);
        // A double click: the same request and the same PIN, nothing registered twice.
        let again = o
            .svc
            .submit_agency_request(
                &o.officer,
                input(vec![mine[0].clone()]),
                Some("form-key-0001"),
                Some(letter(samples::pdf(2))),
            )
            .await
            .expect("repeat");
        assert!(again.repeated);
        assert_eq!(again.tracking_code, done.tracking_code);
        assert_eq!(again.tracking_pin.as_deref(), Some(pin.as_str()));
        let list = o.svc.agency_requests(&o.officer, 50).await.expect("list");
        assert_eq!(list.requests.len(), 1);
        assert_eq!(
            o.svc
                .request_files(&o.reviewer, &done.tracking_code)
                .await
                .expect("files")
                .len(),
            1
        );
        // The PIN works for the public lookup.
        let found = o
            .svc
            .public_track(&done.tracking_code, &pin, "127.0.0.1", sanad_i18n::Lang::Fa)
            .await
            .expect("track");
        assert_eq!(
            sanad_core::normalize::digits_to_ascii(&found.tracking_code_grouped),
            done.request.tracking_code_grouped
        );
        assert!(RECEIPT_PIN_MINUTES > 0);
    }
);

on_both_backends!(
    every_bad_field_and_a_refused_letter_at_once_and_nothing_registered,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let (mine, _) = owned_documents(&o).await;
        let mut bad = input(vec![mine[0].clone()]);
        bad.applicant.national_code = "1234567890".into();
        bad.applicant.mobile = "12".into();
        bad.purpose = "  ".into();
        let res = o
            .svc
            .submit_agency_request(
                &o.officer,
                bad,
                Some("form-key-0002"),
                Some(letter(samples::pdf_with_script())),
            )
            .await;
        let Err(Error::Invalid { field, more, .. }) = res else {
            panic!("{res:?}")
        };
        let mut fields: Vec<_> = std::iter::once(field)
            .chain(more.into_iter().map(|p| p.field))
            .collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "applicant.mobile",
                "applicant.national_code",
                "file",
                "purpose"
            ]
        );
        // A good form with a refused file registers nothing either.
        let res = o
            .svc
            .submit_agency_request(
                &o.officer,
                input(vec![mine[0].clone()]),
                Some("form-key-0003"),
                Some(letter(samples::pdf_zip_polyglot())),
            )
            .await;
        assert!(matches!(res, Err(Error::Invalid { ref field, .. }) if field == "file"));
        let list = o.svc.agency_requests(&o.officer, 50).await.expect("list");
        assert!(list.requests.is_empty());
        // Staff cannot use the agency's registration.
        assert!(o
            .svc
            .submit_agency_request(&o.clerk, input(vec![mine[0].clone()]), None, None)
            .await
            .is_err());
    }
);
