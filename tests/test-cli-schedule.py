#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli notice, ics and the "visits" block of stats --json (issue 4).

Usage: test-cli-schedule.py PATH-TO-lianxin-cli   (prints TAP)"""

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


def run(*args):
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def pdf_pages(path):
    with open(path, 'rb') as f:
        data = f.read()
    return data.count(b'/Type /Page') - data.count(b'/Type /Pages')


def read(path, mode='r'):
    with open(path, mode) as f:
        return f.read()


def calendar_db(tmp):
    """An empty database with a weekly reception day on Mondays from
    2027-01-04, skipped on 2027-01-11, and a single meeting."""
    db = os.path.join(tmp, 'calendar.db')
    rc, out, err = run('--database', db, 'stats', '--json')   # creates it
    assert rc == 0, err
    con = sqlite3.connect(db)
    con.execute("INSERT INTO organization (id, name, kind) VALUES (1, '中共某某社区委员会', 'committee')")
    con.execute("INSERT INTO member (id, org_id, name, party_rep) VALUES (1, 1, '王芳', 1)")
    con.execute("INSERT INTO event (id, kind, title, starts_at, ends_at, place, rrule) VALUES "
                "(1, 'reception_day', '党代表接待日', '2027-01-04T09:00', '2027-01-04T11:30', "
                "'社区党群服务中心', 'FREQ=WEEKLY;BYDAY=MO')")
    con.execute("INSERT INTO event_member (event_id, member_id) VALUES (1, 1)")
    con.execute("INSERT INTO event_exception (event_id, occurrence_on) VALUES (1, '2027-01-11')")
    con.execute("INSERT INTO event (id, kind, title, starts_at) VALUES "
                "(2, 'meeting', '支部委员会', '2027-01-20T15:00')")
    con.commit()
    con.close()
    return db


def notice_tests(tmp, demo):
    pdf = os.path.join(tmp, 'notice.pdf')
    rc, out, err = run('--database', demo, 'notice', '--output', pdf)
    check('notice succeeds on the demo database', rc == 0, f'{rc} {err}')
    check('notice is a PDF', os.path.exists(pdf) and read(pdf, 'rb').startswith(b'%PDF'))
    check('notice is readable by the user alone',
          os.path.exists(pdf) and stat.S_IMODE(os.stat(pdf).st_mode) == 0o600)

    rc, out, err = run('--database', demo, 'notice')
    check('notice without --output is a usage error (1)', rc == 1 and '--output' in err, f'{rc} {err}')
    rc, out, err = run('--database', demo, 'notice', '--from', 'soon', '--output', pdf)
    check('notice with a bad --from is a usage error (1)', rc == 1 and '--from' in err, f'{rc} {err}')
    rc, out, err = run('--database', demo, 'notice', '--from', '2027-02-01', '--to', '2027-01-01',
                       '--output', pdf)
    check('notice with --from after --to is a usage error (1)', rc == 1, f'{rc} {err}')
    rc, out, err = run('--database', os.path.join(tmp, 'missing.db'), 'notice', '--output', pdf)
    check('notice on a missing database exits 2', rc == 2, f'{rc} {err}')
    rc, out, err = run('--database', demo, 'notice', '--output', os.path.join(tmp, 'no', 'dir', 'n.pdf'))
    check('notice to a folder that does not exist fails (3)', rc == 3, f'{rc} {err}')

    # 26 Mondays in the first half of 2027, one skipped: 25 rows on A4 are
    # 7 + 9 + 9, three pages. One month: 3 rows, one page.
    db = calendar_db(tmp)
    rc, out, err = run('--database', db, 'notice', '--from', '2027-01-01', '--to', '2027-06-30',
                       '--output', pdf)
    check('a long notice takes three pages', rc == 0 and pdf_pages(pdf) == 3, f'{rc} {err} {pdf_pages(pdf)}')
    rc, out, err = run('--database', db, 'notice', '--from', '2027/1/1', '--to', '2027-01-31',
                       '--output', pdf)
    check('a month fits one page (lenient dates)', rc == 0 and pdf_pages(pdf) == 1, f'{rc} {err}')
    return db


def ics_tests(tmp, demo, db):
    ics = os.path.join(tmp, 'calendar.ics')
    rc, out, err = run('--database', demo, 'ics', '--output', ics)
    text = read(ics) if os.path.exists(ics) else ''
    check('ics succeeds on the demo database', rc == 0, f'{rc} {err}')
    check('ics is a VCALENDAR', text.startswith('BEGIN:VCALENDAR') and 'END:VCALENDAR' in text, text[:200])
    check('ics uses CRLF line ends', read(ics, 'rb').startswith(b'BEGIN:VCALENDAR\r\n') if text else False)
    rc, out, err = run('--database', demo, 'ics')
    check('ics without --output is a usage error (1)', rc == 1, f'{rc} {err}')

    rc, out, err = run('--database', db, 'ics', '--from', '2027-01-01', '--to', '2027-01-31',
                       '--output', ics)
    text = read(ics).replace('\r\n ', '') if os.path.exists(ics) else ''
    check('ics of the calendar succeeds', rc == 0, f'{rc} {err}')
    check('ics has both events', text.count('BEGIN:VEVENT') == 2, text)
    check('ics UIDs are stable per event',
          'UID:event-1@lianxin' in text and 'UID:event-2@lianxin' in text, text)
    check('ics series has its RRULE and EXDATE',
          'RRULE:FREQ=WEEKLY;BYDAY=MO' in text and 'EXDATE;TZID=Asia/Shanghai:20270111T090000' in text, text)
    check('ics times carry the Shanghai zone',
          'DTSTART;TZID=Asia/Shanghai:20270104T090000' in text
          and 'DTEND;TZID=Asia/Shanghai:20270104T113000' in text
          and 'BEGIN:VTIMEZONE' in text and 'TZOFFSETTO:+0800' in text, text)
    rc, out, err = run('--database', db, 'ics', '--from', '2027-03-01', '--to', '2027-03-31',
                       '--output', ics)
    text = read(ics)
    check('ics leaves out events outside the period',
          rc == 0 and 'UID:event-1@lianxin' in text and 'UID:event-2@lianxin' not in text, text)


def stats_tests(demo):
    rc, out, err = run('--database', demo, 'stats', '--json', '--year', '2026')
    try:
        visits = json.loads(out)['visits']
    except (ValueError, KeyError):
        visits = {}
    check('stats --json has a visits object', rc == 0 and isinstance(visits, dict) and visits, f'{rc} {out[-400:]} {err}')
    con = sqlite3.connect(demo)
    kinds = dict(con.execute("SELECT kind, count(*) FROM visit WHERE substr(happened_at, 1, 10) "
                             "BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY kind").fetchall())
    households = con.execute('SELECT count(*) FROM household WHERE deleted_at IS NULL').fetchone()[0]
    visited = con.execute(
        "SELECT count(DISTINCT h.id) FROM household h JOIN visit_household vh ON vh.household_id = h.id "
        "JOIN visit v ON v.id = vh.visit_id WHERE h.deleted_at IS NULL AND v.kind = 'home' "
        "AND substr(v.happened_at, 1, 10) BETWEEN '2026-01-01' AND '2026-12-31'").fetchone()[0]
    member_visits = con.execute(
        "SELECT count(*) FROM visit v JOIN visit_member vm ON vm.visit_id = v.id "
        "WHERE substr(v.happened_at, 1, 10) BETWEEN '2026-01-01' AND '2026-12-31'").fetchone()[0]
    cadres = con.execute("SELECT count(*) FROM member WHERE leading_cadre = 1 AND deleted_at IS NULL "
                         "AND status != 'transferred_out'").fetchone()[0]
    con.close()
    by_kind = visits.get('by_kind', {})
    check('visits by kind match SQL',
          all(by_kind.get(k) == kinds.get(k, 0) for k in ('home', 'field', 'reception', 'phone', 'other')),
          f'{by_kind} {kinds}')
    zones = visits.get('by_zone', [])
    check('visits by zone add up to the households',
          sum(z['households'] for z in zones) == households and sum(z['visited'] for z in zones) == visited,
          f'{zones} {households} {visited}')
    check('visits by member add up', sum(m['visits'] for m in visits.get('by_member', [])) == member_visits,
          f'{member_visits}')
    duty = visits.get('field_duty', [])
    check('field duty lists every leading cadre',
          len(duty) == cadres > 0 and all(0 <= d['months_done'] + d['months_missed'] <= 12 for d in duty),
          f'{duty} {cadres}')
    days = visits.get('reception_days', {})
    check('reception days held <= due <= planned',
          0 < days.get('planned', 0) and 0 <= days.get('held', -1) <= days.get('due', -1) <= days['planned'],
          f'{days}')


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-schedule-')
    try:
        demo = os.path.join(tmp, 'demo.db')
        rc, out, err = run('--database', demo, 'demo', '--households', '150', '--seed', '4')
        check('demo succeeds', rc == 0, f'{rc} {err}')
        db = notice_tests(tmp, demo)
        ics_tests(tmp, demo, db)
        stats_tests(demo)
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
