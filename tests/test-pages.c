/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pages"

#include "config.h"

#include <gtk/gtk.h>

#include "csp-test-ui.h"
#include "csp-format.h"
#include "csp-glossary-page.h"
#include "csp-links.h"
#include "csp-overview-page.h"
#include "csp-page-util.h"
#include "csp-partners-page.h"
#include "csp-quarter.h"
#include "csp-status-bar.h"
#include "csp-text-page.h"

static gboolean have_display;

#define REQUIRE_DISPLAY()                               \
  G_STMT_START {                                        \
    if (!have_display)                                  \
      {                                                 \
        g_test_skip ("no display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

/* Lets the pages' idle refreshes run. */
static GtkWindow *
show_in_window (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1024, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  csp_test_spin ();

  return window;
}

static GtkWidget *
find_by_name (GtkWidget  *root,
              const char *name)
{
  g_autoptr(GPtrArray) all = csp_test_find_widgets (root, GTK_TYPE_WIDGET);

  for (guint i = 0; i < all->len; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (all->pdata[i]), name) == 0)
        return all->pdata[i];
    }

  return NULL;
}

/* The label showing exactly @text and visible on screen, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = csp_test_find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (g_strcmp0 (gtk_label_get_label (label), text) == 0 &&
          gtk_widget_is_drawable (GTK_WIDGET (label)))
        return label;
    }

  return NULL;
}

static GPtrArray *
list_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_ptr_array_add (rows, row);

  return rows;
}

static gboolean
rows_hold (GtkListBox *list,
           CspItem    *item)
{
  g_autoptr(GPtrArray) rows = list_rows (list);

  for (guint i = 0; i < rows->len; i++)
    {
      if (csp_page_get_item (rows->pdata[i]) == item)
        return TRUE;
    }

  return FALSE;
}

static void
on_show_item (GtkWidget *page,
              CspItem   *item,
              CspItem  **shown)
{
  *shown = item;
}

/* The bars of the chart, not the swatches of its key. */
static GPtrArray *
find_chart_bars (GtkWidget *page)
{
  g_autoptr(GPtrArray) all = csp_test_find_widgets (page, CSP_TYPE_STATUS_BAR);
  GPtrArray *bars = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      if (!gtk_widget_has_css_class (all->pdata[i], "swatch"))
        g_ptr_array_add (bars, all->pdata[i]);
    }

  return bars;
}

static gboolean
count_status (CspItem  *item,
              gpointer  user_data)
{
  guint *counts = user_data;

  if (CSP_IS_ACTION (item))
    counts[csp_action_get_status (item)]++;

  return TRUE;
}

/* Overview */

