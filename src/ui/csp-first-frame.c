/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-first-frame"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "csp-first-frame.h"
#include "csp-window.h"

static gint64 started;

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
on_after_paint (GdkFrameClock *clock,
                CspWindow     *window)
{
  GApplication *app;

  if (csp_window_get_plan (window) == NULL || csp_window_is_loading (window))
    return;

  printf ("first-frame %.3f %ld\n", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
          peak_rss_kib ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!CSP_IS_WINDOW (window))
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

void
csp_first_frame_watch (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  if (g_strcmp0 (g_getenv ("CSP_PLANNER_FIRST_FRAME"), "1") != 0)
    return;

  started = g_get_monotonic_time ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
}
