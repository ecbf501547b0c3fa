//! The Sanad Desk (میز سند) desktop shell: builds the Tauri application, opens the database and
//! exposes the commands the web UI calls. Commands stay one-line wrappers over one use case of the
//! application layer (`sanad_service::Service`, `sanad_app`); their TypeScript client is
//! generated from their signatures (`client.rs`).

mod bindings;
#[cfg(test)]
mod client;
mod commands;
mod error;
// Windows: the slip printed through WebView2's print API (the spooler takes no PDF there).
#[cfg(windows)]
mod print_windows;
mod state;

use tauri::Manager;

pub use commands::{AppStatus, Session};
pub use error::CommandError;

/// The label of the main window in `tauri.conf.json` (created by [`start`], not by Tauri).
const MAIN_WINDOW: &str = "main";

/// Where the desk's data is: `SANAD_DB` when set (as the command line does), else the desk's
/// saved connection (the embedded, encrypted file in the user data folder unless a PostgreSQL
/// server was chosen). Reads one small file; the keychain and the database come later, in
/// [`open_database`].
fn database_url() -> (Result<String, CommandError>, String, bool) {
    let from_environment = std::env::var("SANAD_DB").is_ok_and(|url| !url.trim().is_empty());
    match sanad_service::desk_database_url() {
        Ok(url) => {
            let shown = sanad_app::connection::shown(&url);
            (Ok(url), shown, from_environment)
        }
        Err(error) => (
            Err(CommandError::from(error)),
            String::new(),
            from_environment,
        ),
    }
}

/// Opens the desk's database with the core's [`sanad_service::Service::open_reporting`], telling
/// the window's start screen what it waits for (the keychain, the database and its migrations).
/// A failure is kept for the window to show in Persian (for example a locked keychain or an
/// unreachable server).
async fn open_database(
    desk: &state::DeskState,
    url: Result<String, CommandError>,
    shown: String,
    from_environment: bool,
) -> state::OpenDatabase {
    let url = match url {
        Ok(url) => url,
        Err(error) => {
            return state::OpenDatabase {
                service: Err(error),
                shown,
                from_environment,
            }
        }
    };
    log::info!("opening the database {shown}");
    let service = sanad_service::Service::open_reporting(&url, |stage| {
        desk.set_stage(stage.into());
    })
    .await;
    if let Err(error) = &service {
        log::error!("could not open the database {shown}: {error}");
    }
    state::OpenDatabase {
        service: service.map(std::sync::Arc::new).map_err(CommandError::from),
        shown,
        from_environment,
    }
}

/// How long after the database opened the background work (the outbox) starts even if the
/// window never said it showed its first screen.
const BACKGROUND_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(10);

/// Start-up work, run once the event loop is ready: show the main window (declared with
/// `"create": false`) at once, then open the keychain and the database behind it. The window's
/// start screen asks `app_status`, which waits for the database (`start_stage` says what for);
/// when the database cannot be opened the window says why, in Persian, instead of the process
/// vanishing. Background work waits for the first screen (`first_screen_shown`).
fn start(app: &mut tauri::App) -> Result<(), String> {
    let (url, shown, from_environment) = database_url();
    app.manage(state::DeskState::opening(shown.clone(), from_environment));

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

    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        let desk = handle.state::<state::DeskState>();
        let database = open_database(&desk, url, shown, from_environment).await;
        desk.opened(database);
        tokio::time::sleep(BACKGROUND_AT_THE_LATEST).await;
        desk.first_screen_shown();
    });
    Ok(())
}

