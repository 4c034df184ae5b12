/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-startup"

#include "config.h"

#include <gtk/gtk.h>

#include "csp-test-ui.h"
#include "csp-application.h"
#include "csp-format.h"
#include "csp-page-util.h"
#include "csp-window.h"

/* What the window makes before it is needed, which start-up pays for.
 *
 * A plan opens on its overview; the pages and menus the window does
 * not show yet get the plan's partners only when they are shown (a
 * hidden list still makes a row for each of hundreds of partners), and
 * nothing the user can see or do depends on when that happens. */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = csp_test_find_widgets (root, type);

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
  g_autoptr(GPtrArray) menus = csp_test_find_widgets (GTK_WIDGET (list), GTK_TYPE_DROP_DOWN);
  GtkDropDown *owner_menu = NULL;
  guint led = 0;

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

/* The spinner shown while a plan opens draws an icon of ours, a
 * symbolic PNG: the theme's is an SVG, whose loader costs 7 MB. */
static void
test_spinner_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_PREFIX "/ui/style.css", 0, NULL);
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  CspWindow *window = csp_window_new (NULL);
  g_autoptr(GPtrArray) spinners = csp_test_find_widgets (GTK_WIDGET (window), GTK_TYPE_SPINNER);

  g_assert_cmpuint (spinners->len, ==, 1);
  g_assert_true (gtk_widget_has_css_class (spinners->pdata[0], "loading-spinner"));

  g_assert_nonnull (css);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (css, NULL), g_bytes_get_size (css),
                                  "spinner.loading-spinner {\n"
                                  "  -gtk-icon-source: -gtk-icontheme(\"csp-process-working-symbolic\");"));

  /* As CspApplication has it: the icons of its resources. */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_PREFIX "/icons");
  for (int size = 16; size <= 64; size *= 2)
    {
      icon = gtk_icon_theme_lookup_icon (theme, "csp-process-working-symbolic", NULL, size, 1,
                                         GTK_TEXT_DIR_NONE, 0);
      file = gtk_icon_paintable_get_file (icon);
      uri = g_file_get_uri (file);
      g_assert_true (g_str_has_prefix (uri, "resource:///"));
      g_assert_true (g_str_has_suffix (uri, "/status/csp-process-working-symbolic.symbolic.png"));
      g_assert_true (gtk_icon_paintable_is_symbolic (icon));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (GDK_PAINTABLE (icon)), ==, size);
      g_clear_object (&icon);
      g_clear_object (&file);
      g_clear_pointer (&uri, g_free);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard shortcuts window is built when asked for, once, not
 * with every window, and Ctrl+? still asks for it. */
static void
test_help_overlay (void)
{
  g_autoptr(CspApplication) app = csp_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;
  CspWindow *window;

  /* Started on its own, away from the session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_null (accels[1]);

  window = csp_window_new (app);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  /* GTK 4.8's shortcuts window measures a label of its own too small
   * (a warning) under Xvfb. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  csp_test_spin ();
  g_log_set_always_fatal (fatal);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (overlay), "Open a plan"));

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The header bar's menus are made when first opened. */
static void
test_menus (void)
{
  CspWindow *window = csp_window_new (NULL);
  g_autoptr(GPtrArray) buttons = NULL;
  guint n_menus = 0;

  gtk_window_present (GTK_WINDOW (window));
  csp_test_spin ();
  buttons = csp_test_find_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

      if (g_strcmp0 (name, "Main menu") != 0 && g_strcmp0 (name, "Open a recent plan") != 0)
        continue;

      n_menus++;
      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      gtk_menu_button_popup (button);
      csp_test_spin ();
      g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (button)));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));
      if (g_str_equal (name, "Main menu"))
        g_assert_nonnull (csp_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                                               "_Keyboard Shortcuts"));
      gtk_menu_button_popdown (button);
    }
  g_assert_cmpuint (n_menus, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The overview's rows name owners as the action list does, without
 * the plan's index of every id. */
static void
test_owners_label (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(GPtrArray) review = csp_plan_collect_actions (plan, TRUE);
  CspItem *action;
  CspItem *owner;
  guint with_partner = 0;
  guint with_note = 0;
  guint with_name = 0;

  g_ptr_array_extend (actions, review, NULL, NULL);

  /* An owner named without a partner, another with a note. */
  action = g_ptr_array_index (actions, 0);
  owner = csp_item_new (CSP_KIND_OWNER);
  csp_item_set_string (owner, "name", "Residents' panel");
  csp_item_append (action, "owners", owner);
  g_object_unref (owner);
  owner = csp_item_new (CSP_KIND_OWNER);
  csp_item_set_string (owner, "partner", csp_item_get_id (csp_item_get_child (CSP_ITEM (plan), "partners", 3)));
  csp_item_set_string (owner, "note", "lead");
  csp_item_append (action, "owners", owner);
  g_object_unref (owner);

  for (guint i = 0; i < actions->len; i++)
    {
      g_autofree char *expected = NULL;
      g_autofree char *label = NULL;

      action = g_ptr_array_index (actions, i);
      expected = csp_action_dup_owners_label (action);
      label = csp_page_dup_owners_label (action);
      g_assert_cmpstr (label, ==, expected);

      for (guint j = 0; j < csp_item_get_n_children (action, "owners"); j++)
        {
          owner = csp_item_get_child (action, "owners", j);
          with_partner += *csp_item_get_string (owner, "partner") != '\0';
          with_note += *csp_item_get_string (owner, "note") != '\0';
          with_name += *csp_item_get_string (owner, "partner") == '\0';
        }
    }
  g_assert_cmpuint (with_partner, >, 10);
  g_assert_cmpuint (with_note, >, 0);
  g_assert_cmpuint (with_name, >, 0);
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

  g_test_add_func ("/startup/hidden-pages/partners", test_partners_page);
  g_test_add_func ("/startup/hidden-pages/show-partner", test_show_partner);
  g_test_add_func ("/startup/hidden-pages/glossary-and-text", test_glossary_and_text);
  g_test_add_func ("/startup/hidden-pages/owner-menu", test_owner_menu);
  g_test_add_func ("/startup/spinner-icon", test_spinner_icon);
  g_test_add_func ("/startup/help-overlay", test_help_overlay);
  g_test_add_func ("/startup/menus", test_menus);
  g_test_add_func ("/startup/owners-label", test_owners_label);

  return g_test_run ();
}
