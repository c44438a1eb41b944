#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the core unit tests (no display needed) under Valgrind memcheck.
#   build-aux/valgrind-core.sh [BUILD-DIR]     (default: _build)
# Fails on any memory error or definite leak; tests/valgrind.supp holds the
# suppressions for library noise, each explained. Prints how long it took.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="${1:-${LIANXIN_BUILD_DIR:-_build}}"
case "$build" in /*) ;; *) build="$top/$build" ;; esac
tests="${LIANXIN_VALGRIND_TESTS:-test-store test-repo test-validate test-pinyin test-demo test-stats test-backup}"

ninja -C "$build" >/dev/null

# GSlice in GLib 2.74 keeps its own magazines: make it plain malloc so that
# memcheck sees every block; gc-friendly clears freed pointers.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export TZ=Asia/Shanghai LANG=C.UTF-8 LIANXIN_TODAY=2026-11-26 GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory

# One JSON line per test in the form of meson's testlog.json, so that
# build-aux/count-tests.py counts these runs with the others.
mkdir -p "$build/meson-logs"
results="$build/meson-logs/valgrind-testlog.json"
: >"$results"

start=$(date +%s)
status=0
for t in $tests; do
  log="$build/meson-logs/valgrind-$t.log"
  printf '%-16s ' "$t"
  if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
      --errors-for-leak-kinds=definite --show-leak-kinds=definite \
      --track-origins=yes --num-callers=30 \
      --suppressions="$top/tests/valgrind.supp" --log-file="$log" \
      "$build/tests/$t" --tap >"$log.out" 2>&1; then
    echo "clean"
    echo "{\"name\": \"valgrind:$t\", \"result\": \"OK\", \"stdout\": \"\"}" >>"$results"
  else
    echo "FAILED (exit $?; see $log)"
    echo "{\"name\": \"valgrind:$t\", \"result\": \"FAIL\", \"stdout\": \"\"}" >>"$results"
    status=1
  fi
done
echo "valgrind-core: $(( $(date +%s) - start )) s"
exit $status
