/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-format.h"
#include "csp-history.h"
#include "csp-history-dialog.h"
#include "csp-merge.h"
#include "csp-merge-dialog.h"
#include "csp-ui-util.h"

/* The differences from now listed in the preview, at most. */
#define MAX_CHANGES_SHOWN 12

struct _CspHistoryDialog
{
  GtkWindow     parent_instance;

  CspDocument  *document;
  char         *document_id;
  GCancellable *cancellable;
  CspPlan      *preview;     /* the chosen revision, as read */
  char         *changes;
  guint         busy;

  GtkStack     *list_stack;
  GtkListBox   *revision_list;
  GtkLabel     *empty_label;
  GtkLabel     *preview_title;
  GtkLabel     *preview_counts;
  GtkLabel     *preview_changes;
  GtkWidget    *restore_button;
  GtkWidget    *save_copy_button;
};

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspHistoryDialog, csp_history_dialog, GTK_TYPE_WINDOW)

/* The list of revisions */

static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  GError *error = NULL;
  GPtrArray *revisions = csp_history_list (history, task_data, &error);

  if (revisions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, revisions, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
new_revision_row (CspRevisionInfo *info,
                  gboolean         current)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (info->time);
  g_autofree char *when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *detail = current ? g_strdup_printf (_("%s · the version opened or saved last"), size)
                                    : g_strdup (size);
  g_autofree char *name = g_strdup_printf ("%s, %s", when, detail);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (when);
  GtkWidget *subtitle = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (row), "revision", g_strdup (info->revision), g_free);

  return row;
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CspHistoryDialog) self = user_data;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  const char *current;

  self->busy--;
  revisions = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (revisions == NULL || revisions->len == 0)
    {
      gtk_label_set_label (self->empty_label,
                           error != NULL ? error->message
                                         : _("No earlier versions yet: each time the plan is "
                                             "opened, saved or merged, the version is kept here."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  current = csp_item_get_string (CSP_ITEM (csp_document_get_plan (self->document)), "revision");
  for (guint i = 0; i < revisions->len; i++)
    {
      CspRevisionInfo *info = g_ptr_array_index (revisions, i);

      gtk_list_box_append (self->revision_list,
                           new_revision_row (info, g_strcmp0 (info->revision, current) == 0));
    }

  gtk_stack_set_visible_child_name (self->list_stack, "list");
  gtk_list_box_select_row (self->revision_list, gtk_list_box_get_row_at_index (self->revision_list, 0));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->revision_list, 0)));
}

/* The preview */

typedef struct
{
  char    *document_id;
  char    *revision;
  CspPlan *plan;     /* results */
  char    *changes;
} Preview;

static void
preview_free (Preview *preview)
{
  g_free (preview->document_id);
  g_free (preview->revision);
  g_clear_object (&preview->plan);
  g_free (preview->changes);
  g_free (preview);
}

/* How the plan now differs from the revision: a two-way merge lists
 * every field that differs as a conflict. */
static char *
describe_changes (CspPlan *now,
                  CspPlan *then)
{
  g_autoptr(CspMerge) diff = csp_merge_new (NULL, now, then);
  g_autoptr(CspPlan) result = csp_merge_get_result (diff);
  guint n = csp_merge_get_n_conflicts (diff);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    return g_strdup (_("The same fields as the plan now."));

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u field differs from the plan now:",
                                             "%u fields differ from the plan now:", n), n);
  for (guint i = 0; i < n && i < MAX_CHANGES_SHOWN; i++)
    {
      const CspConflict *conflict = csp_merge_get_conflict (diff, i);
      g_autofree char *where = csp_merge_describe_conflict (conflict, result);

      g_string_append_printf (text, "\n• %s", where);
    }
  if (n > MAX_CHANGES_SHOWN)
    g_string_append_printf (text, "\n%s", _("…and more."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
preview_in_thread (GTask        *task,
                   CspPlan      *now,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Preview *preview = task_data;
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  g_autoptr(CspPlan) now_copy = now;
  GError *error = NULL;

  preview->plan = csp_history_load (history, preview->document_id, preview->revision, &error);
  if (preview->plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  preview->changes = describe_changes (now, preview->plan);
  g_task_return_boolean (task, TRUE);
}

static void
show_preview (CspHistoryDialog *self,
              Preview          *preview)
{
  CspCounts counts = { 0 };
  g_autofree char *text = NULL;
  const char *title = csp_item_get_string (CSP_ITEM (preview->plan), "title");

  csp_plan_count (preview->plan, FALSE, &counts);
  text = g_strdup_printf (_("%u priorities, %u themes, %u actions, %u progress updates, %u partners"),
                          counts.priorities, counts.themes, counts.actions, counts.updates,
                          csp_item_get_n_children (CSP_ITEM (preview->plan), "partners"));

  gtk_label_set_label (self->preview_title, *title != '\0' ? title : _("Untitled plan"));
  gtk_label_set_label (self->preview_counts, text);
  gtk_label_set_label (self->preview_changes, preview->changes);

  g_set_object (&self->preview, preview->plan);
  g_free (self->changes);
  self->changes = g_strdup (preview->changes);
  gtk_widget_set_sensitive (self->restore_button, TRUE);
  gtk_widget_set_sensitive (self->save_copy_button, TRUE);
}

static void
on_preview_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CspHistoryDialog) self = user_data;
  Preview *preview = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_label (self->preview_title, _("This version could not be read"));
      gtk_label_set_label (self->preview_counts, error->message);
      gtk_label_set_label (self->preview_changes, "");
      return;
    }

  show_preview (self, preview);
}

