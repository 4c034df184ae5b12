/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-about"

#include "config.h"

#include <gtk/gtk.h>

#include "csp-about.h"
#include "csp-application.h"

static GtkAboutDialog *
find_about_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (window))
        return GTK_ABOUT_DIALOG (window);
    }

  return NULL;
}

static void
test_about_dialog (void)
{
  GtkAboutDialog *dialog;
  const char * const *authors;

  g_assert_null (find_about_dialog ());
  csp_show_about (NULL);
  dialog = find_about_dialog ();
  g_assert_nonnull (dialog);

  g_assert_cmpstr (gtk_about_dialog_get_version (dialog), ==, PACKAGE_VERSION);
  g_assert_cmpint (gtk_about_dialog_get_license_type (dialog), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (gtk_about_dialog_get_website (dialog), ==,
                   "https://github.com/cspplanner/csp-planner");
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (dialog), ==, APPLICATION_ID);
  authors = gtk_about_dialog_get_authors (dialog);
  g_assert_nonnull (authors);
  g_assert_cmpstr (authors[0], ==, "CSP Planner developers");
  g_assert_null (authors[1]);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_about_dialog ());
}

static void
test_about_action (void)
{
  g_autoptr(CspApplication) app = csp_application_new ();
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), "about");

  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));
  g_assert_null (g_action_get_parameter_type (action));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("no display: skipped");
      return 77;
    }

  g_test_add_func ("/about/dialog", test_about_dialog);
  g_test_add_func ("/about/action", test_about_action);

  return g_test_run ();
}
