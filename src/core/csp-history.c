/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-history"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "csp-format.h"
#include "csp-history.h"

/* The local history of revisions, one file per revision:
 *
 *   ROOT/<document id>/<revision>.json
 *
 * ROOT is $CSP_PLANNER_HISTORY_DIR or
 * g_get_user_data_dir ()/io.github.cspplanner.CspPlanner/history. Each
 * file holds the plan's bytes as csp_plan_to_bytes () wrote them; its
 * modification time is when the revision was first recorded. A document
 * keeps its newest CSP_HISTORY_MAX_REVISIONS revisions, and all
 * documents together at most CSP_HISTORY_MAX_BYTES; the oldest go
 * first. Ids and revisions come from files that may be hostile, so only
 * plain names ([A-Za-z0-9_-], like UUIDs) are used as file names. */

#define SUFFIX ".json"
#define MAX_NAME 128

struct _CspHistory
{
  GObject  parent_instance;

  GFile   *root;
  guint    max_revisions;
  guint64  max_bytes;
};

G_DEFINE_FINAL_TYPE (CspHistory, csp_history, G_TYPE_OBJECT)

G_DEFINE_QUARK (csp-history-error-quark, csp_history_error)

typedef struct
{
  char    *path;
  char    *revision;
  gint64   mtime;  /* microseconds */
  guint64  size;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry->revision);
  g_free (entry);
}

void
csp_revision_info_free (CspRevisionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->revision);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

static void
csp_history_finalize (GObject *object)
{
  CspHistory *self = CSP_HISTORY (object);

  g_clear_object (&self->root);

  G_OBJECT_CLASS (csp_history_parent_class)->finalize (object);
}

static void
csp_history_class_init (CspHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csp_history_finalize;
}

static void
csp_history_init (CspHistory *self)
{
  self->max_revisions = CSP_HISTORY_MAX_REVISIONS;
  self->max_bytes = CSP_HISTORY_MAX_BYTES;
}

CspHistory *
csp_history_new (GFile *root)
{
  CspHistory *self = g_object_new (CSP_TYPE_HISTORY, NULL);
  const char *env = g_getenv (CSP_HISTORY_DIR_ENV);

  g_return_val_if_fail (root == NULL || G_IS_FILE (root), NULL);

  if (root != NULL)
    self->root = g_object_ref (root);
  else if (env != NULL && *env != '\0')
    self->root = g_file_new_for_path (env);
  else
    self->root = g_file_new_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                            "history", NULL);

  return self;
}

GFile *
csp_history_get_root (CspHistory *self)
{
  g_return_val_if_fail (CSP_IS_HISTORY (self), NULL);

  return self->root;
}

void
csp_history_set_limits (CspHistory *self,
                        guint       max_revisions,
                        guint64     max_bytes)
{
  g_return_if_fail (CSP_IS_HISTORY (self));

  if (max_revisions > 0)
    self->max_revisions = max_revisions;
  if (max_bytes > 0)
    self->max_bytes = max_bytes;
}

static gboolean
is_plain_name (const char *name)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len == 0 || len > MAX_NAME)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static char *
document_dir (CspHistory  *self,
              const char  *document_id,
              GError     **error)
{
  g_autofree char *root = g_file_get_path (self->root);

  if (!is_plain_name (document_id))
    {
      g_set_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_BAD_NAME,
                   _("the document id “%s” cannot be used as a file name"),
                   document_id != NULL ? document_id : "");
      return NULL;
    }

  return g_build_filename (root, document_id, NULL);
}

static char *
revision_path (CspHistory  *self,
               const char  *document_id,
               const char  *revision,
               GError     **error)
{
  g_autofree char *dir = document_dir (self, document_id, error);
  g_autofree char *name = NULL;

  if (dir == NULL)
    return NULL;

  if (!is_plain_name (revision))
    {
      g_set_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_BAD_NAME,
                   _("the revision “%s” cannot be used as a file name"),
                   revision != NULL ? revision : "");
      return NULL;
    }

  name = g_strconcat (revision, SUFFIX, NULL);
  return g_build_filename (dir, name, NULL);
}

