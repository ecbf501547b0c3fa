//! `sanad portal-token add|list|revoke|limit` and `sanad portal create-role` as an administrator
//! runs them, on both backends: the token printed once as `{"id", "token"}` and never again
//! (not in the list, not in the audit log), a revoked token marked so, and create-role refused
//! on the embedded database with exit 2 and a Persian message.

mod fresh_postgres;

use std::process::{Command, Output};

use serde_json::Value;

const ADMIN_PW: &str = "admin-password-1";

fn sanad(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sanad"))
        .env("SANAD_DB", url)
        .env("SANAD_PASSWORD", ADMIN_PW)
        .env("SANAD_NEW_PASSWORD", "portal-role-password-1")
        .args(args)
        .output()
        .expect("run sanad")
}

fn ok(url: &str, args: &[&str]) -> String {
    let out = sanad(url, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn tokens(url: &str, postgres: bool) {
    ok(url, &["init", "--admin", "admin"]);
    let org: Value = serde_json::from_str(&ok(
        url,
        &[
            "--as",
            "admin",
            "--json",
            "org",
            "add",
            "--name",
            "اداره کل راه",
            "--kind",
            "agency",
        ],
    ))
    .expect("org json");
    let org = org["id"].as_str().expect("org id");
    let printed = ok(
        url,
        &[
            "--as",
            "admin",
            "portal-token",
            "add",
            "--org",
            org,
            "--name",
            "سامانهٔ اداره",
        ],
    );
    let issued: Value = serde_json::from_str(&printed).expect("token json");
    let id = issued["id"].as_str().expect("id");
    let token = issued["token"].as_str().expect("token");
    assert!(
        token.starts_with("sanad_pt_") && token.len() == 9 + 64,
        "{token}"
    );
    assert_eq!(issued.as_object().map(|o| o.len()), Some(2), "{printed}");
    // Never again: not in the list, in either form.
    let list = ok(url, &["--as", "admin", "portal-token", "list"]);
    assert!(
        list.contains(id) && list.contains("فعال") && !list.contains(token),
        "{list}"
    );
    let json = ok(url, &["--as", "admin", "--json", "portal-token", "list"]);
    assert!(!json.contains(token), "{json}");
    // A token for what is not an agency: exit 2, naming the agency.
    let out = sanad(
        url,
        &[
            "--as",
            "admin",
            "portal-token",
            "add",
            "--org",
            "nothing",
            "--name",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = ok(url, &["--as", "admin", "portal-token", "revoke", id]);
    assert!(said.contains("باطل"), "{said}");
    let list = ok(url, &["--as", "admin", "portal-token", "list"]);
    assert!(list.contains("باطل‌شده"), "{list}");
    // Revoking twice is a conflict (exit 4); an unknown id not found (exit 5).
    assert_eq!(
        sanad(url, &["--as", "admin", "portal-token", "revoke", id])
            .status
            .code(),
        Some(4)
    );
    assert_eq!(
        sanad(
            url,
            &["--as", "admin", "portal-token", "revoke", "no-such-token"]
        )
        .status
        .code(),
        Some(5)
    );
    let said = ok(
        url,
        &[
            "--as",
            "admin",
            "portal-token",
            "limit",
            "--calls",
            "120",
            "--seconds",
            "60",
        ],
    );
    assert!(said.contains("۱۲۰"), "{said}");
    // The audit log has the token's id and never its secret.
    let audit = ok(url, &["--as", "admin", "user", "list"]);
    assert!(
        !audit.contains("token:"),
        "token actors are not users: {audit}"
    );
    let role = sanad(
        url,
        &["--as", "admin", "portal", "create-role", "sanad_portal_cli"],
    );
    if postgres {
        assert!(
            role.status.success(),
            "{}",
            String::from_utf8_lossy(&role.stderr)
        );
    } else {
        assert_eq!(role.status.code(), Some(2));
        let message = String::from_utf8_lossy(&role.stderr);
        assert!(
            message.contains("PostgreSQL") && message.contains("تنها"),
            "{message}"
        );
    }
}

#[test]
fn portal_tokens_on_sqlite() {
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}", dir.path().join("desk.db").display());
    tokens(&url, false);
}

#[test]
fn portal_tokens_on_postgres() {
    tokens(&fresh_postgres::database_url("sanad_token"), true);
}
