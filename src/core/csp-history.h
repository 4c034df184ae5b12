/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "csp-plan.h"

G_BEGIN_DECLS

#define CSP_HISTORY_ERROR (csp_history_error_quark ())

typedef enum
{
  CSP_HISTORY_ERROR_NO_REVISION,        /* the plan has no id or no revision to file it under */
  CSP_HISTORY_ERROR_BAD_NAME,           /* an id or revision that cannot be a file name */
  CSP_HISTORY_ERROR_NOT_FOUND,          /* that revision is not in the history */
  CSP_HISTORY_ERROR_NO_COMMON_REVISION, /* no shared revision whose content is known */
} CspHistoryError;

/* The newest revisions kept per document, and the most bytes kept for
 * all documents together; older revisions are deleted first. */
#define CSP_HISTORY_MAX_REVISIONS 200
#define CSP_HISTORY_MAX_BYTES     (G_GUINT64_CONSTANT (100) * 1024 * 1024)

/* The environment variable that moves the history root (for tests). */
#define CSP_HISTORY_DIR_ENV "CSP_PLANNER_HISTORY_DIR"

typedef struct
{
  char      *revision;
  GDateTime *time;     /* when it was first recorded here */
  guint64    size;
} CspRevisionInfo;

void             csp_revision_info_free    (CspRevisionInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CspRevisionInfo, csp_revision_info_free)

#define CSP_TYPE_HISTORY (csp_history_get_type ())

G_DECLARE_FINAL_TYPE (CspHistory, csp_history, CSP, HISTORY, GObject)

GQuark           csp_history_error_quark   (void);

/* @root NULL: $CSP_PLANNER_HISTORY_DIR, or else
 * g_get_user_data_dir ()/io.github.cspplanner.CspPlanner/history.
 * Every call does blocking file I/O: the window calls it from a
 * worker thread. */
CspHistory      *csp_history_new           (GFile        *root);
GFile           *csp_history_get_root      (CspHistory   *self);
/* Tests lower the bounds; 0 keeps the current one. */
void             csp_history_set_limits    (CspHistory   *self,
                                            guint         max_revisions,
                                            guint64       max_bytes);

/* Keeps the plan as it is now under its "id" and "revision" (once: a
 * revision already kept is left alone), then trims the history to its
 * bounds. A plan without a revision (never saved) cannot be recorded. */
gboolean         csp_history_record        (CspHistory   *self,
                                            CspPlan      *plan,
                                            GError      **error);
gboolean         csp_history_record_bytes  (CspHistory   *self,
                                            const char   *document_id,
                                            const char   *revision,
                                            GBytes       *bytes,
                                            GError      **error);

/* The revisions kept for a document, newest first, as CspRevisionInfo;
 * empty when there are none. */
GPtrArray       *csp_history_list          (CspHistory   *self,
                                            const char   *document_id,
                                            GError      **error);
gboolean         csp_history_contains      (CspHistory   *self,
                                            const char   *document_id,
                                            const char   *revision);
CspPlan         *csp_history_load          (CspHistory   *self,
                                            const char   *document_id,
                                            const char   *revision,
                                            GError      **error);

/* The base of a three-way merge: the newest revision listed by both
 * plans (in "revision" or "ancestors"; newest in @mine's order) whose
 * content is in the history. Fails with
 * CSP_HISTORY_ERROR_NO_COMMON_REVISION when there is none: the merge is
 * then two-way. @revision, when not NULL, gets the base's revision. */
CspPlan         *csp_history_find_base     (CspHistory   *self,
                                            CspPlan      *mine,
                                            CspPlan      *theirs,
                                            char        **revision,
                                            GError      **error);

G_END_DECLS
