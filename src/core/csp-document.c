/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-document.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-item-private.h"
#include "csp-undo.h"

struct _CspDocument
{
  GObject  parent_instance;

  CspPlan      *plan;
  GFile        *file;
  char         *etag;     /* of the file as we last read or wrote it */
  CspUndoStack *undo_stack;
  guint64       n_changes; /* edits of the plan so far */
  guint         modified : 1;
};

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CspDocument, csp_document, G_TYPE_OBJECT)

static void
on_plan_changed (CspDocument *self,
                 CspItem     *item,
                 const char  *key,
                 CspPlan     *plan)
{
  self->n_changes++;
  csp_document_set_modified (self, TRUE);
}

/* Undoing back to the last save makes the document unmodified again. */
static void
on_undo_clean (CspDocument  *self,
               GParamSpec   *pspec,
               CspUndoStack *stack)
{
  if (csp_undo_stack_get_clean (stack))
    csp_document_set_modified (self, FALSE);
}

static void
csp_document_finalize (GObject *object)
{
  CspDocument *self = CSP_DOCUMENT (object);

  g_clear_object (&self->undo_stack);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (csp_document_parent_class)->finalize (object);
}

static void
csp_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CspDocument *self = CSP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_TITLE:
      g_value_take_string (value, csp_document_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CspDocument *self = CSP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      csp_document_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_document_class_init (CspDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csp_document_finalize;
  object_class->get_property = csp_document_get_property;
  object_class->set_property = csp_document_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CSP_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csp_document_init (CspDocument *self)
{
  self->undo_stack = csp_undo_stack_new ();
  g_signal_connect_object (self->undo_stack, "notify::clean", G_CALLBACK (on_undo_clean), self,
                           G_CONNECT_SWAPPED);
}

CspDocument *
csp_document_new (CspPlan *plan,
                  GFile   *file)
{
  CspDocument *self;

  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (CSP_TYPE_DOCUMENT, NULL);
  self->plan = g_object_ref (plan);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

CspPlan *
csp_document_get_plan (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), NULL);

  return self->plan;
}

GFile *
csp_document_get_file (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), NULL);

  return self->file;
}

CspUndoStack *
csp_document_get_undo_stack (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), NULL);

  return self->undo_stack;
}

guint64
csp_document_get_n_changes (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), 0);

  return self->n_changes;
}

gboolean
csp_document_get_modified (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
csp_document_set_modified (CspDocument *self,
                           gboolean     modified)
{
  g_return_if_fail (CSP_IS_DOCUMENT (self));

  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char *
csp_document_get_etag (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), NULL);

  return self->etag;
}

void
csp_document_set_etag (CspDocument *self,
                       const char  *etag)
{
  g_return_if_fail (CSP_IS_DOCUMENT (self));

  g_free (self->etag);
  self->etag = g_strdup (etag);
}

char *
csp_document_dup_title (CspDocument *self)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled plan"));

  return g_file_get_basename (self->file);
}

static void
set_file (CspDocument *self,
          GFile       *file,
          const char  *etag)
{
  g_free (self->etag);
  self->etag = g_strdup (etag);

  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* History */

/* Keeps a revision in the local history, so that a later merge can
 * find what two copies have in common, and "Browse earlier versions"
 * can show it. Blocking: called in worker threads only. A failure
 * costs the history one revision, not the user the file: warn only. */
static void
record_revision (const char *document_id,
                 const char *revision,
                 GBytes     *bytes)
{
  g_autoptr(CspHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  if (document_id == NULL || revision == NULL || *revision == '\0')
    return;

  history = csp_history_new (NULL);
  if (!csp_history_record_bytes (history, document_id, revision, bytes, &error))
    g_warning ("The revision %s was not kept in the history: %s", revision, error->message);
}

/* Loading */

static CspDocument *load_document (GFile                *file,
                                   CspProgressForwarder *progress,
                                   GCancellable         *cancellable,
                                   gboolean             *to_record,
                                   GError              **error);

typedef struct
{
  GFile                *file;
  CspProgressForwarder *progress; /* NULL: none asked for */
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->file);
  csp_progress_forwarder_free (load->progress);
  g_free (load);
}

/* The plan as read, written out again, a piece at a time: the history
 * keeps the canonical bytes whatever the file's line ends or spacing,
 * and a county's plan is never whole in memory twice. */
static void
record_plan_revision (CspPlan *plan)
{
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!csp_history_record (history, plan, &error))
    g_warning ("The revision %s was not kept in the history: %s",
               csp_item_get_string (CSP_ITEM (plan), "revision"), error->message);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(CspDocument) document = NULL;
  CspPlan *plan;
  gboolean to_record = FALSE;
  GError *error = NULL;

  document = load_document (load->file, load->progress, cancellable, &to_record, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The window gets the document first; the history file is written
   * after, inside a read session begun while this thread still owns
   * the plan: an edit made in the window meanwhile waits for it. */
  plan = document->plan;
  if (to_record)
    _csp_plan_begin_read (plan);
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);

  if (to_record)
    {
      record_plan_revision (plan);
      _csp_plan_end_read (plan);
    }
}

