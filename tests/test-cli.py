#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli end to end: demo, stats against SQL, check, backup, exit codes.

Usage: test-cli.py PATH-TO-lianxin-cli   (prints TAP)"""

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(*args, env=None):
    full_env = dict(os.environ)
    full_env.pop('LIANXIN_DATABASE', None)
    if env:
        full_env.update(env)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-cli-')
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


def tests(tmp):
    db = os.path.join(tmp, 'demo.db')

    rc, out, err = run('--help')
    check('help lists commands and exit codes',
          rc == 0 and all(w in out for w in ('demo', 'check', 'backup', 'stats', '--database'))
          and 'Exit status' in out and '4' in out, out + err)

    rc, out, err = run('--database', db, 'frobnicate')
    check('unknown command is a usage error (1)',
          rc == 1 and err.startswith('lianxin-cli: '), f'{rc} {err}')
    rc, out, err = run()
    check('no command is a usage error (1)', rc == 1, f'{rc} {err}')
    rc, out, err = run('--database', db, 'demo', '--households', 'many')
    check('bad option value is a usage error (1)', rc == 1 and not os.path.exists(db), f'{rc} {err}')

    rc, out, err = run('--database', db, 'demo', '--households', '400', '--seed', '3')
    check('demo succeeds', rc == 0 and '400' in out, f'{rc} {out} {err}')
    check('demo database is 0600', os.path.exists(db) and stat.S_IMODE(os.stat(db).st_mode) == 0o600)

    rc, out, err = run('--database', db, 'demo')
    check('demo refuses a database with households (3)',
          rc == 3 and '--force' in err and err.startswith('lianxin-cli: '), f'{rc} {err}')

    # Same figures from SQL run directly.
    rc, out, err = run('--database', db, 'stats', '--json', '--year', '2026')
    try:
        stats = json.loads(out)
    except ValueError:
        stats = {}
    check('stats --json parses', rc == 0 and stats.get('year') == 2026, f'{rc} {out} {err}')
    con = sqlite3.connect(db)
    households = con.execute('SELECT count(*) FROM household WHERE deleted_at IS NULL').fetchone()[0]
    needy = con.execute('SELECT count(*) FROM household WHERE deleted_at IS NULL AND needy = 1').fetchone()[0]
    visited = con.execute(
        "SELECT count(DISTINCT h.id) FROM household h JOIN visit_household vh ON vh.household_id = h.id "
        "JOIN visit v ON v.id = vh.visit_id WHERE h.deleted_at IS NULL AND v.kind = 'home' "
        "AND substr(v.happened_at, 1, 10) BETWEEN '2026-01-01' AND '2026-11-26'").fetchone()[0]
    needy_visited = con.execute(
        "SELECT count(DISTINCT h.id) FROM household h JOIN visit_household vh ON vh.household_id = h.id "
        "JOIN visit v ON v.id = vh.visit_id WHERE h.deleted_at IS NULL AND h.needy = 1 "
        "AND v.kind = 'home' AND substr(v.happened_at, 1, 10) BETWEEN '2026-01-01' AND '2026-11-26'"
    ).fetchone()[0]
    kinds = dict(con.execute(
        "SELECT kind, count(*) FROM visit WHERE substr(happened_at, 1, 10) "
        "BETWEEN '2026-01-01' AND '2026-11-26' GROUP BY kind").fetchall())
    con.close()
    check('stats households match SQL', stats.get('households') == households == 400,
          f'{stats} {households}')
    check('stats needy match SQL', stats.get('needy_households') == needy, f'{stats} {needy}')
    check('stats visited match SQL',
          stats.get('households_visited') == visited and stats.get('needy_visited') == needy_visited,
          f'{stats} {visited} {needy_visited}')
    check('stats coverage matches SQL',
          abs(stats.get('coverage', -1) - visited / households) < 1e-5
          and abs(stats.get('needy_coverage', -1) - needy_visited / needy) < 1e-5, f'{stats}')
    check('stats visit counts match SQL',
          stats.get('home_visits') == kinds.get('home', 0)
          and stats.get('field_visits') == kinds.get('field', 0)
          and stats.get('receptions') == kinds.get('reception', 0), f'{stats} {kinds}')

    rc, out, err = run('stats', env={'LIANXIN_DATABASE': db})
    check('stats table via LIANXIN_DATABASE', rc == 0 and 'Households' in out and str(households) in out,
          f'{rc} {out} {err}')

    rc, out, err = run('--database', db, 'check')
    check('check accepts the demo database', rc == 0 and 'intact' in out, f'{rc} {out} {err}')
    rc, out, err = run('check', '--database', db)
    check('--database after the command', rc == 0, f'{rc} {out} {err}')

    # Refused files are left byte for byte as they were.
    damaged = os.path.join(tmp, 'damaged.db')
    shutil.copy(db, damaged)
    with open(damaged, 'r+b') as f:
        size = os.path.getsize(damaged)
        f.seek(size // 2)
        f.write(b'\xde\xad\xbe\xef' * 4096)
    before = sha(damaged)
    rc, out, err = run('--database', damaged, 'check')
    check('check on a damaged file exits 2', rc == 2 and err.startswith('lianxin-cli: '), f'{rc} {err}')
    # (lx_store_inspect's read-only open may leave an empty -wal and a -shm
    # beside a WAL database; the file itself must not change.)
    check('damaged file unchanged', sha(damaged) == before)

    newer = os.path.join(tmp, 'newer.db')
    shutil.copy(db, newer)
    con = sqlite3.connect(newer)
    con.execute('PRAGMA user_version = 999')
    con.commit()
    con.close()
    before = sha(newer)
    rc, out, err = run('--database', newer, 'check')
    check('check on a newer-version file exits 2', rc == 2 and 'newer' in err, f'{rc} {err}')
    rc, out, err = run('--database', newer, 'stats')
    check('stats on a newer-version file exits 2', rc == 2, f'{rc} {err}')
    check('newer file unchanged', sha(newer) == before)

    text = os.path.join(tmp, 'notes.txt')
    with open(text, 'w') as f:
        f.write('not a database\n' * 100)
    before = sha(text)
    rc, out, err = run('--database', text, 'check')
    check('check on a text file exits 2', rc == 2 and sha(text) == before, f'{rc} {err}')

    missing = os.path.join(tmp, 'missing.db')
    rc, out, err = run('--database', missing, 'check')
    check('check on a missing file exits 2 and creates nothing',
          rc == 2 and not os.path.exists(missing), f'{rc} {err}')

    # Other commands create a missing database.
    fresh = os.path.join(tmp, 'sub', 'fresh.db')
    rc, out, err = run('--database', fresh, 'stats', '--json')
    check('stats creates a missing database empty',
          rc == 0 and json.loads(out)['households'] == 0 and os.path.exists(fresh), f'{rc} {out} {err}')

    backup = os.path.join(tmp, 'backup.db')
    rc, out, err = run('--database', db, 'backup', backup)
    check('backup succeeds', rc == 0 and os.path.exists(backup), f'{rc} {out} {err}')
    check('backup is 0600', os.path.exists(backup) and stat.S_IMODE(os.stat(backup).st_mode) == 0o600)
    rc, out, err = run('--database', backup, 'check')
    check('check accepts the backup', rc == 0, f'{rc} {out} {err}')
    con = sqlite3.connect(backup)
    n = con.execute('SELECT count(*) FROM household').fetchone()[0]
    con.close()
    check('backup holds the households', n == 400, n)
    rc, out, err = run('--database', db, 'backup', backup, 'extra')
    check('backup with two FILEs is a usage error (1)', rc == 1, f'{rc} {err}')
    rc, out, err = run('--database', db, 'backup', os.path.join(text, 'b.db'))
    check('backup where no folder can be made fails (3)', rc == 3, f'{rc} {err}')

    rc, out, err = run('--database', db, 'demo', '--households', '50', '--force')
    con = sqlite3.connect(db)
    n = con.execute('SELECT count(*) FROM household').fetchone()[0]
    con.close()
    check('demo --force adds to a database', rc == 0 and n == 450, f'{rc} {n} {err}')


if __name__ == '__main__':
    sys.exit(main())
