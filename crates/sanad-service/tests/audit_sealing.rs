//! The audit chain off the writers' path (ARCHITECTURE.md, "The audit log"): writes queue their
//! entries, one sealer at a time chains them in batches, `verify_audit` says how far the log is
//! sealed and checks the queue, and the queue refuses to be changed. On both backends.

mod common;

use std::time::{Duration, Instant};

use common::{Backend, Office};
use sanad_core::model::Action;
use sanad_service::Store;
use sqlx::ConnectOptions;

/// Runs `statements` on one connection of the service's own pool, in order, as someone with the
/// database would; answers which of them failed.
async fn on_one_connection(o: &Office, statements: &[&str]) -> Vec<bool> {
    let mut failed = Vec::new();
    match o.svc.store() {
        Store::Sqlite(pool) => {
            let mut conn = pool.acquire().await.expect("connection");
            for sql in statements {
                failed.push(sqlx::query(sql).execute(&mut *conn).await.is_err());
            }
        }
        Store::Postgres(pool) => {
            let mut conn = pool.acquire().await.expect("connection");
            for sql in statements {
                failed.push(sqlx::query(sql).execute(&mut *conn).await.is_err());
            }
        }
    }
    failed
}

/// A queued entry as a write would make it (its own hash does not matter for the guards).
const QUEUE_ONE: &str = "INSERT INTO audit_pending (at, user_id, action, entity, entity_id, \
    detail, entry_hash) VALUES (1, NULL, 'test.entry', 'test', NULL, '{}', 'x')";

