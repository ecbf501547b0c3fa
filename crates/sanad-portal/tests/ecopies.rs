//! The certified copy over HTTP (issue 15, item 3), on a fresh SQLite file and a fresh
//! PostgreSQL database: the destination's officer finds the request among its received ones,
//! downloads the copy from the link on its page (a PDF, as an attachment, never cached) and the
//! page then says it was delivered; its API token downloads it from `GET /api/v1/ecopies/{code}`;
//! the requesting agency (the copy was sent to a third party), another agency, an unknown code
//! and no token get 404 / 404 / 404 / 401, and nothing moves.

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use sanad_core::model::{Action, Status};
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Actor, Applicant, AuditQuery, IncomingFile, Letter, NewAgencyUser, NewDocument,
    NewOrganization, NewRequest, NewUser, Service,
};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";

struct Office {
    app: axum::Router,
    svc: Service,
    clerk: Actor,
    auditor: Actor,
    /// Session cookies: the court's officer (the destination), the requesting agency's officer,
    /// another agency's officer.
    court: String,
    agency: String,
    other: String,
    /// API tokens of the court and of the requesting agency, and the court's token id.
    court_token: String,
    court_token_id: String,
    agency_token: String,
    code: String,
    _dir: Option<tempfile::TempDir>,
}

async fn office(postgres: bool) -> Office {
    let (url, dir) = common::fresh_database(postgres).await;
    let svc = Service::connect(&url).await.expect("connect");
    svc.init_admin("admin", "مسئول", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("admin");
    let mut staff = Vec::new();
    for role in ["clerk", "reviewer", "director", "ministry", "auditor"] {
        svc.add_user(
            &admin,
            NewUser {
                username: role.into(),
                display_name: format!("کاربر {role}"),
                role: role.into(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("user");
        staff.push(svc.login(role, PASSWORD).await.expect("login"));
    }
    let mut orgs = Vec::new();
    for (name, kind) in [
        ("اداره کل راه و شهرسازی", "agency"),
        ("دانشگاه علوم پزشکی", "agency"),
        ("دادگستری استان", "third_party"),
    ] {
        let org = svc
            .add_organization(
                &admin,
                NewOrganization {
                    name: name.into(),
                    kind: kind.into(),
                    national_id: None,
                },
            )
            .await
            .expect("org");
        orgs.push(org.id);
    }
    let doc = svc
        .add_document(
            &admin,
            NewDocument {
                registry_number: "1400-7".into(),
                title: "سند مالکیت پلاک ۷".into(),
                organization_id: Some(orgs[0].clone()),
                ..Default::default()
            },
        )
        .await
        .expect("doc")
        .id;
    svc.attach_scan(
        &admin,
        &doc,
        IncomingFile {
            bytes: sanad_scan::samples::pdf(1),
            original_name: Some("deed.pdf".into()),
            title: None,
        },
    )
    .await
    .expect("scan");
    svc.init_signing_key(&admin).await.expect("key");
    let mut sessions = Vec::new();
    for (username, org) in [
        ("court1", &orgs[2]),
        ("road1", &orgs[0]),
        ("uni1", &orgs[1]),
    ] {
        svc.add_agency_user(
            &admin,
            NewAgencyUser {
                username: username.into(),
                display_name: format!("کارشناس {username}"),
                organization_id: org.clone(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("officer");
        let opened = svc
            .open_portal_session(username, PASSWORD)
            .await
            .expect("session");
        sessions.push(format!("sanad_session={}", opened.token));
    }
    let court_token = svc
        .issue_portal_token(&admin, &orgs[2], "سامانهٔ دادگستری")
        .await
        .expect("court token");
    let agency_token = svc
        .issue_portal_token(&admin, &orgs[0], "سامانهٔ اداره راه")
        .await
        .expect("agency token");
    let mut r = svc
        .register_request(
            &staff[0],
            NewRequest {
                idempotency_key: None,
                requesting_org: orgs[0].clone(),
                destination_org: Some(orgs[2].clone()),
                documents: vec![doc],
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
    for (who, action) in [
        (1, Action::StartReview),
        (1, Action::Forward),
        (2, Action::Approve),
        (3, Action::Approve),
        (0, Action::Dispatch),
    ] {
        r = svc
            .act(&staff[who], r.tracking_code.as_str(), action, None, None)
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
    }
    assert_eq!(r.status, Status::Dispatched);
    let config = PortalConfig {
        trust_forwarded: false,
        secure_cookies: false,
    };
    let mut it = sessions.into_iter();
    let mut staff = staff.into_iter();
    Office {
        app: router(PortalState::new(svc.clone(), config)),
        svc,
        clerk: staff.next().expect("clerk"),
        auditor: staff.nth(3).expect("auditor"),
        court: it.next().expect("court"),
        agency: it.next().expect("agency"),
        other: it.next().expect("other"),
        court_token: court_token.token,
        court_token_id: court_token.id,
        agency_token: agency_token.token,
        code: r.tracking_code.as_str().to_owned(),
        _dir: dir,
    }
}

macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(office(false).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(office(true).await).await
            }
        }
    };
}

impl Office {
    async fn page(&self, cookie: &str, path: &str) -> Response<Body> {
        let request = Request::get(path)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .expect("request");
        self.app.clone().oneshot(request).await.expect("answer")
    }

    async fn api(&self, token: Option<&str>, path: &str) -> Response<Body> {
        let mut request = Request::get(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = request.body(Body::empty()).expect("request");
        self.app.clone().oneshot(request).await.expect("answer")
    }

    async fn status(&self) -> Status {
        self.svc
            .request_by_code(&self.clerk, &self.code)
            .await
            .expect("read")
            .status
    }
}

async fn bytes(r: Response<Body>) -> Vec<u8> {
    r.into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec()
}

fn header_of(r: &Response<Body>, name: header::HeaderName) -> String {
    r.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A PDF download, as the route must answer it.
fn assert_pdf_download(r: &Response<Body>) {
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header_of(r, header::CONTENT_TYPE), "application/pdf");
    assert!(header_of(r, header::CONTENT_DISPOSITION).starts_with("attachment; filename="));
    assert_eq!(header_of(r, header::CACHE_CONTROL), "no-store");
}

on_both_backends!(
    the_destination_downloads_from_its_page_and_the_request_is_delivered,
    |o: Office| async move {
        let code = o.code.clone();
        // The court finds it among its received requests, and the link on its page.
        let list =
            String::from_utf8(bytes(o.page(&o.court, "/requests").await).await).expect("utf-8");
        assert!(list.contains("id=\"received\""), "{list}");
        assert!(list.contains(&format!("/requests/{code}")));
        let page =
            String::from_utf8(bytes(o.page(&o.court, &format!("/requests/{code}")).await).await)
                .expect("utf-8");
        assert!(
            page.contains(&format!("/requests/{code}/ecopy.pdf")),
            "{page}"
        );
        // The requesting agency follows the request, without the link; its download is 404.
        let own = o.page(&o.agency, &format!("/requests/{code}")).await;
        assert_eq!(own.status(), StatusCode::OK);
        let own = String::from_utf8(bytes(own).await).expect("utf-8");
        assert!(!own.contains("ecopy.pdf"));
        let refused = o
            .page(&o.agency, &format!("/requests/{code}/ecopy.pdf"))
            .await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);
        // Another agency: its page and the copy are 404 alike.
        for path in [
            format!("/requests/{code}"),
            format!("/requests/{code}/ecopy.pdf"),
        ] {
            assert_eq!(
                o.page(&o.other, &path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        assert_eq!(
            o.status().await,
            Status::Dispatched,
            "refusals move nothing"
        );

        let r = o
            .page(&o.court, &format!("/requests/{code}/ecopy.pdf"))
            .await;
        assert_pdf_download(&r);
        let pdf = bytes(r).await;
        assert!(pdf.starts_with(b"%PDF-"));
        let (_, issued) = o.svc.ecopy_file(&o.clerk, &code).await.expect("issued");
        assert_eq!(pdf, issued);
        assert_eq!(o.status().await, Status::Delivered);
        // The court's page now says so, in Persian.
        let page =
            String::from_utf8(bytes(o.page(&o.court, &format!("/requests/{code}")).await).await)
                .expect("utf-8");
        let delivered = sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa).text("status-delivered");
        assert!(page.contains(&delivered), "{page}");
        // Not signed in: to the sign-in page, nothing served.
        let anonymous = o.page("", &format!("/requests/{code}/ecopy.pdf")).await;
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    }
);

on_both_backends!(
    the_destinations_token_downloads_from_the_api_and_others_get_404,
    |o: Office| async move {
        let path = format!("/api/v1/ecopies/{}", o.code);
        assert_eq!(o.api(None, &path).await.status(), StatusCode::UNAUTHORIZED);
        let refused = o.api(Some(&o.agency_token), &path).await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);
        let body: serde_json::Value = serde_json::from_slice(&bytes(refused).await).expect("json");
        assert_eq!(body["error"]["code"], "not_found");
        let unknown = o
            .api(Some(&o.court_token), "/api/v1/ecopies/111122223333")
            .await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
        let garbage = o
            .api(Some(&o.court_token), "/api/v1/ecopies/%3Cscript%3E")
            .await;
        assert_eq!(garbage.status(), StatusCode::NOT_FOUND);
        assert_eq!(o.status().await, Status::Dispatched);

        let r = o.api(Some(&o.court_token), &path).await;
        assert_pdf_download(&r);
        assert!(bytes(r).await.starts_with(b"%PDF-"));
        assert_eq!(o.status().await, Status::Delivered);
        // Again: the PDF, and only an audit entry more.
        let again = o.api(Some(&o.court_token), &path).await;
        assert_pdf_download(&again);
        let history = o
            .svc
            .request_by_code(&o.clerk, &o.code)
            .await
            .expect("read")
            .history;
        let step = history.last().expect("step");
        assert_eq!(step.action, "confirm_delivery");
        assert_eq!(step.user_name, "سامانهٔ دادگستری");
        assert_eq!(
            history
                .iter()
                .filter(|h| h.action == "confirm_delivery")
                .count(),
            1
        );
        o.svc.seal_audit().await.expect("seal");
        let downloads: Vec<_> = o
            .svc
            .audit_log(
                &o.auditor,
                AuditQuery {
                    request: Some(o.code.clone()),
                    ..Default::default()
                },
            )
            .await
            .expect("audit")
            .into_iter()
            .filter(|e| e.action == "request.ecopy_download")
            .collect();
        assert_eq!(downloads.len(), 2);
        for d in downloads {
            assert_eq!(d.detail["portal_token"], o.court_token_id.as_str());
        }
    }
);
