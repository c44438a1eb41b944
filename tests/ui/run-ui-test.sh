#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one UI test under a real X server with its own session bus and the
# accessibility bus. Xvfb picks a free display itself and reports it once it
# accepts connections (-displayfd), so runs neither race for a display nor
# guess how long the server takes to start. dbus-run-session runs inside the
# X session, so the accessibility registry inherits DISPLAY.
set -u
script="$1"; shift

tmp=$(mktemp -d)
xvfb=
cleanup () {
  # Wait for the server to be gone: a dying Xvfb removes its socket, and must
  # not remove the one of a later server on the same display number.
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

start_xvfb () {
  : >"$tmp/display"
  Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb=$!
  i=0
  while [ ! -s "$tmp/display" ]; do
    i=$((i + 1))
    if [ $i -gt 300 ] || ! kill -0 "$xvfb" 2>/dev/null; then
      return 1
    fi
    sleep 0.1
  done
  n=$(head -n1 "$tmp/display")
  # Another server shutting down on the same number may still remove our
  # socket: check that it is there a moment later.
  sleep 0.3
  [ -S "/tmp/.X11-unix/X$n" ] && kill -0 "$xvfb" 2>/dev/null
}

run_once () {
  tries=0
  until start_xvfb; do
    tries=$((tries + 1))
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    xvfb=
    if [ $tries -ge 3 ]; then
      echo "Bail out! Xvfb did not start" >"$tmp/tap"
      cat "$tmp/xvfb.log" >&2
      return 1
    fi
  done
  # The session's daemons (and portals it activates, which can outlive it)
  # write to a file, not to the test runner's pipes: a daemon holding a pipe
  # open would keep the runner waiting after the test has ended.
  DISPLAY=":$n" dbus-run-session -- sh -c 'exec /usr/bin/python3 "$@" >"$0"' "$tmp/tap" "$script" "$@" \
    </dev/null >"$tmp/session.log" 2>&1
  status=$?
  cat "$tmp/session.log" >&2
  kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  xvfb=
  return $status
}

# The bus daemons' chatter ("SpiRegistry daemon is running …") goes to
# stderr; only the test's TAP reaches stdout. Now and then the app cannot
# reach a display that Xvfb has just announced ("cannot open display"):
# when a run fails before its first case passed, it is run once more on a
# new server. A real failure fails twice.
run_once "$@"
status=$?
if [ $status -ne 0 ] && ! grep -q '^ok 1 ' "$tmp/tap"; then
  echo "# first attempt did not get going; retrying on a new X server" >&2
  sed 's/^/# first attempt: /' "$tmp/tap" >&2
  run_once "$@"
  status=$?
fi
cat "$tmp/tap"
exit $status
