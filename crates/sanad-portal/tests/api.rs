//! The JSON API `/api/v1` over HTTP (tower's `oneshot` on the router), on a fresh SQLite file and
//! a fresh PostgreSQL database: bearer tokens (none, bad, revoked: 401), another agency's
//! request and an unknown code alike (404), invalid input naming its field in Persian or in
//! English (422), an idempotency key reused for another request (409), the per-token rate limit
//! (429), a read-only window (503), every call audited with the token's id, the hostile corpus
//! through the API, and the OpenAPI document covering every route.

mod common;

use axum::body::Body;
use axum::http::{header, Request, Response, StatusCode};
use http_body_util::BodyExt;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Actor, Applicant, AuditQuery, Letter, NewDocument, NewNotice, NewOrganization, NewRequest,
    NewUser, NoticeKind, Service,
};
use serde_json::{json, Value};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";

struct Api {
    app: axum::Router,
    svc: Service,
    admin: Actor,
    /// The token of the first agency, and its id.
    token: String,
    token_id: String,
    /// A request of the first agency (registered at a desk) and one of the second.
    code: String,
    other_code: String,
    third_party: String,
    _dir: Option<tempfile::TempDir>,
}

async fn api(postgres: bool) -> Api {
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
            display_name: "کارمند دبیرخانه".into(),
            role: "clerk".into(),
            password: PASSWORD.into(),
        },
    )
    .await
    .expect("clerk");
    let clerk = svc.login("clerk", PASSWORD).await.expect("clerk login");
    let mut orgs = Vec::new();
    for (name, kind) in [
        ("اداره کل راه و شهرسازی", "agency"),
        ("دانشگاه علوم پزشکی", "agency"),
        ("بانک ملی", "third_party"),
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
    // The first held for the first agency, the second for the other one.
    for (number, owner) in [("۱۴۰۰-۱", &orgs[0]), ("1400-2", &orgs[1])] {
        svc.add_document(
            &admin,
            NewDocument {
                registry_number: number.into(),
                title: format!("سند مالکیت {number}"),
                property_plate: None,
                location: None,
                organization_id: Some(owner.clone()),
            },
        )
        .await
        .expect("doc");
    }
    let doc = svc
        .list_documents(&admin, "")
        .await
        .expect("docs")
        .into_iter()
        .next()
        .expect("a doc")
        .id;
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
    let issued = svc
        .issue_portal_token(&admin, &orgs[0], "سامانهٔ اداره راه")
        .await
        .expect("token");
    let config = PortalConfig {
        trust_forwarded: false,
        secure_cookies: false,
    };
    Api {
        app: router(PortalState::new(svc.clone(), config)),
        svc,
        admin,
        token: issued.token,
        token_id: issued.id,
        code: mine.tracking_code.as_str().to_owned(),
        other_code: theirs.tracking_code.as_str().to_owned(),
        third_party: orgs[2].clone(),
        _dir: dir,
    }
}

macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(api(false).await).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(api(true).await).await
            }
        }
    };
}

impl Api {
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> (StatusCode, Value, Response<Body>) {
        let mut r = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        let body = match body {
            Some(b) => {
                r = r.header(header::CONTENT_TYPE, "application/json");
                Body::from(b.to_string())
            }
            None => Body::empty(),
        };
        let response = self
            .app
            .clone()
            .oneshot(r.body(body).expect("request"))
            .await
            .expect("answer");
        let status = response.status();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("body").to_bytes();
        let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, value, Response::from_parts(parts, Body::empty()))
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let (s, v, _) = self.call("GET", path, Some(&self.token), &[], None).await;
        (s, v)
    }

    fn new_request(&self) -> Value {
        json!({
            "documents": ["۱۴۰۰-۱"],
            "dispatch_mode": "electronic_copy",
            "applicant": {"name": "مریم احمدی", "national_code": "0499370899", "mobile": "09121234567"},
            "letter": {"number": "۴۵۶/د", "date": "1404/08/01"},
            "purpose": "تنظیم قرارداد اجاره",
        })
    }
}

