#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: the 串百家门 contact map on a demo database.

Creates a demo database with lianxin-cli, opens the map, finds a household
through "Find on map" (the accessible path to a cell: GTK 4.8's AT-SPI does
not deliver key events), checks that the map's cell cursor is on it, opens
it and checks that the households view shows its detail. Prints TAP.
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


def pick_household(db):
    """A household on the grid whose head's name is unique in the unit."""
    con = sqlite3.connect(db)
    return con.execute(
        "SELECT h.head_name, s.name, b.name, h.entrance, h.room FROM household h"
        " JOIN building b ON b.id = h.building_id JOIN site s ON s.id = b.site_id"
        " WHERE h.deleted_at IS NULL AND h.room IS NOT NULL AND h.head_name IN"
        " (SELECT head_name FROM household GROUP BY head_name HAVING count(*) = 1)"
        " ORDER BY h.id DESC LIMIT 1").fetchone()


PRUNED = ("table", "tree table", "tree")


def quick_walk(node, depth=0):
    """Like uitest.walk, without descending into tables: the households list
    and the other views' tables make a full walk take half a minute."""
    if node is None or depth > 60:
        return
    yield node
    try:
        if node.getRoleName() in PRUNED:
            return
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from quick_walk(child, depth + 1)


def quick_find(root, role=None, name=None, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for node in quick_walk(root):
            try:
                if ((role is None or node.getRoleName() == role)
                        and (name is None or name_matches(node, name))):
                    return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def show_map(app):
    """uitest.open_view, with the quick walk."""
    row = quick_find(app, role="list item", name="Contact Map", timeout=15)
    if row is None:
        return False
    action = row.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("activate", "click", "select"):
            action.doAction(i)
            time.sleep(0.5)
            return True
    row.parent.querySelection().selectChild(row.getIndexInParent())
    time.sleep(0.5)
    return True


def in_table(node):
    """Whether a label sits in the households list rather than the detail."""
    for _ in range(12):
        node = node.parent
        if node is None:
            return False
        try:
            if node.getRoleName() in ("table cell", "table row", "tree table", "table"):
                return True
        except Exception:
            return False
    return False


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    subprocess.run([CLI, "--database", db, "demo", "--households", "300"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    name, site, building, entrance, room = pick_household(db)
    address = f"{site}{building}{entrance}单元{room}室"
    proc = launch(APP, db)
    plan(5)
    try:
        app = find_app()
        tap(app is not None, "the app appears on the accessibility bus")
        if app is None:
            return

        show_map(app)
        canvas = quick_find(app, role="image", name="Contact map", timeout=15)
        tap(canvas is not None, "the contact map view shows an accessible map")
        if canvas is None:
            return

        view = canvas.parent
        entry = editable(quick_find(view, name="Find on map", timeout=10))
        set_text(entry, name)
        wanted = f"{name} · {site}{building} {room}"
        found = quick_find(view, role="push button", name=wanted, timeout=10)
        tap(found is not None, "finding the head's name lists the household", wanted)
        if found is None:
            return

        click(found)
        time.sleep(0.8)
        description = canvas.description or ""
        tap(name in description and room in description,
            "choosing it puts the map's cell cursor on it", description)

        open_button = quick_find(view, role="push button", name="Open Household", timeout=5)
        click(open_button)
        shown = None
        end = time.time() + 10
        while shown is None and time.time() < end:
            for node in quick_walk(app):
                try:
                    if node.getRoleName() == "label" and node.name == address and not in_table(node):
                        shown = node
                        break
                except Exception:
                    continue
            time.sleep(0.3)
        tap(shown is not None, "opening it shows the household's detail in the households view",
            address)
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if all(results) else 1)
