/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_TEXT_PAGE (csp_text_page_get_type ())

G_DECLARE_FINAL_TYPE (CspTextPage, csp_text_page, CSP, TEXT_PAGE, GtkWidget)

GtkWidget *csp_text_page_new      (void);
void       csp_text_page_set_plan (CspTextPage *self,
                                   CspPlan     *plan);

G_END_DECLS