/// The error body's parts, asserting it has the documented shape.
fn error_of(v: &Value) -> (&str, &str, Option<&str>, &str) {
    let e = &v["error"];
    (
        e["code"].as_str().expect("code"),
        e["messageId"].as_str().expect("messageId"),
        e["field"].as_str(),
        e["message"].as_str().expect("message"),
    )
}

fn persian(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

on_both_backends!(tokens_authenticate_their_agency_only, |a: Api| async move {
    // No token, a made-up one, a malformed header: 401 with a Persian message.
    let (s, v, _) = a.call("GET", "/api/v1/requests", None, &[], None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (code, id, _, message) = error_of(&v);
    assert_eq!((code, id), ("authentication_failed", "error-api-token"));
    assert!(persian(message), "{message}");
    let fake = format!("sanad_pt_{}", "0".repeat(64));
    let (s, _, _) = a
        .call("GET", "/api/v1/requests", Some(&fake), &[], None)
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = a
        .call(
            "GET",
            "/api/v1/requests",
            None,
            &[("authorization", "Basic eDp5")],
            None,
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    // Its own agency's requests only.
    let (s, v) = a.get("/api/v1/requests").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let codes: Vec<&str> = v["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .map(|r| r["tracking_code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, vec![a.code.as_str()]);
    assert_eq!(v["total"], 1);
    let (s, v) = a.get(&format!("/api/v1/requests/{}", a.code)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["status"], "submitted");
    assert_eq!(v["history"][0]["status"], "submitted");
    // The public history names no one: not the clerk who registered it.
    assert!(!v.to_string().contains("کارمند دبیرخانه"), "{v}");

    // Another agency's request and a code that names nothing: one and the same 404.
    let (s, theirs) = a.get(&format!("/api/v1/requests/{}", a.other_code)).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, nothing) = a.get("/api/v1/requests/358122904417").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(theirs, nothing);

    // The destinations: the third parties.
    let (s, v) = a.get("/api/v1/destinations").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["destinations"][0]["id"], a.third_party.as_str());

    // Revoked: 401 from the next call on, and the list says so.
    let revoked = a
        .svc
        .revoke_portal_token(&a.admin, &a.token_id)
        .await
        .expect("revoke");
    assert!(revoked.revoked);
    let (s, _) = a.get("/api/v1/requests").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let again = a.svc.revoke_portal_token(&a.admin, &a.token_id).await;
    assert!(
        matches!(again, Err(sanad_service::Error::Conflict { .. })),
        "{again:?}"
    );
    let listed = a.svc.list_portal_tokens(&a.admin).await.expect("list");
    assert!(listed.iter().all(|t| t.revoked));
    // The token's actor is nobody's account: not in the user lists.
    let users = a.svc.list_users(&a.admin).await.expect("users");
    assert!(users.iter().all(|u| !u.username.starts_with("token:")));
});

on_both_backends!(registering_through_the_api, |a: Api| async move {
    let key = [("idempotency-key", "api-test-key-0001")];
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &key,
            Some(a.new_request()),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let code = v["tracking_code"].as_str().expect("code").to_owned();
    assert_eq!(v["status"], "submitted");
    let pin = v["tracking_pin"].as_str().expect("pin");
    assert_eq!(pin.len(), 8);
    // A retry with the same key answers the same request and registers nothing more.
    let (s, again, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &key,
            Some(a.new_request()),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{again}");
    assert_eq!(again["tracking_code"], code.as_str());
    let (_, list) = a.get("/api/v1/requests").await;
    assert_eq!(list["total"], 2);
    // The same key for another letter: 409, nothing registered.
    let mut other = a.new_request();
    other["letter"]["number"] = json!("۷۸۹/د");
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &key,
            Some(other),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert_eq!(error_of(&v).1, "error-api-idempotency-reused");
    // The PIN works on the public lookup.
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/track",
            None,
            &[],
            Some(json!({"code": code, "pin": pin})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");

    // Invalid input names the field, in Persian, or in English when asked; nothing stored.
    let mut bad = a.new_request();
    bad["applicant"]["national_code"] = json!("123");
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &[],
            Some(bad.clone()),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (code_, _, field, message) = error_of(&v);
    assert_eq!(code_, "invalid_input");
    assert_eq!(field, Some("applicant.national_code"));
    assert!(persian(message), "{message}");
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &[("accept-language", "en-US,en;q=0.9,fa;q=0.5")],
            Some(bad),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let message = error_of(&v).3;
    assert!(!persian(message) && message.is_ascii(), "{message}");
    // An unknown registry number names `documents`; a body that is not JSON names `body`.
    let mut unknown = a.new_request();
    unknown["documents"] = json!(["9999-9"]);
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &[],
            Some(unknown),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&v).2, Some("documents"));
    // Another agency's document: the same answer as one the repository does not hold.
    let mut theirs = a.new_request();
    theirs["documents"] = json!(["1400-2"]);
    let (s, v2, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &[],
            Some(theirs),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        v2["error"]["messageId"], v["error"]["messageId"],
        "{v2} vs {v}"
    );
    let r = Request::post("/api/v1/requests")
        .header(header::AUTHORIZATION, format!("Bearer {}", a.token))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"documents\": [1,"))
        .expect("request");
    let response = a.app.clone().oneshot(r).await.expect("answer");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (s, v) = a.get("/api/v1/requests?per_page=0").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&v).2, Some("per_page"));
    let (_, list) = a.get("/api/v1/requests").await;
    assert_eq!(list["total"], 2, "nothing more was registered");

    // In a read-only window: reads still answer, changes 503 with the window's end in Persian.
    a.svc
        .add_notice(
            &a.admin,
            NewNotice {
                kind: NoticeKind::Maintenance,
                text: "به‌روزرسانی".into(),
                starts: "1400/01/01 00:00".into(),
                ends: "1499/01/01 00:00".into(),
                read_only: true,
            },
        )
        .await
        .expect("window");
    let (s, v, _) = a
        .call(
            "POST",
            "/api/v1/requests",
            Some(&a.token),
            &[],
            Some(a.new_request()),
        )
        .await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{v}");
    assert!(error_of(&v).3.contains("۱۴۹۹"), "{v}");
    let (s, _) = a.get("/api/v1/requests").await;
    assert_eq!(s, StatusCode::OK);
});

