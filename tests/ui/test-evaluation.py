#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of 评议: on a database with an organization and two members,
starts the 2026 evaluation, enters two paper ballots in the grid (one full
row that saves itself, one with blanks saved by the button), and checks the
member's rate on the Results tab and in the database. Prints TAP.
"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]
CLI = sys.argv[2]
ITEMS = ["Contacts and serves the masses", "Appeals solved or answered",
         "Party–masses relations improved", "Satisfaction risen"]


def make_database(db):
    # The command-line tool creates an empty database with the schema.
    subprocess.run([CLI, "--database", db, "stats"], check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO organization (id, name, kind) VALUES (1, '第一党支部', 'branch')")
    con.execute("INSERT INTO member (org_id, name, role, pinyin) VALUES (1, '王芳', 'member', 'wangfang')")
    con.execute("INSERT INTO member (org_id, name, role, pinyin) VALUES (1, '李强', 'member', 'liqiang')")
    con.commit()
    con.close()


def walk_last_first(node, depth=0):
    """Like walk(), but the last child first: the Evaluation view is the last
    page of the window's stack, so its widgets come up without a trip
    through every other view (each node is a round trip over the bus)."""
    if node is None or depth > 60:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in reversed(children):
        yield from walk_last_first(child, depth + 1)


def find_here(root, role=None, name=None, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for node in walk_last_first(root):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and not name_matches(node, name):
                    continue
                return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def grid_cells(app):
    """The grid's entries by accessible name, found in one walk: walking
    the whole window over AT-SPI for every cell would take a minute."""
    grid = find_here(app, name="Ballot grid", timeout=10)
    cells = {}
    for node in walk(grid):
        try:
            if node.name and ", " in node.name:
                cells.setdefault(node.name, editable(node))
        except Exception:
            continue
    return cells


def fill(cells, who, digits):
    for i, d in enumerate(digits):
        if d != "-":
            set_text(cells[f"{who}, {ITEMS[i]}"], d)
            time.sleep(0.1)


def query(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    make_database(db)
    proc = launch(APP, db)
    plan(6)
    try:
        app = find_app()
        if not tap(app is not None, "the app appears on the accessibility bus"):
            return
        open_view(app, "Evaluation")
        start = find_here(app, role="push button", name="Start the 2026 Evaluation", timeout=15)
        if not tap(start is not None, "a year without an evaluation offers to start it"):
            return
        click(start)
        time.sleep(1.0)
        cells = grid_cells(app)
        first = cells.get(f"王芳, {ITEMS[0]}")
        tap(first is not None and len(cells) == 12
            and query(db, "SELECT count(*) FROM evaluation_campaign WHERE year = 2026") == 1,
            "starting creates the campaign and shows the ballot grid", sorted(cells))
        if first is None:
            return

        # Ballot 1, a full row: it saves itself when the last cell is typed.
        fill(cells, "The organization", "1112")
        fill(cells, "王芳", "1234")
        fill(cells, "李强", "1111")
        time.sleep(1.0)
        n1 = query(db, "SELECT count(*) FROM ballot")
        # Ballot 2 with blanks, saved with the button.
        fill(cells, "王芳", "1144")
        fill(cells, "The organization", "2---")
        click(find_here(app, role="push button", name="Save Ballot", timeout=5))
        time.sleep(1.0)
        n2 = query(db, "SELECT count(*) FROM ballot")
        grades = query(db, "SELECT count(*) FROM ballot_grade")
        tap(n1 == 1 and n2 == 2 and grades == 12 + 5,
            "a full row saves itself, the button saves a row with blanks",
            f"after the first row {n1} ballots, then {n2}, {grades} grades")

        tab = find_here(app, role="page tab", name="Results", timeout=5)
        if tab is not None:
            click(tab)
        time.sleep(1.0)
        # 王芳: 1 2 3 4 and 1 1 4 4 -> 4 satisfied or fairly satisfied of 8.
        label = find_here(app, role="label", name="Overall satisfaction of 王芳:", timeout=5)
        # GTK 4.8 gives a label with an accessible name no text interface
        # content: the name carries the figure shown.
        shown = label.name.rsplit(": ", 1)[-1] if label is not None else None
        tap(shown == "50.0%", "the member's overall rate is shown on Results",
            f"label={label and label.name!r}")
        remedial = find_here(app, role="list", name="Remedial list", timeout=5)
        names = [n.name for n in walk(remedial)] if remedial is not None else []
        tap(any("王芳" in (n or "") for n in names) and not any("李强" in (n or "") for n in names),
            "under 60 % puts her on the remedial list, and him not", repr(names))
    finally:
        stop(proc)


main()
sys.exit(0 if all(results) else 1)
