/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-item.h"
#include "csp-plan.h"

G_BEGIN_DECLS

/* A command is one edit of a plan that knows its inverse: apply it,
 * revert it, apply it again (redo).
 *
 * Reverting restores the plan exactly as it was before the apply, down
 * to the "modified" stamps (saved at apply, restored raw) and the
 * "deleted" tombstones, so that csp_plan_to_bytes () gives the same
 * bytes again. Applying again stamps the time of the redo.
 *
 * A command captures the state it replaces when it is applied, not when
 * it is made, so the commands of a group may depend on one another.
 * Commands must be applied and reverted in stack order: CspUndoStack
 * does that bookkeeping, and the UI normally calls the csp_edit_*
 * functions of csp-undo.h rather than these.
 *
 * Every change goes through the model's own API, so CspPlan::changed,
 * the property notifications and the list models' items-changed tell
 * the views about undo and redo as about any edit. */
typedef struct _CspCommand CspCommand;

CspCommand *csp_command_ref            (CspCommand         *self);
void        csp_command_unref          (CspCommand         *self);

/* Sets a field by its JSON key: a string (also a date or a status), a
 * boolean or a list of strings. @value holds the property's type
 * (G_TYPE_STRING, G_TYPE_BOOLEAN or G_TYPE_STRV). Not for "id" or
 * "modified", which belong to the model. */
CspCommand *csp_command_new_set        (CspItem            *item,
                                        const char         *key,
                                        const GValue       *value);
CspCommand *csp_command_new_set_string (CspItem            *item,
                                        const char         *key,
                                        const char         *value);
CspCommand *csp_command_new_set_boolean (CspItem           *item,
                                         const char        *key,
                                         gboolean           value);
CspCommand *csp_command_new_set_strv   (CspItem            *item,
                                        const char         *key,
                                        const char * const *value);

/* Inserts @child, which has no parent, into the list @key of @parent
 * (G_MAXUINT: at the end). Reverting takes it out again and leaves no
 * tombstone: it never was in the file. */
CspCommand *csp_command_new_insert     (CspItem            *parent,
                                        const char         *key,
                                        guint               position,
                                        CspItem            *child);

/* Removes @child from the list that holds it, leaving a tombstone in
 * the plan's "deleted" when it has an id. Reverting puts the same
 * object back (same id, same contents) at the same position and takes
 * the tombstone back. */
CspCommand *csp_command_new_remove     (CspItem            *child);

/* Moves @child into the list @key of @parent (the same list or another
 * of the same kind: an action to another theme, a theme to another
 * priority, a priority between the plan and its review) at @position,
 * counted in the list without @child; G_MAXUINT: at the end. A move
 * leaves no tombstone: the object lives on, with its id. */
CspCommand *csp_command_new_move       (CspItem            *child,
                                        CspItem            *parent,
                                        const char         *key,
                                        guint               position);

/* Several commands as one step. The group's children are added once
 * they have been applied; applying the group again applies them in
 * order, reverting it reverts them in reverse order. Without a @label
 * the group takes its first child's. */
CspCommand *csp_command_new_group      (const char         *label);
void        csp_command_group_add      (CspCommand         *group,
                                        CspCommand         *command);
guint       csp_command_group_get_size (CspCommand         *group);

/* Replaces everything in @plan (its fields, nested objects, lists,
 * tombstones and unknown keys) with what @content holds, in place: the
 * plan object and its list models stay, so the views follow. For a
 * merge or a restored revision, one step. The command takes @content
 * over: the caller must not use it afterwards (it holds the old
 * content while the command is applied). Generic over the kind table;
 * stamps nothing, since every "modified" comes from @content. */
CspCommand *csp_command_new_replace_content (CspPlan       *plan,
                                             CspPlan       *content,
                                             const char    *label);

/* Returns FALSE, and changes nothing, when the command would not change
 * the plan (a field set to the value it has, a move to where the
 * object is, an empty group). */
gboolean    csp_command_apply          (CspCommand         *self);
void        csp_command_revert         (CspCommand         *self);

/* What the command did, for "Undo Add update": translated. Made from
 * the kind of the object ("Add update", "Delete partner", "Move
 * action", "Change status", "Edit theme") unless set. */
const char *csp_command_get_label      (CspCommand         *self);
void        csp_command_set_label      (CspCommand         *self,
                                        const char         *label);

/* The object to bring into view once the command has been applied
 * (@reverted FALSE) or reverted: the edited object, or, when an object
 * has just left the plan, the parent it left. */
CspItem    *csp_command_get_item       (CspCommand         *self,
                                        gboolean            reverted);

/* Typing in one field is one step. Two commands that set the same
 * string field of the same object belong to one burst when they carry
 * the same non-zero merge id (the UI gives one per editing session of
 * a field), or when neither has one and @next was applied no more than
 * @interval microseconds after @self. csp_command_merge () folds @next,
 * applied just after @self, into @self, so that reverting @self undoes
 * both; it returns FALSE, and changes nothing, when they do not belong
 * together. */
void        csp_command_set_merge_id   (CspCommand         *self,
                                        guint               merge_id);
gboolean    csp_command_merge          (CspCommand         *self,
                                        CspCommand         *next,
                                        gint64              interval);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CspCommand, csp_command_unref)

G_END_DECLS
