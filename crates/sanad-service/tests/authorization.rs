//! The authorization matrix: every operation of the service API called as every role, and every
//! workflow action in every state, checked against tables written from the specification (not
//! from the code), on both backends.

mod common;

use common::{Backend, Office, PASSWORD};
use sanad_core::model::{Action, ComplaintStatus, Role, Status};
use sanad_i18n::Lang;
use sanad_service::{
    AccountPolicy, Actor, ComplaintQuery, Error, MailSettings, MailTls, NewAgencyUser,
    NewComplaint, NewDocument, NewNotice, NewOrganization, NewRequest, NewUser, NoticeKind,
    PageRequest, RequestView, SearchQuery,
};
use sanad_service::{BulkItem, NewDelegation, ReportKind, ReportQuery};

fn denied<T: std::fmt::Debug>(res: &Result<T, Error>) -> bool {
    matches!(
        res,
        Err(Error::NotPermitted {
            message_id: "error-role-may-not-act",
            ..
        })
    )
}

/// Every staff role: what every desk user may call. Agency officers are outside it.
const ALL: &[Role] = sanad_core::access::STAFF;

fn mail_server() -> MailSettings {
    MailSettings {
        host: "127.0.0.1".into(),
        port: 2525,
        tls: MailTls::None,
        username: None,
        from: "desk@sanad.invalid".into(),
    }
}
/// A clean one-page scan.
fn scan_file() -> sanad_service::IncomingFile {
    sanad_service::IncomingFile {
        bytes: sanad_scan::samples::pdf(1),
        original_name: Some("scan.pdf".into()),
        title: None,
    }
}

const STAFF: &[Role] = &[
    Role::Clerk,
    Role::Reviewer,
    Role::Director,
    Role::Ministry,
    Role::Auditor,
];

