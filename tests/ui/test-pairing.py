#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test of the 结对 pairing board (issue 7), the keyboard path.

Creates a demo database with lianxin-cli, opens the Pairing view, activates
the first card of the "Needy, not paired" column through its accessible
action, chooses the first member offered in the "Pair with…" popover,
checks the card in that member's column, the counts and the database, then
presses Undo on the toast and checks that the card is back. Prints TAP.
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
NEEDY = "Needy, not paired"


def db_rows(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def wait_for(fn, timeout=6):
    end = time.time() + timeout
    value = fn()
    while not value and time.time() < end:
        time.sleep(0.2)
        value = fn()
    return value


def group(root, name):
    """A column of the board: a group named after the member (or NEEDY)."""
    for node in walk(root):
        try:
            if node.name == name and node.getRoleName() in ("panel", "grouping", "group"):
                return node
        except Exception:
            continue
    return None


def shallow_find(root, role, name, timeout=8, max_depth=9):
    """Breadth first: the toast sits near the top of the window, the views'
    long lists far below, so a depth-first walk reaches it last."""
    end = time.time() + timeout
    while time.time() < end:
        level = [root]
        for _ in range(max_depth):
            below = []
            for node in level:
                try:
                    if node.getRoleName() == role and name_matches(node, name):
                        return node
                    below.extend(list(node))
                except Exception:
                    continue
            level = below
        time.sleep(0.2)
    return None


def buttons(node):
    return [b for b in find_all(node, "push button") if b.name] if node is not None else []


def label_matching(node, pattern):
    for label in find_all(node, "label") if node is not None else []:
        if re.fullmatch(pattern, label.name or ""):
            return label.name
    return None


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-")
    db = os.path.join(tmp, "lianxin.db")
    subprocess.run([CLI, "--database", db, "demo", "--households", "300"], check=True,
                   stdout=subprocess.DEVNULL)
    # A needy household nobody is paired with yet (the demo pairs most).
    con = sqlite3.connect(db)
    con.executescript(
        "INSERT INTO household (head_name, pinyin, initials, address, search_text) VALUES "
        "  ('欧阳明', 'ouyangming', 'oym', '和平路12号', '欧阳明 ouyangming oym 和平路12号');"
        "INSERT INTO household_need (household_id, tag) VALUES (last_insert_rowid(), 'dibao');")
    con.close()
    proc = launch(APP, db)
    plan(6)
    try:
        app = find_app()
        tap(app is not None, "the app starts on a demo database")
        if app is None:
            return
        row = find(app, role="list item", name="Pairing", timeout=15)
        if row is not None:
            row.parent.querySelection().selectChild(row.getIndexInParent())
        needy = wait_for(lambda: group(app, NEEDY), timeout=10)
        # Later lookups of columns stay inside the view:
        # walking the whole app over AT-SPI is slow on a busy machine.
        view = needy.parent.parent.parent if needy is not None else app
        cards = buttons(needy)
        count_before = label_matching(needy, r"\d+ households?")
        tap(needy is not None and cards and count_before,
            "the board shows the needy households nobody is paired with",
            f"group={needy} cards={len(cards)} count={count_before!r}")
        if not cards or not count_before:
            return
        card_name = cards[0].name
        head, address = card_name.split(", ", 1)[0], card_name.split(", ", 1)[1].split(" ")[0]
        household = db_rows(db, "SELECT id FROM household WHERE head_name = ? AND deleted_at IS NULL "
                                "AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = household.id "
                                "AND p.end_on IS NULL)", (head,))

        # The keyboard path: the card's own action opens "Pair with…".
        click(cards[0])
        popover = find(app, name="Pair with…", timeout=10)
        choices = [b for b in buttons(popover)
                   if not b.name.startswith("Unpair")
                   and b.getState().contains(pyatspi.STATE_SENSITIVE)]
        tap(popover is not None and choices, "activating the card offers the members to pair with",
            f"popover={popover} choices={len(choices)}")
        if not choices:
            return
        member = choices[0].name.split(" ")[0]
        member_id, quota = db_rows(db, "SELECT m.id, q.households FROM member m JOIN quota q "
                                       "ON q.role = m.role WHERE m.name = ?", (member,))[0]
        paired_before = db_rows(db, "SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id "
                                    "WHERE p.member_id = ? AND p.end_on IS NULL AND h.deleted_at IS NULL",
                                (member_id,))[0][0]
        click(choices[0])
        # Found now, pressed after the checks: the toast goes after 10 s.
        undo = shallow_find(app, "push button", "_Undo")

        rows = wait_for(lambda: db_rows(db, "SELECT household_id FROM pairing WHERE member_id = ? "
                                            "AND end_on IS NULL AND household_id IN (%s)"
                                        % ",".join(str(h[0]) for h in household), (member_id,)))
        column = wait_for(lambda: group(view, member))
        in_column = column is not None and any(b.name.startswith(head + ", ") for b in buttons(column))
        count = label_matching(column, r"Paired \d+ / quota \d+")
        tap(rows and in_column and count == f"Paired {paired_before + 1} / quota {quota}",
            "choosing a member pairs them: the card moves to the member's column and the count rises",
            f"rows={rows} in_column={in_column} count={count!r} before={paired_before}")

        n_before = int(count_before.split()[0])
        left = wait_for(lambda: label_matching(group(view, NEEDY), rf"{n_before - 1} households?"))
        tap(left and not any(b.name == card_name for b in buttons(group(view, NEEDY))),
            "the needy column loses the card", f"count={left!r}")

        # The toast's button is named by its mnemonic label, then its text.
        if undo is not None:
            click(undo)
        back = wait_for(lambda: any(b.name == card_name for b in buttons(group(view, NEEDY))))
        rows = db_rows(db, "SELECT count(*) FROM pairing WHERE member_id = ? AND end_on IS NULL",
                       (member_id,))
        tap(undo is not None and back and rows == [(paired_before,)]
            and label_matching(group(view, NEEDY), count_before),
            "Undo on the toast puts the card back, unpaired",
            f"undo={undo} back={back} rows={rows} address={address}")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
