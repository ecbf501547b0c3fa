//! The electronic form over HTTP (issue 14, item 3 and 4; issue 16, item 4), on a fresh SQLite
//! file and a fresh PostgreSQL database: every bad field refused at once in Persian beside its
//! field with what was typed kept, the agency's letter uploaded and kept, a refused file and a
//! form without its token registering nothing, a double submission registering once with the
//! same receipt and PIN, and the receipt's PDF served only for the session's own form key.

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_scan::samples;
use sanad_service::{NewAgencyUser, NewDocument, NewOrganization, Service};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";
const BOUNDARY: &str = "sanadformboundary7MA4YWxkTrZu0gW";

struct Portal {
    app: axum::Router,
    svc: Service,
    admin: sanad_service::Actor,
    cookie: String,
    csrf: String,
    doc: String,
    other_doc: String,
    _dir: Option<tempfile::TempDir>,
}

async fn portal(postgres: bool) -> Portal {
    let (url, dir) = common::fresh_database(postgres).await;
    let svc = Service::connect(&url).await.expect("connect");
    svc.init_admin("admin", "مسئول", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("admin");
    let mut orgs = Vec::new();
    for name in ["اداره کل راه و شهرسازی", "دانشگاه علوم پزشکی"] {
        let org = svc
            .add_organization(
                &admin,
                NewOrganization {
                    name: name.into(),
                    kind: "agency".into(),
                    national_id: None,
                },
            )
            .await
            .expect("org");
        orgs.push(org.id);
    }
    let mut docs = Vec::new();
    for (n, org) in [("۱۴۰۰-۱", &orgs[0]), ("۱۴۰۰-۲", &orgs[1])] {
        let doc = svc
            .add_document(
                &admin,
                NewDocument {
                    registry_number: n.into(),
                    title: format!("سند مالکیت پلاک {n}"),
                    organization_id: Some(org.clone()),
                    ..Default::default()
                },
            )
            .await
            .expect("doc");
        docs.push(doc.id);
    }
    svc.add_agency_user(
        &admin,
        NewAgencyUser {
            username: "officer".into(),
            display_name: "کارشناس اداره راه".into(),
            organization_id: orgs[0].clone(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("officer");
    let opened = svc
        .open_portal_session("officer", PASSWORD)
        .await
        .expect("session");
    let config = PortalConfig {
        trust_forwarded: false,
        secure_cookies: false,
    };
    Portal {
        app: router(PortalState::new(svc.clone(), config)),
        svc,
        admin,
        cookie: format!("sanad_session={}", opened.token),
        csrf: opened.csrf_token,
        other_doc: docs.pop().expect("doc"),
        doc: docs.pop().expect("doc"),
        _dir: dir,
    }
}

macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(portal(false).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(portal(true).await).await
            }
        }
    };
}

/// One part of a multipart body: a field, or a file when `file_name` is given.
struct Part<'a> {
    name: &'a str,
    file_name: Option<&'a str>,
    bytes: Vec<u8>,
}

fn field<'a>(name: &'a str, value: &str) -> Part<'a> {
    Part {
        name,
        file_name: None,
        bytes: value.as_bytes().to_vec(),
    }
}

fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for p in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match p.file_name {
            Some(file) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{}\"; filename=\"{file}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n",
                    p.name
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{}\"\r\n\r\n",
                    p.name
                )
                .as_bytes(),
            ),
        }
        body.extend_from_slice(&p.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

impl Portal {
    async fn get(&self, path: &str) -> Response<Body> {
        let r = Request::get(path)
            .header(header::COOKIE, &self.cookie)
            .body(Body::empty())
            .expect("request");
        self.app.clone().oneshot(r).await.expect("answer")
    }

    async fn post(&self, parts: &[Part<'_>]) -> Response<Body> {
        let r = Request::post("/requests/new")
            .header(header::COOKIE, &self.cookie)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(multipart(parts)))
            .expect("request");
        self.app.clone().oneshot(r).await.expect("answer")
    }

    /// A correct form for the agency's own document, with form key `key`, as typed at a desk
    /// (Persian digits, dashes) — and any parts in `extra`.
    fn form<'a>(&'a self, key: &'a str, extra: Vec<Part<'a>>) -> Vec<Part<'a>> {
        let mut parts = vec![
            field("csrf", &self.csrf),
            field("form_key", key),
            field("documents", &self.doc),
            field("destination_org", ""),
            field("dispatch_mode", "electronic_copy"),
            field("return_due", ""),
            field("applicant_name", "علی رضایی"),
            field("national_code", "۰۴۹۹۳۷۰۸۹۹"),
            field("mobile", "۰۹۱۲۱۲۳۴۵۶۷"),
            field("email", ""),
            field("letter_number", "۱۲۳/ص"),
            field("letter_date", "۱۴۰۴/۰۸/۰۱"),
            field("purpose", "تنظیم قرارداد"),
            field("priority", "normal"),
        ];
        parts.extend(extra);
        parts
    }

    async fn registered(&self) -> usize {
        let officer = self
            .svc
            .portal_login("officer", PASSWORD)
            .await
            .expect("officer");
        self.svc
            .agency_requests(&officer, 50)
            .await
            .expect("list")
            .requests
            .len()
    }
}

