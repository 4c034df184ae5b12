/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-item.h"
#include "csp-status.h"

G_BEGIN_DECLS

/* "30 September 2018" for "2018-09-30"; the text itself when it is not
 * a date, so that nothing from a file is ever hidden. */
char     *csp_ui_format_date         (const char          *date);

/* Makes @label a status chip: the word on the status colour (never the
 * colour alone). */
void      csp_ui_set_status_chip     (GtkLabel            *label,
                                      CspStatus            status);

/* Called with the chosen button's index, or @cancel_index when the
 * dialog was dismissed. */
typedef void (*CspAskFunc) (int      response,
                            gpointer user_data);

/* A modal question with @buttons (NULL-terminated, mnemonics allowed);
 * a message dialog on GTK 4.8, GtkAlertDialog from 4.10. */
void      csp_ui_ask                 (GtkWindow           *parent,
                                      const char          *message,
                                      const char          *detail,
                                      const char * const  *buttons,
                                      int                  cancel_index,
                                      int                  default_index,
                                      CspAskFunc           callback,
                                      gpointer             user_data);

/* Called with the chosen file, or NULL when the user cancelled. */
typedef void (*CspFileFunc) (GFile   *file,
                             gpointer user_data);

/* An open or save dialog for files matching @pattern ("*.json");
 * GtkFileChooserNative on GTK 4.8, GtkFileDialog from 4.10. */
void      csp_ui_choose_file         (GtkWindow           *parent,
                                      gboolean             save,
                                      const char          *title,
                                      const char          *filter_name,
                                      const char          *pattern,
                                      const char          *suggested_name,
                                      CspFileFunc          callback,
                                      gpointer             user_data);

/* The application's settings, or NULL (and a warning) when the schema
 * is not installed: running from the build tree without the compiled
 * schemas must not abort. */
GSettings *csp_ui_new_settings       (void);

/* Installs the "show-item" signal (one CspItem argument) that the
 * window's pages and the action detail emit to ask the window to show
 * an object elsewhere: an action, a partner. Returns its id. */
guint     csp_ui_new_show_item_signal (GType               type);

/* Opens @file in the application the desktop chooses for it. */
void      csp_ui_launch_file         (GtkWindow           *parent,
                                      GFile               *file);

G_END_DECLS
