/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-status.h"

static const struct
{
  const char *string;
  const char *label;
  const char *meaning;
  const char *colour;
} statuses[CSP_N_STATUSES] = {
  [CSP_STATUS_NOT_STARTED] = { "not-started", N_("Not started"),
                               N_("Work on the action has not begun yet."), "#D9D9D9" },
  [CSP_STATUS_ON_TRACK] = { "on-track", N_("On track"),
                            N_("Green: progressing as planned."), "#8FD18F" },
  [CSP_STATUS_AT_RISK] = { "at-risk", N_("At risk"),
                           N_("Amber: behind plan or facing problems; the update says why."), "#FFC857" },
  [CSP_STATUS_OFF_TRACK] = { "off-track", N_("Off track"),
                             N_("Red: will not be delivered as planned without action by the Strategy Group."), "#F28B82" },
  [CSP_STATUS_COMPLETE] = { "complete", N_("Complete"),
                            N_("Blue: delivered."), "#8AB4F8" },
};

const char *
csp_status_to_string (CspStatus status)
{
  g_return_val_if_fail (status < CSP_N_STATUSES, NULL);

  return statuses[status].string;
}

gboolean
csp_status_from_string (const char *string,
                        CspStatus  *status)
{
  for (guint i = 0; string != NULL && i < CSP_N_STATUSES; i++)
    {
      if (g_str_equal (string, statuses[i].string))
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
csp_status_get_label (CspStatus status)
{
  g_return_val_if_fail (status < CSP_N_STATUSES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}

const char *
csp_status_get_meaning (CspStatus status)
{
  g_return_val_if_fail (status < CSP_N_STATUSES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, statuses[status].meaning);
}

const char *
csp_status_get_colour (CspStatus status)
{
  g_return_val_if_fail (status < CSP_N_STATUSES, NULL);

  return statuses[status].colour;
}

guint32
csp_status_get_rgb (CspStatus status)
{
  g_return_val_if_fail (status < CSP_N_STATUSES, 0);

  return (guint32) g_ascii_strtoull (statuses[status].colour + 1, NULL, 16);
}
