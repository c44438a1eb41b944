#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The visit ledger written by Debian's python3-xlsxwriter, for bench-export:
the same SQL query on the same database, the same cells and formats.

Usage: bench_export_python.py DATABASE SQL-FILE OUT.xlsx"""

import datetime
import re
import sqlite3
import sys

import xlsxwriter

LABELS = {('visit', 'home'): 'Home visit', ('visit', 'phone'): 'Phone call'}
HEADERS = ['No.', 'Date and time', 'Kind', 'Household', 'Address', 'Phone', 'Needs',
           'Visited by', 'Notes']
PHONE = re.compile(r'^(\d{3})\d{4}(\d{4})$')


def main(db_path, sql_path, out):
    con = sqlite3.connect(db_path)
    con.create_function('lx_label', 2, lambda k, c: LABELS.get((k, c), c), deterministic=True)
    sql = open(sql_path, encoding='utf-8').read()

    wb = xlsxwriter.Workbook(out, {'constant_memory': True})
    text = wb.add_format({'border': 1})
    number = wb.add_format({'border': 1, 'num_format': '0'})
    moment = wb.add_format({'border': 1, 'num_format': 'yyyy-mm-dd hh:mm'})
    wrap = wb.add_format({'border': 1, 'text_wrap': True})
    ws = wb.add_worksheet('Visits')
    ws.merge_range(0, 0, 0, 8, 'Visits')
    ws.merge_range(1, 0, 1, 8, 'Period')
    for c, h in enumerate(HEADERS):
        ws.write_string(2, c, h, text)

    row = 3
    params = {'org': 0, 'from': '2026-01-01', 'until': '2027-01-01', 'today': '2026-11-26',
              'year_from': '2026-01-01'}
    strptime = datetime.datetime.strptime
    for r in con.execute(sql, params):
        ws.write_number(row, 0, row - 2, number)
        ws.write_datetime(row, 1, strptime(r[0], '%Y-%m-%dT%H:%M'), moment)
        for c in (1, 2, 3, 5, 6, 7):
            v = r[c]
            if v is None:
                ws.write_blank(row, c + 1, None, text)
            else:
                ws.write_string(row, c + 1, v, wrap if c == 7 else text)
        phone = r[4]
        if phone is None:
            ws.write_blank(row, 5, None, text)
        else:
            ws.write_string(row, 5, PHONE.sub(r'\1****\2', phone), text)
        row += 1
    ws.freeze_panes(3, 0)
    ws.autofilter(2, 0, row - 1, 8)
    wb.close()


if __name__ == '__main__':
    main(*sys.argv[1:4])
