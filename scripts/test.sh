#!/usr/bin/env bash
# Sets up and runs every test: installs system packages, builds the web UI and checks it (eslint,
# prettier, Vitest), starts a throwaway PostgreSQL server on loopback, runs the whole workspace's
# tests against both the SQLite file and PostgreSQL, then builds the desktop app and runs its
# end-to-end tests in the real app (tauri-driver + WebKitWebDriver under Xvfb).
# The reliability tests run short here (README, Reliability): a few SIGKILL crash rounds and the
# PostgreSQL restart/terminate scenarios inside `cargo test`, then 7 s of fuzzing per target.
# Extra arguments go to `cargo test`; SANAD_SKIP_E2E=1 skips the end-to-end tests,
# SANAD_SKIP_PORTAL_E2E=1 the portal's browser test and SANAD_SKIP_FUZZ=1 the fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
# Everything below talks to the OS keychain: run it inside a private Secret Service session.
if [ -z "${SANAD_KEYRING_SESSION:-}" ]; then
  exec bash scripts/with-keyring.sh bash "$0" "$@"
fi
bash scripts/build-ui.sh

echo "== UI: lint, format, unit tests"
(cd ui && npm run --silent lint && npm test --silent)

pgdir=$(mktemp -d /tmp/sanad-test-pg.XXXXXX)
port=${SANAD_TEST_PG_PORT:-54339}
cleanup() { bash scripts/pg-test-server.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap cleanup EXIT
SANAD_TEST_PG_URL=$(bash scripts/pg-test-server.sh start "$pgdir" "$port")
export SANAD_TEST_PG_URL
export SANAD_TEST_PG_CA="$pgdir/server.crt"
# The server-restart test (crates/sanad-service/tests/pg_restart.rs) restarts it with this.
export SANAD_TEST_PG_RESTART="bash $PWD/scripts/pg-test-server.sh restart $pgdir"
# The end-to-end PostgreSQL suite stops the server under a signed-in desk and starts it again.
export SANAD_TEST_PG_STOP="bash $PWD/scripts/pg-test-server.sh stop $pgdir"
export SANAD_TEST_PG_START="bash $PWD/scripts/pg-test-server.sh start $pgdir $port"
# A CUPS PDF printer for the slip printing tests; its jobs land in the user's (passwd) home, in PDF/.
SANAD_TEST_PRINTER=$(bash scripts/cups-test-printer.sh); export SANAD_TEST_PRINTER SANAD_TEST_PRINTER_OUT="$(getent passwd "$(id -un)" | cut -d: -f6)/PDF"

# With the features the app ships with (custom-protocol: assets inside), so the end-to-end build
# below and the .deb step reuse this build of Tauri instead of compiling it a second time.
cargo test --workspace --locked --no-fail-fast --features sanad-desk/custom-protocol "$@"

if [ "${SANAD_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzzing: 7 s per target (the long run: bash scripts/reliability.sh --long)"
  bash scripts/fuzz.sh 7
fi

if [ "${SANAD_SKIP_PORTAL_E2E:-0}" != 1 ]; then
  echo "== the portal in headless Chromium"
  cargo build --locked -p sanad-cli -p sanad-portal
  bash portal-e2e/run.sh
  echo "== the portal in headless Chromium, on PostgreSQL under the portal's own role"
  psql -q "$SANAD_TEST_PG_URL" -c 'DROP DATABASE IF EXISTS sanad_portal_e2e' -c 'CREATE DATABASE sanad_portal_e2e'
  SHOTS="${CARGO_TARGET_DIR:-target}/portal-screenshots/postgres" \
    SANAD_PORTAL_E2E_DB="${SANAD_TEST_PG_URL%/*}/sanad_portal_e2e" bash portal-e2e/run.sh
fi

if [ "${SANAD_SKIP_E2E:-0}" != 1 ]; then
  echo "== end-to-end: the real app"
  # Built as it ships (assets inside, custom-protocol): the .deb CI step then reuses this build.
  cargo build --locked -p sanad-desk -p sanad-cli --features sanad-desk/custom-protocol
  # tauri-driver 2.x (never the 3.0 alphas), installed once into a cache outside the clone.
  tools=${SANAD_TOOLS_DIR:-$HOME/.cache/sanad-tools}
  if [ ! -x "$tools/bin/tauri-driver" ]; then
    cargo install --locked --root "$tools" tauri-driver --version '^2'
  fi
  TAURI_DRIVER="$tools/bin/tauri-driver" bash scripts/e2e.sh
fi
