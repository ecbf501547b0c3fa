//! Reports on both backends: counts by state, stage times (average, 90th percentile), the share
//! within target per month and agency, complaints by kind; and the .xlsx / CSV files agree with
//! the data, with Persian headers, read back with calamine.

mod common;

use calamine::{open_workbook, Data, DataType, Reader, Xlsx};
use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::Action;
use sanad_i18n::{Lang, Localizer};
use sanad_service::{
    report_csv, report_xlsx, Cell, Error, NewComplaint, Report, ReportKind, ReportQuery,
};

fn period() -> ReportQuery {
    ReportQuery {
        from: Some("1404/10/01".into()),
        to: Some("1404/10/30".into()),
    }
}

fn texts(l: &Localizer, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| l.text(id)).collect()
}

/// Two requests and two complaints with known timings (see each step's comment).
async fn office_with_history(b: Backend) -> Office {
    let clock = TestClock::at(saturday_morning()); // Saturday 1404/10/06 09:00
    let o = Office::with(b, Some(clock.clone())).await;
    let r1 = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("r1");
    let code1 = r1.tracking_code.as_str().to_owned();
    clock.advance_hours(2); // submitted 2 h (target 8: within)
    o.svc
        .act(&o.reviewer, &code1, Action::StartReview, None, None)
        .await
        .expect("review");
    clock.advance_hours(3); // under review 3 h (target 16: within)
    o.svc
        .act(&o.reviewer, &code1, Action::Forward, None, None)
        .await
        .expect("forward");
    clock.advance_hours(5); // awaiting the director 5 h (target 16: within); now 19:00
    o.svc
        .act(&o.director, &code1, Action::Approve, None, None)
        .await
        .expect("approve");
    // Submitted's target cut to 4 office hours (r1 is past that state: 2 h, within).
    o.svc
        .set_target(&o.admin, sanad_core::model::Status::Submitted, 4)
        .await
        .expect("target");
    let mut new = o.request();
    new.requesting_org = o.agency2.clone();
    let r2 = o.svc.register_request(&o.clerk, new).await.expect("r2");
    // Submitted 24 h: registered after closing, due Sunday 11:30, reviewed Sunday 19:00 (late).
    clock.advance_hours(24);
    o.svc
        .act(
            &o.reviewer,
            r2.tracking_code.as_str(),
            Action::StartReview,
            None,
            None,
        )
        .await
        .expect("review r2");
    for kind in ["complaint", "suggestion"] {
        let c = o
            .svc
            .register_complaint(
                &o.clerk,
                NewComplaint {
                    kind: kind.into(),
                    name: "مریم احمدی".into(),
                    mobile: Some("09121234567".into()),
                    text: "متن".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("complaint");
        if kind == "complaint" {
            o.svc
                .assign_complaint(&o.clerk, c.tracking_code.as_str(), "reviewer", None)
                .await
                .expect("assign");
        }
    }
    o
}

on_both_backends!(reports_agree_with_the_data, |b: Backend| async move {
    let o = office_with_history(b).await;
    let report = |kind| {
        let svc = o.svc.clone();
        let who = o.director.clone();
        async move { svc.report(&who, kind, period()).await.expect("report") }
    };
    let counts = report(ReportKind::StatusCounts).await;
    assert_eq!(
        counts.rows,
        vec![
            vec![Cell::Term("status-under-review".into()), Cell::Int(1)],
            vec![Cell::Term("status-approved".into()), Cell::Int(1)],
            vec![Cell::Term("report-total".into()), Cell::Int(2)],
        ]
    );
    let times = report(ReportKind::StageTimes).await;
    assert_eq!(
        times.rows,
        vec![
            vec![
                Cell::Term("status-submitted".into()),
                Cell::Int(2),
                Cell::Number(13.0),
                Cell::Number(24.0)
            ],
            vec![
                Cell::Term("status-under-review".into()),
                Cell::Int(1),
                Cell::Number(3.0),
                Cell::Number(3.0)
            ],
            vec![
                Cell::Term("status-awaiting-director".into()),
                Cell::Int(1),
                Cell::Number(5.0),
                Cell::Number(5.0)
            ],
        ]
    );
    let on_time = report(ReportKind::OnTime).await;
    assert_eq!(
        on_time.rows,
        vec![
            vec![
                Cell::Text("1404/10".into()),
                Cell::Text("اداره کل راه و شهرسازی".into()),
                Cell::Int(3),
                Cell::Int(3),
                Cell::Number(100.0)
            ],
            vec![
                Cell::Text("1404/10".into()),
                Cell::Text("دانشگاه علوم پزشکی".into()),
                Cell::Int(1),
                Cell::Int(0),
                Cell::Number(0.0)
            ],
        ]
    );
    let complaints = report(ReportKind::Complaints).await;
    let n = |v: &[i64]| v.iter().map(|x| Cell::Int(*x)).collect::<Vec<_>>();
    let mut complaint_row = vec![Cell::Term("kind-complaint".into())];
    complaint_row.extend(n(&[1, 0, 1, 0, 0]));
    let mut suggestion_row = vec![Cell::Term("kind-suggestion".into())];
    suggestion_row.extend(n(&[1, 1, 0, 0, 0]));
    assert_eq!(complaints.rows, vec![complaint_row, suggestion_row]);

    // Another month: empty.
    let empty = o
        .svc
        .report(
            &o.auditor,
            ReportKind::StatusCounts,
            ReportQuery {
                from: Some("1404/11/01".into()),
                to: Some("1404/11/30".into()),
            },
        )
        .await
        .expect("empty");
    assert_eq!(
        empty.rows,
        vec![vec![Cell::Term("report-total".into()), Cell::Int(0)]]
    );
    assert_eq!(
        (empty.from.as_deref(), empty.to.as_str()),
        (Some("1404/11/01"), "1404/11/30")
    );
    // No period: everything up to today, and it says so (no invented start date).
    let all = o
        .svc
        .report(&o.auditor, ReportKind::StatusCounts, ReportQuery::default())
        .await
        .expect("everything");
    assert_eq!(all.from, None);
    assert_eq!(all.rows, counts.rows, "all the history is in that month");
    let e = o
        .svc
        .report(&o.clerk, ReportKind::StatusCounts, period())
        .await
        .expect_err("clerk");
    assert!(matches!(e, Error::NotPermitted { .. }));
    let e = o
        .svc
        .report(
            &o.director,
            ReportKind::OnTime,
            ReportQuery {
                from: Some("1404/10/30".into()),
                to: Some("1404/10/01".into()),
            },
        )
        .await
        .expect_err("reversed");
    assert_eq!(e.field(), Some("to"));

    check_xlsx(&on_time);
    check_xlsx(&times);
    check_csv(&on_time);
});

/// The workbook read back: sheet named by the Persian title, Persian headers, the same cells.
fn check_xlsx(report: &Report) {
    let fa = Localizer::new(Lang::Fa);
    let bytes = report_xlsx(report, Lang::Fa).expect("xlsx");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, bytes).expect("write");
    let mut book: Xlsx<_> = open_workbook(&path).expect("open xlsx");
    let names = book.sheet_names().to_owned();
    assert_eq!(names, vec![fa.text(&report.title)]);
    let range = book.worksheet_range(&names[0]).expect("sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    assert_eq!(header, texts(&fa, &report.columns));
    assert!(
        header.iter().all(|h| !h.starts_with("report-")),
        "{header:?}"
    );
    assert_eq!(rows.len(), report.rows.len() + 1);
    for (sheet_row, row) in rows[1..].iter().zip(&report.rows) {
        for (got, want) in sheet_row.iter().zip(row) {
            match want {
                Cell::Text(t) => assert_eq!(got, &Data::String(t.clone())),
                Cell::Term(id) => assert_eq!(got, &Data::String(fa.text(id))),
                Cell::Int(n) => assert_eq!(got.as_f64(), Some(*n as f64)),
                Cell::Number(x) => assert_eq!(got.as_f64(), Some(*x)),
            }
        }
    }
}

fn check_csv(report: &Report) {
    let fa = Localizer::new(Lang::Fa);
    let bytes = report_csv(report, Lang::Fa).expect("csv");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a BOM for spreadsheet programs"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, texts(&fa, &report.columns));
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), report.rows.len());
    assert_eq!(&records[0][1], "اداره کل راه و شهرسازی");
    assert_eq!(&records[1][4], "0");
}
