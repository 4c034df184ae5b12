/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sharing"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "csp-test-util.h"
#include "csp-test-ui.h"
#include "csp-drafts.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-history-dialog.h"
#include "csp-window-sharing.h"

/* Offline sharing in the window: merging a colleague's copy, the file
 * changing on disk, failed saves, earlier versions. */

#define MINE_TIME   "2020-01-01T09:00:00Z"
#define THEIRS_TIME "2030-01-01T09:00:00Z"

typedef struct
{
  char      *dir;
  GFile     *file;   /* mine, as saved */
  CspWindow *window;
} Fixture;

/* Helpers */

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, or fails after 10 s. */
static void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (condition (data));
}

static void
spin_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static gboolean
is_loaded (gpointer data)
{
  return !csp_window_is_loading (data) && csp_window_get_document (data) != NULL;
}

static gboolean
has_merge_dialog (gpointer data)
{
  return csp_window_get_merge_dialog (data) != NULL;
}

/* The dialog is there and has counted the changes. */
static gboolean
has_merge_review (gpointer data)
{
  CspMergeDialog *dialog = csp_window_get_merge_dialog (data);

  return dialog != NULL && !csp_merge_dialog_is_busy (dialog);
}

static gboolean
is_review_done (gpointer data)
{
  return !csp_merge_dialog_is_busy (data);
}

static gboolean
has_disk_message (gpointer data)
{
  return csp_window_get_disk_message (data) != NULL;
}

static gboolean
has_save_error (gpointer data)
{
  return csp_window_get_save_error (data) != NULL;
}

static gboolean
is_saved (gpointer data)
{
  return !csp_document_get_modified (csp_window_get_document (data));
}

static char *
plan_to_string (CspPlan *plan)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
file_to_string (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static CspItem *
nth_action (CspPlan *plan,
            guint    n)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);

  return g_ptr_array_index (actions, n);
}

static GFile *
new_file (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return g_file_new_for_path (path);
}

/* The sample saved as "plan.json" (so that it has a revision, kept in
 * the history), shown in a window. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CspPlan) sample = csp_sample_load ();
  g_autoptr(CspDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history = NULL;

  f->dir = g_dir_make_tmp ("csp-sharing-XXXXXX", NULL);
  history = g_build_filename (f->dir, "history", NULL);
  g_setenv (CSP_HISTORY_DIR_ENV, history, TRUE);

  f->file = new_file (f, "plan.json");
  document = csp_document_new (sample, NULL);
  g_assert_true (csp_document_save (document, f->file, FALSE, NULL, &error));
  g_assert_no_error (error);

  f->window = g_object_ref_sink (csp_window_new (NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  csp_window_load_file (f->window, f->file);
  wait_until (is_loaded, f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  csp_drafts_flush (csp_drafts_get_default ());
  csp_timestamp_set_fixed (NULL);
  csp_test_remove_tree (dir);
  g_unsetenv (CSP_HISTORY_DIR_ENV);
  g_free (f->dir);
  g_object_unref (f->file);
}

/* A colleague's copy of plan.json: the first action's status changed
 * after ours was, the second action's outcome changed. */
static GFile *
save_their_copy (Fixture *f)
{
  g_autoptr(CspDocument) theirs = csp_document_load (f->file, NULL, NULL);
  CspPlan *plan = csp_document_get_plan (theirs);
  GFile *file = new_file (f, "theirs.json");
  g_autoptr(GError) error = NULL;

  csp_timestamp_set_fixed (THEIRS_TIME);
  csp_item_set_string (nth_action (plan, 0), "status", "off-track");
  csp_item_set_string (nth_action (plan, 1), "outcome", "Their outcome");
  csp_timestamp_set_fixed (NULL);
  g_assert_true (csp_document_save (theirs, file, FALSE, NULL, &error));
  g_assert_no_error (error);

  return file;
}

