//! What every portal test file needs first: a fresh, empty database on the backend asked for.

use sqlx::Connection;

/// A new database: a fresh PostgreSQL database on the test server (`SANAD_TEST_PG_URL`, which the
/// README's test command starts), or a SQLite file in a temporary folder kept alive by the
/// returned guard.
pub async fn fresh_database(postgres: bool) -> (String, Option<tempfile::TempDir>) {
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
