#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""County-scale benchmarks of CSP Planner, with their baselines.

    tests/bench/run.py [--build DIR] [--sizes 1000,10000,50000] [--work DIR] [--repeat N]

For each size it generates a plan (generate.py, kept in --work), then
measures, each in a process of its own so that the peak memory is its own:

  parse     json-glib alone on the file (baseline)          csp-bench parse
  load      check, parse and build the model                csp-bench load
  save      the plan's bytes (pretty JSON)                  csp-bench save
  export    the workbook, plan already loaded               csp-bench export
  cli       csp-planner --export-xlsx OUT FILE, end to end  /usr/bin/time
  xlsxwr    Python's XlsxWriter writing the same workbook   xlsxwriter-baseline.py
  filter    slowest keystroke typing "domestic abuse"       csp-bench filter
  start     start-up to the first frame with the plan open  csp-planner under Xvfb
  stall-*   the main loop's longest wait while opening,     csp-bench stall-*
            saving, exporting and merging in the background

"zlib floor" is zlib alone compressing the workbook's parts at the
default level, which libxlsxwriter 1.1.4 always uses: an export at least
5 times faster than XlsxWriter would have to take less than xlsxwr/5.

Times are the median of --repeat runs (3; one for cli, xlsxwr and start
at the largest size); memory is the peak resident set. The ratios are
load/parse, xlsxwr/export, and peak memory of start-up over the file size.
Start-up needs xvfb-run and dbus-run-session; without them it is skipped.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def run(args, env=None, timeout=600):
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError("%s failed: %s" % (" ".join(args), result.stderr.strip()[-500:]))
    return result


def last_figures(output, name):
    """SECONDS and PEAK_RSS_KIB from a line "NAME SECONDS PEAK"."""
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == name:
            return float(parts[1]), int(parts[2])
    raise RuntimeError("no %s figures in %r" % (name, output))


def median_of(repeat, measure):
    runs = [measure() for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


class Bench:
    def __init__(self, args):
        self.build = os.path.abspath(args.build)
        self.work = args.work
        self.bench = os.path.join(self.build, "tests", "bench", "csp-bench")
        self.planner = os.path.join(self.build, "src", "csp-planner")
        self.home = tempfile.mkdtemp(prefix="csp-bench-")
        self.env = dict(os.environ,
                        GSETTINGS_BACKEND="memory",
                        GSETTINGS_SCHEMA_DIR=os.path.join(self.build, "data"),
                        XDG_DATA_HOME=os.path.join(self.home, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                        TZ="UTC")

    def plan(self, size):
        path = os.path.join(self.work, "plan-%d.json" % size)
        if not os.path.exists(path):
            run([PYTHON, os.path.join(HERE, "generate.py"), str(size), path])
        return path

    def csp_bench(self, op, path, *extra):
        return last_figures(run([self.bench, op, path] + list(extra), self.env).stdout, op)

    def cli_export(self, path, out):
        result = run(["/usr/bin/time", "-f", "cli %e %M", self.planner, "--export-xlsx", out, path],
                     self.env)
        return last_figures(result.stderr, "cli")

    def xlsxwriter(self, workbook, out):
        result = run([PYTHON, os.path.join(HERE, "xlsxwriter-baseline.py"), workbook, out], self.env)
        return last_figures(result.stdout, "xlsxwriter")

    def start_up(self, path):
        if shutil.which("xvfb-run") is None or shutil.which("dbus-run-session") is None:
            return None
        env = dict(self.env, CSP_PLANNER_FIRST_FRAME="1")
        result = run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                      "dbus-run-session", "--", self.planner, path], env, timeout=300)
        return last_figures(result.stdout, "first-frame")


def measure(bench, size, repeat, largest):
    path = bench.plan(size)
    out = os.path.join(bench.work, "plan-%d.xlsx" % size)
    once = 1 if largest else repeat
    row = {"size": size, "bytes": os.path.getsize(path)}

    for op in ("parse", "load", "save", "filter"):
        row[op] = median_of(repeat, lambda: bench.csp_bench(op, path))
    row["export"] = median_of(repeat, lambda: bench.csp_bench("export", path, out))
    row["cli"] = median_of(once, lambda: bench.cli_export(path, out))
    row["xlsxwr"] = median_of(once, lambda: bench.xlsxwriter(out, out + ".py.xlsx"))
    row["zlib"] = median_of(repeat, lambda: zlib_floor(out))
    for op in STALLS:
        row[op] = median_of(repeat, lambda: bench.csp_bench(op, path))
    start = bench.start_up(path)
    row["start"] = median_of(once, lambda: bench.start_up(path)) if start is not None else None
    return row


def zlib_floor(workbook):
    """Seconds that zlib alone takes to compress the workbook's parts at
    the level libxlsxwriter (and XlsxWriter) use, the default one: no
    writer of this package can take less, whatever else it does."""
    with zipfile.ZipFile(workbook) as archive:
        parts = [archive.read(name) for name in archive.namelist()]
    started = time.perf_counter()
    for part in parts:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        compressor.compress(part)
        compressor.flush()
    return time.perf_counter() - started, 0


# The main loop's longest wait while the window's code opens, saves,
# exports and merges (csp-bench stall-*): how long the window would
# not answer.
STALLS = ("stall-open", "stall-save", "stall-export", "stall-merge")


def print_table(rows):
    ops = ("parse", "load", "save", "export", "cli", "xlsxwr", "filter", "start")
    print("%8s %8s  " % ("actions", "file MB") + " ".join("%15s" % op for op in ops))
    print("%8s %8s  " % ("", "") + " ".join("%15s" % "s / peak MiB" for _ in ops))
    for row in rows:
        cells = []
        for op in ops:
            figures = row.get(op)
            cells.append("%15s" % ("-" if figures is None else
                                   "%.3f / %d" % (figures[0], round(figures[1] / 1024))))
        print("%8d %8.1f  " % (row["size"], row["bytes"] / 1e6) + " ".join(cells))

    print()
    print("%8s %12s %16s %18s %18s %14s %14s" % ("actions", "load/parse", "xlsxwr/export",
                                                  "start peak/file", "load s per 1k",
                                                  "xlsxwr/5 s", "zlib floor s"))
    for row in rows:
        start = row.get("start")
        print("%8d %12.2f %16.2f %18s %18.4f %14.3f %14.3f" % (
            row["size"], row["load"][0] / row["parse"][0], row["xlsxwr"][0] / row["export"][0],
            "-" if start is None else "%.1f" % (start[1] * 1024 / row["bytes"]),
            row["load"][0] / row["size"] * 1000, row["xlsxwr"][0] / 5, row["zlib"][0]))

    print()
    print("%8s  " % "actions" + " ".join("%14s" % op for op in STALLS))
    print("%8s  " % "" + " ".join("%14s" % "longest wait s" for _ in STALLS))
    for row in rows:
        print("%8d  " % row["size"] + " ".join("%14.3f" % row[op][0] for op in STALLS))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(SOURCE_ROOT, "build"))
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "csp-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    bench = Bench(args)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    try:
        for size in sizes:
            started = time.monotonic()
            rows.append(measure(bench, size, args.repeat, size == max(sizes) and len(sizes) > 1))
            print("measured %d actions in %.0f s" % (size, time.monotonic() - started),
                  file=sys.stderr)
    finally:
        shutil.rmtree(bench.home, ignore_errors=True)
    print_table(rows)


if __name__ == "__main__":
    main()
