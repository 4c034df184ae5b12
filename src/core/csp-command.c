/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-command.h"
#include "csp-item-private.h"
#include "csp-merge.h"
#include "csp-plan.h"

typedef enum
{
  OP_ADD,
  OP_REMOVE,
  OP_MOVE,
  OP_EDIT,
  N_OPS
} Op;

/* One label per kind and operation, whole phrases so that translators
 * see them whole; NULL where the operation makes no sense. */
static const char * const kind_labels[CSP_N_KINDS][N_OPS] = {
  [CSP_KIND_PLAN] = { NULL, NULL, NULL, N_("Edit plan") },
  [CSP_KIND_PERIOD] = { NULL, NULL, NULL, N_("Edit period") },
  [CSP_KIND_CONTACT] = { NULL, NULL, NULL, N_("Edit contact details") },
  [CSP_KIND_SECTION] = { N_("Add section"), N_("Delete section"), N_("Move section"), N_("Edit section") },
  [CSP_KIND_REVIEW] = { NULL, NULL, NULL, N_("Edit review") },
  [CSP_KIND_PRIORITY] = { N_("Add priority"), N_("Delete priority"), N_("Move priority"), N_("Edit priority") },
  [CSP_KIND_THEME] = { N_("Add theme"), N_("Delete theme"), N_("Move theme"), N_("Edit theme") },
  [CSP_KIND_ACTION] = { N_("Add action"), N_("Delete action"), N_("Move action"), N_("Edit action") },
  [CSP_KIND_OWNER] = { N_("Add owner"), N_("Remove owner"), N_("Move owner"), N_("Edit owner") },
  [CSP_KIND_UPDATE] = { N_("Add update"), N_("Delete update"), N_("Move update"), N_("Edit update") },
  [CSP_KIND_PARTNER] = { N_("Add partner"), N_("Delete partner"), N_("Move partner"), N_("Edit partner") },
  [CSP_KIND_PERSON] = { N_("Add contact"), N_("Delete contact"), N_("Move contact"), N_("Edit contact") },
  [CSP_KIND_TERM] = { N_("Add glossary entry"), N_("Delete glossary entry"),
                      N_("Move glossary entry"), N_("Edit glossary entry") },
  [CSP_KIND_TOMBSTONE] = { NULL, NULL, NULL, NULL },
};

static const char * const op_labels[N_OPS] = {
  N_("Add"), N_("Delete"), N_("Move"), N_("Edit"),
};

typedef struct
{
  gsize      size;
  gboolean (*apply)    (CspCommand *self);
  void     (*revert)   (CspCommand *self);
  CspItem *(*get_item) (CspCommand *self,
                        gboolean    reverted);
  void     (*clear)    (CspCommand *self);
} CspCommandClass;

/* A "modified" stamp as it was before the command. */
typedef struct
{
  CspItem *item;
  char    *modified;
} Stamp;

struct _CspCommand
{
  const CspCommandClass *klass;
  char                  *label;
  GArray                *stamps;
  guint                  merge_id;
  gint64                 time; /* of the last apply, monotonic */
};

static void
stamp_clear (gpointer data)
{
  Stamp *stamp = data;

  g_clear_object (&stamp->item);
  g_clear_pointer (&stamp->modified, g_free);
}

static const char *
get_kind_label (CspKind kind,
                Op      op)
{
  const char *label = kind_labels[kind][op];

  return _(label != NULL ? label : op_labels[op]);
}

static CspCommand *
command_new (const CspCommandClass *klass,
             const char            *label)
{
  CspCommand *self = g_rc_box_alloc0 (klass->size);

  self->klass = klass;
  self->label = g_strdup (label);
  self->stamps = g_array_new (FALSE, TRUE, sizeof (Stamp));
  g_array_set_clear_func (self->stamps, stamp_clear);

  return self;
}

static void
command_clear (gpointer data)
{
  CspCommand *self = data;

  self->klass->clear (self);
  g_free (self->label);
  g_array_unref (self->stamps);
}

CspCommand *
csp_command_ref (CspCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
csp_command_unref (CspCommand *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, command_clear);
}

/* Saves the stamp that an edit of @item is about to overwrite. */
static void
save_stamp (CspCommand *self,
            CspItem    *item)
{
  CspItem *stamped = csp_item_get_stamped (item);
  Stamp stamp;

  if (stamped == NULL)
    return;

  stamp.item = g_object_ref (stamped);
  stamp.modified = g_strdup (csp_item_get_modified (stamped));
  g_array_append_val (self->stamps, stamp);
}

