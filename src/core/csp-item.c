/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-item"

#include "config.h"

#include <string.h>

#include "csp-item-list.h"
#include "csp-item-private.h"
#include "csp-plan.h"
#include "csp-status.h"

typedef union
{
  char       *str;
  gboolean    boolean;
  char      **strv;
  CspItem    *object;
  CspItemList *list;
} CspValue;

typedef struct
{
  CspValue  *values;
  CspItem   *parent; /* not owned: the parent owns us */
  int        parent_field;
  GPtrArray *extras;
} CspItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CspItem, csp_item, G_TYPE_OBJECT)

#define MAX_FIELDS 24

static GParamSpec *field_pspecs[CSP_N_KINDS][MAX_FIELDS];
static char *fixed_timestamp;

static gboolean
field_is_string (const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A status is one of five words, in tens of thousands of objects:
 * each is kept once, for the life of the process, not per object. */
static gboolean
field_is_interned (const CspField *field)
{
  return field->type == CSP_FIELD_STATUS;
}

static int
lookup_field (CspItem      *self,
              const char   *key,
              CspFieldType  type)
{
  const CspKindInfo *info = csp_item_get_info (self);
  int index = csp_kind_find_field (info, key);

  if (index < 0)
    {
      g_critical ("A %s has no field \"%s\"", info->name, key);
      return -1;
    }
  if (type == CSP_FIELD_STRING ? !field_is_string (&info->fields[index])
                               : info->fields[index].type != type)
    {
      g_critical ("The field \"%s\" of a %s is of another type", key, info->name);
      return -1;
    }

  return index;
}

static void
csp_item_free_extra (gpointer data)
{
  CspExtra *extra = data;

  g_free (extra->after);
  g_free (extra->name);
  json_node_unref (extra->node);
  g_free (extra);
}

static void
csp_item_constructed (GObject *object)
{
  CspItem *self = CSP_ITEM (object);
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info = csp_item_get_info (self);

  G_OBJECT_CLASS (csp_item_parent_class)->constructed (object);

  priv->values = g_new0 (CspValue, info->n_fields);
  priv->parent_field = -1;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];

      switch (field->type)
        {
        case CSP_FIELD_ID:
          priv->values[i].str = csp_new_id ();
          break;
        case CSP_FIELD_STATUS:
          if (!(field->flags & CSP_FIELD_MAY_BE_EMPTY))
            priv->values[i].str = (char *) g_intern_static_string (csp_status_to_string (CSP_STATUS_NOT_STARTED));
          break;
        case CSP_FIELD_BOOLEAN:
          priv->values[i].boolean = (field->flags & CSP_FIELD_DEFAULT_TRUE) != 0;
          break;
        case CSP_FIELD_OBJECT:
          _csp_item_set_object_raw (self, i, NULL);
          break;
        case CSP_FIELD_LIST:
          priv->values[i].list = _csp_item_list_new (csp_kind_get_gtype (field->kind));
          break;
        case CSP_FIELD_FORMAT:
        case CSP_FIELD_VERSION:
        case CSP_FIELD_STRING:
        case CSP_FIELD_DATE:
        case CSP_FIELD_TIMESTAMP:
        case CSP_FIELD_STRV:
        default:
          break;
        }
    }
}

static void
csp_item_dispose (GObject *object)
{
  CspItem *self = CSP_ITEM (object);
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info = csp_item_get_info (self);

  for (guint i = 0; priv->values != NULL && i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];

      if (field->type == CSP_FIELD_OBJECT && priv->values[i].object != NULL)
        {
          CspItemPrivate *child = csp_item_get_instance_private (priv->values[i].object);

          child->parent = NULL;
          g_clear_object (&priv->values[i].object);
        }
      else if (field->type == CSP_FIELD_LIST && priv->values[i].list != NULL)
        {
          CspItemList *list = priv->values[i].list;

          for (guint j = 0; j < _csp_item_list_get_n (list); j++)
            {
              CspItemPrivate *child = csp_item_get_instance_private (_csp_item_list_get (list, j));

              child->parent = NULL;
            }
          g_clear_object (&priv->values[i].list);
        }
    }

  G_OBJECT_CLASS (csp_item_parent_class)->dispose (object);
}

