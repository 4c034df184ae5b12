/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "csp-document.h"
#include "csp-format.h"
#include "csp-merge.h"
#include "csp-quarter.h"
#include "csp-search.h"
#include "csp-workbook.h"

/* Times one operation on a plan file and prints
 *   OPERATION SECONDS PEAK_RSS_KIB
 * Run one operation per process, so that the peak memory is its own.
 *
 * "filter" types SEARCH (default "domestic abuse") one character at a
 * time into the action list's matcher over every action of the plan and
 * the review, as the window's "search all" does; SECONDS is the slowest
 * keystroke. The action list folds its actions' text while the main
 * loop is idle, before the first keystroke: that is timed apart.
 *
 * "export" writes the workbook of the default quarter to OUT (default
 * FILE.xlsx), from the plan already loaded, as the window does; the
 * quarter is worked out before the clock starts.
 *
 * "stall-open", "stall-save", "stall-export" and "stall-merge" run
 * what the window runs for that (CspDocument's load and save, the
 * workbook export, the merge's copy and merge of FILE into itself,
 * not its review dialog) on
 * a main loop, and time its longest iteration: how long the window
 * would not answer. The whole operation's time goes to stderr. */

#define DEFAULT_SEARCH "domestic abuse"

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

static double
time_keystrokes (CspPlan    *plan,
                 const char *search)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autoptr(GPtrArray) review = csp_plan_collect_actions (plan, TRUE);
  g_autoptr(CspSearchIndex) index = csp_search_index_new (plan);
  double slowest = 0;
  double folding = now ();

  g_ptr_array_extend_and_steal (actions, g_steal_pointer (&review));
  for (guint i = 0; i < actions->len; i++)
    csp_search_index_prepare (index, g_ptr_array_index (actions, i));
  g_printerr ("  folding %u actions while idle: %.4f s\n", actions->len, now () - folding);

  for (const char *end = g_utf8_next_char (search); ; end = g_utf8_next_char (end))
    {
      g_autofree char *typed = g_strndup (search, end - search);
      g_autofree char *needle = NULL;
      double start = now ();
      guint shown = 0;

      needle = csp_search_fold (typed);
      for (guint i = 0; i < actions->len; i++)
        shown += csp_search_index_matches (index, g_ptr_array_index (actions, i), needle);
      slowest = MAX (slowest, now () - start);
      g_printerr ("  \"%s\": %u of %u actions, %.4f s\n", typed, shown, actions->len, now () - start);

      if (*end == '\0')
        break;
    }

  return slowest;
}

static CspPlan *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  CspPlan *plan = csp_plan_load_bytes (bytes, &error);

  if (plan == NULL)
    g_error ("%s", error->message);

  return plan;
}

typedef struct
{
  double       last;
  double       longest;
  gboolean     done;
  CspDocument *opened; /* kept, as the window keeps it */
} Stall;

static gboolean
on_tick (gpointer data)
{
  Stall *stall = data;
  double t = now ();

  stall->longest = MAX (stall->longest, t - stall->last);
  stall->last = t;
  return G_SOURCE_CONTINUE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Stall *stall = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == csp_document_load_async)
    {
      stall->opened = csp_document_load_finish (result, &error);
      ok = stall->opened != NULL;
    }
  else if (g_task_get_source_tag (G_TASK (result)) == csp_workbook_export_async)
    ok = csp_workbook_export_finish (result, &error);
  else if (CSP_IS_DOCUMENT (source))
    ok = csp_document_save_finish (CSP_DOCUMENT (source), result, &error);
  else
    ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!ok)
    g_error ("%s", error->message);
  stall->done = TRUE;
}

/* The merge as the window starts it: the other file read and merged,
 * in a worker, with a copy of the document made in another. */
static void
merge_in_thread (GTask        *task,
                 CspPlan      *copy,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) mine = copy;
  g_autoptr(CspPlan) theirs = csp_plan_load_file (task_data, NULL, &error);
  g_autoptr(CspMerge) merge = NULL;

  if (theirs == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The window frees its copies in a worker too (csp_unref_in_thread ()). */
  merge = csp_merge_new (NULL, mine, theirs);
  g_task_return_boolean (task, TRUE);
}

