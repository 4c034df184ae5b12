/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-cli.h"
#include "csp-format.h"
#include "csp-history.h"
#include "csp-merge.h"

/* csp-planner --merge OUT MINE THEIRS… */

#define MAX_SHOWN 60

/* One line, not too long, for the terminal. */
static char *
shorten (const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *p = value;

  for (guint n = 0; *p != '\0' && n < MAX_SHOWN; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (text, g_unichar_iscntrl (c) ? ' ' : c);
    }
  if (*p != '\0')
    g_string_append (text, "…");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
describe_choice (const CspConflict *conflict)
{
  gboolean mine = conflict->chosen == CSP_MERGE_MINE;

  switch (conflict->reason)
    {
    case CSP_CONFLICT_NEWER:
      return mine ? _("kept mine (newer)") : _("kept theirs (newer)");
    case CSP_CONFLICT_TIE:
      return _("kept mine (edited at the same time)");
    case CSP_CONFLICT_EDIT_KEPT:
      return mine ? _("kept mine (edited, not deleted)") : _("kept theirs (edited, not deleted)");
    case CSP_CONFLICT_USER_CHOICE:
    default:
      return mine ? _("kept mine") : _("kept theirs");
    }
}

static void
print_conflicts (CspMerge *merge)
{
  for (guint i = 0; i < csp_merge_get_n_conflicts (merge); i++)
    {
      const CspConflict *conflict = csp_merge_get_conflict (merge, i);
      g_autofree char *mine = shorten (conflict->mine);
      g_autofree char *theirs = shorten (conflict->theirs);

      g_print (_("%s: mine “%s”, theirs “%s”: %s\n"),
               conflict->path, mine, theirs, describe_choice (conflict));
    }
}

static void
record (CspHistory *history,
        CspPlan    *plan)
{
  g_autoptr(GError) error = NULL;

  /* A plan never saved has no revision: nothing to keep. The merge
   * goes on without the history if it cannot be written. */
  if (!csp_history_record (history, plan, &error) &&
      !g_error_matches (error, CSP_HISTORY_ERROR, CSP_HISTORY_ERROR_NO_REVISION))
    g_printerr (_("csp-planner: warning: the history of revisions was not updated: %s\n"),
                error->message);
}

static CspPlan *
load (const char  *filename,
      GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (filename);
  CspPlan *plan = csp_plan_load_file (file, NULL, &error);

  if (plan == NULL)
    g_printerr ("%s: %s\n", display, error->message);

  return plan;
}

/* Merges @theirs into @current, printing what happened. */
static CspPlan *
merge_one (CspHistory *history,
           CspPlan    *current,
           CspPlan    *theirs,
           const char *filename,
           guint      *n_conflicts)
{
  g_autofree char *display = g_filename_display_name (filename);
  g_autofree char *revision = NULL;
  g_autoptr(CspPlan) base = csp_history_find_base (history, current, theirs, &revision, NULL);
  g_autoptr(CspMerge) merge = csp_merge_new (base, current, theirs);

  if (base != NULL)
    g_printerr (_("%s: merged against the common revision %s\n"), display, revision);
  else
    g_printerr (_("%s: no common revision known: every difference is a conflict\n"), display);

  print_conflicts (merge);
  *n_conflicts += csp_merge_get_n_conflicts (merge);

  return csp_merge_get_result (merge);
}

static gboolean
write_plan (GFile   *file,
            CspPlan *plan,
            GError **error)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);

  /* GIO writes a temporary file and renames it over OUT. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

int
csp_cli_merge (const char         *out_name,
               const char * const *inputs)
{
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (out_name);
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CspHistory) history = csp_history_new (NULL);
  g_autoptr(CspPlan) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_display = g_filename_display_name (out_name);
  guint n_conflicts = 0;

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);

      if (csp_cli_same_file (out, file))
        {
          g_printerr (_("csp-planner: %s is also an input file: --merge never writes over its inputs\n"),
                      out_display);
          return CSP_EXIT_USAGE;
        }
    }

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      CspPlan *plan = load (inputs[i], file);

      if (plan == NULL)
        return CSP_EXIT_INVALID;
      g_ptr_array_add (plans, plan);
    }

  for (guint i = 0; i < plans->len; i++)
    record (history, g_ptr_array_index (plans, i));

  current = g_object_ref (g_ptr_array_index (plans, 0));
  for (guint i = 1; i < plans->len; i++)
    {
      CspPlan *merged = merge_one (history, current, g_ptr_array_index (plans, i),
                                   inputs[i], &n_conflicts);

      g_set_object (&current, merged);
      g_object_unref (merged);
    }

  if (!write_plan (out, current, &error))
    {
      g_printerr ("%s: %s\n", out_display, error->message);
      return CSP_EXIT_INVALID;
    }
  record (history, current);

  return n_conflicts > 0 ? CSP_EXIT_CONFLICTS : CSP_EXIT_OK;
}
