/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_TYPE_ACTION_LIST (csp_action_list_get_type ())

G_DECLARE_FINAL_TYPE (CspActionList, csp_action_list, CSP, ACTION_LIST, GtkWidget)

/* The table of actions with its filter bar. The plan gives the owner
 * choices and the quarter of "No update this quarter". */
void        csp_action_list_set_plan          (CspActionList *self,
                                               CspPlan       *plan);
/* Shows @actions (CspAction, borrowed) under @title. */
void        csp_action_list_set_actions       (CspActionList *self,
                                               const char    *title,
                                               GPtrArray     *actions);
gboolean    csp_action_list_contains          (CspActionList *self,
                                               CspItem       *action);
/* The rows as shown: filtered and sorted. */
GListModel *csp_action_list_get_model         (CspActionList *self);
CspItem    *csp_action_list_get_selected      (CspActionList *self);
/* Selects @action and scrolls to it, clearing the filters when they
 * hide it; FALSE when the list does not hold it. */
gboolean    csp_action_list_select            (CspActionList *self,
                                               CspItem       *action);
void        csp_action_list_focus_search      (CspActionList *self);
const char *csp_action_list_get_count_text    (CspActionList *self);

/* The filters, as the filter bar sets them. */
void        csp_action_list_set_search_text   (CspActionList *self,
                                               const char    *text);
/* -1 for any status. */
void        csp_action_list_set_status_filter (CspActionList *self,
                                               int            status);
/* NULL for any owner. */
void        csp_action_list_set_owner_filter  (CspActionList *self,
                                               const char    *partner_id);
void        csp_action_list_set_stale_filter  (CspActionList *self,
                                               gboolean       stale_only);
void        csp_action_list_clear_filters     (CspActionList *self);

G_END_DECLS
