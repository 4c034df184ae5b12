#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: --version, --sample, --check, exit codes, messages."""

import hashlib
import json
import os
import tempfile

from cspt import Tap, run, sample

tap = Tap()
work = tempfile.mkdtemp(prefix="csp-cli-")


def write(name, text, mode="w"):
    path = os.path.join(work, name)
    with open(path, mode) as f:
        f.write(text)
    return path


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


result = run("--version")
tap.check("version prints the version", result.returncode == 0 and result.stdout.startswith("csp-planner "),
          result.stdout + result.stderr)

result = run("--sample")
tap.check("sample exits 0 without a display", result.returncode == 0, result.stderr)
plan = json.loads(result.stdout)
tap.check("sample is a csp-plan of version 1", plan["format"] == "csp-plan" and plan["version"] == 1)
tap.check("sample ends with a newline and uses two-space indents",
          result.stdout.endswith("}\n") and result.stdout.startswith('{\n  "format"'))
tap.check("sample is the same every time", run("--sample").stdout == result.stdout)
tap.check("sample is byte for byte what an independent JSON writer makes of it",
          json.dumps(plan, indent=2, ensure_ascii=False) + "\n" == result.stdout)

path = write("plan.json", result.stdout)
before = digest(path)
result = run("--check", path)
tap.check("check accepts the sample", result.returncode == 0, result.stderr)
tap.check("check prints a one-line summary with the counts",
          result.stdout.count("\n") == 1
          and "4 priorities, 11 themes, 35 actions, 0 updates" in result.stdout
          and "review: 6 priorities, 44 actions, 44 updates" in result.stdout
          and "32 partners, 18 glossary entries" in result.stdout, result.stdout)
tap.check("check leaves the file as it was", digest(path) == before)

# Bad files: exit 1, "FILE: $.path: what is wrong" on stderr, file unchanged.
bad = json.loads(json.dumps(plan))
bad["priorities"][2]["themes"][0]["actions"][4]["status"] = "green"
cases = [
    ("bad status", json.dumps(bad),
     "$.priorities[2].themes[0].actions[4].status: “green” is not a status"),
    ("malformed", '{"format": "csp-plan",\n "version": 1,,}', "$: line 2, column 15:"),
    ("comment", '{"format": "csp-plan" /* x */}', "comments are not allowed"),
    ("trailing data", '{"format": "csp-plan", "version": 1, "title": "T"} {}', "unexpected data after the end"),
    ("empty", "", "$: the file is empty"),
    ("newer version", '{"format": "csp-plan", "version": 7, "title": "T"}', "$.version: the file is of format version 7"),
    ("not a plan", '{"name": "shopping list"}', "this is not a CSP plan"),
    ("deep nesting", '{"format": "csp-plan", "version": 1, "title": "T", "x": ' + "[" * 100000 + "]" * 100000 + "}",
     "nested more than 64 levels deep"),
]
for name, text, expected in cases:
    path = write(name.replace(" ", "-") + ".json", text)
    before = digest(path)
    result = run("--check", path)
    tap.check(f"check refuses {name} with exit 1", result.returncode == 1, result.stderr)
    tap.check(f"check names the file and the place for {name}",
              result.stderr.startswith(path + ": ") and expected in result.stderr, result.stderr)
    tap.check(f"check leaves the {name} file as it was", digest(path) == before)

path = write("latin1.json", b'{"format": "csp-plan", "version": 1, "title": "Caf\xe9"}', "wb")
result = run("--check", path)
tap.check("check refuses text that is not UTF-8", result.returncode == 1 and "not valid UTF-8" in result.stderr,
          result.stderr)

result = run("--check", os.path.join(work, "missing.json"))
tap.check("check of a missing file exits 1 naming it",
          result.returncode == 1 and "missing.json" in result.stderr, result.stderr)

result = run("--check", work)
tap.check("check of a folder exits 1", result.returncode == 1, result.stderr)

result = run("--check", path, path)
tap.check("check with two files is bad usage (exit 2)", result.returncode == 2, result.stderr)

result = run("--no-such-option")
tap.check("an unknown option is bad usage (exit 2)", result.returncode == 2,
          f"{result.returncode} {result.stderr}")

tap.done()
