/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "csp-cli.h"
#include "csp-format.h"
#include "csp-workbook.h"

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

/* "1 action", "35 actions": @format is the count's g_dngettext ()
 * form; the text is kept in @keep. */
static const char *
count_text (GPtrArray  *keep,
            const char *format,
            guint       n)
{
  char *text = g_strdup_printf (format, n);

  g_ptr_array_add (keep, text);
  return text;
}

#define COUNT(n, singular, plural) \
  count_text (keep, g_dngettext (GETTEXT_PACKAGE, singular, plural, (n)), (n))

static int
run_check (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;
  g_autofree char *display = g_filename_display_name (filename);
  g_autoptr(GPtrArray) keep = NULL;
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
  keep = g_ptr_array_new_with_free_func (g_free);
  g_print (_("%s: valid: “%s”: %s, %s, %s, %s; review: %s, %s, %s; %s, %s\n"),
           display, csp_item_get_string (CSP_ITEM (plan), "title"),
           COUNT (plan_counts.priorities, "%u priority", "%u priorities"),
           COUNT (plan_counts.themes, "%u theme", "%u themes"),
           COUNT (plan_counts.actions, "%u action", "%u actions"),
           COUNT (plan_counts.updates, "%u update", "%u updates"),
           COUNT (review_counts.priorities, "%u priority", "%u priorities"),
           COUNT (review_counts.actions, "%u action", "%u actions"),
           COUNT (review_counts.updates, "%u update", "%u updates"),
           COUNT (partners, "%u partner", "%u partners"),
           COUNT (terms, "%u glossary entry", "%u glossary entries"));

  return CSP_EXIT_OK;
}

gboolean
csp_cli_same_file (GFile *a,
                   GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  g_return_val_if_fail (G_IS_FILE (a) && G_IS_FILE (b), FALSE);

  if (g_file_equal (a, b))
    return TRUE;

  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;

  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  g_autoptr(GFile) file_a = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) file_b = g_file_new_for_commandline_arg (b);

  return csp_cli_same_file (file_a, file_b);
}

static gboolean
plan_has_quarter (CspPlan    *plan,
                  CspQuarter  quarter)
{
  g_autoptr(GArray) quarters = csp_plan_list_quarters (plan);

  for (guint i = 0; i < quarters->len; i++)
    if (csp_quarter_compare (g_array_index (quarters, CspQuarter, i), quarter) == 0)
      return TRUE;

  return FALSE;
}

/* The quarter asked for, or the latest with updates; FALSE (and a
 * message) when it is not one of the plan's. */
static gboolean
choose_quarter (CspPlan    *plan,
                const char *period,
                CspQuarter *quarter)
{
  g_autoptr(GArray) quarters = csp_plan_list_quarters (plan);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (period == NULL)
    {
      *quarter = csp_plan_get_default_quarter (plan);
      return TRUE;
    }

  if (!csp_quarter_parse (period, quarter))
    {
      g_printerr (_("csp-planner: --period “%s”: not a quarter such as 2018-Q2 "
                    "(Q1 is April to June)\n"), period);
      return FALSE;
    }

  if (plan_has_quarter (plan, *quarter))
    return TRUE;

  first = csp_quarter_to_string (g_array_index (quarters, CspQuarter, 0));
  last = csp_quarter_to_string (g_array_index (quarters, CspQuarter, quarters->len - 1));
  g_printerr (_("csp-planner: --period %s is outside the plan’s period (%s to %s)\n"),
              period, first, last);
  return FALSE;
}

static int
run_export (const char *out,
            const char *filename,
            const char *period)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;
  g_autofree char *display = g_filename_display_name (out);
  g_autofree char *label = NULL;
  CspQuarter quarter;

  if (filename == NULL)
    plan = csp_sample_load ();
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);

      plan = csp_plan_load_file (file, NULL, &error);
      if (plan == NULL)
        return report_invalid (filename, error);
    }

  if (!choose_quarter (plan, period, &quarter))
    return CSP_EXIT_INVALID;

  if (!csp_workbook_export (plan, out, quarter, NULL, NULL, NULL, NULL, &error))
    {
      g_printerr ("csp-planner: %s: %s\n", display, error->message);
      return CSP_EXIT_INVALID;
    }

  label = csp_quarter_dup_label (quarter);
  /* Translators: the file written, then the quarter */
  g_print (_("%s: Strategy Group workbook for %s\n"), display, label);
  return CSP_EXIT_OK;
}

static int
check_export (GVariantDict       *options,
              const char         *out,
              const char * const *remaining,
              guint               n_remaining)
{
  const char *period = NULL;

  g_variant_dict_lookup (options, "period", "&s", &period);

  if (n_remaining > 1)
    return usage (_("--export-xlsx takes one plan file at most"));

  /* No option ever writes over an input file. */
  if (n_remaining == 1 && is_same_file (out, remaining[0]))
    return usage (_("--export-xlsx would write over its input file"));

  return run_export (out, n_remaining == 1 ? remaining[0] : NULL, period);
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

  if (g_variant_dict_lookup (options, "export-xlsx", "^&ay", &filename))
    return check_export (options, filename, remaining, n_remaining);

  if (g_variant_dict_lookup (options, "merge", "^&ay", &filename))
    {
      if (n_remaining < 2)
        return usage (_("--merge takes the output file, your copy and at least one colleague’s copy"));
      return csp_cli_merge (filename, remaining);
    }

  if (g_variant_dict_contains (options, "period"))
    return usage (_("--period goes with --export-xlsx"));

  return -1;
}
