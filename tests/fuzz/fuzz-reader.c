/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-reader"

#include "config.h"

#include <stdint.h>

#include "csp-format.h"
#include "csp-merge.h"

/* The reader must refuse anything that is not a plan with one GError,
 * never crash; and what it accepts must write, read back and write
 * again to the same bytes. A plan merged with itself must not change. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a bug worth stopping for. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
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
    g_error ("a plan the reader accepted was written as one it refuses: %s", error->message);

  again = csp_plan_to_bytes (reread);
  if (!g_bytes_equal (written, again))
    g_error ("writing a plan read back from its own bytes gave other bytes");
}

static void
check_self_merge (CspPlan *plan)
{
  g_autoptr(CspMerge) merge = csp_merge_new (NULL, plan, plan);
  g_autoptr(CspPlan) result = csp_merge_get_result (merge);
  g_autoptr(GBytes) before = csp_plan_to_bytes (plan);
  g_autoptr(GBytes) after = csp_plan_to_bytes (result);

  if (csp_merge_get_n_conflicts (merge) != 0 || !g_bytes_equal (before, after))
    g_error ("merging a plan with itself changed it");
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
        g_error ("the reader refused a file without saying why");
      return 0;
    }

  g_assert (error == NULL);
  check_round_trip (plan);
  check_self_merge (plan);
  return 0;
}
