/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-drafts"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "csp-drafts.h"
#include "csp-format.h"
#include "csp-item-private.h"

#define INDEX_NAME    "index.json"
#define INDEX_FORMAT  "csp-drafts"
#define DRAFT_DATA    "csp-draft-name"

struct _CspDrafts
{
  GObject       parent_instance;

  GFile        *dir;
  GMainContext *context;   /* where "written" is emitted */
  GThreadPool  *pool;      /* one thread: jobs run in order */
  GHashTable   *watches;   /* CspDocument → Watch */
  guint         delay;

  GMutex        mutex;
  GCond         cond;
  guint         pending;
};

typedef struct
{
  CspDrafts   *drafts;   /* not owned: it owns us */
  CspDocument *document;
  char        *name;
  guint        timeout_id;
  guint        written : 1;
} Watch;

typedef enum
{
  JOB_WRITE,
  JOB_DELETE,
} JobOp;

typedef struct
{
  JobOp        op;
  char        *name;
  GBytes      *bytes;
  CspPlan     *plan;     /* being read, to make the bytes in the worker */
  char        *uri;
  char        *etag;
  char        *title;
  char        *time;
  CspDocument *document; /* for "written" */
} Job;

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspDrafts, csp_drafts, G_TYPE_OBJECT)

void
csp_draft_info_free (CspDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->name);
  g_clear_object (&info->draft);
  g_clear_object (&info->original);
  g_free (info->etag);
  g_free (info->title);
  g_clear_pointer (&info->time, g_date_time_unref);
  g_free (info);
}

static void
job_free (Job *job)
{
  g_free (job->name);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  if (job->plan != NULL)
    _csp_plan_end_read (g_steal_pointer (&job->plan));
  g_free (job->uri);
  g_free (job->etag);
  g_free (job->title);
  g_free (job->time);
  g_clear_object (&job->document);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The index */

static GFile *
get_index_file (CspDrafts *self)
{
  return g_file_get_child (self->dir, INDEX_NAME);
}

static GFile *
get_draft_file (CspDrafts  *self,
                const char *name)
{
  g_autofree char *basename = g_strconcat (name, ".json", NULL);

  return g_file_get_child (self->dir, basename);
}

/* The index's entries; empty when there is no index or it is not one. */
static JsonArray *
read_index (CspDrafts *self)
{
  g_autoptr(GFile) file = get_index_file (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length;
  JsonObject *root;
  JsonNode *drafts;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL)
      || !csp_json_check (contents, length, 8, NULL)
      || !json_parser_load_from_data (parser, contents, length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_array_new ();

  root = json_node_get_object (json_parser_get_root (parser));
  drafts = json_object_get_member (root, "drafts");
  if (drafts == NULL || !JSON_NODE_HOLDS_ARRAY (drafts))
    return json_array_new ();

  return json_array_ref (json_node_get_array (drafts));
}

static const char *
get_member_string (JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
write_index (CspDrafts  *self,
             JsonArray  *drafts,
             GError    **error)
{
  g_autoptr(GFile) file = get_index_file (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, INDEX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "drafts");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), drafts));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* A copy of @drafts without the entry called @name. */
static JsonArray *
index_without (JsonArray  *drafts,
               const char *name)
{
  JsonArray *kept = json_array_new ();

  for (guint i = 0; i < json_array_get_length (drafts); i++)
    {
      JsonNode *node = json_array_get_element (drafts, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (get_member_string (json_node_get_object (node), "name"), name) == 0)
        continue;
      json_array_add_element (kept, json_node_copy (node));
    }

  return kept;
}

static JsonNode *
job_to_entry (Job *job)
{
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "name", job->name);
  if (job->uri != NULL)
    json_object_set_string_member (entry, "file", job->uri);
  if (job->etag != NULL)
    json_object_set_string_member (entry, "etag", job->etag);
  json_object_set_string_member (entry, "title", job->title);
  json_object_set_string_member (entry, "time", job->time);

  return json_node_init_object (json_node_alloc (), entry);
}

/* The worker */

typedef struct
{
  CspDrafts   *drafts;
  CspDocument *document;
  GFile       *draft;
} Written;