/* Mine: the first action's status changed too, earlier. */
static void
edit_mine (Fixture *f)
{
  CspDocument *document = csp_window_get_document (f->window);

  csp_timestamp_set_fixed (MINE_TIME);
  csp_edit_set_string (csp_document_get_undo_stack (document),
                       nth_action (csp_document_get_plan (document), 0), "status", "at-risk", 0);
  csp_timestamp_set_fixed (NULL);
}

typedef struct
{
  CspHistory *history;
  char       *id;
  char       *revision;
} Recorded;

static gboolean
is_recorded (gpointer data)
{
  Recorded *recorded = data;

  return csp_history_contains (recorded->history, recorded->id, recorded->revision);
}

/* A merge gives the plan a revision of its own, which the history
 * keeps (written in a worker thread: wait for it). */
static void
wait_for_recorded (Fixture *f)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (f->window));
  Recorded recorded = {
    csp_history_new (NULL),
    g_strdup (csp_item_get_id (plan)),
    g_strdup (csp_item_get_string (plan, "revision")),
  };

  wait_until (is_recorded, &recorded);
  g_object_unref (recorded.history);
  g_free (recorded.id);
  g_free (recorded.revision);
}

static CspMergeDialog *
merge_their_copy (Fixture *f)
{
  g_autoptr(GFile) theirs = save_their_copy (f);

  csp_window_merge_file (f->window, theirs);

  /* The copy is read and merged in a worker; the window says so. */
  g_assert_true (csp_window_is_merging (f->window));
  g_assert_nonnull (csp_test_find_label (GTK_WIDGET (f->window), "Merging…"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "merge"));

  wait_until (has_merge_dialog, f->window);
  g_assert_false (csp_window_is_merging (f->window));

  /* The changes are counted in a worker too; the choices wait. */
  g_assert_true (csp_merge_dialog_is_busy (csp_window_get_merge_dialog (f->window)));
  g_assert_null (csp_merge_dialog_get_summary (csp_window_get_merge_dialog (f->window)));
  wait_until (has_merge_review, f->window);
  g_assert_null (csp_test_find_label (GTK_WIDGET (f->window), "Merging…"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->window), "merge"));

  return csp_window_get_merge_dialog (f->window);
}

/* Merging */

static void
test_merge_review_apply_undo (Fixture       *f,
                              gconstpointer  data)
{
  CspDocument *document = csp_window_get_document (f->window);
  CspPlan *plan = csp_document_get_plan (document);
  CspUndoStack *stack = csp_document_get_undo_stack (document);
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *where = NULL;
  CspMergeDialog *dialog;
  CspMerge *merge;
  GtkListBoxRow *row;

  edit_mine (f);
  before = plan_to_string (plan);
  dialog = merge_their_copy (f);
  merge = csp_merge_dialog_get_merge (dialog);

  /* Three-way against plan.json, which the history knows: one
   * conflict, the status, theirs the newer and preselected. */
  g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, 1);
  row = gtk_list_box_get_row_at_index (csp_merge_dialog_get_list (dialog), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (csp_merge_dialog_get_list (dialog), 1));
  g_assert_cmpint (csp_merge_dialog_get_choice (dialog, 0), ==, CSP_MERGE_THEIRS);

  where = csp_merge_describe_conflict (csp_merge_get_conflict (merge, 0), plan);
  g_assert_true (g_str_has_prefix (where, csp_item_get_string (csp_action_get_priority (nth_action (plan, 0)), "title")));
  g_assert_true (g_str_has_suffix (where, " · status"));
  g_assert_nonnull (strstr (csp_merge_dialog_get_summary (dialog), "2 changes taken from theirs"));
  g_assert_nonnull (strstr (csp_merge_dialog_get_summary (dialog), "1 conflict"));

  csp_merge_dialog_apply (dialog);
  wait_for_recorded (f);
  g_assert_null (csp_window_get_merge_dialog (f->window));
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 0), "status"), ==, "off-track");
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 1), "outcome"), ==, "Their outcome");
  g_assert_true (csp_document_get_modified (document));
  g_assert_nonnull (strstr (csp_undo_stack_get_undo_label (stack), "theirs.json"));

  /* The sidebar shows the merged plan's priorities, not the old ones. */
  gtk_list_box_select_row (csp_window_get_sidebar (f->window),
                           gtk_list_box_get_row_at_index (csp_window_get_sidebar (f->window), 2));
  g_assert_true (csp_window_get_plan (f->window) == plan);

  /* One step: undo gives back the plan as it was before the merge. */
  g_assert_true (csp_undo_stack_undo (stack));
  undone = plan_to_string (plan);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (csp_undo_stack_redo (stack));
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 0), "status"), ==, "off-track");
}

