#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A handful of SIGKILL trials of bench/stress-kill.py as a regular test (TAP).

Usage: test-crash.py PATH-TO-stress-kill.py PATH-TO-lianxin-cli [TRIALS]
The full 100+ trials: bench/stress-kill.py --cli PATH --trials 200."""
import os
import sys

script, cli = sys.argv[1], sys.argv[2]
trials = sys.argv[3] if len(sys.argv) > 3 else os.environ.get('LIANXIN_CRASH_TRIALS', '6')
os.execv(sys.executable, [sys.executable, script, '--cli', cli, '--trials', trials, '--tap'])
