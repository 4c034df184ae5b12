/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <locale.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "csp-format.h"
#include "csp-workbook-private.h"

/* libxlsxwriter before 1.1.6 declares its string fields without const
 * (Debian 12 has 1.1.4); later ones with it. */
#if LXW_VERSION_ID < 116
#define LXW_STR(s) ((char *) (s))
#else
#define LXW_STR(s) (s)
#endif

G_DEFINE_QUARK (csp-workbook-error-quark, csp_workbook_error)

static gboolean
check_workbook (CspBook    *book,
                lxw_error   result,
                const char *what)
{
  if (result != LXW_NO_ERROR && book->error == NULL)
    g_set_error (&book->error, CSP_WORKBOOK_ERROR, CSP_WORKBOOK_ERROR_FAILED,
                 /* Translators: what could not be done, then libxlsxwriter's reason */
                 _("Workbook, %s: %s"), what, lxw_strerror (result));
  return book->error == NULL;
}

static gboolean
has_review (CspPlan *plan)
{
  CspItem *review = csp_item_get_object (CSP_ITEM (plan), "review");

  return review != NULL && csp_item_get_n_children (review, "priorities") > 0;
}

/* "Review 2017-18", from the years of the review's period. */
static char *
dup_review_name (CspPlan *plan)
{
  CspItem *review = csp_item_get_object (CSP_ITEM (plan), "review");
  CspItem *period = csp_item_get_object (review, "period");
  int start, end;

  if (sscanf (csp_item_get_string (period, "start"), "%4d", &start) != 1 ||
      sscanf (csp_item_get_string (period, "end"), "%4d", &end) != 1 || end < start)
    return g_strdup (_("Review"));

  if (end == start)
    /* Translators: the review sheet of a one-year period */
    return g_strdup_printf (_("Review %d"), start);

  /* Translators: the review sheet, "Review 2017-18" */
  return g_strdup_printf (_("Review %d-%02d"), start, end % 100);
}

/* The fixed sheets take their names first, so that a priority called
 * "Partners" becomes "Partners (2)" and not the directory. */
static void
reserve_names (CspBook *book)
{
  g_autofree char *review = dup_review_name (book->plan);

  book->summary_name = _csp_sheet_name_make (book->sheet_names, _("Summary"), "Summary");
  if (has_review (book->plan))
    book->review_name = _csp_sheet_name_make (book->sheet_names, review, "Review");
  book->partners_name = _csp_sheet_name_make (book->sheet_names, _("Partners"), "Partners");
  book->glossary_name = _csp_sheet_name_make (book->sheet_names, _("Glossary"), "Glossary");
  book->key_name = _csp_sheet_name_make (book->sheet_names, _("Key"), "Key");
}

/* A step for each row, and a few for the lists and the key. */
static guint
count_work (CspBook *book)
{
  CspItem *root = CSP_ITEM (book->plan);

  return csp_item_get_n_children (root, "priorities") + book->actions->len +
         book->review_actions->len + 5 +
         csp_item_get_n_children (root, "partners") + csp_item_get_n_children (root, "glossary");
}

static void
facts_free (gpointer data)
{
  _csp_action_facts_clear (data);
  g_free (data);
}

static void
book_init (CspBook         *book,
           CspPlan         *plan,
           CspQuarter       quarter,
           const char      *today,
           CspProgressFunc  progress,
           gpointer         progress_data,
           GCancellable    *cancellable)
{
  g_autofree char *now_date = csp_date_today ();
  CspQuarter unused;

  book->plan = plan;
  book->quarter = quarter;
  csp_quarter_get_range (quarter, book->quarter_first, book->quarter_last);
  g_strlcpy (book->today, today != NULL && csp_quarter_for_date (today, &unused) ? today : now_date,
             sizeof book->today);
  book->footer = _csp_footer_make (csp_item_get_string (CSP_ITEM (plan), "partnership"));
  book->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  book->facts = g_hash_table_new_full (NULL, NULL, NULL, facts_free);
  book->progress = progress;
  book->progress_data = progress_data;
  book->cancellable = cancellable;
  book->actions = csp_plan_collect_actions (plan, FALSE);
  book->review_actions = csp_plan_collect_actions (plan, TRUE);
  book->total = count_work (book);
  reserve_names (book);
}

