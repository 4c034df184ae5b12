/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-command.h"
#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_UNDO_STACK (csp_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (CspUndoStack, csp_undo_stack, CSP, UNDO_STACK, GObject)

/* The undo history of one document (csp_document_get_undo_stack ()).
 *
 * Every edit of the plan goes through the stack, as a command (see
 * csp-command.h), usually by way of the csp_edit_* functions below;
 * one step per intention. An edit made behind the stack's back (a
 * merge, say) makes the history meaningless: clear it then. While an
 * undo or a redo runs, the stack refuses new edits (a handler of
 * CspPlan::changed must not edit the plan in return).
 *
 * Properties: "can-undo", "can-redo" (booleans), "undo-label",
 * "redo-label" ("Undo Add update", translated; "Undo" when there is
 * nothing to undo), "clean" (the plan is as it was at the clean point,
 * the last save), all notified when they change.
 *
 * Signal "changed-item" (CspItem *item): emitted after each undo or
 * redo with the object to bring into view (csp_command_get_item ()). */
CspUndoStack *csp_undo_stack_new            (void);

/* Applies @command and records it: as a new step, as part of the open
 * group, or folded into the previous step when both are typing in the
 * same field (csp_command_merge ()). Forgets what could be redone.
 * Returns FALSE, recording nothing, when @command changed nothing. */
gboolean      csp_undo_stack_push           (CspUndoStack *self,
                                             CspCommand   *command);

/* Everything pushed between begin and end is one step, labelled @label
 * (NULL: the first command's label). Groups nest: only the outermost
 * one makes a step. A group in which nothing changed makes no step. */
void          csp_undo_stack_begin_group    (CspUndoStack *self,
                                             const char   *label);
void          csp_undo_stack_end_group      (CspUndoStack *self);

/* Marks the plan as it is now as saved: undoing or redoing back to
 * here makes the stack "clean" again. A new stack is clean. */
void          csp_undo_stack_set_clean      (CspUndoStack *self);
gboolean      csp_undo_stack_get_clean      (CspUndoStack *self);

/* Ends the burst of typing: the next string edit is a step of its own
 * even if it comes soon after (call it when a field loses focus). */
void          csp_undo_stack_break_merge    (CspUndoStack *self);
/* How close together string edits without a merge id must come to be
 * one step, in microseconds; 1 s by default, 0 to never merge them. */
void          csp_undo_stack_set_merge_interval (CspUndoStack *self,
                                                 gint64        interval);

gboolean      csp_undo_stack_undo           (CspUndoStack *self);
gboolean      csp_undo_stack_redo           (CspUndoStack *self);
void          csp_undo_stack_clear          (CspUndoStack *self);

gboolean      csp_undo_stack_get_can_undo   (CspUndoStack *self);
gboolean      csp_undo_stack_get_can_redo   (CspUndoStack *self);
const char   *csp_undo_stack_get_undo_label (CspUndoStack *self);
const char   *csp_undo_stack_get_redo_label (CspUndoStack *self);
/* The object the last undo or redo brought back or changed, or NULL. */
CspItem      *csp_undo_stack_get_last_item  (CspUndoStack *self);

/* Edits: each call is one undoable step on @stack. */

/* @merge_id: see csp_command_set_merge_id (); 0 to merge by time. */
void          csp_edit_set_string           (CspUndoStack *stack,
                                             CspItem      *item,
                                             const char   *key,
                                             const char   *value,
                                             guint         merge_id);
void          csp_edit_set_boolean          (CspUndoStack *stack,
                                             CspItem      *item,
                                             const char   *key,
                                             gboolean      value);
void          csp_edit_set_strv             (CspUndoStack *stack,
                                             CspItem      *item,
                                             const char   *key,
                                             const char * const *value);
void          csp_edit_insert               (CspUndoStack *stack,
                                             CspItem      *parent,
                                             const char   *key,
                                             guint         position,
                                             CspItem      *child);
void          csp_edit_remove               (CspUndoStack *stack,
                                             CspItem      *child);
void          csp_edit_move                 (CspUndoStack *stack,
                                             CspItem      *child,
                                             CspItem      *parent,
                                             const char   *key,
                                             guint         position);

/* Progress updates and the action's status.
 *
 * An action's status follows its newest update unless it was set by
 * hand. No extra key records "by hand": it is derived. The status the
 * updates give is that of the newest update that carries one (by date;
 * of two on the same date, the one added last), or "not-started" when
 * none does. An action whose status equals it follows its updates; one
 * whose status differs was set by hand since. A status set by hand to
 * what the updates give is indistinguishable from following them, and
 * behaves the same.
 *
 * Adding, removing or editing the date or status of an update (through
 * csp_edit_add_update, csp_edit_insert, csp_edit_remove or
 * csp_edit_set_string) sets the action's status to what its updates
 * give afterwards when it followed them before; in the same step. */
const char   *csp_action_get_update_status  (CspItem      *action);
gboolean      csp_action_follows_updates    (CspItem      *action);

/* Appends @update (a new CspUpdate with its date, author, status and
 * text already set) to @action: "Add update". */
void          csp_edit_add_update           (CspUndoStack *stack,
                                             CspItem      *action,
                                             CspItem      *update);

/* Deleting a partner that owns actions, here or in the review. */
#define CSP_EDIT_ERROR (csp_edit_error_quark ())

typedef enum
{
  CSP_EDIT_ERROR_PARTNER_IN_USE,
} CspEditError;

typedef enum
{
  CSP_PARTNER_OWNERS_REFUSE,  /* fail with CSP_EDIT_ERROR_PARTNER_IN_USE */
  CSP_PARTNER_OWNERS_TO_NAME, /* each owner becomes {"name": partner's name} */
} CspPartnerOwners;

GQuark        csp_edit_error_quark          (void);
/* How many owners, of actions here and in the review, name @partner:
 * ask the user what to do with them when not 0. */
guint         csp_partner_count_owners      (CspItem      *partner);
/* Deletes @partner (leaving a tombstone) in one step, "Delete partner",
 * after turning the owners that name it into free text when @owners
 * says so; with CSP_PARTNER_OWNERS_REFUSE, a partner in use is not
 * deleted and nothing changes. */
gboolean      csp_edit_delete_partner       (CspUndoStack *stack,
                                             CspItem      *partner,
                                             CspPartnerOwners owners,
                                             GError      **error);

G_END_DECLS
