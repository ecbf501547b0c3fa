#!/usr/bin/env bash
# End-to-end tests of the real desktop app: starts a virtual display (Xvfb) and tauri-driver
# (which runs WebKitWebDriver, which starts the app), then runs ui/e2e/desk.test.mjs with Node's
# test runner. `bash scripts/e2e.sh --measure` runs ui/e2e/measure.mjs instead (start-up time and
# memory, reported, not asserted).
# The app and the `sanad` command line must be built already (scripts/test.sh does it). The app
# runs on a fresh embedded database in a throwaway user data folder. Screenshots of each main
# screen land in $CARGO_TARGET_DIR/e2e-screenshots (default target/e2e-screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

target=${CARGO_TARGET_DIR:-$root/target}
app="$target/debug/sanad-desk"
cli="$target/debug/sanad"
for bin in "$app" "$cli"; do
  [ -x "$bin" ] || { echo "e2e: $bin is missing (cargo build -p sanad-desk -p sanad-cli)" >&2; exit 1; }
done
driver_bin=${TAURI_DRIVER:-$(command -v tauri-driver || true)}
[ -n "$driver_bin" ] || { echo "e2e: tauri-driver not found (set TAURI_DRIVER)" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "e2e: WebKitWebDriver missing (apt-get install webkit2gtk-driver)" >&2; exit 1; }

work=$(mktemp -d /tmp/sanad-e2e.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private home for the app: the embedded database, window state and WebKit caches.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset SANAD_DB

# A virtual display; Xvfb picks a free display number and writes it to fd 3.
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "e2e: Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

# The slip printer: the CUPS PDF queue of scripts/cups-test-printer.sh (test.sh starts it).
export E2E_PRINTER=${SANAD_TEST_PRINTER:-$(bash scripts/cups-test-printer.sh)}
export E2E_PRINTER_OUT=${SANAD_TEST_PRINTER_OUT:-$(getent passwd "$(id -un)" | cut -d: -f6)/PDF}
export E2E_WORK="$work/shared"
mkdir -p "$E2E_WORK"

# Two free loopback ports (tauri-driver's, and the WebKitWebDriver's behind it) unless given.
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=${SANAD_E2E_PORT:-$(free_port)}
native_port=${SANAD_E2E_NATIVE_PORT:-$(free_port)}
[ "$native_port" != "$port" ] || native_port=$((port + 1))
start_driver() {
  "$driver_bin" --port "$port" --native-port "$native_port" >>"$work/tauri-driver.log" 2>&1 &
  driver_pid=$!
  pids+=("$driver_pid")
}
start_driver

shots="$target/e2e-screenshots"
rm -rf "$shots"
status=0
export E2E_APP="$app" E2E_CLI="$cli" E2E_DRIVER_URL="http://127.0.0.1:$port" E2E_SCREENSHOTS="$shots" \
  E2E_DB_URL="sqlite://$XDG_DATA_HOME/sanaddesk/sanad.db"
if [ "${1:-}" = --measure ]; then
  # The baseline: the smallest Tauri window, built in the same profile.
  cargo build --manifest-path tools/minimal-window/Cargo.toml --target-dir "$target" >&2
  export E2E_MINIMAL_APP="$target/debug/minimal-window"
  node ui/e2e/measure.mjs || status=$?
else
  node --test --test-concurrency=1 --test-reporter=spec ui/e2e/desk.test.mjs || status=$?
  # Scans and letters, on the database the desk suite left (its users, organization, document).
  if [ "$status" = 0 ]; then
    node --test --test-concurrency=1 --test-reporter=spec ui/e2e/files.test.mjs || status=$?
  fi
  # A director's leave: the acting director's order, the marked queue, a bulk decision.
  if [ "$status" = 0 ]; then
    node --test --test-concurrency=1 --test-reporter=spec ui/e2e/delegation.test.mjs || status=$?
  fi
  # The administrator's API tokens and signing keys, and the certified copy on the request page.
  if [ "$status" = 0 ]; then
    node --test --test-concurrency=1 --test-reporter=spec ui/e2e/deskside.test.mjs || status=$?
  fi
  # A second desk: a new install on the office's PostgreSQL server, restoring the first desk's
  # backup. Needs the test server scripts/test.sh starts (SANAD_TEST_PG_URL).
  if [ "$status" = 0 ] && [ -n "${SANAD_TEST_PG_URL:-}" ]; then
    database="sanad_e2e_$(date +%s)_$$"
    psql "$SANAD_TEST_PG_URL" -qc "CREATE DATABASE $database"
    eval "$(node -e 'const u=new URL(process.argv[1]);console.log(`export E2E_PG_HOST=${u.hostname} E2E_PG_PORT=${u.port||5432} E2E_PG_USER=${decodeURIComponent(u.username)}`)' "$SANAD_TEST_PG_URL")"
    export E2E_PG_DATABASE="$database"
    kill "$driver_pid" 2>/dev/null || true
    wait "$driver_pid" 2>/dev/null || true
    export XDG_DATA_HOME="$work/data2" XDG_CONFIG_HOME="$work/config2" XDG_CACHE_HOME="$work/cache2"
    mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
    start_driver
    node --test --test-concurrency=1 --test-reporter=spec ui/e2e/first-run.test.mjs || status=$?
    psql "$SANAD_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  elif [ "$status" = 0 ]; then
    echo "e2e: SANAD_TEST_PG_URL is not set: the PostgreSQL first-run suite is skipped" >&2
  fi
fi
if [ "$status" != 0 ]; then
  echo "e2e: failed; tauri-driver's log:" >&2
  tail -n 50 "$work/tauri-driver.log" >&2 || true
fi
echo "e2e: screenshots in $shots"
exit "$status"