static void
test_merge_keep_mine (Fixture       *f,
                      gconstpointer  data)
{
  CspPlan *plan = csp_window_get_plan (f->window);
  CspMergeDialog *dialog;

  edit_mine (f);
  dialog = merge_their_copy (f);
  csp_merge_dialog_choose (dialog, 0, CSP_MERGE_MINE);
  g_assert_true (csp_merge_dialog_is_busy (dialog));
  wait_until (is_review_done, dialog);
  g_assert_cmpint (csp_merge_get_conflict (csp_merge_dialog_get_merge (dialog), 0)->chosen,
                   ==, CSP_MERGE_MINE);
  g_assert_nonnull (strstr (csp_merge_dialog_get_summary (dialog), "1 change taken from theirs"));
  csp_merge_dialog_apply (dialog);
  wait_for_recorded (f);

  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 0), "status"), ==, "at-risk");
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 1), "outcome"), ==, "Their outcome");
}

/* Cancelling the review changes nothing. */
static void
test_merge_cancel (Fixture       *f,
                   gconstpointer  data)
{
  CspPlan *plan = csp_window_get_plan (f->window);
  g_autofree char *before = plan_to_string (plan);
  g_autofree char *after = NULL;
  CspMergeDialog *dialog = merge_their_copy (f);

  gtk_window_close (GTK_WINDOW (dialog));
  spin_for (50);
  after = plan_to_string (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (csp_document_get_modified (csp_window_get_document (f->window)));
}

/* Changes on disk */

static void
test_disk_changed_bar (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CspDocument) other = csp_document_load (f->file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (csp_window_get_disk_message (f->window));

  /* Another writer (another process, a sync client) saves the file. */
  csp_item_set_string (CSP_ITEM (csp_document_get_plan (other)), "title", "Saved elsewhere");
  g_assert_true (csp_document_save (other, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  wait_until (has_disk_message, f->window);

  /* Merge brings the change in and takes the bar away. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "merge-changes", NULL);
  wait_until (has_merge_review, f->window);
  csp_merge_dialog_apply (csp_window_get_merge_dialog (f->window));
  wait_for_recorded (f);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (csp_window_get_plan (f->window)), "title"),
                   ==, "Saved elsewhere");
  g_assert_null (csp_window_get_disk_message (f->window));
}

/* Our own save is no change on disk. */
static void
test_own_save_no_bar (Fixture       *f,
                      gconstpointer  data)
{
  CspPlan *plan = csp_window_get_plan (f->window);

  csp_item_set_string (nth_action (plan, 0), "outcome", "Saved here");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "save", NULL);
  wait_until (is_saved, f->window);
  spin_for (1000);
  g_assert_null (csp_window_get_disk_message (f->window));
}

static void
test_keep_mine_hides_bar (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CspDocument) other = csp_document_load (f->file, NULL, NULL);

  csp_item_set_string (CSP_ITEM (csp_document_get_plan (other)), "title", "Saved elsewhere");
  g_assert_true (csp_document_save (other, NULL, FALSE, NULL, NULL));
  wait_until (has_disk_message, f->window);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "keep-mine", NULL);
  g_assert_null (csp_window_get_disk_message (f->window));
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (csp_window_get_plan (f->window)), "title"),
                   !=, "Saved elsewhere");
}

/* Failed saves */

