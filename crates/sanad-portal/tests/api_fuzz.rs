//! A schema-driven fuzz of the JSON API: proptest draws cases, each one a route of the OpenAPI
//! document (`/api/v1/openapi.json`, read here, not restated) with a path, query, headers and a
//! body generated from the document's own parameters and schemas — valid values, values of the
//! wrong type or out of range, missing and unknown fields, the hostile corpus, raw bytes — and
//! sends it to the portal on a fresh SQLite file and a fresh PostgreSQL database. Whatever is
//! sent, the answer is never a 5xx, and every error is the documented JSON error body.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{
    Applicant, Letter, NewDocument, NewOrganization, NewRequest, NewUser, Service,
};
use serde_json::{json, Map, Value};
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";
const CASES: u32 = 400;

struct Target {
    app: axum::Router,
    token: String,
    code: String,
    pin: String,
    _dir: Option<tempfile::TempDir>,
}

async fn target(postgres: bool) -> Target {
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
    let clerk = svc.login("clerk", PASSWORD).await.expect("clerk");
    let org = svc
        .add_organization(
            &admin,
            NewOrganization {
                name: "اداره کل راه".into(),
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
                title: "سند".into(),
                property_plate: None,
                location: None,
                organization_id: Some(org.clone()),
            },
        )
        .await
        .expect("doc")
        .id;
    let registered = svc
        .register_request(
            &clerk,
            NewRequest {
                idempotency_key: None,
                requesting_org: org.clone(),
                destination_org: None,
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
                    number: "۱۲۳".into(),
                    date: "1404/08/01".into(),
                },
                purpose: "قرارداد".into(),
                priority: "normal".into(),
            },
        )
        .await
        .expect("register");
    // The fuzz is not about the rate limit: let every case through it.
    svc.set_api_rate_limit(&admin, 100_000, 60)
        .await
        .expect("limit");
    let token = svc
        .issue_portal_token(&admin, &org, "fuzz")
        .await
        .expect("token")
        .token;
    Target {
        app: router(PortalState::new(
            svc,
            PortalConfig {
                trust_forwarded: false,
                secure_cookies: false,
            },
        )),
        token,
        code: registered.tracking_code.as_str().to_owned(),
        pin: registered.tracking_pin.expect("pin"),
        _dir: dir,
    }
}

/// Strings worth sending anywhere: the hostile corpus, and a few of the domain's own.
fn corpus() -> Vec<String> {
    let entries: Vec<Value> = serde_json::from_str(include_str!(
        "../../sanad-service/tests/hostile/strings.json"
    ))
    .expect("corpus");
    let mut out: Vec<String> = entries
        .iter()
        .filter_map(|e| match (&e["text"], &e["repeat"]) {
            (Value::String(t), _) => Some(t.clone()),
            (_, Value::String(r)) => {
                Some(r.repeat(e["times"].as_u64().unwrap_or(1).min(300) as usize))
            }
            _ => None,
        })
        .collect();
    out.extend(
        [
            "",
            "0",
            "-1",
            "1",
            "۱۲",
            "99999999999999999999",
            "1400-1",
            "۱۴۰۴/۰۸/۰۱",
            "1404/13/40",
            "0499370899",
            "09121234567",
            "electronic_copy",
            "original",
            "urgent",
            "null",
            "true",
        ]
        .map(str::to_owned),
    );
    out
}

/// The schema `$ref` names, or the schema itself.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let path = r.trim_start_matches("#/").split('/');
            path.fold(doc, |v, key| &v[key])
        }
        None => schema,
    }
}

struct Gen<'a> {
    doc: &'a Value,
    rng: StdRng,
    strings: &'a [String],
}

impl Gen<'_> {
    fn string(&mut self) -> String {
        match self.rng.gen_range(0..4) {
            0 => (0..self.rng.gen_range(0..40))
                .map(|_| char::from(self.rng.gen_range(0x20u8..0x7f)))
                .collect(),
            _ => self.strings[self.rng.gen_range(0..self.strings.len())].clone(),
        }
    }

    /// Any JSON value at all (the wrong type for most schemas).
    fn anything(&mut self, depth: u32) -> Value {
        match self.rng.gen_range(0..7) {
            0 => Value::Null,
            1 => json!(self.rng.gen::<bool>()),
            2 => json!(self.rng.gen::<i64>()),
            3 => json!(self.rng.gen::<f64>() * 1e12),
            4 if depth < 3 => Value::Array((0..3).map(|_| self.anything(depth + 1)).collect()),
            5 if depth < 3 => {
                let mut m = Map::new();
                m.insert(self.string(), self.anything(depth + 1));
                Value::Object(m)
            }
            _ => json!(self.string()),
        }
    }

    /// A value for `schema`: usually of its shape, sometimes not.
    fn value(&mut self, schema: &Value, depth: u32) -> Value {
        let schema = resolve(self.doc, schema).clone();
        if depth > 4 || self.rng.gen_ratio(1, 12) {
            return self.anything(depth);
        }
        if let Some(choices) = schema["enum"].as_array() {
            if !choices.is_empty() && self.rng.gen_ratio(4, 5) {
                return choices[self.rng.gen_range(0..choices.len())].clone();
            }
        }
        match schema["type"].as_str() {
            Some("object") => {
                let mut m = Map::new();
                let required: Vec<&str> = schema["required"]
                    .as_array()
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if let Some(props) = schema["properties"].as_object() {
                    for (name, prop) in props {
                        let keep = if required.contains(&name.as_str()) {
                            9
                        } else {
                            5
                        };
                        if self.rng.gen_range(0..10) < keep {
                            m.insert(name.clone(), self.value(prop, depth + 1));
                        }
                    }
                }
                if self.rng.gen_ratio(1, 8) {
                    m.insert(self.string(), self.anything(depth + 1));
                }
                Value::Object(m)
            }
            Some("array") => {
                let most = if self.rng.gen_ratio(1, 10) { 30 } else { 4 };
                let n = self.rng.gen_range(0..most);
                Value::Array(
                    (0..n)
                        .map(|_| self.value(&schema["items"], depth + 1))
                        .collect(),
                )
            }
            Some("integer") => match self.rng.gen_range(0..3) {
                0 => json!(self.rng.gen_range(-5i64..200)),
                1 => json!(self.rng.gen::<i64>()),
                _ => json!(self.string()),
            },
            Some("boolean") => json!(self.rng.gen::<bool>()),
            _ => json!(self.string()),
        }
    }

    /// A parameter's value as text (a path, a query or a header).
    fn text(&mut self, schema: &Value) -> String {
        match self.value(schema, 3) {
            Value::String(s) => s,
            other => other.to_string(),
        }
    }
}

