/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-export-dialog.h"
#include "csp-ui-util.h"
#include "csp-workbook.h"

struct _CspExportDialog
{
  GtkWindow       parent_instance;

  CspPlan        *plan;
  GArray         *quarters;
  GFile          *file;
  gboolean        file_chosen; /* in a save dialog, which asked about replacing */
  GCancellable   *cancellable;

  GtkDropDown    *quarter_dropdown;
  GtkButton      *file_button;
  GtkLabel       *file_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
  GtkButton      *cancel_button;
  GtkButton      *open_button;
  GtkButton      *export_button;
};

G_DEFINE_FINAL_TYPE (CspExportDialog, csp_export_dialog, GTK_TYPE_WINDOW)

static CspQuarter
get_quarter (CspExportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->quarter_dropdown);

  return g_array_index (self->quarters, CspQuarter, MIN (selected, self->quarters->len - 1));
}

static void
set_file (CspExportDialog *self,
          GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_object (&self->file, file);
  gtk_label_set_label (self->file_label, name);
}

/* "Partnership Plan 2018 - 2019 2018-Q2.xlsx" in the Documents folder. */
static void
set_default_file (CspExportDialog *self)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *title = csp_item_get_string (CSP_ITEM (self->plan), "title");
  g_autofree char *quarter = csp_quarter_to_string (get_quarter (self));
  g_autofree char *name = g_strdup_printf ("%s %s.xlsx", *title != '\0' ? title : _("Plan"), quarter);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_strdelimit (name, "/\\:", '-');
  path = g_build_filename (folder != NULL ? folder : g_get_home_dir (), name, NULL);
  file = g_file_new_for_path (path);
  set_file (self, file);
}

static void
on_quarter_changed (CspExportDialog *self)
{
  if (!self->file_chosen && self->plan != NULL)
    set_default_file (self);
}

static void
on_file_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(CspExportDialog) self = user_data;

  if (file == NULL)
    return;

  self->file_chosen = TRUE;
  set_file (self, file);
}

static void
on_file_clicked (CspExportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);

  csp_ui_choose_file (GTK_WINDOW (self), TRUE, _("Save the Workbook"), _("Excel workbooks"),
                      "*.xlsx", name, on_file_chosen, g_object_ref (self));
}

/* Exporting */

static void
set_running (CspExportDialog *self,
             gboolean         running)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->quarter_dropdown), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->file_button), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static void
show_status (CspExportDialog *self,
             const char      *message)
{
  gtk_label_set_label (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  CspExportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CspExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (!csp_workbook_export_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_running (self, FALSE);
      message = g_strdup_printf (_("The workbook could not be written: %s"), error->message);
      show_status (self, message);
      return;
    }

  set_running (self, FALSE);
  name = g_file_get_parse_name (self->file);
  message = g_strdup_printf (_("Saved as “%s”."), name);
  show_status (self, message);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), TRUE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_grab_focus (GTK_WIDGET (self->open_button));
}

static void
start_export (CspExportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->file);

  if (path == NULL)
    {
      show_status (self, _("The workbook can only be written to a local folder."));
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);

  csp_workbook_export_async (self->plan, path, get_quarter (self), on_progress, self,
                             self->cancellable, on_exported, g_object_ref (self));
}

static void
on_replace_answered (int      response,
                     gpointer user_data)
{
  g_autoptr(CspExportDialog) self = user_data;

  if (response == 1)
    start_export (self);
}

static void
on_export_clicked (CspExportDialog *self)
{
  const char *buttons[] = { _("_Cancel"), _("_Replace"), NULL };
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* A file picked in the save dialog was confirmed there already. */
  if (self->file_chosen || !g_file_query_exists (self->file, NULL))
    {
      start_export (self);
      return;
    }

  name = g_file_get_basename (self->file);
  message = g_strdup_printf (_("Replace “%s”?"), name);
  csp_ui_ask (GTK_WINDOW (self), message, _("A file of that name already exists in the folder."),
              buttons, 0, 0, on_replace_answered, g_object_ref (self));
}

static void
on_cancel_clicked (CspExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_open_clicked (CspExportDialog *self)
{
  csp_ui_launch_file (gtk_window_get_transient_for (GTK_WINDOW (self)), self->file);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  on_cancel_clicked (CSP_EXPORT_DIALOG (widget));
  return TRUE;
}

/* GObject */

static void
csp_export_dialog_dispose (GObject *object)
{
  CspExportDialog *self = CSP_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_pointer (&self->quarters, g_array_unref);

  G_OBJECT_CLASS (csp_export_dialog_parent_class)->dispose (object);
}

static void
csp_export_dialog_class_init (CspExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, file_button);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, CspExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_file_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
csp_export_dialog_init (CspExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->quarter_dropdown, "notify::selected",
                            G_CALLBACK (on_quarter_changed), self);
}

static void
fill_quarters (CspExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  CspQuarter preferred = csp_plan_get_default_quarter (self->plan);
  guint selected = 0;

  self->quarters = csp_plan_list_quarters (self->plan);
  for (guint i = 0; i < self->quarters->len; i++)
    {
      CspQuarter quarter = g_array_index (self->quarters, CspQuarter, i);
      g_autofree char *label = csp_quarter_dup_label (quarter);

      gtk_string_list_append (labels, label);
      if (csp_quarter_compare (quarter, preferred) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->quarter_dropdown, selected);
}

CspExportDialog *
csp_export_dialog_new (GtkWindow *parent,
                       CspPlan   *plan)
{
  CspExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);

  self = g_object_new (CSP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  fill_quarters (self);
  set_default_file (self);

  return self;
}
