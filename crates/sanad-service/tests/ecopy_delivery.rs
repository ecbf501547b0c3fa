//! The certified copy delivered through the portal (issue 15, item 3), on both backends: the
//! destination's download confirms the delivery once, recorded with who and when, however many
//! of its users download at once; every download is audited; any other organization, and a
//! request not dispatched or not electronic, get "not found"; the notice to the destination is
//! queued with the dispatch only when the register holds its e-mail address.

mod common;
mod smtp_sink;

use common::{Backend, Office, PASSWORD};
use sanad_core::model::{Action, Role, Status};
use sanad_service::{Actor, AuditQuery, Error, NewAgencyUser, RequestView};

/// An officer of organization `org` signed in on the portal.
async fn officer_of(o: &Office, org: &str, username: &str) -> Actor {
    o.svc
        .add_agency_user(
            &o.admin,
            NewAgencyUser {
                username: username.into(),
                display_name: format!("کارشناس {username}"),
                organization_id: org.into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("add officer");
    o.svc
        .portal_login(username, PASSWORD)
        .await
        .expect("officer login")
}

/// A request of the first agency to be sent to the court as `mode`, taken to approval.
async fn approved_for_court(o: &Office, mode: &str) -> RequestView {
    let mut new = o.request();
    new.destination_org = Some(o.court.clone());
    new.dispatch_mode = mode.into();
    let mut r = o
        .svc
        .register_request(&o.clerk, new)
        .await
        .expect("register");
    for (who, action) in [
        (&o.reviewer, Action::StartReview),
        (&o.reviewer, Action::Forward),
        (&o.director, Action::Approve),
        (&o.ministry, Action::Approve),
    ] {
        r = o.step(who, &r, action, None).await;
    }
    assert_eq!(r.status, Status::Approved);
    r
}

/// The request's audit entries named `action`.
async fn audited(o: &Office, code: &str, action: &str) -> Vec<sanad_service::AuditEntry> {
    o.svc.seal_audit().await.expect("seal");
    o.svc
        .audit_log(
            &o.auditor,
            AuditQuery {
                request: Some(code.to_owned()),
                ..Default::default()
            },
        )
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == action)
        .collect()
}

fn not_found<T: std::fmt::Debug>(result: Result<T, Error>) -> bool {
    matches!(result, Err(Error::NotFound { .. }))
}

on_both_backends!(
    the_destinations_first_download_delivers_and_later_ones_are_only_audited,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let court = officer_of(&o, &o.court, "court1").await;
        let r = approved_for_court(&o, "electronic_copy").await;
        let code = r.tracking_code.as_str().to_owned();
        // Approved, not yet sent: the court sees nothing of it.
        assert!(not_found(o.svc.download_ecopy(&court, &code).await));
        assert!(not_found(o.svc.agency_request(&court, &code).await));
        let listed = o.svc.agency_requests(&court, 50).await.expect("list");
        assert!(listed.received.is_empty());

        let sent = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        assert_eq!(sent.status, Status::Dispatched);
        // Now the court has it among its received requests, and its page offers the copy.
        let listed = o.svc.agency_requests(&court, 50).await.expect("list");
        assert_eq!(listed.received.len(), 1);
        assert_eq!(listed.received[0].tracking_code, code);
        assert!(listed.requests.is_empty());
        let page = o.svc.agency_request(&court, &code).await.expect("page");
        assert!(page.received && page.ecopy_ready);
        // The requesting agency follows it, but the copy is the court's, not its own.
        let own = o.svc.agency_request(&o.officer, &code).await.expect("own");
        assert!(!own.received && !own.ecopy_ready);
        assert!(not_found(o.svc.download_ecopy(&o.officer, &code).await));
        // Another agency: not found, as a code naming nothing.
        let other = officer_of(&o, &o.agency2, "other1").await;
        assert!(not_found(o.svc.download_ecopy(&other, &code).await));
        assert!(not_found(o.svc.agency_request(&other, &code).await));
        assert!(not_found(
            o.svc.download_ecopy(&court, "111122223333").await
        ));

        // The court's first download: the copy as issued, and the request delivered by it.
        let (_, issued) = o.svc.ecopy_file(&o.clerk, &code).await.expect("issued");
        let first = o.svc.download_ecopy(&court, &code).await.expect("download");
        assert!(first.pdf.starts_with(b"%PDF-"));
        assert_eq!(first.pdf, issued);
        assert!(first.delivered_now);
        let now = o.svc.request_by_code(&o.clerk, &code).await.expect("read");
        assert_eq!(now.status, Status::Delivered);
        let step = now.history.last().expect("a step");
        assert_eq!(step.action, "confirm_delivery");
        assert_eq!(step.to, Status::Delivered);
        assert_eq!(step.user_name, "کارشناس court1");
        assert_eq!(step.role, Role::Agency);
        assert!(!step.at_jalali.is_empty());
        // On the portal the court's and the agency's pages show the delivery (never who).
        let page = o.svc.agency_request(&court, &code).await.expect("page");
        assert_eq!(page.status, Status::Delivered);
        assert_eq!(
            page.history.last().map(|s| s.to_status),
            Some(Status::Delivered)
        );
        assert!(page.ecopy_ready, "the copy stays downloadable");

        // A second download: the same PDF, nothing moves, one more audit entry.
        let second = o.svc.download_ecopy(&court, &code).await.expect("again");
        assert!(!second.delivered_now);
        assert_eq!(second.pdf, issued);
        let after = o.svc.request_by_code(&o.clerk, &code).await.expect("read");
        assert_eq!(after.version, now.version);
        assert_eq!(after.history.len(), now.history.len());
        let downloads = audited(&o, &code, "request.ecopy_download").await;
        assert_eq!(downloads.len(), 2);
        for d in &downloads {
            assert_eq!(d.detail["account"], court.user_id());
            assert_eq!(d.detail["organization_id"], o.court.as_str());
        }
        let steps = audited(&o, &code, "request.confirm_delivery").await;
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].user.as_deref(), Some("court1"));
        // The refused tries left no trace of a download.
        assert_eq!(downloads.len(), 2);
    }
);