static void
csp_item_finalize (GObject *object)
{
  CspItem *self = CSP_ITEM (object);
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info = csp_item_get_info (self);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (field_is_string (&info->fields[i]) && !field_is_interned (&info->fields[i]))
        g_free (priv->values[i].str);
      else if (info->fields[i].type == CSP_FIELD_STRV)
        g_strfreev (priv->values[i].strv);
    }
  g_free (priv->values);
  g_clear_pointer (&priv->extras, g_ptr_array_unref);

  G_OBJECT_CLASS (csp_item_parent_class)->finalize (object);
}

static void
csp_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CspItem *self = CSP_ITEM (object);
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info = csp_item_get_info (self);
  const CspField *field;

  if (prop_id == 0 || prop_id > info->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &info->fields[prop_id - 1];
  if (field_is_string (field))
    g_value_set_string (value, csp_item_get_string (self, field->key));
  else if (field->type == CSP_FIELD_BOOLEAN)
    g_value_set_boolean (value, priv->values[prop_id - 1].boolean);
  else if (field->type == CSP_FIELD_STRV)
    g_value_set_boxed (value, priv->values[prop_id - 1].strv);
  else if (field->type == CSP_FIELD_OBJECT)
    g_value_set_object (value, priv->values[prop_id - 1].object);
  else if (field->type == CSP_FIELD_LIST)
    g_value_set_object (value, priv->values[prop_id - 1].list);
}

static void
csp_item_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CspItem *self = CSP_ITEM (object);
  const CspKindInfo *info = csp_item_get_info (self);
  const CspField *field;

  if (prop_id == 0 || prop_id > info->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  field = &info->fields[prop_id - 1];
  if (field_is_string (field))
    csp_item_set_string (self, field->key, g_value_get_string (value));
  else if (field->type == CSP_FIELD_BOOLEAN)
    csp_item_set_boolean (self, field->key, g_value_get_boolean (value));
  else if (field->type == CSP_FIELD_STRV)
    csp_item_set_strv (self, field->key, g_value_get_boxed (value));
}

static void
csp_item_class_init (CspItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = csp_item_constructed;
  object_class->dispose = csp_item_dispose;
  object_class->finalize = csp_item_finalize;
  object_class->get_property = csp_item_get_property;
  object_class->set_property = csp_item_set_property;
}

static void
csp_item_init (CspItem *self)
{
}

void
_csp_item_class_install_fields (CspItemClass *klass,
                                CspKind       kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const CspKindInfo *info = csp_kind_get_info (kind);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  g_assert (info->n_fields <= MAX_FIELDS);

  klass->kind = kind;

  /* GObject dispatches a property to the class that installed it, and
   * each class starts without these. */
  object_class->get_property = csp_item_get_property;
  object_class->set_property = csp_item_set_property;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];
      GParamSpec *pspec = NULL;

      if (field_is_string (field))
        pspec = g_param_spec_string (field->property, NULL, NULL, "", rw);
      else if (field->type == CSP_FIELD_BOOLEAN)
        pspec = g_param_spec_boolean (field->property, NULL, NULL,
                                      (field->flags & CSP_FIELD_DEFAULT_TRUE) != 0, rw);
      else if (field->type == CSP_FIELD_STRV)
        pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, rw);
      else if (field->type == CSP_FIELD_OBJECT)
        pspec = g_param_spec_object (field->property, NULL, NULL,
                                     csp_kind_get_gtype (field->kind), ro);
      else if (field->type == CSP_FIELD_LIST)
        pspec = g_param_spec_object (field->property, NULL, NULL, G_TYPE_LIST_MODEL, ro);

      if (pspec != NULL)
        {
          field_pspecs[kind][i] = pspec;
          g_object_class_install_property (object_class, i + 1, pspec);
        }
    }
}