static gboolean
emit_written (gpointer data)
{
  Written *written = data;

  g_signal_emit (written->drafts, signals[WRITTEN], 0, written->document, written->draft);
  g_object_unref (written->drafts);
  g_object_unref (written->document);
  g_object_unref (written->draft);
  g_free (written);

  return G_SOURCE_REMOVE;
}

static gboolean
run_write (CspDrafts  *self,
           Job        *job,
           GError    **error)
{
  g_autoptr(GFile) draft = get_draft_file (self, job->name);
  g_autoptr(JsonArray) drafts = read_index (self);
  g_autoptr(JsonArray) updated = index_without (drafts, job->name);
  Written *written;

  job->bytes = csp_plan_to_bytes (job->plan);
  _csp_plan_end_read (g_steal_pointer (&job->plan));

  if (!g_file_make_directory_with_parents (self->dir, NULL, error))
    {
      if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return FALSE;
      g_clear_error (error);
    }

  if (!g_file_replace_contents (draft, g_bytes_get_data (job->bytes, NULL),
                                g_bytes_get_size (job->bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return FALSE;

  json_array_add_element (updated, job_to_entry (job));
  if (!write_index (self, updated, error))
    return FALSE;

  written = g_new0 (Written, 1);
  written->drafts = g_object_ref (self);
  written->document = g_object_ref (job->document);
  written->draft = g_steal_pointer (&draft);
  g_main_context_invoke (self->context, emit_written, written);

  return TRUE;
}

static gboolean
run_delete (CspDrafts  *self,
            Job        *job,
            GError    **error)
{
  g_autoptr(GFile) draft = get_draft_file (self, job->name);
  g_autoptr(JsonArray) drafts = read_index (self);
  g_autoptr(JsonArray) updated = index_without (drafts, job->name);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_delete (draft, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (json_array_get_length (updated) == json_array_get_length (drafts))
    return TRUE;

  return write_index (self, updated, error);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  g_autoptr(Job) job = data;
  CspDrafts *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = job->op == JOB_WRITE ? run_write (self, job, &error) : run_delete (self, job, &error);

  /* A draft is a safety net: losing one is worth a warning, not a
   * dialog in the middle of typing. */
  if (!ok)
    g_warning ("Draft %s: %s", job->name, error->message);

  g_mutex_lock (&self->mutex);
  self->pending--;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static void
push_job (CspDrafts *self,
          Job       *job)
{
  g_mutex_lock (&self->mutex);
  self->pending++;
  g_mutex_unlock (&self->mutex);

  g_thread_pool_push (self->pool, job, NULL);
}

void
csp_drafts_flush (CspDrafts *self)
{
  g_return_if_fail (CSP_IS_DRAFTS (self));

  g_mutex_lock (&self->mutex);
  while (self->pending > 0)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

/* Watching documents */

static void
queue_delete (CspDrafts  *self,
              const char *name)
{
  Job *job = g_new0 (Job, 1);

  job->op = JOB_DELETE;
  job->name = g_strdup (name);
  push_job (self, job);
}

static gboolean
on_timeout (gpointer data)
{
  Watch *watch = data;
  CspDocument *document = watch->document;
  CspPlan *plan = csp_document_get_plan (document);
  GFile *file = csp_document_get_file (document);
  Job *job = g_new0 (Job, 1);

  watch->timeout_id = 0;
  if (!csp_document_get_modified (document))
    {
      job_free (job);
      return G_SOURCE_REMOVE;
    }

  /* The bytes are made in the worker too (0.1 s for 10,000 actions):
   * the plan is read there, and edits meanwhile wait for it. */
  job->op = JOB_WRITE;
  job->name = g_strdup (watch->name);
  job->plan = plan;
  _csp_plan_begin_read (plan);
  job->uri = file != NULL ? g_file_get_uri (file) : NULL;
  job->etag = g_strdup (csp_document_get_etag (document));
  job->title = g_strdup (csp_item_get_string (CSP_ITEM (plan), "title"));
  job->time = csp_timestamp_now ();
  job->document = g_object_ref (document);
  watch->written = TRUE;
  push_job (watch->drafts, job);

  return G_SOURCE_REMOVE;
}

/* Not restarted by every change: typing without a pause still gets a
 * draft every few seconds. */
static void
schedule (Watch *watch)
{
  if (watch->timeout_id == 0)
    watch->timeout_id = g_timeout_add (watch->drafts->delay, on_timeout, watch);
}

static void
on_plan_changed (Watch *watch)
{
  if (csp_document_get_modified (watch->document))
    schedule (watch);
}

static void
on_modified_changed (Watch *watch)
{
  if (csp_document_get_modified (watch->document))
    {
      schedule (watch);
      return;
    }

  /* Saved (or undone back to the saved state): nothing to recover. */
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  if (watch->written)
    queue_delete (watch->drafts, watch->name);
  watch->written = FALSE;
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (watch->document, watch);
  g_signal_handlers_disconnect_by_data (csp_document_get_plan (watch->document), watch);
  g_object_unref (watch->document);
  g_free (watch->name);
  g_free (watch);
}

static char *
new_draft_name (CspDocument *document)
{
  const char *id = csp_item_get_id (CSP_ITEM (csp_document_get_plan (document)));
  g_autofree char *suffix = csp_new_id ();
  g_autofree char *safe = g_strdup (id != NULL && *id != '\0' ? id : "plan");

  /* An id comes from a file: it must not make the name a path. */
  g_strcanon (safe, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", '_');
  if (strlen (safe) > 64)
    safe[64] = '\0';

  return g_strdup_printf ("%s-%.8s", safe, suffix);
}

void
csp_drafts_watch (CspDrafts   *self,
                  CspDocument *document)
{
  const char *name;
  Watch *watch;

  g_return_if_fail (CSP_IS_DRAFTS (self));
  g_return_if_fail (CSP_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->watches, document))
    return;

  watch = g_new0 (Watch, 1);
  watch->drafts = self;
  watch->document = g_object_ref (document);
  name = g_object_get_data (G_OBJECT (document), DRAFT_DATA);
  watch->name = name != NULL ? g_strdup (name) : new_draft_name (document);
  watch->written = name != NULL;
  g_hash_table_insert (self->watches, document, watch);

  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_modified_changed), watch);
  g_signal_connect_swapped (csp_document_get_plan (document), "changed",
                            G_CALLBACK (on_plan_changed), watch);
  if (csp_document_get_modified (document))
    schedule (watch);
}

void
csp_drafts_unwatch (CspDrafts   *self,
                    CspDocument *document,
                    gboolean     discard)
{
  Watch *watch;

  g_return_if_fail (CSP_IS_DRAFTS (self));
  g_return_if_fail (CSP_IS_DOCUMENT (document));

  watch = g_hash_table_lookup (self->watches, document);
  if (watch == NULL)
    return;

  if (discard && watch->written)
    queue_delete (self, watch->name);
  g_hash_table_remove (self->watches, document);
}

GFile *
csp_drafts_get_draft (CspDrafts   *self,
                      CspDocument *document)
{
  Watch *watch;

  g_return_val_if_fail (CSP_IS_DRAFTS (self), NULL);

  watch = g_hash_table_lookup (self->watches, document);
  if (watch == NULL || !watch->written)
    return NULL;

  return get_draft_file (self, watch->name);
}

void
csp_drafts_discard (CspDrafts  *self,
                    const char *name)
{
  g_return_if_fail (CSP_IS_DRAFTS (self));
  g_return_if_fail (name != NULL);

  queue_delete (self, name);
}

/* Listing and restoring */

static gboolean
is_watched (CspDrafts  *self,
            const char *name)
{
  GHashTableIter iter;
  Watch *watch;

  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    {
      if (g_str_equal (watch->name, name))
        return TRUE;
    }

  return FALSE;
}

static CspDraftInfo *
entry_to_info (CspDrafts  *self,
               JsonObject *entry)
{
  const char *name = get_member_string (entry, "name");
  const char *uri = get_member_string (entry, "file");
  const char *time = get_member_string (entry, "time");
  const char *title = get_member_string (entry, "title");
  CspDraftInfo *info;

  /* The name becomes a file name: nothing that could leave the folder. */
  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL
      || strchr (name, '\\') != NULL || name[0] == '.')
    return NULL;

  info = g_new0 (CspDraftInfo, 1);
  info->name = g_strdup (name);
  info->draft = get_draft_file (self, name);
  info->original = uri != NULL ? g_file_new_for_uri (uri) : NULL;
  info->etag = g_strdup (get_member_string (entry, "etag"));
  info->title = g_strdup (title != NULL ? title : "");
  info->time = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (info->time == NULL)
    info->time = g_date_time_new_now_utc ();

  return info;
}

GPtrArray *
csp_drafts_list (CspDrafts *self)
{
  g_autoptr(JsonArray) drafts = NULL;
  GPtrArray *infos;

  g_return_val_if_fail (CSP_IS_DRAFTS (self), NULL);

  drafts = read_index (self);
  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) csp_draft_info_free);

  for (guint i = 0; i < json_array_get_length (drafts); i++)
    {
      JsonNode *node = json_array_get_element (drafts, i);
      CspDraftInfo *info;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      info = entry_to_info (self, json_node_get_object (node));
      if (info == NULL)
        continue;
      if (is_watched (self, info->name) || !g_file_query_exists (info->draft, NULL))
        csp_draft_info_free (info);
      else
        g_ptr_array_add (infos, info);
    }

  return infos;
}

CspDocument *
csp_drafts_restore (CspDrafts           *self,
                    const CspDraftInfo  *info,
                    GError             **error)
{
  g_autoptr(CspPlan) plan = NULL;
  CspDocument *document;

  g_return_val_if_fail (CSP_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  plan = csp_plan_load_file (info->draft, NULL, error);
  if (plan == NULL)
    return NULL;

  document = csp_document_new (plan, info->original);
  csp_document_set_etag (document, info->etag);
  csp_document_set_modified (document, TRUE);
  g_object_set_data_full (G_OBJECT (document), DRAFT_DATA, g_strdup (info->name), g_free);

  return document;
}

static void
restore_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  CspDocument *document = csp_drafts_restore (source_object, task_data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static CspDraftInfo *
draft_info_copy (const CspDraftInfo *info)
{
  CspDraftInfo *copy = g_new0 (CspDraftInfo, 1);

  copy->name = g_strdup (info->name);
  copy->draft = g_object_ref (info->draft);
  copy->original = info->original != NULL ? g_object_ref (info->original) : NULL;
  copy->etag = g_strdup (info->etag);
  copy->title = g_strdup (info->title);
  copy->time = g_date_time_ref (info->time);

  return copy;
}

void
csp_drafts_restore_async (CspDrafts           *self,
                          const CspDraftInfo  *info,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CSP_IS_DRAFTS (self));
  g_return_if_fail (info != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, csp_drafts_restore_async);
  g_task_set_task_data (task, draft_info_copy (info), (GDestroyNotify) csp_draft_info_free);
  g_task_run_in_thread (task, restore_in_thread);
}

CspDocument *
csp_drafts_restore_finish (CspDrafts     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

static void
csp_drafts_finalize (GObject *object)
{
  CspDrafts *self = CSP_DRAFTS (object);

  g_hash_table_destroy (self->watches);
  /* Waits for the jobs still queued: a draft half written is no draft. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_object (&self->dir);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (csp_drafts_parent_class)->finalize (object);
}

static void
csp_drafts_class_init (CspDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csp_drafts_finalize;

  signals[WRITTEN] =
    g_signal_new ("written",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CSP_TYPE_DOCUMENT, G_TYPE_FILE);
}

static void
csp_drafts_init (CspDrafts *self)
{
  self->delay = CSP_DRAFTS_DELAY_MS;
  self->context = g_main_context_ref_thread_default ();
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, watch_free);
  self->pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
}

CspDrafts *
csp_drafts_new (GFile *dir)
{
  CspDrafts *self;

  g_return_val_if_fail (dir == NULL || G_IS_FILE (dir), NULL);

  self = g_object_new (CSP_TYPE_DRAFTS, NULL);
  if (dir != NULL)
    self->dir = g_object_ref (dir);
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), APPLICATION_ID,
                                                "drafts", NULL);

      self->dir = g_file_new_for_path (path);
    }

  return self;
}

CspDrafts *
csp_drafts_get_default (void)
{
  static CspDrafts *drafts;

  if (drafts == NULL)
    drafts = csp_drafts_new (NULL);

  return drafts;
}

GFile *
csp_drafts_get_dir (CspDrafts *self)
{
  g_return_val_if_fail (CSP_IS_DRAFTS (self), NULL);

  return self->dir;
}

void
csp_drafts_set_delay (CspDrafts *self,
                      guint      msec)
{
  g_return_if_fail (CSP_IS_DRAFTS (self));

  self->delay = msec;
}
