#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: Export Workbook… from the main menu writes the workbook.

Usage: run-ui-test.sh test-export.py PATH-TO-lianxin   (prints TAP)"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uitest import click, find, find_app, launch, plan, stop, tap, window, results  # noqa: E402

APP = sys.argv[1]


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-ui-export-')
    os.environ['HOME'] = tmp
    os.environ['XDG_DOCUMENTS_DIR'] = tmp
    db = os.path.join(tmp, 'demo.db')
    cli = os.path.join(os.path.dirname(APP), 'lianxin-cli')
    subprocess.run([cli, '--database', db, 'demo'], check=True, capture_output=True)
    proc = launch(APP, db)
    plan(4)
    try:
        app = find_app()
        if not tap(app is not None, 'the app appears on the accessibility bus'):
            return
        menu = find(app, role='toggle button', name='Main Menu', timeout=15, sensitive=True)
        if menu is None:
            tap(False, 'main menu found')
            return
        click(menu)
        item = find(app, name='Export Workbook…', timeout=5)
        if not tap(item is not None, 'the main menu has Export Workbook…'):
            return
        click(item)
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
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
    sys.exit(0 if all(results) else 1)
