/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-sharing"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-command.h"
#include "csp-drafts.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-history-dialog.h"
#include "csp-ui-util.h"
#include "csp-window-private.h"
#include "csp-window-sharing.h"

/* How long the file must be quiet before we look at what changed:
 * a writer's burst of events, or our own save still finishing. */
#define DISK_CHECK_DELAY_MS 300

typedef struct _CspWindowSharing
{
  CspWindow      *window;     /* owns us */
  CspDocument    *document;   /* the one watched */
  GFileMonitor   *monitor;
  GCancellable   *cancellable;
  guint           check_id;
  char           *ignored_etag; /* "Keep Mine" said so */
  gboolean        merging;
  CspMergeDialog *merge_dialog; /* weak */

  GtkRevealer    *disk_bar;
  GtkLabel       *disk_label;
  GtkRevealer    *error_bar;
  GtkLabel       *error_label;
} CspWindowSharing;

static CspWindowSharing *
get_sharing (CspWindow *self)
{
  g_assert (self->sharing != NULL);

  return self->sharing;
}

static void
on_message_closed (int      response,
                   gpointer user_data)
{
}

static void
show_message (CspWindow  *self,
              const char *message,
              const char *detail)
{
  const char *buttons[] = { _("_Close"), NULL };

  csp_ui_ask (GTK_WINDOW (self), message, detail, buttons, 0, 0, on_message_closed, NULL);
}

/* Merging */

typedef struct
{
  GFile    *file;
  guint64   n_changes;   /* the document's, when the merge began */
  gboolean  own_file;    /* the document's own file, changed on disk */
  char     *etag;        /* of @file as read */
  CspPlan  *mine;
  CspMerge *merge;
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_clear_object (&job->file);
  g_free (job->etag);
  csp_unref_in_thread (g_steal_pointer (&job->mine));
  csp_unref_in_thread (g_steal_pointer (&job->merge));
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MergeJob, merge_job_free)

/* Moves everything out of @job into a new one. */
static MergeJob *
merge_job_steal (MergeJob *job)
{
  MergeJob *copy = g_memdup2 (job, sizeof (MergeJob));

  memset (job, 0, sizeof (MergeJob));
  return copy;
}

static void
merge_job_notify (gpointer  data,
                  GClosure *closure)
{
  merge_job_free (data);
}

