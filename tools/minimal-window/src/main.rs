//! One window showing one static page: the baseline a Tauri app cannot go below.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("minimal-window: {error}");
        std::process::exit(1);
    }
}
