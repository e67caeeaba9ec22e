#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file (C++, CMake, shell, Python, the CI files) says its licence in its first three
# lines: "SPDX-License-Identifier: GPL-3.0-or-later". Lists the files that do not. Data files
# (JSON, SQL, images, test answers) carry none: their format has no place for it.
set -eu
source_dir=${1:?usage: check_spdx.sh SOURCE_DIR}
cd "$source_dir"
status=0
list=$(find . \( -path './build*' -o -path './.git' -o -path './packaging/screenshots' \) -prune -o \
    -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.cmake' \
    -o -name 'CMakeLists.txt' -o -name '*.yml' -o -path './.ci/*' \) -print)
for file in $list; do
    if ! head -n 3 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later'; then
        echo "no SPDX licence line: $file"
        status=1
    fi
done
exit $status