static double
time_stall (const char *what,
            const char *path,
            GBytes     *bytes)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *copy_path = g_strconcat (path, ".saved.json", NULL);
  g_autofree char *xlsx = g_strconcat (path, ".xlsx", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(CspDocument) document = NULL;
  Stall stall = { 0 };
  CspQuarter quarter = { 0 };
  double start;
  guint tick;

  if (!g_str_equal (what, "open"))
    {
      g_autoptr(GError) error = NULL;

      document = csp_document_load (file, NULL, &error);
      if (document == NULL)
        g_error ("%s", error->message);
      /* The export dialog has it before the export starts. */
      quarter = csp_plan_get_default_quarter (csp_document_get_plan (document));
    }

  tick = g_timeout_add (1, on_tick, &stall);
  start = stall.last = now ();

  if (g_str_equal (what, "open"))
    csp_document_load_async (file, NULL, NULL, NULL, on_done, &stall);
  else if (g_str_equal (what, "save"))
    csp_document_save_async (document, copy, TRUE, NULL, on_done, &stall);
  else if (g_str_equal (what, "export"))
    csp_workbook_export_async (csp_document_get_plan (document), xlsx, quarter,
                               NULL, NULL, NULL, on_done, &stall);
  else if (g_str_equal (what, "merge"))
    {
      GTask *task = g_task_new (NULL, NULL, on_done, &stall);

      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      csp_plan_run_on_copy (csp_document_get_plan (document), task, merge_in_thread);
    }
  else
    g_error ("unknown operation stall-%s", what);

  while (!stall.done)
    g_main_context_iteration (NULL, TRUE);
  on_tick (&stall);
  g_source_remove (tick);
  g_printerr ("  %s: %.3f s in all, the main loop's longest wait %.4f s\n",
              what, now () - start, stall.longest);
  g_unlink (copy_path);
  g_clear_object (&stall.opened);

  return stall.longest;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  const char *operation;
  double start, seconds;

  if (argc != 3 && !(argc == 4 && (g_str_equal (argv[1], "filter") || g_str_equal (argv[1], "export"))))
    {
      g_printerr ("usage: csp-bench parse|load|save FILE\n"
                  "       csp-bench stall-open|stall-save|stall-export|stall-merge FILE\n"
                  "       csp-bench filter FILE [SEARCH]\n"
                  "       csp-bench export FILE [OUT]\n");
      return 2;
    }

  operation = argv[1];
  bytes = read_bytes (argv[2]);

  if (g_str_equal (operation, "parse"))
    {
      /* The baseline: json-glib alone, no checks, no model. */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      start = now ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      seconds = now () - start;
    }
  else if (g_str_equal (operation, "load"))
    {
      g_autoptr(CspPlan) plan = NULL;

      start = now ();
      plan = load (bytes);
      seconds = now () - start;
    }
  else if (g_str_equal (operation, "save"))
    {
      g_autoptr(CspPlan) plan = load (bytes);
      g_autoptr(GBytes) out = NULL;

      start = now ();
      out = csp_plan_to_bytes (plan);
      seconds = now () - start;
      if (!g_bytes_equal (out, bytes))
        g_printerr ("note: the file is not in canonical form\n");
    }
  else if (g_str_equal (operation, "filter"))
    {
      g_autoptr(CspPlan) plan = load (bytes);

      seconds = time_keystrokes (plan, argc == 4 ? argv[3] : DEFAULT_SEARCH);
    }
  else if (g_str_equal (operation, "export"))
    {
      g_autoptr(CspPlan) plan = load (bytes);
      g_autofree char *out = argc == 4 ? g_strdup (argv[3]) : g_strconcat (argv[2], ".xlsx", NULL);
      /* The quarter is the export's input (the window's dialog has it
       * already): only writing the workbook is timed, as in the
       * XlsxWriter baseline; "cli" times the whole way. */
      CspQuarter quarter = csp_plan_get_default_quarter (plan);
      g_autoptr(GError) error = NULL;

      start = now ();
      if (!csp_workbook_export (plan, out, quarter, NULL, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      seconds = now () - start;
    }
  else if (g_str_has_prefix (operation, "stall-"))
    seconds = time_stall (operation + strlen ("stall-"), argv[2], bytes);
  else
    {
      g_printerr ("unknown operation %s\n", operation);
      return 2;
    }

  printf ("%s %.3f %ld\n", operation, seconds, peak_rss_kib ());
  return 0;
}
