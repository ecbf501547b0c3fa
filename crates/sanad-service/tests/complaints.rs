//! Complaints, suggestions and comments on both backends: registered with a code from the
//! requests' namespace, assigned, answered, closed, with history, targets and conflicts; and
//! status by tracking code for either kind.

mod common;

use std::sync::Arc;

use common::{saturday_morning, Backend, Office, TestClock};
use sanad_core::model::{ComplaintAction, ComplaintKind, ComplaintStatus, Role};
use sanad_core::TrackingCode;
use sanad_i18n::{Lang, Localizer};
use sanad_service::{CodeSource, ComplaintQuery, Error, NewComplaint, Service, TrackedKind};

fn complaint(request_code: Option<String>) -> NewComplaint {
    NewComplaint {
        kind: "complaint".into(),
        name: "زهرا كريمي".into(),
        mobile: Some("۰۹۱۲۱۲۳۴۵۶۷".into()),
        email: Some("Zahra.Karimi@Example.IR".into()),
        text: "سند پس از دو هفته هنوز ارسال نشده است.".into(),
        request_code,
    }
}

fn field(e: &Error) -> Option<&str> {
    e.field()
}

on_both_backends!(
    a_complaint_from_registration_to_closed,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("request");
        let c = o
            .svc
            .register_complaint(&o.clerk, complaint(Some(r.tracking_code_grouped.clone())))
            .await
            .expect("register");
        assert_eq!(c.status, ComplaintStatus::Registered);
        assert_eq!(c.kind, ComplaintKind::Complaint);
        assert_eq!(c.name, "زهرا کریمی", "Arabic letters normalized");
        assert_eq!(c.mobile.as_deref(), Some("09121234567"));
        assert_eq!(c.email.as_deref(), Some("Zahra.Karimi@example.ir"));
        assert_eq!(c.request_code.as_deref(), Some(r.tracking_code.as_str()));
        assert_ne!(c.tracking_code, r.tracking_code);
        // Registered Saturday 09:00 with a 16 office-hour target: 5½ hours on Saturday, 7 on
        // Sunday, 3½ on Monday: due Monday 11:00 Tehran.
        assert_eq!(c.deadline_at.as_deref(), Some("2025-12-29T07:30:00Z"));
        assert_eq!(c.available_actions, vec![ComplaintAction::Assign]);

        // The reviewer cannot answer what is not theirs; the clerk routes it to them.
        let err = o
            .svc
            .answer_complaint(&o.reviewer, c.tracking_code.as_str(), "پاسخ", None)
            .await
            .expect_err("not assigned yet");
        assert!(matches!(err, Error::NotPermitted { .. }), "{err:?}");
        let c = o
            .svc
            .assign_complaint(
                &o.clerk,
                c.tracking_code.as_str(),
                "reviewer",
                Some(c.version),
            )
            .await
            .expect("assign");
        assert_eq!(c.status, ComplaintStatus::Assigned);
        assert_eq!(c.assigned_to.as_deref(), Some("reviewer"));
        let err = o
            .svc
            .answer_complaint(&o.reviewer2, c.tracking_code.as_str(), "پاسخ", None)
            .await
            .expect_err("another reviewer");
        assert!(
            matches!(
                err,
                Error::NotPermitted {
                    message_id: "error-complaint-not-assignee",
                    ..
                }
            ),
            "{err:?}"
        );
        clock.advance_hours(2);
        let seen = o
            .svc
            .complaint_by_code(&o.reviewer, &c.tracking_code_grouped)
            .await
            .expect("show");
        assert_eq!(seen.available_actions, vec![ComplaintAction::Answer]);
        let c = o
            .svc
            .answer_complaint(
                &o.reviewer,
                c.tracking_code.as_str(),
                "سند امروز ارسال شد.",
                Some(c.version),
            )
            .await
            .expect("answer");
        assert_eq!(c.status, ComplaintStatus::Answered);
        assert_eq!(c.answer.as_deref(), Some("سند امروز ارسال شد."));
        // A stale version is a conflict, and changes nothing.
        let err = o
            .svc
            .close_complaint(
                &o.clerk,
                c.tracking_code.as_str(),
                None,
                Some(c.version - 1),
            )
            .await
            .expect_err("stale");
        assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
        let c = o
            .svc
            .close_complaint(
                &o.clerk,
                c.tracking_code.as_str(),
                Some("پاسخ تلفنی هم داده شد"),
                Some(c.version),
            )
            .await
            .expect("close");
        assert_eq!(c.status, ComplaintStatus::Closed);
        assert_eq!(c.deadline_at, None);
        assert!(c.available_actions.is_empty());
        let steps: Vec<(&str, Option<ComplaintStatus>, ComplaintStatus, &str, Role)> = c
            .history
            .iter()
            .map(|h| (h.action.as_str(), h.from, h.to, h.user.as_str(), h.role))
            .collect();
        use ComplaintStatus::*;
        assert_eq!(
            steps,
            vec![
                ("register", None, Registered, "clerk", Role::Clerk),
                ("assign", Some(Registered), Assigned, "clerk", Role::Clerk),
                (
                    "answer",
                    Some(Assigned),
                    Answered,
                    "reviewer",
                    Role::Reviewer
                ),
                ("close", Some(Answered), Closed, "clerk", Role::Clerk),
            ]
        );
        assert_eq!(
            c.history[1].note.as_deref(),
            Some(o.reviewer.display_name())
        );
        assert_eq!(c.history[3].note.as_deref(), Some("پاسخ تلفنی هم داده شد"));
        assert_eq!(c.history[2].at_jalali, "1404/10/06 11:00");

        // Every step is in the audit chain, which still verifies.
        let log = o
            .svc
            .audit_log(
                &o.auditor,
                sanad_service::AuditQuery {
                    action: Some("complaint".into()),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        for a in [
            "complaint.register",
            "complaint.assign",
            "complaint.answer",
            "complaint.close",
        ] {
            assert!(actions.contains(&a), "{a} in {actions:?}");
        }
        assert!(o.svc.verify_audit(&o.auditor).await.expect("verify").intact);
    }
);

on_both_backends!(registration_is_validated, |b: Backend| async move {
    let o = Office::new(b).await;
    let mut bad = complaint(None);
    bad.mobile = None;
    bad.email = None;
    let e = o
        .svc
        .register_complaint(&o.clerk, bad)
        .await
        .expect_err("no contact");
    assert_eq!(e.message_id(), "error-contact-required");
    let mut bad = complaint(None);
    bad.email = Some("zahra@localhost".into());
    let e = o
        .svc
        .register_complaint(&o.clerk, bad)
        .await
        .expect_err("email");
    assert_eq!(
        (field(&e), e.message_id()),
        (Some("email"), "error-email-format")
    );
    let mut bad = complaint(None);
    bad.mobile = Some("0912123".into());
    let e = o
        .svc
        .register_complaint(&o.clerk, bad)
        .await
        .expect_err("mobile");
    assert_eq!(field(&e), Some("mobile"));
    let mut bad = complaint(None);
    bad.kind = "praise".into();
    let e = o
        .svc
        .register_complaint(&o.clerk, bad)
        .await
        .expect_err("kind");
    assert_eq!(e.message_id(), "error-complaint-kind-unknown");
    let e = o
        .svc
        .register_complaint(
            &o.clerk,
            complaint(Some(TrackingCode::generate_secure().as_str().to_owned())),
        )
        .await
        .expect_err("no such request");
    assert_eq!(
        (field(&e), e.message_id()),
        (Some("request_code"), "error-not-found-request")
    );
    // Only an e-mail is enough; a suggestion needs no request.
    let mut ok = complaint(None);
    ok.kind = "suggestion".into();
    ok.mobile = None;
    let c = o
        .svc
        .register_complaint(&o.clerk, ok)
        .await
        .expect("email only");
    assert_eq!(c.kind, ComplaintKind::Suggestion);
    assert_eq!(c.mobile, None);
    // Nothing half-valid was stored: one complaint in the list.
    let open = o
        .svc
        .complaints(&o.clerk, ComplaintQuery::default())
        .await
        .expect("list");
    assert_eq!(open.len(), 1);
});

on_both_backends!(assignment_is_checked, |b: Backend| async move {
    let o = Office::new(b).await;
    let c = o
        .svc
        .register_complaint(&o.clerk, complaint(None))
        .await
        .expect("register");
    let code = c.tracking_code.as_str();
    // The picker offers the active staff of assignable roles, and nobody else.
    let offered = |list: Vec<sanad_service::Assignee>| -> Vec<String> {
        list.into_iter().map(|a| a.username).collect()
    };
    let staff = offered(o.svc.complaint_assignees(&o.clerk).await.expect("staff"));
    for who in [
        "clerk",
        "clerk2",
        "reviewer",
        "reviewer2",
        "director",
        "ministry",
    ] {
        assert!(staff.contains(&who.to_owned()), "{who} offered: {staff:?}");
    }
    for who in ["auditor", "admin"] {
        assert!(!staff.contains(&who.to_owned()), "{who} offered: {staff:?}");
    }
    o.svc
        .set_user_active(&o.admin, "reviewer2", false)
        .await
        .expect("deactivate");
    let staff = offered(o.svc.complaint_assignees(&o.director).await.expect("staff"));
    assert!(!staff.contains(&"reviewer2".to_owned()), "{staff:?}");
    for who in ["auditor", "admin"] {
        let e = o
            .svc
            .assign_complaint(&o.clerk, code, who, None)
            .await
            .expect_err(who);
        assert_eq!(e.message_id(), "error-complaint-assignee-role", "{who}");
    }
    let e = o
        .svc
        .assign_complaint(&o.clerk, code, "nobody", None)
        .await
        .expect_err("nobody");
    assert_eq!(field(&e), Some("assignee"));
    let e = o
        .svc
        .close_complaint(&o.clerk, code, None, None)
        .await
        .expect_err("not answered");
    assert_eq!(e.message_id(), "error-action-not-allowed-in-state");
    // Re-routing is allowed; the director may answer on anyone's behalf.
    o.svc
        .assign_complaint(&o.clerk, code, "reviewer", None)
        .await
        .expect("assign");
    let c = o
        .svc
        .assign_complaint(&o.director, code, "clerk2", None)
        .await
        .expect("reassign");
    assert_eq!(c.assigned_to.as_deref(), Some("clerk2"));
    assert_eq!(c.assigned_to_name.as_deref(), Some(o.clerk2.display_name()));
    let last = c.history.last().expect("history");
    assert_eq!(
        (last.user.as_str(), last.user_name.as_str()),
        ("director", o.director.display_name())
    );
    let mine = o
        .svc
        .complaints(
            &o.clerk2,
            ComplaintQuery {
                mine: true,
                ..Default::default()
            },
        )
        .await
        .expect("mine");
    assert_eq!(mine.len(), 1);
    let theirs = o
        .svc
        .complaints(
            &o.reviewer,
            ComplaintQuery {
                mine: true,
                ..Default::default()
            },
        )
        .await
        .expect("theirs");
    assert!(theirs.is_empty());
    let c = o
        .svc
        .answer_complaint(&o.director, code, "پاسخ مدیر", None)
        .await
        .expect("director answers");
    assert_eq!(c.status, ComplaintStatus::Answered);
});

/// Hands out the same code twice, then fresh ones: a complaint's code can never equal a request's.
struct Repeating(std::sync::Mutex<Vec<TrackingCode>>);

impl CodeSource for Repeating {
    fn next_code(&self) -> TrackingCode {
        self.0
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_else(TrackingCode::generate_secure)
    }
}

on_both_backends!(
    complaints_share_the_requests_namespace,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("request");
        let svc: Service = o
            .svc
            .clone()
            .with_codes(Arc::new(Repeating(std::sync::Mutex::new(vec![r
                .tracking_code
                .clone()]))));
        let c = svc
            .register_complaint(&o.clerk, complaint(None))
            .await
            .expect("register");
        assert_ne!(c.tracking_code, r.tracking_code, "a taken code is retried");
    }
);

