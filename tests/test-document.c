/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "csp-test-util.h"
#include "csp-document.h"
#include "csp-format.h"
#include "csp-undo.h"

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) sample = csp_sample_get_bytes ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("csp-document-XXXXXX", NULL);
  path = g_build_filename (f->dir, "plan.json", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample), NULL));
  f->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  csp_test_set_read_only (f->dir, FALSE);
  dir = g_dir_open (f->dir, 0, NULL);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->file);
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
test_modified_follows_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  g_assert_false (csp_document_get_modified (document));
  title = csp_document_dup_title (document);
  g_assert_cmpstr (title, ==, "plan.json");

  csp_item_set_string (CSP_ITEM (csp_document_get_plan (document)), "area", "Kent");
  g_assert_true (csp_document_get_modified (document));

  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (csp_document_get_modified (document));
}

static void
test_save_revision_and_backup (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  g_autofree char *before = read_file (f->file);
  g_autofree char *backup_path = g_strconcat (g_file_peek_path (f->file), "~", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autofree char *backup_text = NULL;
  g_autoptr(CspDocument) reread = NULL;
  CspItem *plan;
  char *first_revision;

  g_assert_no_error (error);
  plan = CSP_ITEM (csp_document_get_plan (document));
  g_assert_cmpstr (csp_item_get_string (plan, "revision"), ==, "");

  csp_item_set_string (plan, "area", "Kent");
  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* The previous file is kept as NAME~. */
  backup_text = read_file (backup);
  g_assert_cmpstr (backup_text, ==, before);

  first_revision = g_strdup (csp_item_get_string (plan, "revision"));
  g_assert_true (g_uuid_string_is_valid (first_revision));
  g_assert_null (csp_item_get_strv (plan, "ancestors")[0]);

  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_cmpstr (csp_item_get_string (plan, "revision"), !=, first_revision);
  g_assert_cmpstr (csp_item_get_strv (plan, "ancestors")[0], ==, first_revision);

  reread = csp_document_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (csp_document_get_plan (reread)), "area"), ==, "Kent");
  g_free (first_revision);
}

