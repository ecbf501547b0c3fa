//! An office's existing register brought in from a spreadsheet (issue 15, item 6), on both
//! backends: the plan says what would be added, changed and refused and writes nothing; a file
//! with one bad row writes nothing at all; the corrected file writes every row, audited; running
//! it again changes nothing; a changed title is a change and a blank cell keeps what is there;
//! an XLSX whose header is not on the first row gives the spreadsheet's row numbers; and a folder
//! of scans named by registry number is attached once, however often it is run.

mod common;

use common::{Backend, Office};
use sanad_scan::samples;
use sanad_service::{Error, FolderScan, IncomingFile, Service};

async fn count(svc: &Service, sql: &str) -> i64 {
    match svc.store() {
        sanad_service::Store::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        sanad_service::Store::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .expect("count")
}

const DOCS: &str = "SELECT COUNT(*) FROM documents";

/// The register as an office keeps it: Persian headers, Persian digits, one column we do not use.
fn register_csv(bad_row: bool) -> Vec<u8> {
    let mut text = String::from("\u{FEFF}ردیف,شمارهٔ ثبت,عنوان سند,پلاک ثبتی,محل نگهداری\n");
    text.push_str("۱,۲۵۰۰-۱,سند مالکیت ساختمان اداری,۱۲/۳,قفسهٔ ب\n");
    text.push_str("۲,۲۵۰۰-۲,سند زمین بایر,,\n");
    // An existing document of the office, with its title as the register holds it.
    text.push_str("۳,۱۴۰۰-۱,سند مالکیت پلاک 1 بخش ۲,,\n");
    if bad_row {
        text.push_str("۴,۲۵۰۰-۳,,,\n");
    }
    text.into_bytes()
}

on_both_backends!(
    a_register_is_planned_then_written_whole_and_safe_to_run_again,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let before = count(&o.svc, DOCS).await;

        let plan = o
            .svc
            .plan_document_import(&o.admin, &register_csv(true))
            .await
            .expect("plan");
        assert_eq!(
            (plan.rows, plan.add, plan.change, plan.unchanged),
            (4, 2, 0, 1)
        );
        assert_eq!(plan.ignored_columns, vec!["ردیف".to_owned()]);
        assert_eq!(plan.refused.len(), 1);
        let refused = &plan.refused[0];
        assert_eq!((refused.row, refused.field.as_str()), (5, "title"));
        assert_eq!(refused.registry_number.as_deref(), Some("۲۵۰۰-۳"));
        assert_eq!(count(&o.svc, DOCS).await, before, "a plan writes nothing");

        // With one row refused, nothing is written.
        let outcome = o
            .svc
            .import_documents(&o.admin, &register_csv(true))
            .await
            .expect("import");
        assert!(!outcome.applied);
        assert_eq!(count(&o.svc, DOCS).await, before, "all or nothing");

        let outcome = o
            .svc
            .import_documents(&o.admin, &register_csv(false))
            .await
            .expect("import");
        assert!(outcome.applied);
        assert_eq!(count(&o.svc, DOCS).await, before + 2);
        let found = o
            .svc
            .list_documents(&o.admin, "2500-1")
            .await
            .expect("list");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].registry_number, "2500-1");
        assert_eq!(found[0].property_plate.as_deref(), Some("۱۲/۳"));
        assert_eq!(
            count(
                &o.svc,
                // Sealed into the chain, or still waiting for the sealer.
                "SELECT (SELECT COUNT(*) FROM audit_log WHERE action = 'document.import') \
                 + (SELECT COUNT(*) FROM audit_pending WHERE action = 'document.import')"
            )
            .await,
            1
        );

        // Again: nothing doubled, nothing changed.
        let again = o
            .svc
            .import_documents(&o.admin, &register_csv(false))
            .await
            .expect("again");
        assert!(again.applied);
        assert_eq!(
            (again.plan.add, again.plan.change, again.plan.unchanged),
            (0, 0, 3)
        );
        assert_eq!(count(&o.svc, DOCS).await, before + 2);

        // A corrected title is a change; the blank plate keeps the plate the register holds.
        let corrected = String::from_utf8(register_csv(false))
            .expect("utf8")
            .replace("سند زمین بایر", "سند زمین بایر شمالی")
            .into_bytes();
        let plan = o
            .svc
            .plan_document_import(&o.admin, &corrected)
            .await
            .expect("plan");
        assert_eq!((plan.add, plan.change), (0, 1));
        assert_eq!(plan.changes[0].title_before, "سند زمین بایر");
        o.svc
            .import_documents(&o.admin, &corrected)
            .await
            .expect("import");
        let doc = o
            .svc
            .list_documents(&o.admin, "2500-2")
            .await
            .expect("list");
        assert_eq!(doc[0].title, "سند زمین بایر شمالی");
        let existing = o
            .svc
            .list_documents(&o.admin, "1400-1")
            .await
            .expect("list");
        assert_eq!(existing[0].property_plate.as_deref(), Some("1/۱۲"));
    }
);

