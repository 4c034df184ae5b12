/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hidden-pages"

#include "config.h"

#include <gtk/gtk.h>

#include "csp-test-ui.h"
#include "csp-format.h"
#include "csp-window.h"

/* A plan opens on its overview; the pages and menus the window does
 * not show yet get the plan's partners only when they are shown (a
 * hidden list still makes a row for each of hundreds of partners), and
 * nothing the user can see or do depends on when that happens. */

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >, 0);

  return found->pdata[0];
}

static CspWindow *
new_window (CspPlan *plan)
{
  CspWindow *window = csp_window_new (NULL);

  csp_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  csp_test_spin ();

  return window;
}

static void
select_page (CspWindow  *window,
             const char *label)
{
  GtkListBox *sidebar = csp_window_get_sidebar (window);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), label))
        {
          gtk_list_box_select_row (sidebar, GTK_LIST_BOX_ROW (row));
          csp_test_spin ();
          return;
        }
    }

  g_assert_not_reached ();
}

/* The partners the partners page lists. */
static GListModel *
partners_shown (CspWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (csp_window_get_main_stack (window), "partners");

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (page, GTK_TYPE_LIST_VIEW))));
}

static guint
n_partners (CspPlan *plan)
{
  return csp_item_get_n_children (CSP_ITEM (plan), "partners");
}

static void
test_partners_page (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(CspPlan) other = csp_sample_load ();
  CspWindow *window = new_window (plan);
  GListModel *shown = partners_shown (window);
  g_autoptr(CspItem) first = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "overview");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  select_page (window, "Partners");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_partners (plan));
  first = g_list_model_get_item (shown, 0);
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (window), csp_item_get_string (first, "name")));

  /* Another plan opened from the partners page: the page lets go of
   * the first plan, and lists the new one's partners when shown. */
  csp_item_remove (CSP_ITEM (other), "partners", 0);
  csp_window_set_plan (window, other, NULL);
  csp_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "overview");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  select_page (window, "Partners");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_partners (other));
  g_assert_cmpuint (n_partners (other), ==, n_partners (plan) - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Going to a partner from anywhere shows it, the page not shown before. */
static void
test_show_partner (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *partner = csp_item_get_child (CSP_ITEM (plan), "partners", 5);
  CspWindow *window = new_window (plan);
  GListModel *shown = partners_shown (window);

  csp_window_show_item (window, partner);
  csp_test_spin ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "partners");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_partners (plan));
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown)) == partner);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_glossary_and_text (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  CspItem *term = csp_item_get_child (CSP_ITEM (plan), "glossary", 0);
  CspItem *section = csp_item_get_child (CSP_ITEM (plan), "sections", 0);
  CspWindow *window = new_window (plan);

  g_assert_null (csp_test_find_label (GTK_WIDGET (window), csp_item_get_string (term, "term")));

  select_page (window, "Glossary");
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (window), csp_item_get_string (term, "term")));

  select_page (window, "Plan text");
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (window), csp_item_get_string (section, "title")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The action list's owner menu: one choice per partner once shown;
 * filtering by owner works before. */
static void
test_owner_menu (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  CspItem *partner = csp_item_get_child (CSP_ITEM (plan), "partners", 0);
  const char *id = csp_item_get_id (partner);
  CspWindow *window = new_window (plan);
  CspActionList *list = csp_window_get_action_list (window);
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  GtkDropDown *owner_menu = NULL;
  guint led = 0;

  collect_widgets (GTK_WIDGET (list), GTK_TYPE_DROP_DOWN, menus);
  for (guint i = 0; i < menus->len; i++)
    {
      if (gtk_drop_down_get_model (menus->pdata[i]) == NULL)
        {
          g_assert_null (owner_menu);
          owner_menu = menus->pdata[i];
        }
    }
  g_assert_nonnull (owner_menu);

  for (guint i = 0; i < actions->len; i++)
    led += csp_action_is_led_by (actions->pdata[i], id);
  g_assert_cmpuint (led, >, 0);

  /* Set while the list is hidden, the filter holds once it is shown. */
  csp_action_list_set_owner_filter (list, id);
  select_page (window, "Action plan");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (owner_menu)), ==,
                    n_partners (plan) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (csp_action_list_get_model (list)), ==, led);

  csp_action_list_clear_filters (list);
  g_assert_cmpuint (gtk_drop_down_get_selected (owner_menu), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (csp_action_list_get_model (list)), ==, actions->len);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display: the window tests need one (run them under xvfb-run)");
      return g_test_run ();
    }

  g_test_add_func ("/hidden-pages/partners", test_partners_page);
  g_test_add_func ("/hidden-pages/show-partner", test_show_partner);
  g_test_add_func ("/hidden-pages/glossary-and-text", test_glossary_and_text);
  g_test_add_func ("/hidden-pages/owner-menu", test_owner_menu);

  return g_test_run ();
}
