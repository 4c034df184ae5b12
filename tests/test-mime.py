#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shared-mime-info XML compiles and recognises plan files: by the
"*.csp.json" glob, and by the "format": "csp-plan" content when the
name says nothing.  Skipped (77) without update-mime-database or gio."""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get('CSP_SOURCE_ROOT') or os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
PLANNER = os.environ['CSP_PLANNER']
APP_ID = 'io.github.cspplanner.CspPlanner'
PLAN_TYPE = 'application/x-csp-plan+json'


def content_type(env, path):
    result = subprocess.run(['gio', 'info', '--attributes=standard::content-type', path],
                            env=env, capture_output=True, check=True, text=True)
    for line in result.stdout.splitlines():
        key, _, value = line.strip().partition(': ')
        if key == 'standard::content-type':
            return value
    raise AssertionError('gio info printed no content type: %r' % result.stdout)


def main():
    if not shutil.which('update-mime-database') or not shutil.which('gio'):
        print('update-mime-database or gio is missing: skipped')
        return 77

    sample = subprocess.run([PLANNER, '--sample'], capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as home:
        packages = os.path.join(home, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(os.path.join(ROOT, 'data', APP_ID + '.mime.xml'),
                    os.path.join(packages, APP_ID + '.xml'))
        # Without -V it says nothing about a bad file: ask it to.
        result = subprocess.run(['update-mime-database', '-V', os.path.join(home, 'mime')],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert 'error' not in result.stderr.lower(), result.stderr

        env = dict(os.environ, XDG_DATA_HOME=home,
                   XDG_DATA_DIRS=os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share'))
        cases = [
            ('plan.csp.json', sample, PLAN_TYPE),
            ('PLAN.CSP.JSON', sample, PLAN_TYPE),
            ('plan-from-email', sample, PLAN_TYPE),
            ('plan-crlf', sample.replace(b'\n', b'\r\n'), PLAN_TYPE),
            ('plan-compact', b'{"format":"csp-plan","version":1}', PLAN_TYPE),
            ('plan-json-glib', b'{\n  "format" : "csp-plan",\n  "version" : 1\n}\n', PLAN_TYPE),
            ('other-data', b'{\n  "format": "something-else"\n}\n', None),
        ]
        for name, data, expected in cases:
            path = os.path.join(home, name)
            with open(path, 'wb') as f:
                f.write(data)
            got = content_type(env, path)
            if expected is None:
                assert got != PLAN_TYPE, '%s: taken for a plan' % name
            else:
                assert got == expected, '%s: %s, expected %s' % (name, got, expected)
            print('%s: %s' % (name, got))
    return 0


if __name__ == '__main__':
    sys.exit(main())