on_both_backends!(
    two_users_downloading_at_once_deliver_it_once,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let mut officers = Vec::new();
        for name in ["court1", "court2", "court3", "court4"] {
            officers.push(officer_of(&o, &o.court, name).await);
        }
        let r = approved_for_court(&o, "electronic_copy").await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        let code = r.tracking_code.as_str().to_owned();
        let (a, b, c, d) = tokio::join!(
            o.svc.download_ecopy(&officers[0], &code),
            o.svc.download_ecopy(&officers[1], &code),
            o.svc.download_ecopy(&officers[2], &code),
            o.svc.download_ecopy(&officers[3], &code),
        );
        let results = [a, b, c, d];
        let mut delivered = 0;
        for result in results {
            let copy = result.expect("every user gets the PDF");
            assert!(copy.pdf.starts_with(b"%PDF-"));
            delivered += usize::from(copy.delivered_now);
        }
        assert_eq!(delivered, 1, "one of them delivered it");
        let now = o.svc.request_by_code(&o.clerk, &code).await.expect("read");
        assert_eq!(now.status, Status::Delivered);
        assert_eq!(now.version, r.version + 1, "one transition");
        let steps = now
            .history
            .iter()
            .filter(|h| h.action == "confirm_delivery")
            .count();
        assert_eq!(steps, 1);
        assert_eq!(
            audited(&o, &code, "request.confirm_delivery").await.len(),
            1
        );
        assert_eq!(audited(&o, &code, "request.ecopy_download").await.len(), 4);
    }
);

on_both_backends!(
    a_request_not_sent_electronically_has_no_copy_to_download,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let court = officer_of(&o, &o.court, "court1").await;
        // A certified paper copy, dispatched: the court reads its page, but there is no copy.
        let r = approved_for_court(&o, "certified_paper_copy").await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        let code = r.tracking_code.as_str();
        let page = o.svc.agency_request(&court, code).await.expect("page");
        assert!(page.received && !page.ecopy_ready);
        assert!(not_found(o.svc.download_ecopy(&court, code).await));
        let still = o.svc.request_by_code(&o.clerk, code).await.expect("read");
        assert_eq!(still.status, Status::Dispatched);
        assert!(audited(&o, code, "request.ecopy_download").await.is_empty());
        // Sent to the agency itself: its own officer is the destination and downloads it.
        let mine = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let mut mine = mine;
        for (who, action) in [
            (&o.reviewer, Action::StartReview),
            (&o.reviewer, Action::Forward),
            (&o.director, Action::Approve),
            (&o.clerk, Action::Dispatch),
        ] {
            mine = o.step(who, &mine, action, None).await;
        }
        let copy = o
            .svc
            .download_ecopy(&o.officer, mine.tracking_code.as_str())
            .await
            .expect("its own copy");
        assert!(copy.delivered_now);
        assert!(not_found(
            o.svc
                .download_ecopy(&court, mine.tracking_code.as_str())
                .await
        ));
    }
);

/// The outbox rows queued for the request: (event, recipient, attachment).
async fn queued(o: &Office, request_id: &str) -> Vec<(String, String, Option<String>)> {
    let sql = "SELECT event, recipient, attachment_file_id FROM outbox WHERE entity_id = $1 \
               ORDER BY created_at";
    match o.svc.store() {
        sanad_service::Store::Sqlite(pool) => {
            sqlx::query_as(sql).bind(request_id).fetch_all(pool).await
        }
        sanad_service::Store::Postgres(pool) => {
            sqlx::query_as(sql).bind(request_id).fetch_all(pool).await
        }
    }
    .expect("outbox")
}

