/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-status.h"

G_BEGIN_DECLS

#define CSP_TYPE_STATUS_BAR (csp_status_bar_get_type ())

G_DECLARE_FINAL_TYPE (CspStatusBar, csp_status_bar, CSP, STATUS_BAR, GtkWidget)

GtkWidget *csp_status_bar_new          (void);
/* @counts holds CSP_N_STATUSES numbers of actions, indexed by status;
 * @title names what is counted, for the accessible label. */
void       csp_status_bar_set_counts   (CspStatusBar *self,
                                        const char   *title,
                                        const guint  *counts);
guint      csp_status_bar_get_count    (CspStatusBar *self,
                                        CspStatus     status);

/* A key entry: a swatch of the status's colour and its name. */
GtkWidget *csp_status_bar_new_key      (CspStatus     status);

/* "9 actions: 1 off track, 8 not started", translated. */
char      *csp_status_dup_counts_text  (const guint  *counts);

G_END_DECLS
