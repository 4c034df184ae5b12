/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-bench"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "csp-format.h"

/* Times one operation on a plan file and prints
 *   OPERATION SECONDS PEAK_RSS_KIB
 * Run one operation per process, so that the peak memory is its own. */

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

static CspPlan *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  CspPlan *plan = csp_plan_load_bytes (bytes, &error);

  if (plan == NULL)
    g_error ("%s", error->message);

  return plan;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  const char *operation;
  double start, seconds;

  if (argc != 3)
    {
      g_printerr ("usage: csp-bench parse|load|save FILE\n");
      return 2;
    }

  operation = argv[1];
  bytes = read_bytes (argv[2]);

  if (g_str_equal (operation, "parse"))
    {
      /* The baseline: json-glib alone, no checks, no model. */
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      start = now ();
      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      seconds = now () - start;
    }
  else if (g_str_equal (operation, "load"))
    {
      g_autoptr(CspPlan) plan = NULL;

      start = now ();
      plan = load (bytes);
      seconds = now () - start;
    }
  else if (g_str_equal (operation, "save"))
    {
      g_autoptr(CspPlan) plan = load (bytes);
      g_autoptr(GBytes) out = NULL;

      start = now ();
      out = csp_plan_to_bytes (plan);
      seconds = now () - start;
      if (!g_bytes_equal (out, bytes))
        g_printerr ("note: the file is not in canonical form\n");
    }
  else
    {
      g_printerr ("unknown operation %s\n", operation);
      return 2;
    }

  printf ("%s %.3f %ld\n", operation, seconds, peak_rss_kib ());
  return 0;
}