on_both_backends!(
    calls_are_limited_and_audited_by_token,
    |a: Api| async move {
        a.svc
            .set_api_rate_limit(&a.admin, 3, 60)
            .await
            .expect("limit");
        for _ in 0..3 {
            let (s, _) = a.get("/api/v1/destinations").await;
            assert_eq!(s, StatusCode::OK);
        }
        let (s, v, response) = a
            .call("GET", "/api/v1/destinations", Some(&a.token), &[], None)
            .await;
        assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{v}");
        assert_eq!(error_of(&v).0, "rate_limited");
        assert!(persian(error_of(&v).3));
        assert_eq!(response.headers()[header::RETRY_AFTER], "60");

        // Every call is in the audit log with the token's id, never its secret.
        a.svc.seal_audit().await.expect("seal");
        let auditor = {
            a.svc
                .add_user(
                    &a.admin,
                    NewUser {
                        username: "auditor".into(),
                        display_name: "بازرس".into(),
                        role: "auditor".into(),
                        password: PASSWORD.into(),
                    },
                )
                .await
                .expect("auditor");
            a.svc.login("auditor", PASSWORD).await.expect("login")
        };
        let entries = a
            .svc
            .audit_log(
                &auditor,
                AuditQuery {
                    limit: Some(500),
                    ..Default::default()
                },
            )
            .await
            .expect("audit");
        let text = serde_json::to_string(&entries).expect("json");
        assert!(!text.contains(&a.token), "the secret is never logged");
        let calls = entries
            .iter()
            .filter(|e| {
                e.action == "api.call" && e.entity_id.as_deref() == Some(a.token_id.as_str())
            })
            .count();
        assert_eq!(calls, 3, "{text}");
        assert!(entries.iter().any(|e| e.action == "api.limited"));
    }
);