CspItem *
csp_item_new (CspKind kind)
{
  g_return_val_if_fail (kind < CSP_N_KINDS, NULL);

  return g_object_new (csp_kind_get_gtype (kind), NULL);
}

CspKind
csp_item_get_kind (CspItem *self)
{
  g_return_val_if_fail (CSP_IS_ITEM (self), CSP_KIND_PLAN);

  return CSP_ITEM_GET_CLASS (self)->kind;
}

const CspKindInfo *
csp_item_get_info (CspItem *self)
{
  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  return csp_kind_get_info (CSP_ITEM_GET_CLASS (self)->kind);
}

CspItem *
csp_item_get_parent (CspItem *self)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  return priv->parent;
}

const char *
csp_item_get_parent_key (CspItem *self)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  if (priv->parent == NULL)
    return NULL;

  return csp_item_get_info (priv->parent)->fields[priv->parent_field].key;
}

CspPlan *
csp_item_get_plan (CspItem *self)
{
  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  while (csp_item_get_parent (self) != NULL)
    self = csp_item_get_parent (self);

  return CSP_IS_PLAN (self) ? CSP_PLAN (self) : NULL;
}

const char *
csp_item_get_id (CspItem *self)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  info = csp_item_get_info (self);
  if (info->id_field < 0)
    return NULL;

  return priv->values[info->id_field].str;
}

const char *
csp_item_get_modified (CspItem *self)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspKindInfo *info;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  info = csp_item_get_info (self);
  if (info->modified_field < 0 || priv->values[info->modified_field].str == NULL)
    return "";

  return priv->values[info->modified_field].str;
}

const char *
csp_item_get_string (CspItem    *self,
                     const char *key)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index;

  g_return_val_if_fail (CSP_IS_ITEM (self), "");
  g_return_val_if_fail (key != NULL, "");

  if ((index = lookup_field (self, key, CSP_FIELD_STRING)) < 0)
    return "";

  return priv->values[index].str != NULL ? priv->values[index].str : "";
}

CspItem *
csp_item_get_stamped (CspItem *self)
{
  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  while (self != NULL && csp_item_get_info (self)->modified_field < 0)
    self = csp_item_get_parent (self);

  return self;
}

static void
notify_field (CspItem *self,
              guint    field)
{
  GParamSpec *pspec = field_pspecs[csp_item_get_kind (self)][field];

  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* Stamps "modified" on the nearest object that has it, and tells the
 * plan, which tells its document. */
static void
csp_item_touch (CspItem    *self,
                const char *key)
{
  CspItem *stamped = csp_item_get_stamped (self);
  CspPlan *plan;

  if (stamped != NULL)
    {
      g_autofree char *now = csp_timestamp_now ();
      guint field = csp_item_get_info (stamped)->modified_field;

      if (g_strcmp0 (now, csp_item_get_modified (stamped)) != 0)
        {
          _csp_item_set_string_raw (stamped, field, now);
          notify_field (stamped, field);
        }
    }

  if ((plan = csp_item_get_plan (self)) != NULL)
    _csp_plan_emit_changed (plan, self, key);
}

void
_csp_item_set_string_raw (CspItem    *self,
                          guint       field,
                          const char *value)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  _csp_item_wait_for_readers (self);
  g_assert (field < csp_item_get_info (self)->n_fields);
  g_assert (field_is_string (&csp_item_get_info (self)->fields[field]));

  if (field_is_interned (&csp_item_get_info (self)->fields[field]))
    {
      priv->values[field].str = (char *) g_intern_string (value != NULL ? value : "");
      return;
    }

  g_free (priv->values[field].str);
  priv->values[field].str = g_strdup (value != NULL ? value : "");
}

void
csp_item_set_string (CspItem    *self,
                     const char *key,
                     const char *value)
{
  int index;

  g_return_if_fail (CSP_IS_ITEM (self));
  g_return_if_fail (key != NULL);

  if ((index = lookup_field (self, key, CSP_FIELD_STRING)) < 0)
    return;

  if (g_strcmp0 (csp_item_get_string (self, key), value != NULL ? value : "") == 0)
    return;

  _csp_item_set_string_raw (self, index, value);
  notify_field (self, index);
  csp_item_touch (self, key);
}

