// Minimal shell page: asks the Rust side for the application's status and shows it.
// The React UI replaces this page in a later issue.

const invoke = (command, args) => window.__TAURI_INTERNALS__.invoke(command, args);

async function showStatus() {
  const database = document.getElementById("database");
  try {
    const status = await invoke("app_status");
    database.textContent = status.database;
  } catch (error) {
    database.classList.add("error");
    database.textContent = `خطا: ${error}`;
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", showStatus);
} else {
  showStatus();
}
