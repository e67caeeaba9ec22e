#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up Halo Explorer from source on Debian 12 (or newer) and then runs it or its tests.
#   packaging/quickstart.sh run    install what is missing, build, start on the embedded sandbox
#   packaging/quickstart.sh test   install what is missing, build, run every test (CTest)
# Idempotent and incremental: a second run installs nothing and rebuilds only what changed.
# Run it as yourself; it uses sudo only to install Debian packages (or runs apt-get directly
# when already root).
set -euo pipefail

mode=${1:-}
case "$mode" in
    run | test) ;;
    *)
        echo "usage: $0 run|test" >&2
        exit 2
        ;;
esac

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${HALO_BUILD_DIR:-$source_dir/build}

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    qtkeychain-qt6-dev libqscintilla2-qt6-dev libgl1-mesa-dev zlib1g-dev
    # the SVG renderer for the icon sizes, and its plugin for the window's icons
    qt6-svg-dev libqt6svg6
    # translations: lupdate/lrelease and their CMake package (Qt6LinguistTools), Qt's own catalogues
    qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
    # tests: a virtual display, a private D-Bus session and a real keyring; the accessibility
    # bus and its Python client, to read the window as a screen reader does
    xvfb xauth dbus-x11 gnome-keyring at-spi2-core python3-pyatspi
    # the packaging test: build the .deb, lint it, validate and render what it installs
    dpkg-dev fakeroot file lintian appstream desktop-file-utils man-db groff-base
    # tests: "Copy as" snippets run as a user would run them (Python's requests; curl, jq)
    python3-requests curl jq
    # tests: Excel exports read back by a real reader
    python3-openpyxl
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "==> Installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
        exit 1
    fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    echo "==> Configuring in $build_dir"
    cmake -S "$source_dir" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALO_WERROR=ON
fi
echo "==> Building"
cmake --build "$build_dir" --parallel "$(nproc)"

if [ "$mode" = test ]; then
    echo "==> Running the tests"
    exec ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
fi

app="$build_dir/ui/halo-explorer"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "==> No display found: starting Halo Explorer on a virtual display (xvfb-run)." >&2
    echo "    Run this from a desktop session to see the window. Ctrl+C stops it." >&2
    exec xvfb-run -a "$app" --sandbox
fi
echo "==> Starting Halo Explorer on the embedded sandbox"
exec "$app" --sandbox
