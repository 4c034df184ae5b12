#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Plan files saved on Windows load: CRLF line ends, and the byte order
mark that some Windows editors put in front of UTF-8."""

import os
import subprocess
import sys
import tempfile

PLANNER = os.environ['CSP_PLANNER']


def check(path):
    """Runs --check; returns the summary with the file name taken out."""
    folder, name = os.path.split(path)
    result = subprocess.run([PLANNER, '--check', name], capture_output=True, cwd=folder)
    assert result.returncode == 0, '%s: exit %d: %s' % (
        path, result.returncode, result.stderr.decode(errors='replace'))
    summary = result.stdout.decode('utf-8')
    assert summary.startswith(name + ': valid: '), summary
    return summary[len(name):]


def write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def main():
    sample = subprocess.run([PLANNER, '--sample'], capture_output=True, check=True).stdout
    assert b'\r' not in sample, 'the sample should have Unix line ends'
    crlf = sample.replace(b'\n', b'\r\n')
    assert crlf.count(b'\r\n') == sample.count(b'\n') > 100

    with tempfile.TemporaryDirectory() as folder:
        expected = check(write(folder, 'plan-lf.json', sample))
        for name, data in (('plan-crlf.json', crlf),
                           ('plan-crlf-bom.json', b'\xef\xbb\xbf' + crlf)):
            got = check(write(folder, name, data))
            assert got == expected, '%s reads differently:\n  %s  %s' % (name, got, expected)
            print(name + got.strip())
    return 0


if __name__ == '__main__':
    sys.exit(main())
