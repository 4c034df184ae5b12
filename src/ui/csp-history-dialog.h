/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-document.h"

G_BEGIN_DECLS

#define CSP_TYPE_HISTORY_DIALOG (csp_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CspHistoryDialog, csp_history_dialog, CSP, HISTORY_DIALOG, GtkWindow)

/* The revisions of @document kept in the local history, newest first,
 * with a preview of the chosen one (its title, its counts, and how it
 * differs from the plan now). Signal "restore" (CspPlan *plan) when the
 * user restores one; the dialog then closes. "Save a Copy…" writes the
 * revision to a file. Everything is read in worker threads. */
CspHistoryDialog *csp_history_dialog_new          (GtkWindow        *parent,
                                                   CspDocument      *document);
/* For tests: TRUE while the list or a preview is being read. */
gboolean          csp_history_dialog_is_busy      (CspHistoryDialog *self);
GtkListBox       *csp_history_dialog_get_list     (CspHistoryDialog *self);
/* The chosen revision, once read; NULL before. */
CspPlan          *csp_history_dialog_get_preview  (CspHistoryDialog *self);
const char       *csp_history_dialog_get_changes  (CspHistoryDialog *self);
void              csp_history_dialog_restore      (CspHistoryDialog *self);

G_END_DECLS
