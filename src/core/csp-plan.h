/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-item.h"
#include "csp-status.h"

G_BEGIN_DECLS

/* A new, empty plan: no priorities, partners or text. */
CspPlan   *csp_plan_new                  (void);

/* The live object with that id (not a tombstone), or NULL. */
CspItem   *csp_plan_lookup               (CspPlan     *self,
                                          const char  *id);
void       csp_plan_add_tombstone        (CspPlan     *self,
                                          const char  *id);

typedef gboolean (*CspWalkFunc) (CspItem *item,
                                 gpointer user_data);

/* Calls @func on @root and every object below it, parents first, in
 * file order; stops when @func returns FALSE. */
gboolean   csp_item_walk                 (CspItem     *root,
                                          CspWalkFunc  func,
                                          gpointer     user_data);

/* Every action at or below @root (a plan, review, priority or theme),
 * in file order; borrowed pointers. Quicker than a walk: it does not
 * go into the actions' updates and owners. */
GPtrArray *csp_item_collect_actions      (CspItem     *root);

/* Every action of this year's plan (@review FALSE) or of the review of
 * last year (@review TRUE), in file order; borrowed pointers. */
GPtrArray *csp_plan_collect_actions      (CspPlan     *self,
                                          gboolean     review);

CspStatus  csp_action_get_status         (CspItem     *action);
/* The newest update dated on or before @until (YYYY-MM-DD; NULL for
 * all); among updates of the same date the one added last. */
CspItem   *csp_action_get_latest_update  (CspItem     *action,
                                          const char  *until);
/* Whether an update is dated from @first to @last (YYYY-MM-DD), both
 * included: "no update this quarter" is its negation. */
gboolean   csp_action_has_update_between (CspItem    *action,
                                          const char *first,
                                          const char *last);
CspItem   *csp_action_get_theme          (CspItem     *action);
CspItem   *csp_action_get_priority       (CspItem     *action);
/* "TMBC (including Youth Forum)", "All partners". */
char      *csp_owner_dup_label           (CspItem     *owner);
/* The owners' labels joined with "; ". */
char      *csp_action_dup_owners_label   (CspItem     *action);
gboolean   csp_action_is_led_by          (CspItem     *action,
                                          const char  *partner_id);

typedef struct
{
  guint actions;
  guint updates;
  guint priorities;
  guint themes;
} CspCounts;

void       csp_plan_count                (CspPlan     *self,
                                          gboolean     review,
                                          CspCounts   *counts);

G_END_DECLS
