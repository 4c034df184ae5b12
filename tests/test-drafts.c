/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <glib/gstdio.h>

#include "csp-test-util.h"
#include "csp-command.h"
#include "csp-document.h"
#include "csp-drafts.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-merge.h"

/* Crash recovery drafts, the history a document keeps, and replacing
 * a plan's content in one undoable step: the core of offline sharing,
 * without a display. */

typedef struct
{
  char      *dir;
  GFile     *file;
  CspDrafts *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) sample = csp_sample_get_bytes ();
  g_autofree char *path = NULL;
  g_autofree char *history = NULL;
  g_autoptr(GFile) drafts_dir = NULL;
  g_autofree char *drafts_path = NULL;

  f->dir = g_dir_make_tmp ("csp-drafts-XXXXXX", NULL);
  path = g_build_filename (f->dir, "plan.json", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (sample, NULL),
                                      g_bytes_get_size (sample), NULL));
  f->file = g_file_new_for_path (path);

  history = g_build_filename (f->dir, "history", NULL);
  g_setenv (CSP_HISTORY_DIR_ENV, history, TRUE);

  drafts_path = g_build_filename (f->dir, "drafts", NULL);
  drafts_dir = g_file_new_for_path (drafts_path);
  f->drafts = csp_drafts_new (drafts_dir);
  csp_drafts_set_delay (f->drafts, 50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  g_clear_object (&f->drafts);
  csp_test_remove_tree (dir);
  g_unsetenv (CSP_HISTORY_DIR_ENV);
  g_free (f->dir);
  g_object_unref (f->file);
}

static void
on_written (CspDrafts   *drafts,
            CspDocument *document,
            GFile       *draft,
            GFile      **out)
{
  g_set_object (out, draft);
}

/* Runs the main loop until the next draft is on disk (or 10 s). */
static GFile *
wait_for_draft (CspDrafts *drafts)
{
  GFile *draft = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong id = g_signal_connect (drafts, "written", G_CALLBACK (on_written), &draft);

  while (draft == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (drafts, id);
  g_assert_nonnull (draft);

  return draft;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
plan_to_string (CspPlan *plan)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);

  return bytes_to_string (bytes);
}

static char *
file_to_string (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static CspItem *
first_action (CspPlan *plan)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);

  return g_ptr_array_index (actions, 0);
}

/* Drafts */

static void
test_written_after_change (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  g_autoptr(GFile) draft = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *original = file_to_string (f->file);
  g_autofree char *after = NULL;

  g_assert_nonnull (document);
  csp_drafts_watch (f->drafts, document);
  g_assert_null (csp_drafts_get_draft (f->drafts, document));

  csp_item_set_string (first_action (csp_document_get_plan (document)), "outcome", "Drafted");
  draft = wait_for_draft (f->drafts);

  expected = plan_to_string (csp_document_get_plan (document));
  written = file_to_string (draft);
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (g_file_equal (draft, csp_drafts_get_draft (f->drafts, document)));

  /* The real file is never touched. */
  after = file_to_string (f->file);
  g_assert_cmpstr (after, ==, original);
  csp_drafts_unwatch (f->drafts, document, FALSE);
}

static void
test_index_names_original (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  CspDraftInfo *info;

  csp_drafts_watch (f->drafts, document);
  csp_item_set_string (CSP_ITEM (csp_document_get_plan (document)), "title", "Draft title");
  draft = wait_for_draft (f->drafts);

  /* A draft of a document still open is not offered for recovery. */
  listed = csp_drafts_list (f->drafts);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* As after a crash: nobody watches it any more. */
  csp_drafts_unwatch (f->drafts, document, FALSE);
  listed = csp_drafts_list (f->drafts);
  g_assert_cmpuint (listed->len, ==, 1);
  info = g_ptr_array_index (listed, 0);
  g_assert_true (g_file_equal (info->original, f->file));
  g_assert_true (g_file_equal (info->draft, draft));
  g_assert_cmpstr (info->title, ==, "Draft title");
  g_assert_cmpstr (info->etag, ==, csp_document_get_etag (document));
  g_assert_nonnull (info->time);
}

