#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli import end to end: a GBK roster with a title row, errors by
row and column with exit 3 and nothing written, --dry-run, a second import
that changes nothing, --on-match skip, members and a visit ledger.

Usage: test-cli-import.py PATH-TO-lianxin-cli   (prints TAP)"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
results = []


def run(db, *args):
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, '--database', db, 'import', *args], capture_output=True, text=True,
                       env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def write(path, text, encoding='utf-8'):
    with open(path, 'wb') as f:
        f.write(text.encode(encoding))
    return path


def count(out, label):
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == label:
            return int(parts[1])
    return None


def tests(tmp):
    db = os.path.join(tmp, 'l.db')
    roster = write(os.path.join(tmp, 'roster.csv'),
                   '光明社区群众户花名册\n'
                   '户主姓名,联系电话,住址,困难类型,人口\n'
                   '张三,13812345678,和平路1号,低保,3\n'
                   '李四,,和平路2号,,\n', 'gbk')
    code, out, err = run(db, '--kind', 'households', roster)
    check('a GBK roster imports', code == 0 and count(out, 'added') == 2, out + err)
    conn = sqlite3.connect(db)
    check('the rows are in the database',
          conn.execute("SELECT count(*) FROM household WHERE head_name IN ('张三','李四')").fetchone()[0] == 2)
    conn.close()

    before = sha(db)
    code, out, err = run(db, '--kind', 'households', roster)
    check('a second import changes nothing', code == 0 and count(out, 'added') == 0
          and count(out, 'unchanged') == 2 and sha(db) == before, out + err)

    bad = write(os.path.join(tmp, 'bad.csv'),
                '户主姓名,联系电话,住址,困难类型\n'
                '王五,12345,和平路3号,\n'
                '赵六,,和平路4号,火星人\n')
    code, out, err = run(db, '--kind', 'households', bad)
    check('errors exit 3 and name row and column', code == 3 and 'row 2, 联系电话:' in out
          and 'row 3, 困难类型:' in out and '火星人' in out and count(out, 'errors') == 2, out + err)
    check('a file with errors writes nothing', sha(db) == before)

    newer = write(os.path.join(tmp, 'newer.csv'),
                  '姓名,电话,地址,人数\n张三,,和平路1号,4\n孙七,,和平路5号,\n')
    code, out, err = run(db, '--kind', 'households', '--dry-run', newer)
    check('--dry-run counts and writes nothing', code == 0 and count(out, 'added') == 1
          and count(out, 'updated') == 1 and sha(db) == before, out + err)
    code, out, err = run(db, '--kind', 'households', '--on-match', 'skip', newer)
    check('--on-match skip leaves matches alone', code == 0 and count(out, 'skipped') == 1
          and count(out, 'added') == 1, out + err)
    conn = sqlite3.connect(db)
    check('a skipped household keeps its size',
          conn.execute("SELECT size FROM household WHERE head_name = '张三'").fetchone()[0] == 3)
    conn.close()

    members = write(os.path.join(tmp, 'm.csv'), '姓名,性别,入党日期,所在支部\n王书记,男,2001年7月1日,第一支部\n')
    code, out, err = run(db, '--kind', 'members', members)
    check('a member roster imports', code == 0 and count(out, 'added') == 1, out + err)
    visits = write(os.path.join(tmp, 'v.csv'),
                   '走访日期,走访人,户主,地址,走访情况\n2026/3/5,王书记,张三,和平路1号,身体好\n')
    code, out, err = run(db, '--kind', 'visits', visits)
    conn = sqlite3.connect(db)
    last = conn.execute("SELECT last_visit_on FROM household WHERE head_name = '张三'").fetchone()[0]
    conn.close()
    check('a visit ledger imports and dates the last visit', code == 0 and count(out, 'added') == 1
          and last == '2026-03-05', out + err)

    code, out, err = run(db, '--kind', 'pets', roster)
    check('an unknown kind is a usage error', code == 1, out + err)


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-cli-import-')
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


if __name__ == '__main__':
    main()
