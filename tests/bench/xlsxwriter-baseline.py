#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The baseline for the workbook export: Python's XlsxWriter writing the
same content as CSP Planner's workbook.

    xlsxwriter-baseline.py WORKBOOK.xlsx OUT.xlsx

A child process reads WORKBOOK.xlsx (made by csp-planner --export-xlsx)
with openpyxl, untimed, and hands over plain lists; this process then
times XlsxWriter writing the same sheets and cells with the same
formats (font, size, colour, underline, fill, thin coloured borders,
alignment, wrapping, number formats), values (text, numbers, dates,
links), row heights, column widths, frozen header, autofilter, repeated
header rows, landscape A4 one page wide, footers, active sheet and the
stacked bar chart on the summary, and prints
    xlsxwriter SECONDS PEAK_RSS_KIB
where the peak is this process's alone. Needs Debian's python3-xlsxwriter
and python3-openpyxl.
"""

import datetime
import pickle
import resource
import subprocess
import sys
import time


def colour(value):
    rgb = getattr(value, "rgb", None)
    return "#" + rgb[-6:] if isinstance(rgb, str) and len(rgb) >= 6 else None


def format_of(cell):
    """The cell's format as XlsxWriter properties, in a hashable form."""
    props = {}
    font, fill, border, align = cell.font, cell.fill, cell.border, cell.alignment
    if font.b:
        props["bold"] = True
    if font.sz and float(font.sz) != 11:
        size = float(font.sz)
        props["font_size"] = int(size) if size.is_integer() else size
    if colour(font.color):
        props["font_color"] = colour(font.color)
    if font.u:
        props["underline"] = 1
    if fill.fill_type == "solid" and colour(fill.fgColor):
        props["bg_color"] = colour(fill.fgColor)
    if border.left is not None and border.left.style == "thin":
        props["border"] = 1
        if colour(border.left.color):
            props["border_color"] = colour(border.left.color)
    if align.horizontal:
        props["align"] = align.horizontal
    if align.vertical:
        props["valign"] = {"center": "vcenter"}.get(align.vertical, align.vertical)
    if align.wrap_text:
        props["text_wrap"] = True
    if cell.number_format and cell.number_format != "General":
        props["num_format"] = cell.number_format
    return tuple(sorted(props.items()))


def read_content(path):
    """Every sheet as a dict of plain values."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path)
    sheets = []
    for ws in book.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                link = cell.hyperlink.target if cell.hyperlink is not None else None
                cells.append((cell.row - 1, cell.column - 1, cell.value, link, format_of(cell)))
        widths = {}
        for key, dim in ws.column_dimensions.items():
            if dim.width:
                for col in range(dim.min, dim.max + 1):
                    widths[col - 1] = round(dim.width - 5 / 7, 2)
        heights = {r - 1: dim.height for r, dim in ws.row_dimensions.items() if dim.height}
        titles = ws.print_title_rows
        sheets.append({
            "title": ws.title,
            "cells": cells,
            "widths": widths,
            "heights": heights,
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "repeat": int(titles.split(":")[0].strip("$")) - 1 if titles else None,
            "footer": (ws.oddFooter.left.text or "", ws.oddFooter.right.text or ""),
            "landscape": ws.page_setup.orientation == "landscape",
            "paper": int(ws.page_setup.paperSize or 0),
            "fit": (int(ws.page_setup.fitToWidth or 1), int(ws.page_setup.fitToHeight or 0)),
            "chart": bool(ws._charts) or bool(getattr(ws, "_drawing", None)),
        })
    active = book.worksheets.index(book.active)
    return sheets, active, get_column_letter


def add_chart(book, ws, sheet):
    """The summary's stacked bar: a series per status over the priorities."""
    column_a = {r: v for r, c, v, link, f in sheet["cells"] if c == 0}
    header = next((r for r, v in sorted(column_a.items()) if v == "Priority"), None)
    total = next((r for r, v in sorted(column_a.items()) if v == "All priorities"), None)
    if header is None or total is None or total <= header + 1:
        return
    chart = book.add_chart({"type": "bar", "subtype": "stacked"})
    for col in range(1, 6):
        chart.add_series({"name": [ws.name, header, col],
                          "categories": [ws.name, header + 1, 0, total - 1, 0],
                          "values": [ws.name, header + 1, col, total - 1, col],
                          "border": {"color": "#808080", "width": 0.5}})
    chart.set_title({"name": "Actions by status"})
    chart.set_legend({"position": "bottom"})
    chart.set_y_axis({"reverse": True, "crossing": "max"})
    chart.set_x_axis({"num_format": "0"})
    ws.insert_chart(total + 2, 0, chart, {"x_offset": 4, "y_offset": 8, "x_scale": 760 / 480})


def write_sheet(book, sheet, formats):
    ws = book.add_worksheet(sheet["title"])
    for col, width in sheet["widths"].items():
        ws.set_column(col, col, width)
    for row, height in sheet["heights"].items():
        ws.set_row(row, height)
    for row, col, value, link, key in sheet["cells"]:
        fmt = formats.get(key)
        if fmt is None:
            fmt = formats[key] = book.add_format(dict(key))
        if link is not None:
            ws.write_url(row, col, link, fmt, value)
        elif isinstance(value, datetime.datetime):
            ws.write_datetime(row, col, value, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(row, col, value, fmt)
        elif value is None:
            ws.write_blank(row, col, None, fmt)
        else:
            ws.write_string(row, col, value, fmt)
    if sheet["freeze"]:
        ws.freeze_panes(sheet["freeze"])
    if sheet["filter"]:
        ws.autofilter(sheet["filter"])
    if sheet["repeat"] is not None:
        ws.repeat_rows(sheet["repeat"])
    if sheet["landscape"]:
        ws.set_landscape()
    if sheet["paper"]:
        ws.set_paper(sheet["paper"])
    ws.fit_to_pages(*sheet["fit"])
    ws.set_footer("&L%s&R%s" % sheet["footer"])
    if sheet["chart"]:
        add_chart(book, ws, sheet)
    return ws


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--read":
        sheets, active, _ = read_content(sys.argv[2])
        with open(sys.argv[3], "wb") as out:
            pickle.dump((sheets, active), out)
        return
    if len(sys.argv) != 3:
        sys.exit("usage: xlsxwriter-baseline.py WORKBOOK.xlsx OUT.xlsx")

    # Reading is untimed and in a process of its own, so that openpyxl's
    # model is not in this process's peak memory.
    content = sys.argv[2] + ".content"
    subprocess.run([sys.executable, sys.argv[0], "--read", sys.argv[1], content], check=True)
    with open(content, "rb") as data:
        sheets, active = pickle.load(data)

    import xlsxwriter

    start = time.monotonic()
    book = xlsxwriter.Workbook(sys.argv[2])
    formats = {}
    worksheets = [write_sheet(book, sheet, formats) for sheet in sheets]
    worksheets[active].activate()
    book.close()
    seconds = time.monotonic() - start

    import os
    os.unlink(content)
    print("xlsxwriter %.3f %d" % (seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    main()
