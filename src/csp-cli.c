/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "csp-cli.h"
#include "csp-format.h"

static int
usage (const char *message)
{
  g_printerr ("csp-planner: %s\n", message);
  g_printerr (_("Run “csp-planner --help” to see the options.\n"));

  return CSP_EXIT_USAGE;
}

/* Prints "FILE: $.path: what is wrong". */
static int
report_invalid (const char   *filename,
                const GError *error)
{
  g_autofree char *display = g_filename_display_name (filename);

  g_printerr ("%s: %s\n", display, error->message);

  return CSP_EXIT_INVALID;
}

static int
run_sample (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr (_("csp-planner: could not write the sample to standard output\n"));
      return CSP_EXIT_INVALID;
    }

  return CSP_EXIT_OK;
}

static int
run_check (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;
  g_autofree char *display = g_filename_display_name (filename);
  CspCounts plan_counts, review_counts;
  guint partners;
  guint terms;

  plan = csp_plan_load_file (file, NULL, &error);
  if (plan == NULL)
    return report_invalid (filename, error);

  csp_plan_count (plan, FALSE, &plan_counts);
  csp_plan_count (plan, TRUE, &review_counts);
  partners = csp_item_get_n_children (CSP_ITEM (plan), "partners");
  terms = csp_item_get_n_children (CSP_ITEM (plan), "glossary");

  /* One line, for scripts and for people. */
  g_print (_("%s: valid: “%s”: %u priorities, %u themes, %u actions, %u updates; "
             "review: %u priorities, %u actions, %u updates; %u partners, %u glossary entries\n"),
           display, csp_item_get_string (CSP_ITEM (plan), "title"),
           plan_counts.priorities, plan_counts.themes, plan_counts.actions, plan_counts.updates,
           review_counts.priorities, review_counts.actions, review_counts.updates,
           partners, terms);

  return CSP_EXIT_OK;
}

int
csp_cli_run (GVariantDict       *options,
             const char * const *remaining)
{
  guint n_remaining = remaining != NULL ? g_strv_length ((char **) remaining) : 0;
  const char *filename = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("csp-planner %s\n", PACKAGE_VERSION);
      return CSP_EXIT_OK;
    }

  if (g_variant_dict_contains (options, "sample"))
    {
      if (n_remaining > 0)
        return usage (_("--sample takes no files"));
      return run_sample ();
    }

  if (g_variant_dict_lookup (options, "check", "^&ay", &filename))
    {
      if (n_remaining > 0)
        return usage (_("--check takes one file"));
      return run_check (filename);
    }

  if (g_variant_dict_lookup (options, "merge", "^&ay", &filename))
    {
      if (n_remaining < 2)
        return usage (_("--merge takes the output file, your copy and at least one colleague’s copy"));
      return csp_cli_merge (filename, remaining);
    }

  return -1;
}
