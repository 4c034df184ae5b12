/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the start-up benchmark (tests/bench/run.py): when the environment
 * has CSP_PLANNER_FIRST_FRAME=1, the application prints
 *   first-frame SECONDS PEAK_RSS_KIB
 * when a window has painted its first frame with a plan in it, then
 * quits. SECONDS counts from the application's start-up. */
void csp_first_frame_watch (GtkApplication *app);

G_END_DECLS
