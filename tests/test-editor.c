/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-editor"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "csp-test-ui.h"
#include "csp-edit-field.h"
#include "csp-format.h"
#include "csp-window.h"

/* The editor through its widgets: entries are typed into, buttons
 * clicked and window actions activated as the user would. */

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  csp_test_spin ();
}

static void
activate (CspWindow  *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  csp_test_spin ();
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
plan_json (CspWindow *window)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (csp_window_get_plan (window));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The sample, saved in a temporary folder and opened from there. */
static CspWindow *
open_sample_copy (GFile **out_file)
{
  g_autoptr(GBytes) bytes = csp_sample_get_bytes ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("csp-editor-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  CspWindow *window = csp_window_new (NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  *out_file = g_file_new_for_path (path);
  csp_window_load_file (window, *out_file);
  gtk_window_present (GTK_WINDOW (window));
  while (csp_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (csp_window_get_document (window));

  return window;
}

static void
remove_copy (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static CspWindow *
new_sample_window (void)
{
  CspWindow *window = csp_window_new (NULL);

  csp_window_show_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  csp_test_spin ();

  return window;
}

/* This year's first action whose status is not @status. */
static CspItem *
find_action_not (CspWindow *window,
                 CspStatus  status)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (csp_window_get_plan (window), FALSE);

  for (guint i = 0; i < actions->len; i++)
    if (csp_action_get_status (g_ptr_array_index (actions, i)) != status)
      return g_ptr_array_index (actions, i);

  g_assert_not_reached ();
}

static guint
count_status (CspWindow *window,
              CspStatus  status)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (csp_window_get_plan (window), FALSE);
  guint count = 0;

  for (guint i = 0; i < actions->len; i++)
    count += csp_action_get_status (g_ptr_array_index (actions, i)) == status;

  return count;
}

static GtkWidget *
get_page (CspWindow  *window,
          const char *name)
{
  return gtk_stack_get_child_by_name (csp_window_get_main_stack (window), name);
}

static void
show_page (CspWindow  *window,
           const char *name)
{
  gtk_stack_set_visible_child_name (csp_window_get_main_stack (window), name);
  csp_test_spin ();
}

static CspUpdateForm *
open_update_form (CspWindow *window,
                  CspItem   *action)
{
  CspActionDetail *detail = csp_window_get_action_detail (window);

  csp_window_show_item (window, action);
  csp_test_spin ();
  g_assert_true (csp_action_detail_get_action (detail) == action);
  click (csp_test_find_button (GTK_WIDGET (detail), "Add _Update"));

  /* The form slides in. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (csp_action_detail_get_update_form (detail))))
    g_main_context_iteration (NULL, TRUE);

  return csp_action_detail_get_update_form (detail);
}

/* Tests */

static void
test_add_update (void)
{
  g_autoptr(GFile) file = NULL;
  CspWindow *window = open_sample_copy (&file);
  CspItem *action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  guint n_updates = csp_item_get_n_children (action, "updates");
  guint n_off_track = count_status (window, CSP_STATUS_OFF_TRACK);
  g_autofree char *before = plan_json (window);
  g_autofree char *after = NULL;
  g_autofree char *heading = g_strdup_printf ("Off track (%u)", n_off_track + 1);
  g_autoptr(CspPlan) reread = NULL;
  const char *text = "Venue lost; the course moves to the autumn.";
  CspUpdateForm *form = open_update_form (window, action);
  CspItem *update;

  gtk_editable_set_text (csp_update_form_get_date_entry (form), "2018-11-14");
  gtk_editable_set_text (csp_update_form_get_author_entry (form), "A. Officer, TMBC");
  gtk_drop_down_set_selected (csp_update_form_get_status_dropdown (form), CSP_STATUS_OFF_TRACK + 1);
  set_buffer_text (csp_update_form_get_text_view (form), text);
  click (GTK_WIDGET (csp_update_form_get_add_button (form)));

  /* The model has it, and the action follows it. */
  g_assert_cmpuint (csp_item_get_n_children (action, "updates"), ==, n_updates + 1);
  update = csp_action_get_latest_update (action, NULL);
  g_assert_cmpstr (csp_item_get_string (update, "text"), ==, text);
  g_assert_cmpstr (csp_item_get_string (update, "date"), ==, "2018-11-14");
  g_assert_cmpstr (csp_item_get_string (update, "author"), ==, "A. Officer, TMBC");
  g_assert_cmpint (csp_action_get_status (action), ==, CSP_STATUS_OFF_TRACK);
  g_assert_true (csp_document_get_modified (csp_window_get_document (window)));

  /* The list's "Latest update" cell, the detail and the overview show it. */
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_list (window)), text));
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_detail (window)), text));
  show_page (window, "overview");
  g_assert_nonnull (csp_test_find_shown_label (get_page (window, "overview"), heading));
  after = plan_json (window);

  /* Undo: gone, and the plan is as it was, to the byte. */
  activate (window, "win.undo");
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_cmpuint (csp_item_get_n_children (action, "updates"), ==, n_updates);
  g_assert_null (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_list (window)), text));
  /* Undo brought the action back into view. */
  g_assert_true (csp_action_detail_get_action (csp_window_get_action_detail (window)) == action);
  g_assert_false (csp_document_get_modified (csp_window_get_document (window)));

  /* Redo: back. */
  activate (window, "win.redo");
  g_assert_cmpuint (csp_item_get_n_children (action, "updates"), ==, n_updates + 1);
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_list (window)), text));
  show_page (window, "overview");
  g_assert_nonnull (csp_test_find_shown_label (get_page (window, "overview"), heading));

  /* Save: the file on disk holds it. */
  activate (window, "win.save");
  while (csp_document_get_modified (csp_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  reread = csp_plan_load_file (file, NULL, NULL);
  g_assert_nonnull (reread);
  update = csp_action_get_latest_update (csp_plan_lookup (reread, csp_item_get_id (action)), NULL);
  g_assert_cmpstr (csp_item_get_string (update, "text"), ==, text);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_copy (file);
}

static void
test_off_track_needs_text (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  guint n_updates = csp_item_get_n_children (action, "updates");
  CspUpdateForm *form = open_update_form (window, action);
  GtkWidget *add = GTK_WIDGET (csp_update_form_get_add_button (form));

  /* With no status an empty update may be added; Off track and At risk
   * say why they need text and refuse until there is some. */
  g_assert_true (gtk_widget_get_sensitive (add));
  for (CspStatus status = CSP_STATUS_AT_RISK; status <= CSP_STATUS_OFF_TRACK; status++)
    {
      gtk_drop_down_set_selected (csp_update_form_get_status_dropdown (form), status + 1);
      csp_test_spin ();
      g_assert_false (gtk_widget_get_sensitive (add));
      g_assert_nonnull (strstr (csp_update_form_get_hint (form), "needs text"));
      g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (form), csp_update_form_get_hint (form)));

      set_buffer_text (csp_update_form_get_text_view (form), "   ");
      g_assert_false (gtk_widget_get_sensitive (add));
      set_buffer_text (csp_update_form_get_text_view (form), "Partner withdrew funding.");
      g_assert_true (gtk_widget_get_sensitive (add));
      set_buffer_text (csp_update_form_get_text_view (form), "");
    }

  /* Enter in the date field does not get round the rule. */
  g_signal_emit_by_name (csp_update_form_get_date_entry (form), "activate");
  g_assert_cmpuint (csp_item_get_n_children (action, "updates"), ==, n_updates);

  /* Nor does an invalid date. */
  gtk_drop_down_set_selected (csp_update_form_get_status_dropdown (form), 0);
  gtk_editable_set_text (csp_update_form_get_date_entry (form), "2018-02-30");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (form), "Write a real date as YYYY-MM-DD, for example 2019-03-31."));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  /* Character by character, as typing does. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, g_utf8_next_char (p) - p);
    }
}

static void
test_edit_text_undo (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  CspActionDetail *detail = csp_window_get_action_detail (window);
  g_autofree char *original = NULL;
  g_autofree char *before = plan_json (window);
  g_autofree char *expected = NULL;
  GtkWidget *field;

  csp_window_show_item (window, action);
  csp_test_spin ();
  original = g_strdup (csp_item_get_string (action, "text"));
  expected = g_strconcat (original, " by March", NULL);
  field = csp_action_detail_get_field (detail, "text");
  type_text (GTK_TEXT_VIEW (csp_edit_field_get_editor (field)), " by March");
  csp_test_spin ();

  g_assert_cmpstr (csp_item_get_string (action, "text"), ==, expected);
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_list (window)), expected));

  /* Nine characters typed, one step undone. */
  activate (window, "win.undo");
  g_assert_cmpstr (csp_item_get_string (action, "text"), ==, original);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (csp_window_get_action_list (window)), original));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  /* The field follows the model. */
  field = csp_action_detail_get_field (detail, "text");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (csp_edit_field_get_editor (field)));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, original);
  }

  /* Empty text is refused, with a message. */
  csp_edit_field_set_text (field, "");
  g_assert_cmpstr (csp_item_get_string (action, "text"), ==, original);
  g_assert_nonnull (csp_edit_field_get_error (field));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_due_date (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  CspActionDetail *detail = csp_window_get_action_detail (window);
  g_autofree char *due = NULL;
  GtkWidget *field;

  csp_window_show_item (window, action);
  csp_test_spin ();
  due = g_strdup (csp_item_get_string (action, "due"));
  field = csp_action_detail_get_field (detail, "due");

  csp_edit_field_set_text (field, "2019-02-30");
  g_assert_cmpstr (csp_item_get_string (action, "due"), ==, due);
  g_assert_cmpstr (csp_edit_field_get_error (field), ==,
                   "Write a real date as YYYY-MM-DD, for example 2019-03-31.");
  g_assert_nonnull (csp_test_find_shown_label (field, csp_edit_field_get_error (field)));

  csp_edit_field_set_text (field, "31/03/2019");
  g_assert_cmpstr (csp_item_get_string (action, "due"), ==, due);
  g_assert_nonnull (csp_edit_field_get_error (field));

  csp_edit_field_set_text (field, "2019-03-31");
  g_assert_cmpstr (csp_item_get_string (action, "due"), ==, "2019-03-31");
  g_assert_null (csp_edit_field_get_error (field));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Owners of actions, here and in the review, that name @partner_id. */
static guint
count_owners_naming (CspPlan    *plan,
                     const char *key,
                     const char *value)
{
  guint count = 0;

  for (int review = 0; review <= 1; review++)
    {
      g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, review);

      for (guint i = 0; i < actions->len; i++)
        {
          CspItem *action = g_ptr_array_index (actions, i);

          for (guint j = 0; j < csp_item_get_n_children (action, "owners"); j++)
            count += g_str_equal (csp_item_get_string (csp_item_get_child (action, "owners", j), key), value);
        }
    }

  return count;
}

