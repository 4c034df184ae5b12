/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-format.h"

/* The built-in sample is the Tonbridge and Malling CSP Partnership Plan
 * 2018-2019: these tests hold it to the published document. */

static CspItem *
find_by (CspItem    *parent,
         const char *list,
         const char *key,
         const char *value)
{
  guint n = csp_item_get_n_children (parent, list);

  for (guint i = 0; i < n; i++)
    {
      CspItem *child = csp_item_get_child (parent, list, i);

      if (g_strcmp0 (csp_item_get_string (child, key), value) == 0)
        return child;
    }

  return NULL;
}

static CspItem *
find_action (CspPlan    *plan,
             gboolean    review,
             const char *prefix)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, review);

  for (guint i = 0; i < actions->len; i++)
    {
      CspItem *action = g_ptr_array_index (actions, i);

      if (g_str_has_prefix (csp_item_get_string (action, "text"), prefix))
        return action;
    }

  return NULL;
}

static void
test_counts (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspCounts counts;
  guint members = 0;
  guint n_partners = csp_item_get_n_children (CSP_ITEM (plan), "partners");

  csp_plan_count (plan, FALSE, &counts);
  g_assert_cmpuint (counts.priorities, ==, 4);
  g_assert_cmpuint (counts.themes, ==, 11);
  g_assert_cmpuint (counts.actions, ==, 35);
  g_assert_cmpuint (counts.updates, ==, 0);

  csp_plan_count (plan, TRUE, &counts);
  g_assert_cmpuint (counts.priorities, ==, 6);
  g_assert_cmpuint (counts.actions, ==, 44);
  g_assert_cmpuint (counts.updates, ==, 44);

  for (guint i = 0; i < n_partners; i++)
    members += csp_item_get_boolean (csp_item_get_child (CSP_ITEM (plan), "partners", i), "member");
  g_assert_cmpuint (members, ==, 24);
  g_assert_cmpuint (csp_item_get_n_children (CSP_ITEM (plan), "glossary"), ==, 18);
}

static void
test_priorities_and_themes (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *root = CSP_ITEM (plan);
  const char *titles[] = { "Organised Crime", "Vulnerable People", "Counter Terrorism", "Substance Misuse" };
  const guint n_themes[] = { 5, 4, 1, 1 };
  CspItem *vulnerable;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      CspItem *priority = csp_item_get_child (root, "priorities", i);

      g_assert_cmpstr (csp_item_get_string (priority, "title"), ==, titles[i]);
      g_assert_cmpuint (csp_item_get_n_children (priority, "themes"), ==, n_themes[i]);
    }

  vulnerable = csp_item_get_child (root, "priorities", 1);
  g_assert_cmpstr (csp_item_get_string (vulnerable, "scope"), ==,
                   "to include domestic abuse, Anti-social behaviour, hate crime and mental health");
  g_assert_cmpstr (csp_item_get_string (csp_item_get_child (vulnerable, "themes", 0), "title"), ==, "Domestic Abuse");
  g_assert_cmpuint (csp_item_get_n_children (csp_item_get_child (vulnerable, "themes", 0), "actions"), ==, 7);
}

