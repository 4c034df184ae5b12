/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "csp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CspApplication) app = NULL;
#ifdef G_OS_WIN32
  /* A Windows bundle can be unpacked anywhere: its translations are
   * found beside the executable, not at the build's prefix. */
  g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);
  g_autofree char *localedir = g_build_filename (root, "share", "locale", NULL);
#else
  const char *localedir = LOCALEDIR;
#endif

  /* Before anything is translated: the command line runs before GTK
   * would set the locale. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = csp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
