/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "csp-test-ui.h"
#include "csp-format.h"
#include "csp-quarter.h"
#include "csp-edit-field.h"
#include "csp-window.h"

/* Helpers */

static CspWindow *
new_sample_window (void)
{
  CspWindow *window = csp_window_new (NULL);

  csp_window_show_sample (window);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static const char *
row_label (GtkWidget *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
}

/* The first sidebar row called @label after the row called @after
 * (NULL: from the top). */
static GtkListBoxRow *
find_row (CspWindow  *window,
          const char *after,
          const char *label)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (csp_window_get_sidebar (window)));

  for (; after != NULL && row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_str_equal (row_label (row), after))
        break;
    }

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_str_equal (row_label (row), label))
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

static void
select_row (CspWindow  *window,
            const char *after,
            const char *label)
{
  GtkListBoxRow *row = find_row (window, after, label);

  g_assert_nonnull (row);
  gtk_list_box_select_row (csp_window_get_sidebar (window), row);
}

static GListModel *
shown_actions (CspWindow *window)
{
  return csp_action_list_get_model (csp_window_get_action_list (window));
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }

  return FALSE;
}

static char *
expected_count (guint shown,
                guint total)
{
  return g_strdup_printf ("%u of %u actions", shown, total);
}

/* Everything the search looks in, written out here independently. */
static gboolean
action_mentions (CspItem    *action,
                 const char *needle)
{
  g_autoptr(GString) haystack = g_string_new (csp_item_get_string (action, "text"));
  g_autofree char *owners = csp_action_dup_owners_label (action);
  g_autofree char *folded = NULL;
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  g_string_append_printf (haystack, "\n%s", owners);
  for (guint i = 0; i < csp_item_get_n_children (action, "updates"); i++)
    {
      CspItem *update = csp_item_get_child (action, "updates", i);

      g_string_append_printf (haystack, "\n%s\n%s", csp_item_get_string (update, "text"),
                              csp_item_get_string (update, "author"));
    }

  folded = g_utf8_casefold (haystack->str, -1);
  return strstr (folded, folded_needle) != NULL;
}

/* Tests */

static void
test_rows_per_priority (void)
{
  static const struct
  {
    const char *after;
    const char *label;
    guint       n_actions;
  } expected[] = {
    { NULL, "Action plan", 35 },
    { "Action plan", "Organised Crime", 9 },
    { "Action plan", "Vulnerable People", 16 },
    { "Action plan", "Counter Terrorism", 5 },
    { "Action plan", "Substance Misuse", 5 },
    { NULL, "Review 2017/18", 44 },
  };
  CspWindow *window = new_sample_window ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GListModel *model = shown_actions (window);
      g_autofree char *count = NULL;
      GtkListBoxRow *row;

      select_row (window, expected[i].after, expected[i].label);
      row = gtk_list_box_get_selected_row (csp_window_get_sidebar (window));
      g_assert_cmpstr (row_label (GTK_WIDGET (row)), ==, expected[i].label);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "actions");
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected[i].n_actions);

      count = expected_count (expected[i].n_actions, expected[i].n_actions);
      g_assert_cmpstr (csp_action_list_get_count_text (csp_window_get_action_list (window)), ==, count);

      /* A priority's rows are its own actions. */
      for (guint j = 0; expected[i].after != NULL && j < g_list_model_get_n_items (model); j++)
        {
          g_autoptr(CspItem) action = g_list_model_get_item (model, j);
          CspItem *priority = csp_action_get_priority (action);

          g_assert_cmpstr (csp_item_get_string (priority, "title"), ==, expected[i].label);
          g_assert_true (CSP_IS_PLAN (csp_item_get_parent (priority)));
        }
    }

  /* The other pages have their rows and stack pages. */
  select_row (window, NULL, "Partners");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "partners");
  select_row (window, NULL, "Glossary");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "glossary");
  select_row (window, NULL, "Plan text");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "text");
  select_row (window, NULL, "Overview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "overview");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_search (CspWindow  *window,
              const char *needle,
              gboolean    review)
{
  CspActionList *list = csp_window_get_action_list (window);
  g_autoptr(GPtrArray) all = csp_plan_collect_actions (csp_window_get_plan (window), review);
  g_autofree char *count = NULL;
  guint expected = 0;

  csp_action_list_set_search_text (list, needle);

  for (guint i = 0; i < all->len; i++)
    {
      CspItem *action = g_ptr_array_index (all, i);
      gboolean mentions = action_mentions (action, needle);

      g_assert_cmpint (model_contains (shown_actions (window), action), ==, mentions);
      expected += mentions;
    }

  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, expected);
  count = expected_count (expected, all->len);
  g_assert_cmpstr (csp_action_list_get_count_text (list), ==, count);
}