on_both_backends!(every_operation_as_every_role, |b: Backend| async move {
    let o = Office::new(b).await;
    let r = o
        .svc
        .register_request(&o.clerk, o.request())
        .await
        .expect("register");
    let code = r.tracking_code.as_str().to_owned();
    let complaint = o
        .svc
        .register_complaint(
            &o.clerk,
            NewComplaint {
                kind: "comment".into(),
                name: "مریم احمدی".into(),
                email: Some("maryam@example.ir".into()),
                text: "نظر".into(),
                ..Default::default()
            },
        )
        .await
        .expect("complaint");
    let ccode = complaint.tracking_code.as_str().to_owned();
    let actors: Vec<&Actor> = vec![
        &o.clerk,
        &o.reviewer,
        &o.director,
        &o.ministry,
        &o.auditor,
        &o.admin,
        &o.officer,
    ];
    let mut n = 0;
    for who in actors {
        let role = who.role();
        n += 1;
        let allowed = |roles: &[Role]| roles.contains(&role);
        macro_rules! check {
            ($name:literal, $roles:expr, $call:expr) => {{
                let res = $call.await;
                assert_eq!(
                    !denied(&res),
                    allowed($roles),
                    "{} as {role}: {res:?}",
                    $name
                );
            }};
        }
        check!(
            "add_user",
            &[Role::Admin],
            o.svc.add_user(
                who,
                NewUser {
                    username: format!("u{n}"),
                    display_name: "x".into(),
                    role: "clerk".into(),
                    password: PASSWORD.into()
                }
            )
        );
        check!(
            "list_users",
            &[Role::Admin, Role::Auditor],
            o.svc.list_users(who)
        );
        check!(
            "reset_password",
            &[Role::Admin],
            o.svc.reset_password(who, "ministry2")
        );
        check!(
            "set_user_active",
            &[Role::Admin],
            o.svc.set_user_active(who, "nobody", true)
        );
        check!(
            "set_account_policy",
            &[Role::Admin],
            o.svc.set_account_policy(who, AccountPolicy::default())
        );
        check!(
            "set_target",
            &[Role::Admin],
            o.svc.set_target(who, Status::Submitted, 8)
        );
        check!("targets", ALL, o.svc.targets(who));
        check!(
            "add_organization",
            &[Role::Admin, Role::Clerk],
            o.svc.add_organization(
                who,
                NewOrganization {
                    name: format!("دستگاه {n}"),
                    kind: "agency".into(),
                    national_id: None
                }
            )
        );
        check!("list_organizations", ALL, o.svc.list_organizations(who, ""));
        check!(
            "add_document",
            &[Role::Admin, Role::Clerk],
            o.svc.add_document(
                who,
                NewDocument {
                    registry_number: format!("M-{n}"),
                    title: "سند".into(),
                    ..Default::default()
                }
            )
        );
        check!("list_documents", ALL, o.svc.list_documents(who, ""));
        check!(
            "attach_scan",
            &[Role::Admin, Role::Clerk],
            o.svc.attach_scan(who, &o.docs[3], scan_file())
        );
        check!(
            "document_scans",
            &[STAFF, &[Role::Admin]].concat(),
            o.svc.document_scans(who, &o.docs[3])
        );
        check!(
            "init_signing_key",
            &[Role::Admin],
            o.svc.init_signing_key(who)
        );
        check!(
            "rotate_signing_key",
            &[Role::Admin],
            o.svc.rotate_signing_key(who)
        );
        check!(
            "export_signing_key",
            &[Role::Admin],
            o.svc.export_signing_key(who, "a long export passphrase")
        );
        check!(
            "import_signing_key",
            &[Role::Admin],
            o.svc
                .import_signing_key(who, "{}", "a long export passphrase")
        );
        check!(
            "revoke_signing_key",
            &[Role::Admin],
            o.svc
                .revoke_signing_key(who, "00000000deadbeef", "1405/01/01")
        );
        check!(
            "ecopy_file",
            &[Role::Clerk, Role::Auditor],
            o.svc.ecopy_file(who, &code)
        );
        check!(
            "download_ecopy",
            &[Role::Agency],
            o.svc.download_ecopy(who, &code)
        );
        check!(
            "set_organization_email",
            &[Role::Admin, Role::Clerk],
            o.svc
                .set_organization_email(who, &o.court, "registry@court.example.ir")
        );
        check!(
            "set_ecopy_attach_to_mail",
            &[Role::Admin],
            o.svc.set_ecopy_attach_to_mail(who, false)
        );
        check!(
            "signing_keys",
            &[Role::Admin, Role::Auditor],
            o.svc.signing_keys(who)
        );
        check!(
            "set_scan_limit",
            &[Role::Admin],
            o.svc.set_scan_limit(who, "25")
        );
        check!(
            "attach_scan_by_registry_number",
            &[Role::Admin, Role::Clerk],
            o.svc
                .attach_scan_by_registry_number(who, "1400-3", scan_file())
        );
        let register = "شماره ثبت,عنوان\n9100,سند آزمون دسترسی\n".as_bytes();
        check!(
            "plan_document_import",
            &[Role::Admin],
            o.svc.plan_document_import(who, register)
        );
        check!(
            "import_documents",
            &[Role::Admin],
            o.svc.import_documents(who, register)
        );
        check!(
            "attach_request_file",
            &[Role::Clerk],
            o.svc
                .attach_request_file(who, &code, "enclosure", scan_file())
        );
        check!("request_files", STAFF, o.svc.request_files(who, &code));
        check!(
            "register_request",
            &[Role::Clerk],
            o.svc.register_request(who, o.request())
        );
        check!("request_by_code", STAFF, o.svc.request_by_code(who, &code));
        check!("search", STAFF, o.svc.search(who, SearchQuery::default()));
        check!("queue", ALL, o.svc.queue(who, PageRequest::default()));
        check!(
            "verify_audit",
            &[Role::Admin, Role::Auditor],
            o.svc.verify_audit(who)
        );
        check!(
            "register_complaint",
            &[Role::Clerk],
            o.svc.register_complaint(
                who,
                NewComplaint {
                    kind: "complaint".into(),
                    name: "مریم احمدی".into(),
                    mobile: Some("09121234567".into()),
                    text: "شکایت".into(),
                    ..Default::default()
                }
            )
        );
        check!(
            "complaint_by_code",
            STAFF,
            o.svc.complaint_by_code(who, &ccode)
        );
        check!(
            "complaints",
            STAFF,
            o.svc.complaints(who, ComplaintQuery::default())
        );
        check!(
            "complaint_assignees",
            &[Role::Clerk, Role::Director],
            o.svc.complaint_assignees(who)
        );
        check!(
            "assign_complaint",
            &[Role::Clerk, Role::Director],
            o.svc.assign_complaint(who, &ccode, "reviewer", None)
        );
        check!(
            "answer_complaint",
            &[Role::Clerk, Role::Reviewer, Role::Director, Role::Ministry],
            o.svc.answer_complaint(who, &ccode, "پاسخ", Some(-1))
        );
        check!(
            "close_complaint",
            &[Role::Clerk, Role::Director],
            o.svc.close_complaint(who, &ccode, None, Some(-1))
        );
        check!("complaint_targets", ALL, o.svc.complaint_targets(who));
        check!(
            "set_complaint_target",
            &[Role::Admin],
            o.svc
                .set_complaint_target(who, ComplaintStatus::Registered, 16)
        );
        check!("track", STAFF, o.svc.track(who, &code, Lang::Fa));
        check!("holidays", ALL, o.svc.holidays(who, Some(1404)));
        check!(
            "add_holiday",
            &[Role::Admin],
            o.svc.add_holiday(who, "1405/12/28", "آزمون")
        );
        check!(
            "remove_holiday",
            &[Role::Admin],
            o.svc.remove_holiday(who, "1405/12/27")
        );
        check!(
            "recompute_holidays",
            &[Role::Admin],
            o.svc.recompute_holidays(who, 1406)
        );
        check!("calendar_settings", ALL, o.svc.calendar_settings(who));
        check!(
            "set_thursday_off",
            &[Role::Admin],
            o.svc.set_thursday_off(who, true)
        );
        check!(
            "duplicate_organizations",
            &[Role::Admin],
            o.svc.duplicate_organizations(who)
        );
        check!(
            "set_office_hours",
            &[Role::Admin],
            o.svc.set_office_hours(
                who,
                sanad_service::OfficeHoursInput {
                    weekday_opens: "07:30".into(),
                    weekday_closes: "14:30".into(),
                    thursday_opens: "07:30".into(),
                    thursday_closes: "12:30".into(),
                }
            )
        );
        check!(
            "overdue_requests",
            &[Role::Director, Role::Auditor],
            o.svc.overdue_requests(who, PageRequest::default())
        );
        check!("mail_settings", &[Role::Admin], o.svc.mail_settings(who));
        check!(
            "set_mail_settings",
            &[Role::Admin],
            o.svc.set_mail_settings(who, mail_server())
        );
        check!(
            "save_smtp_password",
            &[Role::Admin],
            o.svc.save_smtp_password(who, "secret")
        );
        check!(
            "save_mail_server",
            &[Role::Admin],
            o.svc.save_mail_server(who, mail_server(), None)
        );
        check!("account_policy", ALL, o.svc.account_policy(who));
        check!("active_banners", ALL, o.svc.active_banners(Some(who)));
        check!(
            "request_notifications",
            STAFF,
            o.svc.request_notifications(who, &code)
        );
        check!(
            "complaint_notifications",
            STAFF,
            o.svc.complaint_notifications(who, &ccode)
        );
        check!(
            "add_notice",
            &[Role::Admin],
            o.svc.add_notice(
                who,
                NewNotice {
                    kind: NoticeKind::Disruption,
                    text: "اختلال".into(),
                    starts: "1404/10/01 10:00".into(),
                    ends: "1404/10/01 11:00".into(),
                    read_only: false
                }
            )
        );
        check!(
            "cancel_notice",
            &[Role::Admin],
            o.svc.cancel_notice(who, "none")
        );
        check!("notice_board", ALL, o.svc.notice_board(who));
        check!(
            "set_banner_lead_hours",
            &[Role::Admin],
            o.svc.set_banner_lead_hours(who, 24)
        );
        check!(
            "report",
            &[Role::Director, Role::Auditor],
            o.svc
                .report(who, ReportKind::StatusCounts, ReportQuery::default())
        );
        check!(
            "add_delegation",
            &[Role::Admin],
            o.svc.add_delegation(
                who,
                NewDelegation {
                    // To themselves: refused by validation once the role may ask.
                    from: "director".into(),
                    to: "director".into(),
                    role: "director".into(),
                    from_date: "1404/10/06".into(),
                    until: "1404/10/13".into(),
                    order: "۱".into(),
                    note: None,
                }
            )
        );
        check!("delegations", &[Role::Admin], o.svc.delegations(who, false));
        check!(
            "end_delegation",
            &[Role::Admin],
            o.svc.end_delegation(who, "none")
        );
        check!(
            "act_many",
            &[Role::Clerk, Role::Reviewer, Role::Director, Role::Ministry],
            o.svc.act_many(
                who,
                vec![BulkItem {
                    code: code.clone(),
                    // A version the request never had: each request is refused, none changed.
                    expected_version: Some(-1)
                }],
                Action::Approve,
                None
            )
        );
        check!(
            "agency_requests",
            &[Role::Agency],
            o.svc.agency_requests(who, 10)
        );
        check!(
            "agency_request",
            &[Role::Agency],
            o.svc.agency_request(who, &code)
        );
        check!(
            "agency_documents",
            &[Role::Agency],
            o.svc.agency_documents(who)
        );
        check!(
            "agency_destinations",
            &[Role::Agency],
            o.svc.agency_destinations(who)
        );
        check!(
            "submit_agency_request",
            &[Role::Agency],
            o.svc.submit_agency_request(
                who,
                sanad_service::AgencyRequestInput::default(),
                None,
                None
            )
        );
        check!(
            "agency_correctable",
            &[Role::Agency],
            o.svc.agency_correctable(who, &code)
        );
        check!(
            "resubmit_agency_request",
            &[Role::Agency],
            o.svc.resubmit_agency_request(
                who,
                &code,
                sanad_service::AgencyCorrection::default(),
                -1
            )
        );
        check!(
            "agency_receipt",
            &[Role::Agency],
            o.svc.agency_receipt(who, &code, "no-such-key")
        );
        check!(
            "submit_agency_complaint",
            &[Role::Agency],
            o.svc
                .submit_agency_complaint(who, sanad_service::NewComplaint::default())
        );
        check!(
            "agency_complaint",
            &[Role::Agency],
            o.svc.agency_complaint(who, &ccode)
        );
        check!(
            "set_portal_address",
            &[Role::Admin],
            o.svc.set_portal_address(who, "https://sanad.example.ir")
        );
        check!(
            "agency_request_page",
            &[Role::Agency],
            o.svc.agency_request_page(who, 1, 10)
        );
        check!(
            "agency_register_request",
            &[Role::Agency],
            o.svc
                .agency_register_request(who, sanad_service::AgencyNewRequest::default(), None)
        );
        check!(
            "issue_portal_token",
            &[Role::Admin],
            o.svc.issue_portal_token(who, &o.agency, "x")
        );
        check!(
            "list_portal_tokens",
            &[Role::Admin],
            o.svc.list_portal_tokens(who)
        );
        check!(
            "revoke_portal_token",
            &[Role::Admin],
            o.svc.revoke_portal_token(who, "nothing")
        );
        check!(
            "set_api_rate_limit",
            &[Role::Admin],
            o.svc.set_api_rate_limit(who, 600, 60)
        );
        check!("api_rate_limit", &[Role::Admin], o.svc.api_rate_limit(who));
        check!(
            "create_portal_role",
            &[Role::Admin],
            o.svc
                .create_portal_role(who, "sanad_portal_matrix", "whatever-1234")
        );
        check!(
            "add_agency_user",
            &[Role::Admin],
            o.svc.add_agency_user(
                who,
                NewAgencyUser {
                    username: format!("agency{n}"),
                    display_name: "x".into(),
                    organization_id: o.agency.clone(),
                    password: PASSWORD.into()
                }
            )
        );
        check!(
            "list_agency_users",
            &[Role::Admin],
            o.svc.list_agency_users(who)
        );
        check!(
            "reset_agency_password",
            &[Role::Admin],
            o.svc.reset_agency_password(who, "nobody")
        );
        check!(
            "set_agency_user_active",
            &[Role::Admin],
            o.svc.set_agency_user_active(who, "nobody", true)
        );
        check!(
            "change_password",
            Role::ALL,
            o.svc
                .change_password(who, "wrong-current", "whatever-new-1")
        );
    }
});