static void
test_overview_counts (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  GtkWidget *page;
  GtkWindow *window;
  CspItem *first;
  guint expected[CSP_N_STATUSES] = { 0, };
  guint total = 0;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  page = csp_overview_page_new ();
  csp_overview_page_set_plan (CSP_OVERVIEW_PAGE (page), plan);
  window = show_in_window (page);

  g_assert_nonnull (find_label (page, "Partnership Plan 2018 - 2019"));
  g_assert_nonnull (find_label (page, "Tonbridge and Malling Community Safety Partnership"));
  g_assert_nonnull (find_label (page, "1 April 2018 to 31 March 2019"));

  /* One bar per priority and one for them all. */
  bars = find_chart_bars (page);
  g_assert_cmpuint (bars->len, ==, csp_item_get_n_children (CSP_ITEM (plan), "priorities") + 1);

  first = csp_item_get_child (CSP_ITEM (plan), "priorities", 0);
  csp_item_walk (first, count_status, expected);
  g_assert_cmpuint (expected[CSP_STATUS_NOT_STARTED], ==, 9);
  g_assert_cmpuint (csp_status_bar_get_count (bars->pdata[0], CSP_STATUS_NOT_STARTED), ==, 9);
  gtk_test_accessible_assert_property (bars->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Organised Crime: 9 actions: 9 not started");

  for (guint i = 0; i + 1 < bars->len; i++)
    total += csp_status_bar_get_count (bars->pdata[i], CSP_STATUS_NOT_STARTED);
  g_assert_cmpuint (total, ==, 35);
  g_assert_cmpuint (csp_status_bar_get_count (g_ptr_array_index (bars, bars->len - 1), CSP_STATUS_NOT_STARTED), ==, 35);
  g_assert_cmpuint (csp_status_bar_get_count (g_ptr_array_index (bars, bars->len - 1), CSP_STATUS_OFF_TRACK), ==, 0);

  /* The same figures as visible text. */
  g_assert_nonnull (find_label (page, "35 actions: 35 not started"));
  g_assert_nonnull (find_label (page, "9 actions: 9 not started"));

  /* Nothing is off track, at risk or overdue; no action of this year
   * has an update yet, so all of them are stale. */
  g_assert_cmpint (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_name (page, "off-track-list")), 0) == NULL, ==, TRUE);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_name (page, "at-risk-list")), 0));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_name (page, "overdue-list")), 0));
  stale = list_rows (GTK_LIST_BOX (find_by_name (page, "stale-list")));
  g_assert_cmpuint (stale->len, ==, MIN (35, CSP_OVERVIEW_CHASE_MAX_ROWS + 1));
  g_assert_nonnull (find_label (page, "No update in Q4 2018-19 (January to March 2019) (35)"));

  gtk_window_destroy (window);
}

/* A county-sized plan has thousands of actions to chase: the list
 * shows the first ones and says how many more there are. */
static void
test_overview_chasing_capped (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  CspItem *theme;
  GtkWidget *page;
  GtkWindow *window;
  GtkListBoxRow *more;
  g_autofree char *more_text = NULL;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  theme = csp_item_get_child (csp_item_get_child (CSP_ITEM (plan), "priorities", 0), "themes", 0);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CspItem) action = csp_item_new (CSP_KIND_ACTION);

      csp_item_set_string (action, "text", "Another action");
      csp_item_append (theme, "actions", action);
    }
  page = csp_overview_page_new ();
  csp_overview_page_set_plan (CSP_OVERVIEW_PAGE (page), plan);
  window = show_in_window (page);

  /* 75 stale actions: the first rows, then one that says so. */
  stale = list_rows (GTK_LIST_BOX (find_by_name (page, "stale-list")));
  g_assert_cmpuint (stale->len, ==, CSP_OVERVIEW_CHASE_MAX_ROWS + 1);
  for (guint i = 0; i < CSP_OVERVIEW_CHASE_MAX_ROWS; i++)
    g_assert_nonnull (csp_page_get_item (stale->pdata[i]));
  more = stale->pdata[CSP_OVERVIEW_CHASE_MAX_ROWS];
  g_assert_null (csp_page_get_item (GTK_WIDGET (more)));
  g_assert_false (gtk_list_box_row_get_activatable (more));
  more_text = g_strdup_printf ("…and %u more: the action list’s filters show them all",
                               75 - CSP_OVERVIEW_CHASE_MAX_ROWS);
  g_assert_nonnull (find_label (page, more_text));

  gtk_window_destroy (window);
}

static CspItem *
update_in_current_quarter (CspPlan *plan)
{
  CspItem *update = csp_item_new (CSP_KIND_UPDATE);
  CspQuarter quarter = csp_plan_get_current_quarter (plan, NULL);
  char first[11], last[11];

  csp_quarter_get_range (quarter, first, last);
  csp_item_set_string (update, "date", first);
  csp_item_set_string (update, "text", "Met the schools' leads.");

  return update;
}

