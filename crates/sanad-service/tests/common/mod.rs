//! The conformance harness: every test runs once on a fresh SQLite file and once on a fresh
//! PostgreSQL database (on the server `SANAD_TEST_PG_URL` points at, started by the README's
//! test command).

#![allow(dead_code)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use sanad_service::{
    Actor, Applicant, Clock, Letter, NewDocument, NewOrganization, NewRequest, NewUser, Service,
};
use sqlx::Connection;

pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database made for one test; the SQLite folder is removed when this is dropped.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

pub async fn fresh_db(backend: Backend) -> TestDb {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("sanad.db").display());
            TestDb {
                url,
                _dir: Some(dir),
            }
        }
        Backend::Postgres => {
            let admin = std::env::var("SANAD_TEST_PG_URL").expect(
                "SANAD_TEST_PG_URL is not set: run the tests with the README's test command, \
                 which starts a PostgreSQL server",
            );
            let name = format!("sanad_test_{}", uuid::Uuid::now_v7().simple());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to the test PostgreSQL server");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            TestDb {
                url: format!("{base}/{name}"),
                _dir: None,
            }
        }
    }
}

/// A clock the test moves by hand.
pub struct TestClock(AtomicI64);

impl TestClock {
    pub fn at(t: DateTime<Utc>) -> Arc<TestClock> {
        Arc::new(TestClock(AtomicI64::new(t.timestamp_micros())))
    }
    pub fn advance_hours(&self, h: i64) {
        self.0.fetch_add(h * 3_600 * 1_000_000, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(self.0.load(Ordering::SeqCst)).expect("valid time")
    }
}

/// Saturday 1404/10/06 (2025-12-27) 09:00 in Tehran: a working morning.
pub fn saturday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 27, 5, 30, 0).unwrap()
}

/// A populated office: one user of each role, agencies, a third party and documents.
pub struct Office {
    pub svc: Service,
    pub admin: Actor,
    pub clerk: Actor,
    pub clerk2: Actor,
    pub reviewer: Actor,
    pub reviewer2: Actor,
    pub director: Actor,
    pub ministry: Actor,
    pub auditor: Actor,
    /// An agency officer of `agency`, signed in on the portal.
    pub officer: Actor,
    pub agency: String,
    pub agency2: String,
    pub court: String,
    pub docs: Vec<String>,
    _db: TestDb,
}

pub const PASSWORD: &str = "correct-horse-9";

impl Office {
    pub async fn new(backend: Backend) -> Office {
        Office::with(backend, None).await
    }

    pub async fn with(backend: Backend, clock: Option<Arc<dyn Clock>>) -> Office {
        let db = fresh_db(backend).await;
        let mut svc = Service::connect(&db.url).await.expect("connect");
        if let Some(clock) = clock {
            svc = svc.with_clock(clock);
        }
        Office::populate(svc, db).await
    }

