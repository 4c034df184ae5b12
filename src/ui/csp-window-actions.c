/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-export-dialog.h"
#include "csp-ui-util.h"
#include "csp-window-private.h"

#define MAX_RECENT_PLANS 10

static void save_document (CspWindow *self,
                           GFile     *file,
                           gboolean   force,
                           gboolean   close_after);

void
_csp_window_note_file_used (CspWindow *self,
                            GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-document", uri);
}

/* Opening */

static void
open_file (CspWindow *self,
           GFile     *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    csp_application_open_file (CSP_APPLICATION (app), file, GTK_WINDOW (self));
  else
    csp_window_load_file (self, file);
}

static void
on_open_chosen (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(CspWindow) self = user_data;

  if (file != NULL)
    open_file (self, file);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CspWindow *self = user_data;

  csp_ui_choose_file (GTK_WINDOW (self), FALSE, _("Open a Plan"), _("Plans (JSON)"), "*.json",
                      NULL, on_open_chosen, g_object_ref (self));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_file (user_data, file);
}

static void
show_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CspWindow *self = user_data;

  if (csp_window_is_untouched (self))
    csp_window_show_sample (self);
  else
    {
      CspWindow *window = csp_window_new (CSP_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

      csp_window_show_sample (window);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* Saving */

typedef struct
{
  CspWindow *window;
  GFile     *file;
  gboolean   close_after;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->window);
  g_clear_object (&save->file);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Save, save_free)

static void
on_overwrite_answered (int      response,
                       gpointer user_data)
{
  g_autoptr(Save) save = user_data;

  if (response == 1)
    save_document (save->window, save->file, TRUE, save->close_after);
}

/* Takes @save. */
static void
report_save_error (Save         *save,
                   const GError *error)
{
  const char *overwrite[] = { _("_Cancel"), _("_Overwrite"), NULL };

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      csp_ui_ask (GTK_WINDOW (save->window),
                  _("The file changed on disk: overwrite?"),
                  _("Someone else has saved this plan since you opened it. Overwriting it "
                    "loses their changes; cancel, then use Save As to keep both."),
                  overwrite, 0, 0, on_overwrite_answered, save);
      return;
    }

  _csp_window_show_save_error (save->window, error);
  save_free (save);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Save) save = user_data;
  CspDocument *document = CSP_DOCUMENT (source);
  CspWindow *self = save->window;
  g_autoptr(GError) error = NULL;
  gboolean close_after = save->close_after || self->close_when_saved;

  self->saving = FALSE;
  self->close_when_saved = FALSE;
  _csp_window_update_title (self);
  _csp_window_update_actions (self);

  if (!csp_document_save_finish (document, result, &error))
    {
      report_save_error (g_steal_pointer (&save), error);
      return;
    }

  self->is_sample = FALSE;
  _csp_window_note_file_used (self, csp_document_get_file (document));
  if (close_after)
    gtk_window_close (GTK_WINDOW (self));
}

static void
save_document (CspWindow *self,
               GFile     *file,
               gboolean   force,
               gboolean   close_after)
{
  Save *save;

  /* One save at a time: a second one (Ctrl+S pressed twice, or Save
   * in the close dialog) would race the first for the file. */
  if (self->saving)
    {
      self->close_when_saved |= close_after;
      return;
    }

  save = g_new0 (Save, 1);
  save->window = g_object_ref (self);
  save->file = file != NULL ? g_object_ref (file) : NULL;
  save->close_after = close_after;

  self->saving = TRUE;
  _csp_window_update_title (self);
  _csp_window_update_actions (self);
  csp_document_save_async (self->document, file, force, NULL, on_saved, save);
}

static void
on_save_as_chosen (GFile    *file,
                   gpointer  user_data)
{
  g_autoptr(Save) save = user_data;

  if (file != NULL)
    save_document (save->window, file, FALSE, save->close_after);
}