static void
test_filter_text (void)
{
  CspWindow *window = new_sample_window ();
  CspActionList *list = csp_window_get_action_list (window);

  select_row (window, NULL, "Action plan");
  check_search (window, "Kenward", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), <, 35);

  /* Owners are searched too, in any case. */
  check_search (window, "kent police", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), >, 0);

  /* Updates: the review's actions have them. */
  select_row (window, NULL, "Review 2017/18");
  check_search (window, "schools", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), >, 0);

  check_search (window, "no action says this", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, 0);

  csp_action_list_clear_filters (list);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, 44);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_status (void)
{
  CspWindow *window = new_sample_window ();
  CspActionList *list = csp_window_get_action_list (window);
  guint sum = 0;

  select_row (window, NULL, "Review 2017/18");

  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    {
      GListModel *model = shown_actions (window);

      csp_action_list_set_status_filter (list, status);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(CspItem) action = g_list_model_get_item (model, i);

          g_assert_cmpint (csp_action_get_status (action), ==, status);
        }
      sum += g_list_model_get_n_items (model);
    }

  /* Every action has exactly one status. */
  g_assert_cmpuint (sum, ==, 44);

  csp_action_list_set_status_filter (list, -1);
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, 44);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_owner (void)
{
  CspWindow *window = new_sample_window ();
  CspActionList *list = csp_window_get_action_list (window);
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));
  g_autoptr(GPtrArray) all = csp_plan_collect_actions (CSP_PLAN (plan), FALSE);
  guint partners_with_actions = 0;

  select_row (window, NULL, "Action plan");

  for (guint p = 0; p < csp_item_get_n_children (plan, "partners"); p++)
    {
      const char *id = csp_item_get_id (csp_item_get_child (plan, "partners", p));
      guint expected = 0;

      csp_action_list_set_owner_filter (list, id);
      for (guint i = 0; i < all->len; i++)
        {
          CspItem *action = g_ptr_array_index (all, i);
          gboolean led = csp_action_is_led_by (action, id);

          g_assert_cmpint (model_contains (shown_actions (window), action), ==, led);
          expected += led;
        }

      g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, expected);
      partners_with_actions += expected > 0;
    }

  g_assert_cmpuint (partners_with_actions, >, 1);

  /* Filters combine: owner and text. */
  csp_action_list_set_owner_filter (list, NULL);
  csp_action_list_set_search_text (list, "Kenward");
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), >, 0);
  csp_action_list_set_status_filter (list, CSP_STATUS_COMPLETE);
  for (guint i = 0; i < g_list_model_get_n_items (shown_actions (window)); i++)
    {
      g_autoptr(CspItem) action = g_list_model_get_item (shown_actions (window), i);

      g_assert_cmpint (csp_action_get_status (action), ==, CSP_STATUS_COMPLETE);
      g_assert_true (action_mentions (action, "Kenward"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_stale (void)
{
  CspWindow *window = new_sample_window ();
  CspActionList *list = csp_window_get_action_list (window);
  CspPlan *plan = csp_window_get_plan (window);
  g_autoptr(GPtrArray) all = csp_plan_collect_actions (plan, FALSE);
  CspQuarter quarter = csp_plan_get_current_quarter (plan, NULL);
  char first[11], last[11];
  CspItem *fresh = g_ptr_array_index (all, 0);
  g_autoptr(CspItem) update = csp_item_new (CSP_KIND_UPDATE);

  /* One action gets an update in the current quarter. */
  csp_quarter_get_range (quarter, first, last);
  csp_item_set_string (update, "date", first);
  csp_item_set_string (update, "text", "Met the schools");
  csp_item_append (fresh, "updates", update);

  select_row (window, NULL, "Action plan");
  csp_action_list_set_stale_filter (list, TRUE);

  g_assert_false (model_contains (shown_actions (window), fresh));
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, all->len - 1);

  csp_action_list_set_stale_filter (list, FALSE);
  g_assert_true (model_contains (shown_actions (window), fresh));

  gtk_window_destroy (GTK_WINDOW (window));
}

static CspItem *
add_update (CspItem    *action,
            const char *date,
            const char *text)
{
  g_autoptr(CspItem) update = csp_item_new (CSP_KIND_UPDATE);

  csp_item_set_string (update, "date", date);
  csp_item_set_string (update, "text", text);
  csp_item_set_string (update, "status", "at-risk");
  csp_item_append (action, "updates", update);

  return update;
}

/* The last action with an owner from the directory. */
static CspItem *
find_action_led_by_a_partner (GPtrArray *actions)
{
  for (guint i = actions->len; i > 0; i--)
    {
      CspItem *action = g_ptr_array_index (actions, i - 1);

      for (guint j = 0; j < csp_item_get_n_children (action, "owners"); j++)
        {
          if (*csp_item_get_string (csp_item_get_child (action, "owners", j), "partner") != '\0')
            return action;
        }
    }

  g_assert_not_reached ();
}

static void
test_detail (void)
{
  CspWindow *window = new_sample_window ();
  CspPlan *plan = csp_window_get_plan (window);
  g_autoptr(GPtrArray) review = csp_plan_collect_actions (plan, TRUE);
  CspItem *action = find_action_led_by_a_partner (review);
  CspItem *priority = csp_action_get_priority (action);
  GtkWidget *partner_button = NULL;
  CspActionDetail *detail = csp_window_get_action_detail (window);
  GtkWidget *older, *newer, *owner_label;
  GtkListBoxRow *row;
  g_autofree char *owners = NULL;
  graphene_point_t older_point, newer_point;

  add_update (action, "2018-01-05", "An older update");
  add_update (action, "2018-03-20", "A newer update");

  csp_window_show_item (window, action);
  csp_test_spin ();

  /* The action's own priority is chosen in the sidebar, the action in
   * the list, and the detail shows it. */
  row = gtk_list_box_get_selected_row (csp_window_get_sidebar (window));
  g_assert_cmpstr (row_label (GTK_WIDGET (row)), ==, csp_item_get_string (priority, "title"));
  g_assert_true (csp_action_list_get_selected (csp_window_get_action_list (window)) == action);
  g_assert_true (csp_action_detail_get_action (detail) == action);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "actions");

  {
    GtkWidget *editor = csp_edit_field_get_editor (csp_action_detail_get_field (detail, "text"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, csp_item_get_string (action, "text"));
  }
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (detail),
                                csp_status_get_label (csp_action_get_status (action))));

  /* Updates, newest first. */
  older = csp_test_find_label (GTK_WIDGET (detail), "An older update");
  newer = csp_test_find_label (GTK_WIDGET (detail), "A newer update");
  g_assert_nonnull (older);
  g_assert_nonnull (newer);
  g_assert_true (gtk_widget_compute_point (newer, GTK_WIDGET (detail), &GRAPHENE_POINT_INIT (0, 0), &newer_point));
  g_assert_true (gtk_widget_compute_point (older, GTK_WIDGET (detail), &GRAPHENE_POINT_INIT (0, 0), &older_point));
  g_assert_cmpfloat (newer_point.y, <, older_point.y);
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (detail), "3 progress updates"));

  /* Every owner is shown; one in the directory is a button that goes
   * to the partner, one that is not is plain text. */
  for (guint i = 0; i < csp_item_get_n_children (action, "owners"); i++)
    {
      CspItem *owner = csp_item_get_child (action, "owners", i);
      const char *partner_id = csp_item_get_string (owner, "partner");
      gboolean linked = *partner_id != '\0' && csp_plan_lookup (plan, partner_id) != NULL;

      owners = csp_owner_dup_label (owner);
      owner_label = csp_test_find_label (GTK_WIDGET (detail), owners);
      g_assert_nonnull (owner_label);
      g_assert_cmpint (GTK_IS_BUTTON (gtk_widget_get_parent (owner_label)), ==, linked);
      g_clear_pointer (&owners, g_free);
      if (linked)
        partner_button = gtk_widget_get_parent (owner_label);
    }

  g_assert_nonnull (partner_button);
  g_signal_emit_by_name (partner_button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "partners");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_show_item_clears_filters (void)
{
  CspWindow *window = new_sample_window ();
  CspActionList *list = csp_window_get_action_list (window);
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (csp_window_get_plan (window), FALSE);
  CspItem *action = g_ptr_array_index (actions, 0);

  select_row (window, NULL, "Action plan");
  csp_action_list_set_search_text (list, "no action says this");
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, 0);

  csp_window_show_item (window, action);
  g_assert_true (csp_action_list_get_selected (list) == action);
  g_assert_true (csp_action_detail_get_action (csp_window_get_action_detail (window)) == action);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_all (void)
{
  CspWindow *window = new_sample_window ();
  CspPlan *plan = csp_window_get_plan (window);
  g_autoptr(GPtrArray) this_year = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(GPtrArray) last_year = csp_plan_collect_actions (plan, TRUE);
  gboolean found_this_year = FALSE, found_last_year = FALSE;
  GListModel *model;

  csp_window_search_all (window);
  model = shown_actions (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, this_year->len + last_year->len);

  csp_action_list_set_search_text (csp_window_get_action_list (window), "Kenward");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CspItem) action = g_list_model_get_item (model, i);

      g_assert_true (action_mentions (action, "Kenward"));
      found_this_year |= g_ptr_array_find (this_year, action, NULL);
      found_last_year |= g_ptr_array_find (last_year, action, NULL);
    }
  g_assert_true (found_this_year);
  g_assert_true (found_last_year);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_title (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Built-in sample — CSP Planner");
  g_assert_true (csp_window_is_untouched (window));

  csp_item_set_string (plan, "title", "Partnership Plan 2019 - 2020");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Built-in sample — CSP Planner");
  g_assert_false (csp_window_is_untouched (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static CspWindow *
load_and_wait (const char *contents,
               GFile     **out_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("csp-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  CspWindow *window = csp_window_new (NULL);

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken plan.json", NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  *out_file = g_file_new_for_path (path);
  csp_window_load_file (window, *out_file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (csp_window_is_loading (window));

  while (csp_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static void
remove_file_and_dir (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static void
test_bad_file (void)
{
  static const char *bad[] = {
    "{ \"format\": \"csp-plan\", \"version\": 1, ",
    "{ \"format\": \"csp-plan\", \"version\": 1, \"title\": 42 }",
    "[1, 2] [3]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GFile) file = NULL;
      CspWindow *window = load_and_wait (bad[i], &file);
      const char *message = csp_window_get_error_message (window);
      g_autofree char *name = g_file_get_basename (file);

      g_test_message ("%s → %s", bad[i], message);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, name));
      g_assert_nonnull (strstr (message, "$"));
      g_assert_null (csp_window_get_document (window));
      g_assert_true (g_file_equal (csp_window_get_file (window), file));
      g_assert_true (csp_window_is_untouched (window));
      g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), name));

      remove_file_and_dir (file);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_good_file (void)
{
  g_autoptr(GBytes) bytes = csp_sample_get_bytes ();
  g_autofree char *contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GFile) file = NULL;
  CspWindow *window = load_and_wait (contents, &file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf ("%s — CSP Planner", name);

  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *last = g_settings_get_string (settings, "last-document");

  g_assert_null (csp_window_get_error_message (window));
  g_assert_nonnull (csp_window_get_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  /* The next start shows it again. */
  g_assert_cmpstr (last, ==, uri);
  g_assert_false (csp_window_is_untouched (window));
  select_row (window, NULL, "Action plan");
  g_assert_cmpuint (g_list_model_get_n_items (shown_actions (window)), ==, 35);

  remove_file_and_dir (file);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
answer_close_question (CspWindow  *window,
                       const char *button)
{
  GtkWindow *dialog = csp_test_find_dialog_for (GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (dialog), "Save the changes to “Built-in sample” before closing?"));
  g_signal_emit_by_name (csp_test_find_button (GTK_WIDGET (dialog), button), "clicked");
  csp_test_spin ();
}

static void
test_close_modified (void)
{
  CspWindow *window = new_sample_window ();
  CspWindow *unmodified = new_sample_window ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (unmodified), (gpointer *) &unmodified);

  /* Nothing to lose: the window just closes. */
  gtk_window_close (GTK_WINDOW (unmodified));
  csp_test_spin ();
  g_assert_null (unmodified);

  g_assert_nonnull (window);
  csp_item_set_string (CSP_ITEM (csp_window_get_plan (window)), "area", "Malling");
  g_assert_nonnull (window);
  g_assert_null (csp_test_find_dialog_for (GTK_WINDOW (window)));

  gtk_window_close (GTK_WINDOW (window));
  csp_test_spin ();
  g_assert_nonnull (window);
  answer_close_question (window, "_Cancel");
  g_assert_nonnull (window);
  g_assert_null (csp_test_find_dialog_for (GTK_WINDOW (window)));

  gtk_window_close (GTK_WINDOW (window));
  csp_test_spin ();
  answer_close_question (window, "_Discard");
  g_assert_null (window);
}

static void
wait_until_saved (CspWindow *window)
{
  CspDocument *document = csp_window_get_document (window);

  while (csp_document_get_modified (document))
    g_main_context_iteration (NULL, TRUE);
}

/* The sample, written to a file of its own and open in a window. */
typedef struct
{
  char      *contents; /* as first written */
  GFile     *file;
  char      *path;
  CspWindow *window;
} SavedSample;

static void
open_saved_sample (SavedSample *sample)
{
  g_autoptr(GBytes) bytes = csp_sample_get_bytes ();

  sample->contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  sample->window = load_and_wait (sample->contents, &sample->file);
  sample->path = g_file_get_path (sample->file);
}

static void
close_saved_sample (SavedSample *sample)
{
  g_autofree char *backup = g_strconcat (sample->path, "~", NULL);

  g_unlink (backup);
  remove_file_and_dir (sample->file);
  gtk_window_destroy (GTK_WINDOW (sample->window));
  g_clear_object (&sample->file);
  g_free (sample->path);
  g_free (sample->contents);
}

static void
test_save (void)
{
  SavedSample sample = { 0 };
  g_autofree char *saved = NULL;
  g_autoptr(CspPlan) reread = NULL;
  CspWindow *window;
  GFile *file;
  CspItem *plan;
  GtkWindow *dialog;

  open_saved_sample (&sample);
  window = sample.window;
  file = sample.file;
  plan = CSP_ITEM (csp_window_get_plan (window));

  csp_item_set_string (plan, "area", "Tonbridge");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  wait_until_saved (window);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  reread = csp_plan_load_file (file, NULL, NULL);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (reread), "area"), ==, "Tonbridge");

  /* Someone else saves the file: saving over it asks first. */
  g_assert_true (g_file_set_contents (sample.path, sample.contents, -1, NULL));
  csp_item_set_string (plan, "area", "Malling");
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  while ((dialog = csp_test_find_dialog_for (GTK_WINDOW (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (dialog), "The file changed on disk: overwrite?"));
  g_assert_true (g_file_get_contents (sample.path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, sample.contents);

  g_signal_emit_by_name (csp_test_find_button (GTK_WIDGET (dialog), "_Overwrite"), "clicked");
  wait_until_saved (window);
  g_clear_object (&reread);
  reread = csp_plan_load_file (file, NULL, NULL);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (reread), "area"), ==, "Malling");

  close_saved_sample (&sample);
}

/* While a save runs, the window says so, a second save waits, and an
 * edit made meanwhile stays unsaved. */
static void
test_save_in_progress (void)
{
  SavedSample sample = { 0 };
  g_autoptr(CspPlan) reread = NULL;
  GActionGroup *actions;
  CspItem *plan;

  open_saved_sample (&sample);
  actions = G_ACTION_GROUP (sample.window);
  plan = CSP_ITEM (csp_window_get_plan (sample.window));

  csp_item_set_string (plan, "area", "Tonbridge");
  g_action_group_activate_action (actions, "save", NULL);
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (sample.window), "Saving…"));
  g_assert_false (g_action_group_get_action_enabled (actions, "save"));
  g_assert_false (g_action_group_get_action_enabled (actions, "save-as"));
  g_assert_true (g_action_group_get_action_enabled (actions, "export"));

  csp_item_set_string (plan, "area", "Malling");
  while (!g_action_group_get_action_enabled (actions, "save"))
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (csp_test_find_label (GTK_WIDGET (sample.window), "Saving…"));
  reread = csp_plan_load_file (sample.file, NULL, NULL);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (reread), "area"), ==, "Tonbridge");
  g_assert_true (csp_document_get_modified (csp_window_get_document (sample.window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (sample.window)), "•"));

  g_action_group_activate_action (actions, "save", NULL);
  wait_until_saved (sample.window);
  g_clear_object (&reread);
  reread = csp_plan_load_file (sample.file, NULL, NULL);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (reread), "area"), ==, "Malling");

  close_saved_sample (&sample);
}

