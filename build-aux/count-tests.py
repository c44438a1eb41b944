#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases in meson's testlog.json files and prints 'N passed, N failed'.

Usage: count-tests.py TESTLOG.json [TESTLOG.json ...] — one per build
directory (the normal build and the sanitizer build); the totals are summed.

A TAP test (GTest with --tap, the UI tests) counts each of its cases; any
other test counts as one case. A test that crashed or timed out counts its
missing cases as failed. Exits non-zero when anything failed.
"""
import json
import re
import sys

OK = re.compile(r"^ok \d+")
NOT_OK = re.compile(r"^not ok \d+")
SKIP = re.compile(r"#\s*skip", re.IGNORECASE)
PLAN = re.compile(r"^1\.\.(\d+)")


def count(entry):
    out = entry.get("stdout") or entry.get("stdo") or ""
    passed = failed = skipped = 0
    planned = None
    tap = False
    for line in out.splitlines():
        line = line.strip()
        m = PLAN.match(line)
        if m:
            planned = int(m.group(1))
            tap = True
        elif NOT_OK.match(line):
            failed += 1
            tap = True
        elif OK.match(line):
            tap = True
            if SKIP.search(line):
                skipped += 1
            else:
                passed += 1
    result = entry.get("result", "")
    if not tap:
        if result in ("OK", "EXPECTEDFAIL"):
            return 1, 0, 0
        if result == "SKIP":
            return 0, 0, 1
        return 0, 1, 0
    if planned is not None and passed + failed + skipped < planned:
        failed += planned - (passed + failed + skipped)
    if result not in ("OK", "SKIP", "EXPECTEDFAIL") and failed == 0:
        failed = 1
    return passed, failed, skipped


def read_entries(path):
    """The entries of one testlog.json, or None when it cannot be read."""
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print(f"count-tests: {path}: {e}", file=sys.stderr)
        return None


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        entries = read_entries(path)
        # A build whose tests never ran (no log, or an empty one) is a failure.
        if not entries:
            failed += 1
            continue
        for entry in entries:
            p, f_, s = count(entry)
            passed += p
            failed += f_
            skipped += s
            if f_:
                print(f"FAILED: {path}: {entry.get('name')}", file=sys.stderr)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: count-tests.py TESTLOG.json [TESTLOG.json ...]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