static void
test_overview_chasing (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CspItem) update = NULL;
  GtkListBox *off_track, *overdue, *stale;
  CspItem *shown = NULL;
  GtkWidget *page;
  GtkWindow *window;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  actions = csp_plan_collect_actions (plan, FALSE);
  page = csp_overview_page_new ();
  csp_overview_page_set_plan (CSP_OVERVIEW_PAGE (page), plan);
  g_signal_connect (page, "show-item", G_CALLBACK (on_show_item), &shown);
  window = show_in_window (page);
  off_track = GTK_LIST_BOX (find_by_name (page, "off-track-list"));
  overdue = GTK_LIST_BOX (find_by_name (page, "overdue-list"));
  stale = GTK_LIST_BOX (find_by_name (page, "stale-list"));

  csp_item_set_string (actions->pdata[0], "status", "off-track");
  csp_test_spin ();

  rows = list_rows (off_track);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (csp_page_get_item (rows->pdata[0]) == actions->pdata[0]);
  g_assert_nonnull (find_label (page, "Off track (1)"));

  bars = find_chart_bars (page);
  gtk_test_accessible_assert_property (bars->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Organised Crime: 9 actions: 1 off track, 8 not started");
  g_assert_nonnull (find_label (page, "35 actions: 1 off track, 34 not started"));

  g_signal_emit_by_name (rows->pdata[0], "activate");
  g_assert_true (shown == actions->pdata[0]);

  /* Overdue until it is complete; a complete action needs no update. */
  csp_item_set_string (actions->pdata[1], "due", "2000-01-31");
  csp_test_spin ();
  g_assert_true (rows_hold (overdue, actions->pdata[1]));
  g_assert_true (rows_hold (stale, actions->pdata[1]));
  csp_item_set_string (actions->pdata[1], "status", "complete");
  csp_test_spin ();
  g_assert_false (rows_hold (overdue, actions->pdata[1]));
  g_assert_false (rows_hold (stale, actions->pdata[1]));

  /* An update this quarter takes an action off the stale list. */
  update = update_in_current_quarter (plan);
  g_assert_true (rows_hold (stale, actions->pdata[2]));
  csp_item_append (actions->pdata[2], "updates", update);
  csp_test_spin ();
  g_assert_false (rows_hold (stale, actions->pdata[2]));

  gtk_window_destroy (window);
}

/* Partners */

static CspItem *
find_partner (CspPlan    *plan,
              const char *name)
{
  guint n = csp_item_get_n_children (CSP_ITEM (plan), "partners");

  for (guint i = 0; i < n; i++)
    {
      CspItem *partner = csp_item_get_child (CSP_ITEM (plan), "partners", i);

      if (g_str_equal (csp_item_get_string (partner, "name"), name))
        return partner;
    }

  return NULL;
}

static GListModel *
get_list_model (GtkWidget *page)
{
  g_autoptr(GPtrArray) views = csp_test_find_widgets (page, GTK_TYPE_LIST_VIEW);

  g_assert_cmpuint (views->len, ==, 1);

  return G_LIST_MODEL (gtk_list_view_get_model (views->pdata[0]));
}

static GtkEditable *
get_search_entry (GtkWidget *page)
{
  g_autoptr(GPtrArray) entries = csp_test_find_widgets (page, GTK_TYPE_SEARCH_ENTRY);

  g_assert_cmpuint (entries->len, ==, 1);

  return entries->pdata[0];
}

/* The actions the page lists as led, in order, plan then review. */
static GPtrArray *
shown_led_actions (GtkWidget *page)
{
  g_autoptr(GPtrArray) lists = csp_test_find_widgets (page, GTK_TYPE_LIST_BOX);
  GPtrArray *actions = g_ptr_array_new ();

  for (guint i = 0; i < lists->len; i++)
    {
      g_autoptr(GPtrArray) rows = list_rows (lists->pdata[i]);

      for (guint j = 0; j < rows->len; j++)
        g_ptr_array_add (actions, csp_page_get_item (rows->pdata[j]));
    }

  return actions;
}

