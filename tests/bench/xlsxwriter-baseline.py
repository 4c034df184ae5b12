#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The baseline for the workbook export: Python's XlsxWriter writing the
same content as CSP Planner's workbook.

    xlsxwriter-baseline.py WORKBOOK.xlsx OUT.xlsx

Reads WORKBOOK.xlsx (made by csp-planner --export-xlsx) with openpyxl,
untimed, then times XlsxWriter writing the same sheets, cells and
formats (wrapped text, bold headers, status fills, dates, links, frozen
header, autofilter, landscape one page wide, repeated header rows, page
numbers, a stacked bar chart on the summary) and prints
    xlsxwriter SECONDS PEAK_RSS_KIB
Needs Debian's python3-xlsxwriter and python3-openpyxl.
"""

import datetime
import resource
import sys
import time

import openpyxl
import xlsxwriter

HEADER_ROW = 2  # 0-based: title, note, then the table


def style_key(cell):
    if getattr(cell, "fill", None) is None:
        return None
    fill = cell.fill.fgColor.rgb if cell.fill.fill_type else None
    return (bool(cell.font.b), fill if isinstance(fill, str) else None,
            bool(cell.alignment.wrap_text), cell.number_format)


def read_content(path):
    """Every sheet as (title, rows of (value, style key))."""
    book = openpyxl.load_workbook(path, read_only=True)
    sheets = []
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            rows.append([(c.value, style_key(c)) for c in row])
        sheets.append((ws.title, rows))
    return sheets


def make_format(book, key, formats):
    if key not in formats:
        bold, fill, wrap, number_format = key
        props = {"valign": "top", "font_size": 10}
        if bold:
            props["bold"] = True
        if fill:
            props["bg_color"] = "#" + fill[-6:]
        if wrap:
            props["text_wrap"] = True
            props["border"] = 1
        if number_format and number_format != "General":
            props["num_format"] = number_format
        formats[key] = book.add_format(props)
    return formats[key]


def write_sheet(book, title, rows, formats):
    ws = book.add_worksheet(title)
    n_cols = max((len(r) for r in rows), default=1)
    for r, row in enumerate(rows):
        for c, (value, key) in enumerate(row):
            if key is None:
                continue
            fmt = make_format(book, key, formats)
            if isinstance(value, datetime.datetime):
                ws.write_datetime(r, c, value, fmt)
            elif isinstance(value, str) and value.startswith(("http://", "https://", "mailto:")):
                ws.write_url(r, c, value, fmt, value)
            elif isinstance(value, str) and "@" in value and " " not in value and title == "Partners":
                ws.write_url(r, c, "mailto:" + value, fmt, value)
            elif value is None:
                ws.write_blank(r, c, None, fmt)
            else:
                ws.write(r, c, value, fmt)
    ws.set_column(0, n_cols - 1, 24)
    if title != "Summary" and len(rows) > HEADER_ROW:
        ws.freeze_panes(HEADER_ROW + 1, 0)
        ws.autofilter(HEADER_ROW, 0, len(rows) - 1, n_cols - 1)
        ws.repeat_rows(HEADER_ROW)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&L%s&RPage &P of &N" % title)
    return ws


def add_chart(book, summary, rows):
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    first = 4
    last = first
    while last + 1 < len(rows) and rows[last + 1] and isinstance(rows[last + 1][-1][0], (int, float)):
        last += 1
    for col in range(1, 6):
        chart.add_series({"categories": ["Summary", first, 0, last, 0],
                          "values": ["Summary", first, col, last, col]})
    summary.insert_chart(1, 8, chart)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: xlsxwriter-baseline.py WORKBOOK.xlsx OUT.xlsx")
    sheets = read_content(sys.argv[1])

    start = time.monotonic()
    book = xlsxwriter.Workbook(sys.argv[2])
    formats = {}
    for title, rows in sheets:
        ws = write_sheet(book, title, rows, formats)
        if title == "Summary":
            add_chart(book, ws, rows)
    book.close()
    seconds = time.monotonic() - start

    print("xlsxwriter %.3f %d" % (seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main()
