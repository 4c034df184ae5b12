/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include <glib/gstdio.h>

#include "csp-test-util.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-merge.h"

typedef struct
{
  char       *dir;
  CspHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;

  f->dir = g_dir_make_tmp ("csp-history-XXXXXX", &error);
  g_assert_no_error (error);
  root = g_file_new_build_filename (f->dir, "history", NULL);
  f->history = csp_history_new (root);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  csp_test_remove_path (f->dir);
  g_free (f->dir);
}

/* The sample as a document saved at @revision after @parent. */
static CspPlan *
plan_at (const char *id,
         const char *revision,
         const char *parent)
{
  CspPlan *plan = csp_sample_load ();
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_PLAN);
  const char * const ancestors[] = { parent, NULL };

  _csp_item_set_string_raw (CSP_ITEM (plan), info->id_field, id);
  _csp_item_set_string_raw (CSP_ITEM (plan), csp_kind_find_field (info, "revision"), revision);
  _csp_item_set_strv_raw (CSP_ITEM (plan), csp_kind_find_field (info, "ancestors"), ancestors);

  return plan;
}

static void
record (Fixture    *f,
        const char *id,
        const char *revision,
        const char *parent)
{
  g_autoptr(CspPlan) plan = plan_at (id, revision, parent);
  g_autoptr(GError) error = NULL;

  g_assert_true (csp_history_record (f->history, plan, &error));
  g_assert_no_error (error);
  /* Times are kept to the microsecond; make the order certain. */
  g_usleep (2000);
}

static char *
dup_revisions (Fixture    *f,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = csp_history_list (f->history, id, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      CspRevisionInfo *info = g_ptr_array_index (list, i);

      g_assert_nonnull (info->time);
      g_assert_cmpuint (info->size, >, 0);
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", info->revision);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_record_list_load (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CspPlan) plan = plan_at ("doc", "r2", "r1");
  g_autoptr(CspPlan) loaded = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *path = NULL;

  record (f, "doc", "r1", NULL);
  record (f, "doc", "r2", "r1");
  record (f, "other", "x1", NULL);

  names = dup_revisions (f, "doc");
  g_assert_cmpstr (names, ==, "r2 r1");

  loaded = csp_history_load (f->history, "doc", "r2", &error);
  g_assert_no_error (error);
  expected = csp_plan_to_bytes (plan);
  bytes = csp_plan_to_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, bytes));

  /* The names documented in csp-history.c. */
  path = g_build_filename (f->dir, "history", "doc", "r2.json", NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_null (csp_history_load (f->history, "doc", "r9", &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NOT_FOUND);
}

/* A revision is content: recording it again keeps the first copy. */
static void
test_record_once (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CspPlan) changed = plan_at ("doc", "r1", NULL);
  g_autoptr(CspPlan) loaded = NULL;
  g_autoptr(GError) error = NULL;

  record (f, "doc", "r1", NULL);
  csp_item_set_string (CSP_ITEM (changed), "title", "Not the same");
  g_assert_true (csp_history_record (f->history, changed, &error));
  g_assert_no_error (error);

  loaded = csp_history_load (f->history, "doc", "r1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (loaded), "title"), ==, "Partnership Plan 2018 - 2019");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CspPlan) unsaved = csp_sample_load ();
  g_autoptr(CspPlan) evil = plan_at ("../../escape", "r1", NULL);
  g_autoptr(CspPlan) evil_revision = plan_at ("doc", "../r1", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_build_filename (f->dir, "escape", NULL);

  g_assert_false (csp_history_record (f->history, unsaved, &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_REVISION);
  g_clear_error (&error);

  /* Ids come from files: they never walk out of the history. */
  g_assert_false (csp_history_record (f->history, evil, &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_BAD_NAME);
  g_clear_error (&error);
  g_assert_false (csp_history_record (f->history, evil_revision, &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_BAD_NAME);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static void
test_bounded_count (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *names = NULL;

  csp_history_set_limits (f->history, 3, 0);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *revision = g_strdup_printf ("r%u", i);

      record (f, "doc", revision, NULL);
    }

  names = dup_revisions (f, "doc");
  g_assert_cmpstr (names, ==, "r5 r4 r3");
}

static void
test_bounded_size (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CspPlan) plan = plan_at ("a", "r1", NULL);
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  /* Room for two and a half revisions, over all documents. */
  csp_history_set_limits (f->history, 0, g_bytes_get_size (bytes) * 5 / 2);
  record (f, "a", "r1", NULL);
  record (f, "b", "r1", NULL);
  record (f, "a", "r2", "r1");
  record (f, "b", "r2", "r1");

  a = dup_revisions (f, "a");
  b = dup_revisions (f, "b");
  g_assert_cmpstr (a, ==, "r2");
  g_assert_cmpstr (b, ==, "r2");
}

static void
test_find_base (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CspPlan) mine = plan_at ("doc", "m1", "r2");
  g_autoptr(CspPlan) theirs = plan_at ("doc", "t1", "r2");
  g_autoptr(CspPlan) stranger = plan_at ("other", "t1", "r2");
  g_autoptr(CspPlan) older = plan_at ("doc", "r2", "r1");
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revision = NULL;
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_PLAN);
  const char * const longer[] = { "r2", "r1", NULL };

  /* Listed by both but not kept: no base. */
  g_assert_null (csp_history_find_base (f->history, mine, theirs, NULL, &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_COMMON_REVISION);
  g_clear_error (&error);

  record (f, "doc", "r1", NULL);
  record (f, "doc", "r2", "r1");
  _csp_item_set_strv_raw (CSP_ITEM (mine), csp_kind_find_field (info, "ancestors"), longer);
  _csp_item_set_strv_raw (CSP_ITEM (theirs), csp_kind_find_field (info, "ancestors"), longer);

  /* The newest of the shared ones. */
  base = csp_history_find_base (f->history, mine, theirs, &revision, &error);
  g_assert_no_error (error);
  g_assert_nonnull (base);
  g_assert_cmpstr (revision, ==, "r2");
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (base), "revision"), ==, "r2");

  /* Theirs is mine's ancestor itself. */
  g_clear_object (&base);
  g_clear_pointer (&revision, g_free);
  base = csp_history_find_base (f->history, mine, older, &revision, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revision, ==, "r2");

  /* Another document has nothing in common. */
  g_assert_null (csp_history_find_base (f->history, mine, stranger, NULL, &error));
  g_assert_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_COMMON_REVISION);
}

