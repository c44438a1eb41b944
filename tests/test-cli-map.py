#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli map: PNG and PDF of the contact map, sizes, exit codes.

Usage: test-cli-map.py PATH-TO-lianxin-cli   (prints TAP)"""

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(*args):
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', head[16:24])


def tests(tmp):
    db = os.path.join(tmp, 'lianxin.db')
    code, _, err = run('--database', db, 'demo', '--households', '200')
    check('a demo database is made', code == 0, err)
    site = sqlite3.connect(db).execute('SELECT min(id) FROM site').fetchone()[0]

    png = os.path.join(tmp, 'map.png')
    code, _, err = run('--database', db, 'map', '--year', '2026', '--output', png)
    check('map writes a PNG', code == 0 and png_size(png) is not None, err)
    check('an A4 landscape PNG is 1683 × 1190 pixels', png_size(png) == (1683, 1190), png_size(png))

    a3 = os.path.join(tmp, 'map-a3.png')
    code, _, err = run('--database', db, 'map', '--site', str(site), '--paper', 'a3', '--output', a3)
    check('one site on A3 is 2381 × 1683 pixels', code == 0 and png_size(a3) == (2381, 1683), err)

    pdf = os.path.join(tmp, 'map.pdf')
    code, _, err = run('--database', db, 'map', '--output', pdf)
    with open(pdf, 'rb') as f:
        data = f.read()
    check('map writes a PDF', code == 0 and data.startswith(b'%PDF') and b'/MediaBox [ 0 0 841.89 595.28 ]' in data, err)

    bad = os.path.join(tmp, 'nope.png')
    code, _, err = run('--database', db, 'map', '--site', '9999', '--output', bad)
    check('a site that does not exist fails with 3 and names it',
          code == 3 and 'no site with id 9999' in err and not os.path.exists(bad), f'{code} {err}')

    code, _, err = run('--database', db, 'map', '--paper', 'letter', '--output', bad)
    check('a bad --paper is a usage error (1)', code == 1 and '--paper' in err, f'{code} {err}')
    code, _, err = run('--database', db, 'map', '--output', os.path.join(tmp, 'map.svg'))
    check('an output that is neither PNG nor PDF is a usage error (1)', code == 1, f'{code} {err}')
    code, _, err = run('--database', os.path.join(tmp, 'missing.db'), 'map', '--output', bad)
    check('a missing database is refused (2)', code == 2, f'{code} {err}')


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-cli-map-')
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
