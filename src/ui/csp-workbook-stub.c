/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-workbook.h"

/* STUB: stands in for src/export/csp-workbook.c until the export
 * library is part of the build (src/ui/meson.build compiles this file
 * only when there is no csp_export_dep). It writes nothing and says so. */

G_DEFINE_QUARK (csp-workbook-error-quark, csp_workbook_error)

void
csp_workbook_export_async (CspPlan             *plan,
                           const char          *path,
                           CspQuarter           quarter,
                           CspProgressFunc      progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, csp_workbook_export_async);
  g_task_return_new_error (task, CSP_WORKBOOK_ERROR, CSP_WORKBOOK_ERROR_FAILED,
                           _("This build of CSP Planner cannot write workbooks yet."));
}

gboolean
csp_workbook_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