static void
test_owners (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  const struct { gboolean review; const char *action; const char *owners; } cases[] = {
    { FALSE, "Link in with national campaigns to raise awareness of the issue", "TMBC (including Youth Forum)" },
    { FALSE, "Run education programmes in schools", "KCC (Early Help); Kent Police; TMBC (Youth Forum)" },
    { FALSE, "Work with 'Reform, Restore, Respect'", "RRR" },
    { FALSE, "Work with the KCC Commissioned services", "Lookahead; Choices" },
    { FALSE, "Work with schools to raise awareness", "Kent Police; Kenward Trust; Theatre ADAD" },
    { FALSE, "Promote the Prevent Strategy", "All partners" },
    { TRUE, "Identify perpetrators of ASB", "TMBC; Kent Police; Housing Associations; KCC" },
    { TRUE, "Share information and report concerns", "Kent Police; All partners" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CspItem *action = find_action (plan, cases[i].review, cases[i].action);
      g_autofree char *owners = NULL;

      g_assert_nonnull (action);
      owners = csp_action_dup_owners_label (action);
      g_assert_cmpstr (owners, ==, cases[i].owners);
    }
}

static void
test_review (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *review = csp_item_get_object (CSP_ITEM (plan), "review");
  CspItem *action = find_action (plan, TRUE, "Kenward Trust to engage with young people");
  CspItem *update = csp_action_get_latest_update (action, NULL);
  CspItem *held = find_action (plan, TRUE, "Hold multi-agency Community Awareness days");
  CspItem *ongoing = find_action (plan, TRUE, "Identify hotspot areas");

  g_assert_cmpstr (csp_item_get_string (review, "title"), ==, "Review of actions 2017/18");
  g_assert_nonnull (strstr (csp_item_get_string (review, "summary"), "7,783 incidents of victim based crime"));
  g_assert_cmpuint (csp_item_get_n_children (review, "initiatives"), ==, 7);
  g_assert_true (g_str_has_prefix (csp_item_get_string (update, "text"),
                                   "Kenward Trust have worked in four locations in the borough"));
  g_assert_cmpstr (csp_item_get_string (update, "date"), ==, "2018-03-31");

  /* Statuses derived from the update's words, where they are clear. */
  g_assert_cmpint (csp_action_get_status (held), ==, CSP_STATUS_COMPLETE);
  g_assert_cmpint (csp_action_get_status (ongoing), ==, CSP_STATUS_ON_TRACK);
  g_assert_cmpint (csp_action_get_status (action), ==, CSP_STATUS_NOT_STARTED);
  g_assert_cmpstr (csp_item_get_string (update, "status"), ==, "");
}

static void
test_partners_and_glossary (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *root = CSP_ITEM (plan);
  CspItem *police = find_by (root, "partners", "name", "Kent Police");
  CspItem *clarion = find_by (root, "partners", "name", "Clarion Housing");
  CspItem *rrr = find_by (root, "partners", "name", "Reform, Restore, Respect");
  CspItem *asb = csp_item_get_child (root, "glossary", 0);
  CspItem *tmbc = csp_item_get_child (root, "glossary", 17);
  CspItem *contact = csp_item_get_object (root, "contact");

  g_assert_cmpstr (csp_item_get_string (police, "phone"), ==, "101");
  g_assert_cmpstr (csp_item_get_string (police, "website"), ==, "www.kent.police.uk");
  g_assert_cmpstr (csp_item_get_string (clarion, "phone"), ==, "0800 197 2880");
  g_assert_false (csp_item_get_boolean (rrr, "member"));
  g_assert_cmpstr (csp_item_get_string (csp_item_get_child (root, "partners", 23), "name"), ==, "West Kent Mediation");

  g_assert_cmpstr (csp_item_get_string (asb, "term"), ==, "ASB");
  g_assert_cmpstr (csp_item_get_string (asb, "definition"), ==, "Anti-social behaviour");
  g_assert_cmpstr (csp_item_get_string (tmbc, "definition"), ==, "Tonbridge and Malling Borough Council");

  g_assert_cmpstr (csp_item_get_string (contact, "email"), ==, "csp@tmbc.gov.uk");
  g_assert_cmpstr (csp_item_get_string (root, "title"), ==, "Partnership Plan 2018 - 2019");
  g_assert_cmpstr (csp_item_get_string (csp_item_get_object (root, "period"), "start"), ==, "2018-04-01");
}

static void
test_sections (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *root = CSP_ITEM (plan);
  CspItem *intro = find_by (root, "sections", "title", "Introduction");
  CspItem *reoffending = find_by (root, "sections", "title", "Reducing reoffending");

  g_assert_nonnull (intro);
  g_assert_nonnull (strstr (csp_item_get_string (intro, "body"), "\"Our vision is for Kent to be a safe place"));
  g_assert_nonnull (reoffending);
  g_assert_true (g_str_has_prefix (csp_item_get_string (reoffending, "body"),
                                   "Reducing reoffending is a statutory requirement"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/counts", test_counts);
  g_test_add_func ("/sample/priorities-and-themes", test_priorities_and_themes);
  g_test_add_func ("/sample/owners", test_owners);
  g_test_add_func ("/sample/review", test_review);
  g_test_add_func ("/sample/partners-and-glossary", test_partners_and_glossary);
  g_test_add_func ("/sample/sections", test_sections);

  return g_test_run ();
}
