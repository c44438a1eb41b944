#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lianxin-cli export end to end: the workbook read back with openpyxl and
compared with the database through Python's sqlite3.

Usage: test-export.py PATH-TO-lianxin-cli   (prints TAP)"""

import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

CLI = sys.argv[1]
results = []

SHEETS = ['Summary', 'Households', 'Visits', 'Field visits and receptions', 'Appeals',
          'Pairings', 'Evaluation results']
HEADER_ROW = 3      # 1-based: title, subtitle, headers
FIRST_DATA = 4


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def run(*args):
    env = dict(os.environ)
    env.pop('LIANXIN_DATABASE', None)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-export-')
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


def data_rows(ws):
    return [r for r in ws.iter_rows(min_row=FIRST_DATA, values_only=True) if r[0] is not None]


def headers(ws):
    return [c.value for c in ws[HEADER_ROW]]


def column(ws, title):
    return headers(ws).index(title)


# The scope of the whole unit, the same definitions as the export's.
def counts(db, start, until):
    q = lambda sql, *a: db.execute(sql, a).fetchone()[0]
    return {
        'Households': q('SELECT count(*) FROM household WHERE deleted_at IS NULL'),
        'Visits': q("SELECT count(*) FROM visit WHERE kind IN ('home','phone') "
                    "AND happened_at >= ? AND happened_at < ?", start, until),
        'Field visits and receptions': q("SELECT count(*) FROM visit WHERE kind IN "
                                         "('field','reception') AND happened_at >= ? "
                                         "AND happened_at < ?", start, until),
        'Appeals': q('SELECT count(*) FROM appeal WHERE received_on >= ? AND received_on < ?',
                     start, until),
        'Pairings': q('SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id '
                      'AND h.deleted_at IS NULL WHERE p.start_on < ? '
                      'AND (p.end_on IS NULL OR p.end_on >= ?)', until, until),
        'Evaluation results': q('SELECT count(*) FROM (SELECT 1 FROM ballot_grade g '
                                'JOIN ballot b ON b.id = g.ballot_id JOIN evaluation_campaign c '
                                'ON c.id = b.campaign_id WHERE c.year BETWEEN ? AND ? '
                                'GROUP BY c.id, g.member_id, g.item)',
                                int(start[:4]), int(until[:4]) - (until[5:] == '01-01')),
    }


def summary_expected(db, start, until, today):
    q = lambda sql, *a: db.execute(sql, a).fetchone()[0]
    visited = ("EXISTS (SELECT 1 FROM visit_household vh JOIN visit v ON v.id = vh.visit_id "
               "WHERE vh.household_id = h.id AND v.kind = 'home' AND v.happened_at >= :s "
               "AND v.happened_at < :u)")
    args = {'s': start, 'u': until, 't': today}
    q2 = lambda sql: db.execute(sql, args).fetchone()[0]
    hh = q('SELECT count(*) FROM household WHERE deleted_at IS NULL')
    return {
        'Households': hh,
        'Households visited at home':
            q2(f'SELECT count(*) FROM household h WHERE deleted_at IS NULL AND {visited}'),
        'Needy households visited':
            q2(f'SELECT count(*) FROM household h WHERE deleted_at IS NULL AND needy AND {visited}'),
        'Home visits': q2("SELECT count(*) FROM visit WHERE kind = 'home' AND happened_at >= :s "
                          "AND happened_at < :u"),
        'Field visits to contact points':
            q2("SELECT count(*) FROM visit WHERE kind = 'field' AND happened_at >= :s "
               "AND happened_at < :u"),
        'Receptions': q2("SELECT count(*) FROM visit WHERE kind = 'reception' "
                         "AND happened_at >= :s AND happened_at < :u"),
        'Reception days held':
            q2("SELECT count(DISTINCT substr(happened_at, 1, 10)) FROM visit "
               "WHERE kind = 'reception' AND happened_at >= :s AND happened_at < :u"),
        'Appeals received': q2('SELECT count(*) FROM appeal WHERE received_on >= :s '
                               'AND received_on < :u'),
        'Appeals resolved': q2("SELECT count(DISTINCT appeal_id) FROM appeal_step WHERE "
                               "to_status = 'resolved' AND at >= :s AND at < :u"),
        'Appeals overdue': q2("SELECT count(*) FROM appeal WHERE received_on >= :s AND "
                              "received_on < :u AND status IN ('received','in_progress') "
                              "AND deadline < :t"),
        'Volunteer service hours':
            q2('SELECT coalesce(sum(hours), 0) FROM volunteer_activity WHERE happened_on >= :s '
               'AND happened_on < :u'),
    }


def tests(tmp):
    db_path = os.path.join(tmp, 'demo.db')
    rc, out, err = run('--database', db_path, 'demo')
    check('demo database made', rc == 0, err)

    rc, out, err = run('--help')
    check('export is listed in --help', rc == 0 and 'export' in out, out)

    xlsx = os.path.join(tmp, 'unit-2026.xlsx')
    rc, out, err = run('--database', db_path, 'export', '--period', '2026', '--output', xlsx)
    check('export 2026 succeeds', rc == 0 and os.path.exists(xlsx), out + err)
    check('no .part file left', not os.path.exists(xlsx + '.part'))
    wb = openpyxl.load_workbook(xlsx)
    db = sqlite3.connect(db_path)

    check('sheet names', wb.sheetnames == SHEETS, wb.sheetnames)

    expect = counts(db, '2026-01-01', '2027-01-01')
    for name, n in expect.items():
        got = len(data_rows(wb[name]))
        check(f'{name}: {n} rows as in the database', got == n, f'{got} != {n}')
    check('the demo fills the ledgers', all(expect[k] > 0 for k in expect
                                            if k != 'Evaluation results'), expect)

    hh = wb['Households']
    check('household headers', headers(hh)[:6] == ['No.', 'Head of household', 'Phone',
                                                   'ID number', 'Address', 'Zone'], headers(hh))
    visits = wb['Visits']
    check('visit headers', headers(visits) == ['No.', 'Date and time', 'Kind', 'Household',
                                               'Address', 'Phone', 'Needs', 'Visited by',
                                               'Notes'], headers(visits))
    title = hh['A1'].value
    root = db.execute('SELECT name FROM organization WHERE parent_id IS NULL').fetchone()[0]
    check('title row names the unit and is merged across',
          root in title and any(str(r).startswith('A1:') for r in hh.merged_cells.ranges), title)
    check('subtitle names the period', '2026' in hh['A2'].value, hh['A2'].value)

    rows = data_rows(visits)
    check('visit dates are datetime cells',
          all(isinstance(r[1], datetime.datetime) for r in rows))
    check('visit date format', visits.cell(FIRST_DATA, 2).number_format == 'yyyy-mm-dd hh:mm',
          visits.cell(FIRST_DATA, 2).number_format)
    first = db.execute("SELECT min(happened_at) FROM visit WHERE kind IN ('home','phone') "
                       "AND happened_at >= '2026-01-01'").fetchone()[0]
    check('first visit is the earliest of the year',
          rows[0][1] == datetime.datetime.fromisoformat(first), (rows[0][1], first))
    check('running numbers are numbers', [r[0] for r in rows[:3]] == [1, 2, 3])
    sizes = [r[column(hh, 'People')] for r in data_rows(hh)]
    check('household sizes are numeric cells', all(isinstance(s, int) for s in sizes))
    check('household dates are dates', all(isinstance(r[column(hh, 'Registered on')],
                                                      datetime.datetime) for r in data_rows(hh)))

    phones = [r[column(hh, 'Phone')] for r in data_rows(hh) if r[column(hh, 'Phone')]]
    ids = [r[column(hh, 'ID number')] for r in data_rows(hh) if r[column(hh, 'ID number')]]
    check('phones masked by default', phones and all(not re.search(r'\d{11}', p) for p in phones)
          and any(re.fullmatch(r'1\d\d\*{4}\d{4}', p) for p in phones), phones[:5])
    check('ID numbers masked by default', ids and all(re.fullmatch(r'\d{6}\*{8}\d{3}[\dX]', i)
                                                      for i in ids), ids[:5])
    check('summary says the numbers are masked', 'masked' in wb['Summary']['A3'].value,
          wb['Summary']['A3'].value)

    for name in SHEETS[1:]:
        ws = wb[name]
        ok = (ws.freeze_panes == 'A4' and ws.auto_filter.ref and ws.auto_filter.ref.startswith('A3:')
              and ws.page_setup.orientation == 'landscape' and ws.page_setup.paperSize in (9, '9')
              and ws.sheet_properties.pageSetUpPr.fitToPage
              and ws.page_setup.fitToWidth in (None, 1, '1')
              and str(ws.page_setup.fitToHeight) == '0'
              and ws.print_title_rows == '$1:$3' and '&P' in ws.oddFooter.center.text
              and '&N' in ws.oddFooter.center.text
              and all(c.font.b for c in ws[HEADER_ROW])
              and all(c.border.left.style == 'thin' for c in ws[HEADER_ROW]))
        check(f'{name}: frozen header, autofilter, A4 landscape fit to width, bold bordered headers',
              ok, (ws.freeze_panes, ws.auto_filter.ref, ws.page_setup.orientation,
                   ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.print_title_rows))
    addr = column(hh, 'Address')
    width = hh.column_dimensions[openpyxl.utils.get_column_letter(addr + 1)].width
    longest = max(sum(2 if ord(ch) > 0x2e80 else 1 for ch in r[addr]) for r in data_rows(hh))
    check('address column fits its Chinese text', width >= min(longest, 40), (width, longest))

    summary = wb['Summary']
    values = {r[0]: (r[2], r[3]) for r in summary.iter_rows(min_row=5, max_row=30, values_only=True)
              if r[0]}
    for label, n in summary_expected(db, '2026-01-01', '2027-01-01', '2026-11-26').items():
        check(f'summary "{label}" equals SQL', label in values and
              abs(values[label][0] - n) < 1e-9 and abs(values[label][1] - n) < 1e-9,
              (values.get(label), n))
    check('summary has two native charts', len(summary._charts) == 2 or
          _chart_count(xlsx) == 2, _chart_count(xlsx))

    # A quarter: this period differs from the cumulative column.
    q3 = os.path.join(tmp, 'q3.xlsx')
    rc, out, err = run('--database', db_path, 'export', '--period', '2026-Q3', '--output', q3)
    check('export 2026-Q3 succeeds', rc == 0, err)
    sq = {r[0]: (r[2], r[3]) for r in openpyxl.load_workbook(q3)['Summary']
          .iter_rows(min_row=5, max_row=30, values_only=True) if r[0]}
    e_q = summary_expected(db, '2026-07-01', '2026-10-01', '2026-11-26')
    e_c = summary_expected(db, '2026-01-01', '2026-10-01', '2026-11-26')
    check('quarter: this period and cumulative equal SQL',
          all(abs(sq[k][0] - e_q[k]) < 1e-9 and abs(sq[k][1] - e_c[k]) < 1e-9 for k in e_q),
          (sq, e_q, e_c))

    # Last year: the evaluation campaign of 2025 is in it.
    y25 = os.path.join(tmp, 'y25.xlsx')
    rc, out, err = run('--database', db_path, 'export', '--period', '2025-01-01..2025-12-31',
                       '--output', y25)
    wb25 = openpyxl.load_workbook(y25)
    n25 = counts(db, '2025-01-01', '2026-01-01')['Evaluation results']
    ev = data_rows(wb25['Evaluation results'])
    check('2025 evaluation results: rows as in the database', rc == 0 and n25 > 0
          and len(ev) == n25, (len(ev), n25))
    check('satisfaction rates are percentages between 0 and 1',
          ev and all(isinstance(r[10], (int, float)) and 0 <= r[10] <= 1 for r in ev)
          and wb25['Evaluation results'].cell(FIRST_DATA, 11).number_format == '0.0%')
    # The app's 满意率: 满意 and 比较满意 among all grades (columns 6 and 7 of 10).
    check('the satisfaction rate counts satisfied and fairly satisfied, as the app does',
          ev and all(abs(r[10] - (r[5] + r[6]) / r[9]) < 1e-9 for r in ev),
          [r[5:11] for r in ev[:3]])

    full = os.path.join(tmp, 'full.xlsx')
    rc, out, err = run('--database', db_path, 'export', '--period', '2026-05', '--output', full,
                       '--unmasked')
    wbf = openpyxl.load_workbook(full)
    hf = wbf['Households']
    phones = [r[column(hf, 'Phone')] for r in data_rows(hf) if r[column(hf, 'Phone')]]
    real = {r[0] for r in db.execute('SELECT phone FROM household WHERE phone IS NOT NULL')}
    check('--unmasked writes full phone numbers', rc == 0 and phones and
          all('*' not in p for p in phones) and set(phones) <= real, phones[:3])
    check('--unmasked is stated on the summary', 'full' in wbf['Summary']['A3'].value,
          wbf['Summary']['A3'].value)

    org = db.execute("SELECT id FROM organization WHERE kind = 'branch' ORDER BY id").fetchone()[0]
    part = os.path.join(tmp, 'branch.xlsx')
    rc, out, err = run('--database', db_path, 'export', '--period', '2026', '--org', str(org),
                       '--output', part)
    wbo = openpyxl.load_workbook(part)
    n_pair = db.execute('WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT o.id FROM organization o '
                        'JOIN sub ON o.parent_id = sub.id) SELECT count(*) FROM pairing p JOIN '
                        'member m ON m.id = p.member_id JOIN household h ON h.id = p.household_id '
                        'AND h.deleted_at IS NULL WHERE p.end_on IS NULL AND m.org_id IN sub',
                        (org,)).fetchone()[0]
    got = len(data_rows(wbo['Pairings']))
    check('--org limits the pairings to its subtree', rc == 0 and got == n_pair
          and got < expect['Pairings'], (got, n_pair))

    rc, out, err = run('--database', db_path, 'export', '--period', '2026-Q5', '--output', part)
    check('a bad period is a usage error', rc == 1 and '2026-Q5' in err, err)
    rc, out, err = run('--database', db_path, 'export', '--period', '2026', '--org', '99999',
                       '--output', os.path.join(tmp, 'none.xlsx'))
    check('an unknown organization fails and leaves no file',
          rc == 3 and not os.path.exists(os.path.join(tmp, 'none.xlsx'))
          and not os.path.exists(os.path.join(tmp, 'none.xlsx.part')), err)

    chinese(tmp, db_path)
    libreoffice(tmp, xlsx)


ZH_SHEETS = ['联系服务群众工作统计表', '群众户台账', '走访台账', '下访·接访记录', '诉求台账', '结对名册',
             '评议结果']


def chinese(tmp, db_path):
    po_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'po')
    po = os.path.join(po_dir, 'pending', 'h9.po')
    if not os.path.exists(po):
        po = os.path.join(po_dir, 'zh_CN.po')
    locales = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.lower()
    if not shutil.which('msgfmt') or 'zh_cn.utf8' not in locales:
        results.append(('Chinese sheet names # SKIP no msgfmt or zh_CN.UTF-8 locale', True, ''))
        return
    mo_dir = os.path.join(tmp, 'locale', 'zh_CN', 'LC_MESSAGES')
    os.makedirs(mo_dir)
    subprocess.run(['msgfmt', '-o', os.path.join(mo_dir, 'lianxin.mo'), po], check=True)
    env = dict(os.environ, LANG='zh_CN.UTF-8', LC_ALL='zh_CN.UTF-8', LANGUAGE='zh_CN',
               LIANXIN_LOCALEDIR=os.path.join(tmp, 'locale'))
    env.pop('LIANXIN_DATABASE', None)
    out = os.path.join(tmp, 'zh.xlsx')
    p = subprocess.run([CLI, '--database', db_path, 'export', '--period', '2026', '--output', out],
                       capture_output=True, text=True, env=env, timeout=300)
    wb = openpyxl.load_workbook(out) if p.returncode == 0 else None
    check('Chinese sheet names and title', wb is not None and wb.sheetnames == ZH_SHEETS
          and wb['走访台账']['A1'].value.endswith('走访台账')
          and wb['联系服务群众工作统计表']['A1'].value.endswith('联系服务群众工作统计表'),
          wb.sheetnames if wb else p.stderr)


def _chart_count(path):
    import zipfile
    with zipfile.ZipFile(path) as z:
        return len([n for n in z.namelist() if re.match(r'xl/charts/chart\d+\.xml', n)])


def libreoffice(tmp, xlsx):
    lo = shutil.which('libreoffice') or shutil.which('soffice')
    if not lo:
        results.append(('LibreOffice opens the workbook # SKIP libreoffice not installed', True, ''))
        return
    p = subprocess.run([lo, f'-env:UserInstallation=file://{tmp}/lo-profile', '--headless',
                        '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir',
                        tmp, xlsx], capture_output=True, text=True, timeout=240)
    csv = os.path.join(tmp, 'unit-2026.csv')
    ok = p.returncode == 0 and os.path.exists(csv)
    text = open(csv, encoding='utf-8').read() if ok else ''
    check('LibreOffice opens the workbook and reads the summary', ok and 'Households' in text,
          p.stdout + p.stderr)


if __name__ == '__main__':
    sys.exit(main())
