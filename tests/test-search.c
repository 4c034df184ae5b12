/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-format.h"
#include "csp-search.h"

static const char *plan_json =
  "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\","
  " \"partners\": [{\"id\": \"p1\", \"name\": \"Kent Police\", \"short_name\": \"KP\"}],"
  " \"priorities\": [{\"title\": \"P\", \"themes\": [{\"title\": \"\", \"actions\": ["
  "   {\"text\": \"Street Pastors in Tonbridge\", \"owners\": [{\"partner\": \"p1\"}],"
  "    \"updates\": [{\"date\": \"2018-05-01\", \"author\": \"Zoë Åberg\", \"text\": \"Patrols ÉTÉ\"}]},"
  "   {\"text\": \"Other\", \"owners\": [{\"name\": \"All partners\"}]}]}]}]}";

static CspPlan *
load (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (plan_json, strlen (plan_json));
  g_autoptr(GError) error = NULL;
  CspPlan *plan = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return plan;
}

static gboolean
matches (CspSearchIndex *index,
         CspItem        *action,
         const char     *text)
{
  g_autofree char *needle = csp_search_fold (text);

  return csp_search_index_matches (index, action, needle);
}

static void
test_fold (void)
{
  const char *texts[] = { "", "ABC xyz", "Zoë ÅBERG", "Straße", "ǅ ΣΑΣ İ", "Mixed ascii and ÉTÉ text" };

  /* The same as GLib's, however the text mixes ASCII and the rest. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *ours = csp_search_fold (texts[i]);
      g_autofree char *glib = g_utf8_casefold (texts[i], -1);

      g_assert_cmpstr (ours, ==, glib);
    }
}

static void
test_fields (void)
{
  g_autoptr(CspPlan) plan = load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(CspSearchIndex) index = csp_search_index_new (plan);
  CspItem *first = g_ptr_array_index (actions, 0);
  CspItem *second = g_ptr_array_index (actions, 1);

  g_assert_true (matches (index, first, "street PASTORS"));
  g_assert_true (matches (index, first, "kp"));
  g_assert_true (matches (index, first, "patrols été"));
  g_assert_true (matches (index, first, "zoË"));
  g_assert_false (matches (index, first, "tonbridge kp"));
  g_assert_false (matches (index, first, "all partners"));
  g_assert_true (matches (index, second, "ALL PARTNERS"));
  g_assert_false (matches (index, second, "street"));
}

static void
test_follows_edits (void)
{
  g_autoptr(CspPlan) plan = load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(CspSearchIndex) index = csp_search_index_new (plan);
  CspItem *first = g_ptr_array_index (actions, 0);
  CspItem *update = csp_item_get_child (first, "updates", 0);
  g_autoptr(CspItem) added = csp_item_new (CSP_KIND_UPDATE);

  g_assert_false (matches (index, first, "cancelled"));
  csp_item_set_string (update, "text", "Cancelled");
  g_assert_true (matches (index, first, "cancelled"));

  csp_item_set_string (added, "date", "2018-06-01");
  csp_item_set_string (added, "author", "Wardens");
  csp_item_append (first, "updates", added);
  g_assert_true (matches (index, first, "wardens"));

  /* A partner's new name reaches the owners of its actions. */
  g_assert_false (matches (index, first, "kent constabulary"));
  csp_item_set_string (csp_plan_lookup (plan, "p1"), "short_name", "Kent Constabulary");
  g_assert_true (matches (index, first, "kent constabulary"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/fields", test_fields);
  g_test_add_func ("/search/follows-edits", test_follows_edits);

  return g_test_run ();
}
