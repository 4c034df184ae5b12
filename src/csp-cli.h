/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of the command line (DESIGN.md). */
enum
{
  CSP_EXIT_OK = 0,
  CSP_EXIT_INVALID = 1,
  CSP_EXIT_USAGE = 2,
  CSP_EXIT_CONFLICTS = 3,
};

/* The options that run without a window, from the dictionary that
 * GApplication::handle-local-options gets, and the file arguments.
 * Returns the exit code, or
 * -1 when none of them was given and the window should start. */
int csp_cli_run (GVariantDict       *options,
                 const char * const *remaining);

/* --merge OUT MINE THEIRS…: @inputs holds MINE and then each THEIRS. */
/* The same file by name, or through a link or another path to it
 * ("./plan.json"): an option must never write over its input. */
gboolean csp_cli_same_file (GFile *a,
                            GFile *b);

int csp_cli_merge (const char         *out,
                   const char * const *inputs);

G_END_DECLS
