/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-format.h"
#include "csp-item-private.h"
#include "csp-merge.h"

/* Merging a colleague's copy ("theirs") into "mine".
 *
 * The merge works from the kind table (csp-kind.c), field by field, and
 * builds a new plan; the inputs are never changed. Objects are matched
 * by id anywhere in the plan, so an object that one side moved is still
 * merged, at mine's place. Objects without an id (period, contact,
 * review) are matched by the field that holds them.
 *
 * The rules, with the base B (the newest common revision) when known:
 *
 * - A field changed on one side only (the other still equals B) takes
 *   that side's value.
 * - A field changed on both sides to different values is a conflict.
 *   The default choice is the newer edit: the side whose nearest object
 *   with a "modified" stamp is newer; on a tie, mine. Without a base,
 *   every field that differs is such a conflict.
 * - "modified" itself is never a conflict: it takes the newer stamp.
 * - Lists of objects with ids are merged by id: mine's order, with
 *   theirs' new objects inserted after their predecessor in theirs'
 *   list. Progress updates are such a list, so they are a union by id
 *   and none is lost; an update edited on both sides is a field
 *   conflict like any other.
 * - Lists of objects without ids (an action's owners) are one value:
 *   changed on one side, taken; changed on both, a conflict.
 * - An object one side deleted (gone, and in B) is dropped when the
 *   other side left it as it was in B. When the other side edited it
 *   (anything in it or below it differs from B), it is a deletion
 *   conflict, and by default the edited object is kept (losing work is
 *   worse than a deletion to redo) and its tombstone dropped. Without
 *   a base, a tombstone on the other side always makes such a conflict.
 *   Inside a kept object, what the deleting side lost with it is kept.
 *   Progress updates follow this rule too: deleting a mistaken update
 *   must survive a merge.
 * - Tombstones ("deleted") are mine's, then theirs' that mine lacks
 *   (unless their object is alive in the result), less those of
 *   objects kept against a deletion.
 * - An owner whose partner is gone from the merged directory becomes a
 *   free-text owner with the partner's name (and its note), so that no
 *   reference dangles and the action still shows who leads it.
 * - Unknown keys: mine's, and theirs' that mine lacks.
 * - The result gets a new revision listing both inputs' revisions in
 *   its ancestors, unless it is one input's content and that input
 *   already knew the other's revision: merging the same copy twice
 *   changes nothing.
 */

struct _CspMerge
{
  GObject     parent_instance;

  CspPlan    *base;
  CspPlan    *mine;
  CspPlan    *theirs;
  GHashTable *choices;   /* conflict key → CspMergeSide + 1 */
  GPtrArray  *conflicts; /* CspConflict */
  CspPlan    *result;
  gboolean    changed;
};

G_DEFINE_FINAL_TYPE (CspMerge, csp_merge, G_TYPE_OBJECT)

typedef struct
{
  CspMerge   *self;
  GHashTable *mine_deleted;   /* tombstone ids */
  GHashTable *theirs_deleted;
  GHashTable *kept;           /* ids of objects kept against a deletion */
  gboolean    keep_absent;    /* inside an object kept against a deletion */
} Merger;

typedef struct
{
  const char *id;
  CspItem    *base;
  CspItem    *mine;
  CspItem    *theirs;
} Entry;

static CspItem *merge_item (Merger *mg, const char *anchor, const char *path,
                            CspItem *base, CspItem *mine, CspItem *theirs);

static void
conflict_free (gpointer data)
{
  CspConflict *conflict = data;

  g_free (conflict->path);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->key);
  g_free (conflict);
}

/* Comparing and copying, generically from the kind table */

static gboolean
extras_equal (GPtrArray *a,
              GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      CspExtra *x = g_ptr_array_index (a, i);
      CspExtra *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->after, y->after) != 0 || g_strcmp0 (x->name, y->name) != 0 ||
          !json_node_equal (x->node, y->node))
        return FALSE;
    }

  return TRUE;
}

