#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: logging a visit (issue 4), and the calendar.

On a demo database: finds a household that was never visited, logs a home
visit to it through the "Log a Visit" window (main menu, also Ctrl+L), checks
the visit and the household's last visit in the database and that its status
now reads Visited; then opens the calendar and moves to the next month.
Prints TAP.
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
STATUSES = ("Visited", "Due soon", "Overdue", "Never visited")


def status_labels(app):
    """The status cells of the households list."""
    table = find(app, role="tree table", name="Households", timeout=5)
    return [n.name for n in find_all(table, "label") if n.name in STATUSES] if table else None


def pick_household(db):
    """A never-visited household whose name no other household has."""
    con = sqlite3.connect(db)
    row = con.execute(
        "SELECT id, head_name FROM household h WHERE deleted_at IS NULL AND last_visit_on IS NULL "
        "AND (SELECT count(*) FROM household o WHERE o.head_name = h.head_name) = 1 "
        "AND (SELECT count(*) FROM household o WHERE instr(o.search_text, h.head_name) > 0) = 1 "
        "AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.end_on IS NULL) "
        "AND EXISTS (SELECT 1 FROM member_zone mz JOIN member m ON m.id = mz.member_id "
        "            WHERE mz.zone_id = h.zone_id AND m.deleted_at IS NULL "
        "            AND m.status != 'transferred_out') "
        "ORDER BY id LIMIT 1").fetchone()
    # The editor ticks the zone's responsible members (at most 3) for an unpaired household.
    members = con.execute(
        "SELECT m.id FROM member_zone mz JOIN member m ON m.id = mz.member_id "
        "JOIN household h ON h.zone_id = mz.zone_id WHERE h.id = ? AND m.deleted_at IS NULL "
        "AND m.status != 'transferred_out' ORDER BY m.id LIMIT 3", (row[0],)).fetchall()
    return row[0], row[1], sorted(m[0] for m in members)


def action_node(root, name):
    """The node called @name that can be clicked (a menu button is two nodes)."""
    for node in walk(root):
        try:
            if node.name == name and node.queryAction().nActions > 0:
                return node
        except Exception:
            continue
    return None


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "demo.db")
    cli = os.path.join(os.path.dirname(APP), "lianxin-cli")
    subprocess.run([cli, "--database", db, "demo", "--households", "150"], check=True,
                   capture_output=True)
    hid, name, members = pick_household(db)
    proc = launch(APP, db)
    plan(8)
    try:
        app = find_app()
        if not tap(app is not None, "the app appears on the accessibility bus"):
            return

        open_view(app, "Households")
        search = editable(find(app, name="Search households", timeout=10))
        set_text(search, name)
        time.sleep(1.0)
        before = status_labels(app)
        tap(before == ["Never visited"], "the household is found and has never been visited",
            repr(before))

        menu_item(app, "Log a Visit…")
        editor = window(app, "Log a Visit")
        if not tap(editor is not None, "the main menu opens the Log a Visit window"):
            return

        set_text(entry(editor, "Find a Household"), name)
        results = find(editor, name="Matching households", timeout=5)
        time.sleep(0.5)
        results.querySelection().selectChild(0)
        time.sleep(0.5)
        chosen = find(editor, name=name, role="label", timeout=3)
        set_text(editable(find(editor, name="What was learned", timeout=5)), "老人腿脚不便，希望加装楼道扶手")
        click(find(editor, role="push button", name="Save", timeout=5))
        time.sleep(1.5)

        con = sqlite3.connect(db)
        visits = con.execute(
            "SELECT v.kind, substr(v.happened_at, 1, 10), v.notes, "
            "(SELECT group_concat(member_id) FROM (SELECT member_id FROM visit_member "
            " WHERE visit_id = v.id ORDER BY member_id)) FROM visit v "
            "JOIN visit_household vh ON vh.visit_id = v.id WHERE vh.household_id = ?",
            (hid,)).fetchall()
        last = con.execute("SELECT last_visit_on FROM household WHERE id = ?", (hid,)).fetchone()[0]
        expected = [("home", "2026-11-26", "老人腿脚不便，希望加装楼道扶手",
                     ",".join(str(m) for m in members))]
        tap(chosen is not None and visits == expected
            and last == "2026-11-26",
            "the home visit is recorded with the zone's members and the notes, and sets the last visit",
            f"visits={visits!r} last={last!r}")

        time.sleep(0.5)
        after = status_labels(app)
        tap(after == ["Visited"], "the household's status now reads Visited", repr(after))

        # An appeal raised on a visit: "Save and Record an Appeal…" saves the
        # visit, then opens the intake linked to the visit and its household.
        menu_item(app, "Log a Visit…")
        editor = window(app, "Log a Visit")
        set_text(entry(editor, "Find a Household"), name)
        results = find(editor, name="Matching households", timeout=5)
        time.sleep(0.5)
        results.querySelection().selectChild(0)
        time.sleep(0.5)
        set_text(editable(find(editor, name="What was learned", timeout=5)), "反映楼道灯不亮")
        click(find(editor, role="push button", name="Save and Record an Appeal…", timeout=5))
        intake = window(app, "Record an Appeal")
        what = entry(intake, "What the Person Asks For") if intake else None
        if what is not None:
            set_text(what, "楼道灯坏了，请尽快修理")
            click(find(intake, role="push button", name="Save", timeout=5))
            time.sleep(1.5)
        linked = sqlite3.connect(db).execute(
            "SELECT a.household_id, a.description, a.channel, vh.household_id FROM appeal a "
            "JOIN visit v ON v.id = a.visit_id JOIN visit_household vh ON vh.visit_id = v.id "
            "WHERE a.description = '楼道灯坏了，请尽快修理'").fetchall()
        tap(linked == [(hid, "楼道灯坏了，请尽快修理", "home_visit", hid)],
            "an appeal raised on a visit is linked to the visit and the household",
            f"linked={linked!r} intake={intake} what={what} windows={[w.name for w in app]}")

        open_view(app, "Calendar")
        title = find(app, role="label", name="November 2026", timeout=10)
        tap(title is not None, "the calendar opens on the month of today")
        click(find(app, role="push button", name="Next", timeout=5))
        time.sleep(0.5)
        nxt = find(app, role="label", name="December 2026", timeout=5)
        reception = action_node(app, "09:00 党代表接待日")
        tap(nxt is not None and reception is not None,
            "Next shows December, with its reception day on the calendar",
            f"title={nxt} reception={reception}")
        if os.environ.get("LIANXIN_UI_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["LIANXIN_UI_SHOT"]])
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
