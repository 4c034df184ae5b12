/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-reader"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "csp-format.h"
#include "csp-merge.h"

/* The reader must refuse anything that is not a plan with one GError,
 * never crash; and what it accepts must write, read back and write
 * again to the same bytes. A plan merged with itself must not change. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* libFuzzer catches SIGABRT, but not the SIGTRAP that a fatal GLib
 * message raises: stop with abort () so that it saves the input. */
G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  /* A critical or a warning is a bug worth stopping for. */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    fail ("%s: %s", domain != NULL ? domain : "", message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (log_handler, NULL);
  return 0;
}

static void
check_round_trip (CspPlan *plan)
{
  g_autoptr(GBytes) written = csp_plan_to_bytes (plan);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(CspPlan) reread = NULL;
  g_autoptr(GError) error = NULL;

  reread = csp_plan_load_bytes (written, &error);
  if (reread == NULL)
    fail ("a plan the reader accepted was written as one it refuses: %s", error->message);

  again = csp_plan_to_bytes (reread);
  if (!g_bytes_equal (written, again))
    fail ("writing a plan read back from its own bytes gave other bytes");
}

static void
check_self_merge (CspPlan *plan)
{
  g_autoptr(CspMerge) merge = csp_merge_new (NULL, plan, plan);
  g_autoptr(CspPlan) result = csp_merge_get_result (merge);
  g_autoptr(GBytes) before = csp_plan_to_bytes (plan);
  g_autoptr(GBytes) after = csp_plan_to_bytes (result);

  if (csp_merge_get_n_conflicts (merge) != 0 || !g_bytes_equal (before, after))
    fail ("merging a plan with itself changed it");
}

/* Ids the dictionary also holds, so that inputs collide with them. */
static const char known_json[] =
  "{\"format\": \"csp-plan\", \"version\": 1, \"id\": \"doc\", \"revision\": \"r1\","
  " \"title\": \"Plan\", \"priorities\": [{\"id\": \"p1\", \"title\": \"P\", \"themes\": ["
  " {\"id\": \"t1\", \"actions\": [{\"id\": \"a1\", \"text\": \"A\","
  " \"owners\": [{\"partner\": \"pa1\"}], \"updates\": [{\"id\": \"u1\", \"date\": \"2018-06-01\"}]}]}]}],"
  " \"partners\": [{\"id\": \"pa1\", \"name\": \"Partner\"}],"
  " \"glossary\": [{\"id\": \"g1\", \"term\": \"T\"}], \"deleted\": [{\"id\": \"gone\"}]}";

static void
check_merge_is_a_plan (CspPlan *base,
                       CspPlan *mine,
                       CspPlan *theirs)
{
  g_autoptr(CspMerge) merge = csp_merge_new (base, mine, theirs);
  g_autoptr(CspPlan) result = csp_merge_get_result (merge);
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (result);
  g_autoptr(CspPlan) reread = NULL;
  g_autoptr(GError) error = NULL;

  /* No duplicate ids, no dangling partner, nothing the reader refuses. */
  reread = csp_plan_load_bytes (bytes, &error);
  if (reread == NULL)
    fail ("a merge gave a plan the reader refuses: %s", error->message);
}

/* Merged with a known plan both ways, two- and three-way. */
static void
check_merges (CspPlan *plan)
{
  static CspPlan *known;

  if (known == NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (known_json, strlen (known_json));

      known = csp_plan_load_bytes (bytes, NULL);
      g_assert (known != NULL);
    }

  check_merge_is_a_plan (NULL, known, plan);
  check_merge_is_a_plan (NULL, plan, known);
  check_merge_is_a_plan (known, known, plan);
  check_merge_is_a_plan (plan, known, plan);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);

  if (plan == NULL)
    {
      if (error == NULL || *error->message == '\0')
        fail ("the reader refused a file without saying why");
      return 0;
    }

  g_assert (error == NULL);
  check_round_trip (plan);
  check_self_merge (plan);
  check_merges (plan);
  return 0;
}
