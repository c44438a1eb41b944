#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of 诉求: intake → assignment → resolution → follow-up.

Starts Lianxin on a fresh database, adds one household and one member
through SQL, records an appeal for the household in the intake window,
assigns it, starts the work, resolves it and closes it with the follow-up,
checking the appeal and its appeal_step rows in the database at each step.
Prints TAP.
"""
import os
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]


def db_row(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def wait_for(fn, timeout=5):
    end = time.time() + timeout
    value = fn()
    while not value and time.time() < end:
        time.sleep(0.2)
        value = fn()
    return value


def step(app, title, fields):
    """Fills the entries of a step window by title, then saves it."""
    win = window(app, title)
    if win is None:
        return False
    for name, text in fields.items():
        node = entry(win, name)
        if node is None:
            return False
        set_text(node, text)
    click(find(win, role="push button", name="Save", timeout=5))
    time.sleep(1.0)
    return True


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    proc = launch(APP, db)
    plan(7)
    try:
        app = find_app()
        empty = app and find(app, role="push button", name="Start Empty", timeout=15)
        tap(empty is not None, "the app starts on a fresh database")
        if empty is None:
            return
        click(empty)
        find(app, role="push button", name="Add a household", timeout=15)
        con = sqlite3.connect(db)
        con.executescript(
            "INSERT INTO organization (id, name, kind) VALUES (1, '第一支部', 'branch');"
            "INSERT INTO member (id, org_id, name) VALUES (1, 1, '王书记');"
            "INSERT INTO household (id, head_name, pinyin, initials, address, search_text) VALUES "
            "  (1, '张三', 'zhangsan', 'zs', '和平路1号', '张三 zhangsan zs 和平路1号');")
        con.close()

        # A sidebar row has no action of its own: select it through its list.
        row = find(app, role="list item", name="Appeals", timeout=5)
        row.parent.querySelection().selectChild(row.getIndexInParent())
        add = find(app, role="push button", name="Record an appeal", timeout=10, sensitive=True)
        if add is None:
            tap(False, "the appeals view offers to record an appeal")
            return
        click(add)
        editor = window(app, "Record an Appeal")
        who = entry(editor or app, "Household or Name Given")
        what = entry(editor or app, "What the Person Asks For")
        if who is None or what is None:
            tap(False, "the intake window shows its fields")
            return
        # Nothing described: refused next to the field, nothing saved.
        set_text(who, "zs")
        suggestion = find(editor, name="张三 和平路1号", timeout=5)
        if suggestion is not None:
            suggestion.parent.querySelection().selectChild(suggestion.getIndexInParent())
        click(find(editor, role="push button", name="Save", timeout=5))
        time.sleep(0.8)
        error = find(editor, role="label", name="Describe what the person asks for", timeout=3)
        set_text(what, "楼道灯坏了")
        click(find(editor, role="push button", name="Save", timeout=5))
        rows = wait_for(lambda: db_row(db, "SELECT household_id, description, status, channel FROM appeal"))
        tap(error is not None and rows == [(1, "楼道灯坏了", "received", "home_visit")],
            "intake links the household, refusing an empty description first",
            f"{rows} {[n.name for n in find_all(editor, 'label') if n.name]}")

        assign = find(app, role="push button", name="Assign…", timeout=5)
        click(assign)
        ok = step(app, "Assign the Appeal", {"Deadline": "2026-12-05"})
        rows = wait_for(lambda: db_row(db, "SELECT assignee_id, deadline FROM appeal WHERE assignee_id = 1"))
        tap(ok and rows == [(1, "2026-12-05")], "assignment records the member and the deadline", rows)

        click(find(app, role="push button", name="Start Work", timeout=5))
        rows = wait_for(lambda: db_row(db, "SELECT status FROM appeal WHERE status = 'in_progress'"))
        tap(rows == [("in_progress",)], "starting the work moves it to in progress", rows)

        click(find(app, role="push button", name="Resolve…", timeout=5))
        ok = step(app, "Resolve the Appeal", {"What Was Done": "已更换灯泡"})
        rows = wait_for(lambda: db_row(db, "SELECT status, resolution, resolution_level FROM appeal "
                                           "WHERE status = 'resolved'"))
        tap(ok and rows == [("resolved", "已更换灯泡", "branch")], "resolving records what was done", rows)

        click(find(app, role="push button", name="Close with Follow-up…", timeout=5))
        ok = step(app, "Close with Follow-up", {"Follow-up Note": "电话回访"})
        rows = wait_for(lambda: db_row(db, "SELECT status, followup_on, satisfaction, closed_on FROM appeal "
                                           "WHERE status = 'closed'"))
        tap(ok and rows == [("closed", "2026-11-26", "satisfied", "2026-11-26")],
            "closing records the follow-up and its satisfaction", rows)

        steps = db_row(db, "SELECT from_status, to_status, note FROM appeal_step ORDER BY id")
        tap([s[:2] for s in steps] == [(None, "received"), ("received", "received"),
                                       ("received", "in_progress"), ("in_progress", "resolved"),
                                       ("resolved", "closed")] and steps[-1][2] == "电话回访",
            "every step is in appeal_step, in order", steps)
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