/* The revision files of one document directory, appended to @entries. */
static void
scan_dir (const char *dir,
          GPtrArray  *entries)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *revision = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInfo) info = NULL;
      Entry *entry;

      if (!g_str_has_suffix (name, SUFFIX))
        continue;
      revision = g_strndup (name, strlen (name) - strlen (SUFFIX));
      if (!is_plain_name (revision))
        continue;

      file = g_file_new_build_filename (dir, name, NULL);
      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      entry = g_new0 (Entry, 1);
      entry->path = g_file_get_path (file);
      entry->revision = g_steal_pointer (&revision);
      entry->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                     * G_USEC_PER_SEC
                     + g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
      entry->size = g_file_info_get_size (info);
      g_ptr_array_add (entries, entry);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = *(const Entry * const *) a;
  const Entry *y = *(const Entry * const *) b;

  if (x->mtime != y->mtime)
    return x->mtime > y->mtime ? -1 : 1;

  return strcmp (x->revision, y->revision);
}

static GPtrArray *
scan_all (CspHistory *self)
{
  g_autofree char *root = g_file_get_path (self->root);
  g_autoptr(GDir) handle = g_dir_open (root, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *dir = NULL;

      if (!is_plain_name (name))
        continue;
      dir = g_build_filename (root, name, NULL);
      scan_dir (dir, entries);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

/* Deletes the oldest revisions beyond the bounds, but never @keep:
 * @all is every revision kept, newest first; @document_dir_path the
 * folder of @keep's document. */
static void
trim (CspHistory *self,
      GPtrArray  *all,
      const char *document_dir_path,
      const char *keep)
{
  guint64 total = 0;
  guint n_mine = 0;

  for (guint i = 0; i < all->len;)
    {
      Entry *entry = g_ptr_array_index (all, i);
      g_autofree char *dir = g_path_get_dirname (entry->path);

      if (g_str_equal (dir, document_dir_path) && ++n_mine > self->max_revisions &&
          g_strcmp0 (entry->path, keep) != 0)
        {
          g_unlink (entry->path);
          g_ptr_array_remove_index (all, i);
          continue;
        }
      total += entry->size;
      i++;
    }

  for (guint i = all->len; i > 0 && total > self->max_bytes; i--)
    {
      Entry *entry = g_ptr_array_index (all, i - 1);

      if (g_strcmp0 (entry->path, keep) == 0)
        continue;
      if (g_unlink (entry->path) == 0)
        total -= entry->size;
    }
}

typedef gboolean (*WriteFunc) (GOutputStream  *stream,
                               gpointer        data,
                               GError        **error);

/* Newer than every other revision in @all, even when the file
 * system's clock has not moved on since the last one: the oldest go
 * first. @all is sorted again, newest first. */
static void
stamp_newest (GPtrArray  *all,
              GFile      *file,
              const char *path)
{
  g_autoptr(GFileInfo) info = NULL;
  Entry *written = NULL;
  gint64 newest = 0, mtime;

  for (guint i = 0; i < all->len; i++)
    {
      Entry *entry = g_ptr_array_index (all, i);

      if (g_strcmp0 (entry->path, path) != 0)
        newest = MAX (newest, entry->mtime);
      else
        written = entry;
    }

  if (written == NULL || written->mtime > newest)
    return;

  /* Seconds and microseconds in one call: set apart, the first would
   * clear the second. */
  mtime = newest + 1;
  info = g_file_info_new ();
  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime / G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, mtime % G_USEC_PER_SEC);
#ifdef G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC
  /* GLib 2.74 and later set the nanoseconds, zero unless given. */
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                                    (mtime % G_USEC_PER_SEC) * 1000);
#endif
  if (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL))
    {
      written->mtime = mtime;
      g_ptr_array_sort (all, compare_newest_first);
    }
}

/* Writes a revision's file with @func, whole or not at all, unless the
 * history has it already; then keeps the history within its bounds. */
