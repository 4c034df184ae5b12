/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "csp-kind.h"

G_BEGIN_DECLS

#define CSP_TYPE_ITEM (csp_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CspItem, csp_item, CSP, ITEM, GObject)

struct _CspItemClass
{
  GObjectClass parent_class;

  CspKind kind;
};

/* One final subclass per kind, so that GtkExpressions and bindings can
 * name them (CspAction:text, CspPartner:short-name). Their properties
 * are the fields of the kind's table, installed in class_init. */
#define CSP_TYPE_PLAN      (csp_plan_get_type ())
#define CSP_TYPE_PERIOD    (csp_period_get_type ())
#define CSP_TYPE_CONTACT   (csp_contact_get_type ())
#define CSP_TYPE_SECTION   (csp_section_get_type ())
#define CSP_TYPE_REVIEW    (csp_review_get_type ())
#define CSP_TYPE_PRIORITY  (csp_priority_get_type ())
#define CSP_TYPE_THEME     (csp_theme_get_type ())
#define CSP_TYPE_ACTION    (csp_action_get_type ())
#define CSP_TYPE_OWNER     (csp_owner_get_type ())
#define CSP_TYPE_UPDATE    (csp_update_get_type ())
#define CSP_TYPE_PARTNER   (csp_partner_get_type ())
#define CSP_TYPE_PERSON    (csp_person_get_type ())
#define CSP_TYPE_TERM      (csp_term_get_type ())
#define CSP_TYPE_TOMBSTONE (csp_tombstone_get_type ())

G_DECLARE_FINAL_TYPE (CspPlan, csp_plan, CSP, PLAN, CspItem)
G_DECLARE_FINAL_TYPE (CspPeriod, csp_period, CSP, PERIOD, CspItem)
G_DECLARE_FINAL_TYPE (CspContact, csp_contact, CSP, CONTACT, CspItem)
G_DECLARE_FINAL_TYPE (CspSection, csp_section, CSP, SECTION, CspItem)
G_DECLARE_FINAL_TYPE (CspReview, csp_review, CSP, REVIEW, CspItem)
G_DECLARE_FINAL_TYPE (CspPriority, csp_priority, CSP, PRIORITY, CspItem)
G_DECLARE_FINAL_TYPE (CspTheme, csp_theme, CSP, THEME, CspItem)
G_DECLARE_FINAL_TYPE (CspAction, csp_action, CSP, ACTION, CspItem)
G_DECLARE_FINAL_TYPE (CspOwner, csp_owner, CSP, OWNER, CspItem)
G_DECLARE_FINAL_TYPE (CspUpdate, csp_update, CSP, UPDATE, CspItem)
G_DECLARE_FINAL_TYPE (CspPartner, csp_partner, CSP, PARTNER, CspItem)
G_DECLARE_FINAL_TYPE (CspPerson, csp_person, CSP, PERSON, CspItem)
G_DECLARE_FINAL_TYPE (CspTerm, csp_term, CSP, TERM, CspItem)
G_DECLARE_FINAL_TYPE (CspTombstone, csp_tombstone, CSP, TOMBSTONE, CspItem)

/* A new object of the kind, with a fresh id when the kind has one, its
 * nested objects (period, contact, review) created and its lists empty. */
CspItem            *csp_item_new             (CspKind      kind);
/* A deep copy, with the same ids, outside any plan. */
CspItem            *csp_item_copy            (CspItem     *self);

CspKind             csp_item_get_kind        (CspItem     *self);
const CspKindInfo  *csp_item_get_info        (CspItem     *self);
CspItem            *csp_item_get_parent      (CspItem     *self);
CspPlan            *csp_item_get_plan        (CspItem     *self);
/* The key of the list or object field of the parent that holds it. */
const char         *csp_item_get_parent_key  (CspItem     *self);

/* The object whose "modified" an edit of @self stamps: @self or its
 * nearest ancestor with a "modified" key; NULL when there is none. */
CspItem            *csp_item_get_stamped     (CspItem     *self);
const char         *csp_item_get_id          (CspItem     *self);
const char         *csp_item_get_modified    (CspItem     *self);

/* Field access by JSON key. Strings are never NULL: an unset string
 * field is "". Setters notify the property, stamp "modified" on the
 * nearest object that has one and emit CspPlan::changed; they do
 * nothing when the value is the same. */
const char         *csp_item_get_string      (CspItem     *self,
                                              const char  *key);
void                csp_item_set_string      (CspItem     *self,
                                              const char  *key,
                                              const char  *value);
gboolean            csp_item_get_boolean     (CspItem     *self,
                                              const char  *key);
void                csp_item_set_boolean     (CspItem     *self,
                                              const char  *key,
                                              gboolean     value);
const char * const *csp_item_get_strv        (CspItem     *self,
                                              const char  *key);
void                csp_item_set_strv        (CspItem     *self,
                                              const char  *key,
                                              const char * const *value);
CspItem            *csp_item_get_object      (CspItem     *self,
                                              const char  *key);
/* The list as a GListModel of CspItem; it emits items-changed. */
GListModel         *csp_item_get_list        (CspItem     *self,
                                              const char  *key);
guint               csp_item_get_n_children  (CspItem     *self,
                                              const char  *key);
/* Borrowed; NULL past the end. */
CspItem            *csp_item_get_child       (CspItem     *self,
                                              const char  *key,
                                              guint        position);

/* Structural edits. Insert takes a new reference on @child (which must
 * have no parent); remove leaves a tombstone for an object with an id,
 * so that the deletion survives a merge. */
void                csp_item_insert          (CspItem     *self,
                                              const char  *key,
                                              guint        position,
                                              CspItem     *child);
void                csp_item_append          (CspItem     *self,
                                              const char  *key,
                                              CspItem     *child);
void                csp_item_remove          (CspItem     *self,
                                              const char  *key,
                                              guint        position);
/* Takes the child out of the list without leaving a tombstone, for
 * moving it elsewhere or taking back an insertion; stamps @self.
 * Returns a new reference; the child has no parent any more. */
CspItem            *csp_item_take            (CspItem     *self,
                                              const char  *key,
                                              guint        position);
gboolean            csp_item_find            (CspItem     *self,
                                              const char  *key,
                                              CspItem     *child,
                                              guint       *position);

/* Setting without stamping or signals, for the reader and for undo,
 * which restore values as they were. */
void                _csp_item_set_string_raw (CspItem     *self,
                                              guint        field,
                                              const char  *value);
void                _csp_item_set_boolean_raw (CspItem    *self,
                                               guint       field,
                                               gboolean    value);
void                _csp_item_set_strv_raw   (CspItem     *self,
                                              guint        field,
                                              const char * const *value);
void                _csp_item_set_object_raw (CspItem     *self,
                                              guint        field,
                                              CspItem     *child);

/* Keys the application does not know, kept in the order they came and
 * written back after the known key they followed (@after NULL: first). */
typedef struct
{
  char     *after;
  char     *name;
  JsonNode *node;
} CspExtra;

void                _csp_item_add_extra      (CspItem     *self,
                                              const char  *after,
                                              const char  *name,
                                              JsonNode    *node);
GPtrArray          *_csp_item_get_extras     (CspItem     *self);

char               *csp_new_id               (void);
/* "YYYY-MM-DDTHH:MM:SSZ" for now, or the time fixed for tests. */
char               *csp_timestamp_now        (void);
void                csp_timestamp_set_fixed  (const char  *timestamp);

G_END_DECLS
