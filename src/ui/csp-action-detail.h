/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_ACTION_DETAIL (csp_action_detail_get_type ())

G_DECLARE_FINAL_TYPE (CspActionDetail, csp_action_detail, CSP, ACTION_DETAIL, GtkWidget)

/* Everything about one action: text, owners (each a link to its
 * partner, through the "show-item" signal), status, due date, outcome
 * and the progress updates, newest first. */
void     csp_action_detail_set_action (CspActionDetail *self,
                                       CspItem         *action);
CspItem *csp_action_detail_get_action (CspActionDetail *self);

G_END_DECLS
