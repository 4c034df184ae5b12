/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-merge.h"

G_BEGIN_DECLS

#define CSP_TYPE_MERGE_DIALOG (csp_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CspMergeDialog, csp_merge_dialog, CSP, MERGE_DIALOG, GtkWindow)

/* The review of a merge of @their_name into @mine: what came in, and
 * each conflict with "Keep mine" / "Keep theirs", the merge's default
 * (the newer edit) preselected. Choosing changes @merge. Signal
 * "apply" when the user applies it; the dialog then closes. */
CspMergeDialog *csp_merge_dialog_new          (GtkWindow      *parent,
                                               CspMerge       *merge,
                                               CspPlan        *mine,
                                               const char     *their_name);
/* While a choice is applied and the changes counted, in a worker:
 * the choices, Apply and the summary wait. */
gboolean        csp_merge_dialog_is_busy      (CspMergeDialog *self);
CspMerge       *csp_merge_dialog_get_merge    (CspMergeDialog *self);
const char     *csp_merge_dialog_get_summary  (CspMergeDialog *self);
/* The rows, one per conflict, for tests. */
GtkListBox     *csp_merge_dialog_get_list     (CspMergeDialog *self);
/* Which side the row of conflict @position has ticked. */
CspMergeSide    csp_merge_dialog_get_choice   (CspMergeDialog *self,
                                               guint           position);
/* As if the user ticked it. */
void            csp_merge_dialog_choose       (CspMergeDialog *self,
                                               guint           position,
                                               CspMergeSide    side);
/* As if the user pressed Apply. */
void            csp_merge_dialog_apply        (CspMergeDialog *self);

/* "Vulnerable People › Domestic Abuse › “Work with DAVSS…” · status":
 * where @conflict is, in words, found in @plan (or the JSON path). */
char           *csp_merge_describe_conflict   (const CspConflict *conflict,
                                               CspPlan        *plan);

G_END_DECLS
