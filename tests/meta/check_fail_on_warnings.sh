#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every Qt Test suite under tests/ makes unexpected warnings fail: it includes FailOnWarning.h
# and calls HaloTest::failOnWarnings() from init(). Lists the suites that do not.
set -eu
tests=${1:?usage: check_fail_on_warnings.sh TESTS_DIR}
status=0
for suite in $(grep -rlE 'QTEST_(GUILESS_|APPLESS_)?MAIN' "$tests" --include='*.cpp'); do
    if ! grep -q '#include "FailOnWarning.h"' "$suite" ||
        ! grep -q 'HaloTest::failOnWarnings();' "$suite"; then
        echo "does not fail on warnings: $suite (call HaloTest::failOnWarnings() from init())"
        status=1
    fi
done
exit $status
