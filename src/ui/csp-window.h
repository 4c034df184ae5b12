/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-action-detail.h"
#include "csp-action-list.h"
#include "csp-application.h"
#include "csp-document.h"

G_BEGIN_DECLS

#define CSP_TYPE_WINDOW (csp_window_get_type ())

G_DECLARE_FINAL_TYPE (CspWindow, csp_window, CSP, WINDOW, GtkApplicationWindow)

CspWindow       *csp_window_new               (CspApplication *application);

/* Shows @document; the window keeps a reference. */
void             csp_window_set_document      (CspWindow      *self,
                                               CspDocument    *document);
CspDocument     *csp_window_get_document      (CspWindow      *self);
/* A document of @plan in @file (NULL: a new, unsaved document). */
void             csp_window_set_plan          (CspWindow      *self,
                                               CspPlan        *plan,
                                               GFile          *file);
CspPlan         *csp_window_get_plan          (CspWindow      *self);
/* The built-in sample, shown as "Built-in sample"; saving it asks
 * for a file. */
void             csp_window_show_sample       (CspWindow      *self);
/* Loads @file in the background; a file that cannot be read shows the
 * reader's message (file name and JSON path) in the window. */
void             csp_window_load_file         (CspWindow      *self,
                                               GFile          *file);
/* The file shown, or being loaded, or that failed to load. */
GFile           *csp_window_get_file          (CspWindow      *self);
/* TRUE while the window holds nothing the user would miss: the sample
 * or a new plan without edits, or an error. Opening a file may reuse it. */
gboolean         csp_window_is_untouched      (CspWindow      *self);
/* TRUE while a file is being read. */
gboolean         csp_window_is_loading        (CspWindow      *self);

/* Goes to @item: an action is selected in its priority's list and
 * shown in the detail pane; a priority or a theme shows the priority's
 * list; a partner, term or section opens its page. */
void             csp_window_show_item         (CspWindow      *self,
                                               CspItem        *item);
/* Lists every action of the document, this year's and last year's,
 * and puts the focus in the search entry. */
void             csp_window_search_all        (CspWindow      *self);

/* The parts, for the pages that plug into the window and for tests. */
GtkListBox      *csp_window_get_sidebar       (CspWindow      *self);
GtkStack        *csp_window_get_main_stack    (CspWindow      *self);
CspActionList   *csp_window_get_action_list   (CspWindow      *self);
CspActionDetail *csp_window_get_action_detail (CspWindow      *self);
/* The message shown when a file could not be opened, or NULL. */
const char      *csp_window_get_error_message (CspWindow      *self);

G_END_DECLS
