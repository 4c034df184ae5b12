#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES lists every file under src/ and ui/ with translatable strings.

A file missing from POTFILES has its strings left out of the template, so
they are never translated: nothing else would notice.  Also fails when
POTFILES names a file that no longer exists (xgettext would stop), and
when a language in LINGUAS has no .po file.
"""

import os
import re
import sys
import tempfile

# _("…"), N_("…"), C_("ctx", "…"), NC_, Q_, g_dgettext, g_dngettext, ngettext…
C_MARKER = re.compile(r'(?<![\w])(?:N?C?_|Q_|g_d(?:n|p|p2)?gettext|d?n?gettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.IGNORECASE)
SEARCHED = {
    '.c': C_MARKER,
    '.h': C_MARKER,
    '.ui': UI_MARKER,
}


def translatable_files(root):
    found = set()
    for top in ('src', 'ui'):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in files:
                marker = SEARCHED.get(os.path.splitext(name)[1])
                if marker is None:
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8', errors='replace') as f:
                    if marker.search(f.read()):
                        found.add(os.path.relpath(path, root).replace(os.sep, '/'))
    return found


def read_list(path):
    with open(path, encoding='utf-8') as f:
        lines = (line.split('#', 1)[0].strip() for line in f)
        return [line for line in lines if line]


def problems(root):
    listed = read_list(os.path.join(root, 'po', 'POTFILES'))
    errors = []
    missing = sorted(translatable_files(root) - set(listed))
    if missing:
        errors.append('po/POTFILES misses these files with translatable strings '
                      '(add them, sorted):\n' + ''.join('  %s\n' % m for m in missing))
    gone = [p for p in listed if not os.path.isfile(os.path.join(root, p))]
    if gone:
        errors.append('po/POTFILES lists files that do not exist:\n' +
                      ''.join('  %s\n' % g for g in gone))
    for lang in read_list(os.path.join(root, 'po', 'LINGUAS')):
        if not os.path.isfile(os.path.join(root, 'po', lang + '.po')):
            errors.append('po/LINGUAS names %s but po/%s.po does not exist\n' % (lang, lang))
    return errors


def write(root, path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def check_detection():
    """The search finds what it must and nothing else, on a made-up tree."""
    with tempfile.TemporaryDirectory() as root:
        write(root, 'po/LINGUAS', 'en_GB\n')
        write(root, 'po/en_GB.po', '')
        write(root, 'po/POTFILES', '# comment\nsrc/listed.c\n')
        write(root, 'src/listed.c', 'x = _("Listed");\n')
        write(root, 'src/core/plain.c', 'x = gettext_domain; my_ (y); foo_bar (z);\n')
        write(root, 'src/core/noun.c', 'const char *s = N_("Complete");\n')
        write(root, 'src/ui/plural.c', 'g_dngettext (NULL, "a", "b", n);\n')
        write(root, 'ui/plain.ui', '<property name="label">x</property>\n')
        write(root, 'ui/page.ui', '<property name="label" translatable="yes">Hi</property>\n')
        errors = problems(root)
        expected = ['src/core/noun.c', 'src/ui/plural.c', 'ui/page.ui']
        assert len(errors) == 1, errors
        assert [l.strip() for l in errors[0].splitlines()[1:]] == expected, errors


def main():
    check_detection()
    root = os.environ.get('CSP_SOURCE_ROOT') or os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    errors = problems(root)
    for error in errors:
        sys.stderr.write(error)
    if errors:
        return 1
    print('po/POTFILES lists all %d files with translatable strings under src/ and ui/'
          % len(translatable_files(root)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
