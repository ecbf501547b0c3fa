//! `sanad slip` and `sanad printers` as a desk uses them: a slip saved as PDF, printed to the
//! CUPS PDF printer the README's test command sets up (SANAD_TEST_PRINTER, output in
//! SANAD_TEST_PRINTER_OUT), reprints numbered, refusals with the documented exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";
const STAFF_PW: &str = "staff-password-1";

struct Desk {
    url: String,
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("desk.db").display());
        Desk { url, dir }
    }

    fn run(&self, user: &str, password: &str, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sanad"));
        cmd.env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", password)
            .args(["--as", user])
            .args(args);
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        cmd.output().expect("run sanad")
    }

    fn ok(&self, user: &str, password: &str, args: &[&str], extra_env: &[(&str, &str)]) -> String {
        let out = self.run(user, password, args, extra_env);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, user: &str, args: &[&str], stdin_file: Option<&Path>) -> Value {
        let password = if user == "admin" { ADMIN_PW } else { STAFF_PW };
        let mut all: Vec<&str> = args.to_vec();
        let file;
        if let Some(path) = stdin_file {
            file = path.to_str().expect("path").to_owned();
            all.push(&file);
        }
        let text = self.ok(user, password, &all, &[]);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"))
    }

    /// An approved request with a long Persian title and a Latin letter number; its code.
    fn approved_request(&self) -> String {
        let init = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", ADMIN_PW)
            .args(["init", "--admin", "admin"])
            .output()
            .expect("init");
        assert!(
            init.status.success(),
            "{}",
            String::from_utf8_lossy(&init.stderr)
        );
        for (name, role) in [
            ("clerk", "clerk"),
            ("reviewer", "reviewer"),
            ("director", "director"),
        ] {
            self.ok(
                "admin",
                ADMIN_PW,
                &["user", "add", name, "--role", role, "--name", "مریم کاظمی"],
                &[("SANAD_NEW_PASSWORD", STAFF_PW)],
            );
        }
        let org = self.json(
            "admin",
            &[
                "org",
                "add",
                "--name",
                "اداره کل راه و شهرسازی",
                "--kind",
                "agency",
            ],
            None,
        );
        let doc = self.json(
            "admin",
            &[
                "doc",
                "add",
                "--registry-number",
                "A-5501",
                "--title",
                "سند مالکیت شش‌دانگ یک قطعه زمین به مساحت ۲۵۰ متر مربع واقع در بلوار آزادی",
            ],
            None,
        );
        let request = serde_json::json!({
            "requesting_org": org["id"],
            "documents": [doc["id"]],
            "dispatch_mode": "electronic_copy",
            "applicant": {"name": "علی رضایی", "national_code": "0499370899", "mobile": "09121234567"},
            "letter": {"number": "123/A/45", "date": "1404/08/01"},
            "purpose": "تنظیم قرارداد"
        });
        let file = self.dir.path().join("request.json");
        std::fs::write(&file, request.to_string()).expect("write request");
        let created = self.json("clerk", &["request", "new", "--file"], Some(&file));
        let code = created["tracking_code"].as_str().expect("code").to_owned();
        for (user, action) in [
            ("reviewer", "start_review"),
            ("reviewer", "forward"),
            ("director", "approve"),
        ] {
            self.ok(user, STAFF_PW, &["request", "act", &code, action], &[]);
        }
        code
    }
}

fn printed_file(dir: &Path, job: u64) -> Option<PathBuf> {
    let suffix = format!("-job_{job}.pdf");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.file_name().to_string_lossy().ends_with(&suffix)
                && entry.metadata().is_ok_and(|m| m.len() > 0)
            {
                return Some(entry.path());
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn a_slip_is_saved_printed_and_reprinted_from_the_command_line() {
    let printer = std::env::var("SANAD_TEST_PRINTER").expect(
        "SANAD_TEST_PRINTER is not set: run the tests with the README's test command, which \
         starts CUPS with a PDF printer",
    );
    let printed_dir = PathBuf::from(std::env::var("SANAD_TEST_PRINTER_OUT").expect("out dir"));
    let desk = Desk::new();
    let code = desk.approved_request();

    let pdf_path = desk.dir.path().join("slip.pdf");
    let pdf = pdf_path.to_str().expect("path");
    let saved = desk.json(
        "clerk",
        &["--json", "slip", &code, "--out", pdf, "--size", "80mm"],
        None,
    );
    assert_eq!(saved["copy"], 1);
    let bytes = std::fs::read(&pdf_path).expect("slip written");
    assert!(bytes.starts_with(b"%PDF"));

    let printed = desk.json(
        "clerk",
        &["--json", "slip", &code, "--print", "--printer", &printer],
        None,
    );
    assert_eq!(printed["copy"], 2, "a second print is a duplicate");
    let job = printed["job"].as_u64().expect("job id");
    let arrived = printed_file(&printed_dir, job)
        .unwrap_or_else(|| panic!("job {job} never reached {}", printed_dir.display()));
    assert!(std::fs::read(&arrived).expect("read").starts_with(b"%PDF"));

    // The saved printer is used when none is named.
    let listed = desk.ok(
        "clerk",
        STAFF_PW,
        &["printers", "--set-default", &printer],
        &[],
    );
    assert!(listed.contains(&printer), "{listed}");
    let again = desk.json("clerk", &["--json", "slip", &code, "--print"], None);
    assert_eq!(again["printer"], printer.as_str());
    assert_eq!(again["copy"], 3);

    let audit = desk.run("admin", ADMIN_PW, &["audit", "verify"], &[]);
    assert!(
        audit.status.success(),
        "{}",
        String::from_utf8_lossy(&audit.stderr)
    );
}

#[test]
fn slip_refusals_have_their_exit_codes() {
    let desk = Desk::new();
    let code = desk.approved_request();
    let out = desk.dir.path().join("x.pdf");
    let out = out.to_str().expect("path");
    let neither = desk.run("clerk", STAFF_PW, &["slip", &code], &[]);
    assert_eq!(neither.status.code(), Some(2));
    let bad_size = desk.run(
        "clerk",
        STAFF_PW,
        &["slip", &code, "--out", out, "--size", "b5"],
        &[],
    );
    assert_eq!(bad_size.status.code(), Some(2));
    let reviewer = desk.run("reviewer", STAFF_PW, &["slip", &code, "--out", out], &[]);
    assert_eq!(reviewer.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&reviewer.stderr);
    assert!(
        stderr
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{stderr}"
    );
    let unknown = desk.run(
        "clerk",
        STAFF_PW,
        &["slip", "358122904418", "--out", out],
        &[],
    );
    assert_eq!(unknown.status.code(), Some(5));
    let no_printer = desk.run(
        "clerk",
        STAFF_PW,
        &[
            "slip",
            &code,
            "--print",
            "--printer",
            "no-such-printer-here",
        ],
        &[],
    );
    assert_eq!(no_printer.status.code(), Some(2));
}
