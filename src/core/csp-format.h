/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "csp-plan.h"
#include "csp-progress.h"

G_BEGIN_DECLS

#define CSP_FORMAT_ERROR (csp_format_error_quark ())

typedef enum
{
  CSP_FORMAT_ERROR_SYNTAX,     /* not JSON: malformed, comments, trailing data, not UTF-8 */
  CSP_FORMAT_ERROR_NOT_A_PLAN, /* JSON, but no "format": "csp-plan" */
  CSP_FORMAT_ERROR_VERSION,    /* written by a newer CSP Planner */
  CSP_FORMAT_ERROR_INVALID,    /* a plan, with a wrong value at a JSON path */
  CSP_FORMAT_ERROR_TOO_LARGE,  /* over the size or nesting limit */
} CspFormatError;

#define CSP_FORMAT_VERSION   1
#define CSP_FORMAT_MAX_SIZE  (256 * 1024 * 1024)
#define CSP_FORMAT_MAX_DEPTH 64
#define CSP_FORMAT_MAX_ANCESTORS 100

GQuark   csp_format_error_quark (void);

/* Checks that @data is strict JSON (RFC 8259) in UTF-8, nested no deeper
 * than @max_depth, before json-glib sees it: json-glib 1.6 accepts
 * comments and trailing data, and overflows its stack on deep nesting.
 * Errors say "$: line L, column C: what is wrong". */
gboolean csp_json_check         (const char  *data,
                                 gsize        length,
                                 guint        max_depth,
                                 GError     **error);

/* Reads a plan. Every refusal is one GError whose message starts with
 * the JSON path of the value at fault: "$.priorities[2].title: …". */
CspPlan *csp_plan_load_bytes    (GBytes      *bytes,
                                 GError     **error);
CspPlan *csp_plan_load_file     (GFile       *file,
                                 GCancellable *cancellable,
                                 GError     **error);
/* The same, calling @progress in this thread now and then with the
 * share of the file read so far. */
CspPlan *csp_plan_load_file_with_progress (GFile            *file,
                                           CspProgressFunc   progress,
                                           gpointer          progress_data,
                                           GCancellable     *cancellable,
                                           GError          **error);

/* The file's bytes: pretty-printed UTF-8 JSON, keys in a fixed order,
 * a newline at the end; the same plan always gives the same bytes. */
GBytes  *csp_plan_to_bytes      (CspPlan     *plan);
/* The same bytes, written to @stream as they are made, a few tens of
 * kilobytes at a time. */
gboolean csp_plan_write           (CspPlan             *plan,
                                   GOutputStream       *stream,
                                   GCancellable        *cancellable,
                                   GError             **error);
/* The same, made in a worker thread while the caller's main loop goes
 * on: the window stays responsive with a county's archive open. Edits
 * of the plan made meanwhile wait for the worker (0.07 s for 10,000
 * actions), so the bytes are the plan as it was when this was called. */
void     csp_plan_to_bytes_async  (CspPlan             *plan,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
GBytes  *csp_plan_to_bytes_finish (CspPlan             *plan,
                                   GAsyncResult        *result,
                                   GError             **error);

/* The built-in sample: the Tonbridge and Malling plan 2018-19. */
GBytes  *csp_sample_get_bytes   (void);
CspPlan *csp_sample_load        (void);

G_END_DECLS
