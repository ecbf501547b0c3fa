//! The hostile-input corpus (`crates/sanad-service/tests/hostile/`) through `sanad`: each string
//! as the applicant's name in `request new` and as `search --text`, and malformed request files
//! (invalid UTF-8, a lone surrogate, a truncated file, deep nesting). Each is refused with exit
//! code 2 and a Persian message, or stored and shown back exactly as normalized. Never executed.

mod fresh_postgres;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sanad_core::validate;
use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";
const STAFF_PW: &str = "staff-password-1";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sanad-service/tests/hostile")
}

fn corpus() -> Vec<(String, String)> {
    let json = std::fs::read_to_string(corpus_dir().join("strings.json")).expect("corpus");
    let entries: Vec<Value> = serde_json::from_str(&json).expect("corpus JSON");
    entries
        .iter()
        .map(|e| {
            let name = e["name"].as_str().expect("name").to_owned();
            let text = match e["text"].as_str() {
                Some(t) => t.to_owned(),
                None => e["repeat"]
                    .as_str()
                    .expect("repeat")
                    .repeat(e["times"].as_u64().expect("times") as usize),
            };
            (name, text)
        })
        .collect()
}

struct Desk {
    url: String,
    _dir: tempfile::TempDir,
}

impl Desk {
    fn run(&self, user: Option<(&str, &str)>, args: &[&str], stdin: Option<&[u8]>) -> Output {
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
        let mut input = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            input.write_all(bytes).expect("write stdin");
        }
        drop(input);
        child.wait_with_output().expect("wait")
    }

    fn json(&self, user: (&str, &str), args: &[&str]) -> Value {
        let out = self.run(Some(user), args, None);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    /// An administrator, a clerk, an agency and a document; returns the agency and document ids.
    fn office(&self) -> (String, String) {
        let init = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", ADMIN_PW)
            .args(["init", "--admin", "admin"])
            .output()
            .expect("init");
        assert!(init.status.success(), "{}", stderr(&init));
        let out = Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", ADMIN_PW)
            .env("SANAD_NEW_PASSWORD", STAFF_PW)
            .args(["--as", "admin", "user", "add", "clerk", "--role", "clerk"])
            .args(["--name", "کارمند"])
            .output()
            .expect("user add");
        assert!(out.status.success(), "{}", stderr(&out));
        let admin = ("admin", ADMIN_PW);
        let org = self.json(
            admin,
            &["org", "add", "--name", "اداره کل", "--kind", "agency"],
        );
        let doc = self.json(
            admin,
            &["doc", "add", "--registry-number", "۵۵۰۱", "--title", "سند"],
        );
        (
            org["id"].as_str().expect("org").to_owned(),
            doc["id"].as_str().expect("doc").to_owned(),
        )
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn persian(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

fn request(org: &str, doc: &str, name: &str) -> Vec<u8> {
    serde_json::json!({
        "requesting_org": org,
        "documents": [doc],
        "dispatch_mode": "electronic_copy",
        "applicant": {"name": name, "national_code": "0499370899", "mobile": "09121234567"},
        "letter": {"number": "۴۵/۱۲۳۴", "date": "1404/07/12"},
        "purpose": "ارسال سند",
    })
    .to_string()
    .into_bytes()
}

fn hostile_input_through_the_command_line(desk: Desk) {
    let (org, doc) = desk.office();
    let clerk = ("clerk", STAFF_PW);
    for (name, text) in corpus() {
        let new = ["request", "new", "--file", "-"];
        let out = desk.run(Some(clerk), &new, Some(&request(&org, &doc, &text)));
        match validate::required_text("applicant.name", &text, 100) {
            Ok(expected) => {
                assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
                let created: Value = serde_json::from_slice(&out.stdout).expect("JSON");
                let code = created["tracking_code"].as_str().expect("code");
                let shown = desk.json(clerk, &["--json", "request", "show", code]);
                assert_eq!(shown["applicant"]["name"], expected.as_str(), "{name}");
            }
            Err(_) => {
                assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
                assert!(persian(&stderr(&out)), "{name}: {}", stderr(&out));
            }
        }
        // An argument cannot hold a NUL; everything else goes in as typed.
        if !text.contains('\0') && text.len() < 100_000 {
            let out = desk.run(Some(clerk), &["search", "--text", &text], None);
            let code = out.status.code();
            assert!(
                code == Some(0) || code == Some(2),
                "{name}: {}",
                stderr(&out)
            );
            if code == Some(2) {
                assert!(persian(&stderr(&out)), "{name}: {}", stderr(&out));
            }
        }
    }
    for file in [
        "invalid-utf8.json",
        "lone-surrogate.json",
        "truncated-with-bom.json",
        "deep-nesting.json",
    ] {
        let path = corpus_dir().join(file);
        let path = path.to_str().expect("path");
        let out = desk.run(Some(clerk), &["request", "new", "--file", path], None);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", stderr(&out));
        assert!(persian(&stderr(&out)), "{file}: {}", stderr(&out));
        let bytes = std::fs::read(path).expect("read");
        let piped = desk.run(
            Some(clerk),
            &["request", "new", "--file", "-"],
            Some(&bytes),
        );
        assert_eq!(
            piped.status.code(),
            Some(2),
            "{file} on stdin: {}",
            stderr(&piped)
        );
    }
    // Nothing was executed: the log still verifies and the office still works.
    let again = desk.run(
        Some(clerk),
        &["request", "new", "--file", "-"],
        Some(&request(&org, &doc, "علی رضایی")),
    );
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn sqlite_hostile_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    hostile_input_through_the_command_line(Desk { url, _dir: dir });
}

#[test]
fn postgres_hostile_input() {
    hostile_input_through_the_command_line(Desk {
        url: fresh_postgres::database_url("sanad_hostile"),
        _dir: tempfile::tempdir().expect("temp dir"),
    });
}
