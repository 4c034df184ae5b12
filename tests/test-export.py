#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Strategy Group workbook, made by `csp-planner --export-xlsx` and
read back with openpyxl (and, where openpyxl cannot, from the XML in the
package)."""

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

PLANNER = os.environ.get("CSP_PLANNER", "csp-planner")

STATUS_LABELS = {
    "not-started": "Not started",
    "on-track": "On track",
    "at-risk": "At risk",
    "off-track": "Off track",
    "complete": "Complete",
}

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}

FORBIDDEN = set("[]:*?/\\")


def run(*args, cwd=None, env=None):
    return subprocess.run([PLANNER, *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def comma_locale():
    """A locale with a decimal comma that this machine has, or None."""
    names = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for name in ("fr_FR.utf8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE.UTF-8"):
        if name in names:
            return name
    return None


def load_sample():
    result = run("--sample")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def priority_actions(priority):
    return [a for theme in priority["themes"] for a in theme["actions"]]


def owner_label(plan, owner):
    partners = {p["id"]: p for p in plan["partners"]}
    partner = partners.get(owner.get("partner", ""))
    name = (partner["short_name"] or partner["name"]) if partner else owner.get("name", "")
    note = owner.get("note", "")
    return f"{name} ({note})" if note else name


def owners_label(plan, action):
    return "; ".join(owner_label(plan, o) for o in action["owners"])


def find_row(sheet, first_cell):
    """The number of the first row whose column A holds first_cell."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_cell:
            return row[0].row
    raise AssertionError(f"no row starting with {first_cell!r} in {sheet.title}")


def table_rows(sheet, header_row):
    """The rows under a header row, up to the first empty one."""
    rows = []
    for row in sheet.iter_rows(min_row=header_row + 1):
        if all(cell.value is None for cell in row):
            break
        rows.append(row)
    return rows


