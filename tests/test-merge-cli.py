#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""csp-planner --merge OUT MINE THEIRS…: exit codes, conflict lines,
the history of revisions, and never writing over an input."""

import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

PLANNER = os.environ["CSP_PLANNER"]
SCHEMA = os.path.join(os.environ["CSP_SOURCE_ROOT"], "data", "csp-plan.schema.json")

EARLY = "2030-01-01T00:00:00Z"
LATE = "2030-01-02T00:00:00Z"


def action(plan, i):
    return plan["priorities"][0]["themes"][0]["actions"][i]


def update(uid, text):
    return {"id": uid, "date": "2019-01-15", "author": "", "status": "", "text": text}


class MergeCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.env = dict(os.environ, CSP_PLANNER_HISTORY_DIR=os.path.join(self.dir, "history"))
        sample = subprocess.run([PLANNER, "--sample"], check=True, capture_output=True).stdout
        self.base = json.loads(sample)
        self.base["revision"] = "r0"
        with open(SCHEMA, encoding="utf-8") as f:
            self.schema = json.load(f)

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, plan):
        with open(self.path(name), "w", encoding="utf-8") as f:
            json.dump(plan, f, indent=2, ensure_ascii=False)
        return self.path(name)

    def read(self, name):
        with open(self.path(name), encoding="utf-8") as f:
            return json.load(f)

    def copy(self, revision):
        plan = copy.deepcopy(self.base)
        plan["revision"] = revision
        plan["ancestors"] = ["r0"]
        return plan

    def merge(self, out, *inputs):
        return subprocess.run([PLANNER, "--merge", self.path(out), *inputs],
                              capture_output=True, text=True, env=self.env)

    def record_base(self):
        base = self.write("base.json", self.base)
        result = self.merge("recorded.json", base, base)
        self.assertEqual(result.returncode, 0, result.stderr)

    def assert_valid(self, name):
        jsonschema.validate(self.read(name), self.schema)
        check = subprocess.run([PLANNER, "--check", self.path(name)], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)

    def test_conflict_line_and_exit_3(self):
        mine, theirs = self.copy("rm"), self.copy("rt")
        action(mine, 0).update(text="Mine's wording", modified=EARLY)
        action(theirs, 0).update(text="Theirs' wording", modified=LATE)
        result = self.merge("out.json", self.write("mine.json", mine), self.write("theirs.json", theirs))
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("$.priorities[0].themes[0].actions[0].text: "
                      "mine “Mine's wording”, theirs “Theirs' wording”: kept theirs (newer)\n",
                      result.stdout)
        self.assertEqual(action(self.read("out.json"), 0)["text"], "Theirs' wording")
        self.assert_valid("out.json")

    def test_three_way_with_history_exit_0(self):
        self.record_base()
        mine, theirs = self.copy("rm"), self.copy("rt")
        action(mine, 0).update(text="Mine's wording", modified=EARLY)
        action(theirs, 0).update(status="complete", modified=LATE)
        action(theirs, 1)["updates"].append(update("theirs-update", "Done"))
        result = self.merge("out.json", self.write("mine.json", mine), self.write("theirs.json", theirs))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn("common revision r0", result.stderr)
        out = self.read("out.json")
        self.assertEqual(action(out, 0)["text"], "Mine's wording")
        self.assertEqual(action(out, 0)["status"], "complete")
        self.assertIn("theirs-update", [u["id"] for u in action(out, 1)["updates"]])
        self.assertNotEqual(out["revision"], "rm")
        self.assertEqual(out["ancestors"][:3], ["rm", "rt", "r0"])
        self.assert_valid("out.json")

        # The inputs and the result are in the history.
        kept = os.listdir(os.path.join(self.dir, "history", self.base["id"]))
        for revision in ("r0", "rm", "rt", out["revision"]):
            self.assertIn(revision + ".json", kept)

        # Merging the same copy again changes nothing, byte for byte.
        again = self.merge("again.json", self.path("out.json"), self.path("theirs.json"))
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        with open(self.path("out.json"), "rb") as a, open(self.path("again.json"), "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_several_copies(self):
        self.record_base()
        files = [self.write("mine.json", self.copy("rm"))]
        for i in range(3):
            plan = self.copy("rt%d" % i)
            action(plan, 0)["updates"].append(update("copy-%d" % i, "From copy %d" % i))
            files.append(self.write("copy%d.json" % i, plan))
        result = self.merge("out.json", *files)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        ids = [u["id"] for u in action(self.read("out.json"), 0)["updates"]]
        for i in range(3):
            self.assertIn("copy-%d" % i, ids)
        self.assertEqual(len(ids), len(set(ids)))
        self.assert_valid("out.json")

    def test_never_writes_over_an_input(self):
        mine = self.write("mine.json", self.copy("rm"))
        theirs = self.write("theirs.json", self.copy("rt"))
        os.symlink(theirs, self.path("link.json"))
        with open(mine, "rb") as f:
            before = f.read()
        for out in ("mine.json", "theirs.json", "link.json"):
            result = self.merge(out, mine, theirs)
            self.assertEqual(result.returncode, 2, out)
            self.assertIn("never writes over its inputs", result.stderr)
        with open(mine, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_bad_usage(self):
        mine = self.write("mine.json", self.copy("rm"))
        result = self.merge("out.json", mine)
        self.assertEqual(result.returncode, 2)
        self.assertFalse(os.path.exists(self.path("out.json")))

    def test_invalid_input_names_file_and_path(self):
        mine = self.write("mine.json", self.copy("rm"))
        bad = self.copy("rt")
        action(bad, 1)["status"] = "sideways"
        result = self.merge("out.json", mine, self.write("bad.json", bad))
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"bad\.json: \$\.priorities\[0\]\.themes\[0\]\.actions\[1\]\.status: ")
        self.assertFalse(os.path.exists(self.path("out.json")))

    def test_replaces_out_atomically(self):
        mine = self.write("mine.json", self.copy("rm"))
        theirs = self.write("theirs.json", self.copy("rt"))
        with open(self.path("out.json"), "w", encoding="utf-8") as f:
            f.write("old")
        result = self.merge("out.json", mine, theirs)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assert_valid("out.json")
        self.assertEqual(sorted(os.listdir(self.dir)),
                         ["history", "mine.json", "out.json", "theirs.json"])


if __name__ == "__main__":
    unittest.main(testRunner=unittest.TextTestRunner(stream=sys.stdout, verbosity=2))
