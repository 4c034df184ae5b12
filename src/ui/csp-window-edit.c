/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-window-private.h"

/* Editing: undo and redo, and the actions that change the structure of
 * the plan (add, delete and move actions, move priorities). Every edit
 * goes through the document's undo stack. */

static CspUndoStack *
get_stack (CspWindow *self)
{
  return self->document != NULL ? csp_document_get_undo_stack (self->document) : NULL;
}

static CspItem *
get_selected_action (CspWindow *self)
{
  if (self->document == NULL)
    return NULL;

  return csp_action_list_get_selected (self->action_list);
}

/* The priority shown in the sidebar, with its place among the
 * priorities of the plan or of the review that holds it. */
static CspItem *
get_shown_priority (CspWindow *self,
                    guint     *position,
                    guint     *n_priorities)
{
  CspItem *priority = self->document != NULL ? _csp_window_get_shown_priority (self) : NULL;
  CspItem *parent = priority != NULL ? csp_item_get_parent (priority) : NULL;

  if (parent == NULL || !csp_item_find (parent, "priorities", priority, position))
    return NULL;

  *n_priorities = csp_item_get_n_children (parent, "priorities");
  return priority;
}

void
_csp_window_edit_update_actions (CspWindow *self)
{
  static const char *need_document[] = {
    "plan-details", "add-partner", "edit-partner", "delete-partner", "add-term",
    "add-section", "edit-item", "edit-priority", "add-priority",
  };
  CspUndoStack *stack = get_stack (self);
  CspItem *action = get_selected_action (self);
  CspItem *theme = action != NULL ? csp_item_get_parent (action) : NULL;
  guint position = 0;
  guint n_actions = theme != NULL ? csp_item_get_n_children (theme, "actions") : 0;
  guint priority_position = 0, n_priorities = 0;
  CspItem *priority = get_shown_priority (self, &priority_position, &n_priorities);

  if (theme != NULL)
    csp_item_find (theme, "actions", action, &position);

  _csp_window_set_enabled (self, "undo", stack != NULL && csp_undo_stack_get_can_undo (stack));
  _csp_window_set_enabled (self, "redo", stack != NULL && csp_undo_stack_get_can_redo (stack));
  _csp_window_set_enabled (self, "add-action", self->document != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (need_document); i++)
    _csp_window_set_enabled (self, need_document[i], self->document != NULL);
  _csp_window_set_enabled (self, "delete-action", action != NULL);
  _csp_window_set_enabled (self, "move-action-up", action != NULL && position > 0);
  _csp_window_set_enabled (self, "move-action-down", action != NULL && position + 1 < n_actions);
  _csp_window_set_enabled (self, "move-action-to", action != NULL);
  _csp_window_set_enabled (self, "move-priority-up", priority != NULL && priority_position > 0);
  _csp_window_set_enabled (self, "move-priority-down", priority != NULL && priority_position + 1 < n_priorities);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button),
                               stack != NULL ? csp_undo_stack_get_undo_label (stack) : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button),
                               stack != NULL ? csp_undo_stack_get_redo_label (stack) : _("Redo"));
}

/* Undo and redo */

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CspUndoStack *stack = get_stack (user_data);

  if (stack != NULL)
    csp_undo_stack_undo (stack);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CspUndoStack *stack = get_stack (user_data);

  if (stack != NULL)
    csp_undo_stack_redo (stack);
}

/* After an undo or a redo, the user sees what it changed. */
static void
on_changed_item (CspWindow *self,
                 CspItem   *item)
{
  if (item != NULL && csp_item_get_plan (item) == csp_window_get_plan (self))
    csp_window_show_item (self, item);
}

static void
on_stack_notify (CspWindow *self)
{
  _csp_window_edit_update_actions (self);
}

/* Actions of the plan */

static void
delete_action_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CspWindow *self = user_data;
  CspItem *selected = get_selected_action (self);

  if (selected != NULL)
    csp_edit_remove (get_stack (self), selected);
}

