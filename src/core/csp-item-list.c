/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-item-list"

#include "config.h"

#include <string.h>

#include "csp-item-list.h"

/* An array of objects behind GListModel, instead of a GListStore,
 * because reading one must change nothing: a GListStore moves a
 * cached position on every g_list_model_get_item (), and a plan is
 * written out in a worker thread while the window reads the same
 * lists (see csp_plan_to_bytes_async ()). An array is also smaller
 * than a GSequence, and there are tens of thousands of these lists in
 * a county's archive. */

struct _CspItemList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static void csp_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CspItemList, csp_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, csp_item_list_model_init))

static GType
csp_item_list_get_item_type (GListModel *model)
{
  return CSP_ITEM_LIST (model)->item_type;
}

static guint
csp_item_list_get_n_items (GListModel *model)
{
  return CSP_ITEM_LIST (model)->items->len;
}

static gpointer
csp_item_list_get_item (GListModel *model,
                        guint       position)
{
  CspItemList *self = CSP_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
csp_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = csp_item_list_get_item_type;
  iface->get_n_items = csp_item_list_get_n_items;
  iface->get_item = csp_item_list_get_item;
}

static void
csp_item_list_finalize (GObject *object)
{
  CspItemList *self = CSP_ITEM_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (csp_item_list_parent_class)->finalize (object);
}

static void
csp_item_list_class_init (CspItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csp_item_list_finalize;
}

static void
csp_item_list_init (CspItemList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CspItemList *
_csp_item_list_new (GType item_type)
{
  CspItemList *self = g_object_new (CSP_TYPE_ITEM_LIST, NULL);

  self->item_type = item_type;

  return self;
}

guint
_csp_item_list_get_n (CspItemList *self)
{
  return self->items->len;
}

/* Borrowed: the list holds a reference for as long as the item is in it. */
gpointer
_csp_item_list_get (CspItemList *self,
                    guint        position)
{
  if (position >= self->items->len)
    return NULL;

  return g_ptr_array_index (self->items, position);
}

gboolean
_csp_item_list_find (CspItemList *self,
                     gpointer     item,
                     guint       *position)
{
  return g_ptr_array_find (self->items, item, position);
}

void
_csp_item_list_splice (CspItemList *self,
                       guint        position,
                       guint        n_removals,
                       gpointer    *additions,
                       guint        n_additions)
{
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);

  /* Referenced before the removals, which may drop the last reference
   * of an item that comes back in the additions. */
  for (guint i = 0; i < n_additions; i++)
    g_object_ref (additions[i]);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  if (n_additions > 0)
    {
      g_ptr_array_set_size (self->items, self->items->len + n_additions);
      memmove (self->items->pdata + position + n_additions,
               self->items->pdata + position,
               (self->items->len - n_additions - position) * sizeof (gpointer));
      memcpy (self->items->pdata + position, additions, n_additions * sizeof (gpointer));
    }

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}
