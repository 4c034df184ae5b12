/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-undo.h"

#define DEFAULT_MERGE_INTERVAL G_USEC_PER_SEC

struct _CspUndoStack
{
  GObject     parent_instance;

  GPtrArray  *undo;  /* of CspCommand, oldest first */
  GPtrArray  *redo;  /* of CspCommand, the next to redo last */
  CspCommand *group; /* the open outermost group */
  guint       group_depth;
  CspCommand *last;  /* the last command pushed, while it may merge */
  gint64      merge_interval;
  CspItem    *last_item;
  int         clean; /* the length of undo at the clean point; -1: gone */
  gboolean    busy;  /* undoing or redoing */

  /* What the properties said when last notified. */
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    is_clean;
  char       *undo_label;
  char       *redo_label;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_CLEAN,
  N_PROPS
};

enum {
  CHANGED_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspUndoStack, csp_undo_stack, G_TYPE_OBJECT)
G_DEFINE_QUARK (csp-edit-error-quark, csp_edit_error)

static void
csp_undo_stack_finalize (GObject *object)
{
  CspUndoStack *self = CSP_UNDO_STACK (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->group, csp_command_unref);
  g_clear_object (&self->last_item);
  g_free (self->undo_label);
  g_free (self->redo_label);

  G_OBJECT_CLASS (csp_undo_stack_parent_class)->finalize (object);
}

static void
csp_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CspUndoStack *self = CSP_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, self->is_clean);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_undo_stack_class_init (CspUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = csp_undo_stack_finalize;
  object_class->get_property = csp_undo_stack_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, flags);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, flags);
  properties[PROP_CLEAN] = g_param_spec_boolean ("clean", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CspUndoStack::changed-item:
   * @item: the object to bring into view
   *
   * Emitted after an undo or a redo.
   */
  signals[CHANGED_ITEM] =
    g_signal_new ("changed-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CSP_TYPE_ITEM);
}

static void
csp_undo_stack_init (CspUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) csp_command_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) csp_command_unref);
  self->merge_interval = DEFAULT_MERGE_INTERVAL;
  self->is_clean = TRUE;
  self->undo_label = g_strdup (_("Undo"));
  self->redo_label = g_strdup (_("Redo"));
}

CspUndoStack *
csp_undo_stack_new (void)
{
  return g_object_new (CSP_TYPE_UNDO_STACK, NULL);
}

static char *
dup_step_label (GPtrArray  *steps,
                const char *format,
                const char *empty)
{
  CspCommand *top;

  if (steps->len == 0)
    return g_strdup (empty);

  top = g_ptr_array_index (steps, steps->len - 1);
  return g_strdup_printf (format, csp_command_get_label (top));
}