on_both_backends!(
    writes_are_sealed_in_order_and_verified,
    |b: Backend| async move {
        let o = Office::new(b).await;
        let mut codes = Vec::new();
        for _ in 0..5 {
            let r = o
                .svc
                .register_request(&o.clerk, o.request())
                .await
                .expect("register");
            codes.push(r.tracking_code.as_str().to_owned());
        }
        for code in &codes {
            o.svc
                .act(&o.reviewer, code, Action::StartReview, None, None)
                .await
                .expect("start review");
        }
        o.svc.seal_audit().await.expect("seal");
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
        assert_eq!(report.pending, 0, "{report:?}");
        assert_eq!(report.sealed, report.entries, "{report:?}");

        // Nobody calls the sealer: the service's own seals within moments.
        let before = report.sealed;
        o.svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
            assert!(report.intact, "{report:?}");
            if report.pending == 0 && report.sealed > before {
                break;
            }
            assert!(Instant::now() < until, "nothing sealed it: {report:?}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
);

on_both_backends!(
    a_queued_entry_cannot_be_changed_or_deleted,
    |b: Backend| async move {
        let o = Office::new(b).await;
        // One uncommitted transaction: no sealer sees the entry, so it stays queued throughout.
        let sqlite = matches!(o.svc.store(), Store::Sqlite(_));
        let (begin, update, delete, end) = match sqlite {
            true => (
                "BEGIN IMMEDIATE",
                "UPDATE audit_pending SET action = 'changed'",
                "DELETE FROM audit_pending",
                "ROLLBACK",
            ),
            // PostgreSQL ends a transaction at its first error: each attempt in a savepoint.
            false => (
                "BEGIN",
                "SAVEPOINT a; UPDATE audit_pending SET action = 'changed'",
                "ROLLBACK TO a; DELETE FROM audit_pending",
                "ROLLBACK",
            ),
        };
        let failed = on_one_connection(&o, &[begin, QUEUE_ONE, update, delete, end]).await;
        assert_eq!(
            failed,
            [false, false, true, true, false],
            "update and delete of a queued entry must be refused"
        );
    }
);

on_both_backends!(
    a_changed_or_stale_queue_fails_verification,
    |b: Backend| async move {
        let o = Office::new(b).await;
        o.svc.seal_audit().await.expect("seal");
        // An entry queued long ago whose sealer never came (its hash is right), then one that
        // was changed after it was queued (its hash is not). Both stay queued: the test holds
        // the sealer's lock (PostgreSQL) or the file's write lock (SQLite) meanwhile.
        let old = o.svc.now().timestamp_micros() - 11 * 60 * 1_000_000;
        let fields = serde_json::json!([old, null, "test.entry", "test", null, "{}"]);
        let hash = {
            use sha2::{Digest, Sha256};
            let mut h = Sha256::new();
            h.update(b"sanad-audit-entry\n");
            h.update(fields.to_string().as_bytes());
            hex::encode(h.finalize())
        };
        let stale = format!(
            "INSERT INTO audit_pending (at, user_id, action, entity, entity_id, detail, \
             entry_hash) VALUES ({old}, NULL, 'test.entry', 'test', NULL, '{{}}', '{hash}')"
        );
        let sqlite = matches!(o.svc.store(), Store::Sqlite(_));
        // The sealer's advisory lock on PostgreSQL is SEALER in store/ops/write_postgres.rs.
        let (hold, release) = match sqlite {
            true => ("BEGIN IMMEDIATE", "ROLLBACK"),
            false => (
                "SELECT pg_advisory_lock(91539950879746)",
                "SELECT pg_advisory_unlock(91539950879746)",
            ),
        };
        let check = |report: &sanad_service::AuditReport| (report.intact, report.problem.clone());
        match o.svc.store() {
            Store::Sqlite(pool) => {
                let mut conn = pool.acquire().await.expect("connection");
                sqlx::query(&stale)
                    .execute(&mut *conn)
                    .await
                    .expect("queue");
                sqlx::query(hold).execute(&mut *conn).await.expect("hold");
                let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
                assert_eq!(
                    check(&report),
                    (false, Some("unsealed".into())),
                    "{report:?}"
                );
                assert_eq!(report.pending, 1);
                sqlx::query(release)
                    .execute(&mut *conn)
                    .await
                    .expect("release");
            }
            Store::Postgres(pool) => {
                let mut conn = pool.acquire().await.expect("connection");
                sqlx::query(hold).execute(&mut *conn).await.expect("hold");
                sqlx::query(&stale)
                    .execute(&mut *conn)
                    .await
                    .expect("queue");
                let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
                assert_eq!(
                    check(&report),
                    (false, Some("unsealed".into())),
                    "{report:?}"
                );
                assert_eq!(report.pending, 1);
                // Changed while queued, by someone who can switch the guard off.
                for sql in [
                    "ALTER TABLE audit_pending DISABLE TRIGGER audit_pending_guard",
                    "UPDATE audit_pending SET detail = '{\"changed\":true}'",
                ] {
                    sqlx::query(sql).execute(&mut *conn).await.expect(sql);
                }
                let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
                assert_eq!(
                    check(&report),
                    (false, Some("pending_hash".into())),
                    "{report:?}"
                );
                sqlx::query(release)
                    .execute(&mut *conn)
                    .await
                    .expect("release");
            }
        }
        // Once sealed, the chain covers the entries as they are, and is intact.
        o.svc.seal_audit().await.expect("seal");
        let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
        assert!(report.intact, "{report:?}");
        assert_eq!(report.pending, 0);
    }
);

/// On PostgreSQL no write waits for the chain: with the audit head locked by someone else, desks
/// still register and act (their entries wait in the queue), and the sealer catches up after.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_writes_never_wait_for_the_audit_head() {
    let o = Office::new(Backend::Postgres).await;
    let Store::Postgres(pool) = o.svc.store() else {
        unreachable!("a PostgreSQL office")
    };
    let mut holder = pool.acquire().await.expect("connection");
    for sql in ["BEGIN", "LOCK TABLE audit_head IN ACCESS EXCLUSIVE MODE"] {
        sqlx::query(sql).execute(&mut *holder).await.expect(sql);
    }
    let write = async {
        let r = o
            .svc
            .register_request(&o.clerk, o.request())
            .await
            .expect("register");
        o.svc
            .act(
                &o.reviewer,
                r.tracking_code.as_str(),
                Action::StartReview,
                None,
                None,
            )
            .await
            .expect("start review");
    };
    tokio::time::timeout(Duration::from_secs(10), write)
        .await
        .expect("a write waited for the audit head");
    sqlx::query("ROLLBACK")
        .execute(&mut *holder)
        .await
        .expect("release");
    drop(holder);
    o.svc.seal_audit().await.expect("seal");
    let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
    assert!(report.intact && report.pending == 0, "{report:?}");
}

/// Two desks on one PostgreSQL database writing and sealing at once: one sealer at a time, one
/// linear chain, every entry on it once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_desks_seal_one_chain() {
    let o = Office::new(Backend::Postgres).await;
    let Store::Postgres(pool) = o.svc.store() else {
        unreachable!("a PostgreSQL office")
    };
    let url = pool.connect_options().to_url_lossy().to_string();
    let other = sanad_service::Service::connect(&url)
        .await
        .expect("a second desk");
    let clerk = other
        .login(o.clerk.username(), common::PASSWORD)
        .await
        .expect("sign in at the second desk");
    let mut tasks = Vec::new();
    for i in 0..40 {
        let (svc, actor) = if i % 2 == 0 {
            (o.svc.clone(), o.clerk.clone())
        } else {
            (other.clone(), clerk.clone())
        };
        let request = o.request();
        tasks.push(tokio::spawn(async move {
            svc.register_request(&actor, request).await.map(|_| ())
        }));
    }
    for t in tasks {
        t.await.expect("task").expect("register");
    }
    let (a, b) = tokio::join!(o.svc.seal_audit(), other.seal_audit());
    a.expect("seal");
    b.expect("seal");
    let report = o.svc.verify_audit(&o.auditor).await.expect("verify");
    assert!(report.intact, "{report:?}");
    assert_eq!((report.pending, report.sealed), (0, report.entries));
    let registered: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'request.register'")
            .fetch_one(pool)
            .await
            .expect("count");
    assert_eq!(registered, 40);
    other.close().await;
}