static void
merge_in_thread (GTask        *task,
                 CspPlan      *mine,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  MergeJob *job = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CspPlan) theirs = NULL;
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  GError *error = NULL;

  job->mine = mine;

  /* The etag first: a change after it is a change after the merge. */
  info = g_file_query_info (job->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  job->etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;

  theirs = csp_plan_load_file (job->file, cancellable, &error);
  if (theirs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Their revision is known from now on: the next merge of a copy of
   * it can be three-way. */
  csp_history_record (history, theirs, NULL);
  base = csp_history_find_base (history, job->mine, theirs, NULL, NULL);
  job->merge = csp_merge_new (base, job->mine, theirs);
  g_task_return_boolean (task, TRUE);
}

static void
record_in_thread (GTask        *task,
                  CspPlan      *plan,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) copy = plan;

  if (!csp_history_record (history, copy, &error))
    g_warning ("The merged revision was not kept in the history: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/* The merged plan has a revision of its own: kept, so that merging a
 * copy saved from it later finds it. */
static void
record_revision (CspPlan *plan)
{
  csp_plan_run_on_copy (plan, g_task_new (NULL, NULL, NULL, NULL), record_in_thread);
}

static gboolean
replace_content (CspWindow  *self,
                 CspPlan    *content,
                 const char *label)
{
  CspDocument *document = self->document;
  g_autoptr(CspCommand) command = NULL;
  gboolean changed;

  command = csp_command_new_replace_content (csp_document_get_plan (document), content, label);
  changed = csp_undo_stack_push (csp_document_get_undo_stack (document), command);
  if (changed)
    {
      csp_document_set_modified (document, TRUE);
      _csp_window_refresh_if_stale (self);
    }

  return changed;
}

static void
hide_disk_bar (CspWindowSharing *sharing)
{
  gtk_revealer_set_reveal_child (sharing->disk_bar, FALSE);
}

static void
on_merge_apply (CspMergeDialog *dialog,
                MergeJob       *job)
{
  CspWindow *self = CSP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr(CspPlan) result = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *label = NULL;

  if (self->document == NULL)
    return;

  if (csp_document_get_n_changes (self->document) != job->n_changes)
    {
      show_message (self, _("The plan changed during the merge"),
                    _("Nothing was merged. Merge the copy again to review it with your latest edits."));
      return;
    }

  /* Taken over by the command: the merge builds a new result if asked. */
  result = csp_merge_get_result (job->merge);
  label = g_strdup_printf (_("Merge “%s”"), name);
  if (replace_content (self, g_steal_pointer (&result), label))
    record_revision (csp_document_get_plan (self->document));

  if (job->own_file)
    {
      csp_document_set_etag (self->document, job->etag);
      hide_disk_bar (get_sharing (self));
    }
}

static void
show_merge_review (CspWindow *self,
                   MergeJob  *job)
{
  CspWindowSharing *sharing = get_sharing (self);
  g_autofree char *name = g_file_get_basename (job->file);
  CspMergeDialog *dialog;

  /* Nothing new in our own file (a save of the same content, or a
   * touch): no need to ask about it again. */
  if (job->own_file && !csp_merge_get_changed (job->merge))
    {
      csp_document_set_etag (self->document, job->etag);
      hide_disk_bar (sharing);
    }

  dialog = csp_merge_dialog_new (GTK_WINDOW (self), job->merge, job->mine, name);
  g_signal_connect_data (dialog, "apply", G_CALLBACK (on_merge_apply), job,
                         merge_job_notify, 0);
  g_set_weak_pointer (&sharing->merge_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_merging (CspWindow *self,
             gboolean   merging)
{
  get_sharing (self)->merging = merging;
  _csp_window_update_title (self);
  _csp_window_sharing_update (self);
}

static void
on_merge_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CspWindow) self = user_data;
  MergeJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_merging (self, FALSE);
      name = g_file_get_parse_name (job->file);
      message = g_strdup_printf (_("“%s”: %s"), name, error->message);
      show_message (self, _("The copy could not be merged"), message);
      return;
    }

  set_merging (self, FALSE);
  if (self->document == NULL)
    return;

  /* The dialog keeps what the task read. */
  show_merge_review (self, merge_job_steal (job));
}

static void
start_merge (CspWindow *self,
             GFile     *file,
             gboolean   own_file)
{
  CspWindowSharing *sharing = get_sharing (self);
  g_autoptr(GTask) task = NULL;
  MergeJob *job;

  g_return_if_fail (self->document != NULL);

  job = g_new0 (MergeJob, 1);
  job->file = g_object_ref (file);
  job->own_file = own_file;
  job->n_changes = csp_document_get_n_changes (self->document);

  set_merging (self, TRUE);
  task = g_task_new (NULL, sharing->cancellable, on_merge_read, g_object_ref (self));
  g_task_set_source_tag (task, start_merge);
  g_task_set_task_data (task, job, (GDestroyNotify) merge_job_free);

  /* The merge works on a copy of the plan as it is now, made in a
   * worker: it never sees the live plan. */
  csp_plan_run_on_copy (csp_document_get_plan (self->document), g_steal_pointer (&task),
                        merge_in_thread);
}

void
csp_window_merge_file (CspWindow *self,
                       GFile     *file)
{
  GFile *own;

  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  own = self->document != NULL ? csp_document_get_file (self->document) : NULL;
  start_merge (self, file, own != NULL && g_file_equal (own, file));
}

CspMergeDialog *
csp_window_get_merge_dialog (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return get_sharing (self)->merge_dialog;
}

gboolean
csp_window_is_merging (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), FALSE);

  return get_sharing (self)->merging;
}

static void
on_merge_chosen (GFile    *file,
                 gpointer  user_data)
{
  g_autoptr(CspWindow) self = user_data;

  if (file != NULL && self->document != NULL)
    csp_window_merge_file (self, file);
}

static void
merge_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CspWindow *self = user_data;

  csp_ui_choose_file (GTK_WINDOW (self), FALSE, _("Merge a Colleague’s Copy"),
                      _("Plans (JSON)"), "*.json", NULL, on_merge_chosen, g_object_ref (self));
}