on_both_backends!(hostile_strings_through_the_api, |a: Api| async move {
    let corpus: Vec<Value> = serde_json::from_str(include_str!(
        "../../sanad-service/tests/hostile/strings.json"
    ))
    .expect("corpus");
    for entry in corpus {
        let text = match (&entry["text"], &entry["repeat"]) {
            (Value::String(t), _) => t.clone(),
            (_, Value::String(r)) => r.repeat(entry["times"].as_u64().unwrap_or(1) as usize),
            _ => continue,
        };
        for field in ["purpose", "letter.number", "applicant.name"] {
            let mut body = a.new_request();
            match field {
                "purpose" => body["purpose"] = json!(text),
                "letter.number" => body["letter"]["number"] = json!(text),
                _ => body["applicant"]["name"] = json!(text),
            }
            // Past the portal's 64 KiB body limit the body itself is what is refused.
            let oversized = body.to_string().len() > 64 * 1024;
            let (s, v, _) = a
                .call("POST", "/api/v1/requests", Some(&a.token), &[], Some(body))
                .await;
            match s {
                StatusCode::CREATED => {
                    let code = v["tracking_code"].as_str().expect("code");
                    let (s, shown) = a.get(&format!("/api/v1/requests/{code}")).await;
                    assert_eq!(s, StatusCode::OK);
                    // JSON, never markup: the answer is application/json and parses.
                    assert!(shown.is_object());
                }
                StatusCode::UNPROCESSABLE_ENTITY => {
                    let (_, _, named, message) = error_of(&v);
                    let expected = if oversized { "body" } else { field };
                    assert_eq!(named, Some(expected), "{}: {v}", entry["name"]);
                    assert!(persian(message), "{message}");
                }
                other => panic!("{} in {field}: {other} {v}", entry["name"]),
            }
        }
        // In the path: a 404 JSON answer, never a 5xx.
        let path = format!(
            "/api/v1/requests/{}",
            text.bytes()
                .take(200)
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
        );
        let (s, v) = a.get(&path).await;
        assert!(s.is_client_error(), "{}: {s}", entry["name"]);
        assert!(v["error"]["message"].is_string(), "{v}");
    }
});

#[test]
fn the_openapi_document_describes_every_route() {
    let doc: Value = serde_json::from_str(sanad_portal::OPENAPI_DOCUMENT).expect("JSON");
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    let routes = sanad_portal::api_routes();
    for (method, path) in &routes {
        let op = &doc["paths"][path][method.as_str().to_ascii_lowercase()];
        assert!(op.is_object(), "{method} {path} is not in openapi.json");
        assert!(
            op["responses"].is_object(),
            "{method} {path} has no responses"
        );
    }
    // And nothing in the document that the router does not serve.
    let documented: usize = doc["paths"]
        .as_object()
        .expect("paths")
        .values()
        .map(|p| p.as_object().map(|o| o.len()).unwrap_or(0))
        .sum();
    assert_eq!(documented, routes.len());
}

#[tokio::test]
async fn the_openapi_document_is_served_as_json() {
    // No database needed for the document: a router over a throwaway SQLite file.
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("sanad.db").display());
    let svc = Service::connect(&url).await.expect("connect");
    let app = router(PortalState::new(
        svc,
        PortalConfig {
            trust_forwarded: false,
            secure_cookies: false,
        },
    ));
    let r = Request::get("/api/v1/openapi.json")
        .body(Body::empty())
        .expect("request");
    let response = app.oneshot(r).await.expect("answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/json; charset=utf-8"
    );
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    assert_eq!(bytes, sanad_portal::OPENAPI_DOCUMENT.as_bytes());
}

on_both_backends!(the_database_away_is_a_503_in_json, |a: Api| async move {
    // The pool closed under the portal: every call fails to reach the database.
    a.svc.close().await;
    for path in ["/api/v1/requests", "/api/v1/destinations"] {
        let (s, v) = a.get(path).await;
        assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE, "{path}: {v}");
        let (code, _, _, message) = error_of(&v);
        assert_eq!(code, "unavailable");
        assert!(persian(message), "{message}");
        // Never the database's own words.
        assert!(!message.to_lowercase().contains("pool"), "{message}");
    }
});
