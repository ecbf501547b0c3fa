//! `GET /.well-known/sanad-keys.json` serves the same key set as `sanad key public`, on both
//! backends, to anyone (no session), and a token signed with the key verifies against it.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::Service;
use sqlx::Connection;
use tower::ServiceExt;

const PASSWORD: &str = "correct-horse-9";

async fn database(postgres: bool) -> (String, Option<tempfile::TempDir>) {
    if postgres {
        let admin = std::env::var("SANAD_TEST_PG_URL")
            .expect("SANAD_TEST_PG_URL is not set: run the tests with the README's test command");
        let name = format!("sanad_test_{}", uuid::Uuid::now_v7().simple());
        let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create database");
        let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
        (format!("{base}/{name}"), None)
    } else {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("sanad.db").display());
        (url, Some(dir))
    }
}

async fn served_key_set(postgres: bool) {
    let (url, _dir) = database(postgres).await;
    let svc = Service::connect(&url).await.expect("connect");
    svc.init_admin("admin", "مسئول", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("admin");
    let app = router(PortalState::new(
        svc.clone(),
        PortalConfig {
            trust_forwarded: false,
            secure_cookies: false,
        },
    ));
    let get = || async {
        app.clone()
            .oneshot(
                Request::get("/.well-known/sanad-keys.json")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("answer")
    };
    let empty = get().await;
    assert_eq!(empty.status(), StatusCode::OK);
    let kid = svc.init_signing_key(&admin).await.expect("key");
    let answer = get().await;
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.headers()[header::CONTENT_TYPE], "application/json");
    let body = answer.into_body().collect().await.expect("body").to_bytes();
    let served = sanad_token::KeySet::from_json(std::str::from_utf8(&body).expect("utf-8"))
        .expect("a key set");
    assert_eq!(served, svc.published_keys().await.expect("keys"));
    assert_eq!(served.keys.len(), 1);
    assert_eq!(served.keys[0].kid, kid);
    assert!(served.keys[0].public().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    served_key_set(false).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    served_key_set(true).await
}
