//! The Windows installer's deliberate choices, read from the configuration it is built with
//! (installers cannot be built on Linux, so this is what a Linux run can check): a per-machine
//! NSIS install in Persian with our reviewed strings, WebView2 bundled for offline PCs, no
//! self-updater. See src-tauri/installer/README.md for why each choice was made.

use std::collections::BTreeSet;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn config() -> serde_json::Value {
    let path = root().join("tauri.conf.json");
    let text = std::fs::read_to_string(&path).expect("tauri.conf.json");
    serde_json::from_str(&text).expect("tauri.conf.json is JSON")
}

/// The string ids Tauri's NSIS template reads (`$(id)` in installer.nsi and utils.nsh of the
/// tauri-bundler inside @tauri-apps/cli 2.12.5). A CLI upgrade that adds one must add it here
/// and to src-tauri/installer/Farsi.nsh, in reviewed Persian; a missing one would show English.
const TEMPLATE_STRING_IDS: &[&str] = &[
    "addOrReinstall",
    "alreadyInstalled",
    "alreadyInstalledLong",
    "appRunning",
    "appRunningOkKill",
    "chooseHowToInstall",
    "chooseMaintenanceOption",
    "createDesktop",
    "deleteAppData",
    "dontUninstall",
    "dontUninstallDowngrade",
    "failedToKillApp",
    "installingWebview2",
    "newerVersionInstalled",
    "noPermissionToCloseApp",
    "older",
    "olderOrUnknownVersionInstalled",
    "silentDowngrades",
    "unableToUninstall",
    "uninstallApp",
    "uninstallBeforeInstalling",
    "unknown",
    "webview2AbortError",
    "webview2DownloadError",
    "webview2DownloadSuccess",
    "webview2Downloading",
    "webview2InstallError",
    "webview2InstallSuccess",
];

/// The placeholders each string must keep (filled in when the installer is built, or when it
/// runs): dropping one loses the product name, version or error code from the message.
const PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("alreadyInstalledLong", &["${PRODUCTNAME}", "${VERSION}"]),
    ("appRunning", &["{{product_name}}"]),
    ("appRunningOkKill", &["{{product_name}}"]),
    ("chooseHowToInstall", &["${PRODUCTNAME}"]),
    ("failedToKillApp", &["{{product_name}}"]),
    ("newerVersionInstalled", &["${PRODUCTNAME}"]),
    ("noPermissionToCloseApp", &["{{product_name}}"]),
    ("olderOrUnknownVersionInstalled", &["$R4", "${PRODUCTNAME}"]),
    ("uninstallApp", &["${PRODUCTNAME}"]),
    ("webview2DownloadError", &["$0"]),
    ("webview2InstallError", &["$1"]),
];

/// `(id, text)` of every `LangString id ${LANG_FARSI} "text"` line of the Persian file.
fn farsi_strings() -> Vec<(String, String)> {
    let path = root().join("src-tauri/installer/Farsi.nsh");
    let text = std::fs::read_to_string(&path).expect("src-tauri/installer/Farsi.nsh");
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with(';'))
        .map(|line| {
            let rest = line
                .strip_prefix("LangString ")
                .unwrap_or_else(|| panic!("not a LangString line: {line}"));
            let (id, rest) = rest.split_once(' ').expect("an id");
            let quoted = rest
                .strip_prefix("${LANG_FARSI} ")
                .unwrap_or_else(|| panic!("{id}: not for ${{LANG_FARSI}}: {line}"));
            let inner = quoted
                .strip_prefix('"')
                .and_then(|q| q.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{id}: not one quoted string: {line}"));
            (id.to_owned(), inner.to_owned())
        })
        .collect()
}

#[test]
fn the_nsis_installer_is_per_machine_persian_and_offline() {
    let config = config();
    let windows = &config["bundle"]["windows"];
    let nsis = &windows["nsis"];
    // Program Files, for IT to deploy to every desk (and nothing per-user left behind).
    assert_eq!(nsis["installMode"], "perMachine");
    // NSIS picks the installer's language from Windows' display language among those listed;
    // office PCs mostly run English Windows, so English is left out to make Persian the one.
    assert_eq!(nsis["languages"], serde_json::json!(["Farsi"]));
    assert_eq!(nsis["displayLanguageSelector"], false);
    let custom = nsis["customLanguageFiles"]["Farsi"]
        .as_str()
        .expect("a custom Persian language file");
    assert!(root().join(custom).is_file(), "{custom} is missing");
    // The WebView2 runtime travels inside the installer: offline PCs cannot download it, and
    // `fixedRuntime` has printing problems (WebView2Feedback #4790).
    assert_eq!(windows["webviewInstallMode"]["type"], "offlineInstaller");
    // No self-updater: offices deploy new versions through IT.
    assert_eq!(config["bundle"]["createUpdaterArtifacts"], false);
    let plugins = &config["plugins"];
    assert!(plugins.get("updater").is_none(), "{plugins}");
    // Tauri's MSI bundler knows no fa-IR (its WiX languages table has no Persian entry and it
    // stops the build on any language it lacks): the MSI stays en-US, the NSIS one is Persian.
    assert_eq!(windows["wix"]["language"], serde_json::json!(["en-US"]));
}

#[test]
fn the_persian_installer_strings_cover_the_template_and_keep_its_placeholders() {
    let strings = farsi_strings();
    let ids: BTreeSet<&str> = strings.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(strings.len(), ids.len(), "an id is defined twice");
    let expected: BTreeSet<&str> = TEMPLATE_STRING_IDS.iter().copied().collect();
    assert_eq!(ids, expected);
    for (id, needed) in PLACEHOLDERS {
        let (_, text) = strings.iter().find(|(i, _)| i == id).expect("the id");
        for placeholder in *needed {
            assert!(
                text.contains(placeholder),
                "{id} lost {placeholder}: {text}"
            );
        }
    }
    for (id, text) in &strings {
        assert!(!text.trim().is_empty(), "{id} is empty");
        // A bare quote would end the NSIS string early.
        assert!(!text.contains('"'), "{id}: {text}");
        // Persian letters, not their Arabic look-alikes (ي U+064A, ك U+0643), which break
        // search and look wrong in some fonts.
        assert!(
            !text.contains(['\u{064A}', '\u{0643}']),
            "{id} has an Arabic yeh or kaf: {text}"
        );
        assert!(
            text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{id} is not in Persian: {text}"
        );
    }
}
