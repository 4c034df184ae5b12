/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-test-util.h"
#include "csp-format.h"

typedef struct
{
  guint       count;
  CspItem    *item;
  char       *key;
} Changes;

static void
on_changed (CspPlan    *plan,
            CspItem    *item,
            const char *key,
            Changes    *changes)
{
  changes->count++;
  changes->item = item;
  g_free (changes->key);
  changes->key = g_strdup (key);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static CspItem *
first_action (CspPlan *plan)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);

  return g_ptr_array_index (actions, 0);
}

static void
test_properties_and_stamping (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *action = first_action (plan);
  CspItem *theme = csp_action_get_theme (action);
  Changes changes = { 0 };
  guint notified = 0;
  g_autofree char *text = NULL;

  csp_timestamp_set_fixed ("2018-07-02T10:00:00Z");
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changes);
  g_signal_connect (action, "notify::text", G_CALLBACK (on_notify), &notified);

  g_object_get (action, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "Work in Partnership to disrupt recognised gangs/OCGs and identify existing and emerging groups");

  /* The property and the key-based API are the same value. */
  g_object_set (action, "text", "Disrupt gangs", NULL);
  g_assert_cmpstr (csp_item_get_string (action, "text"), ==, "Disrupt gangs");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_true (changes.item == action);
  g_assert_cmpstr (changes.key, ==, "text");
  g_assert_cmpstr (csp_item_get_modified (action), ==, "2018-07-02T10:00:00Z");
  /* Only the object that changed is stamped. */
  g_assert_cmpstr (csp_item_get_modified (theme), ==, "2018-04-01T00:00:00Z");

  /* Setting the same value is no edit. */
  csp_item_set_string (action, "text", "Disrupt gangs");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changes.count, ==, 1);

  csp_timestamp_set_fixed (NULL);
  g_free (changes.key);
}

static void
test_stamps_nearest_owner_of_modified (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, TRUE);
  CspItem *action = g_ptr_array_index (actions, 0);
  CspItem *update = csp_item_get_child (action, "updates", 0);
  CspItem *period = csp_item_get_object (CSP_ITEM (plan), "period");

  csp_timestamp_set_fixed ("2018-05-05T05:05:05Z");

  /* An update has no "modified" of its own: its action is stamped. */
  csp_item_set_string (update, "text", "Ten referrals.");
  g_assert_cmpstr (csp_item_get_modified (action), ==, "2018-05-05T05:05:05Z");

  /* The period belongs to the plan. */
  csp_item_set_string (period, "end", "2019-06-30");
  g_assert_cmpstr (csp_item_get_modified (CSP_ITEM (plan)), ==, "2018-05-05T05:05:05Z");

  csp_timestamp_set_fixed (NULL);
}

