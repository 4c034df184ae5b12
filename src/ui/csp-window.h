/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-application.h"
#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_WINDOW (csp_window_get_type ())

G_DECLARE_FINAL_TYPE (CspWindow, csp_window, CSP, WINDOW, GtkApplicationWindow)

CspWindow *csp_window_new       (CspApplication *application);
void       csp_window_set_plan  (CspWindow      *self,
                                 CspPlan        *plan,
                                 GFile          *file);
/* Loads @file; a file that cannot be read shows the reader's message
 * in the window. */
void       csp_window_load_file (CspWindow      *self,
                                 GFile          *file);

G_END_DECLS