static void
test_save_deletes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  csp_drafts_watch (f->drafts, document);
  csp_item_set_string (first_action (csp_document_get_plan (document)), "due", "2019-01-31");
  draft = wait_for_draft (f->drafts);
  g_assert_true (g_file_query_exists (draft, NULL));

  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  csp_drafts_flush (f->drafts);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_assert_null (csp_drafts_get_draft (f->drafts, document));

  csp_drafts_unwatch (f->drafts, document, FALSE);
  listed = csp_drafts_list (f->drafts);
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_discard_deletes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  csp_drafts_watch (f->drafts, document);
  csp_item_set_string (first_action (csp_document_get_plan (document)), "outcome", "Thrown away");
  draft = wait_for_draft (f->drafts);

  csp_drafts_unwatch (f->drafts, document, TRUE);
  csp_drafts_flush (f->drafts);
  g_assert_false (g_file_query_exists (draft, NULL));
  listed = csp_drafts_list (f->drafts);
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  g_autoptr(CspDocument) restored = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unsaved = NULL;
  g_autofree char *json = NULL;

  csp_drafts_watch (f->drafts, document);
  csp_item_set_string (first_action (csp_document_get_plan (document)), "status", "at-risk");
  draft = wait_for_draft (f->drafts);
  unsaved = plan_to_string (csp_document_get_plan (document));
  csp_drafts_unwatch (f->drafts, document, FALSE);

  listed = csp_drafts_list (f->drafts);
  g_assert_cmpuint (listed->len, ==, 1);
  restored = csp_drafts_restore (f->drafts, g_ptr_array_index (listed, 0), &error);
  g_assert_no_error (error);

  json = plan_to_string (csp_document_get_plan (restored));
  g_assert_cmpstr (json, ==, unsaved);
  g_assert_true (g_file_equal (csp_document_get_file (restored), f->file));
  g_assert_true (csp_document_get_modified (restored));
  g_assert_cmpstr (csp_document_get_etag (restored), ==, csp_document_get_etag (document));

  /* Watching the restored document goes on with the same draft. */
  csp_drafts_watch (f->drafts, restored);
  csp_item_set_string (first_action (csp_document_get_plan (restored)), "outcome", "Again");
  again = wait_for_draft (f->drafts);
  g_assert_true (g_file_equal (again, draft));
  csp_drafts_unwatch (f->drafts, restored, TRUE);
}

/* Undoing back to the saved state leaves nothing to recover. */
static void
test_undo_to_clean_deletes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, NULL);
  CspUndoStack *stack = csp_document_get_undo_stack (document);
  g_autoptr(GFile) draft = NULL;

  csp_drafts_watch (f->drafts, document);
  csp_edit_set_string (stack, first_action (csp_document_get_plan (document)), "outcome", "Oops", 0);
  draft = wait_for_draft (f->drafts);

  g_assert_true (csp_undo_stack_undo (stack));
  g_assert_false (csp_document_get_modified (document));
  csp_drafts_flush (f->drafts);
  g_assert_false (g_file_query_exists (draft, NULL));
  csp_drafts_unwatch (f->drafts, document, FALSE);
}

/* The history a document keeps */

