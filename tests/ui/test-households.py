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
import subprocess
import sys
import tempfile
import time

import pyatspi

APP = sys.argv[1]
TODAY = os.environ.get("LIANXIN_TODAY", "2026-11-26")
results = []


def tap(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} {name}")
    if detail and not ok:
        for line in detail.splitlines():
            print(f"# {line}")
    sys.stdout.flush()


def find_app(name, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.25)
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1)


def name_matches(node, name):
    # GTK 4.8 names a button by its accessible label followed by the text of
    # its child label ("Save Save"): accept the label alone or that form.
    actual = node.name or ""
    return actual == name or actual.startswith(name + " ")


def find(root, role=None, name=None, timeout=10, sensitive=False):
    end = time.time() + timeout
    while time.time() < end:
        for node in walk(root):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and not name_matches(node, name):
                    continue
                # GTK 4.8 reports no SHOWING state: pages of a stack that are
                # not shown still read as VISIBLE. Sensitivity does follow the
                # actions, so wait on it where it matters.
                if sensitive and not node.getState().contains(pyatspi.STATE_SENSITIVE):
                    continue
                return node
            except Exception:
                continue
        time.sleep(0.2)
    return None


def find_all(root, role):
    out = []
    for node in walk(root):
        try:
            if node.getRoleName() == role:
                out.append(node)
        except Exception:
            continue
    return out


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def entry_in_row(root, title):
    """The editable text of an AdwEntryRow, found by the row's title."""
    for node in walk(root):
        try:
            if (node.getRoleName() == "text" and node.name == title
                    and "EditableText" in pyatspi.utils.listInterfaces(node)):
                return node
        except Exception:
            continue
    return None


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    env = dict(os.environ)
    env["LIANXIN_DATABASE"] = db
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    env["GSK_RENDERER"] = "cairo"
    proc = subprocess.Popen([APP], env=env)
    print("1..7")
    try:
        app = find_app("lianxin", timeout=30)
        tap(app is not None, "the app appears on the accessibility bus")
        if app is None:
            return

        empty = find(app, role="push button", name="Start Empty", timeout=15)
        tap(empty is not None and not os.path.exists(db),
            "a first start offers to create demo data or start empty, and writes nothing yet")
        if empty is None:
            return
        click(empty)

        add = find(app, role="push button", name="Add household", timeout=15, sensitive=True)
        tap(add is not None and os.path.exists(db), "starting empty creates the database")
        if add is None:
            return
        click(add)

        editor = None
        end = time.time() + 10
        while editor is None and time.time() < end:
            for win in app:
                if win is not None and win.name == "New Household":
                    editor = win
            time.sleep(0.2)
        if editor is None:
            editor = find(app, name="New Household", timeout=5)
        name_entry = entry_in_row(editor or app, "Name")
        addr_entry = entry_in_row(editor or app, "Other Address")
        phone_entry = entry_in_row(editor or app, "Phone")
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
        editor = None
        for win in app:
            if win is not None and win.name == "New Household":
                editor = win
        set_text(entry_in_row(editor, "Name"), "张三")
        set_text(entry_in_row(editor, "Other Address"), "建设路5号")
        click(find(editor, role="push button", name="Save", timeout=5))
        time.sleep(1.0)

        def shown():
            """The count above the list: "N households"."""
            for node in find_all(app, "label"):
                if re.fullmatch(r"\d+ households?", node.name or ""):
                    return node.name
            return None

        before = shown()
        search = find(app, name="Search households", timeout=5)
        if search is not None and "EditableText" not in pyatspi.utils.listInterfaces(search):
            for node in walk(search):
                if "EditableText" in pyatspi.utils.listInterfaces(node):
                    search = node
                    break
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
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
