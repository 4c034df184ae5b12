/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers shared by the widget tests. */

/* Runs the main loop until it has nothing left to do. */
void       csp_test_spin               (void);

/* The first widget below @root (or @root) whose label is @text. */
GtkWidget *csp_test_find_button        (GtkWidget  *root,
                                        const char *text);
GtkWidget *csp_test_find_label         (GtkWidget  *root,
                                        const char *text);
/* The same, among the labels on screen only. */
GtkWidget *csp_test_find_shown_label   (GtkWidget  *root,
                                        const char *text);
/* The visible window transient for @parent (a dialog), or NULL. */
GtkWindow *csp_test_find_dialog_for    (GtkWindow  *parent);

/* Every widget below @root (and @root) of @type, in tree order. */
GPtrArray *csp_test_find_widgets       (GtkWidget  *root,
                                        GType       type);

G_END_DECLS