static gboolean
record_with (CspHistory  *self,
             const char  *document_id,
             const char  *revision,
             WriteFunc    func,
             gpointer     data,
             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GPtrArray) all = NULL;

  if ((path = revision_path (self, document_id, revision, error)) == NULL)
    return FALSE;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("could not create the history folder %s: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Written beside it and renamed into place when closed; plans may
   * hold personal details: readable by the user only. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!func (G_OUTPUT_STREAM (stream), data, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file
       * instead of renaming it. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;

  all = scan_all (self);
  stamp_newest (all, file, path);
  trim (self, all, dir, path);
  return TRUE;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        data,
             GError        **error)
{
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  return g_output_stream_write_all (stream, bytes, length, NULL, NULL, error);
}

gboolean
csp_history_record_bytes (CspHistory  *self,
                          const char  *document_id,
                          const char  *revision,
                          GBytes      *bytes,
                          GError     **error)
{
  g_return_val_if_fail (CSP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return record_with (self, document_id, revision, write_bytes, bytes, error);
}

static gboolean
write_plan (GOutputStream  *stream,
            gpointer        data,
            GError        **error)
{
  return csp_plan_write (data, stream, NULL, error);
}

/* The plan is written out as it goes into the file, never whole in
 * memory: a county's plan is 30 MB of text. */
gboolean
csp_history_record (CspHistory  *self,
                    CspPlan     *plan,
                    GError     **error)
{
  const char *revision;

  g_return_val_if_fail (CSP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (CSP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  revision = csp_item_get_string (CSP_ITEM (plan), "revision");
  if (*revision == '\0')
    {
      g_set_error_literal (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_REVISION,
                           _("the plan has no revision yet: it was never saved"));
      return FALSE;
    }

  return record_with (self, csp_item_get_id (CSP_ITEM (plan)), revision, write_plan, plan, error);
}

GPtrArray *
csp_history_list (CspHistory  *self,
                  const char  *document_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autofree char *dir = NULL;
  GPtrArray *list;

  g_return_val_if_fail (CSP_IS_HISTORY (self), NULL);

  if ((dir = document_dir (self, document_id, error)) == NULL)
    return NULL;

  scan_dir (dir, entries);
  g_ptr_array_sort (entries, compare_newest_first);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) csp_revision_info_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      CspRevisionInfo *info = g_new0 (CspRevisionInfo, 1);

      info->revision = g_strdup (entry->revision);
      info->time = g_date_time_new_from_unix_utc (entry->mtime / G_USEC_PER_SEC);
      info->size = entry->size;
      g_ptr_array_add (list, info);
    }

  return list;
}

gboolean
csp_history_contains (CspHistory *self,
                      const char *document_id,
                      const char *revision)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CSP_IS_HISTORY (self), FALSE);

  path = revision_path (self, document_id, revision, NULL);
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

CspPlan *
csp_history_load (CspHistory  *self,
                  const char  *document_id,
                  const char  *revision,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  CspPlan *plan;

  g_return_val_if_fail (CSP_IS_HISTORY (self), NULL);

  if ((path = revision_path (self, document_id, revision, error)) == NULL)
    return NULL;

  file = g_file_new_for_path (path);
  plan = csp_plan_load_file (file, NULL, &local_error);
  if (plan == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NOT_FOUND,
                     _("the revision %s is not in the history"), revision);
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
    }

  return plan;
}

static gboolean
plan_lists (CspPlan    *plan,
            const char *revision)
{
  if (g_strcmp0 (csp_item_get_string (CSP_ITEM (plan), "revision"), revision) == 0)
    return TRUE;

  return g_strv_contains (csp_item_get_strv (CSP_ITEM (plan), "ancestors"), revision);
}

static CspPlan *
try_base (CspHistory *self,
          const char *document_id,
          const char *candidate,
          CspPlan    *theirs,
          char      **revision)
{
  g_autoptr(CspPlan) base = NULL;

  if (*candidate == '\0' || !plan_lists (theirs, candidate) ||
      !csp_history_contains (self, document_id, candidate))
    return NULL;

  /* A damaged file in the history is skipped, like a missing one. */
  base = csp_history_load (self, document_id, candidate, NULL);
  if (base != NULL && revision != NULL)
    *revision = g_strdup (candidate);

  return g_steal_pointer (&base);
}

CspPlan *
csp_history_find_base (CspHistory  *self,
                       CspPlan     *mine,
                       CspPlan     *theirs,
                       char       **revision,
                       GError     **error)
{
  const char *document_id;
  const char * const *ancestors;
  CspPlan *base;

  g_return_val_if_fail (CSP_IS_HISTORY (self), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (mine), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (theirs), NULL);

  document_id = csp_item_get_id (CSP_ITEM (mine));
  if (g_strcmp0 (document_id, csp_item_get_id (CSP_ITEM (theirs))) == 0)
    {
      base = try_base (self, document_id, csp_item_get_string (CSP_ITEM (mine), "revision"),
                       theirs, revision);
      if (base != NULL)
        return base;

      ancestors = csp_item_get_strv (CSP_ITEM (mine), "ancestors");
      for (; *ancestors != NULL; ancestors++)
        {
          if ((base = try_base (self, document_id, *ancestors, theirs, revision)) != NULL)
            return base;
        }
    }

  g_set_error_literal (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_COMMON_REVISION,
                       _("no common revision known"));
  return NULL;
}