static gboolean
field_equal (CspItem        *a,
             CspItem        *b,
             const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_FORMAT:
    case CSP_FIELD_VERSION:
      return TRUE;
    case CSP_FIELD_BOOLEAN:
      return csp_item_get_boolean (a, field->key) == csp_item_get_boolean (b, field->key);
    case CSP_FIELD_STRV:
      return g_strv_equal (csp_item_get_strv (a, field->key), csp_item_get_strv (b, field->key));
    case CSP_FIELD_OBJECT:
      return csp_item_equal (csp_item_get_object (a, field->key),
                             csp_item_get_object (b, field->key));
    case CSP_FIELD_LIST:
      {
        guint n = csp_item_get_n_children (a, field->key);

        if (n != csp_item_get_n_children (b, field->key))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!csp_item_equal (csp_item_get_child (a, field->key, i),
                               csp_item_get_child (b, field->key, i)))
            return FALSE;
        return TRUE;
      }
    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
    default:
      return g_str_equal (csp_item_get_string (a, field->key), csp_item_get_string (b, field->key));
    }
}

gboolean
csp_item_equal (CspItem *a,
                CspItem *b)
{
  const CspKindInfo *info;

  g_return_val_if_fail (CSP_IS_ITEM (a), FALSE);
  g_return_val_if_fail (CSP_IS_ITEM (b), FALSE);

  if (csp_item_get_kind (a) != csp_item_get_kind (b))
    return FALSE;

  info = csp_item_get_info (a);
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (!field_equal (a, b, &info->fields[i]))
        return FALSE;
    }

  return extras_equal (_csp_item_get_extras (a), _csp_item_get_extras (b));
}

/* Conflicts */

static char *
field_to_text (CspItem        *item,
               const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_BOOLEAN:
      return g_strdup (csp_item_get_boolean (item, field->key) ? "true" : "false");
    case CSP_FIELD_STRV:
      return g_strjoinv (", ", (char **) csp_item_get_strv (item, field->key));
    case CSP_FIELD_LIST:
      {
        GString *text = g_string_new (NULL);
        guint n = csp_item_get_n_children (item, field->key);

        /* Only lists without ids (owners) are compared as one value. */
        for (guint i = 0; i < n; i++)
          {
            CspItem *child = csp_item_get_child (item, field->key, i);
            g_autofree char *label = CSP_IS_OWNER (child) ? csp_owner_dup_label (child)
                                                          : g_strdup (csp_item_get_info (child)->name);

            g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", label);
          }
        return g_string_free (text, FALSE);
      }
    case CSP_FIELD_FORMAT:
    case CSP_FIELD_VERSION:
    case CSP_FIELD_OBJECT:
      return g_strdup ("");
    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
    default:
      return g_strdup (csp_item_get_string (item, field->key));
    }
}

static GDateTime *
parse_modified (CspItem *item)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  while (item != NULL && csp_item_get_info (item)->modified_field < 0)
    item = csp_item_get_parent (item);

  if (item == NULL || *csp_item_get_modified (item) == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (csp_item_get_modified (item), utc);
}

/* The side whose nearest stamped object is newer; mine on a tie. */
static CspMergeSide
newer_side (CspItem           *mine,
            CspItem           *theirs,
            CspConflictReason *reason)
{
  g_autoptr(GDateTime) m = parse_modified (mine);
  g_autoptr(GDateTime) t = parse_modified (theirs);
  int order;

  if (m == NULL && t == NULL)
    order = 0;
  else if (m == NULL || t == NULL)
    order = m == NULL ? -1 : 1;
  else
    order = g_date_time_compare (m, t);

  *reason = order == 0 ? CSP_CONFLICT_TIE : CSP_CONFLICT_NEWER;
  return order < 0 ? CSP_MERGE_THEIRS : CSP_MERGE_MINE;
}

