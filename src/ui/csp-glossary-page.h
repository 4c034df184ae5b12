/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_GLOSSARY_PAGE (csp_glossary_page_get_type ())

G_DECLARE_FINAL_TYPE (CspGlossaryPage, csp_glossary_page, CSP, GLOSSARY_PAGE, GtkWidget)

GtkWidget *csp_glossary_page_new      (void);
void       csp_glossary_page_set_plan (CspGlossaryPage *self,
                                       CspPlan         *plan);

G_END_DECLS