/* Earlier versions */

static void
keep_lineage (CspPlan *copy,
              CspPlan *current)
{
  const CspKindInfo *info = csp_item_get_info (CSP_ITEM (copy));

  _csp_item_set_string_raw (CSP_ITEM (copy), csp_kind_find_field (info, "revision"),
                            csp_item_get_string (CSP_ITEM (current), "revision"));
  _csp_item_set_strv_raw (CSP_ITEM (copy), csp_kind_find_field (info, "ancestors"),
                          csp_item_get_strv (CSP_ITEM (current), "ancestors"));
}

static void
on_history_restore (CspHistoryDialog *dialog,
                    CspPlan          *plan,
                    CspWindow        *self)
{
  g_autoptr(CspPlan) copy = NULL;

  if (self->document == NULL)
    return;

  /* A copy: the dialog keeps showing its own. */
  copy = CSP_PLAN (csp_item_copy (CSP_ITEM (plan)));

  /* Restoring is an edit of the document as it is: it keeps its own
   * revision and ancestors, so that merges still find what it shares
   * with copies saved since the old version. */
  keep_lineage (copy, csp_document_get_plan (self->document));
  replace_content (self, g_steal_pointer (&copy), _("Restore earlier version"));
}

GtkWindow *
csp_window_browse_history (CspWindow *self)
{
  CspHistoryDialog *dialog;

  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  dialog = csp_history_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_history_restore), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
browse_history_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  csp_window_browse_history (user_data);
}

/* Changes on disk */

static void
show_disk_bar (CspWindowSharing *sharing,
               const char       *message)
{
  gtk_label_set_label (sharing->disk_label, message);
  gtk_revealer_set_reveal_child (sharing->disk_bar, TRUE);
}

const char *
csp_window_get_disk_message (CspWindow *self)
{
  CspWindowSharing *sharing;

  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  sharing = get_sharing (self);
  if (!gtk_revealer_get_reveal_child (sharing->disk_bar))
    return NULL;

  return gtk_label_get_label (sharing->disk_label);
}

typedef struct
{
  CspWindow   *window;
  CspDocument *document;
  char        *etag;
  GBytes      *disk;
} DiskCheck;

static void
disk_check_free (DiskCheck *check)
{
  g_clear_object (&check->window);
  g_clear_object (&check->document);
  g_free (check->etag);
  g_clear_pointer (&check->disk, g_bytes_unref);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiskCheck, disk_check_free)

/* The etag differs: is the content ours all the same (our own save,
 * whose new etag the document learns a moment later)? */
static void
on_our_bytes (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DiskCheck) check = user_data;
  g_autoptr(GBytes) ours = csp_plan_to_bytes_finish (CSP_PLAN (source), result, NULL);

  if (ours == NULL || check->window->document != check->document ||
      g_bytes_equal (check->disk, ours))
    return;

  show_disk_bar (get_sharing (check->window),
                 _("The file changed on disk since you opened or saved it."));
}

static void
on_disk_contents (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DiskCheck) check = user_data;
  g_autofree char *contents = NULL;
  gsize length;
  CspPlan *plan;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, NULL)
      || check->window->document != check->document)
    return;

  check->disk = g_bytes_new_take (g_steal_pointer (&contents), length);
  plan = csp_document_get_plan (check->document);
  csp_plan_to_bytes_async (plan, NULL, on_our_bytes, g_steal_pointer (&check));
}

static void
on_disk_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DiskCheck) check = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CspWindowSharing *sharing;
  const char *etag;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || check->window->document != check->document)
    return;

  sharing = get_sharing (check->window);
  if (info == NULL)
    {
      show_disk_bar (sharing, _("The file was moved or deleted on disk. Save to write it again."));
      return;
    }

  etag = g_file_info_get_etag (info);
  if (g_strcmp0 (etag, csp_document_get_etag (check->document)) == 0
      || g_strcmp0 (etag, sharing->ignored_etag) == 0)
    return;

  check->etag = g_strdup (etag);
  g_file_load_contents_async (G_FILE (source), sharing->cancellable, on_disk_contents,
                              g_steal_pointer (&check));
}

