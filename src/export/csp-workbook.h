/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "csp-plan.h"
#include "csp-progress.h"
#include "csp-quarter.h"

G_BEGIN_DECLS

#define CSP_WORKBOOK_ERROR (csp_workbook_error_quark ())

typedef enum
{
  CSP_WORKBOOK_ERROR_FAILED, /* libxlsxwriter refused; the message says why */
} CspWorkbookError;

GQuark   csp_workbook_error_quark   (void);

/* Writes the Strategy Group workbook of @plan for @quarter to @path:
 * first to a temporary file beside it, then moved into place, so that
 * a failure never leaves a broken file nor replaces an earlier one.
 * @today (YYYY-MM-DD, NULL for the real date) is the export date shown
 * and the reference for "overdue". */
gboolean csp_workbook_export        (CspPlan              *plan,
                                     const char           *path,
                                     CspQuarter            quarter,
                                     const char           *today,
                                     CspProgressFunc       progress,
                                     gpointer              progress_data,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* The same in a worker thread, on a snapshot of the plan taken now, so
 * that the plan can be edited while the export runs. @progress is
 * called on the caller's main context. */
void     csp_workbook_export_async  (CspPlan              *plan,
                                     const char           *path,
                                     CspQuarter            quarter,
                                     CspProgressFunc       progress,
                                     gpointer              progress_data,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean csp_workbook_export_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
