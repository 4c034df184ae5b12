/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-plan"

#include "config.h"

#include "csp-item-private.h"
#include "csp-plan.h"

struct _CspPlan
{
  CspItem     parent_instance;

  GHashTable *index; /* id → CspItem, built when first asked for */

  /* Worker threads reading the plan: see _csp_plan_begin_read (). */
  GMutex      readers_lock;
  GCond       readers_done;
  guint       readers;
};

/* Read sessions open on any plan: edits skip the lock when none is. */
static int n_reading;

G_DEFINE_FINAL_TYPE (CspPlan, csp_plan, CSP_TYPE_ITEM)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
csp_plan_finalize (GObject *object)
{
  CspPlan *self = CSP_PLAN (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_mutex_clear (&self->readers_lock);
  g_cond_clear (&self->readers_done);

  G_OBJECT_CLASS (csp_plan_parent_class)->finalize (object);
}

static void
csp_plan_class_init (CspPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csp_plan_finalize;

  _csp_item_class_install_fields (CSP_ITEM_CLASS (klass), CSP_KIND_PLAN);

  /**
   * CspPlan::changed:
   * @item: the object that changed, the plan itself or one below it
   * @key: the key of the field that changed
   *
   * Emitted after every edit made through the model's API anywhere in
   * the plan.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CSP_TYPE_ITEM, G_TYPE_STRING);
}

static void
csp_plan_init (CspPlan *self)
{
  g_mutex_init (&self->readers_lock);
  g_cond_init (&self->readers_done);
}

/* A worker thread may read a plan, to write it out, while the thread
 * that owns it goes on: the window stays responsive during a save, an
 * export or a merge of a county's archive. Reading changes nothing
 * (the lists are plain arrays), so the owner may read at the same
 * time; an edit, though, waits for the readers to finish, so that
 * what they write is the plan at one moment, never half an edit.
 * Sessions begin in the owner's thread, which is the only one that
 * edits, so no edit is under way when one begins. */
void
_csp_plan_begin_read (CspPlan *self)
{
  g_object_ref (self);
  g_atomic_int_inc (&n_reading);
  g_mutex_lock (&self->readers_lock);
  self->readers++;
  g_mutex_unlock (&self->readers_lock);
}

void
_csp_plan_end_read (CspPlan *self)
{
  g_mutex_lock (&self->readers_lock);
  if (--self->readers == 0)
    g_cond_broadcast (&self->readers_done);
  g_mutex_unlock (&self->readers_lock);
  g_atomic_int_dec_and_test (&n_reading);
  g_object_unref (self);
}

typedef struct
{
  CspPlanReadFunc func;
  GDestroyNotify  free_result;
} Read;

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CspPlan *self = source_object;
  Read *read = task_data;
  gpointer result = read->func (self);

  _csp_plan_end_read (self);
  g_task_return_pointer (task, result, read->free_result);
}

void
_csp_plan_read_async (CspPlan             *self,
                      CspPlanReadFunc      func,
                      GDestroyNotify       free_result,
                      gpointer             source_tag,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Read *read = g_new (Read, 1);

  read->func = func;
  read->free_result = free_result;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, read, g_free);

  /* Begun here, in the thread that edits the plan, so that no edit is
   * half done; edits made while the worker reads wait for it. */
  _csp_plan_begin_read (self);
  g_task_run_in_thread (task, read_in_thread);
}

