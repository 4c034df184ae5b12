/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CSP_STATUS_NOT_STARTED,
  CSP_STATUS_ON_TRACK,
  CSP_STATUS_AT_RISK,
  CSP_STATUS_OFF_TRACK,
  CSP_STATUS_COMPLETE,
  CSP_N_STATUSES
} CspStatus;

/* "on-track": the word in the file. */
const char *csp_status_to_string   (CspStatus    status);
gboolean    csp_status_from_string (const char  *string,
                                    CspStatus   *status);
/* "On track": translated, for people. */
const char *csp_status_get_label   (CspStatus    status);
/* What the status means, for the workbook's key and tooltips. */
const char *csp_status_get_meaning (CspStatus    status);
/* The colour of the status as "#RRGGBB": a fill that black text reads
 * well on. */
const char *csp_status_get_colour  (CspStatus    status);
guint32     csp_status_get_rgb     (CspStatus    status);

G_END_DECLS
