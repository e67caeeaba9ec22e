#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion generated from halo-cli's command table completes what halo-cli takes.
#   check_completion.sh BASH_COMPLETION_FILE
set -euo pipefail

file=${1:?usage: $0 BASH_COMPLETION_FILE}
failures=0

# complete EXPECTED WORD...: the last word is the one being completed.
complete_is() {
    local expected=$1
    shift
    local got
    got=$(bash --norc --noprofile -c '
        source "$1"
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        _halo_cli
        printf "%s|" "${COMPREPLY[@]}"' sh "$file" "$@")
    if [ "$got" != "$expected" ]; then
        echo "FAIL: completing '$*': expected '$expected', got '$got'" >&2
        failures=$((failures + 1))
    fi
}

complete_is 'query|' halo-cli qu
complete_is 'registered|read-only|' halo-cli re
complete_is 'list|create|show|results|cancel|' halo-cli registered ''
complete_is 'status|reresolve|' halo-cli site ''
complete_is 'production|stage|sandbox|custom|' halo-cli --environment ''
complete_is 'stage|' halo-cli --environment st
complete_is 'query|' halo-cli --environment stage qu
complete_is 'Best Practice|' halo-cli sites find --pms B
complete_is '--json|' halo-cli --js
complete_is 'csv|' halo-cli query GUID --format c
complete_is '|' halo-cli --base-url ''

if [ "$failures" -ne 0 ]; then
    exit 1
fi
echo "completion OK"
