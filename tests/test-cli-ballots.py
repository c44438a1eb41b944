#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli import --kind ballots: the fixture import-ballots.csv (two
paper ballots, grades written as words and as digits, blanks) goes into this
year's evaluation, which it starts; a second import changes nothing; a file
with a bad grade and an unknown member is refused by row and column with
exit 3 and nothing written.

Usage: test-cli-ballots.py PATH-TO-lianxin-cli PATH-TO-import-ballots.csv
(prints TAP)"""

import os
import sqlite3
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
FIXTURE = sys.argv[2]
results = []


def cli(db, *args):
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, '--database', db, *args], capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout + p.stderr


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def q(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def count(out, label):
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == label:
            return int(parts[1])
    return None


def tests(tmp):
    db = os.path.join(tmp, 'l.db')
    cli(db, 'stats')
    con = sqlite3.connect(db)
    con.executescript("INSERT INTO organization (id, name, kind) VALUES (1, '第一党支部', 'branch');"
                      "INSERT INTO member (org_id, name) VALUES (1, '王芳'), (1, '李强');")
    con.commit()
    con.close()

    code, out = cli(db, 'import', '--kind', 'ballots', FIXTURE)
    check('the fixture imports two ballots', code == 0 and count(out, 'added') == 2, out)
    check("it starts this year's evaluation",
          q(db, "SELECT count(*) FROM evaluation_campaign WHERE year = 2026 AND org_id = 1") == 1)
    # Ballot 1: 4 + 4 + 4 grades; ballot 2: 4 + 4 + 3 (a blank).
    check('every grade is stored, blanks are not', q(db, 'SELECT count(*) FROM ballot_grade') == 23,
          q(db, 'SELECT count(*) FROM ballot_grade'))
    # 王芳: 满意 比较满意 基本满意 不满意, then 1 1 4 4: 4 of 8 satisfied or fairly satisfied.
    good = q(db, "SELECT sum(grade IN ('satisfied', 'fairly')) || '/' || count(*) FROM ballot_grade g "
                 "JOIN member m ON m.id = g.member_id WHERE m.name = '王芳'")
    check("words and digits read as the same grades", good == '4/8', good)
    check('the organization is graded where the member column says 党组织 or is empty',
          q(db, 'SELECT count(*) FROM ballot_grade WHERE member_id IS NULL') == 8)
    check('ballot 1 keeps its respondent, ballot 2 is anonymous',
          q(db, "SELECT group_concat(coalesce(respondent, '-'), ',') FROM "
                "(SELECT respondent FROM ballot ORDER BY number)") == '居民代表,-')

    code, out = cli(db, 'import', '--kind', 'ballots', FIXTURE)
    check('importing the same sheet again changes nothing',
          code == 0 and count(out, 'unchanged') == 2 and count(out, 'added') == 0, out)

    bad = os.path.join(tmp, 'bad.csv')
    with open(bad, 'w', encoding='utf-8') as f:
        f.write('票号,评议人,党员,联系服务群众,诉求解决,党群关系,满意度\n'
                '3,,王芳,很好,1,1,1\n'
                '4,,张无忌,1,1,1,1\n')
    before = q(db, 'SELECT count(*) FROM ballot')
    code, out = cli(db, 'import', '--kind', 'ballots', bad)
    check('a bad grade and an unknown member are refused by row and column, nothing written',
          code == 3 and 'row 2' in out and '很好' in out and 'row 3' in out and '张无忌' in out
          and q(db, 'SELECT count(*) FROM ballot') == before, out)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tests(tmp)
    print(f'1..{len(results)}')
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {name}")
        if not ok and detail != '':
            for line in str(detail).splitlines():
                print(f'# {line}')
    sys.exit(0 if all(ok for _, ok, _ in results) else 1)


main()
