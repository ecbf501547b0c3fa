#!/usr/bin/env bash
# Launch time and idle memory of the desk against the empty Tauri window, as a user would see
# them: builds release binaries of the desk (with the `sanad` command line, to set up its
# database) and of tools/minimal-window, then launches each alternately under Xvfb (at least five
# times each; MEASURE_ROUNDS, default 5) through tauri-driver and measures, per launch, the time
# to the first rendered queue (the desk: to the sign-in screen, then a clerk signed in by
# WebDriver, the typing not counted) or to the page (the empty window), and the idle PSS of the
# process tree. ui/e2e/measure-launch.mjs describes the method. The last line printed is one JSON
# object with the medians and the ratios (desk / empty window) and the load average.
#   bash scripts/measure-launch.sh            # builds, then measures
#   SANAD_MEASURE_NO_BUILD=1 bash scripts/measure-launch.sh   # measures what is built
# Needs what scripts/e2e.sh needs (Xvfb, WebKitWebDriver, tauri-driver: TAURI_DRIVER or on PATH,
# else ~/.cache/sanad-tools/bin) and a keychain: it runs itself inside scripts/with-keyring.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ "${SANAD_KEYRING_SESSION:-}" != 1 ]; then
  exec bash scripts/with-keyring.sh bash "$0" "$@"
fi

target=${CARGO_TARGET_DIR:-$root/target}
if [ "${SANAD_MEASURE_NO_BUILD:-0}" != 1 ]; then
  bash scripts/build-ui.sh >&2
  cargo build --release --locked -p sanad-desk -p sanad-cli --features sanad-desk/custom-protocol >&2
  cargo build --release --locked --manifest-path tools/minimal-window/Cargo.toml \
    --features custom-protocol --target-dir "$target" >&2
fi
app="$target/release/sanad-desk"
cli="$target/release/sanad"
minimal="$target/release/minimal-window"
for bin in "$app" "$cli" "$minimal"; do
  [ -x "$bin" ] || { echo "measure-launch: $bin is missing" >&2; exit 1; }
done
driver_bin=${TAURI_DRIVER:-$(command -v tauri-driver || echo "${SANAD_TOOLS_DIR:-$HOME/.cache/sanad-tools}/bin/tauri-driver")}
[ -x "$driver_bin" ] || { echo "measure-launch: tauri-driver not found (set TAURI_DRIVER)" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "measure-launch: WebKitWebDriver missing (apt-get install webkit2gtk-driver)" >&2; exit 1; }

work=$(mktemp -d /tmp/sanad-measure.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A private home for both apps (the desk's database, window state, WebKit caches); the keychain
# session's own folder is kept by with-keyring.sh.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset SANAD_DB

Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "measure-launch: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
port=$(free_port)
native_port=$(free_port)
[ "$native_port" != "$port" ] || native_port=$((port + 1))
"$driver_bin" --port "$port" --native-port "$native_port" >>"$work/tauri-driver.log" 2>&1 &
pids+=($!)

echo "measure-launch: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
export E2E_APP="$app" E2E_CLI="$cli" E2E_MINIMAL_APP="$minimal" \
  E2E_DRIVER_URL="http://127.0.0.1:$port" E2E_DB_URL="sqlite://$XDG_DATA_HOME/sanaddesk/sanad.db"
status=0
node ui/e2e/measure-launch.mjs || status=$?
if [ "$status" != 0 ]; then
  echo "measure-launch: failed; tauri-driver's log:" >&2
  tail -n 30 "$work/tauri-driver.log" >&2 || true
fi
exit "$status"
