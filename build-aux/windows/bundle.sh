#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds CSP Planner in an MSYS2 UCRT64 shell and gathers everything it
# needs to run on a Windows machine without MSYS2 into one folder:
#
#   bin/      csp-planner.exe and every DLL it loads from /ucrt64
#   lib/gdk-pixbuf-2.0/   image loaders (SVG icons) and their loaders.cache
#   share/glib-2.0/schemas/   compiled GSettings schemas (ours and GTK's)
#   share/icons/          Adwaita and hicolor icon themes
#   share/locale/         translations of csp-planner (and GTK's, for the same languages)
#
# Usage: build-aux/windows/bundle.sh [OUTPUT_FOLDER]
#   OUTPUT_FOLDER defaults to dist/csp-planner in the source tree;
#   BUILD_DIR (default build-windows) is where meson builds.
# See docs/windows.md for the packages to install first.

set -euo pipefail

die () {
  echo "bundle.sh: $*" >&2
  exit 1
}

[ "${MSYSTEM:-}" = UCRT64 ] || die "run this from an MSYS2 UCRT64 shell (MSYSTEM=${MSYSTEM:-unset})"

mingw=${MINGW_PREFIX:-/ucrt64}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build-windows}
out=$(mkdir -p "${1:-$root/dist/csp-planner}" && cd "${1:-$root/dist/csp-planner}" && pwd)
prefix=$build/prefix

build_and_install () {
  if [ -f "$build/build.ninja" ]; then
    meson setup --reconfigure "$build" "$root" --prefix="$prefix"
  else
    meson setup "$build" "$root" --prefix="$prefix" --buildtype=release
  fi
  meson compile -C "$build"
  meson install -C "$build"
}

# The DLLs that the given executables and libraries load, transitively,
# that come from MSYS2 (not those of Windows itself).
mingw_dlls () {
  ldd "$@" | awk '{ print $3 }' | grep -i "^$mingw/" | sort -u || true
}

copy_dlls_of () {
  local dll
  mingw_dlls "$@" | while read -r dll; do
    cp -u "$dll" "$out/bin/"
  done
}

copy_program () {
  mkdir -p "$out/bin"
  cp "$prefix/bin/csp-planner.exe" "$out/bin/"
  copy_dlls_of "$out/bin/csp-planner.exe"
}

# GTK draws the SVG icons of the themes with gdk-pixbuf's loaders.
copy_pixbuf_loaders () {
  local version_dir=lib/gdk-pixbuf-2.0/2.10.0
  local loaders_dir="$out/$version_dir/loaders"
  local cache="$out/$version_dir/loaders.cache"

  mkdir -p "$loaders_dir"
  cp "$mingw/$version_dir"/loaders/*.dll "$loaders_dir/"
  copy_dlls_of "$loaders_dir"/*.dll

  # gdk-pixbuf resolves relative paths in the cache against the folder
  # above bin/, so the bundle can live anywhere.
  GDK_PIXBUF_MODULEDIR="$loaders_dir" gdk-pixbuf-query-loaders > "$cache"
  sed -i -e "s|$(cygpath -m "$out")/||g" -e "s|$out/||g" "$cache"
  grep -q '"lib' "$cache" || die "the regenerated $cache lists no loaders"
}

copy_schemas () {
  local schemas="$out/share/glib-2.0/schemas"

  mkdir -p "$schemas"
  cp "$prefix"/share/glib-2.0/schemas/*.gschema.xml "$schemas/"
  # The file chooser and colour chooser keep their settings here.
  cp "$mingw"/share/glib-2.0/schemas/org.gtk.gtk4.*.gschema.xml "$schemas/"
  glib-compile-schemas --strict "$schemas"
}

copy_icons () {
  local theme

  mkdir -p "$out/share/icons"
  cp -r "$mingw/share/icons/Adwaita" "$mingw/share/icons/hicolor" "$out/share/icons/"
  cp -r "$prefix/share/icons/hicolor/." "$out/share/icons/hicolor/"
  for theme in Adwaita hicolor; do
    gtk4-update-icon-cache -q -t -f "$out/share/icons/$theme"
  done
}

# Our translations, and GTK's and GLib's for the same languages, so that
# the dialogs GTK draws speak the same language as the rest.
copy_translations () {
  local lang_dir lang domain

  for lang_dir in "$prefix"/share/locale/*/; do
    lang=$(basename "$lang_dir")
    mkdir -p "$out/share/locale/$lang/LC_MESSAGES"
    cp "$lang_dir"/LC_MESSAGES/csp-planner.mo "$out/share/locale/$lang/LC_MESSAGES/"
    for domain in gtk40 glib20; do
      if [ -f "$mingw/share/locale/$lang/LC_MESSAGES/$domain.mo" ]; then
        cp "$mingw/share/locale/$lang/LC_MESSAGES/$domain.mo" "$out/share/locale/$lang/LC_MESSAGES/"
      fi
    done
  done
}

copy_documents () {
  cp "$root/LICENSE" "$out/LICENSE.txt"
  cp "$root/data/sample/tonbridge-malling-2018-19.json" "$out/sample-plan.csp.json"
}

build_and_install
copy_program
copy_pixbuf_loaders
copy_schemas
copy_icons
copy_translations
copy_documents

# A last look: the program must start from the bundle, with the MSYS2
# folders out of the PATH, and know its own version.
PATH="$out/bin:/usr/bin" "$out/bin/csp-planner.exe" --version \
  || die "csp-planner.exe does not run from $out"
echo "Bundled CSP Planner in $out"
