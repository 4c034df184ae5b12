/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-undo.h"
#include "csp-update-form.h"

G_BEGIN_DECLS

#define CSP_TYPE_ACTION_DETAIL (csp_action_detail_get_type ())

G_DECLARE_FINAL_TYPE (CspActionDetail, csp_action_detail, CSP, ACTION_DETAIL, GtkWidget)

/* Everything about one action, editable in place: text, owners (each a
 * link to its partner, through the "show-item" signal; added from the
 * directory or as free text, removed), status, due date, outcome and
 * the progress updates, newest first, with a form to add one. Every
 * edit is a step of the undo stack; what changes in the model shows
 * at once. Without an undo stack nothing is shown. */
void           csp_action_detail_set_undo_stack   (CspActionDetail *self,
                                                   CspUndoStack    *stack);
void           csp_action_detail_set_action       (CspActionDetail *self,
                                                   CspItem         *action);
CspItem       *csp_action_detail_get_action       (CspActionDetail *self);

/* The parts, for tests: the form, the field of "text", "due",
 * "outcome" (see csp-edit-field.h) or the "status" dropdown, and the
 * list of updates. */
CspUpdateForm *csp_action_detail_get_update_form  (CspActionDetail *self);
GtkWidget     *csp_action_detail_get_field        (CspActionDetail *self,
                                                   const char      *key);
GtkListBox    *csp_action_detail_get_updates_list (CspActionDetail *self);

G_END_DECLS
