/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_PARTNERS_PAGE (csp_partners_page_get_type ())

G_DECLARE_FINAL_TYPE (CspPartnersPage, csp_partners_page, CSP, PARTNERS_PAGE, GtkWidget)

GtkWidget *csp_partners_page_new          (void);
void       csp_partners_page_set_plan     (CspPartnersPage *self,
                                           CspPlan         *plan);
/* Selects @partner in the directory (clearing the search when it hides
 * it) and shows its details. */
void       csp_partners_page_show_partner (CspPartnersPage *self,
                                           CspItem         *partner);

G_END_DECLS
