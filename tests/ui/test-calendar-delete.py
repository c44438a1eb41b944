#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: deleting one occurrence of a repeating event, with undo, and the
calendar's Print and Export menu (issue 4).

On a demo database: opens the calendar on December 2026, opens the monthly
reception day of 2026-12-10, chooses Delete… → This Occurrence Only, checks
the skipped day in the database, then Undo in the toast puts it back. Checks
that the Print and Export menu offers the notice and the .ics. Prints TAP.
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


def bfs(root, test, timeout=5, max_depth=20):
    """The first node, breadth first, for which test(node) holds. The whole
    window has thousands of nodes (every view is on the bus) and a
    depth-first walk takes longer than a toast stays: the toolbar, dialogs
    and the toast sit near the top."""
    end = time.time() + timeout
    while root is not None and time.time() < end:
        level = [root]
        for _ in range(max_depth):
            below = []
            for node in level:
                try:
                    if test(node):
                        return node
                    below.extend(list(node))
                except Exception:
                    continue
            level = below
        time.sleep(0.2)
    return None


def button(name, exact=False):
    """A clickable node: a menu button is two nodes of the same name, and
    buttons read "_Label Label" on libadwaita 1.2's dialogs and toasts."""
    def test(node):
        if node.getRoleName() != "push button" or node.queryAction().nActions == 0:
            return False
        return node.name == name or (not exact and (node.name.startswith(name + " ")
                                                     or node.name.endswith(" " + name)))
    return test


def skipped(db, event_id):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT occurrence_on FROM event_exception WHERE event_id = ? AND moved_to IS NULL "
                       "AND done = 0 AND occurrence_on LIKE '2026-12-%'", (event_id,)).fetchall()
    con.close()
    return [r[0] for r in rows]


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "demo.db")
    cli = os.path.join(os.path.dirname(APP), "lianxin-cli")
    subprocess.run([cli, "--database", db, "demo", "--households", "100"], check=True,
                   capture_output=True)
    con = sqlite3.connect(db)
    event_id = con.execute("SELECT id FROM event WHERE kind = 'reception_day' AND rrule IS NOT NULL").fetchone()[0]
    con.close()
    proc = launch(APP, db)
    plan(5)
    try:
        app = find_app()
        if not tap(app is not None, "the app appears on the accessibility bus"):
            return
        main_window = window(app, "Lianxin")
        open_view(app, "Calendar")
        nxt = bfs(main_window, button("Next"))
        if nxt is not None:
            click(nxt)
        time.sleep(0.5)

        menu = bfs(main_window, lambda n: n.getRoleName() == "push button" and n.description == "Print and Export")
        if menu is not None and menu.queryAction().nActions == 0:
            menu = bfs(menu, lambda n: n.getRoleName() == "push button" and n.queryAction().nActions > 0)
        if menu is not None:
            click(menu)
        items = [bfs(menu.parent if menu is not None else None,
                     lambda node, n=n: node.getRoleName() == "menu item" and name_matches(node, n))
                 for n in ("Print Reception Notice…", "Export Notice as PDF…", "Export Calendar (.ics)…")]
        tap(all(i is not None for i in items), "the Print and Export menu offers the notice and the calendar",
            repr(items))
        if os.environ.get("LIANXIN_UI_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["LIANXIN_UI_SHOT"] + "-menu.png"])
        if menu is not None:
            click(menu)   # closes it
        time.sleep(0.3)

        chip = bfs(main_window, button("09:00 党代表接待日", exact=True), max_depth=30)
        delete = None
        if chip is not None:
            click(chip)
            delete = bfs(chip.parent, button("Delete…"))
        if delete is not None:
            click(delete)
        dialog = window(app, "Delete a Repeating Event?")
        only = bfs(dialog, button("This Occurrence Only"))
        if os.environ.get("LIANXIN_UI_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["LIANXIN_UI_SHOT"] + "-dialog.png"])
        if only is not None:
            click(only)
        # The toast lasts a few seconds: find its button first.
        undo = bfs(main_window, button("Undo"), max_depth=8)
        if os.environ.get("LIANXIN_UI_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["LIANXIN_UI_SHOT"] + "-toast.png"])
        tap(skipped(db, event_id) == ["2026-12-10"], "This Occurrence Only skips the day of the series",
            f"chip={chip} delete={delete} dialog={dialog} only={only} skipped={skipped(db, event_id)}")
        con = sqlite3.connect(db)
        still = con.execute("SELECT count(*) FROM event WHERE id = ?", (event_id,)).fetchone()[0]
        con.close()
        tap(still == 1, "the series itself stays")

        if undo is not None:
            click(undo)
        time.sleep(1.0)
        tap(undo is not None and skipped(db, event_id) == [], "Undo in the toast brings the day back",
            f"undo={undo} skipped={skipped(db, event_id)}")
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
