/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "csp-document.h"

G_BEGIN_DECLS

/* Crash recovery. A few seconds after a change to a modified document,
 * its plan is written to a draft:
 *
 *   g_get_user_data_dir ()/io.github.cspplanner.CspPlanner/drafts/NAME.json
 *
 * where NAME is the plan's id and a random suffix (two windows may show
 * copies of the same plan). "index.json" beside the drafts says, for
 * each, the file it is a draft of, that file's etag then, the plan's
 * title and when it was written. The real file is never touched. A
 * save (the document no longer modified) or a discard deletes the
 * draft; after a crash the drafts stay for the next start to offer.
 *
 * Drafts are written and deleted in one worker thread, in the order
 * they were asked for. */

#define CSP_DRAFTS_DELAY_MS 3000

typedef struct
{
  char      *name;     /* the draft's file name without ".json" */
  GFile     *draft;
  GFile     *original; /* NULL for a plan never saved */
  char      *etag;     /* of @original when the draft was written, or NULL */
  char      *title;    /* the plan's title */
  GDateTime *time;     /* when the draft was written */
} CspDraftInfo;

void          csp_draft_info_free      (CspDraftInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CspDraftInfo, csp_draft_info_free)

#define CSP_TYPE_DRAFTS (csp_drafts_get_type ())

G_DECLARE_FINAL_TYPE (CspDrafts, csp_drafts, CSP, DRAFTS, GObject)

/* @dir NULL: the folder above, under $XDG_DATA_HOME. */
CspDrafts    *csp_drafts_new           (GFile         *dir);
/* One for the whole application. */
CspDrafts    *csp_drafts_get_default   (void);
GFile        *csp_drafts_get_dir       (CspDrafts     *self);
/* How long after a change the draft is written; tests shorten it. */
void          csp_drafts_set_delay     (CspDrafts     *self,
                                        guint          msec);

/* Starts keeping drafts of @document (already modified: at once).
 * Signal "written" (CspDocument *document, GFile *draft), on the main
 * context, after each draft is on disk. */
void          csp_drafts_watch         (CspDrafts     *self,
                                        CspDocument   *document);
/* Stops; @discard deletes the draft too (the user threw the changes
 * away). Without @discard a draft of a modified document stays. */
void          csp_drafts_unwatch       (CspDrafts     *self,
                                        CspDocument   *document,
                                        gboolean       discard);
/* The draft of @document, or NULL when none has been written. */
GFile        *csp_drafts_get_draft     (CspDrafts     *self,
                                        CspDocument   *document);

/* Waits until every write and delete asked for so far is done (tests,
 * and the end of the application). */
void          csp_drafts_flush         (CspDrafts     *self);

/* The drafts on disk, oldest first, as CspDraftInfo, leaving out those
 * of documents watched now. Reads the small index file. */
GPtrArray    *csp_drafts_list          (CspDrafts     *self);

/* A document of the draft's plan, in its original file (a Save goes
 * there, and refuses to overwrite a file changed since the draft was
 * written), modified. Watching it goes on with the same draft. */
CspDocument  *csp_drafts_restore       (CspDrafts     *self,
                                        const CspDraftInfo *info,
                                        GError       **error);
void          csp_drafts_restore_async (CspDrafts     *self,
                                        const CspDraftInfo *info,
                                        GCancellable  *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer       user_data);
CspDocument  *csp_drafts_restore_finish (CspDrafts    *self,
                                         GAsyncResult *result,
                                         GError      **error);
/* Deletes a draft the user does not want. */
void          csp_drafts_discard       (CspDrafts     *self,
                                        const char    *name);

G_END_DECLS
