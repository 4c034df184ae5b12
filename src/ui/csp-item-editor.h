/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-edit-field.h"
#include "csp-undo.h"

G_BEGIN_DECLS

#define CSP_TYPE_ITEM_EDITOR (csp_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (CspItemEditor, csp_item_editor, CSP, ITEM_EDITOR, GtkWindow)

/* A small window that edits the fields of one object of the plan in
 * place (see csp-edit-field.h): a partner with its contacts, a glossary
 * entry, a narrative section, the plan's details. Every change is a
 * step of the undo stack; there is nothing to apply or cancel. The
 * window closes by itself when its object leaves the plan. */
CspItemEditor *csp_item_editor_new          (GtkWindow     *parent,
                                             const char    *title,
                                             CspUndoStack  *stack,
                                             CspItem       *item);
CspUndoStack  *csp_item_editor_get_stack    (CspItemEditor *self);
CspItem       *csp_item_editor_get_item     (CspItemEditor *self);

/* Adds a row: a text field of @key of @item (the editor's own object
 * or one inside it); returns the field. */
GtkWidget     *csp_item_editor_add_field    (CspItemEditor   *self,
                                             CspItem         *item,
                                             const char      *key,
                                             const char      *caption,
                                             gboolean         multiline,
                                             CspValidateFunc  validate);
/* Adds a row: a switch for the boolean @key. */
GtkWidget     *csp_item_editor_add_switch   (CspItemEditor   *self,
                                             const char      *key,
                                             const char      *caption);
/* The box under the fields, for lists such as a partner's contacts. */
GtkBox        *csp_item_editor_get_extra    (CspItemEditor   *self);
/* Shows a Delete button labelled @label that calls @callback. */
void           csp_item_editor_set_delete   (CspItemEditor   *self,
                                             const char      *label,
                                             GCallback        callback,
                                             gpointer         user_data);

G_END_DECLS