static gboolean
check_disk (gpointer user_data)
{
  CspWindow *self = user_data;
  CspWindowSharing *sharing = get_sharing (self);
  GFile *file = csp_document_get_file (sharing->document);
  DiskCheck *check = g_new0 (DiskCheck, 1);

  sharing->check_id = 0;
  check->window = g_object_ref (self);
  check->document = g_object_ref (sharing->document);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, sharing->cancellable, on_disk_info, check);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 CspWindow         *self)
{
  CspWindowSharing *sharing = get_sharing (self);

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  g_clear_handle_id (&sharing->check_id, g_source_remove);
  sharing->check_id = g_timeout_add (DISK_CHECK_DELAY_MS, check_disk, self);
}

static void
stop_monitor (CspWindowSharing *sharing)
{
  g_clear_handle_id (&sharing->check_id, g_source_remove);
  if (sharing->monitor != NULL)
    {
      g_file_monitor_cancel (sharing->monitor);
      g_signal_handlers_disconnect_by_data (sharing->monitor, sharing->window);
      g_clear_object (&sharing->monitor);
    }
}

static void
start_monitor (CspWindowSharing *sharing)
{
  GFile *file = csp_document_get_file (sharing->document);
  g_autoptr(GError) error = NULL;

  stop_monitor (sharing);
  g_clear_pointer (&sharing->ignored_etag, g_free);
  hide_disk_bar (sharing);
  if (file == NULL)
    return;

  sharing->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (sharing->monitor == NULL)
    {
      g_debug ("Changes to the file on disk go unnoticed: %s", error->message);
      return;
    }
  g_signal_connect_object (sharing->monitor, "changed", G_CALLBACK (on_file_changed),
                           sharing->window, 0);
}

static void
on_reload_answered (int      response,
                    gpointer user_data)
{
  g_autoptr(CspWindow) self = user_data;
  GFile *file;

  if (response != 1 || self->document == NULL)
    return;

  file = csp_document_get_file (self->document);
  if (file != NULL && !g_file_query_exists (file, NULL))
    {
      show_message (self, _("The file is no longer there"),
                    _("It was moved or deleted. Save to write your copy to it again."));
      return;
    }

  if (file != NULL)
    {
      g_autoptr(GFile) reloaded = g_object_ref (file);

      csp_window_load_file (self, reloaded);
    }
}

static void
reload_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CspWindow *self = user_data;
  const char *buttons[] = { _("_Cancel"), _("_Reload"), NULL };

  if (self->document == NULL || csp_document_get_file (self->document) == NULL)
    return;

  if (!csp_document_get_modified (self->document))
    {
      on_reload_answered (1, g_object_ref (self));
      return;
    }

  csp_ui_ask (GTK_WINDOW (self), _("Reload the file and lose your changes?"),
              _("Your edits since the last save are not in the file on disk. "
                "Merge instead to keep both."),
              buttons, 0, 0, on_reload_answered, g_object_ref (self));
}

static void
merge_changes_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CspWindow *self = user_data;

  if (self->document != NULL && csp_document_get_file (self->document) != NULL)
    csp_window_merge_file (self, csp_document_get_file (self->document));
}

static void
keep_mine_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CspWindow *self = user_data;
  CspWindowSharing *sharing = get_sharing (self);
  GFile *file;
  g_autoptr(GFileInfo) info = NULL;

  hide_disk_bar (sharing);
  if (self->document == NULL || (file = csp_document_get_file (self->document)) == NULL)
    return;

  /* Not asked again about this change; a Save still asks before it
   * overwrites it. A local stat, and only on a click. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_free (sharing->ignored_etag);
  sharing->ignored_etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Failed saves */

void
_csp_window_show_save_error (CspWindow    *self,
                             const GError *error)
{
  CspWindowSharing *sharing = get_sharing (self);
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("The plan could not be saved: %s. Your changes are still here, "
                               "not saved."), error->message);
  gtk_label_set_label (sharing->error_label, message);
  gtk_revealer_set_reveal_child (sharing->error_bar, TRUE);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (sharing->error_bar), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

