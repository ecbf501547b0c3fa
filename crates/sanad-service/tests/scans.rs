//! Scans of the register's documents and letters attached to requests, on both backends: what
//! is kept (versions, digests, the bytes back unchanged), what is refused (every hostile file
//! named in issue 15, each with its Persian message, storing nothing), who may, the size limit,
//! two desks attaching at once, and that the database itself refuses to change a kept file.

mod common;

use common::{Backend, Office};
use sanad_core::model::Action;
use sanad_i18n::{Lang, Localizer};
use sanad_scan::samples;
use sanad_service::{Error, IncomingFile, Service};

fn incoming(bytes: Vec<u8>, name: &str) -> IncomingFile {
    IncomingFile {
        bytes,
        original_name: Some(name.to_owned()),
        title: None,
    }
}

async fn count(svc: &Service, sql: &str) -> i64 {
    match svc.store() {
        sanad_service::Store::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        sanad_service::Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect("count")
}

async fn execute(svc: &Service, sql: &str) -> Result<u64, sqlx::Error> {
    match svc.store() {
        sanad_service::Store::Sqlite(pool) => sqlx::query(sql)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()),
        sanad_service::Store::Postgres(pool) => sqlx::query(sql)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()),
    }
}

fn persian(e: &Error) -> String {
    Localizer::new(Lang::Fa).message(e.message_id(), &e.args())
}

on_both_backends!(
    scans_are_versioned_and_come_back_unchanged,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let doc = &o.docs[0];
        let first = samples::pdf(3);
        let v1 = o
            .svc
            .attach_scan(
                &o.clerk,
                doc,
                incoming(first.clone(), "C:\\scans\\deed-1400-0.pdf"),
            )
            .await
            .expect("a clean PDF is kept");
        assert_eq!((v1.kind.as_str(), v1.pages, v1.number), ("pdf", 3, 1));
        assert_eq!(v1.sha256, sanad_scan::sha256_hex(&first));
        assert_eq!(v1.original_name.as_deref(), Some("deed-1400-0.pdf"));
        assert_eq!(
            v1.title, "سند مالکیت پلاک 0 بخش ۲",
            "the document's title by default"
        );

        let second = samples::jpeg(400, 560);
        let v2 = o
            .svc
            .attach_scan(
                &o.admin,
                doc,
                IncomingFile {
                    bytes: second.clone(),
                    original_name: Some("rescan.jpg".into()),
                    title: Some("اسکن دوباره با کیفیت بهتر".into()),
                },
            )
            .await
            .expect("the administrator attaches too");
        assert_eq!(
            (v2.kind.as_str(), v2.mime.as_str(), v2.number),
            ("jpeg", "image/jpeg", 2)
        );

        let listed = o.svc.document_scans(&o.reviewer, doc).await.expect("list");
        let numbers: Vec<(u32, bool)> = listed.iter().map(|f| (f.number, f.current)).collect();
        assert_eq!(
            numbers,
            vec![(2, true), (1, false)],
            "newest first, the old one kept"
        );
        assert_eq!(listed[1].added_by_name, "کاربر clerk");

        let (meta, bytes) = o
            .svc
            .kept_file(&o.auditor, &v1.id)
            .await
            .expect("read back");
        assert_eq!(bytes, first, "the bytes come back as they were given");
        assert_eq!(meta.sha256, v1.sha256);
        let (_, bytes) = o
            .svc
            .kept_file(&o.director, &v2.id)
            .await
            .expect("read back");
        assert_eq!(bytes, second);

        // Each attachment is in the audit chain, with the digest.
        o.svc.seal_audit().await.expect("seal");
        let audited = count(
        &o.svc,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'document.attach_scan' AND detail LIKE '%{}%'",
            v1.sha256
        ),
    )
    .await;
        assert_eq!(audited, 1);
        assert!(o.svc.verify_audit(&o.auditor).await.expect("verify").intact);
    }
);