def sheet_parts(path):
    """Sheet name -> the XML of its part in the package."""
    with zipfile.ZipFile(path) as package:
        book = ET.fromstring(package.read("xl/workbook.xml"))
        rels = ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        parts = {}
        for sheet in book.findall("m:sheets/m:sheet", NS):
            target = targets[sheet.get(f"{{{NS['r']}}}id")]
            parts[sheet.get("name")] = ET.fromstring(package.read("xl/" + target))
        return parts


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sample = load_sample()

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="csp-export-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write_plan(self, plan, name="plan.json"):
        path = self.path(name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(plan, f, ensure_ascii=False, indent=2)
        return path

    def export(self, plan=None, *extra, name="out.xlsx"):
        """Exports plan (the built-in sample when None); returns the path
        of the workbook after checking that the command succeeded."""
        out = self.path(name)
        args = ["--export-xlsx", out]
        if plan is not None:
            args.append(self.write_plan(plan))
        result = run(*args, *extra)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(out))
        self.assertEqual([f for f in os.listdir(self.dir) if ".xlsx." in f], [],
                         "a temporary file was left behind")
        return out

    def edited_sample(self):
        return copy.deepcopy(self.sample)

    def assert_valid_names(self, names):
        for name in names:
            self.assertTrue(0 < len(name) <= 31, name)
            self.assertFalse(FORBIDDEN & set(name), name)
            self.assertFalse(name.startswith("'") or name.endswith("'"), name)
        folded = [n.casefold() for n in names]
        self.assertEqual(len(folded), len(set(folded)), names)

    # The sheets and their rows

    def test_sheet_names(self):
        book = openpyxl.load_workbook(self.export())
        titles = [p["title"] for p in self.sample["priorities"]]
        self.assertEqual(book.sheetnames,
                         ["Summary", *titles, "Review 2017-18", "Partners", "Glossary", "Key"])

    def test_one_row_per_action(self):
        book = openpyxl.load_workbook(self.export())
        total = 0
        for priority in self.sample["priorities"]:
            sheet = book[priority["title"]]
            header = find_row(sheet, "Theme")
            self.assertEqual([c.value for c in sheet[header]],
                             ["Theme", "Action", "Owner/lead agency", "Latest update",
                              "Status", "Updated on"])
            rows = table_rows(sheet, header)
            actions = priority_actions(priority)
            self.assertEqual(len(rows), len(actions), priority["title"])
            for row, action in zip(rows, actions):
                self.assertEqual(row[1].value, action["text"])
                self.assertEqual(row[2].value, owners_label(self.sample, action))
                self.assertEqual(row[4].value, STATUS_LABELS[action["status"]])
            total += len(rows)
        self.assertEqual(total, sum(len(priority_actions(p)) for p in self.sample["priorities"]))
        self.assertEqual(total, 35)

    def test_review_has_final_updates(self):
        book = openpyxl.load_workbook(self.export())
        sheet = book["Review 2017-18"]
        rows = table_rows(sheet, find_row(sheet, "Priority"))
        actions = [(p, a) for p in self.sample["review"]["priorities"] for a in priority_actions(p)]
        self.assertEqual(len(rows), len(actions))
        for row, (priority, action) in zip(rows, actions):
            final = max(action["updates"], key=lambda u: u["date"])
            self.assertEqual(row[0].value, priority["title"])
            self.assertEqual(row[1].value, action["text"])
            self.assertEqual(row[3].value, final["text"])

    def test_status_fills_differ(self):
        plan = self.edited_sample()
        statuses = list(STATUS_LABELS)
        actions = priority_actions(plan["priorities"][0])
        for action, status in zip(actions, statuses):
            action["status"] = status
        book = openpyxl.load_workbook(self.export(plan))

        key = book["Key"]
        colours = {row[0].value: row[1].value for row in table_rows(key, find_row(key, "Status"))}
        self.assertEqual(set(colours), set(STATUS_LABELS.values()))

        sheet = book[plan["priorities"][0]["title"]]
        rows = table_rows(sheet, find_row(sheet, "Theme"))
        fills = {}
        for row, status in zip(rows, statuses):
            cell = row[4]
            self.assertEqual(cell.value, STATUS_LABELS[status])
            self.assertEqual(cell.fill.patternType, "solid")
            fills[status] = cell.fill.fgColor.rgb
            self.assertEqual(fills[status][-6:], colours[cell.value].lstrip("#").upper())
        self.assertEqual(len(set(fills.values())), 5, fills)

    def test_summary_counts_and_exceptions(self):
        plan = self.edited_sample()
        first = plan["priorities"][0]
        actions = priority_actions(first)
        actions[0]["status"] = "off-track"
        actions[1]["status"] = "at-risk"
        actions[2]["due"] = "2018-05-01"                  # overdue at the end of Q1
        actions[3].update(status="complete", due="2018-05-01")   # done: not overdue
        actions[4]["updates"] = [{"id": "0b4d1d7e-2f55-4a47-9d5e-3cf8f5d6a001",
                                  "date": "2018-05-02", "author": "", "status": "",
                                  "text": "Met in May."}]
        book = openpyxl.load_workbook(self.export(plan, "--period", "2018-Q1"))
        sheet = book["Summary"]

        header = find_row(sheet, "Priority")
        self.assertEqual([c.value for c in sheet[header]][:7],
                         ["Priority", *STATUS_LABELS.values(), "Total"])
        counts = {row[0].value: [c.value for c in row[1:7]] for row in table_rows(sheet, header)}
        self.assertEqual(counts[first["title"]], [len(actions) - 3, 0, 1, 1, 1, len(actions)])
        self.assertEqual(counts["All priorities"][-1], 35)

        def listed(title):
            heading = next(r[0].row for r in sheet.iter_rows(max_col=1)
                           if str(r[0].value).startswith(title + ":"))
            self.assertEqual(sheet.cell(heading + 1, 1).value, "Priority")
            return [r[1].value for r in table_rows(sheet, heading + 1) if r[1].value]

        self.assertEqual(listed("Off track"), [actions[0]["text"]])
        self.assertEqual(listed("At risk"), [actions[1]["text"]])
        self.assertEqual(listed("Overdue"), [actions[2]["text"]])
        no_update = listed("No update this quarter")
        all_texts = [a["text"] for p in plan["priorities"] for a in priority_actions(p)]
        self.assertNotIn(actions[4]["text"], no_update)
        # The complete one is left out (another action has the same text).
        self.assertEqual(no_update.count(actions[3]["text"]), all_texts.count(actions[3]["text"]) - 1)
        self.assertEqual(len(no_update), 35 - 2)
        self.assertTrue(all(r[0].value for r in table_rows(sheet, find_row(sheet, "Priority"))))

    # Links

    def test_partner_links(self):
        plan = self.edited_sample()
        partners = plan["partners"]
        partners[0]["website"] = "javascript:alert(1)"
        partners[1]["website"] = "http://example.org/a b"
        partners[1]["email"] = "officer@example.org"
        partners[2]["email"] = "javascript:alert(2)"
        partners[3]["website"] = "file:///etc/passwd"
        partners[4]["website"] = "ftp://example.org/file"
        partners[5]["website"] = "JavaScript://example.org/%0Aalert(1)"
        book = openpyxl.load_workbook(self.export(plan))
        sheet = book["Partners"]
        header = find_row(sheet, "Name")
        columns = [c.value for c in sheet[header]]
        website, email = columns.index("Website"), columns.index("Email")
        rows = table_rows(sheet, header)
        self.assertEqual(len(rows), len(partners))

        for row, partner in zip(rows, partners):
            self.assertEqual(row[website].value or "", partner["website"])
            self.assertEqual(row[email].value or "", partner["email"])
            link = row[website].hyperlink
            if partner["website"].startswith("www."):
                self.assertEqual(link.target, "https://" + partner["website"])
            elif partner["website"].startswith("http"):
                self.assertTrue(link.target.startswith("http://example.org/a"))
            else:
                self.assertIsNone(link, partner["website"])

        self.assertIsNone(rows[0][website].hyperlink)
        self.assertIsNone(rows[3][website].hyperlink)
        self.assertIsNone(rows[4][website].hyperlink)
        self.assertIsNone(rows[5][website].hyperlink)
        self.assertEqual(rows[1][email].hyperlink.target, "mailto:officer@example.org")
        self.assertIsNone(rows[2][email].hyperlink)
        linked = [r for r in rows if r[website].hyperlink is not None]
        self.assertEqual(len(linked), sum(1 for p in partners if p["website"].startswith(("www", "http"))))

    def test_over_long_link_is_text(self):
        plan = self.edited_sample()
        url = "https://example.org/" + "a" * 3000
        plan["partners"][0]["website"] = url
        book = openpyxl.load_workbook(self.export(plan))
        sheet = book["Partners"]
        row = table_rows(sheet, find_row(sheet, "Name"))[0]
        self.assertEqual(row[4].value, url)
        self.assertIsNone(row[4].hyperlink)

    # Presentation

    def test_frozen_header_and_autofilter(self):
        path = self.export()
        book = openpyxl.load_workbook(path)
        for name in book.sheetnames[1:]:
            sheet = book[name]
            header = find_row(sheet, sheet.cell(3, 1).value)
            self.assertEqual(header, 3, name)
            self.assertEqual(sheet.freeze_panes, f"A{header + 1}", name)
            last = header + len(table_rows(sheet, header))
            width = len([c for c in sheet[header] if c.value is not None])
            self.assertEqual(sheet.auto_filter.ref,
                             f"A{header}:{openpyxl.utils.get_column_letter(width)}{last}", name)
            self.assertEqual(sheet.print_title_rows.replace("$", ""), f"{header}:{header}", name)

    def test_print_setup(self):
        path = self.export()
        for name, part in sheet_parts(path).items():
            setup = part.find("m:pageSetup", NS)
            self.assertEqual(setup.get("orientation"), "landscape", name)
            self.assertEqual(setup.get("fitToWidth", "1"), "1", name)
            self.assertEqual(setup.get("fitToHeight"), "0", name)
            self.assertEqual(part.find("m:sheetPr/m:pageSetUpPr", NS).get("fitToPage"), "1", name)
            footer = part.find("m:headerFooter/m:oddFooter", NS).text
            self.assertEqual(footer, "&LTonbridge and Malling Community Safety Partnership"
                                     "&RPage &P of &N", name)
            wrapped = part.find("m:sheetData/m:row/m:c", NS) is not None
            self.assertTrue(wrapped, name)

    def test_footer_escapes_ampersand(self):
        plan = self.edited_sample()
        plan["partnership"] = "Tonbridge & Malling CSP"
        parts = sheet_parts(self.export(plan))
        footer = parts["Key"].find("m:headerFooter/m:oddFooter", NS).text
        self.assertEqual(footer, "&LTonbridge && Malling CSP&RPage &P of &N")

    def test_wrapped_text_and_widths(self):
        book = openpyxl.load_workbook(self.export())
        sheet = book[self.sample["priorities"][0]["title"]]
        row = table_rows(sheet, find_row(sheet, "Theme"))[0]
        self.assertTrue(all(c.alignment.wrap_text for c in row[:4]))
        self.assertGreater(sheet.column_dimensions["B"].width, sheet.column_dimensions["E"].width)

    def test_properties(self):
        path = self.export(None, "--period", "2018-Q3")
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.properties.title, self.sample["title"])
        self.assertIn("Q3 2018-19", book.properties.subject)
        self.assertIsNotNone(book.properties.created)
        with zipfile.ZipFile(path) as package:
            app = ET.fromstring(package.read("docProps/app.xml"))
        self.assertEqual(app.find("ep:Company", NS).text, self.sample["partnership"])
        summary = book["Summary"]
        self.assertTrue(str(summary["B3"].value).startswith("Q3 2018-19"))

    def test_chart_part(self):
        path = self.export()
        with zipfile.ZipFile(path) as package:
            self.assertIn("xl/charts/chart1.xml", package.namelist())
            chart = ET.fromstring(package.read("xl/charts/chart1.xml"))
        self.assertEqual(chart.find(".//c:barChart/c:barDir", NS).get("val"), "bar")
        self.assertEqual(chart.find(".//c:barChart/c:grouping", NS).get("val"), "stacked")
        self.assertEqual(len(chart.findall(".//c:barChart/c:ser", NS)), 5)
        categories = chart.find(".//c:ser/c:cat//c:f", NS).text
        self.assertEqual(categories, f"Summary!$A$9:$A${8 + len(self.sample['priorities'])}")

    def test_decimal_comma_locale(self):
        # libxlsxwriter prints numbers with printf: under a French locale
        # it wrote widths as "13,7" and no spreadsheet opened the file.
        name = comma_locale()
        if name is None:
            self.skipTest("no locale with a decimal comma is installed")
        out = os.path.join(self.dir, "comma.xlsx")
        result = run("--export-xlsx", out, env=dict(os.environ, LC_ALL=name))
        self.assertEqual(result.returncode, 0, result.stderr)
        with zipfile.ZipFile(out) as package:
            for part in package.namelist():
                if part.endswith(".xml"):
                    xml = package.read(part).decode("utf-8")
                    self.assertIsNone(re.search(r'(width|left|right|top|bottom|header|footer)="[0-9]+,[0-9]', xml),
                                      part)
        openpyxl.load_workbook(out)

    # The reporting quarter

    def test_quarter_rule(self):
        plan = self.edited_sample()
        action = priority_actions(plan["priorities"][1])[0]
        action["updates"] = [
            {"id": "5f0c7a51-6a43-4c1e-9f0e-111111111111", "date": "2018-05-10",
             "author": "", "status": "on-track", "text": "First quarter news."},
            {"id": "5f0c7a51-6a43-4c1e-9f0e-222222222222", "date": "2018-08-20",
             "author": "", "status": "at-risk", "text": "Second quarter news."},
        ]
        action["status"] = "at-risk"

        def row_for(period):
            args = ("--period", period) if period else ()
            book = openpyxl.load_workbook(self.export(plan, *args, name=f"{period}.xlsx"))
            sheet = book[plan["priorities"][1]["title"]]
            row = table_rows(sheet, find_row(sheet, "Theme"))[0]
            return [c.value for c in row], book["Summary"]["B3"].value

        row, quarter = row_for("2018-Q1")
        self.assertEqual(row[3], "First quarter news.")
        self.assertEqual(row[4], "On track")
        self.assertEqual(row[5].date().isoformat(), "2018-05-10")
        self.assertTrue(quarter.startswith("Q1 2018-19"))

        row, quarter = row_for("2018-Q2")
        self.assertEqual(row[3], "Second quarter news.")
        self.assertEqual(row[4], "At risk")
        self.assertEqual(row[5].date().isoformat(), "2018-08-20")

        # Before any update: nothing to show, and the later status is not known yet.
        plan["period"]["start"] = "2018-01-01"
        row, quarter = row_for("2017-Q4")
        self.assertIsNone(row[3])
        self.assertEqual(row[4], "Not started")

        # The default: the latest quarter with updates.
        row, quarter = row_for(None)
        self.assertTrue(quarter.startswith("Q2 2018-19"), quarter)

    # Robustness

    def test_sheet_names_made_valid(self):
        plan = self.edited_sample()
        long_title = "Safer streets [phase 2]: what*works? / and\\why: " + "x" * 40
        titles = [long_title, long_title, "'Quoted'", "summary", "History", "  \n ", "PARTNERS"]
        template = plan["priorities"][0]
        plan["priorities"] = []
        for i, title in enumerate(titles):
            priority = copy.deepcopy(template)
            priority["id"] = f"00000000-0000-4000-8000-{i:012d}"
            priority["title"] = title
            for t, theme in enumerate(priority["themes"]):
                theme["id"] = f"00000000-0000-4000-8001-{i * 100 + t:012d}"
                for a, action in enumerate(theme["actions"]):
                    action["id"] = f"00000000-0000-4000-8002-{i * 10000 + t * 100 + a:012d}"
            plan["priorities"].append(priority)
        book = openpyxl.load_workbook(self.export(plan))
        names = book.sheetnames
        self.assert_valid_names(names)
        self.assertEqual(len(names), len(titles) + 5)
        self.assertEqual(names[0], "Summary")
        self.assertEqual(names[-4:], ["Review 2017-18", "Partners", "Glossary", "Key"])
        cleaned = "".join("-" if c in FORBIDDEN else c for c in long_title)
        self.assertEqual(names[1:8], [cleaned[:31], cleaned[:27] + " (2)", "Quoted", "summary (2)",
                                      "History (2)", "Priority 6", "PARTNERS (2)"])
        for name in names[1:1 + len(titles)]:
            self.assertEqual(book[name]["A3"].value, "Theme", name)

    def test_long_text_is_cut(self):
        plan = self.edited_sample()
        text = "Start. " + "ü" * 40000
        priority_actions(plan["priorities"][0])[0]["text"] = text
        plan["glossary"][0]["definition"] = "\U0001F600" * 20000
        book = openpyxl.load_workbook(self.export(plan))
        sheet = book[plan["priorities"][0]["title"]]
        cell = table_rows(sheet, find_row(sheet, "Theme"))[0][1].value
        self.assertLessEqual(len(cell), 32767)
        self.assertGreater(len(cell), 32000)
        self.assertTrue(cell.startswith("Start. üüü"))
        self.assertTrue(cell.endswith("… [cut]"), cell[-20:])
        glossary = book["Glossary"]
        definition = table_rows(glossary, find_row(glossary, "Term"))[0][1].value
        self.assertLessEqual(len(definition.encode("utf-16-le")) // 2, 32767)
        self.assertTrue(definition.endswith("[cut]"))

    def test_empty_plan(self):
        plan = self.edited_sample()
        plan["priorities"] = []
        plan["review"]["priorities"] = []
        plan["partners"] = []
        plan["glossary"] = []
        for section in ("sections",):
            plan[section] = []
        path = self.export(plan)
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.sheetnames, ["Summary", "Partners", "Glossary", "Key"])
        sheet = book["Summary"]
        totals = table_rows(sheet, find_row(sheet, "Priority"))
        self.assertEqual(totals[0][0].value, "All priorities")
        self.assertEqual(totals[0][6].value, 0)
        self.assertEqual(book["Partners"].auto_filter.ref, "A3:I3")

    def test_priority_without_actions(self):
        plan = self.edited_sample()
        plan["priorities"][2]["themes"] = []
        plan["priorities"][3]["themes"][0]["actions"] = []
        book = openpyxl.load_workbook(self.export(plan))
        for priority in plan["priorities"][2:]:
            sheet = book[priority["title"]]
            self.assertEqual(sheet["A3"].value, "Theme")
            self.assertEqual(table_rows(sheet, 3), [])
            self.assertEqual(sheet.auto_filter.ref, "A3:F3")

    # The command line

    def test_never_writes_over_input(self):
        plan_path = self.write_plan(self.sample)
        with open(plan_path, "rb") as f:
            before = f.read()
        os.link(plan_path, self.path("link.json"))
        for out in (plan_path, os.path.join(self.dir, ".", "plan.json"), self.path("link.json")):
            result = run("--export-xlsx", out, plan_path)
            self.assertIn(result.returncode, (1, 2), out)
            self.assertIn("input", result.stderr)
            with open(plan_path, "rb") as f:
                self.assertEqual(f.read(), before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["link.json", "plan.json"])

    def test_unwritable_output_folder(self):
        not_a_folder = self.write_plan(self.sample)
        for out in (os.path.join(not_a_folder, "out.xlsx"),
                    self.path("missing/out.xlsx")):
            result = run("--export-xlsx", out)
            self.assertEqual(result.returncode, 1, out)
            self.assertIn("out.xlsx", result.stderr)
        self.assertEqual(os.listdir(self.dir), ["plan.json"])

        if os.geteuid() != 0:  # root writes anywhere
            folder = self.path("read-only")
            os.mkdir(folder, 0o555)
            self.addCleanup(os.chmod, folder, 0o755)
            result = run("--export-xlsx", os.path.join(folder, "out.xlsx"))
            self.assertEqual(result.returncode, 1)
            self.assertEqual(os.listdir(folder), [])

    def test_failed_move_leaves_no_temporary_file(self):
        # The workbook is written, but a folder is in the way of the move.
        os.mkdir(self.path("out.xlsx"))
        result = run("--export-xlsx", self.path("out.xlsx"))
        self.assertEqual(result.returncode, 1)
        self.assertTrue(os.path.isdir(self.path("out.xlsx")))
        self.assertEqual(os.listdir(self.dir), ["out.xlsx"])

    def test_failure_keeps_previous_workbook(self):
        out = self.export()
        with open(out, "rb") as f:
            before = f.read()
        bad = self.path("bad.json")
        with open(bad, "w") as f:
            f.write('{"format": "csp-plan", "version": 1, "title": [}')
        result = run("--export-xlsx", out, bad)
        self.assertEqual(result.returncode, 1)
        self.assertIn("bad.json", result.stderr)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_bad_period(self):
        out = self.path("out.xlsx")
        for period in ("2018-Q5", "banana", "2018Q2", "2030-Q1"):
            result = run("--export-xlsx", out, "--period", period)
            self.assertIn(result.returncode, (1, 2), period)
            self.assertIn("--period", result.stderr)
            self.assertIn(period, result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_usage_errors(self):
        result = run("--period", "2018-Q2")
        self.assertEqual(result.returncode, 2)
        plan = self.write_plan(self.sample)
        result = run("--export-xlsx", self.path("out.xlsx"), plan, plan)
        self.assertEqual(result.returncode, 2)
        result = run("--export-xlsx", self.path("out.xlsx"), self.path("missing.json"))
        self.assertEqual(result.returncode, 1)
        self.assertFalse(os.path.exists(self.path("out.xlsx")))


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2)
    result = unittest.main(testRunner=runner, exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
