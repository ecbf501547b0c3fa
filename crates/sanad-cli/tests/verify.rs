//! `sanad key` and `sanad verify --token` as a court or a bank would use them (issue 15, items
//! 4 and 5): the QR read off rendered PNGs of the A5, A4 and 80 mm slips with zbarimg, checked
//! offline against the published key set (no database at all), one changed character refused,
//! a rotated key's slip still verified and a revoked key's refused; exit codes 0, 1 and 2.

use std::path::Path;
use std::process::{Command, Output};

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

    fn run(&self, user: &str, args: &[&str]) -> Output {
        let password = if user == "admin" { ADMIN_PW } else { STAFF_PW };
        Command::new(env!("CARGO_BIN_EXE_sanad"))
            .env("SANAD_DB", &self.url)
            .env("SANAD_PASSWORD", password)
            .env("SANAD_NEW_PASSWORD", STAFF_PW)
            .args(["--as", user])
            .args(args)
            .output()
            .expect("run sanad")
    }

    fn ok(&self, user: &str, args: &[&str]) -> String {
        let out = self.run(user, args);
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, user: &str, args: &[&str]) -> serde_json::Value {
        let text = self.ok(user, args);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"))
    }

    /// A fresh office with its staff and an approved request for an original; its code.
    fn approved_request(&self) -> String {
        self.approved("original", None)
    }

    /// A fresh office with its staff and an approved request in `mode`, its document scanned
    /// from `scan` first when given; the request's code.
    fn approved(&self, mode: &str, scan: Option<&Path>) -> String {
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
                &["user", "add", name, "--role", role, "--name", "مریم کاظمی"],
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
        );
        let doc = self.json(
            "admin",
            &[
                "doc",
                "add",
                "--registry-number",
                "A-5501",
                "--title",
                "سند مالکیت شش‌دانگ",
            ],
        );
        if let Some(scan) = scan {
            let id = doc["id"].as_str().expect("doc id");
            self.ok(
                "clerk",
                &["doc", "attach", id, "--file", scan.to_str().expect("path")],
            );
        }
        let return_due = (mode == "original").then_some("1405/12/01");
        let request = serde_json::json!({
            "requesting_org": org["id"],
            "documents": [doc["id"]],
            "dispatch_mode": mode,
            "return_due": return_due,
            "applicant": {"name": "علی رضایی", "national_code": "0499370899", "mobile": "09121234567"},
            "letter": {"number": "123/A/45", "date": "1404/08/01"},
            "purpose": "تنظیم قرارداد"
        });
        let file = self.dir.path().join("request.json");
        std::fs::write(&file, request.to_string()).expect("write request");
        let created = self.json(
            "clerk",
            &["request", "new", "--file", file.to_str().expect("path")],
        );
        let code = created["tracking_code"].as_str().expect("code").to_owned();
        for (user, action) in [
            ("reviewer", "start_review"),
            ("reviewer", "forward"),
            ("director", "approve"),
        ] {
            self.ok(user, &["request", "act", &code, action]);
        }
        code
    }

    /// The slip on `paper`, rendered at a roll printer's 203 dpi, as zbarimg reads its codes.
    fn scanned_slip(&self, code: &str, paper: &str) -> (String, String) {
        let pdf = self.dir.path().join(format!("slip-{paper}.pdf"));
        self.ok(
            "clerk",
            &[
                "slip",
                code,
                "--size",
                paper,
                "--out",
                pdf.to_str().expect("path"),
            ],
        );
        let stem = self.dir.path().join(format!("slip-{paper}"));
        run_tool(
            "pdftoppm",
            &[
                "-r",
                "203",
                "-png",
                "-singlefile",
                "-f",
                "1",
                "-l",
                "1",
                pdf.to_str().expect("path"),
                stem.to_str().expect("path"),
            ],
        );
        let png = format!("{}.png", stem.display());
        let found = run_tool("zbarimg", &["--quiet", &png]);
        let mut qr = None;
        let mut bars = None;
        for line in found.lines() {
            if let Some(text) = line.strip_prefix("QR-Code:") {
                qr = Some(text.to_owned());
            } else if let Some(text) = line.strip_prefix("CODE-128:") {
                bars = Some(text.to_owned());
            }
        }
        (
            qr.unwrap_or_else(|| panic!("no QR on the {paper} slip: {found}")),
            bars.unwrap_or_else(|| panic!("no Code 128 on the {paper} slip: {found}")),
        )
    }

    fn key_set(&self, name: &str) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, self.ok("admin", &["key", "public"])).expect("write keys");
        path.to_str().expect("path").to_owned()
    }
}

