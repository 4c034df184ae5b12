/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-plan.h"

G_BEGIN_DECLS

/* What the action list's search box matches: an action's text, its
 * owners, and its updates' text and authors, compared casefolded.
 *
 * The index keeps each action's searchable text casefolded once, so
 * that a keystroke is one strstr () per action instead of a dozen
 * casefolds; it forgets an action when the plan says it changed. */
typedef struct _CspSearchIndex CspSearchIndex;

/* @text casefolded as g_utf8_casefold () does, quickly for ASCII. */
char           *csp_search_fold          (const char     *text);

CspSearchIndex *csp_search_index_new     (CspPlan        *plan);
void            csp_search_index_free    (CspSearchIndex *self);
/* Folds @action's text now, so that the first keystroke need not: the
 * action list does it for its actions while the main loop is idle. */
void            csp_search_index_prepare (CspSearchIndex *self,
                                          CspItem        *action);
/* @needle: casefolded (csp_search_fold ()), one line. */
gboolean        csp_search_index_matches (CspSearchIndex *self,
                                          CspItem        *action,
                                          const char     *needle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CspSearchIndex, csp_search_index_free)

G_END_DECLS
