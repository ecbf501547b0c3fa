//! A new, empty database on the test PostgreSQL server (`SANAD_TEST_PG_URL`, started by the
//! README's test command), for a test's own desk.

use sqlx::Connection;

/// Creates `PREFIX_<uuid>` and returns its URL.
pub fn database_url(prefix: &str) -> String {
    let admin = std::env::var("SANAD_TEST_PG_URL")
        .expect("SANAD_TEST_PG_URL is not set: run the tests with the README's test command");
    let name = format!("{prefix}_{}", uuid::Uuid::now_v7().simple());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let mut conn = sqlx::PgConnection::connect(&admin).await.expect("connect");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create database");
    });
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    format!("{base}/{name}")
}