/* The history gives the merge its base: one-sided edits on both sides,
 * and no conflict. */
static void
test_three_way_from_history (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CspPlan) mine = plan_at ("doc", "m1", "r1");
  g_autoptr(CspPlan) theirs = plan_at ("doc", "t1", "r1");
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(CspMerge) merge = NULL;
  g_autoptr(CspMerge) two_way = NULL;
  g_autoptr(GError) error = NULL;

  record (f, "doc", "r1", NULL);
  csp_timestamp_set_fixed ("2030-01-01T00:00:00Z");
  csp_item_set_string (CSP_ITEM (mine), "title", "Mine's title");
  csp_timestamp_set_fixed ("2030-01-02T00:00:00Z");
  csp_item_set_string (CSP_ITEM (theirs), "area", "Theirs' area");
  csp_timestamp_set_fixed (NULL);

  base = csp_history_find_base (f->history, mine, theirs, NULL, &error);
  g_assert_no_error (error);
  merge = csp_merge_new (base, mine, theirs);
  g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, 0);

  /* Without the base both fields would be up for review. */
  two_way = csp_merge_new (NULL, mine, theirs);
  g_assert_cmpuint (csp_merge_get_n_conflicts (two_way), ==, 2);
}

static void
test_root_from_environment (void)
{
  g_autoptr(CspHistory) history = NULL;
  g_autoptr(CspHistory) fallback = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fallback_path = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                                "history", NULL);

  g_setenv (CSP_HISTORY_DIR_ENV, "/nonexistent/csp-history", TRUE);
  history = csp_history_new (NULL);
  path = g_file_get_path (csp_history_get_root (history));
  g_assert_cmpstr (path, ==, "/nonexistent/csp-history");

  g_unsetenv (CSP_HISTORY_DIR_ENV);
  fallback = csp_history_new (NULL);
  fallback_path = g_file_get_path (csp_history_get_root (fallback));
  g_assert_cmpstr (fallback_path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/record-list-load", test_record_list_load);
  ADD ("/history/record-once", test_record_once);
  ADD ("/history/refusals", test_refusals);
  ADD ("/history/bounded/count", test_bounded_count);
  ADD ("/history/bounded/size", test_bounded_size);
  ADD ("/history/find-base", test_find_base);
  ADD ("/history/three-way-from-history", test_three_way_from_history);
  g_test_add_func ("/history/root-from-environment", test_root_from_environment);

  return g_test_run ();
}