static void
book_clear (CspBook *book)
{
  g_clear_pointer (&book->workbook, lxw_workbook_free);
  g_clear_pointer (&book->footer, g_free);
  g_clear_pointer (&book->sheet_names, g_hash_table_unref);
  g_clear_pointer (&book->facts, g_hash_table_unref);
  g_clear_pointer (&book->actions, g_ptr_array_unref);
  g_clear_pointer (&book->review_actions, g_ptr_array_unref);
  g_clear_pointer (&book->summary_name, g_free);
  g_clear_pointer (&book->review_name, g_free);
  g_clear_pointer (&book->partners_name, g_free);
  g_clear_pointer (&book->glossary_name, g_free);
  g_clear_pointer (&book->key_name, g_free);
  g_clear_error (&book->error);
}

/* Noon on the export day, so that the date reads the same in every
 * time zone; the real time when it is today. */
static time_t
created_time (CspBook *book)
{
  int year, month, day;
  g_autoptr(GDateTime) created = NULL;

  if (sscanf (book->today, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (created = g_date_time_new_utc (year, month, day, 12, 0, 0)) == NULL)
    return time (NULL);

  return (time_t) g_date_time_to_unix (created);
}

static void
set_properties (CspBook *book)
{
  CspItem *plan = CSP_ITEM (book->plan);
  g_autofree char *quarter = csp_quarter_dup_label (book->quarter);
  /* Translators: the workbook's subject, with the quarter */
  g_autofree char *subject = g_strdup_printf (_("Strategy Group workbook, %s"), quarter);
  lxw_doc_properties properties = {
    .title = LXW_STR (csp_item_get_string (plan, "title")),
    .subject = LXW_STR (subject),
    .company = LXW_STR (csp_item_get_string (plan, "partnership")),
    .created = created_time (book),
  };

  check_workbook (book, workbook_set_properties (book->workbook, &properties),
                  _("properties"));
}

static void
write_sheets (CspBook *book)
{
  CspItem *plan = CSP_ITEM (book->plan);
  guint n = csp_item_get_n_children (plan, "priorities");

  _csp_book_add_styles (book);
  _csp_write_summary (book);
  for (guint i = 0; i < n && book->error == NULL; i++)
    _csp_write_priority (book, csp_item_get_child (plan, "priorities", i), i);
  if (book->review_name != NULL)
    _csp_write_review (book);
  _csp_write_partners (book);
  _csp_write_glossary (book);
  _csp_write_key (book);
}

static gboolean
write_workbook (CspBook    *book,
                const char *filename)
{
  lxw_workbook *workbook;

  book->workbook = workbook_new (filename);
  if (book->workbook == NULL)
    return check_workbook (book, LXW_ERROR_CREATING_XLSX_FILE, _("new workbook"));

  set_properties (book);
  write_sheets (book);
  if (book->error != NULL)
    return FALSE;

  /* workbook_close () frees the workbook whatever it returns. */
  workbook = g_steal_pointer (&book->workbook);
  return check_workbook (book, workbook_close (workbook), _("writing the file"));
}

/* Beside the target, so that the move into place is a rename. */
static char *
create_temp_file (const char  *path,
                  GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a file in “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&temp);
}

static gboolean
move_into_place (const char    *temp,
                 const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (temp);
  g_autoptr(GFile) target = g_file_new_for_path (path);

  return g_file_move (source, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      cancellable, NULL, NULL, error);
}