/* In reverse order, so that an object stamped twice gets its first
 * saved value back. */
static void
restore_stamps (CspCommand *self)
{
  for (guint i = self->stamps->len; i > 0; i--)
    {
      Stamp *stamp = &g_array_index (self->stamps, Stamp, i - 1);
      guint field = csp_item_get_info (stamp->item)->modified_field;

      _csp_item_set_string_raw (stamp->item, field, stamp->modified);
      g_object_notify (G_OBJECT (stamp->item), "modified");
    }
  g_array_set_size (self->stamps, 0);
}

gboolean
csp_command_apply (CspCommand *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  g_array_set_size (self->stamps, 0);
  self->time = g_get_monotonic_time ();

  return self->klass->apply (self);
}

void
csp_command_revert (CspCommand *self)
{
  g_return_if_fail (self != NULL);

  self->klass->revert (self);
  restore_stamps (self);
}

const char *
csp_command_get_label (CspCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

void
csp_command_set_label (CspCommand *self,
                       const char *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

CspItem *
csp_command_get_item (CspCommand *self,
                      gboolean    reverted)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->klass->get_item (self, reverted);
}

void
csp_command_set_merge_id (CspCommand *self,
                          guint       merge_id)
{
  g_return_if_fail (self != NULL);

  self->merge_id = merge_id;
}

/* Looks up a list field and gives its key as the kind table spells it,
 * which lives as long as the program. */
static const char *
list_key (CspItem    *parent,
          const char *key)
{
  const CspKindInfo *info = csp_item_get_info (parent);
  int field = csp_kind_find_field (info, key);

  if (field < 0 || info->fields[field].type != CSP_FIELD_LIST)
    return NULL;

  return info->fields[field].key;
}

static CspKind
list_kind (CspItem    *parent,
           const char *key)
{
  const CspKindInfo *info = csp_item_get_info (parent);

  return info->fields[csp_kind_find_field (info, key)].kind;
}

static guint
position_of (CspItem *child)
{
  guint position = 0;

  if (!csp_item_find (csp_item_get_parent (child), csp_item_get_parent_key (child),
                      child, &position))
    g_assert_not_reached ();

  return position;
}

/* Setting a field */

typedef struct
{
  CspCommand      parent;
  CspItem        *item;
  const CspField *field;
  GValue          old_value;
  GValue          new_value;
} SetCommand;

/* NULL and "" are the same to the model, and so are NULL and an empty list. */
static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  static const char * const empty[] = { NULL };
  const char * const *strv_a;
  const char * const *strv_b;

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);

  strv_a = g_value_get_boxed (a);
  strv_b = g_value_get_boxed (b);
  return g_strv_equal (strv_a != NULL ? strv_a : empty, strv_b != NULL ? strv_b : empty);
}

static gboolean
set_apply (CspCommand *command)
{
  SetCommand *self = (SetCommand *) command;
  GObject *object = G_OBJECT (self->item);

  g_object_get_property (object, self->field->property, &self->old_value);
  if (values_equal (&self->old_value, &self->new_value))
    return FALSE;

  save_stamp (command, self->item);
  g_object_set_property (object, self->field->property, &self->new_value);

  return TRUE;
}

static void
set_revert (CspCommand *command)
{
  SetCommand *self = (SetCommand *) command;

  g_object_set_property (G_OBJECT (self->item), self->field->property, &self->old_value);
}

static CspItem *
set_get_item (CspCommand *command,
              gboolean    reverted)
{
  return ((SetCommand *) command)->item;
}

static void
set_clear (CspCommand *command)
{
  SetCommand *self = (SetCommand *) command;

  g_clear_object (&self->item);
  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
}

static const CspCommandClass set_class = {
  sizeof (SetCommand), set_apply, set_revert, set_get_item, set_clear,
};

static gboolean
field_is_editable (const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_STATUS:
    case CSP_FIELD_BOOLEAN:
    case CSP_FIELD_STRV:
      return TRUE;
    case CSP_FIELD_FORMAT:
    case CSP_FIELD_VERSION:
    case CSP_FIELD_ID:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_OBJECT:
    case CSP_FIELD_LIST:
    default:
      return FALSE;
    }
}