fn run_tool(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} ({e}): install it with scripts/install-deps.sh"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `sanad verify` offline: no database is named, and none could be opened.
fn verify_offline(keys: &str, token: &str, json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sanad"));
    cmd.env("SANAD_DB", "sqlite:///nonexistent/folder/none.db")
        .args(["verify", "--token", token, "--keys", keys]);
    if json {
        cmd.arg("--json");
    }
    cmd.output().expect("run sanad verify")
}

fn exit(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

#[test]
fn slips_qr_tokens_verify_offline_and_refuse_what_they_should() {
    let desk = Desk::new();
    let code = desk.approved_request();
    // Before a key exists the QR carries the tracking code, which is no token (exit 2).
    let (plain, bars) = desk.scanned_slip(&code, "a5");
    assert_eq!(plain, code);
    assert_eq!(bars, code);
    let out = desk.ok("admin", &["key", "init"]);
    assert!(out.contains("ساخته شد"), "{out}");
    let keys = desk.key_set("keys.json");
    assert_eq!(exit(&verify_offline(&keys, &plain, false)), 2);

    let mut tokens = Vec::new();
    for paper in ["a5", "a4", "80mm"] {
        let (token, bars) = desk.scanned_slip(&code, paper);
        assert!(token.starts_with("SD1:"), "{paper}: {token}");
        // The bars keep carrying the tracking code alone, for the desks' scanners.
        assert_eq!(bars, code, "{paper}");
        let out = verify_offline(&keys, &token, false);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            exit(&out),
            0,
            "{paper}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("اصیل است"), "{text}");
        // What the token says, in Persian with Persian digits: the tracking code grouped.
        let grouped: String = format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..])
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .map_or(c, |d| char::from_u32(0x06F0 + d).unwrap_or(c))
            })
            .collect();
        assert!(text.contains(&grouped), "{text}");
        assert!(text.contains("اصل سند"), "{text}");
        tokens.push(token);
    }
    let json = verify_offline(&keys, &tokens[0], true);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["authentic"], true);
    assert_eq!(value["claims"]["tracking_code"], code.as_str());
    assert_eq!(value["claims"]["kind"], "slip");
    // No personal data in the token: not the applicant's name, national code or mobile.
    let claims = value["claims"].to_string();
    for personal in ["0499370899", "09121234567", "رضایی"] {
        assert!(!claims.contains(personal), "{claims}");
    }

    // One changed character: refused (exit 1), at the start, middle and end of the text.
    for at in [4, tokens[0].len() / 2, tokens[0].len() - 1] {
        let mut chars: Vec<char> = tokens[0].chars().collect();
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        let altered: String = chars.into_iter().collect();
        let out = verify_offline(&keys, &altered, false);
        assert_eq!(
            exit(&out),
            1,
            "character {at}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("اصیل نیست"));
    }
    // Not a token at all, and an unreadable key set: exit 2.
    assert_eq!(exit(&verify_offline(&keys, "hello", false)), 2);
    let junk = desk.dir.path().join("junk.json");
    std::fs::write(&junk, "{}").expect("write");
    assert_eq!(
        exit(&verify_offline(
            junk.to_str().expect("path"),
            &tokens[0],
            false
        )),
        2
    );

    // Rotated: the old slip still verifies against the new key set; a new slip uses the new key.
    let old_kid = value["kid"].as_str().expect("kid").to_owned();
    desk.ok("admin", &["key", "rotate"]);
    let keys = desk.key_set("keys-rotated.json");
    assert_eq!(exit(&verify_offline(&keys, &tokens[0], false)), 0);
    let (new_token, _) = desk.scanned_slip(&code, "80mm");
    let new = verify_offline(&keys, &new_token, true);
    let new: serde_json::Value = serde_json::from_slice(&new.stdout).expect("json");
    assert_eq!(new["authentic"], true);
    assert_ne!(new["kid"], old_kid.as_str());
    // With the database's keys instead of a file: the same answer.
    let online = desk.run("clerk", &["verify", "--token", &tokens[0]]);
    assert_eq!(
        exit(&online),
        0,
        "{}",
        String::from_utf8_lossy(&online.stderr)
    );

    // Revoked from a date before the old slips: they are refused; the new key's slip is not.
    desk.ok(
        "admin",
        &["key", "revoke", &old_kid, "--from", "1404/01/01"],
    );
    let keys = desk.key_set("keys-revoked.json");
    let out = verify_offline(&keys, &tokens[0], false);
    assert_eq!(exit(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("باطل"));
    assert_eq!(exit(&verify_offline(&keys, &new_token, false)), 0);
    // Only the administrator makes keys.
    assert_eq!(exit(&desk.run("clerk", &["key", "rotate"])), 3);
    // An export needs a passphrase; it opens with it on import.
    let export = desk.dir.path().join("key.sanadkey");
    let export = export.to_str().expect("path");
    let no_pass = desk.run("admin", &["key", "export", "--out", export]);
    assert_eq!(exit(&no_pass), 2);
    assert!(!Path::new(export).exists());
}

/// `sanad verify FILE.pdf` offline.
fn verify_copy_offline(keys: &str, file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", "sqlite:///nonexistent/folder/none.db")
        .args(["verify", file.to_str().expect("path"), "--keys", keys])
        .output()
        .expect("run sanad verify")
}

#[test]
fn a_certified_copy_is_written_verified_offline_and_refused_once_altered() {
    let desk = Desk::new();
    let scan = desk.dir.path().join("deed.pdf");
    std::fs::write(&scan, sanad_scan::samples::pdf(2)).expect("write scan");
    let code = desk.approved("electronic_copy", Some(&scan));
    // No signing key yet: the dispatch is refused (exit 2) and says why.
    let refused = desk.run("clerk", &["request", "act", &code, "dispatch"]);
    assert_eq!(exit(&refused), 2);
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("کلید امضا"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    desk.ok("admin", &["key", "init"]);
    desk.ok("clerk", &["request", "act", &code, "dispatch"]);
    let copy = desk.dir.path().join("copy.pdf");
    let out = desk.ok(
        "clerk",
        &["ecopy", &code, "--out", copy.to_str().expect("path")],
    );
    assert!(out.contains("نوشته شد"), "{out}");
    // The reviewer does not take copies out.
    assert_eq!(
        exit(&desk.run("reviewer", &["ecopy", &code, "--out", "/tmp/x.pdf"])),
        3
    );
    let keys = desk.key_set("keys.json");
    let good = verify_copy_offline(&keys, &copy);
    let text = String::from_utf8_lossy(&good.stdout).into_owned();
    assert_eq!(
        exit(&good),
        0,
        "{text}{}",
        String::from_utf8_lossy(&good.stderr)
    );
    assert!(
        text.contains("اصیل است") && text.contains("رونوشت الکترونیکی گواهی‌شده"),
        "{text}"
    );
    assert!(text.contains("\u{2068}۳\u{2069} صفحهٔ رونوشت"), "{text}");
    // One byte changed in the scan's pages (the last page's content, stored as written).
    let bytes = std::fs::read(&copy).expect("read copy");
    let page = b"Deed scan page 2";
    let at = bytes
        .windows(page.len())
        .position(|w| w == page)
        .expect("page text in the file");
    let mut altered = bytes.clone();
    altered[at + 10] ^= 0x01;
    let bad = desk.dir.path().join("altered.pdf");
    std::fs::write(&bad, &altered).expect("write");
    let out = verify_copy_offline(&keys, &bad);
    assert_eq!(exit(&out), 1, "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("اصیل نیست"));
    // Not a copy at all: the scan itself, and a text file.
    assert_eq!(exit(&verify_copy_offline(&keys, &scan)), 2);
    let text_file = desk.dir.path().join("note.pdf");
    std::fs::write(&text_file, "hello").expect("write");
    assert_eq!(exit(&verify_copy_offline(&keys, &text_file)), 2);
}
