#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a build directory (cpack -G DEB, into a scratch directory),
# lints it, unpacks it and checks what it installs: files, validators, manual pages, and the
# three programs run from the unpacked tree.
#   check_package.sh BUILD_DIR
set -euo pipefail

build_dir=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/halo-package-test.XXXXXX")
explorer_pid=
cleanup() {
    if [ -n "$explorer_pid" ]; then
        kill "$explorer_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

echo "==> cpack -G DEB"
(cd "$build_dir" && cpack -G DEB -B "$scratch/cpack") >"$scratch/cpack.log" 2>&1 || {
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack" >&2
    exit 1
}
debs=("$scratch"/cpack/*.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || {
    echo "FAIL: expected one .deb, got: ${debs[*]}" >&2
    exit 1
}
deb=${debs[0]}
echo "    $(basename "$deb")"

echo "==> lintian (errors and warnings fail)"
lintian_rc=0
lintian --fail-on error,warning "$deb" >"$scratch/lintian.log" 2>&1 || lintian_rc=$?
grep -v 'running with root privileges' "$scratch/lintian.log" || true
if [ "$lintian_rc" -ne 0 ] || grep -qE '^[EW]: ' "$scratch/lintian.log"; then
    fail "lintian reported errors or warnings (exit $lintian_rc)"
fi

echo "==> control fields"
control=$(dpkg-deb -f "$deb")
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6sql6-sqlite libqt6svg6 libqt6widgets6 libc6; do
    grep -qE "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
description=$(dpkg-deb -f "$deb" Description)
[ "$(wc -l <<<"$description")" -ge 3 ] || fail "no extended description: $description"
installed_size=$(dpkg-deb -f "$deb" Installed-Size)
echo "    Installed-Size: $installed_size KiB"
[ "$installed_size" -lt 30000 ] || fail "Installed-Size $installed_size KiB: not stripped?"
grep -q '^Package: halo-explorer$' <<<"$control" || fail "package name"

echo "==> contents"
root=$scratch/root
dpkg-deb -x "$deb" "$root"
app_id=io.haloexplorer.HaloExplorer
expected=(
    usr/bin/halo-explorer usr/bin/halo-cli usr/bin/halo-sandbox
    usr/share/man/man1/halo-explorer.1.gz usr/share/man/man1/halo-cli.1.gz
    usr/share/man/man1/halo-sandbox.1.gz
    usr/share/applications/$app_id.desktop
    usr/share/metainfo/$app_id.metainfo.xml
    usr/share/icons/hicolor/scalable/apps/$app_id.svg
    usr/share/bash-completion/completions/halo-cli
    usr/share/zsh/vendor-completions/_halo-cli
    usr/share/doc/halo-explorer/copyright
    usr/share/doc/halo-explorer/changelog.gz
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("usr/share/icons/hicolor/${size}x$size/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    [ -f "$root/$path" ] || fail "missing /$path"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png
    [ -f "$png" ] || continue
    file "$png" | grep -q "PNG image data, $size x $size" || fail "$png: $(file -b "$png")"
done
for program in halo-explorer halo-cli halo-sandbox; do
    if file "$root/usr/bin/$program" | grep -q 'not stripped'; then
        fail "/usr/bin/$program is not stripped"
    fi
done
copyright=$root/usr/share/doc/halo-explorer/copyright
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
    "$copyright" || fail "copyright is not DEP-5"
grep -q '/usr/share/common-licenses/GPL-3' "$copyright" || fail "copyright: no GPL-3 reference"
for notice in QScintilla QtKeychain SQLite 'Qt HttpServer'; do
    grep -q "$notice" "$copyright" || fail "copyright lacks the notice for $notice"
done
gzip -t "$root/usr/share/doc/halo-explorer/changelog.gz" || fail "changelog.gz is not gzip"

echo "==> desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"

echo "==> manual pages"
for page in halo-explorer halo-cli halo-sandbox; do
    gz=$root/usr/share/man/man1/$page.1.gz
    [ -f "$gz" ] || continue
    rendered=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$gz" 2>"$scratch/man.err" |
        col -b) || fail "man -l $page"
    if [ -s "$scratch/man.err" ]; then
        fail "man -l $page warns: $(cat "$scratch/man.err")"
    fi
    grep -q 'EXIT STATUS' <<<"$rendered" || fail "$page(1) has no EXIT STATUS"
    for code in 0 1 2 3; do
        grep -qE "^ +$code\b" <<<"$rendered" || fail "$page(1) does not document exit code $code"
    done
    grep -q -- '--version' <<<"$rendered" || fail "$page(1) does not document --version"
done

echo "==> the programs, from the unpacked tree"
home=$scratch/home
mkdir -p "$home/config" "$home/data" "$home/cache" "$home/runtime"
chmod 700 "$home/runtime"
run() {
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" \
        QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false' LC_ALL=C.UTF-8 "$@"
}
for program in halo-explorer halo-cli halo-sandbox; do
    exe=$root/usr/bin/$program
    out=$(run "$exe" --version 2>&1) || fail "$program --version exits $?"
    grep -qE "^$program [0-9]+\.[0-9]+\.[0-9]+" <<<"$out" || fail "$program --version: $out"
    out=$(run "$exe" --help 2>&1) || fail "$program --help exits $?"
    grep -qi 'usage' <<<"$out" || fail "$program --help: no usage: $out"
done

echo "==> halo-explorer --sandbox stays up"
run "$root/usr/bin/halo-explorer" --sandbox >"$scratch/explorer.log" 2>&1 &
explorer_pid=$!
sleep 3
if kill -0 "$explorer_pid" 2>/dev/null; then
    kill "$explorer_pid"
    wait "$explorer_pid" 2>/dev/null || true
else
    wait "$explorer_pid" && rc=0 || rc=$?
    fail "halo-explorer --sandbox ended within 3 s (exit $rc): $(cat "$scratch/explorer.log")"
fi
explorer_pid=

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package OK"