/* libxlsxwriter prints the workbook's numbers (widths, margins, chart
 * values) with printf: under a locale with a decimal comma it writes
 * "13,7", which no spreadsheet reads. The C numeric locale is set for
 * this thread only while the workbook is written, so that the rest of
 * the application keeps the user's. */
#ifdef G_OS_WIN32
typedef struct
{
  int   per_thread;
  char *numeric;
} NumericLocale;

static void
numeric_locale_push_c (NumericLocale *saved)
{
  saved->per_thread = _configthreadlocale (_ENABLE_PER_THREAD_LOCALE);
  saved->numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
  setlocale (LC_NUMERIC, "C");
}

static void
numeric_locale_pop (NumericLocale *saved)
{
  setlocale (LC_NUMERIC, saved->numeric);
  _configthreadlocale (saved->per_thread);
  g_free (saved->numeric);
}
#else
typedef struct
{
  locale_t c;
  locale_t old;
} NumericLocale;

static void
numeric_locale_push_c (NumericLocale *saved)
{
  /* The messages keep the user's language: only numbers change. */
  locale_t base = duplocale (LC_GLOBAL_LOCALE);

  saved->c = base != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (saved->c == (locale_t) 0 && base != (locale_t) 0)
    freelocale (base);
  saved->old = saved->c != (locale_t) 0 ? uselocale (saved->c) : (locale_t) 0;
}

static void
numeric_locale_pop (NumericLocale *saved)
{
  if (saved->c == (locale_t) 0)
    return;
  uselocale (saved->old);
  freelocale (saved->c);
}
#endif

gboolean
csp_workbook_export (CspPlan          *plan,
                     const char       *path,
                     CspQuarter        quarter,
                     const char       *today,
                     CspProgressFunc   progress,
                     gpointer          progress_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  CspBook book = { 0 };
  NumericLocale numeric;
  g_autofree char *temp = NULL;
  gboolean ok;

  g_return_val_if_fail (CSP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (quarter.quarter >= 1 && quarter.quarter <= 4, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (temp = create_temp_file (path, error)) == NULL)
    return FALSE;

  book_init (&book, plan, quarter, today, progress, progress_data, cancellable);
  numeric_locale_push_c (&numeric);
  ok = write_workbook (&book, temp);
  numeric_locale_pop (&numeric);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&book.error));
  else
    ok = move_into_place (temp, path, cancellable, error);
  book_clear (&book);

  if (!ok)
    g_unlink (temp);
  else if (progress != NULL)
    progress (1.0, progress_data);

  return ok;
}

typedef struct
{
  char                 *path;
  CspQuarter            quarter;
  CspProgressForwarder *progress; /* NULL: no progress asked for */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->path);
  csp_progress_forwarder_free (data->progress);
  g_free (data);
}

static void
export_thread (GTask        *task,
               CspPlan      *copy,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = csp_workbook_export (copy, data->path, data->quarter, NULL,
                            data->progress != NULL ? csp_progress_forward : NULL, data->progress,
                            cancellable, &error);

  /* Freed here, not in the caller's thread: tens of thousands of
   * objects take a while to free. */
  g_object_unref (copy);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
csp_workbook_export_async (CspPlan             *plan,
                           const char          *path,
                           CspQuarter           quarter,
                           CspProgressFunc      progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (CSP_IS_PLAN (plan));
  g_return_if_fail (path != NULL);
  g_return_if_fail (quarter.quarter >= 1 && quarter.quarter <= 4);

  /* The worker gets its own copy, made in a worker too: the plan may
   * change while the workbook is written. */
  data = g_new0 (ExportData, 1);
  data->path = g_strdup (path);
  data->quarter = quarter;
  data->progress = progress != NULL ? csp_progress_forwarder_new (progress, progress_data) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csp_workbook_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  csp_plan_run_on_copy (plan, g_steal_pointer (&task), export_thread);
}

gboolean
csp_workbook_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csp_workbook_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
