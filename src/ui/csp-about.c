/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-about"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-about.h"

#define CSP_WEBSITE "https://github.com/cspplanner/csp-planner"

void
csp_show_about (GtkWindow *parent)
{
  static const char *authors[] = { N_("CSP Planner developers"), NULL };
  const char *translated_authors[G_N_ELEMENTS (authors)];
  GtkAboutDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  for (guint i = 0; i < G_N_ELEMENTS (authors); i++)
    translated_authors[i] = authors[i] != NULL ? _(authors[i]) : NULL;

  dialog = GTK_ABOUT_DIALOG (gtk_about_dialog_new ());
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);

  gtk_about_dialog_set_program_name (dialog, _("CSP Planner"));
  gtk_about_dialog_set_logo_icon_name (dialog, APPLICATION_ID);
  gtk_about_dialog_set_version (dialog, PACKAGE_VERSION);
  gtk_about_dialog_set_comments (dialog,
                                 _("Keep a Community Safety Partnership plan: action plans, "
                                   "progress updates, partners, and the Strategy Group workbook."));
  gtk_about_dialog_set_license_type (dialog, GTK_LICENSE_GPL_3_0);
  gtk_about_dialog_set_website (dialog, CSP_WEBSITE);
  gtk_about_dialog_set_website_label (dialog, _("Website"));
  gtk_about_dialog_set_authors (dialog, translated_authors);
  gtk_about_dialog_set_copyright (dialog, _("© 2026 CSP Planner developers"));
  /* The sample is a real, published plan: say whose it is. */
  gtk_about_dialog_add_credit_section (dialog, _("Sample plan"),
                                       (const char *[]) {
                                         _("Tonbridge and Malling Community Safety Partnership, "
                                           "Partnership Plan 2018-2019"),
                                         NULL });
  gtk_about_dialog_set_translator_credits (dialog, _("translator-credits"));

  gtk_window_present (GTK_WINDOW (dialog));
}
