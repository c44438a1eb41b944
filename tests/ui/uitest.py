# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the UI tests: TAP output and AT-SPI lookups.

GTK 4.8 notes: no SHOWING state (hidden stack pages still read VISIBLE),
and a button is named by its accessible label followed by its child's text.
"""
import os
import subprocess
import sys
import time

import pyatspi

# A busy machine (CI, parallel builds) can keep the app from answering
# within AT-SPI's default 25 s; a slow answer is not a failure.
try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi
    Atspi.set_timeout(90000, 90000)
except (ImportError, ValueError, AttributeError):
    pass

results = []


def plan(n):
    print(f"1..{n}")
    sys.stdout.flush()


def tap(ok, name, detail=""):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} {name}")
    if detail and not ok:
        for line in str(detail).splitlines():
            print(f"# {line}")
    sys.stdout.flush()
    return ok


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def wait_for_display(timeout=15):
    """Waits until the X server accepts a client: Xvfb may announce itself a
    moment before the app can open the display."""
    try:
        import gi
        gi.require_version("Gdk", "4.0")
        from gi.repository import Gdk
    except (ImportError, ValueError):
        time.sleep(1)
        return
    end = time.time() + timeout
    while time.time() < end:
        display = Gdk.Display.open(os.environ.get("DISPLAY", ""))
        if display is not None:
            display.close()
            return
        time.sleep(0.2)


def launch(app_path, db, lang="C.UTF-8"):
    env = dict(os.environ)
    env["LIANXIN_DATABASE"] = db
    env["LANG"] = lang
    env["LC_ALL"] = lang
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    env["GSK_RENDERER"] = "cairo"
    wait_for_display()
    return subprocess.Popen([app_path], env=env)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def find_app(name="lianxin", timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                # Registered is not enough: wait for its first window.
                if app is not None and app.name == name and app.childCount > 0:
                    return app
            except Exception:
                continue
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


def window(app, title, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        for win in app:
            if win is not None and win.name == title:
                return win
        time.sleep(0.2)
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            return action.doAction(i)
    return action.doAction(0)


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def entry(root, title):
    """The editable text of an AdwEntryRow, found by the row's title."""
    for node in walk(root):
        try:
            if (node.getRoleName() == "text" and node.name == title
                    and "EditableText" in pyatspi.utils.listInterfaces(node)):
                return node
        except Exception:
            continue
    return None


def editable(node):
    """The editable part of a widget (a search entry holds a GtkText)."""
    if node is None or "EditableText" in pyatspi.utils.listInterfaces(node):
        return node
    for child in walk(node):
        if "EditableText" in pyatspi.utils.listInterfaces(child):
            return child
    return None


def open_view(app, title, timeout=10):
    """Shows a view by activating its row in the sidebar."""
    row = find(app, role="list item", name=title, timeout=timeout)
    if row is None:
        return False
    try:
        action = row.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("activate", "click", "select"):
                action.doAction(i)
                time.sleep(0.5)
                return True
    except NotImplementedError:
        pass
    parent = row.parent
    parent.querySelection().selectChild(row.getIndexInParent())
    time.sleep(0.5)
    return True


def main_menu(app, timeout=45):
    """The header bar's main menu button, or None.  GTK 4.8 names a
    GtkMenuButton by its type; its tooltip is the description."""
    end = time.time() + timeout
    while app is not None and time.time() < end:
        menus = []
        for node in walk(app):
            try:
                if node.getRoleName() == "push button" and node.description == "Main Menu":
                    menus.append(node)
            except Exception:
                continue
        if menus:
            return menus[-1]
        time.sleep(0.3)
    return None


def menu_item(app, menu_name, timeout=10):
    """Opens the main menu and activates its item @menu_name; False when
    either is missing."""
    menu = main_menu(app)
    if menu is None:
        return False
    click(menu)
    item = find(app, role="menu item", name=menu_name, timeout=timeout)
    if item is None:
        return False
    click(item)
    return True