gboolean
csp_item_get_boolean (CspItem    *self,
                      const char *key)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index;

  g_return_val_if_fail (CSP_IS_ITEM (self), FALSE);

  if ((index = lookup_field (self, key, CSP_FIELD_BOOLEAN)) < 0)
    return FALSE;

  return priv->values[index].boolean;
}

void
_csp_item_set_boolean_raw (CspItem  *self,
                           guint     field,
                           gboolean  value)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  _csp_item_wait_for_readers (self);
  g_assert (csp_item_get_info (self)->fields[field].type == CSP_FIELD_BOOLEAN);

  priv->values[field].boolean = !!value;
}

void
csp_item_set_boolean (CspItem    *self,
                      const char *key,
                      gboolean    value)
{
  int index;

  g_return_if_fail (CSP_IS_ITEM (self));

  if ((index = lookup_field (self, key, CSP_FIELD_BOOLEAN)) < 0)
    return;

  if (csp_item_get_boolean (self, key) == !!value)
    return;

  _csp_item_set_boolean_raw (self, index, value);
  notify_field (self, index);
  csp_item_touch (self, key);
}

const char * const *
csp_item_get_strv (CspItem    *self,
                   const char *key)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  static const char * const empty[] = { NULL };
  int index;

  g_return_val_if_fail (CSP_IS_ITEM (self), empty);

  if ((index = lookup_field (self, key, CSP_FIELD_STRV)) < 0)
    return empty;

  return priv->values[index].strv != NULL ? (const char * const *) priv->values[index].strv : empty;
}

void
_csp_item_set_strv_raw (CspItem            *self,
                        guint               field,
                        const char * const *value)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  _csp_item_wait_for_readers (self);
  g_assert (csp_item_get_info (self)->fields[field].type == CSP_FIELD_STRV);

  g_strfreev (priv->values[field].strv);
  priv->values[field].strv = g_strdupv ((char **) value);
}

void
csp_item_set_strv (CspItem            *self,
                   const char         *key,
                   const char * const *value)
{
  int index;

  g_return_if_fail (CSP_IS_ITEM (self));

  if ((index = lookup_field (self, key, CSP_FIELD_STRV)) < 0)
    return;

  if (g_strv_equal ((const char * const *) csp_item_get_strv (self, key),
                    value != NULL ? value : (const char * const[]) { NULL }))
    return;

  _csp_item_set_strv_raw (self, index, value);
  notify_field (self, index);
  csp_item_touch (self, key);
}

CspItem *
csp_item_get_object (CspItem    *self,
                     const char *key)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  if ((index = lookup_field (self, key, CSP_FIELD_OBJECT)) < 0)
    return NULL;

  return priv->values[index].object;
}

static void
adopt (CspItem *self,
       guint    field,
       CspItem *child)
{
  CspItemPrivate *child_priv = csp_item_get_instance_private (child);

  g_return_if_fail (child_priv->parent == NULL);

  child_priv->parent = self;
  child_priv->parent_field = field;
}

/* Replaces a nested object; NULL makes a new empty one. */
void
_csp_item_set_object_raw (CspItem *self,
                          guint    field,
                          CspItem *child)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  const CspField *info = &csp_item_get_info (self)->fields[field];

  _csp_item_wait_for_readers (self);
  g_assert (info->type == CSP_FIELD_OBJECT);

  if (priv->values[field].object != NULL)
    {
      CspItemPrivate *old = csp_item_get_instance_private (priv->values[field].object);

      old->parent = NULL;
      g_clear_object (&priv->values[field].object);
    }

  priv->values[field].object = child != NULL ? g_object_ref (child) : csp_item_new (info->kind);
  adopt (self, field, priv->values[field].object);
}

