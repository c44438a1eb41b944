#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Refusal paths of lianxin-cli: each gives a clear message and leaves the files
byte for byte as they were (and creates none beside them).

  * a read-only data folder (mode 0500). Tests run as root here, and root
    ignores permissions, so the command runs as the unprivileged user
    "nobody" through setpriv(1) on a folder that user owns; run by a normal
    user, the test drops nothing and the permissions apply as they are.
  * a full disk: RLIMIT_FSIZE in the child (SIGXFSZ ignored, so write()
    fails with EFBIG as it would with ENOSPC) during a big demo;
  * a damaged file, a file from a newer version (the WAL-mode database must
    not get -wal/-shm files beside it: lx_store_inspect opens it immutable);
  * a database held by another program (a Python connection in BEGIN
    EXCLUSIVE) with a short LIANXIN_BUSY_TIMEOUT_MS.

Usage: test-refusals.py PATH-TO-lianxin-cli   (prints TAP)"""

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile

CLI = os.path.abspath(sys.argv[1])
NOBODY = 65534
results = []


def env():
    e = dict(os.environ)
    e.pop('LIANXIN_DATABASE', None)
    e['LIANXIN_BUSY_TIMEOUT_MS'] = '300'
    e['LANG'] = 'C.UTF-8'
    e.pop('LANGUAGE', None)
    return e


def run(args, as_nobody=False, preexec=None):
    cmd = [CLI, *args]
    if as_nobody:
        cmd = ['setpriv', f'--reuid={NOBODY}', f'--regid={NOBODY}', '--clear-groups', *cmd]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=120,
                       preexec_fn=preexec)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def snapshot(folder):
    """Every file in @folder with its SHA-256: what 'unchanged' means."""
    out = {}
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, 'rb') as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def make_db(folder, households=30):
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, 'lianxin.db')
    rc, out, err = run(['--database', db, 'demo', '--households', str(households)])
    assert rc == 0, err
    return db


def test_read_only_folder(tmp):
    folder = os.path.join(tmp, 'ro')
    db = make_db(folder)
    before = snapshot(folder)
    dropping = os.geteuid() == 0
    if dropping:
        if not shutil.which('setpriv'):
            check('read-only folder # SKIP setpriv missing', True)
            return
        os.chmod(tmp, 0o755)
        for path in (folder, db):
            os.chown(path, NOBODY, NOBODY)
    os.chmod(folder, 0o500)
    try:
        rc, out, err = run(['--database', db, 'stress-edits', '--count', '1'], as_nobody=dropping)
    finally:
        os.chmod(folder, 0o700)
    check('read-only folder: refused (3) naming the folder',
          rc == 3 and 'cannot be written' in err and folder in err, f'{rc} {err}')
    check('read-only folder: files unchanged', snapshot(folder) == before,
          f'{before} {snapshot(folder)}')


def limit_file_size(limit):
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


def test_disk_full(tmp):
    folder = os.path.join(tmp, 'full')
    db = make_db(folder)
    before = snapshot(folder)
    rc, out, err = run(['--database', db, 'demo', '--force', '--households', '3000'],
                       preexec=limit_file_size(256 * 1024))
    check('disk full: clear message (3)', rc == 3 and 'disk is full' in err, f'{rc} {err}')
    check('disk full: database unchanged', snapshot(folder) == before,
          f'{before} {snapshot(folder)}')
    rc, out, err = run(['--database', db, 'check'])
    check('disk full: database still intact', rc == 0, err)


def damage(db):
    with open(db, 'r+b') as f:
        f.seek(4096 * 3)
        f.write(b'\xa5' * 4096 * 2)


def test_damaged(tmp):
    folder = os.path.join(tmp, 'damaged')
    db = make_db(folder)
    damage(db)
    before = snapshot(folder)
    rc, out, err = run(['--database', db, 'stats'])
    check('damaged file: refused (2) as damaged', rc == 2 and 'damaged' in err, f'{rc} {err}')
    check('damaged file: unchanged, nothing created beside it', snapshot(folder) == before,
          f'{before} {snapshot(folder)}')

    garbage = os.path.join(folder, 'garbage.db')
    with open(garbage, 'wb') as f:
        f.write(b'this is a spreadsheet, not a database' * 50)
    rc, out, err = run(['--database', garbage, 'stats'])
    check('not a database: refused (2)', rc == 2 and 'not a Lianxin database' in err,
          f'{rc} {err}')


def test_newer(tmp):
    folder = os.path.join(tmp, 'newer')
    db = make_db(folder)
    con = sqlite3.connect(db)
    con.execute('PRAGMA user_version = 999')
    con.close()
    with open(db, 'rb') as f:
        header = f.read(20)
    check('newer: the test database is in WAL mode', header[18] == 2 and header[19] == 2)
    before = snapshot(folder)
    rc, out, err = run(['--database', db, 'stats'])
    check('newer schema: refused (2) naming the newer version',
          rc == 2 and 'newer version' in err and '999' in err, f'{rc} {err}')
    check('newer schema: unchanged, no -wal/-shm left beside it', snapshot(folder) == before,
          f'{before} {snapshot(folder)}')
    rc, out, err = run(['--database', db, 'check'])
    check('newer schema: check refuses too, nothing written',
          rc == 2 and snapshot(folder) == before, f'{rc} {err}')


def test_locked(tmp):
    folder = os.path.join(tmp, 'locked')
    db = make_db(folder)
    before = snapshot(folder)
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute('BEGIN EXCLUSIVE')
    try:
        rc, out, err = run(['--database', db, 'stress-edits', '--count', '1'])
    finally:
        holder.execute('ROLLBACK')
        holder.close()
    check('locked: "in use by another program" (3)',
          rc == 3 and 'in use by another program' in err, f'{rc} {err}')
    check('locked: files unchanged', snapshot(folder) == before, f'{before} {snapshot(folder)}')


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-refusals-')
    try:
        for t in (test_read_only_folder, test_disk_full, test_damaged, test_newer, test_locked):
            try:
                t(tmp)
            except Exception as e:  # a broken step is a failed case, not a lost run
                check(f'{t.__name__} ran', False, repr(e))
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
