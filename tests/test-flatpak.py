#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest agrees with the project: app id, command, modules,
runtime and the sandbox of a portal-based document editor."""

import json
import os
import re
import sys

ROOT = os.environ.get('CSP_SOURCE_ROOT') or os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
XLSX_OPTS = ['-DBUILD_SHARED_LIBS=ON', '-DUSE_SYSTEM_MINIZIP=OFF',
             '-DBUILD_TESTS=OFF', '-DBUILD_EXAMPLES=OFF']


def read(path):
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        return f.read()


def meson_app_id():
    match = re.search(r"^app_id\s*=\s*'([^']+)'", read('meson.build'), re.MULTILINE)
    assert match, 'meson.build has no app_id'
    return match.group(1)


def executable_name():
    """The name of the executable meson built, as the tests see it."""
    path = os.environ.get('CSP_PLANNER')
    assert path, 'CSP_PLANNER is not set: run this from meson test'
    name = os.path.basename(path)
    return name[:-4] if name.endswith('.exe') else name


def desktop_exec():
    app_id = meson_app_id()
    text = read('data/%s.desktop.in' % app_id)
    match = re.search(r'^Exec=(\S+)', text, re.MULTILINE)
    assert match, 'the desktop file has no Exec'
    return match.group(1)


def check_manifest(manifest, app_id, command):
    assert manifest.get('id', manifest.get('app-id')) == app_id, \
        'manifest id %r, meson.build app_id %r' % (manifest.get('id'), app_id)
    assert manifest['command'] == command, \
        'manifest command %r, meson builds %r' % (manifest['command'], command)
    assert manifest['runtime'] == 'org.gnome.Platform', manifest['runtime']
    assert manifest['sdk'] == 'org.gnome.Sdk', manifest['sdk']
    assert str(manifest['runtime-version']) == '50', manifest['runtime-version']
    args = manifest['finish-args']
    assert sorted(args) == sorted(FINISH_ARGS), 'finish-args: %r' % args
    assert not [a for a in args if a.startswith('--filesystem')], \
        'files come through the document portal: no --filesystem'

    names = [m['name'] for m in manifest['modules']]
    assert names == ['libxlsxwriter', 'csp-planner'], 'modules: %r' % names
    check_xlsxwriter(manifest['modules'][0])
    check_application(manifest['modules'][1])


def check_xlsxwriter(module):
    assert module['buildsystem'] == 'cmake-ninja', module['buildsystem']
    missing = [o for o in XLSX_OPTS if o not in module['config-opts']]
    assert not missing, 'libxlsxwriter config-opts lack %r' % missing
    (source,) = module['sources']
    assert source['type'] == 'archive', source
    assert source['url'].endswith('/refs/tags/v1.2.4.tar.gz'), source['url']
    assert re.fullmatch(r'[0-9a-f]{64}', source['sha256']), 'not pinned: %r' % source


def check_application(module):
    assert module['buildsystem'] == 'meson', module['buildsystem']
    (source,) = module['sources']
    assert source['type'] == 'dir', source
    here = os.path.join(ROOT, 'flatpak', source['path'])
    assert os.path.samefile(here, ROOT), '%s is not the project folder' % source['path']


def check_rejects_mismatch(manifest, app_id, command):
    """The checks above do fail when the manifest disagrees."""
    for key, value in (('command', command + '-old'), ('id', app_id + 'X')):
        broken = dict(manifest, **{key: value})
        try:
            check_manifest(broken, app_id, command)
        except AssertionError:
            continue
        raise AssertionError('a manifest with a wrong %s passed' % key)
    reordered = dict(manifest, modules=list(reversed(manifest['modules'])))
    try:
        check_manifest(reordered, app_id, command)
    except AssertionError:
        return
    raise AssertionError('a manifest with the modules reversed passed')


def main():
    app_id = meson_app_id()
    path = os.path.join(ROOT, 'flatpak', app_id + '.json')
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    command = executable_name()
    check_manifest(manifest, app_id, command)
    assert desktop_exec() == command, \
        'the desktop file runs %r, meson builds %r' % (desktop_exec(), command)
    check_rejects_mismatch(manifest, app_id, command)
    print('%s: %s runs %s; modules %s' % (os.path.relpath(path, ROOT), app_id, command,
                                         ', '.join(m['name'] for m in manifest['modules'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