static void
update_label (CspUndoStack *self,
              char        **label,
              char         *new_label,
              guint         prop)
{
  if (g_strcmp0 (*label, new_label) == 0)
    {
      g_free (new_label);
      return;
    }

  g_free (*label);
  *label = new_label;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_flag (CspUndoStack *self,
             gboolean     *flag,
             gboolean      value,
             guint         prop)
{
  if (*flag == value)
    return;

  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_state (CspUndoStack *self)
{
  gboolean idle = self->group_depth == 0;

  update_flag (self, &self->can_undo, idle && self->undo->len > 0, PROP_CAN_UNDO);
  update_flag (self, &self->can_redo, idle && self->redo->len > 0, PROP_CAN_REDO);
  update_flag (self, &self->is_clean, idle && self->clean == (int) self->undo->len, PROP_CLEAN);
  /* TRANSLATORS: "Undo Add update": %s is what the step did */
  update_label (self, &self->undo_label, dup_step_label (self->undo, _("Undo %s"), _("Undo")),
                PROP_UNDO_LABEL);
  /* TRANSLATORS: "Redo Add update": %s is what the step did */
  update_label (self, &self->redo_label, dup_step_label (self->redo, _("Redo %s"), _("Redo")),
                PROP_REDO_LABEL);
}

/* Forgets what could be redone, and the clean point with it when it
 * was there. */
static void
forget_redo (CspUndoStack *self)
{
  if (self->clean > (int) self->undo->len)
    self->clean = -1;
  g_ptr_array_set_size (self->redo, 0);
}

static void
record (CspUndoStack *self,
        CspCommand   *command)
{
  forget_redo (self);

  if (self->last != NULL && csp_command_merge (self->last, command, self->merge_interval))
    return;

  if (self->group != NULL)
    csp_command_group_add (self->group, command);
  else
    g_ptr_array_add (self->undo, csp_command_ref (command));
  self->last = command;
}

gboolean
csp_undo_stack_push (CspUndoStack *self,
                     CspCommand   *command)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (command != NULL, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (!csp_command_apply (command))
    return FALSE;

  record (self, command);
  update_state (self);

  return TRUE;
}

void
csp_undo_stack_begin_group (CspUndoStack *self,
                            const char   *label)
{
  g_return_if_fail (CSP_IS_UNDO_STACK (self));
  g_return_if_fail (!self->busy);

  if (self->group_depth++ > 0)
    return;

  self->group = csp_command_new_group (label);
  self->last = NULL;
  update_state (self);
}

void
csp_undo_stack_end_group (CspUndoStack *self)
{
  g_autoptr(CspCommand) group = NULL;

  g_return_if_fail (CSP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (csp_command_group_get_size (group) > 0)
    g_ptr_array_add (self->undo, g_steal_pointer (&group));
  self->last = NULL;
  update_state (self);
}

void
csp_undo_stack_set_clean (CspUndoStack *self)
{
  g_return_if_fail (CSP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth == 0);

  /* A step that went on growing would no longer be what was saved. */
  self->last = NULL;
  self->clean = self->undo->len;
  update_state (self);
}

gboolean
csp_undo_stack_get_clean (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);

  return self->is_clean;
}

void
csp_undo_stack_break_merge (CspUndoStack *self)
{
  g_return_if_fail (CSP_IS_UNDO_STACK (self));

  self->last = NULL;
}

void
csp_undo_stack_set_merge_interval (CspUndoStack *self,
                                   gint64        interval)
{
  g_return_if_fail (CSP_IS_UNDO_STACK (self));
  g_return_if_fail (interval >= 0);

  self->merge_interval = interval;
}

/* Moves the newest step of @from to @to, reverting or applying it. */
static gboolean
step (CspUndoStack *self,
      GPtrArray    *from,
      GPtrArray    *to,
      gboolean      revert)
{
  CspCommand *command;

  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, command);
  self->last = NULL;

  self->busy = TRUE;
  if (revert)
    csp_command_revert (command);
  else
    csp_command_apply (command);
  self->busy = FALSE;

  g_set_object (&self->last_item, csp_command_get_item (command, revert));
  update_state (self);
  if (self->last_item != NULL)
    g_signal_emit (self, signals[CHANGED_ITEM], 0, self->last_item);

  return TRUE;
}

gboolean
csp_undo_stack_undo (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);

  return step (self, self->undo, self->redo, TRUE);
}

gboolean
csp_undo_stack_redo (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);

  return step (self, self->redo, self->undo, FALSE);
}

void
csp_undo_stack_clear (CspUndoStack *self)
{
  g_return_if_fail (CSP_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth == 0);

  /* The plan stays as it is, in the file or not. */
  self->clean = self->clean == (int) self->undo->len ? 0 : -1;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->last = NULL;
  g_clear_object (&self->last_item);
  update_state (self);
}

gboolean
csp_undo_stack_get_can_undo (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);

  return self->can_undo;
}

gboolean
csp_undo_stack_get_can_redo (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), FALSE);

  return self->can_redo;
}

const char *
csp_undo_stack_get_undo_label (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), NULL);

  return self->undo_label;
}

