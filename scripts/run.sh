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
# The database key lives in the OS keychain. A desktop session has one (gnome-keyring, KWallet);
# a bare X server has no session bus: start the Secret Service for this run, keeping its keyring
# in the usual folder so the key is there next time.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec env SANAD_KEYRING_PERSIST=1 bash scripts/with-keyring.sh cargo run --locked -p sanad-desk
fi
exec cargo run --locked -p sanad-desk
