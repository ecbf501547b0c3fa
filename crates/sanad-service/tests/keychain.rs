//! The real OS keychain (the Secret Service, started by the README's test command in a private
//! D-Bus session): a desk's database key lives there and only there.

mod common;

use common::PASSWORD;
use sanad_service::{Error, Keychain, SecretName, Service};

fn sqlite_url(dir: &tempfile::TempDir) -> (String, std::path::PathBuf) {
    let path = dir.path().join("desk.db");
    (format!("sqlite://{}", path.display()), path)
}

fn key_name(path: &std::path::Path) -> SecretName {
    SecretName::DatabaseKey(
        std::path::absolute(path)
            .expect("absolute")
            .display()
            .to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_desk_database_gets_a_key_in_the_keychain_and_reopens_with_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (url, path) = sqlite_url(&dir);
    let svc = Service::open(&url).await.expect("first run");
    svc.init_admin("admin", "مدیر", PASSWORD)
        .await
        .expect("init");
    svc.close().await;
    let stored = Keychain::get(&key_name(&path))
        .await
        .expect("keychain")
        .expect("a key was stored");
    assert_eq!(stored.len(), 64);
    let files: String = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| String::from_utf8_lossy(&std::fs::read(e.path()).unwrap_or_default()).into_owned())
        .collect();
    assert!(
        !files.contains(&stored),
        "the key must not be written next to the database"
    );
    let again = Service::open(&url).await.expect("second run");
    assert!(again.login("admin", PASSWORD).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_its_key_a_database_is_refused_not_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let (url, path) = sqlite_url(&dir);
    let svc = Service::open(&url).await.expect("first run");
    svc.init_admin("admin", "مدیر", PASSWORD)
        .await
        .expect("init");
    svc.close().await;
    let kept = Keychain::get(&key_name(&path))
        .await
        .expect("keychain")
        .expect("key");
    Keychain::delete(&key_name(&path)).await.expect("delete");
    let res = Service::open(&url).await;
    assert!(
        matches!(
            res,
            Err(Error::NotPermitted {
                message_id: "error-database-key-missing",
                ..
            })
        ),
        "{:?}",
        res.err()
    );
    assert_eq!(
        Keychain::get(&key_name(&path)).await.expect("keychain"),
        None,
        "no new key was made for an existing file"
    );
    // The file is the same database still: its own key opens it, the office is there.
    let key = sanad_service::DatabaseKey::from_hex(&kept).expect("hex");
    let same = Service::connect_with(&url, Some(&key), None)
        .await
        .expect("the original key still opens it");
    assert!(same.login("admin", PASSWORD).await.is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rekey_rotates_the_key_and_the_old_one_stops_working() {
    let dir = tempfile::tempdir().expect("dir");
    let (url, path) = sqlite_url(&dir);
    let svc = Service::open(&url).await.expect("first run");
    svc.init_admin("admin", "مدیر", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("login");
    let old = Keychain::get(&key_name(&path))
        .await
        .expect("keychain")
        .expect("key");
    svc.rekey(&admin).await.expect("rekey");
    let new = Keychain::get(&key_name(&path))
        .await
        .expect("keychain")
        .expect("key");
    assert_ne!(old, new);
    let old_key = sanad_service::DatabaseKey::from_hex(&old).expect("hex");
    assert!(
        Service::connect_with(&url, Some(&old_key), None)
            .await
            .is_err(),
        "the old key still opens it"
    );
    let reopened = Service::open(&url).await.expect("reopen with the new key");
    let admin = reopened.login("admin", PASSWORD).await.expect("data kept");
    let report = reopened.verify_audit(&admin).await.expect("verify");
    assert!(report.intact, "{report:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_passwords_are_kept_in_the_keychain() {
    let url = "postgres://desk_user@db.office.example:5432/sanad";
    Service::save_postgres_password(url, "s3cret-pass")
        .await
        .expect("save");
    let name = SecretName::PostgresPassword("desk_user@db.office.example:5432/sanad".into());
    assert_eq!(
        Keychain::get(&name).await.expect("get").as_deref(),
        Some("s3cret-pass")
    );
    Keychain::delete(&name).await.expect("delete");
    assert_eq!(Keychain::get(&name).await.expect("get"), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_can_be_sealed_with_the_keychain_backup_key() {
    let dir = tempfile::tempdir().expect("dir");
    let (url, _) = sqlite_url(&dir);
    let svc = Service::open(&url).await.expect("open");
    svc.init_admin("admin", "مدیر", PASSWORD)
        .await
        .expect("init");
    let admin = svc.login("admin", PASSWORD).await.expect("login");
    let sealed = svc
        .backup(&admin, sanad_service::BackupSecret::Keychain)
        .await
        .expect("backup");
    assert!(Keychain::get(&SecretName::BackupKey)
        .await
        .expect("get")
        .is_some());
    let other = tempfile::tempdir().expect("dir");
    let target = Service::connect(&sqlite_url(&other).0)
        .await
        .expect("target");
    let wrong = target
        .restore(
            &sealed,
            sanad_service::BackupSecret::Passphrase("not the key at all"),
        )
        .await;
    assert!(wrong.is_err());
    let report = target
        .restore(&sealed, sanad_service::BackupSecret::Keychain)
        .await
        .expect("restore");
    assert!(report.intact);
}