on_both_backends!(
    files_that_are_not_a_register_are_refused_whole,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let before = count(&o.svc, DOCS).await;
        let cases: [(&[u8], &str); 4] = [
            (b"", "error-import-empty"),
            (b"\xff\xfe\x00garbage", "error-import-format"),
            ("عنوان\nسند\n".as_bytes(), "error-import-column-missing"),
            (b"PK\x03\x04not a zip", "error-import-format"),
        ];
        for (file, expected) in cases {
            let got = o.svc.import_documents(&o.admin, file).await;
            assert!(
                matches!(&got, Err(Error::Invalid { message_id, .. }) if *message_id == expected),
                "{expected}: {got:?}"
            );
        }
        // Only the administrator brings in a register.
        let clerk = o
            .svc
            .plan_document_import(&o.clerk, &register_csv(false))
            .await;
        assert!(
            matches!(clerk, Err(Error::NotPermitted { .. })),
            "{clerk:?}"
        );
        assert_eq!(count(&o.svc, DOCS).await, before);
    }
);

on_both_backends!(
    an_xlsx_register_with_a_title_above_its_headers_gives_the_sheets_row_numbers,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_right_to_left(true);
        // A title on the first row and the headers on the third, as offices make them.
        sheet.write_string(0, 0, "دفتر اسناد مخزن").expect("cell");
        for (col, header) in ["شماره ثبت", "عنوان"].iter().enumerate() {
            sheet.write_string(2, col as u16, *header).expect("cell");
        }
        sheet.write_number(3, 0, 7001.0).expect("cell");
        sheet.write_string(3, 1, "سند انبار").expect("cell");
        sheet.write_number(4, 0, 7002.0).expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let plan = o
            .svc
            .plan_document_import(&o.admin, &bytes)
            .await
            .expect("plan");
        assert_eq!(plan.add, 1);
        assert_eq!(plan.refused.len(), 1);
        assert_eq!(
            (plan.refused[0].row, plan.refused[0].field.as_str()),
            (5, "title"),
            "row 5 as the spreadsheet shows it"
        );
        assert_eq!(plan.refused[0].registry_number.as_deref(), Some("7002"));
    }
);

on_both_backends!(
    a_folder_of_scans_is_attached_once,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let file = || IncomingFile {
            bytes: samples::pdf(1),
            original_name: Some("۱۴۰۰-۲.pdf".into()),
            title: None,
        };
        let first = o
            .svc
            .attach_scan_by_registry_number(&o.clerk, "۱۴۰۰-۲", file())
            .await
            .expect("attach");
        assert!(matches!(first, FolderScan::Attached(_)));
        let again = o
            .svc
            .attach_scan_by_registry_number(&o.clerk, "1400-2", file())
            .await
            .expect("again");
        assert_eq!(again, FolderScan::AlreadyCurrent);
        let scans = o
            .svc
            .document_scans(&o.clerk, &o.docs[2])
            .await
            .expect("scans");
        assert_eq!(scans.len(), 1);
        let unknown = o
            .svc
            .attach_scan_by_registry_number(&o.clerk, "9999", file())
            .await;
        assert!(
            matches!(
                &unknown,
                Err(Error::Invalid {
                    message_id: "folder-no-document",
                    ..
                })
            ),
            "{unknown:?}"
        );
        let reviewer = o
            .svc
            .attach_scan_by_registry_number(&o.reviewer, "9999", file())
            .await;
        assert!(
            matches!(reviewer, Err(Error::NotPermitted { .. })),
            "{reviewer:?}"
        );
    }
);

