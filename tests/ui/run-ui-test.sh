#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one UI test under a real X server with its own session bus and the
# accessibility bus: xvfb-run outside, dbus-run-session inside (so the
# accessibility registry inherits DISPLAY).
set -eu
script="$1"; shift
# A server number of our own: two runs starting at once must not race for :99.
exec xvfb-run -a -n $((100 + $$ % 800)) -s "-screen 0 1280x800x24" dbus-run-session -- /usr/bin/python3 "$script" "$@"
