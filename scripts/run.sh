#!/usr/bin/env bash
# Sets up and starts Sanad Desk on its embedded database (a SQLite file in the user data folder).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build-ui.sh

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
There is no display here. Sanad Desk is a desktop window; to run it on a machine without a screen,
start a virtual one and point the app at it:
    Xvfb :99 -screen 0 1280x800x24 &
    DISPLAY=:99 bash scripts/run.sh
MSG
  exit 1
fi
exec cargo run --locked -p sanad-desk