static void
test_refuses_file_changed_on_disk (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  const char *other = "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"Someone else's\"}\n";
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  /* Another program writes the file; mtime granularity needs a step. */
  g_usleep (G_USEC_PER_SEC + 10000);
  g_assert_true (g_file_set_contents (g_file_peek_path (f->file), other, -1, NULL));

  csp_item_set_string (CSP_ITEM (csp_document_get_plan (document)), "area", "Kent");
  g_assert_false (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  after = read_file (f->file);
  g_assert_cmpstr (after, ==, other);
  g_assert_true (csp_document_get_modified (document));

  /* The user said "overwrite". */
  g_clear_error (&error);
  g_assert_true (csp_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_failed_save_changes_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  g_autofree char *before = read_file (f->file);
  g_autofree char *after = NULL;
  CspItem *plan;

  plan = CSP_ITEM (csp_document_get_plan (document));
  csp_item_set_string (plan, "area", "Kent");
  if (!csp_test_set_read_only (f->dir, TRUE))
    {
      g_test_skip ("this file system cannot make a folder read-only for root");
      return;
    }

  g_assert_false (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (csp_document_get_modified (document));
  g_assert_cmpstr (csp_item_get_string (plan, "revision"), ==, "");
  csp_test_set_read_only (f->dir, FALSE);
  after = read_file (f->file);
  g_assert_cmpstr (after, ==, before);
}

static void
test_save_into_missing_folder_fails_cleanly (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  g_autofree char *path = g_build_filename (f->dir, "missing", "copy.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  CspItem *plan = CSP_ITEM (csp_document_get_plan (document));

  csp_item_set_string (plan, "area", "Kent");
  g_assert_false (csp_document_save (document, target, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (csp_document_get_modified (document));
  g_assert_true (g_file_equal (csp_document_get_file (document), f->file));
  g_assert_cmpstr (csp_item_get_string (plan, "revision"), ==, "");
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(CspDocument) document = csp_document_load_finish (result, error);

  g_assert_null (document);
}

static void
test_load_async_reports_errors (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (g_file_peek_path (f->file), "{\"format\": \"csp-plan\", ", -1, NULL));
  csp_document_load_async (f->file, NULL, NULL, NULL, on_loaded, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_SYNTAX);
}

typedef struct
{
  GArray       *fractions;
  GAsyncResult *result;
  GThread      *thread;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* On the caller's thread, before the load's own callback. */
  g_assert_true (g_thread_self () == progress->thread);
  g_assert_null (progress->result);
  g_array_append_val (progress->fractions, fraction);
}

/* Opening reports how much of the file is read, on the caller's main
 * context, always further, up to the whole of it. */
static void
test_load_async_progress (Fixture       *f,
                          gconstpointer  data)
{
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), NULL, g_thread_self () };
  g_autoptr(CspDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;

  csp_document_load_async (f->file, on_progress, &progress, NULL,
                           csp_test_keep_result, &progress.result);
  csp_test_wait_for_result (&progress.result);
  document = csp_document_load_finish (progress.result, &error);
  g_assert_no_error (error);

  /* The sample is 100 kB: dozens of per cents, each once. */
  g_assert_cmpuint (progress.fractions->len, >=, 20);
  for (guint i = 0; i < progress.fractions->len; i++)
    {
      double fraction = g_array_index (progress.fractions, double, i);

      g_assert_cmpfloat (fraction, >, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
    }
  g_assert_cmpfloat (last, >=, 0.9);

  g_array_unref (progress.fractions);
  g_clear_object (&progress.result);
}

/* The plan's bytes are made in a worker thread; an edit made in the
 * meantime waits for it, is not in the file, and leaves the document
 * modified. */
static void
test_edit_during_save (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = csp_document_load (f->file, NULL, &error);
  g_autoptr(CspDocument) saved = NULL;
  g_autoptr(CspDocument) resaved = NULL;
  CspUndoStack *stack = csp_document_get_undo_stack (document);
  CspItem *plan = CSP_ITEM (csp_document_get_plan (document));
  CspItem *priority = csp_item_get_child (plan, "priorities", 0);
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  csp_edit_set_string (stack, plan, "area", "Kent", 0);
  csp_undo_stack_break_merge (stack);

  csp_document_save_async (document, NULL, FALSE, NULL, csp_test_keep_result, &result);
  csp_edit_set_string (stack, plan, "area", "Medway", 0);
  csp_edit_remove (stack, csp_item_get_child (priority, "themes", 0));
  g_assert_cmpstr (csp_item_get_string (plan, "area"), ==, "Medway");
  csp_test_wait_for_result (&result);
  g_assert_true (csp_document_save_finish (document, result, &error));
  g_assert_no_error (error);

  saved = csp_document_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (csp_document_get_plan (saved)), "area"), ==, "Kent");
  g_assert_cmpuint (csp_item_get_n_children (csp_item_get_child (CSP_ITEM (csp_document_get_plan (saved)),
                                                                 "priorities", 0), "themes"),
                    ==, csp_item_get_n_children (priority, "themes") + 1);
  g_assert_true (csp_document_get_modified (document));
  g_assert_false (csp_undo_stack_get_clean (stack));

  g_assert_true (csp_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (csp_document_get_modified (document));
  resaved = csp_document_load (f->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (csp_document_get_plan (resaved)), "area"), ==, "Medway");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/modified-follows-edits", test_modified_follows_edits);
  ADD ("/document/save-revision-and-backup", test_save_revision_and_backup);
  ADD ("/document/refuses-file-changed-on-disk", test_refuses_file_changed_on_disk);
  ADD ("/document/failed-save-changes-nothing", test_failed_save_changes_nothing);
  ADD ("/document/save-into-missing-folder-fails-cleanly", test_save_into_missing_folder_fails_cleanly);
  ADD ("/document/load-async-reports-errors", test_load_async_reports_errors);
  ADD ("/document/load-async-progress", test_load_async_progress);
  ADD ("/document/edit-during-save", test_edit_during_save);
#undef ADD

  return g_test_run ();
}
