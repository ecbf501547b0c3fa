//! Backups round-trip every record between backends, hold no readable client data, and refuse
//! the wrong passphrase, a damaged file and a database that is not empty.

mod common;

use common::{fresh_db, Backend, Office, PASSWORD};
use sanad_core::model::Action;
use sanad_service::{BackupSecret, Error, RequestView, SearchQuery, Service};

const PASSPHRASE: BackupSecret<'static> = BackupSecret::Passphrase("office backup passphrase");

async fn busy_office(b: Backend) -> (Office, Vec<RequestView>) {
    let o = Office::new(b).await;
    let mut views = Vec::new();
    for i in 0..3 {
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let r = o
            .svc
            .act(
                &o.reviewer,
                r.tracking_code.as_str(),
                Action::StartReview,
                None,
                None,
            )
            .await
            .expect("start");
        let r = if i > 0 {
            o.svc
                .act(
                    &o.reviewer,
                    r.tracking_code.as_str(),
                    Action::SendBack,
                    Some("مدارک ناقص"),
                    None,
                )
                .await
                .expect("send back")
        } else {
            r
        };
        views.push(r);
    }
    (o, views)
}

async fn round_trip(from: Backend, to: Backend) {
    let (o, views) = busy_office(from).await;
    let sealed = o.svc.backup(&o.admin, PASSPHRASE).await.expect("backup");
    let source_report = o.svc.verify_audit(&o.auditor).await.expect("verify");
    let source_users = o.svc.list_users(&o.admin).await.expect("users");

    let target_db = fresh_db(to).await;
    let target = Service::connect(&target_db.url).await.expect("target");
    target.restore(&sealed, PASSPHRASE).await.expect("restore");

    let admin = target
        .login("admin", PASSWORD)
        .await
        .expect("the same passwords work");
    let auditor = target.login("auditor", PASSWORD).await.expect("auditor");
    let reviewer = target.login("reviewer", PASSWORD).await.expect("reviewer");
    assert_eq!(
        target.list_users(&admin).await.expect("users"),
        source_users
    );
    for view in &views {
        let restored = target
            .request_by_code(&reviewer, view.tracking_code.as_str())
            .await
            .expect("request");
        let original = o
            .svc
            .request_by_code(&o.reviewer, view.tracking_code.as_str())
            .await
            .expect("request");
        assert_eq!(restored, original);
    }
    let all = target
        .search(&reviewer, SearchQuery::default())
        .await
        .expect("search");
    assert_eq!(all.items.len(), views.len());
    let report = target.verify_audit(&auditor).await.expect("verify");
    assert!(report.intact, "{report:?}");
    assert!(
        report.entries >= source_report.entries,
        "{report:?} vs {source_report:?}"
    );
    // Tracking codes stay one namespace: the restored office keeps working.
    let clerk = target.login("clerk", PASSWORD).await.expect("clerk");
    target
        .register_request(&clerk, o.request())
        .await
        .expect("new request after restore");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_to_office_server() {
    round_trip(Backend::Sqlite, Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn office_server_to_embedded() {
    round_trip(Backend::Postgres, Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_is_unreadable_and_refuses_what_it_should() {
    let (o, _) = busy_office(Backend::Sqlite).await;
    let sealed = o.svc.backup(&o.admin, PASSPHRASE).await.expect("backup");
    for plain in ["0499370899", "علی رضایی", "clerk", "argon2id"] {
        assert!(
            !sealed.windows(plain.len()).any(|w| w == plain.as_bytes()),
            "{plain} readable in the backup"
        );
    }
    let denied = o.svc.backup(&o.clerk, PASSPHRASE).await;
    assert!(matches!(denied, Err(Error::NotPermitted { .. })));
    let short = o
        .svc
        .backup(&o.admin, BackupSecret::Passphrase("short"))
        .await;
    assert!(matches!(short, Err(Error::Invalid { ref field, .. }) if field == "passphrase"));

    let empty = fresh_db(Backend::Sqlite).await;
    let target = Service::connect(&empty.url).await.expect("target");
    let wrong = target
        .restore(&sealed, BackupSecret::Passphrase("another passphrase"))
        .await;
    assert!(
        matches!(
            wrong,
            Err(Error::Invalid {
                message_id: "error-backup-wrong-secret",
                ..
            })
        ),
        "{wrong:?}"
    );
    let mut damaged = sealed.clone();
    damaged[100] ^= 0x40;
    assert!(target.restore(&damaged, PASSPHRASE).await.is_err());
    assert!(
        target.needs_first_admin().await.expect("empty"),
        "a failed restore leaves the database empty"
    );
    // Into a database that already has an office: refused.
    let busy = o.svc.restore(&sealed, PASSPHRASE).await;
    assert!(
        matches!(
            busy,
            Err(Error::NotPermitted {
                message_id: "error-restore-needs-empty-database",
                ..
            })
        ),
        "{busy:?}"
    );
    target
        .restore(&sealed, PASSPHRASE)
        .await
        .expect("the right passphrase restores");
}
