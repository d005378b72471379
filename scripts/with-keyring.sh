#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service), as the keychain tests need on Linux. Usage: scripts/with-keyring.sh npm test
set -euo pipefail
if [ -z "${AMC_IN_KEYRING:-}" ]; then
  export AMC_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
# A password on stdin creates and unlocks the login keyring without a prompt; the keyring lives in a temp HOME.
export XDG_DATA_HOME="$(mktemp -d)"
printf "amc-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
