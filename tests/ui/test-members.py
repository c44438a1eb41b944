#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of 党员: the members view on a demo database.

Creates a demo unit with lianxin-cli, opens Members, finds a demo member by
the pinyin initials of their name, adds a member through the editor (a
joining date in the future is refused next to the field first), finds the
new member, marks them transferred out and sees them leave the default
ledger; the database is checked at each step. Prints TAP.
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


def query(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def matches(db, text):
    """The members the ledger should list for a search, by the view's rule."""
    return query(db, "SELECT name FROM member WHERE deleted_at IS NULL "
                     "AND status != 'transferred_out' AND (instr(lower(name), ?1) "
                     "OR instr(pinyin, ?1) OR instr(initials, ?1) "
                     "OR instr(COALESCE(phone, ''), ?1))", (text,))


def pick_member(db):
    """A demo member whose initials find them and no one else."""
    for name, initials in query(db, "SELECT name, initials FROM member WHERE deleted_at IS NULL "
                                    "AND status != 'transferred_out' AND length(initials) >= 2 "
                                    "ORDER BY length(initials) DESC, id"):
        if matches(db, initials) == [(name,)]:
            return name, initials
    return None, None


def shown(app):
    """The count above the ledger: "N members"."""
    try:
        for node in find_all(app, "label"):
            if re.fullmatch(r"\d+ members?", node.name or ""):
                return node.name
    except Exception:
        # The registry may drop the app for a moment while a dialog closes
        # on a loaded machine: the caller looks it up again.
        return None
    return None


def wait_for(fn, timeout=5):
    end = time.time() + timeout
    value = fn()
    while not value and time.time() < end:
        time.sleep(0.2)
        value = fn()
    return value


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    subprocess.run([CLI, "--database", db, "demo", "--households", "200"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    name, initials = pick_member(db)
    proc = launch(APP, db)
    plan(5)
    try:
        app = find_app()
        row = app and find(app, role="list item", name="Members", timeout=60)
        tap(row is not None and name is not None, "the demo unit opens with a Members view",
            f"member={name!r}")
        if row is None or name is None:
            return
        row.parent.querySelection().selectChild(row.getIndexInParent())
        search = editable(find(app, name="Search households", timeout=30))

        set_text(search, initials)
        count = wait_for(lambda: shown(app) == "1 member" and shown(app), timeout=30)
        cell = find(app, role="label", name=name, timeout=5)
        tap(count == "1 member" and cell is not None,
            f"typing the initials “{initials}” finds {name} and only them",
            f"count={shown(app)!r} cell={cell}")

        set_text(search, "")
        add = find(app, role="push button", name="Add a member", timeout=60, sensitive=True)
        click(add)
        editor = window(app, "New Member", timeout=30)
        name_entry = editor and entry(editor, "Full Name")
        join_entry = editor and entry(editor, "Joined the Party")
        if name_entry is None or join_entry is None:
            tap(False, "the editor shows its fields")
            return
        set_text(name_entry, "欧阳明")
        set_text(entry(editor, "Phone"), "13912345678")
        set_text(join_entry, "2030-07-01")
        save = find(editor, role="push button", name="Save", timeout=5)
        click(save)

        def error_label():
            for node in find_all(editor, "label"):
                if "is after today" in (node.name or ""):
                    return node
            return None
        error = wait_for(error_label, timeout=20)
        saved = query(db, "SELECT count(*) FROM member WHERE name = '欧阳明'")[0][0]
        tap(error is not None and saved == 0,
            "a joining date after today is refused next to the field and nothing is saved",
            f"labels={[n.name for n in find_all(editor, 'label') if n.name][:40]} saved={saved}")

        set_text(join_entry, "2015/7/1")
        click(save)
        rows = wait_for(lambda: query(db, "SELECT pinyin, initials, join_date, phone, status "
                                          "FROM member WHERE name = '欧阳明'"), timeout=30)
        set_text(search, "oym")
        count = wait_for(lambda: shown(app) == "1 member" and shown(app), timeout=30)
        tap(rows == [("ouyangming", "oym", "2015-07-01", "13912345678", "full")]
            and count == "1 member" and find(app, role="label", name="欧阳明", timeout=5),
            "the member added in the editor is saved and listed", f"{rows} count={shown(app)!r}")

        table = find(app, role="tree table", name="Members", timeout=30)
        ledger = [n for n in table if n.getRoleName() == "list"][0]
        ledger.querySelection().selectChild(0)
        time.sleep(0.5)
        click(find(app, role="push button", name="Mark Transferred Out", timeout=30, sensitive=True))
        dialog = window(app, "Mark Transferred Out", timeout=15)
        dest = dialog and editable(find(dialog, name="Transferred to (organization)", timeout=5))
        if dest is None:
            tap(False, "the Mark Transferred Out dialog asks for the destination")
            return
        set_text(dest, "市财政局机关党委")
        # A response button is named by its label with the mnemonic, then its text.
        click(find(dialog, role="push button", name="_Transfer Out", timeout=5, sensitive=True))
        time.sleep(1.0)
        app = find_app()
        count = wait_for(lambda: shown(app) == "0 members" and shown(app), timeout=30)
        rows = query(db, "SELECT status, transferred_on, transferred_to FROM member WHERE name = '欧阳明'")
        tap(count == "0 members" and rows == [("transferred_out", "2026-11-26", "市财政局机关党委")],
            "marked transferred out, the member leaves the default ledger",
            f"count={shown(app)!r} rows={rows}")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