/* Records a conflict; returns the side chosen for it. */
static CspMergeSide
add_conflict (Merger            *mg,
              CspConflictKind    kind,
              char              *key,
              char              *path,
              char              *mine,
              char              *theirs,
              CspMergeSide       side,
              CspConflictReason  reason)
{
  CspConflict *conflict = g_new0 (CspConflict, 1);
  gpointer choice = g_hash_table_lookup (mg->self->choices, key);

  conflict->kind = kind;
  conflict->key = key;
  conflict->path = path;
  conflict->mine = mine;
  conflict->theirs = theirs;
  conflict->chosen = choice != NULL ? (CspMergeSide) (GPOINTER_TO_INT (choice) - 1) : side;
  conflict->reason = choice != NULL ? CSP_CONFLICT_USER_CHOICE : reason;
  g_ptr_array_add (mg->self->conflicts, conflict);

  return conflict->chosen;
}

/* Fields */

static gboolean
skip_field (CspItem        *item,
            const CspField *field)
{
  /* The plan's revision, ancestors and tombstones are made last, from
   * the whole result. */
  return csp_item_get_kind (item) == CSP_KIND_PLAN &&
         (g_str_equal (field->key, "revision") || g_str_equal (field->key, "ancestors") ||
          g_str_equal (field->key, "deleted"));
}

static void
merge_value (Merger     *mg,
             CspItem    *result,
             guint       index,
             const char *anchor,
             const char *path,
             CspItem    *base,
             CspItem    *mine,
             CspItem    *theirs)
{
  const CspField *field = &csp_item_get_info (result)->fields[index];
  CspConflictReason reason;
  CspMergeSide side;

  /* Objects are matched by id; two plans' own ids may differ, and the
   * result is mine's document. */
  if (mine == NULL || theirs == NULL || field->type == CSP_FIELD_ID)
    side = mine != NULL ? CSP_MERGE_MINE : CSP_MERGE_THEIRS;
  else if (field_equal (mine, theirs, field))
    side = CSP_MERGE_MINE;
  else if (base != NULL && field_equal (mine, base, field))
    side = CSP_MERGE_THEIRS;
  else if (base != NULL && field_equal (theirs, base, field))
    side = CSP_MERGE_MINE;
  else if (field->type == CSP_FIELD_TIMESTAMP && g_str_equal (field->key, "modified"))
    side = strcmp (csp_item_get_modified (mine), csp_item_get_modified (theirs)) >= 0
           ? CSP_MERGE_MINE : CSP_MERGE_THEIRS;
  else
    {
      side = newer_side (mine, theirs, &reason);
      side = add_conflict (mg, CSP_CONFLICT_FIELD,
                           g_strdup_printf ("%s/%s", anchor, field->key),
                           g_strdup_printf ("%s.%s", path, field->key),
                           field_to_text (mine, field), field_to_text (theirs, field),
                           side, reason);
    }

  _csp_item_copy_field (result, index, side == CSP_MERGE_MINE ? mine : theirs);
}

static gboolean
has_extra (CspItem    *item,
           const char *name)
{
  GPtrArray *extras = _csp_item_get_extras (item);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      if (g_str_equal (((CspExtra *) g_ptr_array_index (extras, i))->name, name))
        return TRUE;
    }

  return FALSE;
}

static void
merge_extras (CspItem *result,
              CspItem *mine,
              CspItem *theirs)
{
  GPtrArray *extras;

  if (mine != NULL)
    _csp_item_copy_extras (result, mine);
  if (theirs == NULL || (extras = _csp_item_get_extras (theirs)) == NULL)
    return;

  for (guint i = 0; i < extras->len; i++)
    {
      CspExtra *extra = g_ptr_array_index (extras, i);

      if (mine == NULL || !has_extra (mine, extra->name))
        _csp_item_add_extra (result, extra->after, extra->name, extra->node);
    }
}

/* Lists of objects with ids */