void
csp_document_load_async (GFile               *file,
                         CspProgressFunc      progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (Load, 1);
  load->file = g_object_ref (file);
  load->progress = progress != NULL ? csp_progress_forwarder_new (progress, progress_data) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, csp_document_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_in_thread);
}

CspDocument *
csp_document_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reads @file. @to_record says whether the history still lacks the
 * plan's revision (a file opened again costs nothing). */
static CspDocument *
load_document (GFile                *file,
               CspProgressForwarder *progress,
               GCancellable         *cancellable,
               gboolean             *to_record,
               GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(CspHistory) history = NULL;
  const char *revision;
  CspDocument *self;

  plan = csp_plan_load_file_with_progress (file, progress != NULL ? csp_progress_forward : NULL,
                                           progress, cancellable, error);
  if (plan == NULL)
    return NULL;

  /* The etag lets a save notice that someone else changed the file. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);

  self = csp_document_new (plan, file);
  self->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;

  revision = csp_item_get_string (CSP_ITEM (plan), "revision");
  history = csp_history_new (NULL);
  *to_record = *revision != '\0' &&
               !csp_history_contains (history, csp_item_get_id (CSP_ITEM (plan)), revision);

  return self;
}

CspDocument *
csp_document_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gboolean to_record = FALSE;
  CspDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = load_document (file, NULL, cancellable, &to_record, error);
  if (self != NULL && to_record)
    record_plan_revision (self->plan);

  return self;
}

/* Saving */

typedef struct
{
  GFile  *file;
  char   *old_revision;
  GStrv   old_ancestors;
  GBytes *bytes;       /* as written */
  char   *document_id;
  char   *revision;    /* the new one */
  char   *etag;        /* of the file written */
  char   *expected_etag; /* of the file to replace; NULL: no check */
  guint64 n_changes;   /* the document's, when its bytes were made */
} Save;

static void
save_free (gpointer data)
{
  Save *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save->document_id);
  g_free (save->revision);
  g_free (save->etag);
  g_free (save->expected_etag);
  g_free (save->old_revision);
  g_strfreev (save->old_ancestors);
  g_free (save);
}

/* Every save is a new revision; the old one becomes the newest
 * ancestor, so that a merge can find what two copies have in common. */
static void
new_revision (CspDocument *self,
              Save        *save)
{
  CspItem *plan = CSP_ITEM (self->plan);
  const CspKindInfo *info = csp_item_get_info (plan);
  const char * const *ancestors = csp_item_get_strv (plan, "ancestors");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *revision = csp_new_id ();
  guint n = 0;

  save->old_revision = g_strdup (csp_item_get_string (plan, "revision"));
  save->old_ancestors = g_strdupv ((char **) ancestors);

  if (*save->old_revision != '\0')
    {
      g_strv_builder_add (builder, save->old_revision);
      n++;
    }
  for (; *ancestors != NULL && n < CSP_FORMAT_MAX_ANCESTORS; ancestors++, n++)
    g_strv_builder_add (builder, *ancestors);
  strv = g_strv_builder_end (builder);

  _csp_item_set_string_raw (plan, csp_kind_find_field (info, "revision"), revision);
  _csp_item_set_strv_raw (plan, csp_kind_find_field (info, "ancestors"), (const char * const *) strv);
}