static void
save_as (CspWindow *self,
         gboolean   close_after)
{
  CspPlan *plan = csp_document_get_plan (self->document);
  const char *title = csp_item_get_string (CSP_ITEM (plan), "title");
  g_autofree char *name = g_strdup_printf ("%s.json", *title != '\0' ? title : _("Plan"));
  Save *save = g_new0 (Save, 1);

  save->window = g_object_ref (self);
  save->close_after = close_after;

  /* Slashes would make a file name into a path. */
  g_strdelimit (name, "/\\", '-');
  csp_ui_choose_file (GTK_WINDOW (self), TRUE, _("Save the Plan"), _("Plans (JSON)"), "*.json",
                      name, on_save_as_chosen, save);
}

static void
save (CspWindow *self,
      gboolean   close_after)
{
  if (self->is_sample || csp_document_get_file (self->document) == NULL)
    save_as (self, close_after);
  else
    save_document (self, NULL, FALSE, close_after);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save (user_data, FALSE);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  save_as (user_data, FALSE);
}

/* Closing */

enum {
  CLOSE_CANCEL,
  CLOSE_DISCARD,
  CLOSE_SAVE,
};

static void
on_close_answered (int      response,
                   gpointer user_data)
{
  g_autoptr(CspWindow) self = user_data;

  if (response == CLOSE_SAVE)
    save (self, TRUE);
  else if (response == CLOSE_DISCARD)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
on_close_request (CspWindow *self)
{
  const char *buttons[] = { _("_Cancel"), _("_Discard"), _("_Save"), NULL };
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->close_confirmed || self->document == NULL
      || !csp_document_get_modified (self->document))
    return FALSE;

  name = self->is_sample ? g_strdup (_("Built-in sample")) : csp_document_dup_title (self->document);
  message = g_strdup_printf (_("Save the changes to “%s” before closing?"), name);
  csp_ui_ask (GTK_WINDOW (self), message, _("Changes that are not saved are lost."),
              buttons, CLOSE_CANCEL, CLOSE_SAVE, on_close_answered, g_object_ref (self));

  return TRUE;
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

/* Finding and exporting */

static void
find_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  csp_window_search_all (user_data);
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CspWindow *self = user_data;
  CspExportDialog *dialog = csp_export_dialog_new (GTK_WINDOW (self),
                                                   csp_document_get_plan (self->document));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent plans */

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
fill_recent_menu (CspWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (g_str_has_suffix (gtk_recent_info_get_uri (l->data), ".json")
          && (!gtk_recent_info_is_local (l->data) || gtk_recent_info_exists (l->data)))
        g_ptr_array_add (plans, l->data);
    }
  g_ptr_array_sort (plans, compare_recent);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; i < plans->len && i < MAX_RECENT_PLANS; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (plans, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_section, item);
    }

  /* An item without an action shows, greyed, why the menu is empty. */
  if (plans->len == 0)
    g_menu_append (self->recent_section, _("No recent plans"), "win.none");

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
on_recent_changed (CspWindow *self)
{
  fill_recent_menu (self);
}

/* Dropping files */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CspWindow     *self)
{
  GSList *files;
  gboolean any;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  any = files != NULL;
  for (GSList *l = files; l != NULL; l = l->next)
    open_file (self, l->data);
  g_slist_free (files);

  return any;
}

static const GActionEntry action_entries[] = {
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "show-sample", show_sample_activated },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "close", close_activated },
  { "find", find_activated },
  { "export", export_activated },
};

void
_csp_window_set_enabled (CspWindow  *self,
                         const char *name,
                         gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_csp_window_update_actions (CspWindow *self)
{
  gboolean has_document = self->document != NULL;

  _csp_window_set_enabled (self, "save", has_document && !self->saving);
  _csp_window_set_enabled (self, "save-as", has_document && !self->saving);
  _csp_window_set_enabled (self, "find", has_document);
  _csp_window_set_enabled (self, "export", has_document);
}

void
_csp_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_close_request);
}

void
_csp_window_init_actions (CspWindow *self)
{
  GtkDropTarget *target;

  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  _csp_window_update_actions (self);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (on_recent_changed), self, G_CONNECT_SWAPPED);
  fill_recent_menu (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
