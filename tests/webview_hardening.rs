//! The webview's locks, read from the configuration the app is built with: a strict content
//! security policy, no global Tauri object, only the capabilities listed here, and no devtools
//! in release builds. Widening any of them fails this test until it is changed here, on purpose.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The permissions the UI needs. Add one here only with the command or plugin that needs it.
const ALLOWED_PERMISSIONS: &[&str] = &[];

#[test]
fn content_security_policy_is_strict() {
    let config = json(&root().join("tauri.conf.json"));
    let security = &config["app"]["security"];
    let csp = security["csp"].as_str().expect("a CSP string");
    let directives: Vec<(String, Vec<String>)> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_owned);
            let name = parts.next().unwrap_or_default();
            (name, parts.collect())
        })
        .collect();
    let get = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("the CSP has no {name}"))
    };
    assert_eq!(get("default-src"), vec!["'self'"]);
    assert_eq!(
        get("script-src"),
        vec!["'self'"],
        "no inline, eval or remote scripts"
    );
    for (name, sources) in &directives {
        for source in sources {
            let remote = source.starts_with("https:")
                || (source.starts_with("http:") && source != "http://ipc.localhost")
                || source == "*"
                || source.contains("'unsafe-eval'");
            assert!(
                !remote,
                "{name} allows {source}: nothing may load from the network"
            );
        }
    }
    for source in get("connect-src") {
        assert!(
            ["ipc:", "http://ipc.localhost"].contains(&source.as_str()),
            "connect-src {source}"
        );
    }
    assert!(security
        .get("dangerousDisableAssetCspModification")
        .is_none_or(|v| v == false));
    assert_eq!(config["app"]["withGlobalTauri"], false);
    let dist = config["build"]["frontendDist"]
        .as_str()
        .expect("frontendDist");
    assert!(
        !dist.starts_with("http"),
        "the UI ships inside the app: {dist}"
    );
}

#[test]
fn capabilities_grant_only_what_the_ui_uses() {
    let mut granted = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("capabilities"))
        .expect("capabilities folder")
        .flatten()
    {
        let capability = json(&entry.path());
        assert!(
            capability.get("remote").is_none(),
            "{}: no remote origin may call the app",
            entry.path().display()
        );
        assert_ne!(capability["local"], false);
        for p in capability["permissions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
        {
            let id = p
                .as_str()
                .map(str::to_owned)
                .or_else(|| p["identifier"].as_str().map(str::to_owned));
            granted.insert(id.expect("permission id"));
        }
    }
    let allowed: BTreeSet<String> = ALLOWED_PERMISSIONS.iter().map(|s| s.to_string()).collect();
    let extra: Vec<_> = granted.difference(&allowed).collect();
    assert!(
        extra.is_empty(),
        "permissions beyond the reviewed list: {extra:?}"
    );
}

#[test]
fn release_builds_have_no_devtools() {
    let text = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let manifest: toml::Table = text.parse().expect("Cargo.toml parses");
    let tauri = &manifest["dependencies"]["tauri"];
    let features: Vec<&str> = tauri
        .get("features")
        .and_then(|f| f.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    assert!(
        !features.contains(&"devtools"),
        "tauri's devtools feature is on: {features:?}"
    );
}