/// The workflow as the specification states it: (action, roles, from, to). `Approve` by the
/// director goes to the ministry only for a third-party destination; `ReceiveBack` and `Close`
/// depend on the dispatch mode.
fn expected(
    role: Role,
    action: Action,
    from: Status,
    original: bool,
    third_party: bool,
) -> Option<Status> {
    use Action::*;
    use Status::*;
    let rows: &[(Action, &[Role], &[Status], Status)] = &[
        (StartReview, &[Role::Reviewer], &[Submitted], UnderReview),
        (SendBack, &[Role::Reviewer], &[UnderReview], Correction),
        (SendBack, &[Role::Director], &[AwaitingDirector], Correction),
        (Resubmit, &[Role::Clerk], &[Correction], Submitted),
        (Forward, &[Role::Reviewer], &[UnderReview], AwaitingDirector),
        (
            Approve,
            &[Role::Director],
            &[AwaitingDirector],
            if third_party {
                AwaitingMinistry
            } else {
                Approved
            },
        ),
        (Approve, &[Role::Ministry], &[AwaitingMinistry], Approved),
        (Reject, &[Role::Director], &[AwaitingDirector], Rejected),
        (Reject, &[Role::Ministry], &[AwaitingMinistry], Rejected),
        (Dispatch, &[Role::Clerk], &[Approved], Dispatched),
        (ConfirmDelivery, &[Role::Clerk], &[Dispatched], Delivered),
        (
            ReceiveBack,
            &[Role::Clerk],
            if original { &[Delivered] } else { &[] },
            ReturnedToRepository,
        ),
        (
            Close,
            &[Role::Clerk],
            if original {
                &[ReturnedToRepository]
            } else {
                &[Delivered]
            },
            Closed,
        ),
        (
            Cancel,
            &[Role::Clerk],
            &[
                Submitted,
                UnderReview,
                Correction,
                AwaitingDirector,
                AwaitingMinistry,
                Approved,
            ],
            Cancelled,
        ),
    ];
    rows.iter()
        .find(|(a, roles, froms, _)| *a == action && roles.contains(&role) && froms.contains(&from))
        .map(|(_, _, _, to)| *to)
}

