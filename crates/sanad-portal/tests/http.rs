//! The portal over HTTP, without a listener (tower's `oneshot` on the router), on a fresh SQLite
//! file and a fresh PostgreSQL database: the headers on every route, the cookies, CSRF refusals
//! that change nothing, session fixation, the lookup API's answers, another agency's requests
//! kept out of the list, hostile input shown escaped.

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Applicant, Letter, NewAgencyUser, NewDocument, NewOrganization, NewRequest, NewUser, Service,
};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";
const CSP: &str = "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

struct Portal {
    app: axum::Router,
    svc: Service,
    code: String,
    pin: String,
    other_code: String,
    url: String,
    _dir: Option<tempfile::TempDir>,
}

async fn portal(postgres: bool) -> Portal {
    let (url, dir) = common::fresh_database(postgres).await;
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
    let doc = svc
        .add_document(
            &admin,
            NewDocument {
                registry_number: "۱۴۰۰-۱".into(),
                title: "سند مالکیت پلاک ۱".into(),
                property_plate: None,
                location: None,
                organization_id: Some(orgs[0].clone()),
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
            organization_id: orgs[0].clone(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("officer");
    let request = |org: &str| NewRequest {
        idempotency_key: None,
        requesting_org: org.to_owned(),
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
    };
    let mine = svc
        .register_request(&clerk, request(&orgs[0]))
        .await
        .expect("register");
    let theirs = svc
        .register_request(&clerk, request(&orgs[1]))
        .await
        .expect("register other");
    let config = PortalConfig {
        trust_forwarded: false,
        secure_cookies: false,
    };
    Portal {
        app: router(PortalState::new(svc.clone(), config)),
        svc,
        code: mine.tracking_code.as_str().to_owned(),
        pin: mine.tracking_pin.expect("pin"),
        other_code: theirs.tracking_code.as_str().to_owned(),
        url,
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

impl Portal {
    async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.app.clone().oneshot(request).await.expect("answer")
    }

    async fn get(&self, path: &str, cookie: &str) -> Response<Body> {
        let mut r = Request::get(path);
        if !cookie.is_empty() {
            r = r.header(header::COOKIE, cookie);
        }
        self.send(r.body(Body::empty()).expect("request")).await
    }

    async fn post_form(&self, path: &str, cookie: &str, form: &[(&str, &str)]) -> Response<Body> {
        let body: String = form
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut r =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if !cookie.is_empty() {
            r = r.header(header::COOKIE, cookie);
        }
        self.send(r.body(Body::from(body)).expect("request")).await
    }

    async fn post_json(&self, path: &str, lang: &str, body: serde_json::Value) -> Response<Body> {
        let r = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT_LANGUAGE, lang)
            .body(Body::from(body.to_string()))
            .expect("request");
        self.send(r).await
    }

    /// Signs the officer in through the form; answers the session cookie's `name=value`.
    async fn sign_in(&self, extra_cookie: &str) -> String {
        let (form_cookie, token) = self.form_token().await;
        let cookie = [form_cookie.as_str(), extra_cookie]
            .iter()
            .filter(|c| !c.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("; ");
        let r = self
            .post_form(
                "/login",
                &cookie,
                &[
                    ("csrf", &token),
                    ("username", "officer"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        set_cookie(&r, "sanad_session").expect("a session cookie")
    }

    /// The pre-session form cookie (`name=value`) and the token the form carries.
    async fn form_token(&self) -> (String, String) {
        let r = self.get("/login", "").await;
        let cookie = set_cookie(&r, "sanad_form").expect("form cookie");
        let html = text(r).await;
        let token = hidden(&html, "csrf").expect("token in form");
        (cookie, token)
    }
}

fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `name=value` of the response's `Set-Cookie` for `name`.
fn set_cookie(r: &Response<Body>, name: &str) -> Option<String> {
    set_cookie_line(r, name).map(|line| line.split(';').next().unwrap_or("").to_owned())
}

fn set_cookie_line(r: &Response<Body>, name: &str) -> Option<String> {
    r.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

fn hidden(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

async fn text(r: Response<Body>) -> String {
    let bytes = r.into_body().collect().await.expect("body").to_bytes();
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn header_of<'a>(r: &'a Response<Body>, name: &str) -> &'a str {
    r.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

on_both_backends!(
    every_route_answers_with_the_security_headers,
    |p: Portal| async move {
        let code = p.code.clone();
        let json = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": code, "pin": "1"}),
            )
            .await;
        let mut answers = vec![("api", json)];
        for path in [
            "/",
            "/login",
            "/requests",
            "/password",
            "/style.css",
            "/fonts/Vazirmatn-Regular.woff2",
            "/no-such-page",
            "/?lang=en",
        ] {
            answers.push((path, p.get(path, "").await));
        }
        for (path, r) in &answers {
            assert_eq!(header_of(r, "content-security-policy"), CSP, "{path}");
            assert_eq!(header_of(r, "x-content-type-options"), "nosniff", "{path}");
            assert_eq!(header_of(r, "x-frame-options"), "DENY", "{path}");
            assert_eq!(header_of(r, "referrer-policy"), "no-referrer", "{path}");
            let cache = header_of(r, "cache-control");
            if path.starts_with("/fonts") || *path == "/style.css" {
                assert!(cache.starts_with("public"), "{path}: {cache}");
            } else {
                assert_eq!(cache, "no-store", "{path}");
            }
        }
        let (_, front) = answers.iter().find(|(p, _)| *p == "/").expect("front");
        assert_eq!(front.status(), StatusCode::OK);
        let (_, missing) = answers
            .iter()
            .find(|(p, _)| *p == "/no-such-page")
            .expect("404");
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let (_, protected) = answers
            .iter()
            .find(|(p, _)| *p == "/requests")
            .expect("requests");
        assert_eq!(protected.status(), StatusCode::SEE_OTHER);
        let (_, english) = answers.iter().find(|(p, _)| *p == "/?lang=en").expect("en");
        assert!(set_cookie(english, "sanad_lang").is_some_and(|c| c == "sanad_lang=en"));
        // Persian, right to left, by default; no script anywhere; English when chosen.
        let html = text(p.get("/", "").await).await;
        assert!(html.contains(r#"<html lang="fa" dir="rtl">"#), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("style="), "{html}");
        let html = text(p.get("/", "sanad_lang=en").await).await;
        assert!(html.contains(r#"<html lang="en" dir="ltr">"#), "{html}");
    }
);

on_both_backends!(
    signing_in_makes_a_new_session_and_never_adopts_one,
    |p: Portal| async move {
        // An attacker plants a session id of their choosing before the officer signs in.
        let planted =
            "sanad_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        let (form_cookie, token) = p.form_token().await;
        let r = p
            .post_form(
                "/login",
                &format!("{form_cookie}; {planted}"),
                &[
                    ("csrf", &token),
                    ("username", "officer"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(header_of(&r, "location"), "/requests");
        let line = set_cookie_line(&r, "sanad_session").expect("session cookie");
        assert!(
            line.contains("HttpOnly") && line.contains("SameSite=Strict"),
            "{line}"
        );
        assert!(!line.contains("Secure"), "plain loopback: {line}");
        let session = line.split(';').next().expect("pair").to_owned();
        assert_ne!(session, planted);
        // The planted id opens nothing; the new one opens the agency's own requests only.
        assert_eq!(
            p.get("/requests", planted).await.status(),
            StatusCode::SEE_OTHER
        );
        let r = p.get("/requests", &session).await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = text(r).await;
        let grouped = |code: &str| {
            sanad_i18n::to_persian_digits(&format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..]))
        };
        assert!(html.contains(&grouped(&p.code)), "{html}");
        assert!(
            !html.contains(&grouped(&p.other_code)),
            "another agency's request: {html}"
        );
        assert!(html.contains("اداره کل راه و شهرسازی"));
        assert!(!html.contains("رضایی"), "no applicant's name in the list");
        // Signing out ends it.
        let csrf = hidden(&html, "csrf").expect("sign-out token");
        let r = p.post_form("/logout", &session, &[("csrf", &csrf)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            p.get("/requests", &session).await.status(),
            StatusCode::SEE_OTHER
        );
        // Staff cannot sign in on the portal.
        let (form_cookie, token) = p.form_token().await;
        let r = p
            .post_form(
                "/login",
                &form_cookie,
                &[
                    ("csrf", &token),
                    ("username", "clerk"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert!(set_cookie(&r, "sanad_session").is_none());
    }
);

on_both_backends!(
    a_form_without_its_token_changes_nothing,
    |p: Portal| async move {
        // Sign-in without the form's token: refused, no session.
        let r = p
            .post_form(
                "/login",
                "",
                &[("username", "officer"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(set_cookie(&r, "sanad_session").is_none());
        assert!(text(r).await.contains("چیزی ثبت نشد"));
        // A token from another browser (cookie and field disagree): refused too.
        let (_, token) = p.form_token().await;
        let (other_cookie, _) = p.form_token().await;
        let r = p
            .post_form(
                "/login",
                &other_cookie,
                &[
                    ("csrf", &token),
                    ("username", "officer"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        // Signed in, a password change without the session's token: refused, password unchanged.
        let session = p.sign_in("").await;
        let r = p
            .post_form(
                "/password",
                &session,
                &[
                    ("current", PASSWORD),
                    ("new", "another-horse-10"),
                    ("repeat", "another-horse-10"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert!(p.svc.portal_login("officer", PASSWORD).await.is_ok());
        assert!(p
            .svc
            .portal_login("officer", "another-horse-10")
            .await
            .is_err());
        // Sign-out without the token: refused, the session still open.
        let r = p.post_form("/logout", &session, &[("csrf", "wrong")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(p.get("/requests", &session).await.status(), StatusCode::OK);
    }
);

on_both_backends!(
    the_lookup_api_answers_alike_for_wrong_pin_and_unknown_code,
    |p: Portal| async move {
        let code = p.code.clone();
        let r = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": code, "pin": p.pin}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let body: serde_json::Value = serde_json::from_str(&text(r).await).expect("json");
        assert_eq!(body["state"], "submitted");
        assert_eq!(body["stateText"], "درخواست ثبت شده و در نوبت بررسی است.");
        assert!(!body.to_string().contains("رضایی"));
        let wrong = if p.pin == "12345678" {
            "87654321"
        } else {
            "12345678"
        };
        let unknown = sanad_service::TrackingCode::generate_secure();
        let by_pin = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": code, "pin": wrong}),
            )
            .await;
        let by_code = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": unknown.as_str(), "pin": p.pin}),
            )
            .await;
        assert_eq!(by_pin.status(), StatusCode::NOT_FOUND);
        assert_eq!(by_code.status(), StatusCode::NOT_FOUND);
        let (a, b) = (text(by_pin).await, text(by_code).await);
        assert_eq!(a, b, "the same answer");
        let body: serde_json::Value = serde_json::from_str(&a).expect("json");
        assert_eq!(body["error"]["code"], "not_found");
        assert_eq!(body["error"]["messageId"], "error-track-no-match");
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("رمز پیگیری")));
        // English when asked.
        let r = p
            .post_json(
                "/api/v1/track",
                "en-US,en;q=0.9",
                serde_json::json!({"code": code, "pin": wrong}),
            )
            .await;
        let body: serde_json::Value = serde_json::from_str(&text(r).await).expect("json");
        assert!(body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("No request")));
        // Not JSON: 422 naming the body.
        let r = p
            .send(
                Request::post("/api/v1/track")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from("{not json"))
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Three more wrong PINs make five for this code: locked, 429, saying until when in Persian.
        for _ in 0..2 {
            p.post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": code, "pin": wrong}),
            )
            .await;
        }
        let r = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": code, "pin": wrong}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        let body: serde_json::Value = serde_json::from_str(&text(r).await).expect("json");
        let message = body["error"]["message"]
            .as_str()
            .expect("message")
            .to_owned();
        assert!(message.contains("۱۴"), "{message}");
        assert!(!message.chars().any(|c| c.is_ascii_digit()), "{message}");
    }
);

on_both_backends!(hostile_input_is_shown_escaped, |p: Portal| async move {
    let (cookie, token) = p.form_token().await;
    let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
    let r = p
        .post_form(
            "/",
            &cookie,
            &[("csrf", &token), ("code", hostile), ("pin", "1")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = text(r).await;
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(
        html.contains("&lt;script&gt;") || html.contains("&#60;script&#62;"),
        "{html}"
    );
    // The right code and PIN through the page: the state in Persian.
    let r = p
        .post_form(
            "/",
            &cookie,
            &[("csrf", &token), ("code", &p.code), ("pin", &p.pin)],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = text(r).await;
    assert!(
        html.contains("درخواست ثبت شده و در نوبت بررسی است."),
        "{html}"
    );
});

on_both_backends!(
    another_agencys_request_is_not_found,
    |p: Portal| async move {
        let session = p.sign_in("").await;
        let r = p.get(&format!("/requests/{}", p.code), &session).await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = text(r).await;
        assert!(
            html.contains("درخواست ثبت شده و در نوبت بررسی است."),
            "{html}"
        );
        assert!(!html.contains("کارمند"), "no staff name: {html}");
        assert!(!html.contains("رضایی"), "no applicant's name: {html}");
        let theirs = p
            .get(&format!("/requests/{}", p.other_code), &session)
            .await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
        let unknown = sanad_service::TrackingCode::generate_secure();
        let nothing = p
            .get(&format!("/requests/{}", unknown.as_str()), &session)
            .await;
        assert_eq!(nothing.status(), StatusCode::NOT_FOUND);
        // The same page for both (but the code in the language link): nothing tells another
        // agency's request from no request.
        let a = text(theirs).await.replace(&p.other_code, "CODE");
        let b = text(nothing).await.replace(unknown.as_str(), "CODE");
        assert_eq!(a, b);
        assert!(a.contains("پیدا نشد"), "{a}");
        let garbage = p.get("/requests/%3Cb%3Ex%3C%2Fb%3E", &session).await;
        assert_eq!(garbage.status(), StatusCode::NOT_FOUND);
    }
);

/// Takes the portal's database away as a failure would, and gives it back: the SQLite file moved
/// aside (as a desk meets a moved file), or the PostgreSQL database closed to connections with
/// the portal's sessions ended (as a server restart meets it; the test server is shared, so it is
/// not stopped here — the browser suite stops it).
async fn database_away(p: &Portal, away: bool) {
    use sqlx::Connection;
    if let Some(sqlite) = p.url.strip_prefix("sqlite://") {
        let (file, aside) = (sqlite.to_owned(), format!("{sqlite}.aside"));
        let (from, to) = if away { (file, aside) } else { (aside, file) };
        std::fs::rename(from, to).expect("move the file");
        return;
    }
    let (base, name) = p.url.rsplit_once('/').expect("a database name");
    let mut conn = sqlx::PgConnection::connect(&format!("{base}/postgres"))
        .await
        .expect("connect to the server");
    let allow = if away { "false" } else { "true" };
    sqlx::query(&format!(
        "ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {allow}"
    ))
    .execute(&mut conn)
    .await
    .expect("alter database");
    if away {
        sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
            .bind(name)
            .execute(&mut conn)
            .await
            .expect("end the portal's sessions");
    }
}

on_both_backends!(
    the_database_away_is_a_persian_page_and_the_portal_recovers_by_itself,
    |p: Portal| async move {
        let session = p.sign_in("").await;
        let page = format!("/requests/{}", p.code);
        assert_eq!(p.get(&page, &session).await.status(), StatusCode::OK);

        database_away(&p, true).await;
        for path in [page.as_str(), "/requests"] {
            let r = p.get(path, &session).await;
            assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
            assert_eq!(
                header_of(&r, "content-security-policy"),
                CSP,
                "the fault page keeps the headers"
            );
            let html = text(r).await;
            assert!(html.contains("lang=\"fa\" dir=\"rtl\""), "{html}");
            assert!(
                html.contains("سامانه هم‌اکنون به پایگاه داده دسترسی ندارد"),
                "{path}: {html}"
            );
            for raw in [
                "sqlx",
                "pool",
                "error returned",
                "SQLITE",
                "database file",
                "postgres",
            ] {
                assert!(!html.contains(raw), "{path} shows {raw:?}: {html}");
            }
        }
        let r = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": p.code, "pin": p.pin}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);

        // Back: the same session and the same lookup work again, with no restart of the portal.
        database_away(&p, false).await;
        let mut back = StatusCode::SERVICE_UNAVAILABLE;
        for _ in 0..50 {
            back = p.get(&page, &session).await.status();
            if back == StatusCode::OK {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(back, StatusCode::OK, "the portal recovers by itself");
        let r = p
            .post_json(
                "/api/v1/track",
                "fa",
                serde_json::json!({"code": p.code, "pin": p.pin}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
);