CspCommand *
csp_command_new_set (CspItem      *item,
                     const char   *key,
                     const GValue *value)
{
  const CspKindInfo *info;
  SetCommand *self;
  GParamSpec *pspec;
  int field;

  g_return_val_if_fail (CSP_IS_ITEM (item), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (G_IS_VALUE (value), NULL);

  info = csp_item_get_info (item);
  field = csp_kind_find_field (info, key);
  g_return_val_if_fail (field >= 0 && field_is_editable (&info->fields[field]), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), info->fields[field].property);
  g_return_val_if_fail (G_VALUE_HOLDS (value, pspec->value_type), NULL);

  self = (SetCommand *) command_new (&set_class,
                                     info->fields[field].type == CSP_FIELD_STATUS
                                     ? _("Change status")
                                     : get_kind_label (csp_item_get_kind (item), OP_EDIT));
  self->item = g_object_ref (item);
  self->field = &info->fields[field];
  g_value_init (&self->old_value, pspec->value_type);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_copy (value, &self->new_value);

  return &self->parent;
}

CspCommand *
csp_command_new_set_string (CspItem    *item,
                            const char *key,
                            const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL ? value : "");

  return csp_command_new_set (item, key, &gvalue);
}

CspCommand *
csp_command_new_set_boolean (CspItem    *item,
                             const char *key,
                             gboolean    value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);

  return csp_command_new_set (item, key, &gvalue);
}

CspCommand *
csp_command_new_set_strv (CspItem            *item,
                          const char         *key,
                          const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);

  return csp_command_new_set (item, key, &gvalue);
}

gboolean
csp_command_merge (CspCommand *self,
                   CspCommand *next,
                   gint64      interval)
{
  SetCommand *set = (SetCommand *) self;
  SetCommand *next_set = (SetCommand *) next;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  if (self->klass != &set_class || next->klass != &set_class)
    return FALSE;
  if (set->item != next_set->item || set->field != next_set->field ||
      !G_VALUE_HOLDS_STRING (&set->new_value))
    return FALSE;
  if (self->merge_id != next->merge_id)
    return FALSE;
  if (self->merge_id == 0 && next->time - self->time > interval)
    return FALSE;

  /* The old value and stamps stay those from before the first. */
  g_value_copy (&next_set->new_value, &set->new_value);
  self->time = next->time;

  return TRUE;
}

/* Inserting and removing */

typedef struct
{
  CspCommand  parent;
  CspItem    *list_parent;
  const char *key;
  guint       position;
  CspItem    *child;
  CspItem    *tombstone; /* the one a removal left, while applied */
} ListCommand;

static gboolean
insert_apply (CspCommand *command)
{
  ListCommand *self = (ListCommand *) command;

  save_stamp (command, self->list_parent);
  csp_item_insert (self->list_parent, self->key, self->position, self->child);
  self->position = position_of (self->child);

  return TRUE;
}

static void
insert_revert (CspCommand *command)
{
  ListCommand *self = (ListCommand *) command;
  g_autoptr(CspItem) child = NULL;

  child = csp_item_take (self->list_parent, self->key, position_of (self->child));
  g_assert (child == self->child);
}

static CspItem *
list_get_item (CspCommand *command,
               gboolean    reverted)
{
  ListCommand *self = (ListCommand *) command;
  gboolean in_plan = csp_item_get_parent (self->child) != NULL;

  return in_plan ? self->child : self->list_parent;
}

static void
list_clear (CspCommand *command)
{
  ListCommand *self = (ListCommand *) command;

  g_clear_object (&self->list_parent);
  g_clear_object (&self->child);
  g_clear_object (&self->tombstone);
}

static const CspCommandClass insert_class = {
  sizeof (ListCommand), insert_apply, insert_revert, list_get_item, list_clear,
};

CspCommand *
csp_command_new_insert (CspItem    *parent,
                        const char *key,
                        guint       position,
                        CspItem    *child)
{
  ListCommand *self;

  g_return_val_if_fail (CSP_IS_ITEM (parent), NULL);
  g_return_val_if_fail (CSP_IS_ITEM (child), NULL);
  g_return_val_if_fail (csp_item_get_parent (child) == NULL, NULL);
  g_return_val_if_fail (list_key (parent, key) != NULL, NULL);
  g_return_val_if_fail (list_kind (parent, key) == csp_item_get_kind (child), NULL);

  self = (ListCommand *) command_new (&insert_class, get_kind_label (csp_item_get_kind (child), OP_ADD));
  self->list_parent = g_object_ref (parent);
  self->key = list_key (parent, key);
  self->position = position;
  self->child = g_object_ref (child);

  return &self->parent;
}

