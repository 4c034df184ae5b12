/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-undo.h"

G_BEGIN_DECLS

/* A field of a model object edited in place: an entry (or a text view
 * for long text) with an error label under it. What the user types
 * goes to the model at once, through @stack, as one undoable step per
 * editing session (a merge id per session, the merge broken when the
 * field loses focus); what changes in the model (undo, redo, another
 * view) shows in the field. Text that @validate refuses never reaches
 * the model: the field says why, in its error label and its accessible
 * description, once the user leaves it or presses Enter. */

/* Returns TRUE when @text may be stored in @key of @item; otherwise
 * sets @message to a translated sentence that says what is wrong. */
typedef gboolean (*CspValidateFunc) (CspItem     *item,
                                     const char  *key,
                                     const char  *text,
                                     char       **message);

/* @label names the field for screen readers. */
GtkWidget  *csp_edit_field_new          (CspUndoStack    *stack,
                                         CspItem         *item,
                                         const char      *key,
                                         const char      *label,
                                         gboolean         multiline,
                                         CspValidateFunc  validate);
/* The entry or text view inside the field. */
GtkWidget  *csp_edit_field_get_editor   (GtkWidget       *field);
/* The message shown under the field, or NULL when it is valid. */
const char *csp_edit_field_get_error    (GtkWidget       *field);
/* Replaces the text, as typing it and pressing Enter would. */
void        csp_edit_field_set_text     (GtkWidget       *field,
                                         const char      *text);

/* A dropdown of the five statuses (and, with @none_label, a first
 * choice for no status) that edits the status field @key of @item. */
GtkWidget  *csp_edit_status_new         (CspUndoStack    *stack,
                                         CspItem         *item,
                                         const char      *key,
                                         const char      *label,
                                         const char      *none_label);

/* A caption and a field as one row of a two-column grid. */
void        csp_edit_grid_attach        (GtkGrid         *grid,
                                         int              row,
                                         const char      *caption,
                                         GtkWidget       *field);

/* Validators. */
gboolean    csp_validate_not_empty      (CspItem *item, const char *key, const char *text, char **message);
gboolean    csp_validate_date           (CspItem *item, const char *key, const char *text, char **message);
gboolean    csp_validate_date_required  (CspItem *item, const char *key, const char *text, char **message);
/* A date that also keeps a period's start before its end. */
gboolean    csp_validate_period_date    (CspItem *item, const char *key, const char *text, char **message);
gboolean    csp_validate_email          (CspItem *item, const char *key, const char *text, char **message);
gboolean    csp_validate_website        (CspItem *item, const char *key, const char *text, char **message);

/* TRUE for a real date written YYYY-MM-DD. */
gboolean    csp_date_is_valid           (const char      *text);

G_END_DECLS