static GPtrArray *
expected_led_actions (CspPlan *plan,
                      CspItem *partner)
{
  GPtrArray *expected = g_ptr_array_new ();

  for (int review = 0; review <= 1; review++)
    {
      g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, review);

      for (guint i = 0; i < actions->len; i++)
        {
          if (csp_action_is_led_by (actions->pdata[i], csp_item_get_id (partner)))
            g_ptr_array_add (expected, actions->pdata[i]);
        }
    }

  return expected;
}

static void
test_partners_search (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GPtrArray) shown_actions = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GObject) first = NULL;
  CspItem *kenward;
  CspItem *shown = NULL;
  GListModel *model;
  GtkWidget *page;
  GtkWindow *window;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  kenward = find_partner (plan, "Kenward Trust");
  page = csp_partners_page_new ();
  csp_partners_page_set_plan (CSP_PARTNERS_PAGE (page), plan);
  g_signal_connect (page, "show-item", G_CALLBACK (on_show_item), &shown);
  window = show_in_window (page);
  model = get_list_model (page);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 32);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CspItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CspItem) b = g_list_model_get_item (model, i);
      g_autofree char *ka = g_utf8_casefold (csp_item_get_string (a, "name"), -1);
      g_autofree char *kb = g_utf8_casefold (csp_item_get_string (b, "name"), -1);

      g_assert_cmpint (g_utf8_collate (ka, kb), <=, 0);
    }

  gtk_editable_set_text (get_search_entry (page), "Kenward");
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == G_OBJECT (kenward));
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)) == kenward);

  g_assert_nonnull (find_label (page, "Kenward Trust"));
  g_assert_nonnull (find_label (page, "01622 814187"));
  links = csp_test_find_widgets (page, GTK_TYPE_LINK_BUTTON);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (gtk_link_button_get_uri (links->pdata[0]), ==, "https://www.kenward.org.uk");

  /* The actions it leads, this year's and last year's. */
  expected = expected_led_actions (plan, kenward);
  shown_actions = shown_led_actions (page);
  g_assert_cmpuint (shown_actions->len, ==, expected->len);
  g_assert_cmpuint (shown_actions->len, ==, 4);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (shown_actions->pdata[i] == expected->pdata[i]);
  g_assert_false (csp_item_get_parent (csp_action_get_priority (expected->pdata[0])) ==
                  csp_item_get_object (CSP_ITEM (plan), "review"));
  g_assert_true (csp_item_get_parent (csp_action_get_priority (expected->pdata[expected->len - 1])) ==
                 csp_item_get_object (CSP_ITEM (plan), "review"));

  /* Searching by short name too. */
  gtk_editable_set_text (get_search_entry (page), "KFRS");
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_nonnull (find_label (page, "Kent Fire & Rescue Service"));

  gtk_window_destroy (window);
}

static void
test_partners_show_item (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  CspItem *shown = NULL;
  GtkWidget *page;
  GtkWindow *window;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  page = csp_partners_page_new ();
  csp_partners_page_set_plan (CSP_PARTNERS_PAGE (page), plan);
  g_signal_connect (page, "show-item", G_CALLBACK (on_show_item), &shown);
  window = show_in_window (page);

  /* A partner hidden by the search is still shown on request. */
  gtk_editable_set_text (get_search_entry (page), "Police");
  csp_test_spin ();
  csp_partners_page_show_partner (CSP_PARTNERS_PAGE (page), find_partner (plan, "Kenward Trust"));
  csp_test_spin ();
  g_assert_cmpstr (gtk_editable_get_text (get_search_entry (page)), ==, "");
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (get_list_model (page))) ==
                 find_partner (plan, "Kenward Trust"));
  g_assert_nonnull (find_label (page, "01622 814187"));

  lists = csp_test_find_widgets (page, GTK_TYPE_LIST_BOX);
  g_assert_cmpuint (lists->len, >, 0);
  rows = list_rows (lists->pdata[0]);
  g_assert_cmpuint (rows->len, >, 0);
  g_signal_emit_by_name (rows->pdata[0], "activate");
  g_assert_nonnull (shown);
  g_assert_true (shown == csp_page_get_item (rows->pdata[0]));
  g_assert_true (csp_action_is_led_by (shown, csp_item_get_id (find_partner (plan, "Kenward Trust"))));

  /* The detail and the list follow edits. */
  csp_item_set_string (find_partner (plan, "Kenward Trust"), "phone", "01622 000000");
  csp_test_spin ();
  g_assert_nonnull (find_label (page, "01622 000000"));
  g_assert_null (find_label (page, "01622 814187"));

  gtk_window_destroy (window);
}