static gboolean
remove_apply (CspCommand *command)
{
  ListCommand *self = (ListCommand *) command;
  CspItem *plan = CSP_ITEM (csp_item_get_plan (self->child));
  guint n_deleted = plan != NULL ? csp_item_get_n_children (plan, "deleted") : 0;

  g_set_object (&self->list_parent, csp_item_get_parent (self->child));
  self->key = csp_item_get_parent_key (self->child);
  self->position = position_of (self->child);

  /* The tombstone stamps the plan too. */
  save_stamp (command, self->list_parent);
  if (plan != NULL)
    save_stamp (command, plan);

  csp_item_remove (self->list_parent, self->key, self->position);
  if (plan != NULL && csp_item_get_n_children (plan, "deleted") > n_deleted)
    g_set_object (&self->tombstone, csp_item_get_child (plan, "deleted", n_deleted));

  return TRUE;
}

static void
remove_revert (CspCommand *command)
{
  ListCommand *self = (ListCommand *) command;

  if (self->tombstone != NULL)
    {
      g_autoptr(CspItem) tombstone = NULL;

      tombstone = csp_item_take (csp_item_get_parent (self->tombstone), "deleted",
                                 position_of (self->tombstone));
      g_clear_object (&self->tombstone);
    }

  csp_item_insert (self->list_parent, self->key, self->position, self->child);
}

static const CspCommandClass remove_class = {
  sizeof (ListCommand), remove_apply, remove_revert, list_get_item, list_clear,
};

CspCommand *
csp_command_new_remove (CspItem *child)
{
  ListCommand *self;

  g_return_val_if_fail (CSP_IS_ITEM (child), NULL);
  g_return_val_if_fail (csp_item_get_parent (child) != NULL, NULL);
  g_return_val_if_fail (csp_item_get_parent_key (child) != NULL, NULL);

  self = (ListCommand *) command_new (&remove_class, get_kind_label (csp_item_get_kind (child), OP_REMOVE));
  self->child = g_object_ref (child);

  return &self->parent;
}

/* Moving */

typedef struct
{
  CspCommand  parent;
  CspItem    *child;
  CspItem    *from;
  const char *from_key;
  guint       from_position;
  CspItem    *to;
  const char *to_key;
  guint       to_position;
} MoveCommand;

static void
move_item (CspItem    *child,
           CspItem    *parent,
           const char *key,
           guint       position)
{
  g_autoptr(CspItem) taken = NULL;

  taken = csp_item_take (csp_item_get_parent (child), csp_item_get_parent_key (child),
                         position_of (child));
  csp_item_insert (parent, key, position, taken);
}

static gboolean
move_apply (CspCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;
  guint n;

  g_set_object (&self->from, csp_item_get_parent (self->child));
  self->from_key = csp_item_get_parent_key (self->child);
  self->from_position = position_of (self->child);

  n = csp_item_get_n_children (self->to, self->to_key);
  if (self->from == self->to && self->from_key == self->to_key &&
      self->from_position == MIN (self->to_position, n - 1))
    return FALSE;

  save_stamp (command, self->from);
  save_stamp (command, self->to);
  move_item (self->child, self->to, self->to_key, self->to_position);

  return TRUE;
}

static void
move_revert (CspCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  move_item (self->child, self->from, self->from_key, self->from_position);
}

static CspItem *
move_get_item (CspCommand *command,
               gboolean    reverted)
{
  return ((MoveCommand *) command)->child;
}

static void
move_clear (CspCommand *command)
{
  MoveCommand *self = (MoveCommand *) command;

  g_clear_object (&self->child);
  g_clear_object (&self->from);
  g_clear_object (&self->to);
}

static const CspCommandClass move_class = {
  sizeof (MoveCommand), move_apply, move_revert, move_get_item, move_clear,
};

