/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-undo.h"

G_BEGIN_DECLS

#define CSP_TYPE_UPDATE_FORM (csp_update_form_get_type ())

G_DECLARE_FINAL_TYPE (CspUpdateForm, csp_update_form, CSP, UPDATE_FORM, GtkWidget)

/* The "Add update" form of an action: date (today unless changed),
 * author (the author-name setting; asked for while it is empty, and
 * remembered), the status the update sets (or none) and its text.
 * Off track and At risk need text that says why: the form says so and
 * keeps its Add button insensitive until there is some. Adding is one
 * undoable step (csp_edit_add_update ()); then the form emits "done",
 * as it does when cancelled. */

/* Empties the form for a new update of @action, edited through @stack. */
void         csp_update_form_start            (CspUpdateForm *self,
                                               CspUndoStack  *stack,
                                               CspItem       *action);
CspItem     *csp_update_form_get_action       (CspUpdateForm *self);

/* The parts, for tests. */
GtkEditable *csp_update_form_get_date_entry   (CspUpdateForm *self);
GtkEditable *csp_update_form_get_author_entry (CspUpdateForm *self);
GtkDropDown *csp_update_form_get_status_dropdown (CspUpdateForm *self);
GtkTextView *csp_update_form_get_text_view    (CspUpdateForm *self);
GtkButton   *csp_update_form_get_add_button   (CspUpdateForm *self);
/* The sentence under the text: why text is needed, or "". */
const char  *csp_update_form_get_hint         (CspUpdateForm *self);

G_END_DECLS
