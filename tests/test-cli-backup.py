#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli backup (no FILE), backups, restore — end to end (TAP).

Usage: test-cli-backup.py PATH-TO-lianxin-cli"""
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(*args, today='2026-11-26'):
    env = dict(os.environ, LIANXIN_TODAY=today)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def households(db):
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    try:
        return con.execute('SELECT count(*) FROM household').fetchone()[0]
    finally:
        con.close()


def tests(tmp):
    db = os.path.join(tmp, 'lianxin.db')
    folder = os.path.join(tmp, 'backups')
    run('--database', db, 'stress-edits', '--count', '3')
    rc, out, err = run('--database', db, 'backup', today='2026-11-20')
    daily = os.path.join(folder, 'lianxin-2026-11-20.db')
    check('backup without FILE makes the day’s backup', rc == 0 and os.path.exists(daily),
          f'{rc} {out} {err}')
    check('backup folder 0700, file 0600',
          os.path.exists(daily) and stat.S_IMODE(os.stat(folder).st_mode) == 0o700
          and stat.S_IMODE(os.stat(daily).st_mode) == 0o600)
    first = sha(daily)
    run('--database', db, 'stress-edits', '--count', '2', '--run', '1')
    rc, out, err = run('--database', db, 'backup', today='2026-11-20')
    check('a second backup the same day keeps the first', rc == 0 and sha(daily) == first
          and 'exists already' in out, f'{rc} {out} {err}')
    run('--database', db, 'backup')

    rc, out, err = run('--database', db, 'backups')
    check('backups lists dates, sizes and names',
          rc == 0 and '2026-11-20' in out and '2026-11-26' in out and 'lianxin-2026-11-20.db' in out
          and 'kB' in out, out)

    rc, out, err = run('--database', db, 'restore', daily)
    kept = [f for f in os.listdir(folder) if f.startswith('lianxin-before-restore-')]
    check('restore puts the backup back and keeps the replaced database',
          rc == 0 and households(db) == 3 and len(kept) == 1
          and households(os.path.join(folder, kept[0])) == 5, f'{rc} {out} {err} {kept}')

    damaged = os.path.join(tmp, 'damaged.db')
    shutil.copy(os.path.join(folder, 'lianxin-2026-11-26.db'), damaged)
    with open(damaged, 'r+b') as f:
        f.seek(4096 * 2)
        f.write(b'\x5a' * 8192)
    before = sha(db)
    listing = sorted(os.listdir(folder))
    rc, out, err = run('--database', db, 'restore', damaged)
    check('a damaged backup is refused (2) and nothing changes',
          rc == 2 and 'not restored' in err and sha(db) == before
          and sorted(os.listdir(folder)) == listing, f'{rc} {err}')


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-cli-backup-')
    try:
        tests(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} {name}')
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f'# {line}')
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
