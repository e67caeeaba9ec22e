#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts halo-explorer on its embedded sandbox on a virtual display, with Qt's AT-SPI bridge on
# and a private accessibility bus, then reads the window as a screen reader does
# (read_window.py, through pyatspi). Run inside a private D-Bus session (isolated.sh --keyring).
# Exit 77 (skipped) when the AT-SPI tools are missing; quickstart.sh installs them.
set -eu
app=$1
here=$(cd "$(dirname "$0")" && pwd)
launcher=/usr/libexec/at-spi-bus-launcher
if [ ! -x "$launcher" ] || ! /usr/bin/python3 -c "import pyatspi" 2>/dev/null; then
    echo "SKIP: needs at-spi2-core and python3-pyatspi (packaging/quickstart.sh installs them)"
    exit 77
fi
"$launcher" --launch-immediately &
bus=$!
log="$HOME/halo-explorer.log"
# Under AddressSanitizer: libxkbcommon-x11 (not this project) strndup()s X11 keymap names that
# are not NUL-terminated inside their buffer, which strict string checks report at start-up.
if [ -n "${ASAN_OPTIONS:-}" ]; then
    export ASAN_OPTIONS="$ASAN_OPTIONS:strict_string_checks=0"
fi
# Qt's offscreen platform has no accessibility bridge: this test uses the X11 one, on Xvfb.
env -u QT_QPA_PLATFORM QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
    xvfb-run -a -s "-screen 0 1440x900x24" "$app" --sandbox >"$log" 2>&1 &
window=$!
cleanup() {
    pkill -TERM -P "$window" 2>/dev/null || true
    pkill -TERM -f "$app --sandbox" 2>/dev/null || true
    kill "$window" "$bus" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
status=0
/usr/bin/python3 "$here/read_window.py" || status=$?
if [ "$status" -ne 0 ]; then
    echo "--- halo-explorer's output:"
    cat "$log"
fi
exit "$status"
