//! `sanad org set-email` and `sanad setting ecopy-attach-to-mail`: where the destination is told
//! its certified copy waits on the portal, and whether the PDF goes with the message (issue 15).

use std::process::{Command, Output};

use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";

fn sanad(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", url)
        .env("SANAD_PASSWORD", ADMIN_PW)
        .args(args)
        .output()
        .expect("run sanad")
}

fn ok(url: &str, args: &[&str]) -> Value {
    let out = sanad(url, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn the_destinations_address_and_the_attachment_setting() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("sanad.db").display());
    let out = sanad(&url, &["init", "--admin", "admin"]);
    assert!(out.status.success());
    let court = ok(
        &url,
        &[
            "--as",
            "admin",
            "--json",
            "org",
            "add",
            "--name",
            "دادگستری استان",
            "--kind",
            "third_party",
        ],
    );
    let id = court["id"].as_str().expect("id");
    let set = ok(
        &url,
        &[
            "--as",
            "admin",
            "org",
            "set-email",
            id,
            "Registry@Court.Example.ir",
        ],
    );
    assert_eq!(set["email"], "Registry@court.example.ir");
    // A malformed address: exit 2, a Persian message naming the problem, nothing changed.
    let bad = sanad(
        &url,
        &["--as", "admin", "org", "set-email", id, "not an address"],
    );
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(message.contains("رایانامه"), "{message}");
    // Cleared with an empty address.
    let cleared = ok(&url, &["--as", "admin", "org", "set-email", id, ""]);
    assert_eq!(cleared["email"], Value::Null);
    // The PDF with the notice: off unless the administrator turns it on.
    let on = ok(
        &url,
        &["--as", "admin", "setting", "ecopy-attach-to-mail", "on"],
    );
    assert_eq!(on["ecopy_attach_to_mail"], true);
    let off = ok(
        &url,
        &["--as", "admin", "setting", "ecopy-attach-to-mail", "off"],
    );
    assert_eq!(off["ecopy_attach_to_mail"], false);
}
