//! Encryption at rest of the embedded database: someone with a copy of the desk's file finds no
//! client data in it, and a wrong key opens nothing (SQLite only: PostgreSQL is a server).

mod common;

use common::{fresh_db, Backend, Office};
use sanad_service::{DatabaseKey, Error, Service};

const NAME: &str = "زهرا احمدی‌نژاد";
const NATIONAL_CODE: &str = "0499370899";

/// Registers a request with a known applicant, then returns every byte on disk: the database
/// file and its write-ahead log, read while the desk still has them open.
async fn client_data_on_disk(key: Option<&DatabaseKey>) -> Vec<u8> {
    let db = fresh_db(Backend::Sqlite).await;
    let path = db.url.trim_start_matches("sqlite://").to_owned();
    let svc = Service::connect_with(&db.url, key, None)
        .await
        .expect("open");
    let o = Office::populate(svc, db).await;
    let mut new = o.request();
    new.applicant.name = NAME.into();
    new.applicant.national_code = NATIONAL_CODE.into();
    o.svc
        .register_request(&o.clerk, new)
        .await
        .expect("register");
    let mut bytes = std::fs::read(&path).expect("db file");
    bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
    assert!(bytes.len() > 4096, "nothing was written");
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_encrypted_file_and_its_wal_hold_no_client_data() {
    // The same check on a plain file finds the data: the check itself works.
    let plain = client_data_on_disk(None).await;
    assert!(contains(&plain, NATIONAL_CODE) && contains(&plain, NAME));

    let key = DatabaseKey::generate();
    let encrypted = client_data_on_disk(Some(&key)).await;
    for secret in [
        NATIONAL_CODE,
        NAME,
        "احمدی",
        "SQLite format 3",
        "tracking_code",
    ] {
        assert!(
            !contains(&encrypted, secret),
            "{secret} is readable in the encrypted file"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_or_missing_key_opens_nothing_and_changes_nothing() {
    let db = fresh_db(Backend::Sqlite).await;
    let path = db.url.trim_start_matches("sqlite://").to_owned();
    let key = DatabaseKey::generate();
    {
        let svc = Service::connect_with(&db.url, Some(&key), None)
            .await
            .expect("create");
        svc.init_admin("admin", "مدیر", common::PASSWORD)
            .await
            .expect("init");
        svc.close().await;
    }
    for wrong in [Some(DatabaseKey::generate()), None] {
        let res = Service::connect_with(&db.url, wrong.as_ref(), None).await;
        match res {
            Err(Error::NotPermitted { message_id, .. }) => {
                assert_eq!(message_id, "error-database-key-wrong")
            }
            Err(other) => panic!("expected a key error, got {other:?}"),
            Ok(_) => panic!("opened with the wrong key"),
        }
    }
    assert!(std::path::Path::new(&path).exists());
    let svc = Service::connect_with(&db.url, Some(&key), None)
        .await
        .expect("the right key opens it");
    assert!(
        svc.login("admin", common::PASSWORD).await.is_ok(),
        "and the data is there"
    );
}

#[test]
fn keys_are_random_hex_and_never_printed() {
    let a = DatabaseKey::generate();
    let b = DatabaseKey::generate();
    assert_ne!(a, b);
    assert_eq!(a.hex().len(), 64);
    assert_eq!(DatabaseKey::from_hex(a.hex()), Some(a.clone()));
    assert_eq!(DatabaseKey::from_hex("x'; DROP TABLE users; --"), None);
    assert!(!format!("{a:?}").contains(a.hex()));
}
