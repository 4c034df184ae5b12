/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-undo.h"

G_BEGIN_DECLS

/* One progress update in the action detail: date, author, status and
 * text, which follow the model by themselves, an Edit toggle that
 * opens the same fields for editing in place, and a Remove button
 * (undoable, so it does not ask). */
GtkWidget       *csp_update_row_new             (CspUndoStack *stack,
                                                 CspItem      *update,
                                                 gboolean      editing);
GtkToggleButton *csp_update_row_get_edit_button (GtkWidget    *row);
GtkButton       *csp_update_row_get_remove_button (GtkWidget  *row);

G_END_DECLS