static void
test_partners_unsafe_links (void)
{
  g_autoptr(CspPlan) plan = csp_plan_new ();
  g_autoptr(CspItem) partner = csp_item_new (CSP_KIND_PARTNER);
  g_autoptr(GPtrArray) links = NULL;
  GtkWidget *page;
  GtkWindow *window;

  REQUIRE_DISPLAY ();

  csp_item_set_string (partner, "name", "Mischief Ltd");
  csp_item_set_string (partner, "website", "javascript:alert(1)");
  csp_item_set_string (partner, "email", "file:///etc/passwd");
  csp_item_append (CSP_ITEM (plan), "partners", partner);

  page = csp_partners_page_new ();
  csp_partners_page_set_plan (CSP_PARTNERS_PAGE (page), plan);
  window = show_in_window (page);
  csp_partners_page_show_partner (CSP_PARTNERS_PAGE (page), partner);
  csp_test_spin ();

  /* Shown as text that cannot be clicked. */
  g_assert_nonnull (find_label (page, "Mischief Ltd"));
  g_assert_nonnull (find_label (page, "javascript:alert(1)"));
  g_assert_nonnull (find_label (page, "file:///etc/passwd"));
  links = csp_test_find_widgets (page, GTK_TYPE_LINK_BUTTON);
  g_assert_cmpuint (links->len, ==, 0);

  /* An ordinary address becomes a mailto link. */
  csp_item_set_string (partner, "email", "info@mischief.org.uk");
  csp_test_spin ();
  g_clear_pointer (&links, g_ptr_array_unref);
  links = csp_test_find_widgets (page, GTK_TYPE_LINK_BUTTON);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (gtk_link_button_get_uri (links->pdata[0]), ==, "mailto:info@mischief.org.uk");

  gtk_window_destroy (window);
}

