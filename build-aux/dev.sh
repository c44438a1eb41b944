#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README's quick start:
#   build-aux/dev.sh demo   install what is missing, build, open Lianxin on a demo database
#   build-aux/dev.sh test   install what is missing, build, run every test
# The last line of "test" is "N passed, N failed"; it exits non-zero on any failure.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
build="${LIANXIN_BUILD_DIR:-_build}"

BUILD_PACKAGES="libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev libcairo2-dev
libpango1.0-dev libicu-dev libarchive-dev libxml2-dev libical-dev meson ninja-build pkg-config gettext gcc"
CHECK_PACKAGES="desktop-file-utils appstream xvfb xauth dbus at-spi2-core python3 python3-pyatspi
python3-dogtail python3-openpyxl fonts-noto-cjk locales imagemagick flatpak-builder libreoffice-calc-nogui"

missing_packages () {
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_packages () {
  # shellcheck disable=SC2086
  missing=$(missing_packages $*)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "dev.sh: missing packages: $missing" >&2
    echo "dev.sh: run this command as root (or install them with apt-get) first" >&2
    exit 1
  fi
  echo "dev.sh: installing $missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

ensure_locale () {
  if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf-\?8$'; then
    if [ "$(id -u)" = 0 ]; then
      localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
    else
      echo "dev.sh: the zh_CN.UTF-8 locale is missing; the app will show English" >&2
    fi
  fi
}

build () {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" --buildtype=debugoptimized "$@"
  fi
  ninja -C "$build"
}

run_demo () {
  install_packages $BUILD_PACKAGES
  install_packages xvfb xauth dbus fonts-noto-cjk locales imagemagick
  ensure_locale
  build
  data="${XDG_DATA_HOME:-$HOME/.local/share}/lianxin-demo"
  db="$data/demo.db"
  mkdir -p "$data"
  chmod 700 "$data"
  if [ ! -f "$db" ]; then
    "$build/src/lianxin-cli" --database "$db" demo
  fi
  export GSETTINGS_SCHEMA_DIR="$top/$build/data"
  export LIANXIN_LOCALEDIR="$top/$build/po"
  export LANG="${LIANXIN_LANG:-zh_CN.UTF-8}"
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$build/src/lianxin" --database "$db"
  fi
  # No display (a server or a container): run under Xvfb and keep a screenshot.
  shot="$top/$build/lianxin-demo.png"
  echo "dev.sh: no display; running Lianxin under Xvfb for 8 s, screenshot in $shot"
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c "
    GSK_RENDERER=cairo '$build/src/lianxin' --database '$db' &
    pid=\$!; sleep 8; import -window root '$shot'; kill \$pid"
}

run_tests () {
  install_packages $BUILD_PACKAGES $CHECK_PACKAGES
  install_packages valgrind
  ensure_locale
  build
  # A second build with AddressSanitizer + UndefinedBehaviorSanitizer runs the
  # unit and CLI suites (not the UI suites: they would need suppressions for
  # GTK's and the accessibility stack's one-time allocations, and time).
  # Any report aborts the test, which then counts as failed.
  asan="${LIANXIN_ASAN_BUILD_DIR:-_build-asan}"
  if [ ! -f "$asan/build.ninja" ]; then
    meson setup "$asan" --buildtype=debug -Db_sanitize=address,undefined \
      -Db_lundef=false -Dui_tests=false
  fi
  ninja -C "$asan"
  rm -f "$build/meson-logs/testlog.json" "$asan/meson-logs/testlog.json"
  status=0
  meson test -C "$build" --print-errorlogs --num-processes 2 ${LIANXIN_TEST_ARGS:-} || status=$?
  # fast_unwind_on_malloc=0: full allocation stacks through libraries built
  # without frame pointers, which the suppressions in tests/lsan.supp match on.
  ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:print_summary=1:fast_unwind_on_malloc=0" \
  LSAN_OPTIONS="suppressions=$top/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1" \
    meson test -C "$asan" --print-errorlogs --num-processes 2 --timeout-multiplier 3 \
      --suite unit --suite cli || status=$?
  # Memcheck over the core unit tests (~2 min on 2 cores), one case per test.
  rm -f "$build/meson-logs/valgrind-testlog.json"
  if command -v valgrind >/dev/null; then
    "$top/build-aux/valgrind-core.sh" "$build" || status=1
    valgrind_log="$build/meson-logs/valgrind-testlog.json"
  else
    echo "dev.sh: valgrind is not installed; memcheck skipped" >&2
  fi
  /usr/bin/python3 "$top/build-aux/count-tests.py" \
    "$build/meson-logs/testlog.json" "$asan/meson-logs/testlog.json" \
    ${valgrind_log:-} || status=1
  exit $status
}

case "${1:-}" in
  demo) run_demo ;;
  test) run_tests ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 1
    ;;
esac
