/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-sample"

#include "config.h"

#include "csp-format.h"
#include "csp-core-resources.h"

#define SAMPLE_PATH RESOURCE_PREFIX "/sample/tonbridge-malling-2018-19.json"

/* Looked up in the library's own resource, which also makes the linker
 * keep it when the library is linked statically. */

GBytes *
csp_sample_get_bytes (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (csp_core_get_resource (), SAMPLE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in sample is missing: %s", error->message);

  return bytes;
}

CspPlan *
csp_sample_load (void)
{
  g_autoptr(GBytes) bytes = csp_sample_get_bytes ();
  g_autoptr(GError) error = NULL;
  CspPlan *plan;

  /* The tests read the sample back on every build, so a failure here
   * is a broken build, not bad input. */
  plan = csp_plan_load_bytes (bytes, &error);
  if (plan == NULL)
    g_error ("The built-in sample does not load: %s", error->message);

  return plan;
}
