//! Least privilege on PostgreSQL: the role `sanad portal create-role` makes. Connected as that
//! role, the portal works — an officer signs in, lists and opens the agency's requests, changes
//! their password, the public lookup answers, the API lists and registers with a token — and the
//! role cannot read a password hash, set a staff member's password, change a request's state,
//! or read, edit or delete the audit log. (Staff have no sessions in the database: a desk's
//! session lives in its process; the only sessions table is the portal's own.)

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use sanad_core::model::Action;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Applicant, Letter, NewAgencyUser, NewDocument, NewOrganization, NewRequest, NewUser, Service,
};
use serde_json::{json, Value};
use sqlx::Connection;
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";
const ROLE_PASSWORD: &str = "portal-role-secret-1";

/// The code of a database error, or of success ("ok").
fn sql_state(result: Result<sqlx::postgres::PgQueryResult, sqlx::Error>) -> String {
    match result {
        Ok(_) => "ok".to_owned(),
        Err(e) => e
            .as_database_error()
            .and_then(|d| d.code())
            .map(|c| c.to_string())
            .unwrap_or_else(|| e.to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_works_under_its_role_and_can_do_no_more() {
    let owner_url = std::env::var("SANAD_TEST_PG_URL")
        .expect("SANAD_TEST_PG_URL is not set: run the tests with the README's test command");
    let db = format!("sanad_test_{}", uuid::Uuid::now_v7().simple());
    let mut conn = sqlx::PgConnection::connect(&owner_url)
        .await
        .expect("connect");
    sqlx::query(&format!("CREATE DATABASE {db}"))
        .execute(&mut conn)
        .await
        .expect("create database");
    let base = owner_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(&owner_url);
    let url = format!("{base}/{db}");

    // The office, set up by its owner (a desk).
    let svc = Service::connect(&url).await.expect("connect");
    svc.init_admin("admin", "مسئول", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("admin");
    svc.add_user(
        &admin,
        NewUser {
            username: "clerk".into(),
            display_name: "کارمند".into(),
            role: "clerk".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("clerk");
    let clerk = svc.login("clerk", PASSWORD).await.expect("clerk login");
    svc.add_user(
        &admin,
        NewUser {
            username: "reviewer".into(),
            display_name: "کارشناس بررسی".into(),
            role: "reviewer".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("reviewer");
    let reviewer = svc
        .login("reviewer", PASSWORD)
        .await
        .expect("reviewer login");
    let org = svc
        .add_organization(
            &admin,
            NewOrganization {
                name: "اداره کل راه و شهرسازی".into(),
                kind: "agency".into(),
                national_id: None,
            },
        )
        .await
        .expect("org")
        .id;
    let doc = svc
        .add_document(
            &admin,
            NewDocument {
                registry_number: "1400-1".into(),
                title: "سند مالکیت پلاک ۱".into(),
                property_plate: None,
                location: None,
                organization_id: Some(org.clone()),
            },
        )
        .await
        .expect("doc")
        .id;
    svc.add_agency_user(
        &admin,
        NewAgencyUser {
            username: "officer".into(),
            display_name: "کارشناس اداره راه".into(),
            organization_id: org.clone(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("officer");
    let registered = svc
        .register_request(
            &clerk,
            NewRequest {
                idempotency_key: None,
                requesting_org: org.clone(),
                destination_org: None,
                documents: vec![doc.clone()],
                dispatch_mode: "electronic_copy".into(),
                return_due: None,
                applicant: Applicant {
                    name: "علی رضایی".into(),
                    national_code: "0499370899".into(),
                    mobile: "09121234567".into(),
                    email: None,
                },
                letter: Letter {
                    number: "۱۲۳/ص".into(),
                    date: "1404/08/01".into(),
                },
                purpose: "تنظیم قرارداد".into(),
                priority: "normal".into(),
            },
        )
        .await
        .expect("register");
    let code = registered.tracking_code.as_str().to_owned();
    let pin = registered.tracking_pin.expect("pin");
    // A second request taken to dispatch as an electronic copy: its certified copy waits for
    // the agency (the destination), which downloads it under the portal's role below.
    svc.attach_scan(
        &admin,
        &doc,
        sanad_service::IncomingFile {
            bytes: sanad_scan::samples::pdf(1),
            original_name: None,
            title: None,
        },
    )
    .await
    .expect("scan");
    svc.init_signing_key(&admin).await.expect("key");
    svc.add_user(
        &admin,
        NewUser {
            username: "director".into(),
            display_name: "کاربر مدیر".into(),
            role: "director".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("director");
    let director = svc.login("director", PASSWORD).await.expect("login");
    let mut sent = svc
        .register_request(&clerk, registered_again(&org, &doc))
        .await
        .expect("register the second");
    for (who, action) in [
        (&reviewer, Action::StartReview),
        (&reviewer, Action::Forward),
        (&director, Action::Approve),
        (&clerk, Action::Dispatch),
    ] {
        sent = svc
            .act(who, sent.tracking_code.as_str(), action, None, None)
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
    }
    let sent_code = sent.tracking_code.as_str().to_owned();
    // Sent back for correction at a desk, so the agency has something to resubmit.
    for (action, note) in [
        (Action::StartReview, None),
        (Action::SendBack, Some("نامه امضا ندارد")),
    ] {
        svc.act(&reviewer, &code, action, note, None)
            .await
            .expect("a desk's step");
    }
    let token = svc
        .issue_portal_token(&admin, &org, "سامانهٔ اداره")
        .await
        .expect("token")
        .token;
    let role = format!(
        "sanad_portal_{}",
        &uuid::Uuid::now_v7().simple().to_string()[20..]
    );
    svc.create_portal_role(&admin, &role, ROLE_PASSWORD)
        .await
        .expect("create role");
    let again = svc.create_portal_role(&admin, &role, ROLE_PASSWORD).await;
    assert!(
        matches!(again, Err(sanad_service::Error::Conflict { .. })),
        "{again:?}"
    );
    let admin_id = admin.user_id().to_owned();
    svc.close().await;

    // The portal, connected as its role (which may not migrate: it opens the owner's schema).
    let role_url = url.replacen("postgres@", &format!("{role}:{ROLE_PASSWORD}@"), 1);
    assert_ne!(role_url, url, "the test server's URL names its user");
    let portal = Service::connect(&role_url)
        .await
        .expect("connect as the portal's role");
    let app = router(PortalState::new(
        portal.clone(),
        PortalConfig {
            trust_forwarded: false,
            secure_cookies: false,
        },
    ));
    let send = |r: Request<Body>| {
        let app = app.clone();
        async move {
            let response = app.oneshot(r).await.expect("answer");
            let status = response.status();
            let bytes = response
                .into_body()
                .collect()
                .await
                .expect("body")
                .to_bytes();
            (status, String::from_utf8_lossy(&bytes).into_owned())
        }
    };

    // Signing in: a wrong password is refused as such (and counted), the right one opens.
    let wrong = portal
        .open_portal_session("officer", "not-the-password")
        .await;
    assert!(
        matches!(wrong, Err(sanad_service::Error::AuthenticationFailed)),
        "{wrong:?}"
    );
    let opened = portal
        .open_portal_session("officer", PASSWORD)
        .await
        .expect("sign in under the portal's role");
    let cookie = format!("sanad_session={}", opened.token);
    for path in ["/requests".to_owned(), format!("/requests/{code}")] {
        let (status, page) = send(
            Request::get(&path)
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{path}: {page}");
    }
    // The certified copy, downloaded by its destination: served, and the request delivered
    // through the owner's function (the role itself may not update a request's state).
    let (status, body) = send(
        Request::get(format!("/requests/{sent_code}/ecopy.pdf"))
            .header(header::COOKIE, &cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.starts_with("%PDF-"));
    let delivered = portal
        .agency_request(&opened.actor, &sent_code)
        .await
        .expect("the page under the role");
    assert_eq!(delivered.status, sanad_core::model::Status::Delivered);
    // The published keys and the public verification page work under the role too.
    let (status, body) = send(
        Request::get("/.well-known/sanad-keys.json")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let form_token = "ab".repeat(32);
    let (status, body) = send(
        Request::post("/verify/token")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("sanad_form={form_token}"))
            .body(Body::from(format!(
                "csrf={form_token}&token=SD1%3Anonsense"
            )))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // A staff name on the portal: refused like a wrong password, never an error of the role.
    let staff = portal.open_portal_session("admin", PASSWORD).await;
    assert!(
        matches!(staff, Err(sanad_service::Error::AuthenticationFailed)),
        "{staff:?}"
    );
    portal
        .change_password(&opened.actor, PASSWORD, "a-new-horse-12")
        .await
        .expect("an officer changes their password under the portal's role");
    // The agency corrects the sent-back request and resubmits it: the one step on a request's
    // state (besides a destination's download) the role may take.
    let page = portal
        .agency_correctable(&opened.actor, &code)
        .await
        .expect("the agency's page")
        .expect("sent back, so correctable");
    let resubmitted = portal
        .resubmit_agency_request(
            &opened.actor,
            &code,
            sanad_service::AgencyCorrection {
                applicant: Applicant {
                    name: "علی رضایی".into(),
                    national_code: "0499370899".into(),
                    mobile: "09121234567".into(),
                    email: None,
                },
                letter: Letter {
                    number: "۱۲۳/ص-اصلاحی".into(),
                    date: "1404/08/02".into(),
                },
                purpose: "تنظیم قرارداد".into(),
            },
            page.version,
        )
        .await
        .expect("resubmitted under the portal's role");
    assert_eq!(resubmitted.status.as_str(), "submitted");

    // The public lookup and the API.
    let (status, body) = send(
        Request::post("/api/v1/track")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"code": code, "pin": pin}).to_string()))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = send(
        Request::get("/api/v1/requests")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let new = json!({
        "documents": ["1400-1"],
        "dispatch_mode": "electronic_copy",
        "applicant": {"name": "مریم احمدی", "national_code": "0499370899", "mobile": "09121234567"},
        "letter": {"number": "۴۵۶/د", "date": "1404/08/01"},
        "purpose": "تنظیم قرارداد اجاره",
    });
    let (status, body) = send(
        Request::post("/api/v1/requests")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", "role-test-key-1")
            .body(Body::from(new.to_string()))
            .expect("request"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let created: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(created["status"], "submitted");
    portal
        .seal_audit()
        .await
        .expect("the portal seals its own audit entries");
    portal.close().await;

    // What the role may not do, asked directly as it.
    let mut as_role = sqlx::PgConnection::connect(&role_url)
        .await
        .expect("connect as role");
    let denied = "42501";
    for (what, statement) in [
        (
            "read password hashes",
            "SELECT password_hash FROM users".to_owned(),
        ),
        (
            "read every column of users",
            "SELECT * FROM users".to_owned(),
        ),
        (
            "change a request's state",
            format!("UPDATE requests SET status = 'approved' WHERE tracking_code = '{code}'"),
        ),
        (
            "mark a request delivered that was never dispatched",
            format!("UPDATE requests SET status = 'delivered' WHERE tracking_code = '{code}'"),
        ),
        (
            "correct a request that is not sent back",
            format!("UPDATE requests SET purpose = 'x' WHERE tracking_code = '{code}'"),
        ),
        (
            "change who asked for a request",
            format!("UPDATE requests SET requesting_org_id = 'x' WHERE tracking_code = '{code}'"),
        ),
        (
            "edit the audit log",
            "UPDATE audit_log SET action = 'x'".to_owned(),
        ),
        ("delete the audit log", "DELETE FROM audit_log".to_owned()),
        (
            "read the audit log",
            "SELECT detail FROM audit_log".to_owned(),
        ),
        (
            "set a password directly",
            "UPDATE users SET password_hash = 'x'".to_owned(),
        ),
        (
            "issue itself a token",
            "INSERT INTO portal_tokens (id) VALUES ('x')".to_owned(),
        ),
        (
            "create a table",
            "CREATE TABLE intruder (x TEXT)".to_owned(),
        ),
    ] {
        let result = sqlx::query(&statement).execute(&mut as_role).await;
        assert_eq!(sql_state(result), denied, "the portal's role may {what}");
    }
    // Through the owner's functions: an agency officer's hash only, never a staff member's.
    let staff_hash: Option<String> = sqlx::query_scalar("SELECT sanad_password_hash($1)")
        .bind(&admin_id)
        .fetch_one(&mut as_role)
        .await
        .expect("function");
    assert_eq!(staff_hash.as_deref(), Some(""));
    let officer_hash: Option<String> = sqlx::query_scalar(
        "SELECT sanad_password_hash(id) FROM users WHERE username_key = 'officer'",
    )
    .fetch_one(&mut as_role)
    .await
    .expect("function");
    assert!(officer_hash.is_some_and(|h| h.starts_with("$argon2")));
    let set: Option<bool> = sqlx::query_scalar("SELECT sanad_set_password($1, 'x', FALSE)")
        .bind(&admin_id)
        .fetch_one(&mut as_role)
        .await
        .expect("function");
    assert_eq!(
        set, None,
        "a staff password is not set through the portal's role"
    );
    // The delivery function takes its one step only: a submitted request does not move.
    let moved: Option<bool> = sqlx::query_scalar(
        "SELECT sanad_deliver_by_download(id, version, NULL, 0) FROM requests \
         WHERE tracking_code = $1",
    )
    .bind(&code)
    .fetch_one(&mut as_role)
    .await
    .expect("function");
    assert_eq!(
        moved, None,
        "only a dispatched electronic copy is delivered"
    );
    let still: String = sqlx::query_scalar("SELECT status FROM requests WHERE tracking_code = $1")
        .bind(&code)
        .fetch_one(&mut as_role)
        .await
        .expect("status");
    assert_eq!(still, "submitted");

    // And the owner still signs the administrator in with the unchanged password.
    let svc = Service::connect(&url).await.expect("owner again");
    svc.login("admin", PASSWORD)
        .await
        .expect("admin's password unchanged");
    svc.close().await;
}

/// The second request of the test: the agency's, for itself, as an electronic copy.
fn registered_again(org: &str, doc: &str) -> NewRequest {
    NewRequest {
        idempotency_key: None,
        requesting_org: org.to_owned(),
        destination_org: None,
        documents: vec![doc.to_owned()],
        dispatch_mode: "electronic_copy".into(),
        return_due: None,
        applicant: Applicant {
            name: "مریم احمدی".into(),
            national_code: "0499370899".into(),
            mobile: "09121234567".into(),
            email: None,
        },
        letter: Letter {
            number: "۷۸۹/ص".into(),
            date: "1404/08/01".into(),
        },
        purpose: "ارسال رونوشت".into(),
        priority: "normal".into(),
    }
}
