/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "csp-plan.h"
#include "csp-progress.h"
#include "csp-undo.h"

G_BEGIN_DECLS

#define CSP_TYPE_DOCUMENT (csp_document_get_type ())

G_DECLARE_FINAL_TYPE (CspDocument, csp_document, CSP, DOCUMENT, GObject)

/* A plan and the file it lives in. The document is modified from the
 * first edit of its plan until it is saved. */
CspDocument *csp_document_new           (CspPlan              *plan,
                                         GFile                *file);
CspPlan     *csp_document_get_plan      (CspDocument          *self);
GFile       *csp_document_get_file      (CspDocument          *self);
/* The document's own history of edits; it starts empty: loading a file
 * is not a step that can be undone. */
CspUndoStack *csp_document_get_undo_stack (CspDocument         *self);
/* How many edits the plan has had since the document was made: tells
 * whether it changed between two moments (a merge, a save). */
guint64      csp_document_get_n_changes (CspDocument         *self);
gboolean     csp_document_get_modified  (CspDocument          *self);
void         csp_document_set_modified  (CspDocument          *self,
                                         gboolean              modified);
/* The etag of the file as the document last read or wrote it (NULL:
 * not known): a file whose etag differs was changed by someone else.
 * Setting it is for a document made from a draft of that file. */
const char  *csp_document_get_etag      (CspDocument          *self);
void         csp_document_set_etag      (CspDocument          *self,
                                         const char           *etag);
/* The file's name, or "Untitled plan". */
char        *csp_document_dup_title     (CspDocument          *self);

/* Reads @file in a worker thread; @progress (may be NULL) is called on
 * the caller's main context with the share of the file read. */
void         csp_document_load_async    (GFile                *file,
                                         CspProgressFunc       progress,
                                         gpointer              progress_data,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
CspDocument *csp_document_load_finish   (GAsyncResult         *result,
                                         GError              **error);
CspDocument *csp_document_load          (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* Saves to @file (NULL: the document's own file) atomically: a
 * temporary file renamed over the old one, which is kept as "NAME~".
 * Gives the plan a new revision. Fails with G_IO_ERROR_WRONG_ETAG when
 * the file changed on disk since it was opened or saved, unless @force.
 * On failure the file on disk and the document stay as they were. */
void         csp_document_save_async    (CspDocument          *self,
                                         GFile                *file,
                                         gboolean              force,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     csp_document_save_finish   (CspDocument          *self,
                                         GAsyncResult         *result,
                                         GError              **error);
gboolean     csp_document_save          (CspDocument          *self,
                                         GFile                *file,
                                         gboolean              force,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