static void
test_insert_and_remove (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *action = first_action (plan);
  CspItem *theme = csp_action_get_theme (action);
  g_autoptr(CspItem) added = csp_item_new (CSP_KIND_ACTION);
  g_autofree char *id = g_strdup (csp_item_get_id (action));
  guint before = csp_item_get_n_children (theme, "actions");
  guint deleted = csp_item_get_n_children (CSP_ITEM (plan), "deleted");
  guint position;
  CspItem *tombstone;

  csp_item_set_string (added, "text", "A new action");
  csp_item_insert (theme, "actions", 1, added);
  g_assert_cmpuint (csp_item_get_n_children (theme, "actions"), ==, before + 1);
  g_assert_true (csp_item_get_parent (added) == theme);
  g_assert_true (csp_plan_lookup (plan, csp_item_get_id (added)) == added);
  g_assert_true (csp_item_find (theme, "actions", added, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpstr (csp_item_get_parent_key (added), ==, "actions");

  csp_item_remove (theme, "actions", 0);
  g_assert_null (csp_plan_lookup (plan, id));
  g_assert_cmpuint (csp_item_get_n_children (CSP_ITEM (plan), "deleted"), ==, deleted + 1);
  tombstone = csp_item_get_child (CSP_ITEM (plan), "deleted", deleted);
  g_assert_cmpstr (csp_item_get_id (tombstone), ==, id);
  g_assert_cmpstr (csp_item_get_modified (tombstone), !=, "");
}

static void
test_new_items (void)
{
  g_autoptr(CspItem) action = csp_item_new (CSP_KIND_ACTION);
  g_autoptr(CspItem) update = csp_item_new (CSP_KIND_UPDATE);
  g_autoptr(CspItem) partner = csp_item_new (CSP_KIND_PARTNER);
  g_autoptr(CspPlan) plan = csp_plan_new ();

  g_assert_true (CSP_IS_ACTION (action));
  g_assert_true (g_uuid_string_is_valid (csp_item_get_id (action)));
  g_assert_cmpstr (csp_item_get_id (action), !=, csp_item_get_id (update));
  g_assert_cmpint (csp_action_get_status (action), ==, CSP_STATUS_NOT_STARTED);
  /* An update need not set a status. */
  g_assert_cmpstr (csp_item_get_string (update, "status"), ==, "");
  g_assert_true (csp_item_get_boolean (partner, "member"));
  g_assert_nonnull (csp_item_get_object (CSP_ITEM (plan), "review"));
  g_assert_nonnull (csp_item_get_object (csp_item_get_object (CSP_ITEM (plan), "review"), "period"));
  g_assert_null (csp_item_get_id (csp_item_get_object (CSP_ITEM (plan), "period")));
  g_assert_true (G_IS_LIST_MODEL (csp_item_get_list (action, "updates")));
}

static void
test_latest_update (void)
{
  g_autoptr(CspItem) action = csp_item_new (CSP_KIND_ACTION);
  const char *dates[] = { "2018-06-30", "2018-09-12", "2018-09-12", "2018-05-01" };
  CspItem *latest;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(CspItem) update = csp_item_new (CSP_KIND_UPDATE);
      g_autofree char *text = g_strdup_printf ("update %u", i);

      csp_item_set_string (update, "date", dates[i]);
      csp_item_set_string (update, "text", text);
      csp_item_append (action, "updates", update);
    }

  /* Newest by date; of two on one day the one added last. */
  latest = csp_action_get_latest_update (action, NULL);
  g_assert_cmpstr (csp_item_get_string (latest, "text"), ==, "update 2");
  latest = csp_action_get_latest_update (action, "2018-06-30");
  g_assert_cmpstr (csp_item_get_string (latest, "text"), ==, "update 0");
  g_assert_null (csp_action_get_latest_update (action, "2018-04-30"));
}

static void
test_status (void)
{
  CspStatus status;

  for (CspStatus s = 0; s < CSP_N_STATUSES; s++)
    {
      g_assert_true (csp_status_from_string (csp_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
      g_assert_cmpuint (strlen (csp_status_get_colour (s)), ==, 7);
    }
  g_assert_false (csp_status_from_string ("green", &status));
  g_assert_false (csp_status_from_string (NULL, &status));
  g_assert_cmpstr (csp_status_get_label (CSP_STATUS_AT_RISK), ==, "At risk");
  g_assert_cmphex (csp_status_get_rgb (CSP_STATUS_ON_TRACK), ==, 0x8FD18F);
}

typedef struct
{
  guint position, removed, added, count;
} Changed;

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

/* The children of a list field are a GListModel that tells its views
 * exactly what changed. */
static void
test_child_list_model (void)
{
  g_autoptr(CspItem) theme = csp_item_new (CSP_KIND_THEME);
  GListModel *list = csp_item_get_list (theme, "actions");
  Changed changed = { 0 };
  CspItem *actions[3];
  g_autoptr(CspItem) taken = NULL;
  g_autoptr(CspItem) second = NULL;
  guint position;

  g_assert_true (g_list_model_get_item_type (list) == csp_kind_get_gtype (CSP_KIND_ACTION));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);

  for (guint i = 0; i < 3; i++)
    {
      actions[i] = csp_item_new (CSP_KIND_ACTION);
      csp_item_insert (theme, "actions", 0, actions[i]);
      g_object_unref (actions[i]);
      g_assert_cmpuint (changed.count, ==, i + 1);
      g_assert_cmpuint (changed.position, ==, 0);
      g_assert_cmpuint (changed.added, ==, 1);
      g_assert_cmpuint (changed.removed, ==, 0);
    }

  /* Inserted at the front each time: 2, 1, 0. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  second = g_list_model_get_item (list, 1);
  g_assert_true (second == actions[1]);
  g_assert_null (g_list_model_get_item (list, 3));
  g_assert_true (csp_item_find (theme, "actions", actions[0], &position));
  g_assert_cmpuint (position, ==, 2);

  taken = csp_item_take (theme, "actions", 1);
  g_assert_true (taken == actions[1]);
  g_assert_null (csp_item_get_parent (taken));
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_true (csp_item_get_child (theme, "actions", 1) == actions[0]);
  g_assert_false (csp_item_find (theme, "actions", taken, &position));

  csp_item_append (theme, "actions", taken);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_true (csp_item_get_child (theme, "actions", 2) == taken);
  g_assert_true (csp_item_get_parent (taken) == theme);
  g_assert_null (csp_item_get_child (theme, "actions", 3));
}

/* A plan's copy, made in a worker, is the same document and stands on
 * its own; an edit made while it is made is not in it. */
static void
test_copy (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GBytes) before = csp_plan_to_bytes (plan);
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CspPlan) copy = NULL;
  g_autoptr(GError) error = NULL;
  CspItem *priority;
  guint n_themes;

  csp_plan_copy_async (plan, NULL, csp_test_keep_result, &result);
  csp_item_set_string (CSP_ITEM (plan), "area", "Kent");
  csp_test_wait_for_result (&result);
  copy = csp_plan_copy_finish (plan, result, &error);
  g_assert_no_error (error);

  copied = csp_plan_to_bytes (copy);
  g_assert_true (g_bytes_equal (copied, before));
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (plan), "area"), ==, "Kent");

  priority = csp_item_get_child (CSP_ITEM (copy), "priorities", 0);
  g_assert_true (csp_item_get_parent (priority) == CSP_ITEM (copy));
  g_assert_true (csp_item_get_child (CSP_ITEM (plan), "priorities", 0) != priority);
  g_assert_cmpstr (csp_item_get_id (priority), ==,
                   csp_item_get_id (csp_item_get_child (CSP_ITEM (plan), "priorities", 0)));

  n_themes = csp_item_get_n_children (priority, "themes");
  csp_item_remove (priority, "themes", 0);
  g_assert_cmpuint (csp_item_get_n_children (csp_item_get_child (CSP_ITEM (plan), "priorities", 0), "themes"),
                    ==, n_themes);
}

