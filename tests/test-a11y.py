#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control has a name a screen reader can announce.

Starts the real application on the built-in sample under a display and
a session bus of its own (meson wraps it in xvfb-run and
dbus-run-session), opens some of its dialogs through the GActions on
D-Bus, and walks what the accessibility bus shows, as Orca would
(python3-pyatspi). A control without a name of its own is reported
with its place in the tree; GTK names such widgets after their class,
"GtkMenuButton", which is no name for a person."""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from cspt import PLANNER, Tap  # noqa: E402

APP_ID = "io.github.cspplanner.CspPlanner"
WINDOW_PATH = "/io/github/cspplanner/CspPlanner/window/1"

# The roles a person operates; containers, labels and list rows are
# announced through their contents.
CONTROLS = {
    "push button", "toggle button", "check box", "radio button", "switch",
    "text", "entry", "password text", "spin button", "slider", "combo box",
    "link", "menu item", "check menu item", "radio menu item",
}


def wait_for(what, timeout=30):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        result = what()
        if result:
            return result
        time.sleep(0.3)
    return None


def activate(action):
    return subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                           "--object-path", WINDOW_PATH, "--method", "org.gtk.Actions.Activate",
                           action, "[]", "{}"], capture_output=True, text=True, timeout=30)


def place(node):
    parts = []
    while node is not None and len(parts) < 6:
        parts.append(f"{node.getRoleName()} “{(node.name or '')[:30]}”")
        node = node.parent
    return " < ".join(parts)


def inside_combo_box(node):
    """The button inside a named drop-down is the drop-down's own part."""
    node = node.parent
    while node is not None:
        if node.getRoleName() == "combo box":
            return True
        node = node.parent
    return False


def unnamed_controls(root):
    found, count = [], 0
    stack = [root]
    while stack:
        node = stack.pop()
        try:
            role = node.getRoleName()
            if role in CONTROLS and not inside_combo_box(node):
                count += 1
                name = (node.name or "").strip()
                if not name or name.startswith("Gtk"):
                    found.append(place(node))
            stack.extend(child for child in node if child is not None)
        except Exception:  # a widget that went away while we looked
            continue
    return count, found


def main():
    tap = Tap()
    try:
        import pyatspi
    except ImportError:
        tap.skip("controls have names", "python3-pyatspi is not installed")
        tap.done()
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        tap.skip("controls have names", "needs a display and a session bus")
        tap.done()

    home = tempfile.mkdtemp(prefix="csp-a11y-")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               CSP_PLANNER_HISTORY_DIR=os.path.join(home, "history"),
               GSETTINGS_BACKEND="memory", GTK_A11Y="atspi")
    env.pop("G_DEBUG", None)
    # The accessibility bus and its registry first: an application that
    # starts before the registry runs is never listed on the desktop.
    desktop = pyatspi.Registry.getDesktop(0)
    wait_for(lambda: desktop.childCount >= 0, timeout=10)
    log_path = os.path.join(home, "app.log")
    with open(log_path, "w") as log:
        app_process = subprocess.Popen([PLANNER], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        app = wait_for(lambda: next((a for a in desktop if a is not None and a.name == "csp-planner"), None),
                       timeout=90)
        with open(log_path, encoding="utf-8", errors="replace") as log:
            tap.check("the application is on the accessibility bus", app is not None, log.read())
        if app is None:
            tap.done()
        time.sleep(2)

        count, found = unnamed_controls(app)
        tap.check(f"all {count} controls of the main window have names", count > 40 and not found,
                  "\n".join(found) or f"only {count} controls found")

        for action, title in (("plan-details", "Plan Details"), ("edit-priority", "priority editor")):
            result = activate(action)
            time.sleep(1.5)
            count, found = unnamed_controls(app)
            tap.check(f"with the {title} open, all {count} controls have names",
                      result.returncode == 0 and not found, result.stderr + "\n".join(found))
    finally:
        app_process.terminate()
        app_process.wait(timeout=30)
    tap.done()


if __name__ == "__main__":
    main()
