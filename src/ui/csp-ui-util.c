/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-ui-util"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "csp-ui-util.h"

char *
csp_ui_format_date (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (date == NULL)
    return g_strdup ("");

  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3 && strlen (date) == 10)
    time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (date);

  /* Translators: a date as strftime() writes it: "1 April 2018". */
  return g_date_time_format (time, _("%-d %B %Y"));
}

void
csp_ui_set_status_chip (GtkLabel  *label,
                        CspStatus  status)
{
  g_autofree char *class = NULL;
  const char *css_classes[3];

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (status < CSP_N_STATUSES);

  class = g_strconcat ("status-", csp_status_to_string (status), NULL);
  css_classes[0] = "status-chip";
  css_classes[1] = class;
  css_classes[2] = NULL;

  gtk_label_set_label (label, csp_status_get_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (label), css_classes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), csp_status_get_meaning (status));
}

/* Questions */

typedef struct
{
  CspAskFunc callback;
  gpointer   user_data;
  int        cancel_index;
} Ask;

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_alert_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autofree Ask *ask = data;
  int response = gtk_alert_dialog_choose_finish (GTK_ALERT_DIALOG (source), result, NULL);

  ask->callback (response < 0 ? ask->cancel_index : response, ask->user_data);
}

void
csp_ui_ask (GtkWindow          *parent,
            const char         *message,
            const char         *detail,
            const char * const *buttons,
            int                 cancel_index,
            int                 default_index,
            CspAskFunc          callback,
            gpointer            user_data)
{
  g_autoptr(GtkAlertDialog) dialog = gtk_alert_dialog_new ("%s", message);
  Ask *ask = g_new0 (Ask, 1);

  ask->callback = callback;
  ask->user_data = user_data;
  ask->cancel_index = cancel_index;

  gtk_alert_dialog_set_detail (dialog, detail);
  gtk_alert_dialog_set_buttons (dialog, buttons);
  gtk_alert_dialog_set_cancel_button (dialog, cancel_index);
  gtk_alert_dialog_set_default_button (dialog, default_index);
  gtk_alert_dialog_choose (dialog, parent, NULL, on_alert_chosen, ask);
}

#else

static void
on_message_response (GtkDialog *dialog,
                     int        response,
                     gpointer   data)
{
  g_autofree Ask *ask = data;

  /* The answer may close the parent: the dialog, which lives until
   * this signal returns, must not point at it any more. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ask->callback (response < 0 ? ask->cancel_index : response, ask->user_data);
}

void
csp_ui_ask (GtkWindow          *parent,
            const char         *message,
            const char         *detail,
            const char * const *buttons,
            int                 cancel_index,
            int                 default_index,
            CspAskFunc          callback,
            gpointer            user_data)
{
  GtkWidget *dialog;
  Ask *ask = g_new0 (Ask, 1);

  ask->callback = callback;
  ask->user_data = user_data;
  ask->cancel_index = cancel_index;

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  for (int i = 0; buttons[i] != NULL; i++)
    gtk_dialog_add_button (GTK_DIALOG (dialog), buttons[i], i);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), default_index);

  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

#endif

/* Files */

typedef struct
{
  CspFileFunc callback;
  gpointer    user_data;
} Choose;

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_file_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autofree Choose *choose = data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GFile) file = NULL;

  if (g_object_get_data (source, "save") != NULL)
    file = gtk_file_dialog_save_finish (dialog, result, NULL);
  else
    file = gtk_file_dialog_open_finish (dialog, result, NULL);

  choose->callback (file, choose->user_data);
}

void
csp_ui_choose_file (GtkWindow   *parent,
                    gboolean     save,
                    const char  *title,
                    const char  *filter_name,
                    const char  *pattern,
                    const char  *suggested_name,
                    CspFileFunc  callback,
                    gpointer     user_data)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = new_filter (filter_name, pattern);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  Choose *choose = g_new0 (Choose, 1);

  choose->callback = callback;
  choose->user_data = user_data;

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);

  if (save)
    {
      g_object_set_data (G_OBJECT (dialog), "save", GINT_TO_POINTER (TRUE));
      gtk_file_dialog_set_initial_name (dialog, suggested_name);
      gtk_file_dialog_save (dialog, parent, NULL, on_file_chosen, choose);
    }
  else
    gtk_file_dialog_open (dialog, parent, NULL, on_file_chosen, choose);
}

#else

static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    gpointer         data)
{
  g_autofree Choose *choose = data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  choose->callback (file, choose->user_data);
  g_object_unref (native);
}

void
csp_ui_choose_file (GtkWindow   *parent,
                    gboolean     save,
                    const char  *title,
                    const char  *filter_name,
                    const char  *pattern,
                    const char  *suggested_name,
                    CspFileFunc  callback,
                    gpointer     user_data)
{
  g_autoptr(GtkFileFilter) filter = new_filter (filter_name, pattern);
  GtkFileChooserNative *native;
  Choose *choose = g_new0 (Choose, 1);

  choose->callback = callback;
  choose->user_data = user_data;

  native = gtk_file_chooser_native_new (title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                             : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (save && suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  g_signal_connect (native, "response", G_CALLBACK (on_native_response), choose);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

void
csp_ui_launch_file (GtkWindow *parent,
                    GFile     *file)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_launch (launcher, parent, NULL, NULL, NULL);
#else
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
#endif
}

guint
csp_ui_new_show_item_signal (GType type)
{
  return g_signal_new ("show-item", type, G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, CSP_TYPE_ITEM);
}

GSettings *
csp_ui_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("GSettings schema %s not found: settings are not kept", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new (APPLICATION_ID);
}