static void
move_by (CspWindow *self,
         int        delta)
{
  CspItem *action = get_selected_action (self);
  CspItem *theme = action != NULL ? csp_item_get_parent (action) : NULL;
  guint position;

  if (theme == NULL || !csp_item_find (theme, "actions", action, &position))
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= csp_item_get_n_children (theme, "actions")))
    return;

  csp_edit_move (get_stack (self), action, theme, "actions", position + delta);
  csp_window_show_item (self, action);
}

static void
move_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  move_by (user_data, -1);
}

static void
move_down_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  move_by (user_data, 1);
}

static void
move_to_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CspWindow *self = user_data;
  CspItem *selected = get_selected_action (self);
  CspItem *theme = csp_plan_lookup (csp_window_get_plan (self), g_variant_get_string (parameter, NULL));

  if (selected == NULL || theme == NULL || !CSP_IS_THEME (theme))
    return;

  csp_edit_move (get_stack (self), selected, theme, "actions", G_MAXUINT);
  csp_window_show_item (self, selected);
}

/* Priorities of the plan, or of the review */

static void
move_priority_by (CspWindow *self,
                  int        delta)
{
  guint position, n_priorities;
  CspItem *priority = get_shown_priority (self, &position, &n_priorities);

  if (priority == NULL)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_priorities))
    return;

  csp_edit_move (get_stack (self), priority, csp_item_get_parent (priority), "priorities",
                 position + delta);
  /* The sidebar was rebuilt: the moved priority stays the one shown. */
  csp_window_show_item (self, priority);
}

static void
move_priority_up_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  move_priority_by (user_data, -1);
}

static void
move_priority_down_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  move_priority_by (user_data, 1);
}

/* A new action goes after the selected one, or at the end of the first
 * theme of the priority shown. */
static void
add_action_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CspWindow *self = user_data;
  CspItem *selected = get_selected_action (self);
  CspItem *theme = NULL;
  guint position = G_MAXUINT;
  g_autoptr(CspItem) new_action = NULL;

  if (selected != NULL)
    {
      theme = csp_item_get_parent (selected);
      if (csp_item_find (theme, "actions", selected, &position))
        position++;
    }
  else
    theme = _csp_window_get_current_theme (self);

  if (theme == NULL)
    return;

  new_action = csp_item_new (CSP_KIND_ACTION);
  csp_item_set_string (new_action, "text", _("New action"));
  csp_item_set_string (new_action, "status", "not-started");
  csp_edit_insert (get_stack (self), theme, "actions", position, new_action);
  csp_window_show_item (self, new_action);
}

static const GActionEntry edit_entries[] = {
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "add-action", add_action_activated },
  { "delete-action", delete_action_activated },
  { "move-action-up", move_up_activated },
  { "move-action-down", move_down_activated },
  { "move-action-to", move_to_activated, "s" },
  { "move-priority-up", move_priority_up_activated },
  { "move-priority-down", move_priority_down_activated },
};

void
_csp_window_init_edit (CspWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_entries,
                                   G_N_ELEMENTS (edit_entries), self);
  _csp_window_init_editors (self);
  g_signal_connect_object (self->action_list, "notify::selected",
                           G_CALLBACK (_csp_window_edit_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "row-selected",
                           G_CALLBACK (_csp_window_edit_update_actions), self, G_CONNECT_SWAPPED);
  _csp_window_edit_update_actions (self);
}

void
_csp_window_edit_set_document (CspWindow   *self,
                               CspDocument *old_document,
                               CspDocument *document)
{
  static const char *notifications[] = {
    "notify::can-undo", "notify::can-redo", "notify::undo-label", "notify::redo-label",
  };
  CspUndoStack *stack;

  if (old_document != NULL)
    g_signal_handlers_disconnect_by_data (csp_document_get_undo_stack (old_document), self);

  stack = document != NULL ? csp_document_get_undo_stack (document) : NULL;
  csp_action_detail_set_undo_stack (self->action_detail, stack);
  if (stack != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (notifications); i++)
        g_signal_connect_object (stack, notifications[i], G_CALLBACK (on_stack_notify),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "changed-item", G_CALLBACK (on_changed_item),
                               self, G_CONNECT_SWAPPED);
    }

  _csp_window_edit_update_actions (self);
}
