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

/* A copy of the plan made in a worker thread, for work that takes a
 * while (the workbook, a merge) on the plan as it is now; edits made
 * meanwhile wait for the copy (0.1 s for 10,000 actions). */
void       csp_plan_copy_async           (CspPlan             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CspPlan   *csp_plan_copy_finish          (CspPlan             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* Runs @func in a worker thread, as g_task_run_in_thread () does, on a
 * copy of @self made first with csp_plan_copy_async (); @func owns the
 * copy. When the copy cannot be made (@task's cancellable was
 * cancelled), @task returns the error instead. Takes @task. */
typedef void (*CspPlanCopyFunc) (GTask        *task,
                                 CspPlan      *copy,
                                 gpointer      task_data,
                                 GCancellable *cancellable);

void       csp_plan_run_on_copy          (CspPlan             *self,
                                          GTask               *task,
                                          CspPlanCopyFunc      func);

/* Drops a reference to @object in a worker thread: the last one of a
 * county's plan frees tens of thousands of objects, which takes a
 * tenth of a second. Only for objects that nothing else uses. */
void       csp_unref_in_thread           (gpointer             object);

G_END_DECLS