/// Replaces the value of the part named `name`.
fn with<'a>(mut parts: Vec<Part<'a>>, name: &'a str, value: &str) -> Vec<Part<'a>> {
    for p in parts.iter_mut().filter(|p| p.name == name) {
        p.bytes = value.as_bytes().to_vec();
    }
    parts
}

fn letter(bytes: Vec<u8>) -> Part<'static> {
    Part {
        name: "letter",
        file_name: Some("نامه.pdf"),
        bytes,
    }
}

async fn text(r: Response<Body>) -> String {
    let bytes = r.into_body().collect().await.expect("body").to_bytes();
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

/// The text of the first element with class `class` after `from` in `html`.
fn after<'a>(html: &'a str, from: &str, class: &str) -> &'a str {
    let at = html.find(from).unwrap_or_else(|| panic!("{from} in page"));
    let rest = &html[at..];
    let marker = format!("class=\"{class}\">");
    let start = rest.find(&marker).map(|i| i + marker.len()).unwrap_or(0);
    let end = rest[start..].find('<').unwrap_or(0);
    &rest[start..start + end]
}

on_both_backends!(
    the_form_offers_the_agencys_own_documents_only,
    |p: Portal| async move {
        let r = p.get("/requests/new").await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = text(r).await;
        assert!(html.contains("enctype=\"multipart/form-data\""));
        assert!(html.contains(&p.doc));
        assert!(
            !html.contains(&p.other_doc),
            "another agency's document offered"
        );
        let key = hidden(&html, "form_key").expect("form key");
        assert_eq!(key.len(), 64);
        // Each rendering is a new submission.
        let again = text(p.get("/requests/new").await).await;
        assert_ne!(hidden(&again, "form_key").expect("key"), key);
        // Signed out, the form sends to sign in.
        let r = p
            .app
            .clone()
            .oneshot(
                Request::get("/requests/new")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
);

on_both_backends!(
    every_bad_field_comes_back_in_persian_beside_it_with_what_was_typed,
    |p: Portal| async move {
        let key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        let form = p.form(key, vec![]);
        let form = with(form, "national_code", "1234567890");
        let form = with(form, "mobile", "12");
        let form = with(form, "applicant_name", "<b>مریم</b>");
        let form = with(form, "purpose", "");
        let r = p.post(&form).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = text(r).await;
        for id in ["national_code", "mobile", "purpose"] {
            let message = after(&html, &format!("id=\"{id}\""), "error field-error");
            assert!(
                !message.is_empty() && message.chars().any(|c| ('\u{600}'..'\u{6ff}').contains(&c)),
                "{id}: {message:?}"
            );
            assert!(
                !message.chars().any(|c| c.is_ascii_digit()),
                "{id}: {message}"
            );
        }
        // What was typed is shown back, escaped; the form key stays for the corrected form.
        assert!(
            html.contains("value=\"&#60;b&#62;مریم&#60;/b&#62;\"")
                || html.contains("value=\"&lt;b&gt;مریم&lt;/b&gt;\"")
        );
        assert!(html.contains("value=\"۱۲۳/ص\""));
        assert_eq!(hidden(&html, "form_key").as_deref(), Some(key));
        assert_eq!(p.registered().await, 0);
    }
);

on_both_backends!(
    a_submission_with_its_letter_registers_once_and_shows_the_same_receipt,
    |p: Portal| async move {
        let key = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
        let r = p.post(&p.form(key, vec![letter(samples::pdf(1))])).await;
        assert_eq!(r.status(), StatusCode::OK);
        let first = text(r).await;
        assert!(first.contains("class=\"pin\""), "{first}");
        // A double click: the same receipt, the same PIN, one request.
        let r = p.post(&p.form(key, vec![letter(samples::pdf(1))])).await;
        assert_eq!(r.status(), StatusCode::OK);
        let second = text(r).await;
        let pin_of = |html: &str| {
            let start = html.find("class=\"pin\"><bdi dir=\"ltr\">").expect("pin") + 27;
            html[start..start + html[start..].find('<').expect("end")].to_owned()
        };
        assert_eq!(pin_of(&first), pin_of(&second));
        assert_eq!(pin_of(&first).chars().count(), 8);
        assert!(pin_of(&first).chars().all(|c| ('۰'..='۹').contains(&c)));
        assert_eq!(p.registered().await, 1);
        // The letter is kept with the request, as a desk's attachment.
        let code_end = first.find("/receipt.pdf").expect("the receipt's link");
        let code = &first[code_end - 12..code_end];
        assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
        let view = p
            .svc
            .add_user(
                &p.admin,
                sanad_service::NewUser {
                    username: "reviewer".into(),
                    display_name: "بررسی".into(),
                    role: "reviewer".into(),
                    password: PASSWORD.into(),
                },
            )
            .await;
        assert!(view.is_ok());
        let reviewer = p.svc.login("reviewer", PASSWORD).await.expect("reviewer");
        let files = p.svc.request_files(&reviewer, code).await.expect("files");
        assert_eq!(files.len(), 1);
        // The receipt's PDF, for this session's form key only.
        let r = p
            .get(&format!(
                "/requests/{code}/receipt.pdf?form={key}&paper=80mm"
            ))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/pdf");
        let pdf = r.into_body().collect().await.expect("body").to_bytes();
        assert!(pdf.starts_with(b"%PDF"));
        let other = "0000000000000000000000000000000000000000000000000000000000000000";
        let r = p
            .get(&format!("/requests/{code}/receipt.pdf?form={other}"))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
);

on_both_backends!(
    a_refused_letter_or_a_missing_token_registers_nothing,
    |p: Portal| async move {
        let key = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        let r = p
            .post(&p.form(key, vec![letter(samples::pdf_with_script())]))
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = text(r).await;
        let message = after(&html, "id=\"letter\"", "error field-error");
        assert!(!message.is_empty(), "no error beside the file");
        assert_eq!(p.registered().await, 0);
        // Over the administrator's limit: refused before it is read whole.
        p.svc.set_scan_limit(&p.admin, "1").await.expect("limit");
        let big = vec![b'%'; 1024 * 1024 + 10];
        let r = p.post(&p.form(key, vec![letter(big)])).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = text(r).await;
        let message = after(&html, "id=\"letter\"", "error field-error");
        assert!(
            message.contains('۱') && message.contains("مگابایت"),
            "{message}"
        );
        assert_eq!(p.registered().await, 0);
        // Without the session's token: refused, nothing registered.
        let form = with(p.form(key, vec![]), "csrf", "forged");
        let r = p.post(&form).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(p.registered().await, 0);
    }
);

on_both_backends!(
    a_sent_back_request_is_corrected_and_resubmitted_from_its_page,
    |p: Portal| async move {
        let key = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        let first = text(p.post(&p.form(key, vec![])).await).await;
        let code_end = first.find("/receipt.pdf").expect("the receipt's link");
        let code = first[code_end - 12..code_end].to_owned();
        p.svc
            .add_user(
                &p.admin,
                sanad_service::NewUser {
                    username: "reviewer".into(),
                    display_name: "بررسی".into(),
                    role: "reviewer".into(),
                    password: PASSWORD.into(),
                },
            )
            .await
            .expect("reviewer");
        let reviewer = p.svc.login("reviewer", PASSWORD).await.expect("reviewer");
        use sanad_core::model::Action;
        // Not sent back yet: no correction form.
        assert!(!text(p.get(&format!("/requests/{code}")).await)
            .await
            .contains("/resubmit"));
        p.svc
            .act(&reviewer, &code, Action::StartReview, None, None)
            .await
            .expect("review");
        p.svc
            .act(
                &reviewer,
                &code,
                Action::SendBack,
                Some("شماره نامه ناخواناست"),
                None,
            )
            .await
            .expect("send back");
        let html = text(p.get(&format!("/requests/{code}")).await).await;
        assert!(html.contains("شماره نامه ناخواناست"));
        let version = hidden(&html, "version").expect("version");
        let form = |mobile: &str, version: &str| {
            vec![
                ("csrf", p.csrf.clone()),
                ("version", version.to_owned()),
                ("applicant_name", "علی رضایی".to_owned()),
                ("national_code", "0499370899".to_owned()),
                ("mobile", mobile.to_owned()),
                ("email", String::new()),
                ("letter_number", "۱۲۳/ص/اصلاحی".to_owned()),
                ("letter_date", "1404/08/01".to_owned()),
                ("purpose", "تنظیم قرارداد".to_owned()),
            ]
        };
        let post = |form: Vec<(&'static str, String)>| {
            let body: String = form
                .iter()
                .map(|(k, v)| format!("{k}={}", encode(v)))
                .collect::<Vec<_>>()
                .join("&");
            Request::post(format!("/requests/{code}/resubmit"))
                .header(header::COOKIE, &p.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request")
        };
        // A bad mobile: refused beside its field, still sent back.
        let r = p
            .app
            .clone()
            .oneshot(post(form("12", &version)))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = text(r).await;
        let message = after(&html, "id=\"mobile\"", "error field-error");
        assert!(!message.is_empty());
        // An old version: a conflict, nothing changed.
        let r = p
            .app
            .clone()
            .oneshot(post(form("09121234567", "1")))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::CONFLICT);
        // Corrected: back to submitted, the correction kept.
        let r = p
            .app
            .clone()
            .oneshot(post(form("09121234567", &version)))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let view = p.svc.request_by_code(&reviewer, &code).await.expect("view");
        assert_eq!(view.status, sanad_core::model::Status::Submitted);
        assert_eq!(view.letter.number, "۱۲۳/ص/اصلاحی");
        assert_eq!(
            view.history.last().map(|h| h.action.as_str()),
            Some("resubmit")
        );
        // Without the token: nothing.
        let mut forged = form("09121234567", &version);
        forged[0].1 = "forged".into();
        let r = p.app.clone().oneshot(post(forged)).await.expect("answer");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
);

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

on_both_backends!(
    a_complaint_about_its_own_request_is_filed_and_followed,
    |p: Portal| async move {
        let key = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
        let first = text(p.post(&p.form(key, vec![])).await).await;
        let code_end = first.find("/receipt.pdf").expect("the receipt's link");
        let code = first[code_end - 12..code_end].to_owned();
        let post = |form: Vec<(&'static str, String)>| {
            let body: String = form
                .iter()
                .map(|(k, v)| format!("{k}={}", encode(v)))
                .collect::<Vec<_>>()
                .join("&");
            Request::post("/complaints/new")
                .header(header::COOKIE, &p.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request")
        };
        let form = |mobile: &str, request: &str| {
            vec![
                ("csrf", p.csrf.clone()),
                ("kind", "complaint".to_owned()),
                ("request_code", request.to_owned()),
                ("name", "کارشناس اداره راه".to_owned()),
                ("mobile", mobile.to_owned()),
                ("email", String::new()),
                ("text", "پاسخی نرسیده است".to_owned()),
            ]
        };
        let r = p.get("/complaints/new").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert!(text(r).await.contains(&format!("value=\"{code}\"")));
        // No contact: refused beside the field, in Persian.
        let r = p
            .app
            .clone()
            .oneshot(post(form("", &code)))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = text(r).await;
        assert!(!after(&html, "id=\"mobile\"", "error field-error").is_empty());
        let r = p
            .app
            .clone()
            .oneshot(post(form("09121234567", &code)))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::OK);
        let html = text(r).await;
        assert!(html.contains("class=\"pin\""), "{html}");
        assert!(html.contains("پاسخی نرسیده است"));
        let start = html.find("class=\"code\"><bdi dir=\"ltr\">").expect("code") + 27;
        let grouped = &html[start..start + html[start..].find('<').expect("end")];
        let ccode: String = grouped
            .chars()
            .filter_map(|c| {
                c.to_digit(10)
                    .or_else(|| ('۰'..='۹').contains(&c).then(|| c as u32 - '۰' as u32))
            })
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        assert_eq!(ccode.len(), 12, "{grouped}");
        let r = p.get(&format!("/complaints/{ccode}")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = text(r).await;
        assert!(!page.contains("class=\"pin\""), "the PIN is shown once");
        // Another agency's request cannot be named.
        let r = p
            .app
            .clone()
            .oneshot(post(form("09121234567", "111122223333")))
            .await
            .expect("answer");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

on_both_backends!(
    a_read_only_window_refuses_the_forms_with_its_end_in_persian,
    |p: Portal| async move {
        let now = chrono::Utc::now();
        let window = sanad_service::NewNotice {
            kind: sanad_service::NoticeKind::Maintenance,
            text: "به‌روزرسانی سامانه".into(),
            starts: sanad_core::jalali::format_datetime_tehran(now - chrono::Duration::minutes(5)),
            ends: sanad_core::jalali::format_datetime_tehran(now + chrono::Duration::hours(2)),
            read_only: true,
        };
        let notice = p.svc.add_notice(&p.admin, window).await.expect("window");
        let until = sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa).digits(&notice.ends_jalali);
        // The notice is on every page, the form included.
        let html = text(p.get("/requests/new").await).await;
        assert!(html.contains("به‌روزرسانی سامانه"), "no notice on the form");
        let key = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd";
        let r = p.post(&p.form(key, vec![])).await;
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        let html = text(r).await;
        let alert = after(&html, "<main", "error\" role=\"alert");
        assert!(alert.contains(&until), "{alert} / {until}");
        assert!(!alert.chars().any(|c| c.is_ascii_digit()), "{alert}");
        // What was typed is kept for when the window ends; nothing registered.
        assert!(html.contains("value=\"۱۲۳/ص\""));
        assert_eq!(p.registered().await, 0);
    }
);