/* Reads every list of @item as a view does, through GListModel. */
static guint
read_lists (CspItem *item)
{
  const CspKindInfo *info = csp_item_get_info (item);
  guint n = 1;

  for (guint i = 0; i < info->n_fields; i++)
    {
      GListModel *list;

      if (info->fields[i].type == CSP_FIELD_OBJECT)
        n += read_lists (csp_item_get_object (item, info->fields[i].key));
      if (info->fields[i].type != CSP_FIELD_LIST)
        continue;

      list = csp_item_get_list (item, info->fields[i].key);
      for (guint j = g_list_model_get_n_items (list); j > 0; j--)
        {
          g_autoptr(CspItem) child = g_list_model_get_item (list, j - 1);

          n += read_lists (child);
        }
    }

  return n;
}

/* The window goes on reading the plan while a worker writes it out. */
static void
test_read_while_written (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GBytes) expected = csp_plan_to_bytes (plan);
  guint n_objects = read_lists (CSP_ITEM (plan));

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GBytes) bytes = NULL;

      csp_plan_to_bytes_async (plan, NULL, csp_test_keep_result, &result);
      while (result == NULL)
        {
          g_assert_cmpuint (read_lists (CSP_ITEM (plan)), ==, n_objects);
          g_main_context_iteration (NULL, FALSE);
        }
      bytes = csp_plan_to_bytes_finish (plan, result, NULL);
      g_assert_true (g_bytes_equal (bytes, expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/properties-and-stamping", test_properties_and_stamping);
  g_test_add_func ("/model/stamps-nearest-owner-of-modified", test_stamps_nearest_owner_of_modified);
  g_test_add_func ("/model/insert-and-remove", test_insert_and_remove);
  g_test_add_func ("/model/child-list-model", test_child_list_model);
  g_test_add_func ("/model/copy", test_copy);
  g_test_add_func ("/model/read-while-written", test_read_while_written);
  g_test_add_func ("/model/new-items", test_new_items);
  g_test_add_func ("/model/latest-update", test_latest_update);
  g_test_add_func ("/model/status", test_status);

  return g_test_run ();
}