static CspItem *
lookup (CspPlan    *plan,
        const char *id,
        CspKind     kind)
{
  CspItem *item = plan != NULL ? csp_plan_lookup (plan, id) : NULL;

  return item != NULL && csp_item_get_kind (item) == kind ? item : NULL;
}

static int
find_entry (GArray     *entries,
            const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_str_equal (g_array_index (entries, Entry, i).id, id))
        return (int) i;
    }

  return -1;
}

/* Mine's objects in mine's order, then theirs' new ones, each after its
 * predecessor in theirs' list. An object that mine has elsewhere is
 * merged there. */
static GArray *
list_entries (Merger         *mg,
              const CspField *field,
              CspItem        *mine,
              CspItem        *theirs)
{
  CspMerge *self = mg->self;
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  guint n = mine != NULL ? csp_item_get_n_children (mine, field->key) : 0;
  guint insert_at = 0;

  for (guint i = 0; i < n; i++)
    {
      CspItem *child = csp_item_get_child (mine, field->key, i);
      Entry entry = { csp_item_get_id (child), NULL, child, NULL };

      entry.base = lookup (self->base, entry.id, field->kind);
      entry.theirs = lookup (self->theirs, entry.id, field->kind);
      g_array_append_val (entries, entry);
    }

  n = theirs != NULL ? csp_item_get_n_children (theirs, field->key) : 0;
  for (guint i = 0; i < n; i++)
    {
      CspItem *child = csp_item_get_child (theirs, field->key, i);
      Entry entry = { csp_item_get_id (child), NULL, NULL, child };
      int found;

      if ((found = find_entry (entries, entry.id)) >= 0)
        insert_at = found + 1;
      else if (csp_plan_lookup (self->mine, entry.id) == NULL)
        {
          entry.base = lookup (self->base, entry.id, field->kind);
          g_array_insert_val (entries, insert_at++, entry);
        }
    }

  return entries;
}

/* Whether the side that lacks the entry's object deleted it. */
static gboolean
deleted_on_other_side (Merger *mg,
                       Entry  *entry)
{
  GHashTable *tombstones = entry->mine != NULL ? mg->theirs_deleted : mg->mine_deleted;

  /* Without a base only a tombstone tells a deletion from an addition. */
  if (mg->self->base == NULL)
    return g_hash_table_contains (tombstones, entry->id);

  /* Not in the base: added since, on the side that has it. */
  if (entry->base == NULL)
    return FALSE;

  /* Inside an object kept against a deletion, its children are gone
   * from the deleting side with it; only their own tombstones count. */
  if (mg->keep_absent)
    return g_hash_table_contains (tombstones, entry->id);

  /* Gone since the base, by a tombstone or with an object that held it. */
  return TRUE;
}

static CspItem *
merge_entry (Merger     *mg,
             Entry      *entry,
             const char *path)
{
  CspMergeSide present = entry->mine != NULL ? CSP_MERGE_MINE : CSP_MERGE_THEIRS;
  CspItem *object = entry->mine != NULL ? entry->mine : entry->theirs;
  gboolean keep_absent = mg->keep_absent;
  CspMergeSide side;
  CspItem *result;

  if ((entry->mine != NULL && entry->theirs != NULL) || !deleted_on_other_side (mg, entry))
    return merge_item (mg, entry->id, path, entry->base, entry->mine, entry->theirs);

  if (entry->base != NULL && csp_item_equal (object, entry->base))
    return NULL;

  side = add_conflict (mg, CSP_CONFLICT_DELETION,
                       g_strdup_printf ("%s/", entry->id), g_strdup (path),
                       g_strdup (present == CSP_MERGE_MINE ? _("edited") : _("deleted")),
                       g_strdup (present == CSP_MERGE_MINE ? _("deleted") : _("edited")),
                       present, CSP_CONFLICT_EDIT_KEPT);
  if (side != present)
    return NULL;

  g_hash_table_add (mg->kept, (gpointer) entry->id);
  mg->keep_absent = TRUE;
  result = merge_item (mg, entry->id, path, entry->base, entry->mine, entry->theirs);
  mg->keep_absent = keep_absent;

  return result;
}

