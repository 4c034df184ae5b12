/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-application.h"
#include "csp-cli.h"
#include "csp-format.h"
#include "csp-window.h"

struct _CspApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CspApplication, csp_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the built-in sample plan (JSON) to standard output"), NULL },
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a plan file; print a summary, or what is wrong and where"), N_("FILE") },
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

static void
csp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      g_autoptr(CspPlan) plan = csp_sample_load ();

      window = GTK_WINDOW (csp_window_new (CSP_APPLICATION (app)));
      csp_window_set_plan (CSP_WINDOW (window), plan, NULL);
    }

  gtk_window_present (window);
}

static void
csp_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      CspWindow *window = csp_window_new (CSP_APPLICATION (app));

      csp_window_load_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
csp_application_class_init (CspApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = csp_application_handle_local_options;
  app_class->activate = csp_application_activate;
  app_class->open = csp_application_open;
}

static void
csp_application_init (CspApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
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