/// A state to test from: its name, the request, the path to it, original?, third party?
type Setup<'a> = (&'a str, NewRequest, Steps<'a>, bool, bool);
/// Actions and who takes them, in order.
type Steps<'a> = Vec<(Action, &'a Actor)>;

/// Drives a fresh request along `path` and returns it.
async fn drive(o: &Office, mut new: NewRequest, path: &[(Action, &Actor)]) -> RequestView {
    if new.dispatch_mode == "original" {
        // Each original is its own document: one that is out cannot be sent again.
        let doc = NewDocument {
            registry_number: uuid::Uuid::now_v7().to_string(),
            title: "سند".into(),
            ..Default::default()
        };
        new.documents = vec![
            o.svc
                .add_document(&o.admin, doc)
                .await
                .expect("document")
                .id,
        ];
    }
    let mut r = o
        .svc
        .register_request(&o.clerk, new)
        .await
        .expect("register");
    for (action, who) in path {
        r = o
            .svc
            .act(
                who,
                r.tracking_code.as_str(),
                *action,
                Some("دلیل"),
                Some(r.version),
            )
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
    }
    r
}

on_both_backends!(
    every_action_in_every_state_as_every_role,
    |b: Backend| async move {
        use Action::*;
        let o = Office::new(b).await;
        o.ready_for_ecopy().await;
        let copy = o.request();
        let original = NewRequest {
            dispatch_mode: "original".into(),
            return_due: Some("1499/01/01".into()),
            ..o.request()
        };
        let third = NewRequest {
            destination_org: Some(o.court.clone()),
            ..o.request()
        };
        let (rv, dr, mi, cl) = (&o.reviewer, &o.director, &o.ministry, &o.clerk);
        let to_director = vec![(StartReview, rv), (Forward, rv)];
        let approved = [to_director.clone(), vec![(Approve, dr)]].concat();
        let delivered = [
            approved.clone(),
            vec![(Dispatch, cl), (ConfirmDelivery, cl)],
        ]
        .concat();
        // Every state, reached along the real path, with the facts that change the rules.
        let setups: Vec<Setup> = vec![
            ("submitted", copy.clone(), vec![], false, false),
            (
                "under_review",
                copy.clone(),
                vec![(StartReview, rv)],
                false,
                false,
            ),
            (
                "correction",
                copy.clone(),
                vec![(StartReview, rv), (SendBack, rv)],
                false,
                false,
            ),
            (
                "awaiting_director",
                copy.clone(),
                to_director.clone(),
                false,
                false,
            ),
            (
                "awaiting_director (third party)",
                third.clone(),
                to_director.clone(),
                false,
                true,
            ),
            (
                "awaiting_ministry",
                third.clone(),
                [to_director.clone(), vec![(Approve, dr)]].concat(),
                false,
                true,
            ),
            ("approved", copy.clone(), approved.clone(), false, false),
            (
                "rejected",
                copy.clone(),
                [to_director.clone(), vec![(Reject, dr)]].concat(),
                false,
                false,
            ),
            (
                "dispatched",
                copy.clone(),
                [approved.clone(), vec![(Dispatch, cl)]].concat(),
                false,
                false,
            ),
            (
                "delivered (copy)",
                copy.clone(),
                delivered.clone(),
                false,
                false,
            ),
            (
                "delivered (original)",
                original.clone(),
                delivered.clone(),
                true,
                false,
            ),
            (
                "returned_to_repository",
                original.clone(),
                [delivered.clone(), vec![(ReceiveBack, cl)]].concat(),
                true,
                false,
            ),
            (
                "closed",
                copy.clone(),
                [delivered.clone(), vec![(Close, cl)]].concat(),
                false,
                false,
            ),
            ("cancelled", copy.clone(), vec![(Cancel, cl)], false, false),
            (
                "approved (ministry)",
                third.clone(),
                [to_director.clone(), vec![(Approve, dr), (Approve, mi)]].concat(),
                false,
                true,
            ),
        ];
        let actors: Vec<&Actor> = vec![
            &o.clerk,
            &o.reviewer,
            &o.director,
            &o.ministry,
            &o.auditor,
            &o.admin,
        ];
        let mut allowed_count = 0;
        for (name, new, path, is_original, third_party) in setups {
            let mut r = drive(&o, new.clone(), &path).await;
            for who in &actors {
                for action in Action::ALL {
                    let want = expected(who.role(), *action, r.status, is_original, third_party);
                    let res = o
                        .svc
                        .act(
                            who,
                            r.tracking_code.as_str(),
                            *action,
                            Some("دلیل"),
                            Some(r.version),
                        )
                        .await;
                    match (want, res) {
                        (Some(to), Ok(after)) => {
                            assert_eq!(after.status, to, "{name}: {action} as {}", who.role());
                            allowed_count += 1;
                            r = drive(&o, new.clone(), &path).await; // fresh one in the same state
                        }
                        (None, Err(Error::NotPermitted { .. })) => {}
                        (want, got) => panic!(
                            "{name}: {action} as {}: expected {want:?}, got {got:?}",
                            who.role()
                        ),
                    }
                }
            }
            let still = o
                .svc
                .request_by_code(&o.clerk, r.tracking_code.as_str())
                .await
                .expect("show");
            assert_eq!(
                still.version, r.version,
                "{name}: a refusal changed the request"
            );
        }
        assert!(
            allowed_count >= 20,
            "the matrix allowed only {allowed_count}"
        );
    }
);

