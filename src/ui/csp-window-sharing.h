/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-merge-dialog.h"
#include "csp-window.h"

G_BEGIN_DECLS

/* Offline sharing in the window: merging a colleague's copy, earlier
 * versions, changes on disk, failed saves, and drafts after a crash.
 * The window's menu and banners use these; so do the tests. */

/* Reads @file and merges it into the document off the main loop, then
 * shows the review (csp_window_get_merge_dialog ()). Applying it is one
 * step that Undo takes back. */
void             csp_window_merge_file          (CspWindow      *self,
                                                 GFile          *file);
/* The review of the merge under way, or NULL. */
CspMergeDialog  *csp_window_get_merge_dialog    (CspWindow      *self);
/* TRUE while a copy is being read and merged, before its review. */
gboolean         csp_window_is_merging          (CspWindow      *self);

/* The message of the banner that says the file changed on disk, or
 * NULL when it is hidden. */
const char      *csp_window_get_disk_message    (CspWindow      *self);
/* The message of the banner that says a save failed, or NULL. */
const char      *csp_window_get_save_error      (CspWindow      *self);

/* The dialog of earlier versions of the document. */
GtkWindow       *csp_window_browse_history      (CspWindow      *self);

/* At start-up: offers to restore the drafts a crash left behind, one
 * question each (once per process). The application's "startup" calls
 * init: it adds "app.restore-drafts", which restores them all without
 * asking, and finishes the drafts' writing at shutdown. */
void             csp_sharing_init_application   (GtkApplication *app);
void             csp_sharing_offer_drafts       (GtkApplication *app);

G_END_DECLS