static void
merge_list (Merger         *mg,
            CspItem        *result,
            const CspField *field,
            const char     *path,
            CspItem        *mine,
            CspItem        *theirs)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) entries = list_entries (mg, field, mine, theirs);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s.%s[%u]", path, field->key, children->len);
      CspItem *child = merge_entry (mg, &g_array_index (entries, Entry, i), child_path);

      if (child != NULL)
        g_ptr_array_add (children, child);
    }

  _csp_item_set_list_raw (result, field->key, children);
}

/* Objects */

static CspItem *
get_object (CspItem    *item,
            const char *key)
{
  return item != NULL ? csp_item_get_object (item, key) : NULL;
}

static CspItem *
merge_item (Merger     *mg,
            const char *anchor,
            const char *path,
            CspItem    *base,
            CspItem    *mine,
            CspItem    *theirs)
{
  CspItem *any = mine != NULL ? mine : theirs;
  const CspKindInfo *info = csp_item_get_info (any);
  CspItem *result = csp_item_new (csp_item_get_kind (any));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const CspField *field = &info->fields[i];

      if (skip_field (result, field))
        continue;

      if (field->type == CSP_FIELD_OBJECT)
        {
          g_autofree char *sub_anchor = g_strdup_printf ("%s/%s", anchor, field->key);
          g_autofree char *sub_path = g_strdup_printf ("%s.%s", path, field->key);
          g_autoptr(CspItem) child = merge_item (mg, sub_anchor, sub_path,
                                                 get_object (base, field->key),
                                                 get_object (mine, field->key),
                                                 get_object (theirs, field->key));

          _csp_item_set_object_raw (result, i, child);
        }
      else if (field->type == CSP_FIELD_LIST && csp_kind_get_info (field->kind)->id_field >= 0)
        merge_list (mg, result, field, path, mine, theirs);
      else
        merge_value (mg, result, i, anchor, path, base, mine, theirs);
    }

  merge_extras (result, mine, theirs);
  return result;
}

/* The whole plan */

static GHashTable *
tombstone_ids (CspPlan *plan)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = csp_item_get_n_children (CSP_ITEM (plan), "deleted");

  for (guint i = 0; i < n; i++)
    g_hash_table_add (ids, (gpointer) csp_item_get_id (csp_item_get_child (CSP_ITEM (plan), "deleted", i)));

  return ids;
}

/* Mine's tombstones as they are, then theirs' new ones; less those of
 * objects kept against their deletion. A tombstone of an object that
 * is alive on both sides is left as it came: merging a plan with itself
 * must not change it. */
static void
merge_tombstones (Merger  *mg,
                  CspPlan *result)
{
  g_autoptr(GPtrArray) tombstones = g_ptr_array_new_with_free_func (g_object_unref);
  CspItem *mine = CSP_ITEM (mg->self->mine);
  CspItem *theirs = CSP_ITEM (mg->self->theirs);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < csp_item_get_n_children (mine, "deleted"); i++)
    {
      CspItem *tombstone = csp_item_get_child (mine, "deleted", i);

      if (!g_hash_table_contains (mg->kept, csp_item_get_id (tombstone)))
        g_ptr_array_add (tombstones, csp_item_copy (tombstone));
    }

  for (guint i = 0; i < csp_item_get_n_children (theirs, "deleted"); i++)
    {
      CspItem *tombstone = csp_item_get_child (theirs, "deleted", i);
      const char *id = csp_item_get_id (tombstone);

      if (g_hash_table_contains (mg->mine_deleted, id) || g_hash_table_contains (mg->kept, id) ||
          csp_plan_lookup (result, id) != NULL || !g_hash_table_add (seen, (gpointer) id))
        continue;
      g_ptr_array_add (tombstones, csp_item_copy (tombstone));
    }

  _csp_item_set_list_raw (CSP_ITEM (result), "deleted", tombstones);
}