CspCommand *
csp_command_new_move (CspItem    *child,
                      CspItem    *parent,
                      const char *key,
                      guint       position)
{
  MoveCommand *self;

  g_return_val_if_fail (CSP_IS_ITEM (child), NULL);
  g_return_val_if_fail (CSP_IS_ITEM (parent), NULL);
  g_return_val_if_fail (csp_item_get_parent (child) != NULL, NULL);
  g_return_val_if_fail (csp_item_get_plan (child) == csp_item_get_plan (parent), NULL);
  g_return_val_if_fail (list_key (parent, key) != NULL, NULL);
  g_return_val_if_fail (list_kind (parent, key) == csp_item_get_kind (child), NULL);

  self = (MoveCommand *) command_new (&move_class, get_kind_label (csp_item_get_kind (child), OP_MOVE));
  self->child = g_object_ref (child);
  self->to = g_object_ref (parent);
  self->to_key = list_key (parent, key);
  self->to_position = position;

  return &self->parent;
}

/* Groups */

typedef struct
{
  CspCommand  parent;
  GPtrArray  *children;
  gboolean    has_label;
} GroupCommand;

static gboolean
group_apply (CspCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;
  gboolean changed = FALSE;

  for (guint i = 0; i < self->children->len; i++)
    changed |= csp_command_apply (g_ptr_array_index (self->children, i));

  return changed;
}

static void
group_revert (CspCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    csp_command_revert (g_ptr_array_index (self->children, i - 1));
}

/* The last child's object: the one the step ends on. */
static CspItem *
group_get_item (CspCommand *command,
                gboolean    reverted)
{
  GroupCommand *self = (GroupCommand *) command;
  guint n = self->children->len;

  return n > 0 ? csp_command_get_item (g_ptr_array_index (self->children, n - 1), reverted) : NULL;
}

static void
group_clear (CspCommand *command)
{
  GroupCommand *self = (GroupCommand *) command;

  g_clear_pointer (&self->children, g_ptr_array_unref);
}

static const CspCommandClass group_class = {
  sizeof (GroupCommand), group_apply, group_revert, group_get_item, group_clear,
};

CspCommand *
csp_command_new_group (const char *label)
{
  GroupCommand *self;

  self = (GroupCommand *) command_new (&group_class, label != NULL ? label : _("Edit"));
  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) csp_command_unref);
  self->has_label = label != NULL;

  return &self->parent;
}

void
csp_command_group_add (CspCommand *group,
                       CspCommand *command)
{
  GroupCommand *self = (GroupCommand *) group;

  g_return_if_fail (group != NULL && group->klass == &group_class);
  g_return_if_fail (command != NULL && command != group);

  if (self->children->len == 0 && !self->has_label)
    csp_command_set_label (group, csp_command_get_label (command));
  g_ptr_array_add (self->children, csp_command_ref (command));
}

guint
csp_command_group_get_size (CspCommand *group)
{
  g_return_val_if_fail (group != NULL && group->klass == &group_class, 0);

  return ((GroupCommand *) group)->children->len;
}

/* Replacing the whole content of a plan */

typedef struct
{
  CspCommand  parent;
  CspPlan    *plan;
  CspPlan    *other; /* the content not in @plan: the new before apply, the old after */
} ReplaceCommand;

static gboolean
replace_apply (CspCommand *command)
{
  ReplaceCommand *self = (ReplaceCommand *) command;

  if (csp_item_equal (CSP_ITEM (self->plan), CSP_ITEM (self->other)))
    return FALSE;

  _csp_item_swap_contents (CSP_ITEM (self->plan), CSP_ITEM (self->other));

  return TRUE;
}

static void
replace_revert (CspCommand *command)
{
  ReplaceCommand *self = (ReplaceCommand *) command;

  _csp_item_swap_contents (CSP_ITEM (self->plan), CSP_ITEM (self->other));
}

static CspItem *
replace_get_item (CspCommand *command,
                  gboolean    reverted)
{
  return CSP_ITEM (((ReplaceCommand *) command)->plan);
}

static void
replace_clear (CspCommand *command)
{
  ReplaceCommand *self = (ReplaceCommand *) command;

  g_clear_object (&self->plan);
  g_clear_object (&self->other);
}

static const CspCommandClass replace_class = {
  sizeof (ReplaceCommand), replace_apply, replace_revert, replace_get_item, replace_clear,
};

CspCommand *
csp_command_new_replace_content (CspPlan    *plan,
                                 CspPlan    *content,
                                 const char *label)
{
  ReplaceCommand *self;

  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (content), NULL);
  g_return_val_if_fail (plan != content, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = (ReplaceCommand *) command_new (&replace_class, label);
  self->plan = g_object_ref (plan);
  self->other = g_object_ref (content);

  return (CspCommand *) self;
}
