/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-format.h"
#include "csp-quarter.h"

static void
test_parse_and_ranges (void)
{
  CspQuarter q;
  char first[11], last[11];
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  g_assert_true (csp_quarter_parse ("2018-Q4", &q));
  g_assert_cmpint (q.year, ==, 2018);
  g_assert_cmpint (q.quarter, ==, 4);
  csp_quarter_get_range (q, first, last);
  g_assert_cmpstr (first, ==, "2019-01-01");
  g_assert_cmpstr (last, ==, "2019-03-31");
  text = csp_quarter_to_string (q);
  g_assert_cmpstr (text, ==, "2018-Q4");
  label = csp_quarter_dup_label (q);
  g_assert_cmpstr (label, ==, "Q4 2018-19 (January to March 2019)");

  g_assert_true (csp_quarter_parse ("2018-Q1", &q));
  csp_quarter_get_range (q, first, last);
  g_assert_cmpstr (first, ==, "2018-04-01");
  g_assert_cmpstr (last, ==, "2018-06-30");

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "2018-Q5", "2018-Q0", "2018Q1", "18-Q1", "2018-Q1x", "" };

      g_assert_false (csp_quarter_parse (bad[i], &q));
    }
}

static void
test_for_date (void)
{
  const struct { const char *date; int year; int quarter; } cases[] = {
    { "2018-04-01", 2018, 1 }, { "2018-06-30", 2018, 1 }, { "2018-07-01", 2018, 2 },
    { "2018-12-31", 2018, 3 }, { "2019-01-01", 2018, 4 }, { "2019-03-31", 2018, 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CspQuarter q;

      g_assert_true (csp_quarter_for_date (cases[i].date, &q));
      g_assert_cmpint (q.year, ==, cases[i].year);
      g_assert_cmpint (q.quarter, ==, cases[i].quarter);
    }
}

static void
test_plan_quarters (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GArray) quarters = csp_plan_list_quarters (plan);
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(CspItem) update = csp_item_new (CSP_KIND_UPDATE);
  CspQuarter q;

  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpint (g_array_index (quarters, CspQuarter, 0).quarter, ==, 1);
  g_assert_cmpint (g_array_index (quarters, CspQuarter, 3).year, ==, 2018);

  /* No updates this year yet: the first quarter. */
  q = csp_plan_get_default_quarter (plan);
  g_assert_cmpint (q.quarter, ==, 1);

  csp_item_set_string (update, "date", "2018-10-15");
  csp_item_append (g_ptr_array_index (actions, 3), "updates", update);
  q = csp_plan_get_default_quarter (plan);
  g_assert_cmpint (q.year, ==, 2018);
  g_assert_cmpint (q.quarter, ==, 3);

  /* Today is moved into the plan's period. */
  q = csp_plan_get_current_quarter (plan, "2026-11-26");
  g_assert_cmpint (q.quarter, ==, 4);
  q = csp_plan_get_current_quarter (plan, "2018-08-01");
  g_assert_cmpint (q.quarter, ==, 2);
  q = csp_plan_get_current_quarter (plan, "2017-01-01");
  g_assert_cmpint (q.quarter, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quarter/parse-and-ranges", test_parse_and_ranges);
  g_test_add_func ("/quarter/for-date", test_for_date);
  g_test_add_func ("/quarter/plan-quarters", test_plan_quarters);

  return g_test_run ();
}
