#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare two workbooks, for changes to the export that should not
change what it writes.

    tests/bench/xlsx-compare.py BEFORE.xlsx AFTER.xlsx

First the package: every part byte for byte but docProps/core.xml (it
holds the time of writing). When parts differ, then what a reader sees:
for each sheet, every cell's text (shared or inline strings resolved),
type and format, every row's height, the columns, the links, the frozen
panes, the filter and the page setup. Exits 0 when the parts are the
same or only their spelling differs, 1 when what a reader sees differs.
"""

import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SKIP = {"docProps/core.xml"}


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if name not in SKIP}


def text_of(element):
    """The text of an <si> or <is>: plain or rich runs."""
    return "".join(t.text or "" for t in element.iter(NS + "t"))


def shared_strings(package):
    data = package.get("xl/sharedStrings.xml")
    if data is None:
        return []
    return [text_of(si) for si in ET.fromstring(data).iter(NS + "si")]


def cell_value(cell, strings):
    kind = cell.get("t", "n")
    if kind == "s":
        return "str", strings[int(cell.find(NS + "v").text)]
    if kind == "inlineStr":
        return "str", text_of(cell.find(NS + "is"))
    value = cell.find(NS + "v")
    return kind, value.text if value is not None else None


def sheet_view(data, strings):
    """What a reader sees of one sheet, as comparable values."""
    root = ET.fromstring(data)
    view = {"cells": {}, "rows": {}, "other": []}
    for row in root.iter(NS + "row"):
        view["rows"][row.get("r")] = (row.get("ht"), row.get("customHeight"), row.get("hidden"))
        for cell in row.iter(NS + "c"):
            view["cells"][cell.get("r")] = (cell.get("s"),) + cell_value(cell, strings)
    for tag in ("cols", "sheetViews", "autoFilter", "hyperlinks", "pageSetup", "headerFooter",
                "printOptions", "pageMargins", "drawing", "sheetPr"):
        for element in root.iter(NS + tag):
            view["other"].append(ET.tostring(element))
    # Empty rows that only carry the default height say nothing.
    view["rows"] = {r: v for r, v in view["rows"].items() if v != (None, None, None)}
    return view


def describe(a, b, limit=5):
    keys = sorted(set(a) | set(b), key=lambda k: (len(k), k))
    diffs = [k for k in keys if a.get(k) != b.get(k)]
    return ["%s: %r != %r" % (k, a.get(k), b.get(k)) for k in diffs[:limit]], len(diffs)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: xlsx-compare.py BEFORE.xlsx AFTER.xlsx")
    before, after = parts(sys.argv[1]), parts(sys.argv[2])
    differing = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
    if not differing:
        print("same: every part is byte for byte the same")
        return 0
    print("parts that differ: %s" % ", ".join(differing))

    strings_before, strings_after = shared_strings(before), shared_strings(after)
    seen_same = True
    for name in sorted(n for n in set(before) | set(after) if n.startswith("xl/worksheets/sheet")):
        if name not in before or name not in after:
            print("%s: only in one workbook" % name)
            seen_same = False
            continue
        a = sheet_view(before[name], strings_before)
        b = sheet_view(after[name], strings_after)
        for what in ("cells", "rows"):
            lines, n = describe(a[what], b[what])
            if n:
                seen_same = False
                print("%s: %d %s differ" % (name, n, what))
                for line in lines:
                    print("  " + line)
        if a["other"] != b["other"]:
            seen_same = False
            print("%s: columns, panes, filter, links or page setup differ" % name)

    for name in differing:
        if not name.startswith("xl/worksheets/sheet") and name != "xl/sharedStrings.xml":
            seen_same = False
            print("%s differs" % name)

    print("what a reader sees: %s" % ("the same" if seen_same else "DIFFERENT"))
    return 0 if seen_same else 1


if __name__ == "__main__":
    sys.exit(main())
