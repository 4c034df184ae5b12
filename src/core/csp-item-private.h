/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-item.h"

G_BEGIN_DECLS

void _csp_item_class_install_fields (CspItemClass *klass,
                                     CspKind       kind);
/* Replaces the list's items without signals or stamps (for the reader). */
void _csp_item_set_list_raw         (CspItem      *self,
                                     const char   *key,
                                     GPtrArray    *children);
void _csp_plan_emit_changed         (CspPlan      *self,
                                     CspItem      *item,
                                     const char   *key);
/* One field, or the unknown keys, of @src copied into @dest (of the
 * same kind), without signals or stamps; nested objects are copied. */
void _csp_item_copy_field           (CspItem      *dest,
                                     guint         index,
                                     CspItem      *src);
void _csp_item_copy_extras          (CspItem      *dest,
                                     CspItem      *src);
/* Read sessions of worker threads, and the wait for them before an
 * edit (csp-plan.c). */
void _csp_plan_begin_read           (CspPlan      *self);
void _csp_plan_end_read             (CspPlan      *self);
void _csp_item_wait_for_readers     (CspItem      *item);
/* Runs @func on the plan in a worker, inside a read session, and hands
 * its result (freed with @free_result if nobody takes it) back. */
typedef gpointer (*CspPlanReadFunc) (CspPlan *plan);
void     _csp_plan_read_async       (CspPlan             *self,
                                     CspPlanReadFunc      func,
                                     GDestroyNotify       free_result,
                                     gpointer             source_tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gpointer _csp_plan_read_finish      (CspPlan             *self,
                                     GAsyncResult        *result,
                                     gpointer             source_tag,
                                     GError             **error);
/* Exchanges every field, nested object, list item and unknown key of
 * two objects of the same kind, in place: the objects and their list
 * models stay, so views see notifications and items-changed. Stamps
 * nothing; emits CspPlan::changed for each key. */
void _csp_item_swap_contents        (CspItem      *a,
                                     CspItem      *b);

/* Defines the final type of a kind: its instance struct and a
 * class_init that installs the kind's fields as properties. */
#define CSP_DEFINE_KIND(TypeName, type_name, KIND)                   \
  struct _##TypeName { CspItem parent_instance; };                   \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, CSP_TYPE_ITEM)           \
  static void type_name##_class_init (TypeName##Class *klass)        \
  {                                                                  \
    _csp_item_class_install_fields (CSP_ITEM_CLASS (klass), KIND);   \
  }                                                                  \
  static void type_name##_init (TypeName *self) { }

G_END_DECLS