// Steps under a delegation, against what the issue states: inside the period the delegate
// decides as the delegated role; before it, after it and once ended they may not; an
// overlapping delegation is refused and gives nothing; and the reviewer who forwarded a request
// may not approve it as acting director.
on_both_backends!(
    delegated_steps_inside_and_outside,
    |b: Backend| async move {
        use common::{saturday_morning, TestClock};
        let clock = TestClock::at(saturday_morning());
        let o = Office::with(b, Some(clock.clone())).await;
        let leave = |to: &str, from_date: &str, until: &str| NewDelegation {
            from: "director".into(),
            to: to.into(),
            role: "director".into(),
            from_date: from_date.into(),
            until: until.into(),
            order: "۷۷".into(),
            note: None,
        };
        let refused = |res: &Result<RequestView, Error>, message: &str| matches!(res, Err(Error::NotPermitted { message_id, .. }) if *message_id == message);

        // Before the period (it starts tomorrow): refused.
        let d = o
            .svc
            .add_delegation(&o.admin, leave("reviewer2", "1404/10/07", "1404/10/14"))
            .await
            .expect("from tomorrow");
        let r = forwarded(&o, &o.reviewer).await;
        let res = approve(&o, &o.reviewer2, &r).await;
        assert!(refused(&res, "error-role-may-not-act"), "before: {res:?}");

        // Overlapping the one recorded: refused, stored nothing, gives the would-be delegate nothing.
        let overlap = o
            .svc
            .add_delegation(&o.admin, leave("clerk", "1404/10/06", "1404/10/08"))
            .await;
        assert!(
            matches!(
                &overlap,
                Err(Error::Invalid {
                    message_id: "error-delegation-overlap",
                    ..
                })
            ),
            "{overlap:?}"
        );
        assert_eq!(
            o.svc
                .delegations(&o.admin, false)
                .await
                .expect("list")
                .len(),
            1
        );

        // Inside the period: allowed, as director, for the director.
        clock.advance_hours(24);
        let res = approve(&o, &o.clerk, &r).await;
        assert!(
            refused(&res, "error-role-may-not-act"),
            "overlapping: {res:?}"
        );
        let done = approve(&o, &o.reviewer2, &r).await.expect("inside");
        let step = done.history.last().expect("step");
        assert_eq!(
            (step.role, step.user.as_str()),
            (Role::Director, "reviewer2")
        );
        assert_eq!(step.delegation_id.as_deref(), Some(d.id.as_str()));

        // The reviewer who forwarded it may not approve it as acting director.
        let own = forwarded(&o, &o.reviewer2).await;
        let res = approve(&o, &o.reviewer2, &own).await;
        assert!(
            refused(&res, "error-sod-approve-own-forward"),
            "own forward: {res:?}"
        );

        // After the period: refused.
        clock.advance_hours(24 * 7);
        let r = forwarded(&o, &o.reviewer).await;
        let res = approve(&o, &o.reviewer2, &r).await;
        assert!(refused(&res, "error-role-may-not-act"), "after: {res:?}");

        // Ended early by the administrator: refused from then on.
        let d2 = o
            .svc
            .add_delegation(&o.admin, leave("reviewer2", "1404/10/14", "1404/10/21"))
            .await
            .expect("another week");
        let r = forwarded(&o, &o.reviewer).await;
        o.svc.end_delegation(&o.admin, &d2.id).await.expect("end");
        let res = approve(&o, &o.reviewer2, &r).await;
        assert!(refused(&res, "error-role-may-not-act"), "ended: {res:?}");
        // Throughout, the director kept their own rights.
        approve(&o, &o.director, &r).await.expect("the director");
    }
);

/// A fresh request that `who` reviewed and forwarded to the director.
async fn forwarded(o: &Office, who: &Actor) -> RequestView {
    drive(
        o,
        o.request(),
        &[(Action::StartReview, who), (Action::Forward, who)],
    )
    .await
}

async fn approve(o: &Office, who: &Actor, r: &RequestView) -> Result<RequestView, Error> {
    o.svc
        .act(
            who,
            r.tracking_code.as_str(),
            Action::Approve,
            None,
            Some(r.version),
        )
        .await
}