on_both_backends!(
    the_destination_is_told_its_copy_waits_only_when_it_has_an_address,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        o.svc
            .set_portal_address(&o.admin, "https://sanad.example.ir")
            .await
            .expect("address");
        // No address for the court: the dispatch queues nothing for it.
        let r = approved_for_court(&o, "electronic_copy").await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        assert!(queued(&o, &r.id).await.is_empty());
        // A refused address changes nothing.
        assert!(matches!(
            o.svc
                .set_organization_email(&o.clerk, &o.court, "not an address")
                .await,
            Err(Error::Invalid { .. })
        ));
        // With an address: one Persian notice naming the code and the portal, no PDF.
        o.svc
            .set_organization_email(&o.clerk, &o.court, "Registry@Court.example.ir")
            .await
            .expect("email");
        let r = approved_for_court(&o, "electronic_copy").await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        let rows = queued(&o, &r.id).await;
        assert_eq!(
            rows,
            vec![(
                "ecopy-waiting".to_owned(),
                "Registry@court.example.ir".to_owned(),
                None
            )]
        );
        let notes = o
            .svc
            .request_notifications(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("notes");
        let note = notes
            .iter()
            .find(|n| n.event == "ecopy-waiting")
            .expect("notice");
        let code_fa = sanad_i18n::to_persian_digits(&r.tracking_code_grouped);
        assert!(note.subject.contains(&code_fa), "{}", note.subject);
        assert!(note.subject.contains("رونوشت"), "{}", note.subject);
        // A paper copy is no electronic copy: no notice.
        let paper = approved_for_court(&o, "certified_paper_copy").await;
        let paper = o.step(&o.clerk, &paper, Action::Dispatch, None).await;
        assert!(queued(&o, &paper.id).await.is_empty());
        // The administrator turns on sending the PDF itself: the notice carries the copy.
        assert!(matches!(
            o.svc.set_ecopy_attach_to_mail(&o.clerk, true).await,
            Err(Error::NotPermitted { .. })
        ));
        o.svc
            .set_ecopy_attach_to_mail(&o.admin, true)
            .await
            .expect("attach");
        let r = approved_for_court(&o, "electronic_copy").await;
        let r = o.step(&o.clerk, &r, Action::Dispatch, None).await;
        let rows = queued(&o, &r.id).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, "ecopy-waiting-attached");
        let (_, pdf) = o
            .svc
            .ecopy_file(&o.clerk, r.tracking_code.as_str())
            .await
            .expect("copy");
        let attached = rows[0].2.clone().expect("an attachment");
        let sql = "SELECT content FROM stored_files WHERE id = $1";
        let bytes: Vec<u8> = match o.svc.store() {
            sanad_service::Store::Sqlite(pool) => {
                sqlx::query_scalar(sql)
                    .bind(&attached)
                    .fetch_one(pool)
                    .await
            }
            sanad_service::Store::Postgres(pool) => {
                sqlx::query_scalar(sql)
                    .bind(&attached)
                    .fetch_one(pool)
                    .await
            }
        }
        .expect("file");
        assert_eq!(bytes, pdf);
    }
);

on_both_backends!(
    the_notice_reaches_the_destination_with_the_pdf_only_when_turned_on,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let port = smtp_sink::free_port();
        let sink = smtp_sink::Sink::start(port);
        o.svc
            .set_mail_settings(
                &o.admin,
                sanad_service::MailSettings {
                    host: "127.0.0.1".into(),
                    port,
                    tls: sanad_service::MailTls::None,
                    username: None,
                    from: "desk@sanad.invalid".into(),
                },
            )
            .await
            .expect("mail");
        o.svc
            .set_organization_email(&o.admin, &o.court, "registry@court.example.ir")
            .await
            .expect("email");
        let r = approved_for_court(&o, "electronic_copy").await;
        o.step(&o.clerk, &r, Action::Dispatch, None).await;
        o.svc
            .set_ecopy_attach_to_mail(&o.admin, true)
            .await
            .expect("attach");
        let attached = approved_for_court(&o, "electronic_copy").await;
        o.step(&o.clerk, &attached, Action::Dispatch, None).await;
        let report = o.svc.deliver_outbox().await.expect("deliver");
        assert_eq!((report.sent, report.failed), (2, 0));
        let got = sink.wait_for(2);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0]["to"], "registry@court.example.ir");
        let body = smtp_sink::unisolated(got[0]["body"].as_str().expect("body"));
        let code = sanad_i18n::to_persian_digits(&r.tracking_code_grouped);
        assert!(body.contains(&code), "{body}");
        assert!(
            body.contains("سامانهٔ میز سند"),
            "no address set: the portal by name; {body}"
        );
        let plain = String::from_utf8_lossy(&sink.raw(1)).into_owned();
        assert!(
            !plain.contains("application/pdf"),
            "no PDF unless turned on"
        );
        let with_pdf = String::from_utf8_lossy(&sink.raw(2)).into_owned();
        assert!(
            with_pdf.contains("application/pdf") && with_pdf.contains("certified-copy.pdf"),
            "{}",
            &with_pdf[..with_pdf.len().min(2000)]
        );
    }
);
