/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The children of one list field of a CspItem, as a GListModel. */

#define CSP_TYPE_ITEM_LIST (csp_item_list_get_type ())
G_DECLARE_FINAL_TYPE (CspItemList, csp_item_list, CSP, ITEM_LIST, GObject)

CspItemList *_csp_item_list_new    (GType         item_type);
guint        _csp_item_list_get_n  (CspItemList  *self);
gpointer     _csp_item_list_get    (CspItemList  *self,
                                    guint         position);
gboolean     _csp_item_list_find   (CspItemList  *self,
                                    gpointer      item,
                                    guint        *position);
void         _csp_item_list_splice (CspItemList  *self,
                                    guint         position,
                                    guint         n_removals,
                                    gpointer     *additions,
                                    guint         n_additions);

G_END_DECLS
