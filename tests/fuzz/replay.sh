#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Replays the fuzz corpus through the reader under AddressSanitizer and
# UndefinedBehaviorSanitizer, built with gcc in its own build folder.
#
#   tests/fuzz/replay.sh [BUILD-DIR] [FILE-OR-FOLDER…]
#
# BUILD-DIR defaults to build-sanitize in the source tree; the files
# default to tests/fuzz/corpus. Exits non-zero on any sanitizer report.

set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$src/build-sanitize"}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- "$src/tests/fuzz/corpus"

if [ ! -f "$build/build.ninja" ]; then
  CC=${CC:-gcc} meson setup "$build" "$src" \
    -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C "$build" tests/fuzz/fuzz-replay

ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
G_SLICE=always-malloc G_DEBUG=gc-friendly \
  "$build/tests/fuzz/fuzz-replay" "$@"
