#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety: kill lianxin-cli with SIGKILL at random moments and check the database.

Each trial runs, in a child process, either `lianxin-cli demo` (one big
transaction: afterwards there must be no households or all of them) or the
hidden `lianxin-cli stress-edits` (one household per transaction; it prints
"committed <id>" after each commit). The child is killed at a random moment
within the time a full run takes. Then:
  * PRAGMA integrity_check is "ok" and `lianxin-cli check` accepts the file;
  * every household the child reported committed is present;
  * nothing half-done is visible: every stress household has both its need
    tags and its change_log line; the demo is all or nothing.

Usage: stress-kill.py --cli PATH [--trials 100] [--seed S] [--tap]
"""
import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

DEMO_HOUSEHOLDS = 300
EDIT_COUNT = 200


def child_env():
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    env.setdefault('LIANXIN_TODAY', '2026-11-26')
    env.setdefault('TZ', 'Asia/Shanghai')
    return env


def command(cli, db, mode, run):
    if mode == 'demo':
        return [cli, '--database', db, 'demo', '--households', str(DEMO_HOUSEHOLDS)]
    return [cli, '--database', db, 'stress-edits', '--count', str(EDIT_COUNT), '--run', str(run)]


def full_duration(cli, mode, tmp):
    """How long an uninterrupted run takes: kills are spread over it."""
    db = os.path.join(tmp, f'calibrate-{mode}.db')
    start = time.monotonic()
    p = subprocess.run(command(cli, db, mode, 0), env=child_env(), capture_output=True, text=True)
    took = time.monotonic() - start
    if p.returncode != 0:
        raise SystemExit(f'stress-kill: {mode} failed without a kill: {p.stderr}')
    return took


def run_and_kill(cli, db, mode, run, delay):
    """Starts the child, kills it after @delay s; returns (committed ids, exit code)."""
    p = subprocess.Popen(command(cli, db, mode, run), env=child_env(),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    out, _ = p.communicate()
    committed = [int(line.split()[1]) for line in out.splitlines()
                 if line.startswith('committed ')]
    return committed, p.returncode


def check_integrity(cli, db, problems):
    con = sqlite3.connect(db)
    try:
        result = [r[0] for r in con.execute('PRAGMA integrity_check')]
        if result != ['ok']:
            problems.append(f'integrity_check: {result[:5]}')
    finally:
        con.close()
    p = subprocess.run([cli, '--database', db, 'check'], env=child_env(),
                       capture_output=True, text=True)
    if p.returncode != 0:
        problems.append(f'lianxin-cli check refused it: {p.stderr.strip()}')


def has_schema(con):
    return con.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'household'").fetchone()[0]


def check_edits(db, committed, problems):
    con = sqlite3.connect(db)
    try:
        if not has_schema(con):
            if committed:
                problems.append('no schema, yet commits were reported')
            return
        present = {r[0] for r in con.execute(
            "SELECT id FROM household WHERE notes = 'stress-edits' AND deleted_at IS NULL")}
        lost = [i for i in committed if i not in present]
        if lost:
            problems.append(f'reported committed but missing: {lost[:10]}')
        half = con.execute(
            "SELECT count(*) FROM household h WHERE notes = 'stress-edits' AND "
            "(SELECT count(*) FROM household_need n WHERE n.household_id = h.id) <> 2").fetchone()[0]
        if half:
            problems.append(f'{half} household(s) without both need tags')
        logged = con.execute(
            "SELECT count(*) FROM change_log WHERE table_name = 'household' AND action = 'insert'"
        ).fetchone()[0]
        if logged != len(present):
            problems.append(f'{len(present)} households but {logged} change_log lines')
    finally:
        con.close()


def check_demo(db, exit_code, problems):
    con = sqlite3.connect(db)
    try:
        if not has_schema(con):
            return
        n = con.execute('SELECT count(*) FROM household').fetchone()[0]
        others = {t: con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]
                  for t in ('member', 'visit', 'appeal', 'pairing', 'event', 'ballot')}
        if n not in (0, DEMO_HOUSEHOLDS):
            problems.append(f'partial demo: {n} of {DEMO_HOUSEHOLDS} households')
        if n == 0 and any(others.values()):
            problems.append(f'demo rows without households: {others}')
        if n == DEMO_HOUSEHOLDS and not all(others.values()):
            problems.append(f'demo households without the rest: {others}')
        if exit_code == 0 and n != DEMO_HOUSEHOLDS:
            problems.append('the demo reported success but is not there')
    finally:
        con.close()


def trial(cli, tmp, mode, run, delay):
    db = os.path.join(tmp, f'trial-{run}.db')
    committed, code = run_and_kill(cli, db, mode, run, delay)
    problems = []
    if os.path.exists(db) and os.path.getsize(db) > 0:
        check_integrity(cli, db, problems)
        if not problems:
            if mode == 'demo':
                check_demo(db, code, problems)
            else:
                check_edits(db, committed, problems)
    elif committed:
        problems.append('no database, yet commits were reported')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    return committed, code, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cli', required=True)
    parser.add_argument('--trials', type=int, default=100)
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--mode', choices=('both', 'demo', 'edits'), default='both')
    parser.add_argument('--tap', action='store_true', help='print TAP, one case per trial')
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix='lianxin-stress-')
    failures = 0
    try:
        modes = ['demo', 'edits'] if args.mode == 'both' else [args.mode]
        durations = {m: full_duration(args.cli, m, tmp) for m in modes}
        if args.tap:
            print(f'1..{args.trials}')
        print(f'# seed {seed}; full runs: ' +
              ', '.join(f'{m} {d:.2f} s' for m, d in durations.items()), flush=True)
        for i in range(1, args.trials + 1):
            mode = modes[i % len(modes)]
            delay = rng.uniform(0.0, durations[mode] * 0.9)
            committed, code, problems = trial(args.cli, tmp, mode, i, delay)
            name = (f'{mode} killed after {delay * 1000:.0f} ms '
                    f'({len(committed)} commits reported, exit {code})')
            failures += bool(problems)
            if args.tap:
                print(f'{"not ok" if problems else "ok"} {i} {name}')
            elif problems:
                print(f'FAIL {i}: {name}')
            for p in problems:
                print(f'# {p}')
            sys.stdout.flush()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not args.tap:
        print(f'stress-kill: {args.trials - failures} of {args.trials} trials intact (seed {seed})')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
