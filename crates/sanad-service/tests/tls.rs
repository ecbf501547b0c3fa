//! PostgreSQL connections offer TLS: `sslmode=require` encrypts, `verify-full` also checks the
//! server's certificate (the test server's self-signed one, from SANAD_TEST_PG_CA).

mod common;

use common::{fresh_db, Backend};
use sanad_service::{Service, Store};

async fn uses_tls(svc: &Service) -> bool {
    let Store::Postgres(pool) = svc.store() else {
        panic!("postgres")
    };
    sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(pool)
        .await
        .expect("pg_stat_ssl")
}

fn with_params(url: &str, params: &str) -> String {
    // `localhost`, the name the test certificate is issued for.
    format!("{}?{params}", url.replace("127.0.0.1", "localhost"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sslmode_require_and_verify_full() {
    let db = fresh_db(Backend::Postgres).await;
    let ca =
        std::env::var("SANAD_TEST_PG_CA").expect("SANAD_TEST_PG_CA: run the README's test command");

    let plain = Service::connect(&with_params(&db.url, "sslmode=disable"))
        .await
        .expect("plain");
    assert!(
        !uses_tls(&plain).await,
        "the control connection is not encrypted"
    );

    let required = Service::connect(&with_params(&db.url, "sslmode=require"))
        .await
        .expect("require");
    assert!(uses_tls(&required).await);

    let verified = Service::connect(&with_params(
        &db.url,
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ))
    .await
    .expect("verify-full against the server's CA");
    assert!(uses_tls(&verified).await);

    // The system's public CAs did not issue the office server's certificate: refused.
    let wrong_ca = "/etc/ssl/certs/ca-certificates.crt";
    let refused = Service::connect(&with_params(
        &db.url,
        &format!("sslmode=verify-full&sslrootcert={wrong_ca}"),
    ))
    .await;
    assert!(
        refused.is_err(),
        "a certificate from an unknown CA was accepted"
    );
}