static void
test_save_read_only_folder (Fixture       *f,
                            gconstpointer  data)
{
  CspPlan *plan = csp_window_get_plan (f->window);
  g_autofree char *original = file_to_string (f->file);
  g_autofree char *after = NULL;

  if (!csp_test_set_read_only (f->dir, TRUE))
    {
      g_test_skip ("The folder cannot be made read-only here");
      return;
    }

  csp_item_set_string (nth_action (plan, 0), "outcome", "Not saved");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "save", NULL);
  wait_until (has_save_error, f->window);
  csp_test_set_read_only (f->dir, FALSE);

  g_assert_nonnull (strstr (csp_window_get_save_error (f->window), "could not be saved"));
  g_assert_true (csp_document_get_modified (csp_window_get_document (f->window)));
  after = file_to_string (f->file);
  g_assert_cmpstr (after, ==, original);

  /* Saving once the folder is writable again clears the message. */
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "save", NULL);
  wait_until (is_saved, f->window);
  g_assert_null (csp_window_get_save_error (f->window));
}

static void
test_save_to_folder (Fixture       *f,
                     gconstpointer  data)
{
  CspPlan *plan = csp_window_get_plan (f->window);
  g_autofree char *path = g_file_get_path (f->file);

  /* The file's name now belongs to a folder. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  csp_item_set_string (nth_action (plan, 0), "outcome", "Not saved");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "save", NULL);
  wait_until (has_save_error, f->window);

  g_assert_true (csp_document_get_modified (csp_window_get_document (f->window)));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* Earlier versions */

static gboolean
history_ready (gpointer data)
{
  return !csp_history_dialog_is_busy (data);
}

static void
test_history_restore (Fixture       *f,
                      gconstpointer  data)
{
  CspDocument *document = csp_window_get_document (f->window);
  CspPlan *plan = csp_document_get_plan (document);
  g_autofree char *saved = NULL;
  CspHistoryDialog *dialog;
  GtkListBox *list;

  /* A second version: the first one is plan.json as set up. */
  csp_item_set_string (nth_action (plan, 0), "outcome", "Second version");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "save", NULL);
  wait_until (is_saved, f->window);
  saved = plan_to_string (plan);

  dialog = CSP_HISTORY_DIALOG (csp_window_browse_history (f->window));
  wait_until (history_ready, dialog);
  list = csp_history_dialog_get_list (dialog);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));

  /* The older one: its preview says what differs from now. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  wait_until (history_ready, dialog);
  g_assert_nonnull (csp_history_dialog_get_preview (dialog));
  g_assert_nonnull (strstr (csp_history_dialog_get_changes (dialog), "outcome"));

  csp_history_dialog_restore (dialog);
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 0), "outcome"), !=, "Second version");
  g_assert_true (csp_document_get_modified (document));

  g_assert_true (csp_undo_stack_undo (csp_document_get_undo_stack (document)));
  g_assert_cmpstr (csp_item_get_string (nth_action (plan, 0), "outcome"), ==, "Second version");
  g_assert_false (csp_document_get_modified (document));
}

static void
add_tests (void)
{
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sharing/merge/review-apply-undo", test_merge_review_apply_undo);
  ADD ("/sharing/merge/keep-mine", test_merge_keep_mine);
  ADD ("/sharing/merge/cancel", test_merge_cancel);
  ADD ("/sharing/disk/changed-bar", test_disk_changed_bar);
  ADD ("/sharing/disk/own-save-is-no-change", test_own_save_no_bar);
  ADD ("/sharing/disk/keep-mine", test_keep_mine_hides_bar);
  ADD ("/sharing/save/read-only-folder", test_save_read_only_folder);
  ADD ("/sharing/save/path-is-a-folder", test_save_to_folder);
  ADD ("/sharing/history/restore", test_history_restore);
#undef ADD
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("csp-sharing-data-XXXXXX", NULL);
  g_autoptr(GFile) data_dir = NULL;
  int status;

  /* Drafts and recent files: not the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    add_tests ();
  else
    g_test_skip ("No display: the sharing tests need one (run them under xvfb-run)");

  status = g_test_run ();

  data_dir = g_file_new_for_path (data_home);
  csp_test_remove_tree (data_dir);

  return status;
}
