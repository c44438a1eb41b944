#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: the 概览 overview on a demo database.

Creates a demo database with lianxin-cli, starts the app on it, checks that
the visit coverage shown equals the one computed in SQL, then opens the
"households past their visit rule" attention item and checks that the
households view shows exactly the overdue households. Prints TAP.
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]
CLI = sys.argv[2]
TODAY = os.environ.get("LIANXIN_TODAY", "2026-11-26")


def sql_figures(db):
    con = sqlite3.connect(db)
    year = TODAY[:4]
    total, visited = con.execute(
        "SELECT count(*), sum(EXISTS (SELECT 1 FROM visit_household vh JOIN visit v ON v.id = vh.visit_id"
        " WHERE vh.household_id = h.id AND v.kind = 'home' AND v.happened_at >= ? AND v.happened_at <= ?))"
        " FROM household h WHERE h.deleted_at IS NULL",
        (f"{year}-01-01", f"{TODAY}T99")).fetchone()
    overdue = con.execute(
        "SELECT count(*) FROM household WHERE deleted_at IS NULL AND last_visit_on IS NOT NULL"
        " AND julianday(?) - julianday(last_visit_on) > rule_days", (TODAY,)).fetchone()[0]
    return f"{100.0 * visited / total:.1f}%", overdue


def label_starting(app, prefix):
    for node in find_all(app, "label"):
        if (node.name or "").startswith(prefix):
            return node.name
    return None


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    subprocess.run([CLI, "--database", db, "demo", "--households", "300"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    coverage, overdue = sql_figures(db)
    proc = launch(APP, db)
    plan(4)
    try:
        app = find_app()
        tap(app is not None, "the app appears on the accessibility bus")
        if app is None:
            return

        shown = None
        end = time.time() + 15
        while shown is None and time.time() < end:
            shown = label_starting(app, "Visit coverage, all households:")
            time.sleep(0.3)
        tap(shown == f"Visit coverage, all households: {coverage}",
            "the overview shows the year's visit coverage as computed in SQL",
            f"shown={shown!r} sql={coverage!r}")

        item = find(app, role="push button", name="Open: %d households past their visit rule" % overdue,
                    timeout=10)
        tap(item is not None and overdue > 0, "the overdue households are listed as needing attention",
            f"overdue={overdue}")
        if item is None:
            return
        click(item)

        want = f"{overdue} households" if overdue != 1 else "1 household"
        count = None
        end = time.time() + 10
        while count != want and time.time() < end:
            time.sleep(0.3)
            # The households view comes first in the window; other views
            # (the pairing board) have counts of their own.
            for node in find_all(app, "label"):
                if re.fullmatch(r"\d+ households?", node.name or ""):
                    count = node.name
                    break
        tap(count == want, "opening it shows the households view filtered to the overdue ones",
            f"count={count!r} want={want!r}")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
