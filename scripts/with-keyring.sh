#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked Secret Service
# (gnome-keyring) on a fresh keyring folder: how the tests reach the OS keychain headless.
#   bash scripts/with-keyring.sh COMMAND [ARGS...]
# With SANAD_KEYRING_PERSIST=1 the user's own keyring folder is used (the app's run command on a
# machine without a desktop session), so keys made now are there next time.
set -euo pipefail
if [ "${SANAD_KEYRING_PERSIST:-0}" != 1 ]; then
  keyrings=$(mktemp -d /tmp/sanad-keyring.XXXXXX)
  export XDG_DATA_HOME="$keyrings"
fi
export SANAD_KEYRING_SESSION=1
exec dbus-run-session -- bash -c '
  echo -n "sanad-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