static const char *
partner_name (CspMerge   *self,
              const char *id)
{
  CspPlan *plans[] = { self->mine, self->theirs, self->base };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      CspItem *partner = lookup (plans[i], id, CSP_KIND_PARTNER);

      if (partner != NULL)
        return csp_item_get_string (partner, "name");
    }

  return id;
}

static gboolean
fix_owner (CspItem  *item,
           gpointer  user_data)
{
  CspMerge *self = user_data;
  const CspKindInfo *info = csp_item_get_info (item);
  const char *id;

  if (!CSP_IS_OWNER (item))
    return TRUE;

  id = csp_item_get_string (item, "partner");
  if (*id == '\0' || lookup (csp_item_get_plan (item), id, CSP_KIND_PARTNER) != NULL)
    return TRUE;

  _csp_item_set_string_raw (item, csp_kind_find_field (info, "name"), partner_name (self, id));
  _csp_item_set_string_raw (item, csp_kind_find_field (info, "partner"), "");
  return TRUE;
}

static gboolean
lists_revision (CspPlan    *plan,
                const char *revision)
{
  return *revision == '\0' ||
         g_str_equal (csp_item_get_string (CSP_ITEM (plan), "revision"), revision) ||
         g_strv_contains (csp_item_get_strv (CSP_ITEM (plan), "ancestors"), revision);
}

static void
copy_revision (CspPlan *result,
               CspPlan *from)
{
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_PLAN);

  _csp_item_set_string_raw (CSP_ITEM (result), csp_kind_find_field (info, "revision"),
                            csp_item_get_string (CSP_ITEM (from), "revision"));
  _csp_item_set_strv_raw (CSP_ITEM (result), csp_kind_find_field (info, "ancestors"),
                          csp_item_get_strv (CSP_ITEM (from), "ancestors"));
}

static void
add_ancestor (GPtrArray  *ancestors,
              GHashTable *seen,
              const char *revision)
{
  if (*revision != '\0' && ancestors->len < CSP_FORMAT_MAX_ANCESTORS &&
      g_hash_table_add (seen, (gpointer) revision))
    g_ptr_array_add (ancestors, (gpointer) revision);
}

/* A new revision; its ancestors are both inputs' revisions, then their
 * ancestors taken in turn, newest first, without repeats, bounded. */
static void
new_revision (CspPlan *result,
              CspPlan *mine,
              CspPlan *theirs)
{
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_PLAN);
  const char * const *lists[] = { csp_item_get_strv (CSP_ITEM (mine), "ancestors"),
                                  csp_item_get_strv (CSP_ITEM (theirs), "ancestors") };
  guint lengths[] = { g_strv_length ((char **) lists[0]), g_strv_length ((char **) lists[1]) };
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *revision = csp_new_id ();

  add_ancestor (ancestors, seen, csp_item_get_string (CSP_ITEM (mine), "revision"));
  add_ancestor (ancestors, seen, csp_item_get_string (CSP_ITEM (theirs), "revision"));
  for (guint depth = 0; depth < MAX (lengths[0], lengths[1]); depth++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
        {
          if (depth < lengths[i])
            add_ancestor (ancestors, seen, lists[i][depth]);
        }
    }
  g_ptr_array_add (ancestors, NULL);

  _csp_item_set_string_raw (CSP_ITEM (result), csp_kind_find_field (info, "revision"), revision);
  _csp_item_set_strv_raw (CSP_ITEM (result), csp_kind_find_field (info, "ancestors"),
                          (const char * const *) ancestors->pdata);
}

