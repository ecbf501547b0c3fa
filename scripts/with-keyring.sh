#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked Secret Service
# (gnome-keyring) on a fresh keyring folder: how the tests reach the OS keychain headless.
#   bash scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
keyrings=$(mktemp -d /tmp/sanad-keyring.XXXXXX)
export XDG_DATA_HOME="$keyrings"
export SANAD_KEYRING_SESSION=1
exec dbus-run-session -- bash -c '
  echo -n "sanad-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