GListModel *
csp_item_get_list (CspItem    *self,
                   const char *key)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  if ((index = lookup_field (self, key, CSP_FIELD_LIST)) < 0)
    return NULL;

  return G_LIST_MODEL (priv->values[index].list);
}

guint
csp_item_get_n_children (CspItem    *self,
                         const char *key)
{
  GListModel *list = csp_item_get_list (self, key);

  return list != NULL ? _csp_item_list_get_n (CSP_ITEM_LIST (list)) : 0;
}

CspItem *
csp_item_get_child (CspItem    *self,
                    const char *key,
                    guint       position)
{
  GListModel *list = csp_item_get_list (self, key);

  if (list == NULL)
    return NULL;

  /* Borrowed: safe for as long as the item stays in the list. */
  return _csp_item_list_get (CSP_ITEM_LIST (list), position);
}

void
_csp_item_set_list_raw (CspItem    *self,
                        const char *key,
                        GPtrArray  *children)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index = lookup_field (self, key, CSP_FIELD_LIST);
  CspItemList *list;

  _csp_item_wait_for_readers (self);
  g_return_if_fail (index >= 0);

  list = priv->values[index].list;
  for (guint i = 0; i < children->len; i++)
    adopt (self, index, g_ptr_array_index (children, i));
  _csp_item_list_splice (list, 0, _csp_item_list_get_n (list), children->pdata, children->len);
}

void
csp_item_insert (CspItem    *self,
                 const char *key,
                 guint       position,
                 CspItem    *child)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  int index;

  g_return_if_fail (CSP_IS_ITEM (self));
  g_return_if_fail (CSP_IS_ITEM (child));
  g_return_if_fail (csp_item_get_parent (child) == NULL);

  _csp_item_wait_for_readers (self);

  if ((index = lookup_field (self, key, CSP_FIELD_LIST)) < 0)
    return;

  g_return_if_fail (csp_item_get_kind (child) == csp_item_get_info (self)->fields[index].kind);

  position = MIN (position, _csp_item_list_get_n (priv->values[index].list));
  adopt (self, index, child);
  _csp_item_list_splice (priv->values[index].list, position, 0, (gpointer *) &child, 1);
  csp_item_touch (self, key);
}

void
csp_item_append (CspItem    *self,
                 const char *key,
                 CspItem    *child)
{
  csp_item_insert (self, key, G_MAXUINT, child);
}

/* Takes the child out of the list: no tombstone, no stamp. */
static CspItem *
detach (CspItem    *self,
        const char *key,
        guint       position)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  CspItemPrivate *child_priv;
  CspItem *child;
  int index;

  _csp_item_wait_for_readers (self);
  if ((index = lookup_field (self, key, CSP_FIELD_LIST)) < 0)
    return NULL;

  child = _csp_item_list_get (priv->values[index].list, position);
  if (child == NULL)
    return NULL;

  g_object_ref (child);
  child_priv = csp_item_get_instance_private (child);
  child_priv->parent = NULL;
  child_priv->parent_field = -1;
  _csp_item_list_splice (priv->values[index].list, position, 1, NULL, 0);

  return child;
}

void
csp_item_remove (CspItem    *self,
                 const char *key,
                 guint       position)
{
  g_autoptr(CspItem) child = NULL;
  CspPlan *plan;

  g_return_if_fail (CSP_IS_ITEM (self));

  child = detach (self, key, position);
  g_return_if_fail (child != NULL);

  if (csp_item_get_id (child) != NULL &&
      csp_item_get_kind (child) != CSP_KIND_TOMBSTONE &&
      (plan = csp_item_get_plan (self)) != NULL)
    csp_plan_add_tombstone (plan, csp_item_get_id (child));

  csp_item_touch (self, key);
}

CspItem *
csp_item_take (CspItem    *self,
               const char *key,
               guint       position)
{
  CspItem *child;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  child = detach (self, key, position);
  g_return_val_if_fail (child != NULL, NULL);

  csp_item_touch (self, key);

  return child;
}

