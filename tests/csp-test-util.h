/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers shared by the tests that write files. */

/* Deletes @file and everything below it, not following links. */
void     csp_test_remove_tree    (GFile      *file);
void     csp_test_remove_path    (const char *path);

/* Makes the folder @path refuse new files, even to root (who ignores
 * the mode): on Linux with the immutable attribute, where the file
 * system has it. FALSE when it could not: the test skips. */
gboolean csp_test_set_read_only  (const char *path,
                                  gboolean    read_only);

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult *
 * that @user_data points to; then csp_test_wait_for_result () runs the
 * default main context until it is there. */
void     csp_test_keep_result     (GObject      *source,
                                   GAsyncResult *result,
                                   gpointer      user_data);
void     csp_test_wait_for_result (GAsyncResult **result);

G_END_DECLS
