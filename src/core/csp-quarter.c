/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-quarter"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "csp-quarter.h"

gboolean
csp_quarter_parse (const char *text,
                   CspQuarter *quarter)
{
  int year, q;
  char tail;

  g_return_val_if_fail (quarter != NULL, FALSE);

  if (text == NULL || strlen (text) != 7 ||
      sscanf (text, "%4d-Q%1d%c", &year, &q, &tail) != 2 ||
      year < 1900 || q < 1 || q > 4)
    return FALSE;

  quarter->year = year;
  quarter->quarter = q;
  return TRUE;
}

char *
csp_quarter_to_string (CspQuarter quarter)
{
  return g_strdup_printf ("%04d-Q%d", quarter.year, quarter.quarter);
}

char *
csp_quarter_dup_label (CspQuarter quarter)
{
  /* Translators: the months of the financial quarters, "April to June" */
  static const char *months[] = { N_("April to June"), N_("July to September"),
                                  N_("October to December"), N_("January to March") };
  int calendar_year = quarter.year + (quarter.quarter == 4 ? 1 : 0);

  g_return_val_if_fail (quarter.quarter >= 1 && quarter.quarter <= 4, NULL);

  /* Translators: "Q2 2018-19 (July to September 2018)" */
  return g_strdup_printf (_("Q%d %d-%02d (%s %d)"), quarter.quarter, quarter.year,
                          (quarter.year + 1) % 100,
                          g_dgettext (GETTEXT_PACKAGE, months[quarter.quarter - 1]),
                          calendar_year);
}

void
csp_quarter_get_range (CspQuarter  quarter,
                       char       *first,
                       char       *last)
{
  static const char *starts[] = { "04-01", "07-01", "10-01", "01-01" };
  static const char *ends[] = { "06-30", "09-30", "12-31", "03-31" };
  int calendar_year = quarter.year + (quarter.quarter == 4 ? 1 : 0);

  g_return_if_fail (quarter.quarter >= 1 && quarter.quarter <= 4);

  if (first != NULL)
    g_snprintf (first, 11, "%04d-%s", calendar_year, starts[quarter.quarter - 1]);
  if (last != NULL)
    g_snprintf (last, 11, "%04d-%s", calendar_year, ends[quarter.quarter - 1]);
}

gboolean
csp_quarter_for_date (const char *date,
                      CspQuarter *quarter)
{
  int year, month, day;
  char tail;

  g_return_val_if_fail (quarter != NULL, FALSE);

  if (date == NULL || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      month < 1 || month > 12)
    return FALSE;

  if (month <= 3)
    {
      quarter->year = year - 1;
      quarter->quarter = 4;
    }
  else
    {
      quarter->year = year;
      quarter->quarter = (month - 4) / 3 + 1;
    }

  return TRUE;
}

int
csp_quarter_compare (CspQuarter a,
                     CspQuarter b)
{
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.quarter != b.quarter)
    return a.quarter < b.quarter ? -1 : 1;
  return 0;
}

char *
csp_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static CspQuarter
today_quarter (const char *today)
{
  g_autofree char *date = csp_date_today ();
  CspQuarter quarter = { 2018, 1 };

  csp_quarter_for_date (today != NULL ? today : date, &quarter);
  return quarter;
}

static gboolean
get_period (CspPlan    *plan,
            CspQuarter *first,
            CspQuarter *last)
{
  CspItem *period = csp_item_get_object (CSP_ITEM (plan), "period");

  return csp_quarter_for_date (csp_item_get_string (period, "start"), first) &&
         csp_quarter_for_date (csp_item_get_string (period, "end"), last) &&
         csp_quarter_compare (*first, *last) <= 0;
}

static CspQuarter
next_quarter (CspQuarter q)
{
  if (++q.quarter > 4)
    {
      q.quarter = 1;
      q.year++;
    }
  return q;
}

GArray *
csp_plan_list_quarters (CspPlan *plan)
{
  GArray *quarters = g_array_new (FALSE, FALSE, sizeof (CspQuarter));
  CspQuarter first, last;

  g_return_val_if_fail (CSP_IS_PLAN (plan), quarters);

  if (!get_period (plan, &first, &last))
    {
      first = today_quarter (NULL);
      first.quarter = 1;
      last = first;
      last.quarter = 4;
    }

  /* A period of many years is an archive; its quarters are all listed. */
  for (CspQuarter q = first; csp_quarter_compare (q, last) <= 0; q = next_quarter (q))
    g_array_append_val (quarters, q);

  return quarters;
}

CspQuarter
csp_plan_get_default_quarter (CspPlan *plan)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GArray) quarters = NULL;
  const char *latest = NULL;
  CspQuarter quarter;

  g_return_val_if_fail (CSP_IS_PLAN (plan), today_quarter (NULL));

  quarters = csp_plan_list_quarters (plan);
  quarter = g_array_index (quarters, CspQuarter, 0);

  actions = csp_plan_collect_actions (plan, FALSE);
  for (guint i = 0; i < actions->len; i++)
    {
      CspItem *update = csp_action_get_latest_update (g_ptr_array_index (actions, i), NULL);

      if (update != NULL &&
          (latest == NULL || strcmp (csp_item_get_string (update, "date"), latest) > 0))
        latest = csp_item_get_string (update, "date");
    }

  if (latest != NULL)
    {
      CspQuarter last = g_array_index (quarters, CspQuarter, quarters->len - 1);

      csp_quarter_for_date (latest, &quarter);
      if (csp_quarter_compare (quarter, last) > 0)
        quarter = last;
      if (csp_quarter_compare (quarter, g_array_index (quarters, CspQuarter, 0)) < 0)
        quarter = g_array_index (quarters, CspQuarter, 0);
    }

  return quarter;
}

CspQuarter
csp_plan_get_current_quarter (CspPlan    *plan,
                              const char *today)
{
  g_autoptr(GArray) quarters = NULL;
  CspQuarter quarter = today_quarter (today);
  CspQuarter first, last;

  g_return_val_if_fail (CSP_IS_PLAN (plan), quarter);

  quarters = csp_plan_list_quarters (plan);
  first = g_array_index (quarters, CspQuarter, 0);
  last = g_array_index (quarters, CspQuarter, quarters->len - 1);

  if (csp_quarter_compare (quarter, first) < 0)
    return first;
  if (csp_quarter_compare (quarter, last) > 0)
    return last;
  return quarter;
}
