//! The portal's `/verify` page over HTTP (issue 15, item 5), on a fresh SQLite file and a fresh
//! PostgreSQL database: an authentic copy uploaded and its token pasted; one byte changed in the
//! copy and in the token; a token signed by a key the office never published; a slip of a request
//! cancelled since; a token of a key revoked from before it was signed; text that is no token, a
//! huge paste, a file that is no PDF; a form without its CSRF token (refused, nothing checked);
//! a tracking code with its PIN. Every answer is a Persian page, never a 5xx, and shows no
//! personal data.

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use sanad_core::model::Action;
use sanad_i18n::{Lang, Localizer};
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Actor, Applicant, IncomingFile, Letter, NewDocument, NewOrganization, NewRequest, NewUser,
    Service,
};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";
const APPLICANT: &str = "علی رضایی";

struct Office {
    app: axum::Router,
    svc: Service,
    admin: Actor,
    /// The dispatched request's certified copy, its token and code.
    pdf: Vec<u8>,
    copy_token: String,
    code: String,
    pin: String,
    /// The slip token of a request cancelled after its slip was printed.
    cancelled_slip: String,
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
    for role in ["clerk", "reviewer", "director"] {
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
    let mut docs = Vec::new();
    for n in 1..=2 {
        let doc = svc
            .add_document(
                &admin,
                NewDocument {
                    registry_number: format!("1400-{n}"),
                    title: format!("سند مالکیت پلاک {n}"),
                    organization_id: Some(org.clone()),
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
                original_name: None,
                title: None,
            },
        )
        .await
        .expect("scan");
        docs.push(doc);
    }
    svc.init_signing_key(&admin).await.expect("key");
    let new = |doc: &str| NewRequest {
        idempotency_key: None,
        requesting_org: org.clone(),
        destination_org: None,
        documents: vec![doc.to_owned()],
        dispatch_mode: "electronic_copy".into(),
        return_due: None,
        applicant: Applicant {
            name: APPLICANT.into(),
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
    };
    let approve = async |doc: &str| {
        let mut r = svc
            .register_request(&staff[0], new(doc))
            .await
            .expect("register");
        let pin = r.tracking_pin.clone().expect("pin");
        for (who, action) in [
            (1, Action::StartReview),
            (1, Action::Forward),
            (2, Action::Approve),
        ] {
            r = svc
                .act(&staff[who], r.tracking_code.as_str(), action, None, None)
                .await
                .unwrap_or_else(|e| panic!("{action}: {e}"));
        }
        (r, pin)
    };
    let (sent, pin) = approve(&docs[0]).await;
    let code = sent.tracking_code.as_str().to_owned();
    svc.act(&staff[0], &code, Action::Dispatch, None, None)
        .await
        .expect("dispatch");
    let (info, pdf) = svc.ecopy_file(&staff[0], &code).await.expect("copy");
    let (other, _) = approve(&docs[1]).await;
    let slip = svc
        .issue_slip(&staff[0], other.tracking_code.as_str(), "a5", None)
        .await
        .expect("slip");
    svc.act(
        &staff[0],
        other.tracking_code.as_str(),
        Action::Cancel,
        Some("انصراف دستگاه"),
        None,
    )
    .await
    .expect("cancel");
    let config = PortalConfig {
        trust_forwarded: false,
        secure_cookies: false,
    };
    Office {
        app: router(PortalState::new(svc.clone(), config)),
        svc,
        admin,
        pdf,
        copy_token: info.token,
        code,
        pin,
        cancelled_slip: slip.token.expect("the slip's token"),
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

const CSRF: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Office {
    /// Posts a form to `path`, with the double-submit cookie and (when `csrf`) its token.
    async fn form(&self, path: &str, fields: &[(&str, &str)], csrf: bool) -> (StatusCode, String) {
        let mut body: Vec<String> = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        if csrf {
            body.push(format!("csrf={CSRF}"));
        }
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("sanad_form={CSRF}"))
            .body(Body::from(body.join("&")))
            .expect("request");
        text(self.app.clone().oneshot(request).await.expect("answer")).await
    }

    async fn upload(&self, bytes: &[u8], csrf: bool) -> (StatusCode, String) {
        let boundary = "sanadverifyboundary";
        let mut body = Vec::new();
        if csrf {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{CSRF}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"copy\"; \
                 filename=\"copy.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = Request::post("/verify/copy")
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, format!("sanad_form={CSRF}"))
            .body(Body::from(body))
            .expect("request");
        text(self.app.clone().oneshot(request).await.expect("answer")).await
    }

    async fn token(&self, token: &str) -> (StatusCode, String) {
        self.form("/verify/token", &[("token", token)], true).await
    }
}

async fn text(r: Response<Body>) -> (StatusCode, String) {
    let status = r.status();
    let bytes = r.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

fn fa(id: &str) -> String {
    Localizer::new(Lang::Fa).text(id)
}

/// The verdict box's class on the page.
fn verdict(page: &str) -> &str {
    ["authentic", "not-authentic", "unreadable"]
        .into_iter()
        .find(|c| page.contains(&format!("verdict {c}\"")))
        .unwrap_or("none")
}

/// The token with one character in its middle changed (still Base45's alphabet).
fn altered(token: &str) -> String {
    let mut chars: Vec<char> = token.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

on_both_backends!(
    authentic_and_altered_copies_and_tokens,
    |o: Office| async move {
        let (status, page) = o.text_page().await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("lang=\"fa\"") && page.contains("action=\"/verify/copy\""));

        // The copy as issued: authentic, in force, what its token says in Persian digits.
        let (status, page) = o.upload(&o.pdf, true).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(verdict(&page), "authentic", "{page}");
        assert!(page.contains(&fa("portal-verify-in-force")));
        let grouped = sanad_core::TrackingCode::parse(&o.code)
            .expect("code")
            .grouped();
        assert!(
            page.contains(&sanad_i18n::to_persian_digits(&grouped)),
            "{page}"
        );
        assert!(
            page.contains("اداره کل راه و شهرسازی"),
            "the destination by name"
        );
        assert!(!page.contains(APPLICANT), "no personal data");
        assert!(!page.contains("0499370899"));
        // Its token pasted: authentic too.
        let (status, page) = o.token(&o.copy_token).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(verdict(&page), "authentic");

        // One byte changed in the last page (the scan): refused, naming what changed.
        let mut changed = o.pdf.clone();
        let text = b"Deed scan page 1";
        let at = changed
            .windows(text.len())
            .position(|w| w == text)
            .expect("the scan's page text in the file");
        changed[at + 10] ^= 0x01;
        let (status, page) = o.upload(&changed, true).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
        assert_eq!(verdict(&page), "not-authentic", "{page}");
        // One character changed in the token: refused.
        let (status, page) = o.token(&altered(&o.copy_token)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_ne!(verdict(&page), "authentic", "{page}");

        // Signed by a key the office never published: refused as such.
        let (_, _, claims) = sanad_token::read(&o.copy_token)
            .expect("readable")
            .expect("a token");
        let forged = sanad_token::issue(&claims, &sanad_token::KeyPair::generate());
        let (status, page) = o.token(&forged).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(verdict(&page), "not-authentic");
        let unknown = Localizer::new(Lang::Fa).format(
            "verify-reason-unknown-key",
            &[("kid", sanad_token::KeyPair::generate().kid())],
        );
        let unknown_start = unknown.split('(').next().expect("text");
        assert!(page.contains(unknown_start), "{page}");
        assert!(page.contains(&fa("verify-untrusted")));

        // Checks are limited per client address, like the lookup: past it, 429 in Persian.
        let mut locked = None;
        for _ in 0..70 {
            let (status, page) = o.token("not a token").await;
            assert!(!status.is_server_error(), "{page}");
            if status == StatusCode::TOO_MANY_REQUESTS {
                locked = Some(page);
                break;
            }
        }
        let page = locked.expect("locked after the limit");
        assert!(page.contains("راستی‌آزمایی تا"), "{page}");
    }
);

on_both_backends!(
    cancelled_revoked_and_hostile_input,
    |o: Office| async move {
        // A genuine slip of a request cancelled since: authentic, and said to be cancelled.
        let (status, page) = o.token(&o.cancelled_slip).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(verdict(&page), "authentic");
        assert!(page.contains(&fa("portal-verify-cancelled")), "{page}");

        // Text that is no token, a huge paste, a file that is no PDF, nothing chosen.
        let (status, page) = o.token("hello, this is not a token").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(verdict(&page), "unreadable");
        assert!(page.contains(&fa("verify-not-a-token")));
        let huge = "SD1:".to_owned() + &"9".repeat(40_000);
        let (status, page) = o.token(&huge).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(verdict(&page), "unreadable");
        assert!(page.len() < 30_000, "a huge paste is not echoed back");
        let (status, page) = o.upload(b"\x89PNG\r\n\x1a\n not a pdf at all", true).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(&fa("verify-not-a-copy")), "{page}");
        let (status, page) = o.upload(b"%PDF-1.7 broken", true).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(verdict(&page), "not-authentic", "{page}");
        let (status, page) = o.upload(b"", true).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(&fa("portal-verify-no-file")));

        // Without the form's token: refused, nothing checked.
        let (status, page) = o
            .form("/verify/token", &[("token", &o.copy_token)], false)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(verdict(&page), "none");
        let (status, _) = o.upload(&o.pdf, false).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // A tracking code with its PIN: the public state; a wrong PIN: not found.
        let (status, page) = o
            .form("/verify/code", &[("code", &o.code), ("pin", &o.pin)], true)
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains(&fa("track-request-dispatched")), "{page}");
        let (status, _) = o
            .form(
                "/verify/code",
                &[("code", &o.code), ("pin", "00000000")],
                true,
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A newer copy of the same request issued since (as a re-issue would record it): the old
        // copy is still the directorate's, and said to be superseded.
        let statements = [
        "INSERT INTO stored_files (id, kind, size_bytes, pages, sha256, original_name, content, \
         added_by, added_at) SELECT 'newer-file', kind, size_bytes, pages, sha256, original_name, \
         content, added_by, added_at FROM stored_files WHERE id = (SELECT file_id FROM ecopies)",
        "INSERT INTO ecopies (id, request_id, file_id, sha256, token, issued_by, issued_at) \
         SELECT 'newer-copy', request_id, 'newer-file', sha256, token, issued_by, \
         issued_at + 60000000 FROM ecopies",
        "UPDATE ecopies SET superseded_by = 'newer-copy' WHERE id <> 'newer-copy'",
    ];
        for sql in statements {
            match o.svc.store() {
                sanad_service::Store::Sqlite(pool) => {
                    sqlx::query(sql).execute(pool).await.map(|_| ())
                }
                sanad_service::Store::Postgres(pool) => {
                    sqlx::query(sql).execute(pool).await.map(|_| ())
                }
            }
            .expect(sql);
        }
        let (status, page) = o.upload(&o.pdf, true).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(verdict(&page), "authentic");
        assert!(page.contains(&fa("portal-verify-superseded")), "{page}");
        assert!(!page.contains(&fa("portal-verify-in-force")));

        // The key revoked from before it signed: the same copy is refused now.
        let kid = o
            .svc
            .signing_keys(&o.admin)
            .await
            .expect("keys")
            .into_iter()
            .next()
            .expect("a key")
            .kid;
        o.svc
            .revoke_signing_key(&o.admin, &kid, "1400/01/01")
            .await
            .expect("revoke");
        let (status, page) = o.token(&o.copy_token).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(verdict(&page), "not-authentic");
        let revoked = Localizer::new(Lang::Fa).format("verify-reason-revoked", &[("kid", kid)]);
        assert!(page.contains(&revoked), "{page}");
        // And in English when asked.
        let request = Request::get("/verify?lang=en")
            .body(Body::empty())
            .expect("request");
        let (status, page) = text(o.app.clone().oneshot(request).await.expect("answer")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("lang=\"en\""), "{page}");
    }
);

impl Office {
    async fn text_page(&self) -> (StatusCode, String) {
        let request = Request::get("/verify")
            .body(Body::empty())
            .expect("request");
        text(self.app.clone().oneshot(request).await.expect("answer")).await
    }
}