/// The desk's log, for the administrator and support: the app's log folder (on Windows
/// `%LOCALAPPDATA%\\ir.gov.sanad.desk\\logs`, on Linux `$XDG_DATA_HOME/ir.gov.sanad.desk/logs`), file
/// `sanad-desk.log`, five files of 1 MB kept, local time. Warnings of every library, this desk's
/// and the core's notes too. It holds what went wrong (storage details the window never shows),
/// never a password or an applicant's data: the core's errors carry neither. The window cannot
/// write to it (no log permission in the capabilities).
fn log_file() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind, TimezoneStrategy};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::Stderr),
            Target::new(TargetKind::LogDir {
                file_name: Some(String::from("sanad-desk")),
            }),
        ])
        .level(log::LevelFilter::Warn)
        .level_for("sanad_desk_lib", log::LevelFilter::Info)
        .level_for("sanad_service", log::LevelFilter::Info)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .timezone_strategy(TimezoneStrategy::UseLocal)
        .build()
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
        .plugin(log_file())
        // Remembers the window's size, position and maximized state between runs.
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| {
            // An error returned from the setup hook makes Tauri panic, so failures are handled
            // here: report, then ask the event loop to exit with status 1.
            if let Err(error) = start(app) {
                log::error!("could not start: {error}");
                app.handle().exit(1);
            }
            Ok(())
        })
        // The command surface, listed once: `client.rs` generates the window's client from
        // exactly these commands and fails when the committed one differs.
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::start_stage,
            commands::first_screen_shown,
            commands::vocabulary,
            commands::init_admin,
            commands::login,
            commands::session_touch,
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
            commands::accounts::reset_password,
            commands::accounts::set_user_active,
            commands::accounts::account_policy,
            commands::accounts::set_account_policy,
            commands::audit::audit_log,
            commands::audit::verify_audit,
            commands::backup::suggested_backup_path,
            commands::backup::write_backup,
            commands::backup::restore_backup,
            commands::changes::watch_changes,
            commands::checks::check_field,
            commands::checks::duplicate_organizations,
            commands::connection::connection_settings,
            commands::connection::connect_database,
            commands::slip::slip_preview,
            commands::slip::print_slip,
            commands::receipt::receipt_preview,
            commands::receipt::print_receipt,
            commands::receipt::save_receipt,
            commands::receipt::suggested_receipt_path,
            commands::receipt::forget_receipt,
            commands::portal_tokens::list_portal_tokens,
            commands::portal_tokens::issue_portal_token,
            commands::portal_tokens::revoke_portal_token,
            commands::portal_tokens::api_rate_limit,
            commands::portal_tokens::set_api_rate_limit,
            commands::signing_keys::signing_keys,
            commands::signing_keys::init_signing_key,
            commands::signing_keys::rotate_signing_key,
            commands::signing_keys::revoke_signing_key,
            commands::ecopy::ecopy_info,
            commands::ecopy::save_ecopy,
            commands::ecopy::suggested_ecopy_path,
            commands::complaints::register_complaint,
            commands::complaints::complaint_by_code,
            commands::complaints::complaints,
            commands::complaints::complaint_assignees,
            commands::complaints::complaint_step,
            commands::complaints::complaint_notifications,
            commands::track::track,
            commands::files::attach_scan,
            commands::files::document_scans,
            commands::files::attach_request_file,
            commands::files::request_files,
            commands::files::file_thumbnail,
            commands::register_import::plan_document_import,
            commands::register_import::import_documents,
            commands::agency_accounts::list_agency_users,
            commands::agency_accounts::add_agency_user,
            commands::agency_accounts::reset_agency_password,
            commands::agency_accounts::set_agency_user_active,
            commands::delegations::delegations,
            commands::delegations::add_delegation,
            commands::delegations::end_delegation,
            commands::delegations::act_many,
            commands::notices::notice_board,
            commands::notices::add_notice,
            commands::notices::cancel_notice,
            commands::notices::active_banners,
            commands::calendar::holidays,
            commands::calendar::add_holiday,
            commands::calendar::remove_holiday,
            commands::calendar::calendar_settings,
            commands::calendar::set_thursday_off,
            commands::calendar::set_office_hours,
            commands::calendar::overdue_requests,
            commands::mail::mail_settings,
            commands::mail::set_mail_settings,
            commands::mail::request_notifications,
            commands::reports::report,
            commands::reports::suggested_export_path,
            commands::reports::export_report,
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
        // `start` builds it at once, before the database opens behind it; Tauri must not
        // build it too.
        let config = config();
        let windows = config["app"]["windows"].as_array().expect("windows");
        let main = windows
            .iter()
            .find(|window| window["label"] == MAIN_WINDOW)
            .expect("a main window");
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
