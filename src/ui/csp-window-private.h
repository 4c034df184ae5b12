/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-glossary-page.h"
#include "csp-overview-page.h"
#include "csp-partners-page.h"
#include "csp-text-page.h"
#include "csp-window.h"

G_BEGIN_DECLS

struct _CspWindow
{
  GtkApplicationWindow  parent_instance;

  CspDocument          *document;
  GFile                *file;          /* being loaded, or that failed */
  GCancellable         *cancellable;
  struct _CspWindowSharing *sharing;   /* csp-window-sharing.c */
  GSettings            *settings;      /* NULL when the schema is not installed */
  guint                 is_sample : 1;
  guint                 close_confirmed : 1;
  guint                 saving : 1;        /* a save is under way */
  guint                 close_when_saved : 1;

  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *recent_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GMenu                *recent_section;
  GtkStack             *state_stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  GtkProgressBar       *loading_progress;
  gint64                loading_since;   /* monotonic time the load began */
  GtkLabel             *error_label;
  GtkPaned             *paned;
  GtkListBox           *sidebar;
  GtkStack             *main_stack;
  CspActionList        *action_list;
  CspActionDetail      *action_detail;
  CspOverviewPage      *overview_page;
  CspPartnersPage      *partners_page;
  CspGlossaryPage      *glossary_page;
  CspTextPage          *text_page;
};

/* csp-window-actions.c: files, closing, recent plans, drops, export. */
void     _csp_window_class_init_actions (GtkWidgetClass *widget_class);
void     _csp_window_init_actions       (CspWindow      *self);
void     _csp_window_update_actions     (CspWindow      *self);
void     _csp_window_update_title       (CspWindow      *self);
void     _csp_window_set_enabled        (CspWindow      *self,
                                         const char     *action_name,
                                         gboolean        enabled);
void     _csp_window_note_file_used     (CspWindow      *self,
                                         GFile          *file);

/* csp-window-edit.c: undo and redo, adding, deleting and moving actions. */
void     _csp_window_init_edit          (CspWindow      *self);
void     _csp_window_edit_set_document  (CspWindow      *self,
                                         CspDocument    *old_document,
                                         CspDocument    *document);
void     _csp_window_edit_update_actions (CspWindow     *self);

/* csp-window-editors.c: partners, glossary, sections, plan details. */
void     _csp_window_init_editors       (CspWindow      *self);

/* csp-window.c: the priority whose row is selected in the sidebar, or
 * NULL. */
CspItem *_csp_window_get_shown_priority (CspWindow      *self);
/* csp-window.c: the first theme of the priority shown (or of the
 * plan), where a new action goes when none is selected. */
CspItem *_csp_window_get_current_theme  (CspWindow      *self);
/* csp-window.c: after the plan's whole content was replaced (a merge,
 * an earlier version, their undo), the sidebar and the action list
 * still point at the objects that left: show the document afresh. */
void     _csp_window_refresh_if_stale   (CspWindow      *self);

/* csp-window-sharing.c: merging, earlier versions, changes on disk,
 * failed saves, drafts. */
void     _csp_window_init_sharing       (CspWindow      *self);
void     _csp_window_dispose_sharing    (CspWindow      *self);
/* The window shows another document, or none. */
void     _csp_window_sharing_update     (CspWindow      *self);
void     _csp_window_show_save_error    (CspWindow      *self,
                                         const GError   *error);

G_END_DECLS
