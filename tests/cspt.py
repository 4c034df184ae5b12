# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the script tests: run the built csp-planner, report TAP."""

import json
import os
import subprocess
import sys

PLANNER = os.environ.get("CSP_PLANNER", "csp-planner")
SOURCE_ROOT = os.environ.get("CSP_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))


def run(*args, **kwargs):
    """Runs csp-planner with no display, as on a server."""
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(kwargs.pop("env", {}))
    return subprocess.run([PLANNER, *args], capture_output=True, text=True, env=env,
                          timeout=120, **kwargs)


def sample():
    result = run("--sample")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Tap:
    """Collects checks and prints them as TAP, so meson counts them."""

    def __init__(self):
        self.count = 0
        self.failed = 0
        # CSP_TAP_FD: where TAP goes when standard output is shared with
        # daemons that talk on it (the accessibility bus's registry).
        fd = os.environ.get("CSP_TAP_FD")
        if fd:
            sys.stdout = os.fdopen(int(fd), "w", buffering=1)

    def check(self, name, condition, detail=""):
        self.count += 1
        if condition:
            print(f"ok {self.count} {name}")
        else:
            self.failed += 1
            print(f"not ok {self.count} {name}")
            for line in str(detail).splitlines():
                print(f"# {line}")
        sys.stdout.flush()

    def skip(self, name, why):
        self.count += 1
        print(f"ok {self.count} {name} # SKIP {why}")

    def done(self):
        print(f"1..{self.count}")
        sys.exit(1 if self.failed else 0)