on_both_backends!(
    tracking_either_kind_without_personal_data,
    |b: Backend| async move {
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("request");
        clock.advance_hours(1);
        let r = o
            .svc
            .act(
                &o.reviewer,
                r.tracking_code.as_str(),
                sanad_core::model::Action::StartReview,
                None,
                None,
            )
            .await
            .expect("review");
        let fa = Localizer::new(Lang::Fa);
        // Typed in Persian digits with dashes, as a caller reads it out.
        let typed = fa.digits(&r.tracking_code_grouped);
        let t = o
            .svc
            .track(&o.clerk, &typed, Lang::Fa)
            .await
            .expect("track");
        assert_eq!(t.kind, TrackedKind::Request);
        assert_eq!(t.state, "under_review");
        assert_eq!(t.state_text, fa.text("track-request-under-review"));
        assert_eq!(t.next_step_text, fa.text("track-request-next-under-review"));
        assert!(
            !t.state_text.starts_with("track-"),
            "a real sentence: {}",
            t.state_text
        );
        assert_eq!(t.since, "۱۴۰۴/۱۰/۰۶ ۱۰:۰۰");
        assert_eq!(t.name_masked, "ع** ر****");
        assert_eq!(t.tracking_code_grouped, typed);
        let json = serde_json::to_string(&t).expect("json");
        for secret in ["0499370899", "09121234567", "رضایی", "علی"] {
            assert!(!json.contains(secret), "{secret} leaked: {json}");
        }

        let c = o
            .svc
            .register_complaint(&o.clerk, complaint(None))
            .await
            .expect("complaint");
        let t = o
            .svc
            .track(&o.reviewer, c.tracking_code.as_str(), Lang::En)
            .await
            .expect("track");
        assert_eq!(t.kind, TrackedKind::Complaint);
        assert_eq!(
            t.state_text,
            Localizer::new(Lang::En).text("track-complaint-registered")
        );
        assert_eq!(t.since, "1404/10/06 10:00");
        let json = serde_json::to_string(&t).expect("json");
        for secret in ["09121234567", "example.ir", "کریمی"] {
            assert!(!json.contains(secret), "{secret} leaked: {json}");
        }
        let e = o
            .svc
            .track(&o.clerk, TrackingCode::generate_secure().as_str(), Lang::Fa)
            .await
            .expect_err("unknown");
        assert_eq!(e.message_id(), "error-not-found-tracking-code");
        let e = o
            .svc
            .track(&o.admin, c.tracking_code.as_str(), Lang::Fa)
            .await
            .expect_err("admin");
        assert!(matches!(e, Error::NotPermitted { .. }));
    }
);

#[test]
fn every_state_has_a_sentence_and_a_next_step_in_both_languages() {
    use sanad_core::model::Status;
    for lang in Lang::ALL {
        let l = Localizer::new(lang);
        let request = Status::ALL.iter().map(|s| ("track-request", s.as_str()));
        let complaint = ComplaintStatus::ALL
            .iter()
            .map(|s| ("track-complaint", s.as_str()));
        for (prefix, state) in request.chain(complaint) {
            let state = state.replace('_', "-");
            for id in [
                format!("{prefix}-{state}"),
                format!("{prefix}-next-{state}"),
            ] {
                assert!(l.has(&id), "{id} missing in {lang:?}");
            }
        }
    }
}
