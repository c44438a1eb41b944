#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: the real Lianxin under Xvfb, driven through AT-SPI.

Starts the app on a fresh database, chooses "Start Empty", adds a household
through the editor, finds it again by typing its pinyin initials into the
search, and checks the row in the database. Prints TAP.
"""
import os
import re
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    proc = launch(APP, db)
    plan(7)
    try:
        app = find_app()
        tap(app is not None, "the app appears on the accessibility bus")
        if app is None:
            return

        empty = find(app, role="push button", name="Start Empty", timeout=15)
        tap(empty is not None and not os.path.exists(db),
            "a first start offers to create demo data or start empty, and writes nothing yet")
        if empty is None:
            return
        click(empty)
        open_view(app, "Households")

        add = find(app, role="push button", name="Add a household", timeout=15, sensitive=True)
        tap(add is not None and os.path.exists(db), "starting empty creates the database")
        if add is None:
            return
        click(add)

        editor = window(app, "New Household")
        name_entry = entry(editor or app, "Name")
        addr_entry = entry(editor or app, "Other Address")
        phone_entry = entry(editor or app, "Phone")
        tap(name_entry is not None and addr_entry is not None, "the editor shows its fields")
        if name_entry is None or addr_entry is None:
            return

        # A wrong phone number is refused next to the field, and nothing is saved.
        set_text(name_entry, "欧阳明")
        set_text(addr_entry, "和平路12号")
        set_text(phone_entry, "12345")
        save = find(editor or app, role="push button", name="Save", timeout=5)
        click(save)
        time.sleep(0.8)
        error_label = None
        for node in find_all(editor or app, "label"):
            if "12345" in (node.name or ""):
                error_label = node
        count = sqlite3.connect(db).execute("SELECT count(*) FROM household").fetchone()[0]
        tap(error_label is not None and count == 0,
            "an invalid phone number is refused with a message and saves nothing",
            f"label={error_label and error_label.name!r} rows={count}")

        set_text(phone_entry, "13912345678")
        click(save)
        time.sleep(1.0)

        # A second household, so that the search has something to leave out.
        click(add)
        time.sleep(1.0)
        editor = window(app, "New Household")
        set_text(entry(editor, "Name"), "张三")
        set_text(entry(editor, "Other Address"), "建设路5号")
        click(find(editor, role="push button", name="Save", timeout=5))
        time.sleep(1.0)

        def shown():
            """The count above the list: "N households"."""
            for node in find_all(app, "label"):
                if re.fullmatch(r"\d+ households?", node.name or ""):
                    return node.name
            return None

        before = shown()
        search = editable(find(app, name="Search households", timeout=5))
        set_text(search, "oym")
        time.sleep(1.0)
        after = shown()
        cell = find(app, role="label", name="欧阳明", timeout=5)
        tap(before == "2 households" and after == "1 household" and cell is not None,
            "typing the pinyin initials finds the household and only it",
            f"before={before!r} after={after!r} cell={cell}")

        con = sqlite3.connect(db)
        row = con.execute(
            "SELECT head_name, pinyin, initials, phone, address FROM household ORDER BY id"
        ).fetchall()[:1]
        tap(row == [("欧阳明", "ouyangming", "oym", "13912345678", "和平路12号")],
            "the household is in the database as entered", repr(row))
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