static void
on_row_selected (CspHistoryDialog *self,
                 GtkListBoxRow    *row)
{
  g_autoptr(GTask) task = NULL;
  Preview *preview;

  /* The rows go when the dialog does, after its template children. */
  if (self->restore_button == NULL)
    return;

  csp_unref_in_thread (g_steal_pointer (&self->preview));
  gtk_widget_set_sensitive (self->restore_button, FALSE);
  gtk_widget_set_sensitive (self->save_copy_button, FALSE);
  if (row == NULL)
    return;

  /* A newer choice makes the preview under way pointless. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  preview = g_new0 (Preview, 1);
  preview->document_id = g_strdup (self->document_id);
  preview->revision = g_strdup (g_object_get_data (G_OBJECT (row), "revision"));

  /* The comparison is made on a copy of the plan, made in a worker. */
  self->busy++;
  task = g_task_new (NULL, self->cancellable, on_preview_read, g_object_ref (self));
  g_task_set_task_data (task, preview, (GDestroyNotify) preview_free);
  csp_plan_run_on_copy (csp_document_get_plan (self->document), g_steal_pointer (&task),
                        preview_in_thread);
}

/* Buttons */

static void
on_restore_clicked (CspHistoryDialog *self)
{
  g_autoptr(CspPlan) plan = NULL;

  if (self->preview == NULL)
    return;

  plan = g_object_ref (self->preview);
  g_object_ref (self);
  g_signal_emit (self, signals[RESTORE], 0, plan);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_error_closed (int      response,
                 gpointer user_data)
{
}

static void
on_copy_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  const char *buttons[] = { _("_Close"), NULL };

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    csp_ui_ask (parent, _("The copy could not be saved"), error->message, buttons, 0, 0,
                on_error_closed, NULL);
}

typedef struct
{
  CspHistoryDialog *dialog;
  GFile            *file;
} CopyJob;

static void
on_copy_bytes (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CopyJob *job = user_data;
  g_autoptr(GBytes) bytes = csp_plan_to_bytes_finish (CSP_PLAN (source), result, NULL);

  /* on_copy_saved () takes the reference to the dialog. */
  g_file_replace_contents_bytes_async (job->file, bytes, NULL, TRUE, G_FILE_CREATE_NONE, NULL,
                                       on_copy_saved, job->dialog);
  g_object_unref (job->file);
  g_free (job);
}

static void
on_copy_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(CspHistoryDialog) self = user_data;
  CopyJob *job;

  if (file == NULL || self->preview == NULL)
    return;

  job = g_new0 (CopyJob, 1);
  job->dialog = g_object_ref (self);
  job->file = g_object_ref (file);
  csp_plan_to_bytes_async (self->preview, NULL, on_copy_bytes, job);
}

static void
on_save_copy_clicked (CspHistoryDialog *self)
{
  g_autofree char *name = NULL;
  const char *title;

  if (self->preview == NULL)
    return;

  title = csp_item_get_string (CSP_ITEM (self->preview), "title");
  name = g_strdup_printf (_("%s (earlier version).json"), *title != '\0' ? title : _("Plan"));
  g_strdelimit (name, "/\\", '-');
  csp_ui_choose_file (GTK_WINDOW (self), TRUE, _("Save a Copy of This Version"),
                      _("Plans (JSON)"), "*.json", name, on_copy_chosen, g_object_ref (self));
}

/* GObject */

static gboolean
close_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
csp_history_dialog_dispose (GObject *object)
{
  CspHistoryDialog *self = CSP_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_HISTORY_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->changes, g_free);

  G_OBJECT_CLASS (csp_history_dialog_parent_class)->dispose (object);
}

static void
csp_history_dialog_class_init (CspHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_history_dialog_dispose;

  signals[RESTORE] =
    g_signal_new ("restore",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CSP_TYPE_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, revision_list);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, preview_title);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, preview_counts);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, preview_changes);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, CspHistoryDialog, save_copy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_copy_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
csp_history_dialog_init (CspHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CspHistoryDialog *
csp_history_dialog_new (GtkWindow   *parent,
                        CspDocument *document)
{
  CspHistoryDialog *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CSP_IS_DOCUMENT (document), NULL);

  self = g_object_new (CSP_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->document_id = g_strdup (csp_item_get_id (CSP_ITEM (csp_document_get_plan (document))));

  self->busy++;
  task = g_task_new (NULL, self->cancellable, on_listed, g_object_ref (self));
  g_task_set_task_data (task, g_strdup (self->document_id), g_free);
  g_task_run_in_thread (task, list_in_thread);

  return self;
}

gboolean
csp_history_dialog_is_busy (CspHistoryDialog *self)
{
  g_return_val_if_fail (CSP_IS_HISTORY_DIALOG (self), FALSE);

  return self->busy > 0;
}

GtkListBox *
csp_history_dialog_get_list (CspHistoryDialog *self)
{
  g_return_val_if_fail (CSP_IS_HISTORY_DIALOG (self), NULL);

  return self->revision_list;
}

CspPlan *
csp_history_dialog_get_preview (CspHistoryDialog *self)
{
  g_return_val_if_fail (CSP_IS_HISTORY_DIALOG (self), NULL);

  return self->preview;
}

const char *
csp_history_dialog_get_changes (CspHistoryDialog *self)
{
  g_return_val_if_fail (CSP_IS_HISTORY_DIALOG (self), NULL);

  return self->changes;
}

void
csp_history_dialog_restore (CspHistoryDialog *self)
{
  g_return_if_fail (CSP_IS_HISTORY_DIALOG (self));

  on_restore_clicked (self);
}