on_both_backends!(
    hostile_files_are_refused_and_nothing_is_stored,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let doc = &o.docs[1];
        let good = samples::pdf(2);
        let mut truncated_png = samples::png(64, 64);
        truncated_png.truncate(truncated_png.len() - 30);
        let mut jpeg_zip = samples::jpeg(32, 32);
        jpeg_zip.extend_from_slice(b"PK\x03\x04 polyglot");
        let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
            ("empty.pdf", Vec::new(), "error-scan-empty", "خالی"),
            (
                "notes.pdf",
                "این یک متن است و PDF نیست".as_bytes().to_vec(),
                "error-scan-not-a-scan",
                "متن",
            ),
            (
                "cut.pdf",
                good[..good.len() / 2].to_vec(),
                "error-scan-malformed",
                "ناقص",
            ),
            ("cut.png", truncated_png, "error-scan-malformed", "PNG"),
            (
                "script.pdf",
                samples::pdf_with_script(),
                "error-scan-active-content",
                "اسکریپت",
            ),
            (
                "attach.pdf",
                samples::pdf_with_embedded_file(),
                "error-scan-embedded-files",
                "پیوست",
            ),
            (
                "poly.pdf",
                samples::pdf_zip_polyglot(),
                "error-scan-trailing-data",
                "PDF",
            ),
            ("poly.jpg", jpeg_zip, "error-scan-trailing-data", "JPEG"),
            ("bomb.png", samples::png_bomb(), "error-scan-bomb", "بمب"),
        ];
        for (name, bytes, message_id, word) in cases {
            let e = o
                .svc
                .attach_scan(&o.clerk, doc, incoming(bytes, name))
                .await
                .expect_err(name);
            assert!(
                matches!(e, Error::Invalid { ref field, .. } if field == "file"),
                "{name}: {e:?}"
            );
            assert_eq!(e.message_id(), message_id, "{name}");
            let text = persian(&e);
            assert!(text.contains(word), "{name}: {text}");
            assert!(
                !text.contains("error-"),
                "{name}: a message, not an id: {text}"
            );
        }
        // Over the limit: the administrator sets 1 MB; a 1.3 MB scan is refused, naming both sizes.
        o.svc.set_scan_limit(&o.admin, "۱").await.expect("limit");
        let big = samples::pdf(9000);
        assert!(big.len() > 1024 * 1024);
        let e = o
            .svc
            .attach_scan(&o.clerk, doc, incoming(big, "big.pdf"))
            .await
            .expect_err("over the limit");
        assert_eq!(e.message_id(), "error-scan-too-large");
        let text = persian(&e).replace(['\u{2068}', '\u{2069}'], "");
        assert!(text.contains("سقف ۱ مگابایت"), "{text}");
        assert!(
            text.contains("٫"),
            "a Persian decimal point in the file's size: {text}"
        );

        assert_eq!(count(&o.svc, "SELECT COUNT(*) FROM stored_files").await, 0);
        assert_eq!(
            count(&o.svc, "SELECT COUNT(*) FROM document_scans").await,
            0
        );
        o.svc.seal_audit().await.expect("seal");
        assert_eq!(
            count(
                &o.svc,
                "SELECT COUNT(*) FROM audit_log WHERE action = 'document.attach_scan'"
            )
            .await,
            0
        );
        assert!(o
            .svc
            .document_scans(&o.clerk, doc)
            .await
            .expect("list")
            .is_empty());
    }
);

on_both_backends!(
    who_may_attach_read_and_set_the_limit,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let doc = &o.docs[0];
        for who in [&o.reviewer, &o.director, &o.ministry, &o.auditor] {
            let e = o
                .svc
                .attach_scan(who, doc, incoming(samples::png(10, 10), "a.png"))
                .await
                .expect_err("only the registry and the administrator attach");
            assert!(matches!(e, Error::NotPermitted { .. }), "{e:?}");
        }
        assert!(matches!(
            o.svc.set_scan_limit(&o.clerk, "10").await,
            Err(Error::NotPermitted { .. })
        ));
        for bad in ["0", "500", "ده", ""] {
            let e = o.svc.set_scan_limit(&o.admin, bad).await.expect_err(bad);
            assert_eq!(e.message_id(), "error-scan-limit-range", "{bad}");
        }
        assert!(matches!(
            o.svc
                .attach_scan(
                    &o.clerk,
                    "no-such-document",
                    incoming(samples::pdf(1), "a.pdf")
                )
                .await,
            Err(Error::NotFound { .. })
        ));
        // A request's letter is the agency's data: the administrator does not read it.
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let letter = o
            .svc
            .attach_request_file(
                &o.clerk,
                r.tracking_code.as_str(),
                "letter",
                incoming(samples::pdf(1), "letter.pdf"),
            )
            .await
            .expect("letter");
        assert!(matches!(
            o.svc.kept_file(&o.admin, &letter.id).await,
            Err(Error::NotFound { .. })
        ));
        assert!(o.svc.kept_file(&o.reviewer, &letter.id).await.is_ok());
        assert!(matches!(
            o.svc
                .attach_request_file(
                    &o.reviewer,
                    r.tracking_code.as_str(),
                    "letter",
                    incoming(samples::pdf(1), "x.pdf")
                )
                .await,
            Err(Error::NotPermitted { .. })
        ));
    }
);

