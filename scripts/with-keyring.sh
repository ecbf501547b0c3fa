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
# gnome-keyring-daemon has been seen to die on a GLib assertion under many parallel clients.
# D-Bus would then start a locked one that can only prompt (there is no display), and every
# later keychain call would fail. So the unlocked daemon runs in the foreground under a watchdog
# that starts it again, unlocked with the same password over the same keyring files (the secrets
# are kept on disk), replacing any locked one D-Bus started meanwhile.
exec dbus-run-session -- bash -c '
  keyring() {
    echo -n "sanad-test-keyring" |
      gnome-keyring-daemon --replace --foreground --unlock --components=secrets >/dev/null 2>&1 &
    daemon=$!
  }
  keyring
  sleep 0.5
  (
    while sleep 1; do
      if ! kill -0 "$daemon" 2>/dev/null; then
        echo "with-keyring: the keyring daemon stopped; starting it again" >&2
        keyring
      fi
    done
  ) &
  watchdog=$!
  status=0
  "$@" || status=$?
  kill "$watchdog" 2>/dev/null || true
  exit "$status"' bash "$@"
