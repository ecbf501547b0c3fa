//! The Sanad Desk (میز سند) desktop shell: builds the Tauri application, opens the database and
//! exposes the commands the web UI calls. Commands stay one-line wrappers over the core service.

use serde::Serialize;
use tauri::Manager;

/// The label of the main window in `tauri.conf.json` (created by [`start`], not by Tauri).
const MAIN_WINDOW: &str = "main";

/// What the window shows about the running application.
#[derive(Debug, Clone, Serialize)]
pub struct AppStatus {
    /// Where the database is (for the embedded SQLite database, the file's path).
    pub database: String,
}

/// State held by the application for the lifetime of the process.
struct DeskState {
    status: AppStatus,
}

/// Reports the application's status to the web UI.
#[tauri::command]
fn app_status(state: tauri::State<'_, DeskState>) -> AppStatus {
    state.status.clone()
}

/// Opens the database: creates and migrates the embedded SQLite database (or connects to the
/// configured PostgreSQL server) and returns where it is.
///
/// Placeholder until the storage is wired in: it touches nothing and returns a fixed string.
fn open_database(app: &tauri::App) -> Result<String, String> {
    let _ = app;
    Ok(String::from("(no database yet)"))
}

/// Start-up work, run once the event loop is ready: open the database, then show the main
/// window (it is declared with `"create": false`, so no window appears when start-up fails).
fn start(app: &mut tauri::App) -> Result<(), String> {
    let database =
        open_database(app).map_err(|error| format!("could not open the database: {error}"))?;
    app.manage(DeskState {
        status: AppStatus { database },
    });

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
        .setup(|app| {
            // An error returned from the setup hook makes Tauri panic, so failures are handled
            // here: report, then ask the event loop to exit with status 1.
            if let Err(error) = start(app) {
                eprintln!("sanad-desk: {error}");
                app.handle().exit(1);
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![app_status])
        .run(tauri::generate_context!())
}
