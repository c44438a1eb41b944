#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang (AddressSanitizer + UBSan) and runs
# each for a bounded time or number of runs, starting from fuzz/corpus/<target>/.
#   fuzz/run.sh [TARGET ...]
# Environment: FUZZ_RUNS (default 1000000), FUZZ_SECONDS (cap per target,
# default 600), FUZZ_OUT (default _build-fuzz), FUZZ_JOBS (targets run at once, default 1).
# Needs: clang and libclang-rt-14-dev (Debian 12), libglib2.0-dev, libicu-dev,
# libarchive-dev, libxml2-dev. A crash leaves crash-* in $FUZZ_OUT/<target>/:
# turn it into a regression test (tests/test-fuzz-regressions.c) before fixing it.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out="${FUZZ_OUT:-$top/_build-fuzz}"
runs="${FUZZ_RUNS:-1000000}"
seconds="${FUZZ_SECONDS:-600}"
all="id-number phone date-loose pinyin csv xlsx"
targets="${*:-$all}"
cc="${CC_FUZZ:-clang}"

mkdir -p "$out"
# The few config.h macros the fuzzed sources use.
cat >"$out/config.h" <<'H'
#define GETTEXT_PACKAGE "lianxin"
#define LOCALEDIR "/usr/share/locale"
H

cflags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
 -I$out -I$top/src/core -I$top/src/io -I$top/fuzz
 -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
 -DU_SHOW_CPLUSPLUS_API=0"

sources_for () {
  case "$1" in
    id-number | phone | date-loose) echo "src/core/lx-validate.c src/core/lx-date.c" ;;
    pinyin) echo "src/core/lx-pinyin.c" ;;
    csv | xlsx) echo "src/io/lx-table-reader.c src/io/lx-xlsx-reader.c" ;;
  esac
}

packages_for () {
  case "$1" in
    pinyin) echo "glib-2.0 icu-uc icu-i18n" ;;
    csv | xlsx) echo "glib-2.0 gio-2.0 libarchive libxml-2.0" ;;
    *) echo "glib-2.0" ;;
  esac
}

build () {
  t=$1
  srcs=""
  for s in $(sources_for "$t"); do srcs="$srcs $top/$s"; done
  # shellcheck disable=SC2046,SC2086
  $cc $cflags $(pkg-config --cflags $(packages_for "$t")) -o "$out/fuzz-$t" \
    "$top/fuzz/fuzz-$t.c" $srcs $(pkg-config --libs $(packages_for "$t"))
}

run () {
  t=$1
  work="$out/$t"
  mkdir -p "$work/corpus"
  log="$out/fuzz-$t.log"
  # New inputs go to the work corpus; the committed seeds are only read.
  # shellcheck disable=SC2086
  ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
  "$out/fuzz-$t" -runs="$runs" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$work/" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    "$work/corpus" "$top/fuzz/corpus/$t" >"$log" 2>&1 || {
      echo "fuzz-$t: FAILED (see $log; the input is in $work/)"
      return 1
    }
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n1)
  echo "fuzz-$t: ${execs:-?} executions in ${secs:-?} s, no crash"
}

for t in $targets; do
  build "$t"
done
status=0
for t in $targets; do
  run "$t" || status=1
done
exit $status