static void
add_tests (void)
{
  g_test_add_func ("/window/sidebar/rows-per-priority", test_rows_per_priority);
  g_test_add_func ("/window/filter/text", test_filter_text);
  g_test_add_func ("/window/filter/status", test_filter_status);
  g_test_add_func ("/window/filter/owner", test_filter_owner);
  g_test_add_func ("/window/filter/no-update-this-quarter", test_filter_stale);
  g_test_add_func ("/window/detail/action", test_detail);
  g_test_add_func ("/window/show-item/clears-filters", test_show_item_clears_filters);
  g_test_add_func ("/window/search-all", test_search_all);
  g_test_add_func ("/window/title/modified-marker", test_title);
  g_test_add_func ("/window/file/bad", test_bad_file);
  g_test_add_func ("/window/file/good", test_good_file);
  g_test_add_func ("/window/file/save", test_save);
  g_test_add_func ("/window/file/save-in-progress", test_save_in_progress);
  g_test_add_func ("/window/close/asks-when-modified", test_close_modified);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("csp-window-data-XXXXXX", NULL);
  g_autofree char *recent = NULL;
  int status;

  /* Opening and saving adds to the recent files: not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    add_tests ();
  else
    g_test_skip ("No display: the window tests need one (run them under xvfb-run)");

  status = g_test_run ();

  recent = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_unlink (recent);
  g_rmdir (data_home);

  return status;
}
