#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: Export Workbook… from the main menu writes the workbook.

Usage: run-ui-test.sh test-export.py PATH-TO-lianxin   (prints TAP)"""
import glob
import sqlite3
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uitest import click, find, find_app, launch, menu_item, plan, stop, tap, window, results  # noqa: E402

APP = sys.argv[1]


def check_workbook(path, db):
    """Opens the written workbook as another program would."""
    import openpyxl
    book = openpyxl.load_workbook(path, read_only=True)
    count = sqlite3.connect(db).execute(
        "SELECT count(*) FROM household WHERE deleted_at IS NULL").fetchone()[0]
    sheet = book["Households"] if "Households" in book.sheetnames else None
    rows = list(sheet.iter_rows(values_only=True)) if sheet is not None else []
    data = [r for r in rows[3:] if any(v is not None for v in r)]
    tap(len(data) == count, 'the Households sheet has a row per household',
        f'{len(data)} rows, {count} households, sheets {book.sheetnames}')
    cells = [v for r in data for v in r if isinstance(v, str)]
    phones = [v for v in cells if v[:1] == '1' and len(v) == 11 and '****' in v]
    full = [v for v in cells if len(v) == 11 and v.isdigit() and v[0] == '1']
    tap(len(phones) > 0 and not full, 'phone numbers are masked by default',
        f'{len(phones)} masked, {len(full)} in full')


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-ui-export-')
    os.environ['HOME'] = tmp
    os.environ['XDG_DOCUMENTS_DIR'] = tmp
    db = os.path.join(tmp, 'demo.db')
    cli = os.path.join(os.path.dirname(APP), 'lianxin-cli')
    subprocess.run([cli, '--database', db, 'demo'], check=True, capture_output=True)
    proc = launch(APP, db)
    plan(6)
    try:
        app = find_app()
        if not tap(app is not None, 'the app appears on the accessibility bus'):
            return
        if not tap(menu_item(app, 'Export Workbook…'), 'the main menu has Export Workbook…'):
            return
        dialog = window(app, 'Export Workbook')
        export = dialog and find(dialog, role='push button', name='Export', timeout=5,
                                 sensitive=True)
        if not tap(export is not None, 'the dialog offers Export with a period and a file'):
            return
        if os.environ.get('LIANXIN_UI_SHOT'):
            subprocess.run(['import', '-window', 'root', os.environ['LIANXIN_UI_SHOT']])
        click(export)
        opened = find(dialog, role='push button', name='Open Workbook', timeout=30)
        files = glob.glob(os.path.join(tmp, '**', '*.xlsx'), recursive=True)
        tap(opened is not None and len(files) == 1 and os.path.getsize(files[0]) > 10000
            and not glob.glob(os.path.join(tmp, '**', '*.part'), recursive=True),
            'the export runs and writes one workbook, no .part left', files)
        if files:
            check_workbook(files[0], db)
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
    sys.exit(0 if all(results) else 1)