const char *
csp_undo_stack_get_redo_label (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), NULL);

  return self->redo_label;
}

CspItem *
csp_undo_stack_get_last_item (CspUndoStack *self)
{
  g_return_val_if_fail (CSP_IS_UNDO_STACK (self), NULL);

  return self->last_item;
}

/* Edits */

/* Pushes a command just made; NULL when its constructor refused. */
static void
push_new (CspUndoStack *stack,
          CspCommand   *command)
{
  /* The stack takes its own reference; ours goes at the end. */
  g_autoptr(CspCommand) owned = command;

  g_return_if_fail (CSP_IS_UNDO_STACK (stack));

  if (owned != NULL)
    csp_undo_stack_push (stack, owned);
}

const char *
csp_action_get_update_status (CspItem *action)
{
  CspItem *newest = NULL;
  guint n;

  g_return_val_if_fail (CSP_IS_ACTION (action), NULL);

  n = csp_item_get_n_children (action, "updates");
  for (guint i = 0; i < n; i++)
    {
      CspItem *update = csp_item_get_child (action, "updates", i);

      if (*csp_item_get_string (update, "status") == '\0')
        continue;
      /* Dates are YYYY-MM-DD, so they compare as strings. */
      if (newest == NULL ||
          strcmp (csp_item_get_string (update, "date"), csp_item_get_string (newest, "date")) >= 0)
        newest = update;
    }

  if (newest == NULL)
    return csp_status_to_string (CSP_STATUS_NOT_STARTED);

  return csp_item_get_string (newest, "status");
}

gboolean
csp_action_follows_updates (CspItem *action)
{
  g_return_val_if_fail (CSP_IS_ACTION (action), FALSE);

  return g_str_equal (csp_item_get_string (action, "status"),
                      csp_action_get_update_status (action));
}

/* Pushes @command, which changes the updates of @action, and brings
 * the action's status along when it followed them: one step. */
static void
push_following_updates (CspUndoStack *stack,
                        CspItem      *action,
                        CspCommand   *command)
{
  gboolean follows;

  if (action == NULL)
    {
      csp_undo_stack_push (stack, command);
      return;
    }

  follows = csp_action_follows_updates (action);
  csp_undo_stack_begin_group (stack, csp_command_get_label (command));
  csp_undo_stack_push (stack, command);
  if (follows)
    push_new (stack, csp_command_new_set_string (action, "status",
                                                 csp_action_get_update_status (action)));
  csp_undo_stack_end_group (stack);
}

void
csp_edit_set_string (CspUndoStack *stack,
                     CspItem      *item,
                     const char   *key,
                     const char   *value,
                     guint         merge_id)
{
  g_autoptr(CspCommand) command = NULL;

  g_return_if_fail (CSP_IS_UNDO_STACK (stack));

  command = csp_command_new_set_string (item, key, value);
  g_return_if_fail (command != NULL);
  csp_command_set_merge_id (command, merge_id);

  if (CSP_IS_UPDATE (item) && (g_str_equal (key, "status") || g_str_equal (key, "date")))
    push_following_updates (stack, csp_item_get_parent (item), command);
  else
    csp_undo_stack_push (stack, command);
}

void
csp_edit_set_boolean (CspUndoStack *stack,
                      CspItem      *item,
                      const char   *key,
                      gboolean      value)
{
  push_new (stack, csp_command_new_set_boolean (item, key, value));
}

void
csp_edit_set_strv (CspUndoStack       *stack,
                   CspItem            *item,
                   const char         *key,
                   const char * const *value)
{
  push_new (stack, csp_command_new_set_strv (item, key, value));
}

