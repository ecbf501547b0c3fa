//! `sanad` never creates a database except through `init` and `restore` (issue 12): any other
//! command on a path with no database exits 5 with a Persian message naming the path, and
//! creates no file (a mistyped SANAD_DB must not become a second, empty office).

use std::path::Path;
use std::process::{Command, Output};

fn sanad(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", url)
        .env("SANAD_PASSWORD", "admin-password-1")
        .args(args)
        .output()
        .expect("run sanad")
}

#[test]
fn a_command_on_a_path_with_no_database_creates_nothing_and_exits_5() {
    let dir = tempfile::tempdir().expect("temp dir");
    let typo = dir.path().join("desk.db");
    let url = format!("sqlite://{}", typo.display());
    for args in [
        &["--as", "admin", "queue"][..],
        &["--as", "admin", "user", "list"],
        &["org", "list"],
        &["audit", "verify"],
        &["--as", "admin", "backup", "--out", "/nonexistent/b.sanad"],
    ] {
        let out = sanad(&url, args);
        assert_eq!(out.status.code(), Some(5), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("پایگاه داده‌ای نیست"), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&typo.display().to_string()),
            "names the path: {stderr}"
        );
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
        assert_eq!(
            std::fs::read_dir(dir.path())
                .map(|d| d.count())
                .unwrap_or(0),
            0,
            "{args:?}: nothing at all in the folder"
        );
    }
    // In a folder that does not exist either: no folder is made.
    let deeper = dir.path().join("no").join("such").join("desk.db");
    let out = sanad(
        &format!("sqlite://{}", deeper.display()),
        &["--json", "org", "list"],
    );
    assert_eq!(out.status.code(), Some(5));
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    assert_eq!(error["error"]["code"], "not_found");
    assert_eq!(error["error"]["messageId"], "error-database-file-none");
    assert_eq!(
        error["error"]["args"]["path"],
        deeper.display().to_string().as_str()
    );
    assert!(!Path::new(dir.path()).join("no").exists());
}

#[test]
fn init_still_makes_the_database_and_then_commands_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("desk.db");
    let url = format!("sqlite://{}", file.display());
    let out = sanad(&url, &["init", "--admin", "admin"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(file.exists());
    let out = sanad(&url, &["--as", "admin", "user", "list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