gboolean
csp_item_find (CspItem    *self,
               const char *key,
               CspItem    *child,
               guint      *position)
{
  GListModel *list = csp_item_get_list (self, key);

  g_return_val_if_fail (list != NULL, FALSE);

  return _csp_item_list_find (CSP_ITEM_LIST (list), child, position);
}

void
_csp_item_add_extra (CspItem    *self,
                     const char *after,
                     const char *name,
                     JsonNode   *node)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);
  CspExtra *extra = g_new0 (CspExtra, 1);

  _csp_item_wait_for_readers (self);
  extra->after = g_strdup (after);
  extra->name = g_strdup (name);
  extra->node = json_node_ref (node);

  if (priv->extras == NULL)
    priv->extras = g_ptr_array_new_with_free_func (csp_item_free_extra);
  g_ptr_array_add (priv->extras, extra);
}

GPtrArray *
_csp_item_get_extras (CspItem *self)
{
  CspItemPrivate *priv = csp_item_get_instance_private (self);

  return priv->extras;
}

/* A random (version 4) UUID, as g_uuid_string_random () makes, without
 * its printf: every object is born with an id, the reader's too, so
 * that opening a county-sized plan made 55,000 of them. */
char *
csp_new_id (void)
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  char *id = g_malloc (37);
  char *p = id;

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (bytes + i, &r, 4);
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0xf];
    }
  *p = '\0';

  return id;
}

char *
csp_timestamp_now (void)
{
  g_autoptr(GDateTime) now = NULL;

  if (fixed_timestamp != NULL)
    return g_strdup (fixed_timestamp);

  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

void
csp_timestamp_set_fixed (const char *timestamp)
{
  g_free (fixed_timestamp);
  fixed_timestamp = g_strdup (timestamp);
}

static void
swap_list (CspItem *a,
           CspItem *b,
           guint    field)
{
  CspItemPrivate *priv_a = csp_item_get_instance_private (a);
  CspItemPrivate *priv_b = csp_item_get_instance_private (b);
  CspItemList *list_a = priv_a->values[field].list;
  CspItemList *list_b = priv_b->values[field].list;
  guint n_a = _csp_item_list_get_n (list_a);
  guint n_b = _csp_item_list_get_n (list_b);
  g_autoptr(GPtrArray) items_a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items_b = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_a; i++)
    g_ptr_array_add (items_a, g_object_ref (_csp_item_list_get (list_a, i)));
  for (guint i = 0; i < n_b; i++)
    g_ptr_array_add (items_b, g_object_ref (_csp_item_list_get (list_b, i)));

  /* The lists stay where they are, so that views of them see the
   * change as items-changed. */
  _csp_item_list_splice (list_a, 0, n_a, items_b->pdata, n_b);
  _csp_item_list_splice (list_b, 0, n_b, items_a->pdata, n_a);

  for (guint i = 0; i < n_b; i++)
    ((CspItemPrivate *) csp_item_get_instance_private (g_ptr_array_index (items_b, i)))->parent = a;
  for (guint i = 0; i < n_a; i++)
    ((CspItemPrivate *) csp_item_get_instance_private (g_ptr_array_index (items_a, i)))->parent = b;
}

static void
swap_field (CspItem *a,
            CspItem *b,
            guint    field)
{
  CspItemPrivate *priv_a = csp_item_get_instance_private (a);
  CspItemPrivate *priv_b = csp_item_get_instance_private (b);
  CspValue value;

  switch (csp_item_get_info (a)->fields[field].type)
    {
    case CSP_FIELD_FORMAT:
    case CSP_FIELD_VERSION:
      break;
    case CSP_FIELD_LIST:
      swap_list (a, b, field);
      break;
    case CSP_FIELD_OBJECT:
      value = priv_a->values[field];
      priv_a->values[field] = priv_b->values[field];
      priv_b->values[field] = value;
      ((CspItemPrivate *) csp_item_get_instance_private (priv_a->values[field].object))->parent = a;
      ((CspItemPrivate *) csp_item_get_instance_private (priv_b->values[field].object))->parent = b;
      break;
    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
    case CSP_FIELD_BOOLEAN:
    case CSP_FIELD_STRV:
    default:
      value = priv_a->values[field];
      priv_a->values[field] = priv_b->values[field];
      priv_b->values[field] = value;
      break;
    }
}