on_both_backends!(
    the_owner_column_names_an_organization_of_the_register,
    |b: Backend| async move {
        let o = Office::new(b).await;
        // Named with Arabic ي/ك and other spacing, as a spreadsheet typed elsewhere spells it;
        // one owner the register of organizations does not hold; one row without an owner.
        let file = "شماره ثبت,عنوان,دستگاه مالک\n\
                    ۳۰۰۰-۱,سند ساختمان,اداره كل راه و  شهرسازي\n\
                    ۳۰۰۰-۲,سند زمین,شرکت ناشناس\n\
                    ۳۰۰۰-۳,سند انبار,\n";
        let plan = o
            .svc
            .plan_document_import(&o.admin, file.as_bytes())
            .await
            .expect("plan");
        assert_eq!(plan.refused.len(), 1, "{:?}", plan.refused);
        let refused = &plan.refused[0];
        assert_eq!(
            (
                refused.row,
                refused.field.as_str(),
                refused.message_id.as_str()
            ),
            (3, "organization", "error-import-owner-unknown")
        );
        assert_eq!(
            refused.args.get("owner").map(String::as_str),
            Some("شرکت ناشناس")
        );
        let outcome = o
            .svc
            .import_documents(&o.admin, file.as_bytes())
            .await
            .expect("import");
        assert!(!outcome.applied, "a refused owner refuses the whole file");

        let file = file.replace("شرکت ناشناس", "دانشگاه علوم پزشکی");
        let outcome = o
            .svc
            .import_documents(&o.admin, file.as_bytes())
            .await
            .expect("import");
        assert!(outcome.applied);
        let owner = |number: &'static str| {
            let svc = o.svc.clone();
            let admin = o.admin.clone();
            async move {
                svc.list_documents(&admin, number).await.expect("list")[0]
                    .organization_id
                    .clone()
            }
        };
        assert_eq!(owner("3000-1").await, Some(o.agency.clone()));
        assert_eq!(owner("3000-2").await, Some(o.agency2.clone()));
        assert_eq!(owner("3000-3").await, None);

        // A court is in the register but may not hold documents (as `doc add` says): refused,
        // and nothing moves.
        let to_court = file.replace("دانشگاه علوم پزشکی", "دادگستری استان");
        let outcome = o
            .svc
            .import_documents(&o.admin, to_court.as_bytes())
            .await
            .expect("import");
        assert!(!outcome.applied);
        assert_eq!(
            outcome
                .plan
                .refused
                .iter()
                .map(|r| (r.row, r.message_id.as_str()))
                .collect::<Vec<_>>(),
            [(3, "error-document-owner-kind")]
        );
        assert_eq!(owner("3000-2").await, Some(o.agency2.clone()));

        // A new owner is a change; a blank owner keeps the one the register holds.
        let moved = file
            .replace("دانشگاه علوم پزشکی", "اداره کل راه و شهرسازی")
            .replace("اداره كل راه و  شهرسازي", "");
        let outcome = o
            .svc
            .import_documents(&o.admin, moved.as_bytes())
            .await
            .expect("import");
        assert_eq!(
            (outcome.plan.change, outcome.plan.unchanged),
            (1, 2),
            "{:?}",
            outcome.plan
        );
        assert_eq!(owner("3000-1").await, Some(o.agency.clone()));
        assert_eq!(owner("3000-2").await, Some(o.agency.clone()));
    }
);
