#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The JSON Schema in data/ and the application agree: what the application
writes validates, and what the schema refuses the application refuses too."""

import copy
import json
import os
import tempfile

from cspt import SOURCE_ROOT, Tap, run, sample

tap = Tap()

try:
    import jsonschema
except ImportError:
    tap.skip("schema validation", "python3-jsonschema is not installed")
    tap.done()

with open(os.path.join(SOURCE_ROOT, "data", "csp-plan.schema.json")) as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)
jsonschema.Draft202012Validator.check_schema(schema)
tap.check("the schema is a valid draft 2020-12 schema", True)

plan = sample()
errors = list(validator.iter_errors(plan))
tap.check("the built-in sample validates", not errors, "\n".join(e.message for e in errors[:5]))

work = tempfile.mkdtemp(prefix="csp-schema-")


def app_accepts(doc):
    path = os.path.join(work, "doc.json")
    with open(path, "w") as f:
        json.dump(doc, f)
    return run("--check", path).returncode == 0


def variant(change):
    doc = copy.deepcopy(plan)
    change(doc)
    return doc


action = lambda d: d["priorities"][0]["themes"][0]["actions"][0]  # noqa: E731

valid = {
    "unknown keys": lambda d: d.update({"x-extra": {"a": [1]}}),
    "an update with a status": lambda d: action(d)["updates"].append(
        {"id": "u-1", "date": "2018-06-30", "author": "A. Officer", "status": "at-risk", "text": "Delayed."}),
    "a free-text owner": lambda d: action(d)["owners"].append({"name": "Housing Associations"}),
    "a due date": lambda d: action(d).update({"due": "2019-03-31"}),
    "a tombstone": lambda d: d["deleted"].append({"id": "gone", "modified": "2018-05-01T10:00:00Z"}),
    "a revision and ancestors": lambda d: d.update({"revision": "r2", "ancestors": ["r1"]}),
}
for name, change in valid.items():
    doc = variant(change)
    errors = list(validator.iter_errors(doc))
    tap.check(f"schema accepts {name}", not errors, "\n".join(e.message for e in errors[:3]))
    tap.check(f"application accepts {name}", app_accepts(doc))

invalid = {
    "status green": lambda d: action(d).update({"status": "green"}),
    "version 2": lambda d: d.update({"version": 2}),
    "wrong format": lambda d: d.update({"format": "plan"}),
    "no title": lambda d: d.pop("title"),
    "a bad due date": lambda d: action(d).update({"due": "31/03/2019"}),
    "member as a string": lambda d: d["partners"][0].update({"member": "yes"}),
    "an owner with only a note": lambda d: action(d)["owners"].append({"note": "x"}),
    "an update without a date": lambda d: action(d)["updates"].append({"id": "u-2", "text": "x"}),
    "an empty action text": lambda d: action(d).update({"text": ""}),
}
for name, change in invalid.items():
    doc = variant(change)
    tap.check(f"schema refuses {name}", not validator.is_valid(doc))
    tap.check(f"application refuses {name}", not app_accepts(doc))

tap.done()