void
_csp_item_swap_contents (CspItem *a,
                         CspItem *b)
{
  CspItemPrivate *priv_a = csp_item_get_instance_private (a);
  CspItemPrivate *priv_b = csp_item_get_instance_private (b);
  const CspKindInfo *info = csp_item_get_info (a);
  CspPlan *plan_a = csp_item_get_plan (a);
  CspPlan *plan_b = csp_item_get_plan (b);
  GPtrArray *extras;

  _csp_item_wait_for_readers (a);
  _csp_item_wait_for_readers (b);
  g_return_if_fail (csp_item_get_kind (a) == csp_item_get_kind (b));

  for (guint i = 0; i < info->n_fields; i++)
    swap_field (a, b, i);

  extras = priv_a->extras;
  priv_a->extras = priv_b->extras;
  priv_b->extras = extras;

  /* Every field is new to whoever watches either object. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (info->fields[i].type == CSP_FIELD_FORMAT || info->fields[i].type == CSP_FIELD_VERSION)
        continue;
      notify_field (a, i);
      notify_field (b, i);
      if (plan_a != NULL)
        _csp_plan_emit_changed (plan_a, a, info->fields[i].key);
      if (plan_b != NULL)
        _csp_plan_emit_changed (plan_b, b, info->fields[i].key);
    }
}

/* Copies */

void
_csp_item_copy_extras (CspItem *dest,
                       CspItem *src)
{
  GPtrArray *extras = _csp_item_get_extras (src);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CspExtra *extra = g_ptr_array_index (extras, i);

      _csp_item_add_extra (dest, extra->after, extra->name, extra->node);
    }
}

void
_csp_item_copy_field (CspItem *dest,
                      guint    index,
                      CspItem *src)
{
  CspItemPrivate *from = csp_item_get_instance_private (src);
  const CspField *field = &csp_item_get_info (src)->fields[index];

  g_assert (csp_item_get_kind (dest) == csp_item_get_kind (src));

  if (field_is_string (field))
    {
      _csp_item_set_string_raw (dest, index, from->values[index].str);
      return;
    }

  switch (field->type)
    {
    case CSP_FIELD_BOOLEAN:
      _csp_item_set_boolean_raw (dest, index, from->values[index].boolean);
      break;
    case CSP_FIELD_STRV:
      _csp_item_set_strv_raw (dest, index, (const char * const *) from->values[index].strv);
      break;
    case CSP_FIELD_OBJECT:
      {
        g_autoptr(CspItem) child = csp_item_copy (from->values[index].object);

        _csp_item_set_object_raw (dest, index, child);
      }
      break;
    case CSP_FIELD_LIST:
      {
        CspItemList *list = from->values[index].list;
        guint n = _csp_item_list_get_n (list);
        g_autoptr(GPtrArray) children = g_ptr_array_new_full (n, g_object_unref);

        for (guint i = 0; i < n; i++)
          g_ptr_array_add (children, csp_item_copy (_csp_item_list_get (list, i)));
        _csp_item_set_list_raw (dest, field->key, children);
      }
      break;
    default: /* the format and version are constants */
      break;
    }
}

/* Everything but the parent: the copy is new, and outside any plan.
 * Unknown keys' values are shared: nothing changes them. */
CspItem *
csp_item_copy (CspItem *self)
{
  const CspKindInfo *info;
  CspItem *copy;

  g_return_val_if_fail (CSP_IS_ITEM (self), NULL);

  info = csp_item_get_info (self);
  copy = csp_item_new (csp_item_get_kind (self));
  for (guint i = 0; i < info->n_fields; i++)
    _csp_item_copy_field (copy, i, self);
  _csp_item_copy_extras (copy, self);

  return copy;
}
