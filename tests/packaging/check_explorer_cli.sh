#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# halo-explorer's command line: --version, --help, and the exit-code scheme shared with
# halo-cli (0 ok, 2 usage: an unknown option as much as a bad value).
#   check_explorer_cli.sh HALO_EXPLORER
set -uo pipefail

exe=${1:?usage: $0 HALO_EXPLORER}
home=$(mktemp -d "${TMPDIR:-/tmp}/halo-explorer-cli.XXXXXX")
trap 'rm -rf "$home"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
run() {
    HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data \
        XDG_CACHE_HOME=$home/cache QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.*=false' \
        "$exe" "$@" >"$home/out" 2>"$home/err"
}

run --version
rc=$?
[ "$rc" -eq 0 ] || fail "--version exits $rc"
grep -qE '^halo-explorer [0-9]+\.[0-9]+\.[0-9]+$' "$home/out" || fail "--version: $(cat "$home/out")"

# no display at all (over ssh, say): --version and --help still answer
for flag in --version --help; do
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$home" \
        XDG_CONFIG_HOME="$home/config" "$exe" "$flag" >"$home/out" 2>"$home/err"
    rc=$?
    [ "$rc" -eq 0 ] || fail "$flag without a display exits $rc: $(cat "$home/err")"
    [ -s "$home/out" ] || fail "$flag without a display printed nothing"
done

run --help
rc=$?
[ "$rc" -eq 0 ] || fail "--help exits $rc"
for word in Usage --sandbox --environment --base-url --version 'Exit status'; do
    grep -q -- "$word" "$home/out" || fail "--help lacks $word"
done

# usage errors: exit 2, a message naming the problem and a hint to --help on stderr
check_usage() {
    local mentioned=$1
    shift
    run "$@"
    local rc=$?
    [ "$rc" -eq 2 ] || fail "$*: exit $rc, expected 2"
    grep -q -- "$mentioned" "$home/err" || fail "$*: stderr does not mention $mentioned"
    grep -q -- "--help" "$home/err" || fail "$*: stderr has no hint to --help"
    [ ! -s "$home/out" ] || fail "$*: wrote to stdout: $(cat "$home/out")"
}
check_usage frobnicate --frobnicate
check_usage environment --environment
check_usage stray stray

# a bad value: exit 2 as before (the message comes from the endpoint check)
run --environment nowhere
rc=$?
[ "$rc" -eq 2 ] || fail "--environment nowhere: exit $rc, expected 2"
[ -s "$home/err" ] || fail "--environment nowhere: no message on stderr"

if [ "$failures" -ne 0 ]; then
    exit 1
fi
echo "halo-explorer command line OK"