static CspItem *
find_partner_owning_actions (CspPlan *plan)
{
  for (guint i = 0; i < csp_item_get_n_children (CSP_ITEM (plan), "partners"); i++)
    {
      CspItem *partner = csp_item_get_child (CSP_ITEM (plan), "partners", i);

      if (count_owners_naming (plan, "partner", csp_item_get_id (partner)) > 1)
        return partner;
    }

  g_assert_not_reached ();
}

static GtkWindow *
wait_for_dialog (CspWindow *window)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  while ((dialog = csp_test_find_dialog_for (GTK_WINDOW (window))) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return dialog;
}

static void
test_delete_partner (void)
{
  CspWindow *window = new_sample_window ();
  CspPlan *plan = csp_window_get_plan (window);
  CspItem *partner = find_partner_owning_actions (plan);
  g_autofree char *id = g_strdup (csp_item_get_id (partner));
  g_autofree char *name = g_strdup (csp_item_get_string (partner, "name"));
  guint n_owners = count_owners_naming (plan, "partner", id);
  guint n_named = count_owners_naming (plan, "name", name);
  g_autofree char *before = plan_json (window);
  g_autofree char *question = g_strdup_printf ("Delete “%s”?", name);
  g_autofree char *keep = g_strdup_printf ("_Keep Its Name as Free Text on %u Actions", n_owners);
  GtkWindow *dialog;

  csp_window_show_item (window, partner);
  csp_test_spin ();

  /* Cancel changes nothing. */
  click (csp_test_find_button (get_page (window, "partners"), "_Delete Partner"));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (csp_test_find_shown_label (GTK_WIDGET (dialog), question));
  click (csp_test_find_button (GTK_WIDGET (dialog), "_Cancel"));
  {
    g_autofree char *cancelled = plan_json (window);

    g_assert_cmpstr (cancelled, ==, before);
  }

  /* Keeping the name: the owners become free text. */
  click (csp_test_find_button (get_page (window, "partners"), "_Delete Partner"));
  dialog = wait_for_dialog (window);
  click (csp_test_find_button (GTK_WIDGET (dialog), keep));
  g_assert_null (csp_plan_lookup (plan, id));
  g_assert_cmpuint (count_owners_naming (plan, "partner", id), ==, 0);
  g_assert_cmpuint (count_owners_naming (plan, "name", name), ==, n_named + n_owners);

  /* One undo brings it all back. */
  activate (window, "win.undo");
  g_assert_true (csp_plan_lookup (plan, id) != NULL);
  g_assert_cmpuint (count_owners_naming (plan, "partner", id), ==, n_owners);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  /* ... and shows the partner again. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "partners");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_action_key (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  CspItem *theme = csp_item_get_parent (action);
  guint n_actions = csp_item_get_n_children (theme, "actions");
  g_autofree char *before = plan_json (window);
  CspActionList *list = csp_window_get_action_list (window);

  csp_window_show_item (window, action);
  csp_test_spin ();
  activate (window, "win.delete-action");
  g_assert_cmpuint (csp_item_get_n_children (theme, "actions"), ==, n_actions - 1);
  g_assert_false (csp_action_list_contains (list, action));

  activate (window, "win.undo");
  g_assert_cmpuint (csp_item_get_n_children (theme, "actions"), ==, n_actions);
  g_assert_true (csp_action_list_get_selected (list) == action);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }

  /* Moving it down and to another theme follows it in the list. */
  if (n_actions > 1 && csp_item_get_child (theme, "actions", n_actions - 1) != action)
    {
      guint position;

      activate (window, "win.move-action-down");
      g_assert_true (csp_item_find (theme, "actions", action, &position));
      g_assert_true (csp_item_get_child (theme, "actions", position - 1) != action);
      g_assert_true (csp_action_list_get_selected (list) == action);
      activate (window, "win.undo");
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reordering priorities and themes */

static const char *
row_label (GtkWidget *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
}

static GtkWidget *
get_sidebar_row (CspWindow *window,
                 guint      index)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (csp_window_get_sidebar (window)));

  for (guint i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);

  g_assert_nonnull (row);
  return row;
}