gpointer
_csp_plan_read_finish (CspPlan       *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (CSP_IS_PLAN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
copy_plan (CspPlan *self)
{
  return csp_item_copy (CSP_ITEM (self));
}

void
csp_plan_copy_async (CspPlan             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (CSP_IS_PLAN (self));

  _csp_plan_read_async (self, copy_plan, g_object_unref, csp_plan_copy_async,
                        cancellable, callback, user_data);
}

CspPlan *
csp_plan_copy_finish (CspPlan       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return _csp_plan_read_finish (self, result, csp_plan_copy_async, error);
}

typedef struct
{
  CspPlanCopyFunc func;
  CspPlan        *copy;
} RunOnCopy;

static void
run_on_copy_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RunOnCopy *run = g_object_steal_data (G_OBJECT (task), "csp-run-on-copy");

  run->func (task, run->copy, task_data, cancellable);
  g_free (run);
}

static void
on_copied_to_run (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunOnCopy *run = g_object_get_data (G_OBJECT (task), "csp-run-on-copy");
  GError *error = NULL;

  run->copy = csp_plan_copy_finish (CSP_PLAN (source), result, &error);
  if (run->copy == NULL)
    {
      g_free (g_object_steal_data (G_OBJECT (task), "csp-run-on-copy"));
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, run_on_copy_in_thread);
}

void
csp_plan_run_on_copy (CspPlan         *self,
                      GTask           *task,
                      CspPlanCopyFunc  func)
{
  RunOnCopy *run;

  g_return_if_fail (CSP_IS_PLAN (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  run = g_new0 (RunOnCopy, 1);
  run->func = func;
  g_object_set_data (G_OBJECT (task), "csp-run-on-copy", run);
  csp_plan_copy_async (self, g_task_get_cancellable (task), on_copied_to_run, task);
}

static void
unref_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_object_unref (g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

void
csp_unref_in_thread (gpointer object)
{
  g_autoptr(GTask) task = NULL;

  if (object == NULL)
    return;

  g_return_if_fail (G_IS_OBJECT (object));

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_name (task, "[csp-planner] unref");
  g_task_set_task_data (task, object, NULL);
  g_task_run_in_thread (task, unref_in_thread);
}

/* Called before every change to an object: when it belongs to a plan
 * that a worker is reading, waits until the worker is done. */
void
_csp_item_wait_for_readers (CspItem *item)
{
  CspPlan *self;

  if (g_atomic_int_get (&n_reading) == 0)
    return;

  if ((self = csp_item_get_plan (item)) == NULL)
    return;

  g_mutex_lock (&self->readers_lock);
  while (self->readers > 0)
    g_cond_wait (&self->readers_done, &self->readers_lock);
  g_mutex_unlock (&self->readers_lock);
}

CspPlan *
csp_plan_new (void)
{
  return CSP_PLAN (csp_item_new (CSP_KIND_PLAN));
}

void
_csp_plan_emit_changed (CspPlan    *self,
                        CspItem    *item,
                        const char *key)
{
  const CspKindInfo *info = csp_item_get_info (item);
  int field = csp_kind_find_field (info, key);

  /* The index only goes stale when objects come or go. */
  if (field >= 0 && info->fields[field].type == CSP_FIELD_LIST)
    g_clear_pointer (&self->index, g_hash_table_unref);

  g_signal_emit (self, signals[CHANGED], 0, item, key);
}

typedef struct
{
  CspWalkFunc func;
  gpointer    user_data;
} Walk;

static gboolean
walk (CspItem *item,
      Walk    *w)
{
  const CspKindInfo *info = csp_item_get_info (item);

  if (!w->func (item, w->user_data))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];

      if (field->type == CSP_FIELD_OBJECT)
        {
          if (!walk (csp_item_get_object (item, field->key), w))
            return FALSE;
        }
      else if (field->type == CSP_FIELD_LIST)
        {
          GListModel *list = csp_item_get_list (item, field->key);
          guint n = g_list_model_get_n_items (list);

          /* The list once, not csp_item_get_child () for each child,
           * which looks the field up by name every time: the walk
           * visits every object of a plan, 80,000 in a county's. */
          for (guint j = 0; j < n; j++)
            {
              g_autoptr(CspItem) child = g_list_model_get_item (list, j);

              if (!walk (child, w))
                return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
csp_item_walk (CspItem     *root,
               CspWalkFunc  func,
               gpointer     user_data)
{
  Walk w = { func, user_data };

  g_return_val_if_fail (CSP_IS_ITEM (root), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return walk (root, &w);
}

static gboolean
index_item (CspItem  *item,
            gpointer  user_data)
{
  GHashTable *index = user_data;
  const char *id = csp_item_get_id (item);

  if (id != NULL && csp_item_get_kind (item) != CSP_KIND_TOMBSTONE)
    g_hash_table_insert (index, (gpointer) id, item);

  return TRUE;
}

CspItem *
csp_plan_lookup (CspPlan    *self,
                 const char *id)
{
  g_return_val_if_fail (CSP_IS_PLAN (self), NULL);

  if (id == NULL)
    return NULL;

  if (self->index == NULL)
    {
      self->index = g_hash_table_new (g_str_hash, g_str_equal);
      csp_item_walk (CSP_ITEM (self), index_item, self->index);
    }

  return g_hash_table_lookup (self->index, id);
}

void
csp_plan_add_tombstone (CspPlan    *self,
                        const char *id)
{
  g_autoptr(CspItem) tombstone = NULL;
  g_autofree char *now = csp_timestamp_now ();
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_TOMBSTONE);

  g_return_if_fail (CSP_IS_PLAN (self));
  g_return_if_fail (id != NULL);

  tombstone = csp_item_new (CSP_KIND_TOMBSTONE);
  _csp_item_set_string_raw (tombstone, info->id_field, id);
  _csp_item_set_string_raw (tombstone, info->modified_field, now);
  csp_item_append (CSP_ITEM (self), "deleted", tombstone);
}

static void
collect_actions (CspItem   *item,
                 GPtrArray *actions)
{
  const CspKindInfo *info = csp_item_get_info (item);

  if (csp_item_get_kind (item) == CSP_KIND_ACTION)
    {
      g_ptr_array_add (actions, item);
      return;
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];
      GListModel *list;
      guint n;

      /* Actions are in lists (a theme's); nested objects such as the
       * period hold none. */
      if (field->type != CSP_FIELD_LIST)
        continue;

      list = csp_item_get_list (item, field->key);
      n = g_list_model_get_n_items (list);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CspItem) child = g_list_model_get_item (list, j);

          collect_actions (child, actions);
        }
    }
}

GPtrArray *
csp_item_collect_actions (CspItem *root)
{
  GPtrArray *actions = g_ptr_array_new ();

  g_return_val_if_fail (CSP_IS_ITEM (root), actions);

  collect_actions (root, actions);
  return actions;
}

GPtrArray *
csp_plan_collect_actions (CspPlan  *self,
                          gboolean  review)
{
  GPtrArray *actions = g_ptr_array_new ();
  CspItem *root = CSP_ITEM (self);
  GListModel *priorities;

  g_return_val_if_fail (CSP_IS_PLAN (self), actions);

  if (review)
    root = csp_item_get_object (root, "review");
  priorities = csp_item_get_list (root, "priorities");

  for (guint i = 0; i < g_list_model_get_n_items (priorities); i++)
    collect_actions (csp_item_get_child (root, "priorities", i), actions);

  return actions;
}

CspStatus
csp_action_get_status (CspItem *action)
{
  CspStatus status = CSP_STATUS_NOT_STARTED;

  g_return_val_if_fail (CSP_IS_ACTION (action), status);

  csp_status_from_string (csp_item_get_string (action, "status"), &status);

  return status;
}

CspItem *
csp_action_get_latest_update (CspItem    *action,
                              const char *until)
{
  CspItem *latest = NULL;
  guint n;

  g_return_val_if_fail (CSP_IS_ACTION (action), NULL);

  n = csp_item_get_n_children (action, "updates");
  for (guint i = 0; i < n; i++)
    {
      CspItem *update = csp_item_get_child (action, "updates", i);
      const char *date = csp_item_get_string (update, "date");

      /* Dates are YYYY-MM-DD, so they compare as strings. */
      if (until != NULL && strcmp (date, until) > 0)
        continue;
      if (latest == NULL || strcmp (date, csp_item_get_string (latest, "date")) >= 0)
        latest = update;
    }

  return latest;
}

gboolean
csp_action_has_update_between (CspItem    *action,
                               const char *first,
                               const char *last)
{
  guint n;

  g_return_val_if_fail (CSP_IS_ACTION (action), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  n = csp_item_get_n_children (action, "updates");
  for (guint i = 0; i < n; i++)
    {
      const char *date = csp_item_get_string (csp_item_get_child (action, "updates", i), "date");

      if (strcmp (date, first) >= 0 && strcmp (date, last) <= 0)
        return TRUE;
    }

  return FALSE;
}

CspItem *
csp_action_get_theme (CspItem *action)
{
  g_return_val_if_fail (CSP_IS_ACTION (action), NULL);

  return csp_item_get_parent (action);
}

CspItem *
csp_action_get_priority (CspItem *action)
{
  CspItem *theme = csp_action_get_theme (action);

  return theme != NULL ? csp_item_get_parent (theme) : NULL;
}

char *
csp_owner_dup_label (CspItem *owner)
{
  const char *name = csp_item_get_string (owner, "name");
  const char *note = csp_item_get_string (owner, "note");
  CspPlan *plan;
  CspItem *partner;

  g_return_val_if_fail (CSP_IS_OWNER (owner), NULL);

  if ((plan = csp_item_get_plan (owner)) != NULL &&
      (partner = csp_plan_lookup (plan, csp_item_get_string (owner, "partner"))) != NULL)
    {
      name = csp_item_get_string (partner, "short_name");
      if (*name == '\0')
        name = csp_item_get_string (partner, "name");
    }

  if (*note != '\0')
    return g_strdup_printf ("%s (%s)", name, note);

  return g_strdup (name);
}

char *
csp_action_dup_owners_label (CspItem *action)
{
  g_autoptr(GString) label = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (CSP_IS_ACTION (action), NULL);

  n = csp_item_get_n_children (action, "owners");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *owner = csp_owner_dup_label (csp_item_get_child (action, "owners", i));

      if (label->len > 0)
        g_string_append (label, "; ");
      g_string_append (label, owner);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

gboolean
csp_action_is_led_by (CspItem    *action,
                      const char *partner_id)
{
  guint n;

  g_return_val_if_fail (CSP_IS_ACTION (action), FALSE);

  n = csp_item_get_n_children (action, "owners");
  for (guint i = 0; i < n; i++)
    {
      CspItem *owner = csp_item_get_child (action, "owners", i);

      if (g_strcmp0 (csp_item_get_string (owner, "partner"), partner_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
count_item (CspItem  *item,
            gpointer  user_data)
{
  CspCounts *counts = user_data;

  switch (csp_item_get_kind (item))
    {
    case CSP_KIND_PRIORITY: counts->priorities++; break;
    case CSP_KIND_THEME: counts->themes++; break;
    case CSP_KIND_ACTION: counts->actions++; break;
    case CSP_KIND_UPDATE: counts->updates++; break;
    default: break;
    }

  return TRUE;
}

void
csp_plan_count (CspPlan   *self,
                gboolean   review,
                CspCounts *counts)
{
  CspItem *root = CSP_ITEM (self);
  guint n;

  g_return_if_fail (CSP_IS_PLAN (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (review)
    root = csp_item_get_object (root, "review");

  n = csp_item_get_n_children (root, "priorities");
  for (guint i = 0; i < n; i++)
    csp_item_walk (csp_item_get_child (root, "priorities", i), count_item, counts);
}