static void
restore_revision (CspDocument *self,
                  Save        *save)
{
  CspItem *plan = CSP_ITEM (self->plan);
  const CspKindInfo *info = csp_item_get_info (plan);

  _csp_item_set_string_raw (plan, csp_kind_find_field (info, "revision"), save->old_revision);
  _csp_item_set_strv_raw (plan, csp_kind_find_field (info, "ancestors"),
                          (const char * const *) save->old_ancestors);
}

static void
record_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Save *save = task_data;

  record_revision (save->document_id, save->revision, save->bytes);
  g_task_return_boolean (task, TRUE);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CspDocument *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);

  set_file (self, save->file, save->etag);

  /* An edit made while the file was written is not in it. */
  if (self->n_changes == save->n_changes)
    {
      csp_document_set_modified (self, FALSE);
      csp_undo_stack_set_clean (self->undo_stack);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_replace_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) record = NULL;
  CspDocument *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, &save->etag, &error))
    {
      restore_revision (self, save);
      g_task_return_error (task, error);
      return;
    }

  /* The save is done once the history knows the new revision too, so
   * that a merge right after it finds it. */
  record = g_task_new (NULL, NULL, on_recorded, g_steal_pointer (&task));
  g_task_set_task_data (record, save, NULL);
  g_task_run_in_thread (record, record_in_thread);
}

static void
on_bytes_made (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CspDocument *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  save->bytes = csp_plan_to_bytes_finish (CSP_PLAN (source), result, &error);
  if (save->bytes == NULL)
    {
      restore_revision (self, save);
      g_task_return_error (task, error);
      return;
    }

  /* What g_file_replace_contents () does with a local file (GLib 2.74,
   * seen with strace): when the file exists, it writes a temporary
   * ".goutputstream-XXXXXX" beside it, fsync()s it, links the old file
   * to "NAME~" (the backup) and renames the temporary file over NAME;
   * a crash leaves the old file or the new one, never half of one. A
   * new file is written in place (O_EXCL) without fsync (): there is
   * no old content to lose. */
  g_file_replace_contents_bytes_async (save->file, save->bytes, save->expected_etag,
                                       TRUE, G_FILE_CREATE_NONE, cancellable,
                                       on_replace_done, g_steal_pointer (&task));
}

void
csp_document_save_async (CspDocument         *self,
                         GFile               *file,
                         gboolean             force,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean same_file;
  Save *save;

  g_return_if_fail (CSP_IS_DOCUMENT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, csp_document_save_async);

  save = g_new0 (Save, 1);
  save->file = g_object_ref (file != NULL ? file : self->file);
  g_task_set_task_data (task, save, save_free);

  same_file = self->file != NULL && g_file_equal (save->file, self->file);
  save->expected_etag = same_file && !force ? g_strdup (self->etag) : NULL;

  new_revision (self, save);
  save->n_changes = self->n_changes;
  save->document_id = g_strdup (csp_item_get_id (CSP_ITEM (self->plan)));
  save->revision = g_strdup (csp_item_get_string (CSP_ITEM (self->plan), "revision"));

  /* The bytes are made in a worker: 0.6 s for a county's archive. */
  csp_plan_to_bytes_async (self->plan, cancellable, on_bytes_made, g_steal_pointer (&task));
}

gboolean
csp_document_save_finish (CspDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CSP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_sync_save_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
csp_document_save (CspDocument   *self,
                   GFile         *file,
                   gboolean       force,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (CSP_IS_DOCUMENT (self), FALSE);

  /* One code path for both: the async save, run to its end on a
   * private main context. */
  g_main_context_push_thread_default (context);
  csp_document_save_async (self, file, force, cancellable, on_sync_save_done, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  return csp_document_save_finish (self, result, error);
}
