/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-about.h"
#include "csp-application.h"
#include "csp-cli.h"
#include "csp-first-frame.h"
#include "csp-format.h"
#include "csp-ui-util.h"
#include "csp-window.h"
#include "csp-window-sharing.h"

struct _CspApplication
{
  GtkApplication parent_instance;

  guint options_parsed : 1;
};

G_DEFINE_FINAL_TYPE (CspApplication, csp_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the built-in sample plan (JSON) to standard output"), NULL },
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a plan file; print a summary, or what is wrong and where"), N_("FILE") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the Strategy Group workbook of FILE (or of the sample) to OUT"), N_("OUT") },
  { "period", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The reporting quarter of the workbook, such as 2018-Q2 (Q1 is April to June)"),
    N_("QUARTER") },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge colleagues’ copies (THEIRS…) into your copy (MINE), written to OUT; "
       "print each conflict: csp-planner --merge OUT MINE THEIRS…"), N_("OUT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

static void
open_files (GApplication *app,
            char        **filenames)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; filenames != NULL && filenames[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (filenames[i]));

  if (files->len > 0)
    g_application_open (app, (GFile **) files->pdata, files->len, "");
  else
    g_application_activate (app);
}

static int
csp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  g_auto(GStrv) remaining = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  CSP_APPLICATION (app)->options_parsed = TRUE;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &remaining);

  /* Everything that needs no window runs here, before GTK starts, so
   * that it works on servers, in CI and in scripts. */
  status = csp_cli_run (options, (const char * const *) remaining);
  if (status >= 0)
    return status;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("csp-planner: %s\n", error->message);
      return CSP_EXIT_INVALID;
    }

  open_files (app, remaining);

  /* A second instance has handed its files to the first; the first
   * goes on into its main loop. */
  return g_application_get_is_remote (app) ? CSP_EXIT_OK : -1;
}

static gboolean
csp_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  gboolean handled;

  handled = G_APPLICATION_CLASS (csp_application_parent_class)->local_command_line (app, arguments, exit_status);

  /* GApplication exits with 1 when the options do not parse; for us 1
   * means invalid input and 2 bad usage. */
  if (handled && *exit_status == 1 && !CSP_APPLICATION (app)->options_parsed)
    *exit_status = CSP_EXIT_USAGE;

  return handled;
}

static CspWindow *
find_window_with_file (GtkApplication *app,
                       GFile          *file)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!CSP_IS_WINDOW (l->data))
        continue;

      shown = csp_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

void
csp_application_open_file (CspApplication *self,
                           GFile          *file,
                           GtkWindow      *from)
{
  CspWindow *window;

  g_return_if_fail (CSP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One window per document. */
  window = find_window_with_file (GTK_APPLICATION (self), file);
  if (window == NULL)
    {
      if (CSP_IS_WINDOW (from) && csp_window_is_untouched (CSP_WINDOW (from)))
        window = CSP_WINDOW (from);
      else
        window = csp_window_new (self);

      csp_window_load_file (window, file);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* The last document, when it is still there; otherwise the sample. */
static void
show_first_document (CspWindow *window)
{
  g_autoptr(GSettings) settings = csp_ui_new_settings ();
  g_autofree char *uri = settings != NULL ? g_settings_get_string (settings, "last-document") : NULL;
  g_autoptr(GFile) file = uri != NULL && *uri != '\0' ? g_file_new_for_uri (uri) : NULL;

  if (file != NULL && g_file_query_exists (file, NULL))
    csp_window_load_file (window, file);
  else
    csp_window_show_sample (window);
}

static void
csp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (csp_window_new (CSP_APPLICATION (app)));
      show_first_document (CSP_WINDOW (window));
    }

  gtk_window_present (window);
  csp_sharing_offer_drafts (GTK_APPLICATION (app));
}

static void
csp_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *from = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    csp_application_open_file (CSP_APPLICATION (app), files[i], from);
  csp_sharing_offer_drafts (GTK_APPLICATION (app));
}

/* Actions */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GtkWindow *active = gtk_application_get_active_window (user_data);
  g_autoptr(CspPlan) plan = csp_plan_new ();
  CspWindow *window;

  if (CSP_IS_WINDOW (active) && csp_window_is_untouched (CSP_WINDOW (active)))
    window = CSP_WINDOW (active);
  else
    window = csp_window_new (user_data);

  csp_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (user_data));

  /* Each window asks about its own unsaved changes; the application
   * ends when the last one has gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  const char *authors[] = { _("The CSP Planner authors"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (user_data),
                         "program-name", _("CSP Planner"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep a Community Safety Partnership plan"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "new", new_activated },
  { "quit", quit_activated },
  { "about", about_activated },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.merge", { "<Control><Shift>m", NULL } },
  { "win.move-priority-up", { "<Alt><Shift>Up", NULL } },
  { "win.move-priority-down", { "<Alt><Shift>Down", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
csp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (csp_application_parent_class)->startup (app);
  csp_first_frame_watch (GTK_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  load_style ();
  csp_sharing_init_application (GTK_APPLICATION (app));
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  csp_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static const GActionEntry app_actions[] = {
  { "about", show_about },
};

static void
csp_application_class_init (CspApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = csp_application_local_command_line;
  app_class->handle_local_options = csp_application_handle_local_options;
  app_class->startup = csp_application_startup;
  app_class->activate = csp_application_activate;
  app_class->open = csp_application_open;
}

static void
csp_application_init (CspApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep a Community Safety Partnership plan: "
                                              "action plans, progress updates, partners, "
                                              "and the Strategy Group workbook."));
}

CspApplication *
csp_application_new (void)
{
  return g_object_new (CSP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
