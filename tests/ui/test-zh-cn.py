#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""UI test: started in a zh_CN locale, Lianxin shows no English.

Creates the demo unit from the welcome page (the worker thread and its
progress), then reads every label, button and field of the main window and
of the household editor through AT-SPI, looking for English words.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from uitest import *  # noqa: E402,F403

APP = sys.argv[1]
LANG = "zh_CN.UTF-8"

# Widget type names GTK 4.8 exposes for unnamed containers, and texts that
# are data or symbols rather than interface language.
INTERNAL = re.compile(r"^(Gtk|Adw|Lx)[A-Za-z]+$")
KEYS = re.compile(r"\b(Ctrl|Shift|Alt|PDF|PNG|SVG|CSV|XLSX|Excel|WPS)\b")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def english_texts(root):
    found = set()
    for node in walk(root):
        try:
            role = node.getRoleName()
            texts = [node.name or "", node.description or ""]
            if "Text" in pyatspi.utils.listInterfaces(node) and role == "label":
                texts.append(node.queryText().getText(0, -1))
        except Exception:
            continue
        for text in texts:
            if not text or INTERNAL.match(text):
                continue
            if ENGLISH.search(KEYS.sub("", text)):
                found.add(f"[{role}] {text}")
    return sorted(found)


# The sidebar, in order.
VIEWS = ["概览", "群众户", "串百家门", "党员", "日历", "诉求", "结对", "承诺与服务", "群众评议"]


def main():
    if subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().find("zh_cn.utf") < 0:
        skip_all("the zh_CN.UTF-8 locale is not installed")
    plan(5)
    tmp = tempfile.mkdtemp(prefix="lianxin-zh-")
    db = os.path.join(tmp, "lianxin.db")
    proc = launch(APP, db, LANG)
    try:
        app = find_app()
        if not tap(app is not None, "the app starts in zh_CN"):
            return
        demo = find(app, role="push button", name="创建演示数据", timeout=15)
        if not tap(demo is not None, "the welcome page speaks Chinese"):
            return
        click(demo)

        # Views are built when first shown: open the households view and
        # wait for its count, then walk every view looking for English.
        counter = None
        end = time.time() + 60
        while counter is None and time.time() < end:
            if open_view(app, "群众户", timeout=2):
                for node in find_all(app, "label"):
                    if re.fullmatch(r"\d+ 户", node.name or ""):
                        counter = node.name
                        break
            time.sleep(0.5)
        tap(counter is not None and int(counter.split()[0]) >= 700,
            "the demo unit is created off the main thread and shown", counter)

        leftovers = []
        for title in VIEWS:
            if not open_view(app, title):
                leftovers.append(f"no view {title}")
                continue
            time.sleep(1.0)
            main_window = window(app, "联心")
            leftovers += [f"{title}: {text}" for text in english_texts(main_window or app)]
        tap(not leftovers, "no view of the main window shows English", "\n".join(leftovers))

        open_view(app, "群众户")
        click(find(app, role="push button", name="新增群众户", sensitive=True))
        editor = window(app, "新增群众户")
        leftovers = english_texts(editor) if editor else ["no editor window"]
        tap(not leftovers, "the household editor shows no English", "\n".join(leftovers))
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
