#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: import a GBK roster with a title row through the Import dialog.

Writes the CSV, starts Lianxin on a database made by lianxin-cli, opens
"Import Roster…" from the main menu, checks the guessed columns in the
preview, imports, reads the result page and checks the rows in the
database. The dialog previews LIANXIN_IMPORT_FILE (its testing hook) so that
the test need not drive the platform's file chooser. Prints TAP.
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
CLI = os.path.join(os.path.dirname(APP), "lianxin-cli")

ROSTER = ("幸福里社区群众户花名册\n"
          "\n"
          "户主姓名,联系电话,小区,楼栋,单元,门牌,困难类型,人口\n"
          "欧阳明,13812345678,幸福里,3,2,501,低保、残疾,3\n"
          "钱小红,13912345678,幸福里,3号楼,1,302室,独居/空巢老人,1\n")


def wait_for(pred, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        value = pred()
        if value:
            return value
        time.sleep(0.3)
    return None


def label_with(root, text):
    for node in find_all(root, "label"):
        if text in (node.name or ""):
            return node
    return None


def main():
    tmp = tempfile.mkdtemp(prefix="lianxin-ui-import-")
    db = os.path.join(tmp, "lianxin.db")
    csv = os.path.join(tmp, "花名册.csv")
    with open(csv, "wb") as f:
        f.write(ROSTER.encode("gbk"))
    subprocess.run([CLI, "--database", db, "demo", "--households", "3"], check=True,
                   capture_output=True)
    before = sqlite3.connect(db).execute("SELECT count(*) FROM household").fetchone()[0]

    os.environ["LIANXIN_IMPORT_FILE"] = csv
    proc = launch(APP, db)
    plan(5)
    try:
        app = find_app()
        menu = main_menu(app)
        tap(menu is not None, "the main menu button is there")
        if menu is None:
            return
        click(menu)
        item = find(app, role="menu item", name="Import Roster…", timeout=10)
        if item is None:
            return tap(False, "the main menu has Import Roster…")
        click(item)

        dialog = window(app, "Import Roster", timeout=10)
        column = find(dialog or app, name="Column “户主姓名”", timeout=15) if dialog else None
        status = wait_for(lambda: label_with(dialog, "rows below the header in row 3"))
        tap(dialog is not None and column is not None and status is not None,
            "the dialog previews the GBK file, header found below the title row",
            f"dialog={dialog} column={column} status={status and status.name}")
        if dialog is None:
            return

        button = find(dialog, role="push button", name="Import", sensitive=True, timeout=10)
        click(button)
        done = wait_for(lambda: label_with(dialog, "Import finished"), timeout=20)
        counts = label_with(dialog, "Added 2")
        tap(done is not None and counts is not None, "the result page says 2 households were added",
            f"done={done} counts={counts and counts.name}")

        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT h.head_name, h.phone, b.name, h.entrance, h.room, "
                            "(SELECT group_concat(tag) FROM household_need n WHERE n.household_id = h.id) "
                            "FROM household h LEFT JOIN building b ON b.id = h.building_id "
                            "WHERE head_name IN ('欧阳明', '钱小红') ORDER BY h.id").fetchall()
        total = conn.execute("SELECT count(*) FROM household").fetchone()[0]
        tap(len(rows) == 2 and rows[0][:5] == ("欧阳明", "13812345678", "3号楼", 2, "501")
            and "dibao" in (rows[0][5] or "") and total == before + 2,
            "the households are in the database with building, room and need tags", f"{rows} total={total}")

        log = conn.execute("SELECT summary FROM change_log WHERE action = 'import' "
                           "AND table_name = 'household' AND summary LIKE '花名册.csv:%'").fetchall()
        tap(len(log) == 1 and "2 added" in log[0][0], "one change-log line names the file and counts",
            f"{log}")
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
