fn main() {
    // `tauri.conf.json` and `capabilities/` sit at the package root (the workspace root), which is
    // where tauri-build looks by default: build scripts run in the package's manifest directory.
    tauri_build::build();
}