void
csp_edit_insert (CspUndoStack *stack,
                 CspItem      *parent,
                 const char   *key,
                 guint         position,
                 CspItem      *child)
{
  g_autoptr(CspCommand) command = NULL;

  g_return_if_fail (CSP_IS_UNDO_STACK (stack));

  command = csp_command_new_insert (parent, key, position, child);
  g_return_if_fail (command != NULL);

  if (CSP_IS_UPDATE (child))
    push_following_updates (stack, parent, command);
  else
    csp_undo_stack_push (stack, command);
}

void
csp_edit_remove (CspUndoStack *stack,
                 CspItem      *child)
{
  g_autoptr(CspCommand) command = NULL;

  g_return_if_fail (CSP_IS_UNDO_STACK (stack));

  command = csp_command_new_remove (child);
  g_return_if_fail (command != NULL);

  if (CSP_IS_UPDATE (child))
    push_following_updates (stack, csp_item_get_parent (child), command);
  else
    csp_undo_stack_push (stack, command);
}

void
csp_edit_move (CspUndoStack *stack,
               CspItem      *child,
               CspItem      *parent,
               const char   *key,
               guint         position)
{
  push_new (stack, csp_command_new_move (child, parent, key, position));
}

void
csp_edit_add_update (CspUndoStack *stack,
                     CspItem      *action,
                     CspItem      *update)
{
  g_return_if_fail (CSP_IS_ACTION (action));
  g_return_if_fail (CSP_IS_UPDATE (update));

  csp_edit_insert (stack, action, "updates", G_MAXUINT, update);
}

/* Partners */

typedef struct
{
  const char *partner_id;
  GPtrArray  *owners;
} OwnerSearch;

static gboolean
collect_owner (CspItem  *item,
               gpointer  user_data)
{
  OwnerSearch *search = user_data;

  if (CSP_IS_OWNER (item) &&
      g_str_equal (csp_item_get_string (item, "partner"), search->partner_id))
    g_ptr_array_add (search->owners, item);

  return TRUE;
}

/* The owners that name @partner, in file order; borrowed. */
static GPtrArray *
collect_owners (CspItem *partner)
{
  OwnerSearch search = { csp_item_get_id (partner), g_ptr_array_new () };
  CspPlan *plan = csp_item_get_plan (partner);

  if (plan != NULL)
    csp_item_walk (CSP_ITEM (plan), collect_owner, &search);

  return search.owners;
}

guint
csp_partner_count_owners (CspItem *partner)
{
  g_autoptr(GPtrArray) owners = NULL;

  g_return_val_if_fail (CSP_IS_PARTNER (partner), 0);

  owners = collect_owners (partner);
  return owners->len;
}

gboolean
csp_edit_delete_partner (CspUndoStack      *stack,
                         CspItem           *partner,
                         CspPartnerOwners   owners_to,
                         GError           **error)
{
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(CspCommand) remove = NULL;
  const char *name;

  g_return_val_if_fail (CSP_IS_UNDO_STACK (stack), FALSE);
  g_return_val_if_fail (CSP_IS_PARTNER (partner), FALSE);
  g_return_val_if_fail (csp_item_get_parent (partner) != NULL, FALSE);

  owners = collect_owners (partner);
  name = csp_item_get_string (partner, "name");
  if (owners->len > 0 && owners_to == CSP_PARTNER_OWNERS_REFUSE)
    {
      g_set_error (error, CSP_EDIT_ERROR, CSP_EDIT_ERROR_PARTNER_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is named as the owner of %u action",
                                "“%s” is named as the owner of %u actions",
                                owners->len),
                   name, owners->len);
      return FALSE;
    }

  remove = csp_command_new_remove (partner);
  csp_undo_stack_begin_group (stack, csp_command_get_label (remove));
  for (guint i = 0; i < owners->len; i++)
    {
      CspItem *owner = g_ptr_array_index (owners, i);

      push_new (stack, csp_command_new_set_string (owner, "name", name));
      push_new (stack, csp_command_new_set_string (owner, "partner", ""));
    }
  csp_undo_stack_push (stack, remove);
  csp_undo_stack_end_group (stack);

  return TRUE;
}