static void
test_history_open_and_save (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CspDocument) first = csp_document_load (f->file, NULL, NULL);
  g_autoptr(CspDocument) document = NULL;
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) kept = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *kept_json = NULL;
  g_autofree char *on_disk = NULL;
  CspItem *plan;
  const char *id;

  /* The sample has no revision yet: a save gives it one. */
  g_assert_true (csp_document_save (first, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  csp_test_remove_tree (csp_history_get_root (history));

  document = csp_document_load (f->file, NULL, NULL);
  plan = CSP_ITEM (csp_document_get_plan (document));
  id = csp_item_get_id (plan);
  opened = g_strdup (csp_item_get_string (plan, "revision"));
  g_assert_cmpstr (opened, !=, "");
  g_assert_true (csp_history_contains (history, id, opened));

  csp_item_set_string (first_action (CSP_PLAN (plan)), "outcome", "Saved once");
  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (csp_item_get_string (plan, "revision"), !=, opened);
  g_assert_true (csp_history_contains (history, id, csp_item_get_string (plan, "revision")));

  /* What the history keeps is what the file holds. */
  kept = csp_history_load (history, id, csp_item_get_string (plan, "revision"), &error);
  g_assert_no_error (error);
  kept_json = plan_to_string (kept);
  on_disk = file_to_string (f->file);
  g_assert_cmpstr (kept_json, ==, on_disk);
}

/* Replacing the content */

static void
test_replace_content_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(CspPlan) other = csp_sample_load ();
  g_autoptr(CspPlan) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CspCommand) command = NULL;
  g_autofree char *before = plan_to_string (plan);
  g_autofree char *wanted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *reverted = NULL;
  g_autofree char *redone = NULL;
  GListModel *priorities = csp_item_get_list (CSP_ITEM (plan), "priorities");
  CspItem *partner;

  /* Another plan: a priority fewer, a partner renamed, a new title. */
  csp_item_remove (CSP_ITEM (other), "priorities", 0);
  partner = csp_item_get_child (CSP_ITEM (other), "partners", 0);
  csp_item_set_string (partner, "name", "Renamed partner");
  csp_item_set_string (CSP_ITEM (other), "title", "Merged plan");
  wanted = plan_to_string (other);

  command = csp_command_new_replace_content (plan, g_steal_pointer (&other), "Merge");
  g_assert_true (csp_command_apply (command));
  after = plan_to_string (plan);
  g_assert_cmpstr (after, ==, wanted);

  /* The same list models, now holding the other plan's objects. */
  g_assert_true (priorities == csp_item_get_list (CSP_ITEM (plan), "priorities"));
  g_assert_true (csp_item_get_parent (csp_item_get_child (CSP_ITEM (plan), "priorities", 0))
                 == CSP_ITEM (plan));
  g_assert_true (csp_plan_lookup (plan, csp_item_get_id (partner)) == partner);

  csp_command_revert (command);
  reverted = plan_to_string (plan);
  g_assert_cmpstr (reverted, ==, before);
  /* Both plans come from the sample: the same ids, other objects. */
  g_assert_true (csp_plan_lookup (plan, csp_item_get_id (partner)) != partner);
  g_assert_cmpstr (csp_item_get_string (csp_plan_lookup (plan, csp_item_get_id (partner)), "name"),
                   !=, "Renamed partner");

  g_assert_true (csp_command_apply (command));
  redone = plan_to_string (plan);
  g_assert_cmpstr (redone, ==, wanted);

  /* Nothing to replace: no step. */
  bytes = csp_plan_to_bytes (plan);
  expected = csp_plan_load_bytes (bytes, NULL);
  g_clear_pointer (&command, csp_command_unref);
  command = csp_command_new_replace_content (plan, g_steal_pointer (&expected), "Merge");
  g_assert_false (csp_command_apply (command));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/drafts/written-after-change", Fixture, NULL,
              fixture_set_up, test_written_after_change, fixture_tear_down);
  g_test_add ("/drafts/index-names-original", Fixture, NULL,
              fixture_set_up, test_index_names_original, fixture_tear_down);
  g_test_add ("/drafts/save-deletes", Fixture, NULL,
              fixture_set_up, test_save_deletes, fixture_tear_down);
  g_test_add ("/drafts/discard-deletes", Fixture, NULL,
              fixture_set_up, test_discard_deletes, fixture_tear_down);
  g_test_add ("/drafts/undo-to-saved-deletes", Fixture, NULL,
              fixture_set_up, test_undo_to_clean_deletes, fixture_tear_down);
  g_test_add ("/drafts/restore", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/document/history/open-and-save", Fixture, NULL,
              fixture_set_up, test_history_open_and_save, fixture_tear_down);
  g_test_add ("/command/replace-content/undo", Fixture, NULL,
              fixture_set_up, test_replace_content_undo, fixture_tear_down);

  return g_test_run ();
}
