#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one UI test under a real X server with its own session bus and the
# accessibility bus. Xvfb picks a free display itself and reports it once it
# accepts connections (-displayfd), so parallel runs neither race for a
# display nor guess how long the server takes to start. dbus-run-session
# runs inside the X session, so the accessibility registry inherits DISPLAY.
set -u
script="$1"; shift

tmp=$(mktemp -d)
Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
# Wait for the server to be gone: a dying Xvfb removes its socket, and must
# not remove the one of the next test's server on the same display number.
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

i=0
while [ ! -s "$tmp/display" ]; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 $xvfb 2>/dev/null; then
    echo "Bail out! Xvfb did not start"
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  sleep 0.1
done
DISPLAY=":$(head -n1 "$tmp/display")"
export DISPLAY

# Only the test's own output reaches stdout (TAP); the bus daemons' chatter
# ("SpiRegistry daemon is running …") goes to stderr.
exec 3>&1 1>&2
dbus-run-session -- sh -c 'exec /usr/bin/python3 "$@" >&3' sh "$script" "$@"
