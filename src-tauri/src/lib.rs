//! The Sanad Desk (میز سند) desktop shell: builds the Tauri application, opens the database and
//! exposes the commands the web UI calls. Commands stay one-line wrappers over the core service.

mod bindings;
mod commands;
mod error;
mod state;

use tauri::Manager;

pub use commands::{AppStatus, Session};
pub use error::CommandError;

/// The label of the main window in `tauri.conf.json` (created by [`start`], not by Tauri).
const MAIN_WINDOW: &str = "main";

/// Opens the database with the core's [`sanad_service::Service::open`]: the embedded SQLite file
/// in the user data folder (encrypted, its key in the OS keychain), or `SANAD_DB` when set, as the
/// command line does. Returns the service, or the error the window shows in Persian (for example
/// a locked keychain), with a description of where the data is.
fn open_database() -> (Result<sanad_service::Service, CommandError>, String) {
    let url = match std::env::var("SANAD_DB") {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => sanad_service::default_database_url(),
    };
    let url = match url {
        Ok(url) => url,
        Err(error) => return (Err(CommandError::from(error)), String::new()),
    };
    // Show where the data is, never a password that a PostgreSQL URL might carry.
    let shown = match url.strip_prefix("sqlite://") {
        Some(path) => path.to_owned(),
        None => "PostgreSQL".to_owned(),
    };
    let service = tauri::async_runtime::block_on(sanad_service::Service::open(&url));
    if let Err(error) = &service {
        eprintln!("sanad-desk: could not open the database {shown}: {error}");
    }
    (service.map_err(CommandError::from), shown)
}

/// Start-up work, run once the event loop is ready: open the database, then show the main
/// window (declared with `"create": false`). When the database cannot be opened the window still
/// opens and says why, in Persian, instead of the process vanishing.
fn start(app: &mut tauri::App) -> Result<(), String> {
    let (service, database) = open_database();
    app.manage(state::DeskState::new(service, database));

    let window = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == MAIN_WINDOW)
        .cloned()
        .ok_or_else(|| format!("tauri.conf.json declares no window labelled `{MAIN_WINDOW}`"))?;
    tauri::WebviewWindowBuilder::from_config(app.handle(), &window)
        .and_then(|builder| builder.build())
        .map_err(|error| format!("could not open the main window: {error}"))?;
    Ok(())
}

/// Builds and runs the desktop application. A start-up failure is reported on standard error
/// and ends the process with exit status 1.
pub fn run() {
    if let Err(error) = try_run() {
        eprintln!("sanad-desk: {error}");
        std::process::exit(1);
    }
}

fn try_run() -> Result<(), tauri::Error> {
    tauri::Builder::default()
        // Remembers the window's size, position and maximized state between runs.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| {
            // An error returned from the setup hook makes Tauri panic, so failures are handled
            // here: report, then ask the event loop to exit with status 1.
            if let Err(error) = start(app) {
                eprintln!("sanad-desk: {error}");
                app.handle().exit(1);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::init_admin,
            commands::login,
            commands::change_password,
            commands::logout,
            commands::list_users,
            commands::add_user,
            commands::list_organizations,
            commands::add_organization,
            commands::list_documents,
            commands::add_document,
            commands::register_request,
            commands::request_by_code,
            commands::act,
            commands::queue,
            commands::search,
        ])
        .run(tauri::generate_context!())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> serde_json::Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json");
        let text = std::fs::read_to_string(path).expect("tauri.conf.json is readable");
        serde_json::from_str(&text).expect("tauri.conf.json is JSON")
    }

    #[test]
    fn app_status_serializes_as_the_page_reads_it() {
        let status = AppStatus {
            database: String::from("/data/sanad.db"),
            backend: String::from("sqlite"),
            needs_first_admin: true,
            session: None,
        };
        let json = serde_json::to_value(status).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({
                "database": "/data/sanad.db",
                "backend": "sqlite",
                "needs_first_admin": true,
                "session": null
            })
        );
    }

    #[test]
    fn release_builds_have_no_devtools() {
        let manifest = include_str!("../../Cargo.toml");
        let tauri_line = manifest
            .lines()
            .find(|line| line.starts_with("tauri = "))
            .expect("a tauri dependency");
        assert!(!tauri_line.contains("devtools"), "{tauri_line}");
    }

    #[test]
    fn the_window_grants_no_permission_beyond_the_apps_own_commands() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/default.json");
        let text = std::fs::read_to_string(path).expect("capabilities/default.json");
        let capability: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(capability["local"], serde_json::json!(true));
        assert!(capability.get("remote").is_none(), "{capability}");
        assert_eq!(capability["permissions"], serde_json::json!([]));
    }

    #[test]
    fn main_window_is_declared_but_created_by_start() {
        let config = config();
        let windows = config["app"]["windows"].as_array().expect("windows");
        let main = windows
            .iter()
            .find(|window| window["label"] == MAIN_WINDOW)
            .expect("a main window");
        // `start` builds it once the database is open; Tauri must not build it too.
        assert_eq!(main["create"], serde_json::json!(false));
    }

    #[test]
    fn content_security_policy_stays_strict() {
        let config = config();
        let csp = config["app"]["security"]["csp"]
            .as_str()
            .expect("a CSP string");
        let sources: Vec<&str> = csp.split([';', ' ']).collect();
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "http:", "https:", "*"] {
            assert!(
                !sources.contains(&forbidden),
                "CSP allows {forbidden}: {csp}"
            );
        }
        assert!(
            csp.contains("connect-src ipc: http://ipc.localhost"),
            "{csp}"
        );
        assert_eq!(config["app"]["withGlobalTauri"], serde_json::json!(false));
    }
}
