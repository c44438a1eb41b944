#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of 服务 (issue 7, items 3 and 4): the Service view on a demo unit.

Creates a demo unit with lianxin-cli, opens Service → Pledges, adds a pledge
for the first member through the editor, sees it in the list and in the
database, deletes it, presses Undo on the toast and sees it back under the
same id. Prints TAP. LIANXIN_UI_SHOT=prefix saves screenshots.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]
CLI = sys.argv[2]
TEXT = "每周为独居老人送一次菜"


SKIP = ("list", "table", "tree table", "tree", "list box")


def bfs(root, test, timeout=5, max_depth=20):
    """Breadth first, not into lists and tables: the toast sits near the top
    of a window whose views put thousands of nodes on the bus, and it does
    not stay long."""
    end = time.time() + timeout
    while root is not None and time.time() < end:
        level = [root]
        for _ in range(max_depth):
            below = []
            for node in level:
                try:
                    if test(node):
                        return node
                    if node.getRoleName() not in SKIP:
                        below.extend(list(node))
                except Exception:
                    continue
            level = below
        time.sleep(0.2)
    return None


def undo_button(node):
    name = node.name or ""
    return (node.getRoleName() == "push button" and node.queryAction().nActions > 0
            and (name == "Undo" or name.endswith(" Undo") or name.startswith("Undo ")))


def pledges(db):
    con = sqlite3.connect(db)
    return con.execute("SELECT id, member_id, year, status FROM pledge WHERE text = ?",
                       (TEXT,)).fetchall()


def shot(name):
    if os.environ.get("LIANXIN_UI_SHOT"):
        subprocess.run(["import", "-window", "root", os.environ["LIANXIN_UI_SHOT"] + name])


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    subprocess.run([CLI, "--database", db, "demo", "--households", "200"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = sqlite3.connect(db).execute(
        "SELECT id FROM member WHERE deleted_at IS NULL ORDER BY org_id, CASE role "
        "WHEN 'secretary' THEN 0 WHEN 'deputy' THEN 1 WHEN 'committee' THEN 2 "
        "WHEN 'group_leader' THEN 3 ELSE 4 END, pinyin, id LIMIT 1").fetchone()[0]
    proc = launch(APP, db)
    plan(5)
    try:
        app = find_app()
        ok = app is not None and open_view(app, "Service", timeout=20)
        page = ok and find(app, role="page tab", name="Pledges", timeout=10)
        if page:
            click(page)
        add = find(app, role="push button", name="Add a Pledge", timeout=10) if ok else None
        tap(page and add is not None, "the demo unit has a Service view with a Pledges page",
            f"view={ok} page={page} add={add}")
        if not page or add is None:
            return
        # The page: its summary line with the Add button, and its list.
        page_root = add.parent.parent
        time.sleep(0.5)
        shot("-pledges.png")

        click(add)
        editor = window(app, "New Pledge for 2026")
        text_entry = editor and entry(editor, "Pledge")
        if text_entry is None:
            tap(False, "the editor shows its fields", f"editor={editor}")
            return
        set_text(text_entry, TEXT)
        click(find(editor, role="push button", name="Save", timeout=5))
        time.sleep(1.0)
        rows = pledges(db)
        label = find(page_root, role="label", name=TEXT, timeout=20)
        tap(rows and rows[0][1:] == (first, 2026, "open") and label is not None,
            "the pledge is saved for the first member and this year, and shows in the list",
            f"rows={rows} label={label}")
        if not rows:
            return
        pledge_id = rows[0][0]

        delete = find(page_root, role="push button", name=f"Delete “{TEXT}”", timeout=5)
        if delete is not None:
            click(delete)
        undo = bfs(app[0], undo_button, timeout=8, max_depth=12)
        shot("-toast.png")
        tap(delete is not None and pledges(db) == [], "Delete removes the pledge",
            f"delete={delete} rows={pledges(db)}")

        try:
            if undo is not None:
                click(undo)
        except Exception as e:  # the toast may be gone already
            print(f"# clicking Undo: {e}")
        time.sleep(1.0)
        tap(undo is not None and pledges(db) == [(pledge_id, first, 2026, "open")],
            "Undo on the toast brings the pledge back under the same id",
            f"undo={undo} rows={pledges(db)}")
        label = find(page_root, role="label", name=TEXT, timeout=20)
        logged = sqlite3.connect(db).execute(
            "SELECT group_concat(action) FROM (SELECT action FROM change_log "
            "WHERE table_name = 'pledge' AND row_id = ? ORDER BY id)", (pledge_id,)).fetchone()[0]
        tap(label is not None and logged == "insert,delete,restore",
            "the pledge is back in the list, and the change log has all three steps",
            f"label={label} log={logged!r}")
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