    /// An office on an already opened service (an encrypted file, a keychain-opened database).
    pub async fn populate(svc: Service, db: TestDb) -> Office {
        svc.init_admin("admin", "مسئول سامانه", PASSWORD)
            .await
            .expect("init");
        let admin = svc.login("admin", PASSWORD).await.expect("admin login");
        let mut users = Vec::new();
        for (name, role) in [
            ("clerk", "clerk"),
            ("clerk2", "clerk"),
            ("reviewer", "reviewer"),
            ("reviewer2", "reviewer"),
            ("director", "director"),
            ("ministry", "ministry"),
            ("auditor", "auditor"),
        ] {
            svc.add_user(
                &admin,
                NewUser {
                    username: name.into(),
                    display_name: format!("کاربر {name}"),
                    role: role.into(),
                    password: PASSWORD.into(),
                },
            )
            .await
            .expect("add user");
            users.push(svc.login(name, PASSWORD).await.expect("login"));
        }
        let org = |name: &str, kind: &str| NewOrganization {
            name: name.into(),
            kind: kind.into(),
            national_id: None,
        };
        let agency = svc
            .add_organization(&admin, org("اداره کل راه و شهرسازی", "agency"))
            .await
            .expect("agency")
            .id;
        let agency2 = svc
            .add_organization(&admin, org("دانشگاه علوم پزشکی", "agency"))
            .await
            .expect("agency2")
            .id;
        let court = svc
            .add_organization(&admin, org("دادگستری استان", "third_party"))
            .await
            .expect("court")
            .id;
        svc.add_agency_user(
            &admin,
            sanad_service::NewAgencyUser {
                username: "officer".into(),
                display_name: "کارشناس اداره راه".into(),
                organization_id: agency.clone(),
                password: PASSWORD.into(),
            },
        )
        .await
        .expect("add agency officer");
        let officer = svc
            .portal_login("officer", PASSWORD)
            .await
            .expect("officer login");
        let mut docs = Vec::new();
        for i in 0..4 {
            docs.push(
                svc.add_document(
                    &admin,
                    NewDocument {
                        registry_number: format!("۱۴۰۰-{i}"),
                        title: format!("سند مالکیت پلاک {i} بخش ۲"),
                        property_plate: Some(format!("{i}/۱۲")),
                        location: Some("قفسه الف".into()),
                        organization_id: None,
                    },
                )
                .await
                .expect("doc")
                .id,
            );
        }
        let mut it = users.into_iter();
        let mut next = || it.next().expect("user");
        Office {
            admin,
            clerk: next(),
            clerk2: next(),
            reviewer: next(),
            reviewer2: next(),
            director: next(),
            ministry: next(),
            auditor: next(),
            officer,
            svc,
            agency,
            agency2,
            court,
            docs,
            _db: db,
        }
    }

    /// Makes the office able to dispatch [`Office::request`] as an electronic copy: a scan of
    /// the first document in the register and the directorate's signing key on this desk.
    pub async fn ready_for_ecopy(&self) {
        self.svc
            .attach_scan(
                &self.admin,
                &self.docs[0],
                sanad_service::IncomingFile {
                    bytes: sanad_scan::samples::pdf(2),
                    original_name: Some("deed.pdf".into()),
                    title: None,
                },
            )
            .await
            .expect("scan");
        self.svc.init_signing_key(&self.admin).await.expect("key");
    }

    /// The database's URL, to open it again as another desk would.
    pub fn url(&self) -> &str {
        &self._db.url
    }

    /// `who` takes step `a` on `r` at the version it has; a refusal fails the test, naming the step.
    pub async fn step(
        &self,
        who: &Actor,
        r: &sanad_service::RequestView,
        a: sanad_core::model::Action,
        note: Option<&str>,
    ) -> sanad_service::RequestView {
        self.svc
            .act(who, r.tracking_code.as_str(), a, note, Some(r.version))
            .await
            .unwrap_or_else(|e| panic!("{a}: {e}"))
    }

    /// The clerk registers [`Office::request`] for an applicant who gave an e-mail address.
    pub async fn register_for(&self, email: &str) -> sanad_service::RequestView {
        let mut new = self.request();
        new.applicant.email = Some(email.into());
        self.svc
            .register_request(&self.clerk, new)
            .await
            .expect("register")
    }

    /// A valid request from the first agency for the first document.
    pub fn request(&self) -> NewRequest {
        NewRequest {
            idempotency_key: None,
            requesting_org: self.agency.clone(),
            destination_org: None,
            documents: vec![self.docs[0].clone()],
            dispatch_mode: "electronic_copy".into(),
            return_due: None,
            applicant: Applicant {
                name: "علی رضایی".into(),
                national_code: "0499370899".into(),
                mobile: "09121234567".into(),
                email: None,
            },
            letter: Letter {
                number: "۱۲۳/ص/۴۵".into(),
                date: "1404/08/01".into(),
            },
            purpose: "ارسال سند برای تنظیم قرارداد".into(),
            priority: "normal".into(),
        }
    }
}

/// Generates one `#[tokio::test]` per backend for an async test body taking `Backend`.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)(common::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)(common::Backend::Postgres).await
            }
        }
    };
}

impl TestClock {
    pub fn advance_minutes(&self, m: i64) {
        self.0.fetch_add(m * 60 * 1_000_000, Ordering::SeqCst);
    }
}
