#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test with a private HOME and XDG folders, and with --keyring inside a private D-Bus
# session whose gnome-keyring is unlocked with a throwaway password: nothing a test writes,
# and no key it stores, can touch the real user's files or keyring.
set -eu
keyring=no
if [ "${1:-}" = "--keyring" ]; then
    keyring=yes
    shift
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/halo-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
export HOME="$scratch/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$scratch/run"
export HALO_TEST_HOME="$HOME"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS HALO_KEY

if [ "$keyring" = no ]; then
    "$@"
    exit $?
fi
dbus-run-session -- sh -c '
    eval "$(printf throwaway | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
    exec "$@"' sh "$@"
