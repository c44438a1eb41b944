#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: Backup and Restore from the main menu.

On a database with one zone and a backup dated 2026-11-20 (made without that
zone), the app makes the day's backup at start; the dialog lists both; "Back
Up Now" works; restoring the 2026-11-20 backup asks first, keeps the current
database as a before-restore backup, and puts the old data back. Prints TAP.
"""
import glob
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]
CLI = os.path.join(os.path.dirname(APP), 'lianxin-cli')


def zones(db):
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    try:
        return [r[0] for r in con.execute('SELECT name FROM zone ORDER BY name')]
    finally:
        con.close()


def cli(db, *args, today='2026-11-26'):
    env = dict(os.environ, LIANXIN_TODAY=today)
    subprocess.run([CLI, '--database', db, *args], env=env, check=True, capture_output=True)


def safe_role(node):
    try:
        return node.getRoleName()
    except Exception:
        return None


def find_exact(root, name, timeout=5):
    """A push button named exactly @name (the row buttons' names only start so)."""
    end = time.time() + timeout
    while time.time() < end:
        for node in walk(root):
            try:
                # AdwMessageDialog 1.2 labels a response "_Restore Restore".
                if node.getRoleName() == 'push button' and node.name in (name, f'_{name} {name}'):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def main():
    tmp = tempfile.mkdtemp(prefix='lianxin-ui-backup-')
    db = os.path.join(tmp, 'lianxin.db')
    backups = os.path.join(tmp, 'backups')
    cli(db, 'stress-edits', '--count', '1')
    cli(db, 'backup', today='2026-11-20')
    con = sqlite3.connect(db)
    con.execute("INSERT INTO zone (name) VALUES ('After the backup')")
    con.commit()
    con.close()

    proc = launch(APP, db)
    plan(8)
    try:
        app = find_app()
        if not tap(app is not None, 'the app appears on the accessibility bus'):
            return
        find(app, role='push button', name='Add a household', timeout=15, sensitive=True)
        time.sleep(1.5)
        today = os.path.join(backups, 'lianxin-2026-11-26.db')
        end = time.time() + 10
        while time.time() < end and not os.path.exists(today):
            time.sleep(0.2)
        tap(os.path.exists(today), 'the day’s backup is made at start')
        menu = main_menu(app)
        if menu is None:
            tap(False, 'main menu found')
            return
        click(menu)
        item = find(app, role='menu item', name='Backup and Restore', timeout=5)
        if item is None:
            tap(False, 'the main menu has Backup and Restore')
            return
        click(item)
        dialog = window(app, 'Backup and Restore')
        restore = dialog and find(dialog, role='push button',
                                  name='Restore the backup of 2026-11-20', timeout=5)
        tap(restore is not None, 'the dialog lists the backups with their dates')

        before = os.path.getmtime(today)
        time.sleep(1.1)
        click(find(dialog, role='push button', name='Back Up Now', timeout=5))
        end = time.time() + 10
        while time.time() < end and os.path.getmtime(today) == before:
            time.sleep(0.2)
        tap(os.path.getmtime(today) != before, '“Back Up Now” makes a fresh backup')

        # The list was rebuilt after the new backup: find the row's button again.
        restore = find(dialog, role='push button', name='Restore the backup of 2026-11-20',
                       timeout=5)
        if not tap(restore is not None and proc.poll() is None,
                   'the list is shown again after the backup', f'exit {proc.poll()}'):
            return
        click(restore)
        confirm = find_exact(app, 'Restore')
        tap(confirm is not None and zones(db) == ['After the backup'],
            'restoring asks first, and has changed nothing yet',
            [n.name for n in walk(app) if safe_role(n) == 'push button'])
        if confirm is None:
            return
        click(confirm)
        close = find_exact(app, 'Close Lianxin', timeout=15)
        kept = glob.glob(os.path.join(backups, 'lianxin-before-restore-*.db'))
        tap(close is not None and zones(db) == [] and len(kept) == 1,
            'the backup is restored and the replaced data kept', f'{zones(db)} {kept}')
        if close is None:
            return
        click(close)
        try:
            proc.wait(timeout=10)
            tap(True, 'Lianxin closes after a restore')
        except subprocess.TimeoutExpired:
            tap(False, 'Lianxin closes after a restore')
    finally:
        stop(proc)


if __name__ == '__main__':
    main()
    sys.exit(0 if all(results) else 1)
