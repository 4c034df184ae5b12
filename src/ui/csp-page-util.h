/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "csp-item.h"
#include "csp-plan.h"

G_BEGIN_DECLS

/* Small helpers shared by the window's pages. */

void       csp_page_drop_focus_within (GtkWidget  *widget);
void       csp_page_remove_children  (GtkWidget   *container);
/* For a page's dispose: the template's top child has no id to clear. */
void       csp_page_unparent_children (GtkWidget  *widget);
void       csp_page_remove_rows      (GtkListBox  *list);

/* Makes *@slot hold @plan (a reference), moving @on_changed (with
 * @self) from the old plan's CspPlan::changed to the new one's.
 * Returns FALSE, changing nothing, when *@slot is @plan already. */
gboolean   csp_page_watch_plan       (CspPlan    **slot,
                                      CspPlan     *plan,
                                      GCallback    on_changed,
                                      gpointer     self);

/* The model object a row or button stands for (a new reference is kept). */
void       csp_page_set_item         (GtkWidget   *widget,
                                      CspItem     *item);
CspItem   *csp_page_get_item         (GtkWidget   *widget);

GtkWidget *csp_page_placeholder_new  (const char  *text);
/* A wrapped, left-aligned label; @css_class may be NULL. */
GtkWidget *csp_page_label_new        (const char  *text,
                                      const char  *css_class);
/* A heading label, announced as one by screen readers. */
GtkWidget *csp_page_heading_new      (const char  *text,
                                      const char  *css_class,
                                      int          level);

/* csp_action_dup_owners_label () for a page's few rows: it looks the
 * partners up among the plan's partners, where csp_plan_lookup () would
 * first index every id of the plan (a megabyte in a county plan), which
 * only the action list, with thousands of rows, is worth. */
char      *csp_page_dup_owners_label (CspItem     *action);

/* An activatable row for a list of actions: the action's text, then
 * its priority, owners, due date and status; csp_page_get_item() gives
 * the action back. */
GtkWidget *csp_page_action_row_new   (CspItem     *action);

G_END_DECLS
