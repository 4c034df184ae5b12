#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash recovery with the real application: an edit, its draft, kill -9,
and the next start offering the draft back; restored and saved, the
file holds the edit and the draft is gone.

Runs under a display and a session bus of its own (meson wraps it in
xvfb-run and dbus-run-session); edits and actions travel as a user's
would: through the GActions on D-Bus (win.add-action, app.restore-drafts,
win.save)."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from cspt import PLANNER, Tap  # noqa: E402

APP_ID = "io.github.cspplanner.CspPlanner"
APP_PATH = "/io/github/cspplanner/CspPlanner"
EDITED = "New action"
TITLE = "Partnership Plan 2018 - 2019"


def has_new_action(plan):
    """Whether the plan holds the action that win.add-action adds."""
    return any(action.get("text") == EDITED
               for priority in (plan or {}).get("priorities", [])
               for theme in priority.get("themes", [])
               for action in theme.get("actions", []))


def wait_for(what, timeout=30):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = what()
        if value:
            return value
        time.sleep(0.1)
    return what()


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def activate(path, action):
    """Activates a GAction of the running application, as a shell would."""
    return subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                           "--object-path", path, "--method", "org.gtk.Actions.Activate",
                           action, "[]", "{}"],
                          capture_output=True, text=True, timeout=30)


class Recovery:
    def __init__(self, tap):
        self.tap = tap
        self.dir = tempfile.mkdtemp(prefix="csp-recovery-")
        self.plan = os.path.join(self.dir, "plan.json")
        self.drafts = os.path.join(self.dir, "data", APP_ID, "drafts")
        self.env = dict(os.environ,
                        XDG_DATA_HOME=os.path.join(self.dir, "data"),
                        CSP_PLANNER_HISTORY_DIR=os.path.join(self.dir, "history"),
                        GSETTINGS_BACKEND="memory",
                        G_MESSAGES_DEBUG="csp-sharing",
                        # No accessibility bus: its daemon would talk on our TAP stdout.
                        GTK_A11Y="none")
        self.env.pop("G_DEBUG", None)
        sample = subprocess.run([PLANNER, "--sample"], check=True, capture_output=True).stdout
        with open(self.plan, "wb") as f:
            f.write(sample)
        self.original = sample

    def start(self, args, log, **env):
        self.log = os.path.join(self.dir, log)
        with open(self.log, "w", encoding="utf-8") as out:
            return subprocess.Popen([PLANNER, *args], env=dict(self.env, **env),
                                    stdout=out, stderr=subprocess.STDOUT)

    def logged(self, text):
        with open(self.log, encoding="utf-8", errors="replace") as f:
            return text in f.read()

    def drafts_of_plan(self):
        index = read_json(os.path.join(self.drafts, "index.json")) or {}
        uri = "file://" + self.plan
        return [d for d in index.get("drafts", []) if d.get("file") == uri]

    def draft_holds_edit(self):
        for entry in self.drafts_of_plan():
            draft = read_json(os.path.join(self.drafts, entry["name"] + ".json"))
            if has_new_action(draft):
                return entry
        return None

    def crash(self):
        app = self.start([self.plan], "first.log")
        # The window takes a moment to come up on the bus and to load
        # the plan; until then the action is missing or disabled.
        entry = wait_for(lambda: activate(APP_PATH + "/window/1", "add-action").returncode == 0
                         and wait_for(self.draft_holds_edit, timeout=8), timeout=60)
        self.tap.check("a draft of the edit is written a few seconds after it", entry is not None,
                       open(self.log, encoding="utf-8").read())
        self.tap.check("the draft index names the original file", bool(self.drafts_of_plan()))
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
        with open(self.plan, "rb") as f:
            self.tap.check("the real file is untouched by the draft", f.read() == self.original)
        return entry

    def recover(self, entry):
        app = self.start([], "second.log")
        try:
            offered = wait_for(lambda: self.logged("Offering to restore 1 drafts"))
            self.tap.check("the next start offers the draft back", offered,
                           open(self.log, encoding="utf-8").read())

            result = activate(APP_PATH, "restore-drafts")
            self.tap.check("app.restore-drafts is reachable over D-Bus", result.returncode == 0,
                           result.stderr)
            restored = wait_for(lambda: self.logged("Restored a draft of " + TITLE))
            self.tap.check("the draft is restored with the edit", restored,
                           open(self.log, encoding="utf-8").read())

            result = activate(APP_PATH + "/window/1", "save")
            saved = wait_for(lambda: has_new_action(read_json(self.plan)))
            self.tap.check("saving the restored document writes the edit to the original file",
                           saved, result.stderr)
            draft = os.path.join(self.drafts, entry["name"] + ".json")
            gone = wait_for(lambda: not os.path.exists(draft) and not self.drafts_of_plan())
            self.tap.check("the save deletes the draft", gone)

            activate(APP_PATH, "quit")
            app.wait(timeout=30)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()

    def run(self):
        try:
            entry = self.crash()
            if entry is not None:
                self.recover(entry)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def main():
    tap = Tap()
    missing = [tool for tool in ("gdbus",) if shutil.which(tool) is None]
    if missing or not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("1..0 # SKIP needs a display, a session bus and gdbus")
        return
    Recovery(tap).run()
    tap.done()


if __name__ == "__main__":
    main()
