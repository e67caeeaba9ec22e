#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Halo Explorer with AddressSanitizer and UBSan (HALO_ASAN) into build-asan/ and runs
# every test there; any sanitizer report fails the test it came from. Meant to run after
# ./packaging/quickstart.sh test, which installs the Debian packages this needs.
#   packaging/sanitize.sh
# Incremental like the quick start; uses ccache when it is installed. The sanitizer options
# (halt on the first report, leak suppressions) are set per test in tests/CMakeLists.txt, so
# `ctest --test-dir build-asan` by hand runs with them too.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${HALO_ASAN_BUILD_DIR:-$source_dir/build-asan}

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    echo "==> Configuring the sanitizer build in $build_dir"
    # -O1 -g1: what the sanitizers recommend; line tables are all their reports need, and it
    # compiles in about half the time of -O2 -g.
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DHALO_WERROR=ON -DHALO_ASAN=ON \
        "${launcher[@]}"
fi
echo "==> Building with AddressSanitizer and UBSan"
cmake --build "$build_dir" --parallel "$(nproc)"

echo "==> Running the tests under AddressSanitizer and UBSan"
exec ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)"