/* The sidebar row of the priority @i of this year (@review FALSE) or of
 * the review: Overview, Action plan, this year's priorities, the
 * review, its priorities. */
static GtkWidget *
get_priority_row (CspWindow *window,
                  gboolean   review,
                  guint      i)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));
  guint index = review ? 2 + csp_item_get_n_children (plan, "priorities") + 1 + i : 2 + i;

  return get_sidebar_row (window, index);
}

static void
select_priority (CspWindow *window,
                 gboolean   review,
                 guint      i)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));
  CspItem *part = review ? csp_item_get_object (plan, "review") : plan;
  GtkWidget *row = get_priority_row (window, review, i);

  g_assert_cmpstr (row_label (row), ==, csp_item_get_string (csp_item_get_child (part, "priorities", i), "title"));
  gtk_list_box_select_row (csp_window_get_sidebar (window), GTK_LIST_BOX_ROW (row));
  csp_test_spin ();
}

static gboolean
is_enabled (CspWindow  *window,
            const char *action)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), action);
}

/* This year's priorities: their titles in the plan's order, and in the
 * sidebar's. */
static void
assert_priority_order (CspWindow *window,
                       CspItem   *first,
                       CspItem   *second)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));

  g_assert_true (csp_item_get_child (plan, "priorities", 0) == first);
  g_assert_true (csp_item_get_child (plan, "priorities", 1) == second);
  g_assert_cmpstr (row_label (get_priority_row (window, FALSE, 0)), ==, csp_item_get_string (first, "title"));
  g_assert_cmpstr (row_label (get_priority_row (window, FALSE, 1)), ==, csp_item_get_string (second, "title"));
}

