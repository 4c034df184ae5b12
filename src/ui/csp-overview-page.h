/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_OVERVIEW_PAGE (csp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (CspOverviewPage, csp_overview_page, CSP, OVERVIEW_PAGE, GtkWidget)

/* Each list of what needs chasing shows at most this many actions,
 * then a row saying how many more there are: a list box lays out
 * every row it holds, and a county-sized plan has thousands. */
#define CSP_OVERVIEW_CHASE_MAX_ROWS 10

GtkWidget *csp_overview_page_new      (void);
/* The plan shown; the page follows its edits. NULL shows nothing. */
void       csp_overview_page_set_plan (CspOverviewPage *self,
                                       CspPlan         *plan);

G_END_DECLS