static void
test_links (void)
{
  static const struct
  {
    const char *text;
    const char *web;
    const char *mail;
  } cases[] = {
    { "www.kenward.org.uk", "https://www.kenward.org.uk", NULL },
    { "  www.tmbc.gov.uk ", "https://www.tmbc.gov.uk", NULL },
    { "http://example.org/a?b=c", "http://example.org/a?b=c", NULL },
    { "HTTPS://Example.org", "HTTPS://Example.org", NULL },
    { "javascript:alert(1)", NULL, NULL },
    { "JavaScript:alert('www.x')", NULL, NULL },
    { "file:///etc/passwd", NULL, NULL },
    { "kent.gov.uk", NULL, NULL },
    { "www.x.org\" onclick=\"y", NULL, NULL },
    { "https://user:pw@example.org", NULL, NULL },
    { "https://", NULL, NULL },
    { "", NULL, NULL },
    { "csu@tmbc.gov.uk", NULL, "mailto:csu@tmbc.gov.uk" },
    { "mailto:csu@tmbc.gov.uk", NULL, "mailto:csu@tmbc.gov.uk" },
    { "csu@tmbc", NULL, NULL },
    { "javascript:x@y.org", NULL, NULL },
    { "a b@c.org", NULL, NULL },
    { "mailto:a@b.org?subject=x", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *web = csp_link_dup_web_uri (cases[i].text);
      g_autofree char *mail = csp_link_dup_mail_uri (cases[i].text);

      g_assert_cmpstr (web, ==, cases[i].web);
      g_assert_cmpstr (mail, ==, cases[i].mail);
    }
}

/* Glossary */

static void
test_glossary (void)
{
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(CspItem) term = NULL;
  GtkWidget *page;
  GtkWindow *window;
  GListModel *model;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  page = csp_glossary_page_new ();
  csp_glossary_page_set_plan (CSP_GLOSSARY_PAGE (page), plan);
  window = show_in_window (page);
  model = get_list_model (page);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 18);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CspItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CspItem) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_ascii_strcasecmp (csp_item_get_string (a, "term"), csp_item_get_string (b, "term")), <, 0);
    }

  /* A new term lands in its place. */
  term = csp_item_new (CSP_KIND_TERM);
  csp_item_set_string (term, "term", "Bail");
  csp_item_set_string (term, "definition", "Release while awaiting trial");
  csp_item_append (CSP_ITEM (plan), "glossary", term);
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 19);
  {
    g_autoptr(CspItem) second = g_list_model_get_item (model, 1);

    g_assert_true (second == term);
  }

  gtk_editable_set_text (get_search_entry (page), "ASB");
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(CspItem) found = g_list_model_get_item (model, 0);

    g_assert_cmpstr (csp_item_get_string (found, "term"), ==, "ASB");
    g_assert_cmpstr (csp_item_get_string (found, "definition"), ==, "Anti-social behaviour");
  }
  g_assert_nonnull (find_label (page, "Anti-social behaviour"));

  /* Definitions are searched too. */
  gtk_editable_set_text (get_search_entry (page), "anti-social");
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  gtk_editable_set_text (get_search_entry (page), "no such term");
  csp_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_nonnull (find_label (page, "No term matches the search"));

  gtk_window_destroy (window);
}

/* Plan text */

static void
test_text (void)
{
  g_autoptr(CspPlan) plan = NULL;
  CspItem *introduction;
  GtkLabel *heading;
  GtkWidget *page;
  GtkWindow *window;
  g_auto(GStrv) paragraphs = NULL;

  REQUIRE_DISPLAY ();

  plan = csp_sample_load ();
  introduction = csp_item_get_child (CSP_ITEM (plan), "sections", 0);
  g_assert_cmpstr (csp_item_get_string (introduction, "title"), ==, "Introduction");

  page = csp_text_page_new ();
  csp_text_page_set_plan (CSP_TEXT_PAGE (page), plan);
  window = show_in_window (page);

  heading = find_label (page, "Introduction");
  g_assert_nonnull (heading);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_ROLE_HEADING);

  /* Each paragraph of the body is a wrapped, selectable label. */
  paragraphs = g_strsplit (csp_item_get_string (introduction, "body"), "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), >, 1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      GtkLabel *label = find_label (page, paragraphs[i]);

      g_assert_nonnull (label);
      g_assert_true (gtk_label_get_wrap (label));
      g_assert_true (gtk_label_get_selectable (label));
    }

  /* The review's summary and initiatives follow. */
  g_assert_nonnull (find_label (page, "Review of projects and initiatives 2017/18"));

  csp_item_set_string (introduction, "title", "Foreword");
  csp_test_spin ();
  g_assert_nonnull (find_label (page, "Foreword"));
  g_assert_null (find_label (page, "Introduction"));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible properties are checked in-process, with no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/pages/links/only-web-and-mail", test_links);
  g_test_add_func ("/pages/overview/counts", test_overview_counts);
  g_test_add_func ("/pages/overview/chasing", test_overview_chasing);
  g_test_add_func ("/pages/overview/chasing-capped", test_overview_chasing_capped);
  g_test_add_func ("/pages/partners/search-and-detail", test_partners_search);
  g_test_add_func ("/pages/partners/show-partner-and-item", test_partners_show_item);
  g_test_add_func ("/pages/partners/unsafe-links", test_partners_unsafe_links);
  g_test_add_func ("/pages/glossary/sorted-and-searchable", test_glossary);
  g_test_add_func ("/pages/text/sections", test_text);

  return g_test_run ();
}