static const char *
selected_row_label (CspWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (csp_window_get_sidebar (window));

  g_assert_nonnull (row);
  return row_label (GTK_WIDGET (row));
}

static void
test_move_priority (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));
  CspItem *review = csp_item_get_object (plan, "review");
  guint n_priorities = csp_item_get_n_children (plan, "priorities");
  guint n_review = csp_item_get_n_children (review, "priorities");
  CspItem *first = csp_item_get_child (plan, "priorities", 0);
  CspItem *second = csp_item_get_child (plan, "priorities", 1);
  g_autofree char *before = plan_json (window);

  /* Nothing to move until a priority is shown. */
  show_page (window, "overview");
  g_assert_false (is_enabled (window, "move-priority-up"));
  g_assert_false (is_enabled (window, "move-priority-down"));

  select_priority (window, FALSE, 0);
  g_assert_false (is_enabled (window, "move-priority-up"));
  g_assert_true (is_enabled (window, "move-priority-down"));

  activate (window, "win.move-priority-down");
  assert_priority_order (window, second, first);
  /* The moved priority is still the one shown, and may go back up. */
  g_assert_cmpstr (selected_row_label (window), ==, csp_item_get_string (first, "title"));
  g_assert_true (is_enabled (window, "move-priority-up"));
  g_assert_cmpuint (csp_item_get_n_children (plan, "priorities"), ==, n_priorities);

  /* Undo: one step, to the byte, with the priority in view. */
  show_page (window, "overview");
  activate (window, "win.undo");
  assert_priority_order (window, first, second);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_cmpstr (selected_row_label (window), ==, csp_item_get_string (first, "title"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (csp_window_get_main_stack (window)), ==, "actions");
  g_assert_false (is_enabled (window, "move-priority-up"));
  g_assert_false (is_enabled (window, "undo"));

  activate (window, "win.redo");
  assert_priority_order (window, second, first);
  {
    g_autofree char *redone = plan_json (window);

    g_assert_cmpstr (redone, !=, before);
  }

  /* The last priority cannot go down. */
  select_priority (window, FALSE, n_priorities - 1);
  g_assert_true (is_enabled (window, "move-priority-up"));
  g_assert_false (is_enabled (window, "move-priority-down"));

  /* The review's priorities move among themselves: its first is first
   * there, whatever comes before it in the sidebar. */
  g_assert_cmpuint (n_review, >, 1);
  select_priority (window, TRUE, 0);
  g_assert_false (is_enabled (window, "move-priority-up"));
  g_assert_true (is_enabled (window, "move-priority-down"));
  {
    CspItem *moved = csp_item_get_child (review, "priorities", 0);

    activate (window, "win.move-priority-down");
    g_assert_true (csp_item_get_child (review, "priorities", 1) == moved);
    g_assert_true (csp_item_get_child (plan, "priorities", 0) == second);
    g_assert_cmpstr (row_label (get_priority_row (window, TRUE, 1)), ==, csp_item_get_string (moved, "title"));
    g_assert_true (GTK_LIST_BOX_ROW (get_priority_row (window, TRUE, 1))
                   == gtk_list_box_get_selected_row (csp_window_get_sidebar (window)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_theme_button (GtkWindow  *editor,
                   const char *format,
                   CspItem    *theme)
{
  g_autofree char *tooltip = g_strdup_printf (format, csp_item_get_string (theme, "title"));

  return find_by_tooltip (GTK_WIDGET (editor), tooltip);
}

/* This year's first priority with at least two themes, shown. */
static CspItem *
show_priority_with_themes (CspWindow *window)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));

  for (guint i = 0; i < csp_item_get_n_children (plan, "priorities"); i++)
    {
      CspItem *priority = csp_item_get_child (plan, "priorities", i);

      if (csp_item_get_n_children (priority, "themes") > 1)
        {
          select_priority (window, FALSE, i);
          return priority;
        }
    }

  g_assert_not_reached ();
}

static void
test_move_theme (void)
{
  CspWindow *window = new_sample_window ();
  CspItem *plan = CSP_ITEM (csp_window_get_plan (window));
  CspItem *priority = show_priority_with_themes (window);
  CspItem *first = csp_item_get_child (priority, "themes", 0);
  CspItem *second = csp_item_get_child (priority, "themes", 1);
  CspItem *other = csp_item_get_child (plan, "priorities", csp_item_get_child (plan, "priorities", 0) == priority);
  guint n_other = csp_item_get_n_children (other, "themes");
  g_autofree char *before = plan_json (window);
  const char *up = "Move the theme “%s” up";
  const char *down = "Move the theme “%s” down";
  const char *to = "Move the theme “%s” to another priority";
  GtkWindow *editor;
  GtkWidget *move_to;
  GMenuModel *menu;

  activate (window, "win.edit-priority");
  editor = csp_test_find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (editor);

  /* At the ends, the buttons that would leave the list are off. */
  g_assert_false (gtk_widget_get_sensitive (find_theme_button (editor, up, first)));
  g_assert_true (gtk_widget_get_sensitive (find_theme_button (editor, down, first)));
  g_assert_false (gtk_widget_get_sensitive (
    find_theme_button (editor, down, csp_item_get_child (priority, "themes",
                                                         csp_item_get_n_children (priority, "themes") - 1))));

  click (find_theme_button (editor, up, second));
  g_assert_true (csp_item_get_child (priority, "themes", 0) == second);
  g_assert_true (csp_item_get_child (priority, "themes", 1) == first);
  /* The rows follow. */
  g_assert_false (gtk_widget_get_sensitive (find_theme_button (editor, up, second)));
  g_assert_true (gtk_widget_get_sensitive (find_theme_button (editor, up, first)));

  activate (window, "win.undo");
  g_assert_true (csp_item_get_child (priority, "themes", 0) == first);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_false (gtk_widget_get_sensitive (find_theme_button (editor, up, first)));

  /* "Move to…" lists the other priorities of this year. */
  move_to = find_theme_button (editor, to, first);
  g_assert_true (gtk_widget_get_visible (move_to));
  gtk_menu_button_popup (GTK_MENU_BUTTON (move_to));
  csp_test_spin ();
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (move_to));
  g_assert_nonnull (menu);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, csp_item_get_n_children (plan, "priorities") - 1);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_cmpstr (label, !=, csp_item_get_string (priority, "title"));
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (move_to));

  /* Moved to another priority: at its end, gone from this editor. */
  g_assert_true (gtk_widget_activate_action (move_to, "theme.move-to", "u",
                                             csp_item_get_child (plan, "priorities", 0) == priority ? 1 : 0));
  csp_test_spin ();
  g_assert_true (csp_item_get_parent (first) == other);
  g_assert_cmpuint (csp_item_get_n_children (other, "themes"), ==, n_other + 1);
  g_assert_true (csp_item_get_child (other, "themes", n_other) == first);
  g_assert_null (find_theme_button (editor, to, first));

  activate (window, "win.undo");
  g_assert_true (csp_item_get_parent (first) == priority);
  {
    g_autofree char *undone = plan_json (window);

    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_nonnull (find_theme_button (editor, to, first));

  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
accepts (CspValidateFunc  validate,
         CspItem         *item,
         const char      *key,
         const char      *text)
{
  g_autofree char *message = NULL;
  gboolean ok = validate (item, key, text, &message);

  /* A refusal always says why. */
  g_assert_true (ok == (message == NULL));
  return ok;
}

static void
test_validators (void)
{
  g_autoptr(CspItem) period = csp_item_new (CSP_KIND_PERIOD);
  static const char *good_emails[] = { "", "csp@tmbc.gov.uk", "a.b@c.org" };
  static const char *bad_emails[] = { "csp", "csp@", "@tmbc.gov.uk", "csp@tmbc", "a@b@c.uk", "a b@c.uk", "a@c.uk." };
  static const char *good_sites[] = { "", "https://www.tmbc.gov.uk", "http://kent.police.uk", "www.kent.gov.uk" };
  static const char *bad_sites[] = { "tmbc.gov.uk", "javascript:alert(1)", "ftp://x.org", "https://", "www." };
  static const char *bad_dates[] = { "2019-02-29", "2018-13-01", "2018-4-1", "01/04/2018", "2018-04-01x" };

  for (guint i = 0; i < G_N_ELEMENTS (good_emails); i++)
    g_assert_true (accepts (csp_validate_email, period, "email", good_emails[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    g_assert_false (accepts (csp_validate_email, period, "email", bad_emails[i]));
  for (guint i = 0; i < G_N_ELEMENTS (good_sites); i++)
    g_assert_true (accepts (csp_validate_website, period, "website", good_sites[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_sites); i++)
    g_assert_false (accepts (csp_validate_website, period, "website", bad_sites[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    g_assert_false (accepts (csp_validate_date, period, "start", bad_dates[i]));
  g_assert_true (accepts (csp_validate_date, period, "start", "2020-02-29"));
  g_assert_false (accepts (csp_validate_date_required, period, "start", ""));

  /* A period starts before it ends. */
  csp_item_set_string (period, "end", "2019-03-31");
  g_assert_true (accepts (csp_validate_period_date, period, "start", "2018-04-01"));
  g_assert_false (accepts (csp_validate_period_date, period, "start", "2019-04-01"));
  g_assert_false (accepts (csp_validate_period_date, period, "start", "2019-03-31"));
  csp_item_set_string (period, "start", "2018-04-01");
  g_assert_false (accepts (csp_validate_period_date, period, "end", "2018-03-31"));
  g_assert_true (accepts (csp_validate_period_date, period, "end", "2019-03-31"));
}

/* Not a test: with CSP_EDITOR_SCREENSHOTS set to a folder, takes
 * pictures of the editor at 1024×600 (with ImageMagick's import) for
 * people to look at. */
static void
take_screenshot (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CSP_EDITOR_SCREENSHOTS"), name, NULL);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
}

static void
screenshots (void)
{
  CspWindow *window = csp_window_new (NULL);
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  CspItem *action;
  CspUpdateForm *form;
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle screen;

  /* The application loads its style sheet; there is none here. */
  gtk_css_provider_load_from_resource (style, RESOURCE_PREFIX "/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  /* As big as the screen: run it on 1024×600 to see the smallest size. */
  gdk_monitor_get_geometry (monitor, &screen);
  gtk_window_set_default_size (GTK_WINDOW (window), screen.width, screen.height);
  csp_window_show_sample (window);
  gtk_window_present (GTK_WINDOW (window));
  action = find_action_not (window, CSP_STATUS_OFF_TRACK);
  csp_window_show_item (window, action);
  take_screenshot ("editor-detail.png");

  form = open_update_form (window, action);
  gtk_editable_set_text (csp_update_form_get_author_entry (form), "A. Officer, TMBC");
  gtk_drop_down_set_selected (csp_update_form_get_status_dropdown (form), CSP_STATUS_AT_RISK + 1);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (form), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    take_screenshot ("editor-form-top.png");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  take_screenshot ("editor-form.png");

  activate (window, "win.edit-priority");
  take_screenshot ("editor-priority.png");
  gtk_window_destroy (csp_test_find_dialog_for (GTK_WINDOW (window)));
  activate (window, "win.plan-details");
  take_screenshot ("editor-plan-details.png");
  gtk_window_destroy (csp_test_find_dialog_for (GTK_WINDOW (window)));
  csp_window_show_item (window, csp_item_get_child (CSP_ITEM (csp_window_get_plan (window)), "partners", 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-item", "s",
                              csp_item_get_id (csp_item_get_child (CSP_ITEM (csp_window_get_plan (window)), "partners", 0)));
  take_screenshot ("editor-partner.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  g_test_add_func ("/editor/update/add-undo-redo-save", test_add_update);
  g_test_add_func ("/editor/update/off-track-needs-text", test_off_track_needs_text);
  g_test_add_func ("/editor/action/text-undo-one-step", test_edit_text_undo);
  g_test_add_func ("/editor/action/invalid-due-date", test_invalid_due_date);
  g_test_add_func ("/editor/action/delete-and-move", test_delete_action_key);
  g_test_add_func ("/editor/partner/delete-keeps-names", test_delete_partner);
  g_test_add_func ("/editor/priority/move-up-down-undo", test_move_priority);
  g_test_add_func ("/editor/theme/move-in-editor-undo", test_move_theme);
  g_test_add_func ("/editor/validate/email-website-period", test_validators);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("csp-editor-data-XXXXXX", NULL);
  g_autofree char *recent = NULL;
  int status;

  /* Saving adds to the recent files: not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check () && g_getenv ("CSP_EDITOR_SCREENSHOTS") != NULL)
    g_test_add_func ("/editor/screenshots", screenshots);
  else if (gtk_init_check ())
    add_tests ();
  else
    g_test_skip ("No display: the editor tests need one (run them under xvfb-run)");

  status = g_test_run ();

  recent = g_build_filename (data_home, "recently-used.xbel", NULL);
  g_unlink (recent);
  g_rmdir (data_home);

  return status;
}
