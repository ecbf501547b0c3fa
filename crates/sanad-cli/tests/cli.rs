//! The `sanad` binary as other tests and scripts drive it: a request walked from `new` to
//! `closed` on both backends, and refusals with the documented exit codes and Persian messages.

mod fresh_postgres;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";
const STAFF_PW: &str = "staff-password-1";

struct Desk {
    url: String,
    _dir: tempfile::TempDir,
}

impl Desk {
    fn sqlite() -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("desk.db").display());
        Desk { url, _dir: dir }
    }

    fn postgres() -> Desk {
        Desk {
            url: fresh_postgres::database_url("sanad_cli"),
            _dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// Runs `sanad ARGS` as `user` (None: no --as) with `stdin` piped in.
    fn run(&self, user: Option<(&str, &str)>, args: &[&str], stdin: Option<&str>) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sanad"));
        cmd.env("SANAD_DB", &self.url)
            .env_remove("SANAD_PASSWORD")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some((name, pw)) = user {
            cmd.arg("--as").arg(name).env("SANAD_PASSWORD", pw);
        }
        cmd.args(args);
        let mut child = cmd.spawn().expect("spawn sanad");
        if let Some(text) = stdin {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())
                .expect("write stdin");
        } else {
            drop(child.stdin.take());
        }
        child.wait_with_output().expect("wait")
    }

    fn ok_json(&self, user: (&str, &str), args: &[&str], stdin: Option<&str>) -> Value {
        let out = self.run(Some(user), args, stdin);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Sets up an office: admin, one user per role, an agency and a document.
    fn office(&self) -> (String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", ADMIN_PW)
            .args(["init", "--admin", "admin"])
            .output()
            .expect("init");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for (name, role) in [
            ("clerk", "clerk"),
            ("reviewer", "reviewer"),
            ("director", "director"),
            ("ministry", "ministry"),
            ("auditor", "auditor"),
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
                .env("SANAD_DB", &self.url)
                .env("SANAD_PASSWORD", ADMIN_PW)
                .env("SANAD_NEW_PASSWORD", STAFF_PW)
                .args([
                    "--as",
                    "admin",
                    "user",
                    "add",
                    name,
                    "--role",
                    role,
                    "--name",
                    "کاربر آزمایشی",
                ])
                .output()
                .expect("user add");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let admin = ("admin", ADMIN_PW);
        let org = self.ok_json(
            admin,
            &[
                "org",
                "add",
                "--name",
                "اداره کل منابع طبیعی",
                "--kind",
                "agency",
            ],
            None,
        );
        let doc = self.ok_json(
            admin,
            &[
                "doc",
                "add",
                "--registry-number",
                "۵۵۰۱",
                "--title",
                "سند مالکیت اراضی ملی",
                "--plate",
                "۱۲/۳",
            ],
            None,
        );
        (
            org["id"].as_str().expect("org id").to_owned(),
            doc["id"].as_str().expect("doc id").to_owned(),
        )
    }
}

fn request_json(org: &str, doc: &str, national_code: &str) -> String {
    serde_json::json!({
        "requesting_org": org,
        "destination_org": null,
        "documents": [doc],
        "dispatch_mode": "original",
        "return_due": "1499/06/31",
        "applicant": {"name": "زهرا احمدی", "national_code": national_code, "mobile": "۰۹۳۵۱۲۳۴۵۶۷"},
        "letter": {"number": "۴۵/۱۲۳۴", "date": "1404/07/12"},
        "purpose": "ارسال اصل سند برای دادرسی",
        "priority": "urgent"
    })
    .to_string()
}

fn walk_new_to_closed(desk: Desk) {
    let (org, doc) = desk.office();
    let clerk = ("clerk", STAFF_PW);
    let created = desk.ok_json(
        clerk,
        &["request", "new", "--file", "-"],
        Some(&request_json(&org, &doc, "0499370899")),
    );
    assert_eq!(created["status"], "submitted");
    let code = created["tracking_code"].as_str().expect("code").to_owned();
    assert_eq!(code.len(), 12);

    let steps: &[(&str, &str, &str)] = &[
        ("reviewer", "start_review", "under_review"),
        ("reviewer", "forward", "awaiting_director"),
        ("director", "approve", "approved"),
        ("clerk", "dispatch", "dispatched"),
        ("clerk", "confirm_delivery", "delivered"),
        ("clerk", "receive_back", "returned_to_repository"),
        ("clerk", "close", "closed"),
    ];
    for (user, action, expected) in steps {
        let after = desk.ok_json(
            (user, STAFF_PW),
            &["--json", "request", "act", &code, action],
            None,
        );
        assert_eq!(after["status"], *expected, "{action}");
    }
    let shown = desk.ok_json(
        ("auditor", STAFF_PW),
        &["--json", "request", "show", &code],
        None,
    );
    assert_eq!(shown["tracking_code"], code.as_str());
    assert_eq!(shown["status"], "closed");
    assert_eq!(shown["requesting_org"]["id"], org.as_str());
    assert_eq!(shown["destination_org"], Value::Null);
    assert_eq!(shown["documents"][0]["id"], doc.as_str());
    assert_eq!(shown["dispatch_mode"], "original");
    let history = shown["history"].as_array().expect("history");
    assert_eq!(history.len(), 8);
    for key in ["action", "from", "to", "user", "role", "at", "note"] {
        assert!(history[1].get(key).is_some(), "history entry lacks {key}");
    }
    assert_eq!(history[3]["user"], "director");
    assert_eq!(history[3]["role"], "director");

    // A Persian, human view by default.
    let out = desk.run(Some(("clerk", STAFF_PW)), &["request", "show", &code], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("وضعیت: مختومه"), "{text}");
    assert!(text.contains("کد رهگیری"), "{text}");

    let queue = desk.ok_json(("reviewer", STAFF_PW), &["--json", "queue"], None);
    assert_eq!(queue["items"].as_array().map(Vec::len), Some(0));
    let found = desk.ok_json(
        ("clerk", STAFF_PW),
        &["--json", "search", "--text", "دادرسي", "--status", "closed"],
        None,
    );
    assert_eq!(found["items"][0]["tracking_code"], code.as_str());

    let out = desk.run(Some(("auditor", STAFF_PW)), &["audit", "verify"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("سالم"));
}

fn refusals_have_exit_codes_and_persian_messages(desk: Desk) {
    let (org, doc) = desk.office();
    let clerk = ("clerk", STAFF_PW);

    // 2: invalid input, the message names the field in Persian.
    let out = desk.run(
        Some(clerk),
        &["request", "new", "--file", "-"],
        Some(&request_json(&org, &doc, "0499370898")),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("کد ملی متقاضی") && err.contains("معتبر نیست"),
        "{err}"
    );
    let out = desk.run(
        Some(clerk),
        &["request", "new", "--file", "-"],
        Some("{not json"),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = desk.run(
        Some(clerk),
        &["--lang", "en", "request", "show", "1234"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Tracking code"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let created = desk.ok_json(
        clerk,
        &["request", "new", "--file", "-"],
        Some(&request_json(&org, &doc, "0499370899")),
    );
    let code = created["tracking_code"].as_str().expect("code").to_owned();

    // 3: not permitted — the wrong role, and the admin, and a wrong password.
    for (user, pw) in [
        ("director", STAFF_PW),
        ("admin", ADMIN_PW),
        ("clerk", STAFF_PW),
    ] {
        let out = desk.run(
            Some((user, pw)),
            &["request", "act", &code, "start_review"],
            None,
        );
        assert_eq!(out.status.code(), Some(3), "{user}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("اجازه"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = desk.run(Some(("reviewer", "not-the-password")), &["queue"], None);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("گذرواژه"));
    let out = desk.run(
        Some(("reviewer", STAFF_PW)),
        &["request", "act", &code, "send_back"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "send_back before review is not allowed in this state"
    );

    // 4: conflict — acting on a version that is no longer current.
    desk.ok_json(
        ("reviewer", STAFF_PW),
        &["request", "act", &code, "start_review", "--json"],
        None,
    );
    let out = desk.run(
        Some(("reviewer", STAFF_PW)),
        &["request", "act", &code, "forward", "--expect-version", "1"],
        None,
    );
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("هم‌زمان"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // 5: not found — a valid code nobody was given.
    let other = loop {
        let c = sanad_core::TrackingCode::generate_secure();
        if c.as_str() != code {
            break c;
        }
    };
    let out = desk.run(Some(clerk), &["request", "show", other.as_str()], None);
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("پیدا نشد"));

    // Nothing refused above changed the request.
    let shown = desk.ok_json(clerk, &["--json", "request", "show", &code], None);
    assert_eq!(shown["status"], "under_review");
    assert_eq!(shown["history"].as_array().map(Vec::len), Some(2));

    // --json errors carry the stable code and message id.
    let out = desk.run(
        Some(clerk),
        &["--json", "request", "act", &code, "cancel"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&out.stderr).expect("json error");
    assert_eq!(err["error"]["code"], "invalid_input");
    assert_eq!(err["error"]["messageId"], "error-note-required");
    assert_eq!(err["error"]["field"], "note");
}

#[test]
fn sqlite_walks_a_request_from_new_to_closed() {
    walk_new_to_closed(Desk::sqlite());
}

#[test]
fn postgres_walks_a_request_from_new_to_closed() {
    walk_new_to_closed(Desk::postgres());
}

#[test]
fn sqlite_refusals() {
    refusals_have_exit_codes_and_persian_messages(Desk::sqlite());
}

#[test]
fn postgres_refusals() {
    refusals_have_exit_codes_and_persian_messages(Desk::postgres());
}

#[test]
fn init_twice_is_safe() {
    let desk = Desk::sqlite();
    for expected in ["ساخته شد", "تغییر نکرد"] {
        let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &desk.url)
            .env("SANAD_PASSWORD", ADMIN_PW)
            .args(["init", "--admin", "admin"])
            .output()
            .expect("init");
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains(expected));
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn accounts_from_the_command_line(desk: Desk) {
    desk.office();
    let admin = ("admin", ADMIN_PW);
    let reset = desk.ok_json(
        admin,
        &["--json", "user", "reset-password", "reviewer"],
        None,
    );
    let one_time = reset["one_time_password"].as_str().expect("otp").to_owned();
    let out = desk.run(Some(("reviewer", &one_time)), &["queue"], None);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("یک‌بارمصرف"), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", &desk.url)
        .env("SANAD_PASSWORD", &one_time)
        .env("SANAD_NEW_PASSWORD", "reviewer-new-pass")
        .args(["--as", "reviewer", "user", "passwd"])
        .output()
        .expect("passwd");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(desk
        .run(Some(("reviewer", "reviewer-new-pass")), &["queue"], None)
        .status
        .success());
    assert_eq!(
        desk.run(Some(("reviewer", STAFF_PW)), &["queue"], None)
            .status
            .code(),
        Some(3)
    );

    // Deactivated: refused at once, with the same answer as a wrong password.
    assert!(desk
        .run(Some(admin), &["user", "deactivate", "clerk"], None)
        .status
        .success());
    assert_eq!(
        desk.run(Some(("clerk", STAFF_PW)), &["queue"], None)
            .status
            .code(),
        Some(3)
    );
    let out = desk.run(Some(("clerk", STAFF_PW)), &["--json", "user", "list"], None);
    assert_eq!(out.status.code(), Some(3));

    // Five wrong passwords lock the account; the right one then waits too.
    for _ in 0..4 {
        assert_eq!(
            desk.run(Some(("director", "wrong-password-1")), &["queue"], None)
                .status
                .code(),
            Some(3)
        );
    }
    let out = desk.run(Some(("director", "wrong-password-1")), &["queue"], None);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("قفل"), "{}", stderr(&out));
    let out = desk.run(Some(("director", STAFF_PW)), &["queue"], None);
    assert!(stderr(&out).contains("قفل"), "{}", stderr(&out));
    // The administrator's reset lifts the lock.
    let reset = desk.ok_json(
        admin,
        &["--json", "user", "reset-password", "director"],
        None,
    );
    let otp = reset["one_time_password"].as_str().expect("otp");
    let out = desk.run(Some(("director", otp)), &["queue"], None);
    assert!(stderr(&out).contains("یک‌بارمصرف"), "{}", stderr(&out));

    // Only the administrator rotates the database key; the desk keeps working after it.
    assert_eq!(
        desk.run(Some(("auditor", STAFF_PW)), &["db", "rekey"], None)
            .status
            .code(),
        Some(3)
    );
    if desk.url.starts_with("sqlite:") {
        let out = desk.run(Some(admin), &["db", "rekey"], None);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = desk.run(Some(("auditor", STAFF_PW)), &["audit", "verify"], None);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn sqlite_accounts() {
    accounts_from_the_command_line(Desk::sqlite());
}

#[test]
fn postgres_accounts() {
    accounts_from_the_command_line(Desk::postgres());
}

#[test]
fn audit_verify_names_a_tampered_entry() {
    let desk = Desk::sqlite();
    desk.office();
    let path = desk.url.trim_start_matches("sqlite://");
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        // The attacker has the file and the key (the worst case); the chain still tells.
        let name = sanad_service::SecretName::DatabaseKey(
            std::path::absolute(path)
                .expect("abs")
                .display()
                .to_string(),
        );
        let hex = sanad_service::Keychain::get(&name)
            .await
            .expect("keychain")
            .expect("key");
        let key = sanad_service::DatabaseKey::from_hex(&hex).expect("hex");
        let svc = sanad_service::Service::connect_with(&desk.url, Some(&key), None)
            .await
            .expect("open");
        let sanad_service::Store::Sqlite(pool) = svc.store() else {
            panic!("sqlite")
        };
        sqlx::query("DROP TRIGGER audit_log_no_update")
            .execute(pool)
            .await
            .expect("drop");
        sqlx::query("UPDATE audit_log SET detail = '{}' WHERE seq = 3")
            .execute(pool)
            .await
            .expect("tamper");
        svc.close().await;
    });
    let out = desk.run(Some(("auditor", STAFF_PW)), &["audit", "verify"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("۳"),
        "the entry is named: {}",
        stderr(&out)
    );
    let out = desk.run(
        Some(("auditor", STAFF_PW)),
        &["--json", "audit", "verify"],
        None,
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json report");
    assert_eq!(report["first_broken"], 3);
    assert_eq!(report["intact"], false);
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let desk = Desk::sqlite();
    let (org, doc) = desk.office();
    let created = desk.ok_json(
        ("clerk", STAFF_PW),
        &["request", "new", "--file", "-"],
        Some(&request_json(&org, &doc, "0499370899")),
    );
    let code = created["tracking_code"].as_str().expect("code").to_owned();
    let file = desk._dir.path().join("office.sanad-backup");
    let file = file.to_str().expect("path");
    let run = |db: &str, args: &[&str], user: Option<(&str, &str)>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sanad"));
        cmd.env("SANAD_DB", db)
            .env("SANAD_BACKUP_PASSPHRASE", "a long office passphrase");
        if let Some((u, p)) = user {
            cmd.env("SANAD_PASSWORD", p).args(["--as", u]);
        }
        cmd.args(args).output().expect("run")
    };
    let out = run(
        &desk.url,
        &["backup", "--out", file],
        Some(("clerk", STAFF_PW)),
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "only the administrator backs up"
    );
    let out = run(
        &desk.url,
        &["backup", "--out", file],
        Some(("admin", ADMIN_PW)),
    );
    assert!(out.status.success(), "{}", stderr(&out));

    let other = Desk::sqlite();
    let out = run(&other.url, &["restore", file], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("سالم"));
    let shown = other.ok_json(
        ("auditor", STAFF_PW),
        &["--json", "request", "show", &code],
        None,
    );
    assert_eq!(shown["status"], "submitted");
    let out = run(&other.url, &["restore", file], None);
    assert_eq!(
        out.status.code(),
        Some(3),
        "not into a database that has an office"
    );
}

/// `doc attach` keeps a clean scan as the next version and refuses a hostile one with exit 2 and
/// a Persian message, storing nothing; `doc files` lists the versions; `file save` gives the
/// bytes back; `request attach` keeps the agency's letter with its request.
fn scans_from_the_command_line(desk: Desk) {
    let (org, doc) = desk.office();
    let clerk = ("clerk", STAFF_PW);
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write sample");
        path.display().to_string()
    };
    let deed = sanad_scan::samples::pdf(2);
    let deed_path = write("deed.pdf", &deed);
    let kept = desk.ok_json(clerk, &["doc", "attach", &doc, "--file", &deed_path], None);
    assert_eq!(kept["pages"], 2);
    assert_eq!(kept["number"], 1);
    assert_eq!(kept["sha256"], sanad_scan::sha256_hex(&deed));

    // A script in a PDF, and a text file named .pdf: exit 2, the problem named in Persian.
    for (name, bytes, words) in [
        (
            "script.pdf",
            sanad_scan::samples::pdf_with_script(),
            "اسکریپت",
        ),
        ("notes.pdf", "فقط متن".as_bytes().to_vec(), "متن"),
    ] {
        let path = write(name, &bytes);
        let out = desk.run(Some(clerk), &["doc", "attach", &doc, "--file", &path], None);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{name}: {}", stderr(&out));
    }
    let missing = desk.run(
        Some(clerk),
        &["doc", "attach", &doc, "--file", "/no/such.pdf"],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));

    let out = desk.run(Some(clerk), &["doc", "files", &doc], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = String::from_utf8_lossy(&out.stdout).replace(['\u{2068}', '\u{2069}'], "");
    assert!(listing.contains("(نسخهٔ جاری)"), "{listing}");
    assert!(listing.contains("۲ صفحه"), "{listing}");
    assert_eq!(
        listing.matches("چکیده").count(),
        1,
        "one version: {listing}"
    );

    let copy = dir.path().join("copy.pdf").display().to_string();
    let out = desk.run(
        Some(("auditor", STAFF_PW)),
        &[
            "file",
            "save",
            kept["id"].as_str().expect("id"),
            "--out",
            &copy,
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&copy).expect("saved"), deed);

    let new = desk.ok_json(
        clerk,
        &["request", "new", "--file", "-"],
        Some(&request_json(&org, &doc, "0499370899")),
    );
    let code = new["tracking_code"].as_str().expect("code").to_owned();
    let letter = write("letter.png", &sanad_scan::samples::png(120, 80));
    let attached = desk.ok_json(
        clerk,
        &[
            "request",
            "attach",
            &code,
            "--file",
            &letter,
            "--title",
            "نامهٔ شمارهٔ ۱۲۳",
        ],
        None,
    );
    assert_eq!(attached["purpose"], "letter");
    let files = desk.ok_json(
        ("director", STAFF_PW),
        &["--json", "request", "files", &code],
        None,
    );
    assert_eq!(files.as_array().map(Vec::len), Some(1));
    assert_eq!(files[0]["title"], "نامهٔ شمارهٔ ۱۲۳");
}

#[test]
fn sqlite_scans() {
    scans_from_the_command_line(Desk::sqlite());
}

#[test]
fn postgres_scans() {
    scans_from_the_command_line(Desk::postgres());
}

/// `sanad delegation add|list|end` and `sanad request act-many` as the issue spells them: the
/// acting director clears the director's queue in one bulk decision (exit 0), a request changed
/// meanwhile is reported (exit 4), one they forwarded themselves is refused (exit 3).
fn acting_director_from_the_command_line(desk: Desk) {
    let (org, doc) = desk.office();
    let admin = ("admin", ADMIN_PW);
    let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", &desk.url)
        .env("SANAD_PASSWORD", ADMIN_PW)
        .env("SANAD_NEW_PASSWORD", STAFF_PW)
        .args([
            "--as",
            "admin",
            "user",
            "add",
            "deputy",
            "--role",
            "reviewer",
            "--name",
            "معاون اداره",
        ])
        .output()
        .expect("user add");
    assert!(out.status.success(), "{}", stderr(&out));
    let add = |to: &str| {
        desk.run(
            Some(admin),
            &[
                "delegation",
                "add",
                "--from",
                "director",
                "--to",
                to,
                "--role",
                "director",
                "--from-date",
                "۱۴۰۰/۰۱/۰۱",
                "--until",
                "1499/01/01",
                "--order",
                "۱۲/ح",
            ],
            None,
        )
    };
    let refused = add("director");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("جانشین خودش"),
        "{}",
        stderr(&refused)
    );
    let out = add("deputy");
    assert!(out.status.success(), "{}", stderr(&out));
    let d: Value = serde_json::from_slice(&out.stdout).expect("json");
    let id = d["id"].as_str().expect("id").to_owned();
    let listed = desk.ok_json(admin, &["--json", "delegation", "list", "--active"], None);
    assert_eq!(listed[0]["id"], id.as_str());

    let forwarded = |by: &str| {
        let r = desk.ok_json(
            ("clerk", STAFF_PW),
            &["request", "new", "--file", "-"],
            Some(&request_json(&org, &doc, "0499370899")),
        );
        let code = r["tracking_code"].as_str().expect("code").to_owned();
        for action in ["start_review", "forward"] {
            desk.ok_json(
                (by, STAFF_PW),
                &["--json", "request", "act", &code, action],
                None,
            );
        }
        code
    };
    let codes = [forwarded("reviewer"), forwarded("reviewer")];
    let queue = desk.ok_json(("deputy", STAFF_PW), &["--json", "queue"], None);
    assert_eq!(queue["items"][0]["acting_for"], "کاربر آزمایشی");
    let text = desk.run(Some(("deputy", STAFF_PW)), &["queue"], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("به جانشینی از"));
    let joined = codes.join(",");
    let deputy = ("deputy", STAFF_PW);
    let all = desk.ok_json(
        deputy,
        &["request", "act-many", "approve", "--codes", &joined],
        None,
    );
    assert_eq!(all["applied"], 2);
    let shown = desk.ok_json(deputy, &["--json", "request", "show", &codes[0]], None);
    let last = &shown["history"][3];
    assert_eq!(
        (last["user"].as_str(), last["role"].as_str()),
        (Some("deputy"), Some("director"))
    );
    assert_eq!(last["delegation_id"], id.as_str());
    let text = desk.run(Some(deputy), &["request", "show", &codes[0]], None);
    assert!(String::from_utf8_lossy(&text.stdout).contains("به جانشینی از"));

    // A state changed meanwhile: the director decided one first.
    let pair = [forwarded("reviewer"), forwarded("reviewer")];
    desk.ok_json(
        ("director", STAFF_PW),
        &["--json", "request", "act", &pair[0], "approve"],
        None,
    );
    let out = desk.run(
        Some(deputy),
        &["request", "act-many", "approve", "--codes", &pair.join(",")],
        None,
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let result: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(result["outcomes"][0]["refusal"], "state_changed");
    assert_eq!(result["outcomes"][1]["applied"], true);

    // What the deputy forwarded as reviewer, they may not approve as acting director.
    let own = forwarded("deputy");
    let out = desk.run(
        Some(deputy),
        &["request", "act-many", "approve", "--codes", &own],
        None,
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let result: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(result["outcomes"][0]["refusal"], "separation_of_duties");

    // Ended: the same step is refused.
    desk.ok_json(admin, &["--json", "delegation", "end", &id], None);
    let other = forwarded("reviewer");
    let out = desk.run(Some(deputy), &["request", "act", &other, "approve"], None);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

#[test]
fn sqlite_acting_director() {
    acting_director_from_the_command_line(Desk::sqlite());
}

#[test]
fn postgres_acting_director() {
    acting_director_from_the_command_line(Desk::postgres());
}

/// `request new --receipt-out`: the JSON prints the PIN once, the receipt PDF carries the same
/// PIN and code (read back as text), the public lookup accepts that PIN and refuses another, and
/// a repeat under the same key writes no receipt (its PIN is gone).
fn receipt_out_writes_the_pin_once(desk: Desk) {
    let (org, doc) = desk.office();
    let clerk = ("clerk", STAFF_PW);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("receipt.pdf");
    let pdf_arg = pdf.display().to_string();
    let args = [
        "request",
        "new",
        "--file",
        "-",
        "--idempotency-key",
        "receipt-key-1",
        "--receipt-out",
        &pdf_arg,
        "--paper",
        "80mm",
    ];
    let body = request_json(&org, &doc, "0499370899");
    let created = desk.ok_json(clerk, &args, Some(&body));
    let pin = created["tracking_pin"].as_str().expect("pin").to_owned();
    let code = created["tracking_code"].as_str().expect("code").to_owned();
    assert_eq!(pin.len(), 8);
    let bytes = std::fs::read(&pdf).expect("the receipt was written");
    assert!(bytes.starts_with(b"%PDF"));
    let text = Command::new("pdftotext")
        .args([&pdf_arg, "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    let persian = |ascii: &str| -> String {
        ascii
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    };
    assert!(
        text.contains(&persian(&pin)),
        "the PIN is on the receipt: {text}"
    );
    assert!(
        text.contains(&persian(&code[..4])),
        "the code is on the receipt: {text}"
    );

    let found = desk.ok_json(clerk, &["track", &code, "--pin", &pin], None);
    assert_eq!(found["state"], "submitted");
    let wrong = if pin == "00000000" {
        "11111111"
    } else {
        "00000000"
    };
    let out = desk.run(None, &["track", &code, "--pin", wrong], None);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));

    // The same key again: the same request, no PIN in the JSON, and no receipt written.
    std::fs::remove_file(&pdf).expect("remove");
    let out = desk.run(Some(clerk), &args, Some(&body));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let again: Value = serde_json::from_slice(&out.stdout).expect("the JSON is still printed");
    assert_eq!(again["tracking_code"], code.as_str());
    assert!(again.get("tracking_pin").is_none());
    assert!(!pdf.exists());
    assert!(stderr(&out).contains("رمز پیگیری"), "{}", stderr(&out));
}

#[test]
fn sqlite_receipt_out() {
    receipt_out_writes_the_pin_once(Desk::sqlite());
}

#[test]
fn postgres_receipt_out() {
    receipt_out_writes_the_pin_once(Desk::postgres());
}