static void
set_revision (CspMerge *self,
              CspPlan  *result)
{
  const char *mine_revision = csp_item_get_string (CSP_ITEM (self->mine), "revision");
  const char *theirs_revision = csp_item_get_string (CSP_ITEM (self->theirs), "revision");

  copy_revision (result, self->mine);
  self->changed = !csp_item_equal (CSP_ITEM (result), CSP_ITEM (self->mine));
  if (!self->changed && lists_revision (self->mine, theirs_revision))
    return;

  /* Nothing new of mine: a fast-forward to theirs. */
  copy_revision (result, self->theirs);
  if (csp_item_equal (CSP_ITEM (result), CSP_ITEM (self->theirs)) &&
      lists_revision (self->theirs, mine_revision))
    return;

  new_revision (result, self->mine, self->theirs);
}

static void
csp_merge_run (CspMerge *self)
{
  Merger mg = { self, tombstone_ids (self->mine), tombstone_ids (self->theirs),
                g_hash_table_new (g_str_hash, g_str_equal), FALSE };
  g_autoptr(CspItem) result = NULL;

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_ptr_array_new_with_free_func (conflict_free);

  result = merge_item (&mg, csp_item_get_id (CSP_ITEM (self->mine)), "$",
                       self->base != NULL ? CSP_ITEM (self->base) : NULL,
                       CSP_ITEM (self->mine), CSP_ITEM (self->theirs));
  merge_tombstones (&mg, CSP_PLAN (result));
  csp_item_walk (result, fix_owner, self);
  set_revision (self, CSP_PLAN (result));

  g_set_object (&self->result, CSP_PLAN (result));

  g_hash_table_unref (mg.mine_deleted);
  g_hash_table_unref (mg.theirs_deleted);
  g_hash_table_unref (mg.kept);
}

static void
csp_merge_finalize (GObject *object)
{
  CspMerge *self = CSP_MERGE (object);

  g_clear_object (&self->base);
  g_clear_object (&self->mine);
  g_clear_object (&self->theirs);
  g_clear_object (&self->result);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (csp_merge_parent_class)->finalize (object);
}

static void
csp_merge_class_init (CspMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = csp_merge_finalize;
}

static void
csp_merge_init (CspMerge *self)
{
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CspMerge *
csp_merge_new (CspPlan *base,
               CspPlan *mine,
               CspPlan *theirs)
{
  CspMerge *self;

  g_return_val_if_fail (base == NULL || CSP_IS_PLAN (base), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (mine), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (theirs), NULL);

  self = g_object_new (CSP_TYPE_MERGE, NULL);
  self->base = base != NULL ? g_object_ref (base) : NULL;
  self->mine = g_object_ref (mine);
  self->theirs = g_object_ref (theirs);
  csp_merge_run (self);

  return self;
}

guint
csp_merge_get_n_conflicts (CspMerge *self)
{
  g_return_val_if_fail (CSP_IS_MERGE (self), 0);

  return self->conflicts->len;
}

const CspConflict *
csp_merge_get_conflict (CspMerge *self,
                        guint     position)
{
  g_return_val_if_fail (CSP_IS_MERGE (self), NULL);
  g_return_val_if_fail (position < self->conflicts->len, NULL);

  return g_ptr_array_index (self->conflicts, position);
}

void
csp_merge_set_choice (CspMerge     *self,
                      guint         position,
                      CspMergeSide  side)
{
  const CspConflict *conflict;

  g_return_if_fail (CSP_IS_MERGE (self));
  g_return_if_fail (position < self->conflicts->len);
  g_return_if_fail (side == CSP_MERGE_MINE || side == CSP_MERGE_THEIRS);

  conflict = g_ptr_array_index (self->conflicts, position);
  g_hash_table_insert (self->choices, g_strdup (conflict->key), GINT_TO_POINTER (side + 1));

  /* Merging again is cheap, and keeps the result and the paths of
   * every conflict true to the choices. */
  csp_merge_run (self);
}

CspPlan *
csp_merge_get_result (CspMerge *self)
{
  g_return_val_if_fail (CSP_IS_MERGE (self), NULL);

  return g_object_ref (self->result);
}

gboolean
csp_merge_get_changed (CspMerge *self)
{
  g_return_val_if_fail (CSP_IS_MERGE (self), FALSE);

  return self->changed;
}