on_both_backends!(
    letters_and_enclosures_go_with_their_request,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        // Tracking codes are accepted as a clerk types them: Persian digits, no dashes.
        let typed = sanad_i18n::to_persian_digits(&r.tracking_code.as_str().replace('-', ""));
        let letter = o
            .svc
            .attach_request_file(
                &o.clerk,
                &typed,
                "letter",
                incoming(samples::pdf(2), "نامه.pdf"),
            )
            .await
            .expect("letter");
        let enclosure = o
            .svc
            .attach_request_file(
                &o.clerk,
                r.tracking_code.as_str(),
                "enclosure",
                IncomingFile {
                    bytes: samples::png(300, 200),
                    original_name: Some("plan.png".into()),
                    title: Some("نقشهٔ تفکیکی".into()),
                },
            )
            .await
            .expect("enclosure");
        assert_eq!((letter.number, enclosure.number), (1, 2));
        let files = o
            .svc
            .request_files(&o.director, r.tracking_code.as_str())
            .await
            .expect("files");
        let seen: Vec<(u32, &str, &str)> = files
            .iter()
            .map(|f| {
                (
                    f.number,
                    f.purpose.map(|p| p.as_str()).unwrap_or(""),
                    f.kind.as_str(),
                )
            })
            .collect();
        assert_eq!(seen, vec![(1, "letter", "pdf"), (2, "enclosure", "png")]);
        assert_eq!(files[1].title, "نقشهٔ تفکیکی");
        let e = o
            .svc
            .attach_request_file(
                &o.clerk,
                r.tracking_code.as_str(),
                "memo",
                incoming(samples::pdf(1), "m.pdf"),
            )
            .await
            .expect_err("purpose");
        assert_eq!(e.message_id(), "error-file-purpose-unknown");

        // A closed request takes no new files.
        let r = o
            .step(&o.clerk, &r, Action::Cancel, Some("انصراف دستگاه"))
            .await;
        let e = o
            .svc
            .attach_request_file(
                &o.clerk,
                r.tracking_code.as_str(),
                "enclosure",
                incoming(samples::pdf(1), "late.pdf"),
            )
            .await
            .expect_err("closed");
        assert_eq!(e.message_id(), "error-file-request-closed");
        assert_eq!(
            o.svc
                .request_files(&o.clerk, r.tracking_code.as_str())
                .await
                .expect("files")
                .len(),
            2
        );
    }
);

on_both_backends!(
    two_desks_attaching_at_once_both_keep_their_scan,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let other = Service::connect(o.url()).await.expect("second desk");
        let clerk2 = other
            .login("clerk2", common::PASSWORD)
            .await
            .expect("login");
        let doc = o.docs[2].clone();
        let (a, c) = tokio::join!(
            o.svc
                .attach_scan(&o.clerk, &doc, incoming(samples::pdf(1), "a.pdf")),
            other.attach_scan(&clerk2, &doc, incoming(samples::png(20, 20), "b.png")),
        );
        let mut versions = vec![
            a.expect("first desk").number,
            c.expect("second desk").number,
        ];
        versions.sort();
        assert_eq!(
            versions,
            vec![1, 2],
            "each desk's scan is its own version, none lost"
        );
        other.close().await;
    }
);

on_both_backends!(
    the_database_refuses_to_change_a_kept_file,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let kept = o
            .svc
            .attach_scan(&o.clerk, &o.docs[0], incoming(samples::pdf(1), "a.pdf"))
            .await
            .expect("kept");
        for sql in [
            format!(
                "UPDATE stored_files SET sha256 = 'x' WHERE id = '{}'",
                kept.id
            ),
            format!("DELETE FROM stored_files WHERE id = '{}'", kept.id),
            "UPDATE document_scans SET title = 'x'".to_owned(),
            "DELETE FROM document_scans".to_owned(),
        ] {
            assert!(execute(&o.svc, &sql).await.is_err(), "refused: {sql}");
        }
        let (_, bytes) = o
            .svc
            .kept_file(&o.clerk, &kept.id)
            .await
            .expect("still there");
        assert_eq!(sanad_scan::sha256_hex(&bytes), kept.sha256);
    }
);