fn percent(text: &str) -> String {
    text.bytes()
        .take(300)
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A header value as it can travel: a value that is not a legal header cannot be sent at all,
/// so it goes percent-encoded.
fn sendable(value: &str) -> String {
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        value.to_owned()
    } else {
        percent(value)
    }
}

/// One case: the `op`-th operation of the document, drawn from `seed`.
fn request(doc: &Value, t: &Target, strings: &[String], op: usize, seed: u64) -> Request<Body> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            ops.push((path.clone(), method.to_ascii_uppercase(), operation.clone()));
        }
    }
    let (path, method, operation) = &ops[op % ops.len()];
    let mut g = Gen {
        doc,
        rng: StdRng::seed_from_u64(seed),
        strings,
    };
    let mut uri = path.clone();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    for param in operation["parameters"].as_array().into_iter().flatten() {
        let param = resolve(doc, param);
        let name = param["name"].as_str().expect("name");
        let value = if name == "code" && g.rng.gen_ratio(1, 3) {
            t.code.clone()
        } else {
            g.text(&param["schema"])
        };
        match param["in"].as_str() {
            Some("path") => uri = uri.replace(&format!("{{{name}}}"), &percent(&value)),
            Some("query") if g.rng.gen_ratio(2, 3) => {
                query.push(format!("{name}={}", percent(&value)))
            }
            Some("header") if g.rng.gen_ratio(2, 3) => headers.push((name.to_owned(), value)),
            _ => {}
        }
    }
    if !query.is_empty() {
        uri = format!("{uri}?{}", query.join("&"));
    }
    let mut r = Request::builder().method(method.as_str()).uri(&uri);
    match g.rng.gen_range(0..6) {
        0 => {}
        1 => r = r.header("authorization", sendable(&format!("Bearer {}", g.string()))),
        2 => r = r.header("authorization", sendable(&g.string())),
        _ => r = r.header("authorization", format!("Bearer {}", t.token)),
    }
    for (name, value) in headers {
        r = r.header(name, sendable(&value));
    }
    let body = match &operation["requestBody"]["content"]["application/json"]["schema"] {
        Value::Null => Body::empty(),
        schema => {
            r = r.header("content-type", "application/json");
            match g.rng.gen_range(0..10) {
                0 => Body::from(
                    (0..g.rng.gen_range(0..64))
                        .map(|_| g.rng.gen::<u8>())
                        .collect::<Vec<u8>>(),
                ),
                1 => Body::empty(),
                2 if path.ends_with("/track") => {
                    Body::from(json!({"code": t.code, "pin": t.pin}).to_string())
                }
                _ => Body::from(g.value(schema, 0).to_string()),
            }
        }
    };
    r.body(body).expect("a request")
}

fn fuzz(postgres: bool) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let t = runtime.block_on(target(postgres));
    let doc: Value = serde_json::from_str(sanad_portal::OPENAPI_DOCUMENT).expect("document");
    let strings = corpus();
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(0usize..64, any::<u64>()), |(op, seed)| {
            let r = request(&doc, &t, &strings, op, seed);
            let what = format!("{} {}", r.method(), r.uri());
            let (status, bytes) = runtime.block_on(async {
                let response = t.app.clone().oneshot(r).await.expect("answer");
                let status = response.status();
                let bytes = response
                    .into_body()
                    .collect()
                    .await
                    .expect("body")
                    .to_bytes();
                (status, bytes)
            });
            prop_assert!(!status.is_server_error(), "{what}: {status}");
            let body: Value = serde_json::from_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("{what}: {status}, not JSON: {e}")))?;
            if status.is_client_error() {
                prop_assert!(body["error"]["code"].is_string(), "{what}: {body}");
                prop_assert!(body["error"]["messageId"].is_string(), "{what}: {body}");
                prop_assert!(body["error"]["message"].is_string(), "{what}: {body}");
            } else {
                prop_assert!(
                    status == StatusCode::OK || status == StatusCode::CREATED,
                    "{what}: {status}"
                );
            }
            Ok(())
        })
        .expect("no case answered a 5xx or a body that is not the documented JSON");
}

#[test]
fn the_api_never_fails_on_sqlite() {
    fuzz(false);
}

#[test]
fn the_api_never_fails_on_postgres() {
    fuzz(true);
}
