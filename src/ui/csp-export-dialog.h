/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_EXPORT_DIALOG (csp_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CspExportDialog, csp_export_dialog, CSP, EXPORT_DIALOG, GtkWindow)

/* Asks for the reporting quarter and the file, writes the Strategy
 * Group workbook with a progress bar, then offers to open it. */
CspExportDialog *csp_export_dialog_new (GtkWindow *parent,
                                        CspPlan   *plan);

G_END_DECLS