const char *
csp_window_get_save_error (CspWindow *self)
{
  CspWindowSharing *sharing;

  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  sharing = get_sharing (self);
  if (!gtk_revealer_get_reveal_child (sharing->error_bar))
    return NULL;

  return gtk_label_get_label (sharing->error_label);
}

static void
dismiss_error_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  gtk_revealer_set_reveal_child (get_sharing (user_data)->error_bar, FALSE);
}

/* The document */

static void
on_modified_changed (CspWindowSharing *sharing)
{
  /* Saved: the error of an earlier attempt is history, and the file on
   * disk is ours again. */
  if (!csp_document_get_modified (sharing->document))
    {
      gtk_revealer_set_reveal_child (sharing->error_bar, FALSE);
      hide_disk_bar (sharing);
    }
}

static void
on_plan_changed (CspWindowSharing *sharing)
{
  _csp_window_refresh_if_stale (sharing->window);
}

static void
forget_document (CspWindowSharing *sharing)
{
  if (sharing->document == NULL)
    return;

  stop_monitor (sharing);
  g_signal_handlers_disconnect_by_data (sharing->document, sharing);
  g_signal_handlers_disconnect_by_data (csp_document_get_plan (sharing->document), sharing);
  /* The window lets go of a modified document only when the user
   * said so (Discard, Reload): its draft goes too. */
  csp_drafts_unwatch (csp_drafts_get_default (), sharing->document, TRUE);
  g_clear_object (&sharing->document);
  gtk_revealer_set_reveal_child (sharing->error_bar, FALSE);
}

void
_csp_window_sharing_update (CspWindow *self)
{
  CspWindowSharing *sharing = get_sharing (self);
  CspDocument *document = self->document;

  _csp_window_set_enabled (self, "merge", document != NULL && !sharing->merging);
  _csp_window_set_enabled (self, "browse-history", document != NULL);

  if (sharing->document == document)
    return;

  forget_document (sharing);
  if (document == NULL)
    {
      hide_disk_bar (sharing);
      return;
    }

  sharing->document = g_object_ref (document);
  g_signal_connect_swapped (document, "notify::file", G_CALLBACK (start_monitor), sharing);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_modified_changed), sharing);
  g_signal_connect_swapped (csp_document_get_plan (document), "changed",
                            G_CALLBACK (on_plan_changed), sharing);
  start_monitor (sharing);
  csp_drafts_watch (csp_drafts_get_default (), document);
}

static const GActionEntry sharing_entries[] = {
  { "merge", merge_activated },
  { "browse-history", browse_history_activated },
  { "reload", reload_activated },
  { "merge-changes", merge_changes_activated },
  { "keep-mine", keep_mine_activated },
  { "dismiss-error", dismiss_error_activated },
};

static void
add_bars (CspWindow        *self,
          CspWindowSharing *sharing)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/csp-sharing-bars.ui");
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->paned));

  sharing->disk_bar = GTK_REVEALER (gtk_builder_get_object (builder, "disk_bar"));
  sharing->disk_label = GTK_LABEL (gtk_builder_get_object (builder, "disk_label"));
  sharing->error_bar = GTK_REVEALER (gtk_builder_get_object (builder, "error_bar"));
  sharing->error_label = GTK_LABEL (gtk_builder_get_object (builder, "error_label"));

  gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (sharing->disk_bar));
  gtk_box_prepend (GTK_BOX (box), GTK_WIDGET (sharing->error_bar));
}

void
_csp_window_init_sharing (CspWindow *self)
{
  CspWindowSharing *sharing = g_new0 (CspWindowSharing, 1);

  sharing->window = self;
  sharing->cancellable = g_cancellable_new ();
  self->sharing = sharing;

  g_action_map_add_action_entries (G_ACTION_MAP (self), sharing_entries,
                                   G_N_ELEMENTS (sharing_entries), self);
  add_bars (self, sharing);
}

void
_csp_window_dispose_sharing (CspWindow *self)
{
  CspWindowSharing *sharing = self->sharing;

  if (sharing == NULL)
    return;

  g_cancellable_cancel (sharing->cancellable);
  forget_document (sharing);
  g_clear_weak_pointer (&sharing->merge_dialog);
  g_clear_object (&sharing->cancellable);
  g_free (sharing->ignored_etag);
  g_free (sharing);
  self->sharing = NULL;
}
