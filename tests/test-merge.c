/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-merge"

#include "config.h"

#include "csp-format.h"
#include "csp-merge.h"

/* A small plan: priority p1 with themes t1 (actions a1, a2) and t2
 * (actions a3, a4); two partners; one glossary entry; an unknown key. */
static const char base_json[] =
  "{\"format\": \"csp-plan\", \"version\": 1, \"id\": \"doc\", \"revision\": \"r0\","
  " \"ancestors\": [], \"title\": \"Plan\", \"x-future\": 1,"
  " \"modified\": \"2018-04-01T09:00:00Z\","
  " \"priorities\": [{\"id\": \"p1\", \"title\": \"Priority\", \"modified\": \"2018-04-01T09:00:00Z\","
  "   \"themes\": ["
  "     {\"id\": \"t1\", \"title\": \"Theme 1\", \"modified\": \"2018-04-01T09:00:00Z\", \"actions\": ["
  "       {\"id\": \"a1\", \"text\": \"Action 1\", \"status\": \"on-track\","
  "        \"owners\": [{\"partner\": \"tmbc\"}], \"modified\": \"2018-04-01T09:00:00Z\","
  "        \"updates\": [{\"id\": \"u1\", \"date\": \"2018-05-01\", \"text\": \"Started\"}]},"
  "       {\"id\": \"a2\", \"text\": \"Action 2\", \"modified\": \"2018-04-01T09:00:00Z\"}]},"
  "     {\"id\": \"t2\", \"title\": \"Theme 2\", \"modified\": \"2018-04-01T09:00:00Z\", \"actions\": ["
  "       {\"id\": \"a3\", \"text\": \"Action 3\", \"modified\": \"2018-04-01T09:00:00Z\"},"
  "       {\"id\": \"a4\", \"text\": \"Action 4\", \"modified\": \"2018-04-01T09:00:00Z\"}]}]}],"
  " \"partners\": ["
  "   {\"id\": \"tmbc\", \"name\": \"Tonbridge and Malling Borough Council\", \"short_name\": \"TMBC\","
  "    \"modified\": \"2018-04-01T09:00:00Z\"},"
  "   {\"id\": \"police\", \"name\": \"Kent Police\", \"modified\": \"2018-04-01T09:00:00Z\"}],"
  " \"glossary\": [{\"id\": \"g1\", \"term\": \"ASB\", \"definition\": \"Anti-social behaviour\"}],"
  " \"deleted\": []}";

#define EARLY "2018-06-01T10:00:00Z"
#define LATE  "2018-06-02T10:00:00Z"

static CspPlan *
load_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  CspPlan *plan = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return plan;
}

/* A copy of @plan as a colleague's save of it would be: same content,
 * its own revision, the old one in its ancestors. */
static CspPlan *
fork_plan (CspPlan    *plan,
           const char *revision)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);
  g_autoptr(GError) error = NULL;
  CspPlan *copy = csp_plan_load_bytes (bytes, &error);
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_PLAN);
  const char *old = csp_item_get_string (CSP_ITEM (plan), "revision");
  const char * const ancestors[] = { old, NULL };

  g_assert_no_error (error);
  _csp_item_set_string_raw (CSP_ITEM (copy), csp_kind_find_field (info, "revision"), revision);
  _csp_item_set_strv_raw (CSP_ITEM (copy), csp_kind_find_field (info, "ancestors"), ancestors);
  return copy;
}

static CspItem *
get (CspPlan    *plan,
     const char *id)
{
  return csp_plan_lookup (plan, id);
}

static const char *
text_of (CspPlan    *plan,
         const char *id,
         const char *key)
{
  CspItem *item = get (plan, id);

  g_assert_nonnull (item);
  return csp_item_get_string (item, key);
}

static CspItem *
add_update (CspPlan    *plan,
            const char *action,
            const char *text)
{
  CspItem *update = csp_item_new (CSP_KIND_UPDATE);

  csp_item_set_string (update, "date", "2018-06-01");
  csp_item_set_string (update, "text", text);
  csp_item_append (get (plan, action), "updates", update);
  g_object_unref (update);

  return update;
}

static void
remove_child (CspPlan    *plan,
              const char *id)
{
  CspItem *item = get (plan, id);
  CspItem *parent = csp_item_get_parent (item);
  guint position;

  g_assert_true (csp_item_find (parent, csp_item_get_parent_key (item), item, &position));
  csp_item_remove (parent, csp_item_get_parent_key (item), position);
}

/* The ids of the objects in a list, joined by spaces. */
static char *
list_ids (CspPlan    *plan,
          const char *parent,
          const char *key)
{
  CspItem *item = parent != NULL ? get (plan, parent) : CSP_ITEM (plan);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < csp_item_get_n_children (item, key); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            csp_item_get_id (csp_item_get_child (item, key, i)));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gboolean
is_tombstoned (CspPlan    *plan,
               const char *id)
{
  for (guint i = 0; i < csp_item_get_n_children (CSP_ITEM (plan), "deleted"); i++)
    {
      if (g_str_equal (csp_item_get_id (csp_item_get_child (CSP_ITEM (plan), "deleted", i)), id))
        return TRUE;
    }

  return FALSE;
}

/* Every result must be a valid plan: it is written and read back. */
static void
assert_valid (CspPlan *plan)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) again = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
}

typedef struct
{
  const char *name;
  const char *mine_time;    /* "modified" stamped by mine's edits */
  void      (*mine) (CspPlan *plan);
  const char *theirs_time;
  void      (*theirs) (CspPlan *plan);
  gboolean    two_way;      /* no base */
  guint       n_conflicts;
  void      (*check) (CspPlan *result, CspMerge *merge);
} MergeCase;

/* One-sided edits */

static void edit_a1_text (CspPlan *p) { csp_item_set_string (get (p, "a1"), "text", "Action 1, reworded"); }
static void edit_a1_text_other (CspPlan *p) { csp_item_set_string (get (p, "a1"), "text", "Action 1, theirs"); }
static void edit_a1_status (CspPlan *p) { csp_item_set_string (get (p, "a1"), "status", "at-risk"); }
static void edit_nothing (CspPlan *p) { }

static void
check_one_sided (CspPlan  *result,
                 CspMerge *merge)
{
  g_assert_cmpstr (text_of (result, "a1", "text"), ==, "Action 1, reworded");
  g_assert_cmpstr (text_of (result, "a1", "status"), ==, "at-risk");
  g_assert_true (csp_merge_get_changed (merge));
}

static void
check_same_edit (CspPlan  *result,
                 CspMerge *merge)
{
  g_assert_cmpstr (text_of (result, "a1", "text"), ==, "Action 1, reworded");
}

static void
check_conflict (const CspConflict *conflict,
                CspConflictKind    kind,
                const char        *path,
                const char        *mine,
                const char        *theirs,
                CspMergeSide       chosen,
                CspConflictReason  reason)
{
  g_assert_cmpint (conflict->kind, ==, kind);
  g_assert_cmpstr (conflict->path, ==, path);
  g_assert_cmpstr (conflict->mine, ==, mine);
  g_assert_cmpstr (conflict->theirs, ==, theirs);
  g_assert_cmpint (conflict->chosen, ==, chosen);
  g_assert_cmpint (conflict->reason, ==, reason);
}

#define A1_TEXT "$.priorities[0].themes[0].actions[0].text"

static void
check_theirs_newer (CspPlan  *result,
                    CspMerge *merge)
{
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD, A1_TEXT,
                  "Action 1, reworded", "Action 1, theirs", CSP_MERGE_THEIRS, CSP_CONFLICT_NEWER);
  g_autoptr(CspPlan) flipped = NULL;

  g_assert_cmpstr (text_of (result, "a1", "text"), ==, "Action 1, theirs");
  g_assert_cmpstr (text_of (result, "a1", "modified"), ==, LATE);

  /* The review dialog keeps mine instead. */
  csp_merge_set_choice (merge, 0, CSP_MERGE_MINE);
  flipped = csp_merge_get_result (merge);
  g_assert_cmpstr (text_of (flipped, "a1", "text"), ==, "Action 1, reworded");
  g_assert_cmpint (csp_merge_get_conflict (merge, 0)->chosen, ==, CSP_MERGE_MINE);
  g_assert_cmpstr (csp_merge_get_conflict (merge, 0)->path, ==, A1_TEXT);
}

static void
check_mine_newer (CspPlan  *result,
                  CspMerge *merge)
{
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD, A1_TEXT,
                  "Action 1, reworded", "Action 1, theirs", CSP_MERGE_MINE, CSP_CONFLICT_NEWER);
  g_assert_cmpstr (text_of (result, "a1", "text"), ==, "Action 1, reworded");
}

static void
check_tie (CspPlan  *result,
           CspMerge *merge)
{
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD, A1_TEXT,
                  "Action 1, reworded", "Action 1, theirs", CSP_MERGE_MINE, CSP_CONFLICT_TIE);
  g_assert_cmpstr (text_of (result, "a1", "text"), ==, "Action 1, reworded");
}

/* Updates */

static void add_update_mine (CspPlan *p) { add_update (p, "a1", "Mine's update"); }
static void add_update_theirs (CspPlan *p) { add_update (p, "a1", "Theirs' update"); }

static void
check_updates_union (CspPlan  *result,
                     CspMerge *merge)
{
  CspItem *a1 = get (result, "a1");

  g_assert_cmpuint (csp_item_get_n_children (a1, "updates"), ==, 3);
  g_assert_cmpstr (csp_item_get_id (csp_item_get_child (a1, "updates", 0)), ==, "u1");
  /* Theirs' new update goes after its predecessor, u1. */
  g_assert_cmpstr (csp_item_get_string (csp_item_get_child (a1, "updates", 1), "text"), ==, "Theirs' update");
  g_assert_cmpstr (csp_item_get_string (csp_item_get_child (a1, "updates", 2), "text"), ==, "Mine's update");
}

static void edit_u1_mine (CspPlan *p) { csp_item_set_string (get (p, "u1"), "text", "Started in May"); }
static void edit_u1_theirs (CspPlan *p) { csp_item_set_string (get (p, "u1"), "text", "Started, slowly"); }

static void
check_update_conflict (CspPlan  *result,
                       CspMerge *merge)
{
  /* Updates have no "modified": their action's stamp decides. */
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD,
                  "$.priorities[0].themes[0].actions[0].updates[0].text",
                  "Started in May", "Started, slowly", CSP_MERGE_THEIRS, CSP_CONFLICT_NEWER);
  g_assert_cmpstr (text_of (result, "u1", "text"), ==, "Started, slowly");
}

/* Deletions */

static void delete_a2 (CspPlan *p) { remove_child (p, "a2"); }
static void edit_a2 (CspPlan *p) { csp_item_set_string (get (p, "a2"), "due", "2019-01-31"); }
static void delete_u1 (CspPlan *p) { remove_child (p, "u1"); }

static void
check_deleted (CspPlan  *result,
               CspMerge *merge)
{
  g_assert_null (get (result, "a2"));
  g_assert_true (is_tombstoned (result, "a2"));
  g_assert_nonnull (get (result, "a1"));
}

static void
check_deletion_conflict (CspPlan  *result,
                         CspMerge *merge)
{
  g_autoptr(CspPlan) flipped = NULL;

  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_DELETION,
                  "$.priorities[0].themes[0].actions[1]", "edited", "deleted",
                  CSP_MERGE_MINE, CSP_CONFLICT_EDIT_KEPT);
  g_assert_cmpstr (text_of (result, "a2", "due"), ==, "2019-01-31");
  g_assert_false (is_tombstoned (result, "a2"));

  /* The review dialog may choose the deletion instead. */
  csp_merge_set_choice (merge, 0, CSP_MERGE_THEIRS);
  flipped = csp_merge_get_result (merge);
  g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, 1);
  g_assert_cmpint (csp_merge_get_conflict (merge, 0)->chosen, ==, CSP_MERGE_THEIRS);
  g_assert_cmpint (csp_merge_get_conflict (merge, 0)->reason, ==, CSP_CONFLICT_USER_CHOICE);
  g_assert_null (get (flipped, "a2"));
  g_assert_true (is_tombstoned (flipped, "a2"));
  assert_valid (flipped);
}

static void
check_update_deleted (CspPlan  *result,
                      CspMerge *merge)
{
  g_assert_null (get (result, "u1"));
  g_assert_cmpuint (csp_item_get_n_children (get (result, "a1"), "updates"), ==, 1);
}

static void delete_t2 (CspPlan *p) { remove_child (p, "t2"); }
static void edit_a3 (CspPlan *p) { csp_item_set_string (get (p, "a3"), "outcome", "Fewer incidents"); }

static void
check_parent_deleted_child_edited (CspPlan  *result,
                                   CspMerge *merge)
{
  g_autofree char *actions = list_ids (result, "t2", "actions");

  /* The theme is kept whole: the edited action and its untouched sibling. */
  g_assert_cmpuint (csp_merge_get_conflict (merge, 0)->kind, ==, CSP_CONFLICT_DELETION);
  g_assert_cmpstr (csp_merge_get_conflict (merge, 0)->path, ==, "$.priorities[0].themes[1]");
  g_assert_cmpstr (actions, ==, "a3 a4");
  g_assert_cmpstr (text_of (result, "a3", "outcome"), ==, "Fewer incidents");
}

static void
check_parent_deleted (CspPlan  *result,
                      CspMerge *merge)
{
  g_assert_null (get (result, "t2"));
  g_assert_null (get (result, "a3"));
  g_assert_null (get (result, "a4"));
}

/* Partners and owners */

static void
own_a2_by_police (CspPlan *p)
{
  CspItem *owner = csp_item_new (CSP_KIND_OWNER);

  csp_item_set_string (owner, "partner", "police");
  csp_item_set_string (owner, "note", "Community Safety Unit");
  csp_item_append (get (p, "a2"), "owners", owner);
  g_object_unref (owner);
}

static void delete_police (CspPlan *p) { remove_child (p, "police"); }

static void
check_owner_not_dangling (CspPlan  *result,
                          CspMerge *merge)
{
  CspItem *owner = csp_item_get_child (get (result, "a2"), "owners", 0);

  g_assert_null (get (result, "police"));
  g_assert_cmpstr (csp_item_get_string (owner, "partner"), ==, "");
  g_assert_cmpstr (csp_item_get_string (owner, "name"), ==, "Kent Police");
  g_assert_cmpstr (csp_item_get_string (owner, "note"), ==, "Community Safety Unit");
}

static void
own_a1_by_police (CspPlan *p)
{
  CspItem *owner = csp_item_new (CSP_KIND_OWNER);

  csp_item_set_string (owner, "partner", "police");
  csp_item_append (get (p, "a1"), "owners", owner);
  g_object_unref (owner);
}

static void
own_a1_by_name (CspPlan *p)
{
  CspItem *owner = csp_item_new (CSP_KIND_OWNER);

  csp_item_set_string (owner, "name", "Youth Forum");
  csp_item_append (get (p, "a1"), "owners", owner);
  g_object_unref (owner);
}

static void
check_owners_one_sided (CspPlan  *result,
                        CspMerge *merge)
{
  g_autofree char *label = csp_action_dup_owners_label (get (result, "a1"));

  g_assert_cmpstr (label, ==, "TMBC; Kent Police");
}

static void
check_owners_conflict (CspPlan  *result,
                       CspMerge *merge)
{
  g_autofree char *label = csp_action_dup_owners_label (get (result, "a1"));

  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD,
                  "$.priorities[0].themes[0].actions[0].owners",
                  "TMBC; Kent Police", "TMBC; Youth Forum", CSP_MERGE_THEIRS, CSP_CONFLICT_NEWER);
  g_assert_cmpstr (label, ==, "TMBC; Youth Forum");
}

/* New objects and their order */

static void
insert_action_after_a1 (CspPlan *p)
{
  CspItem *action = csp_item_new (CSP_KIND_ACTION);

  _csp_item_set_string_raw (action, 0, "theirs-new");
  csp_item_set_string (action, "text", "Theirs' new action");
  csp_item_insert (get (p, "t1"), "actions", 1, action);
  g_object_unref (action);
}

static void
append_action (CspPlan *p)
{
  CspItem *action = csp_item_new (CSP_KIND_ACTION);

  _csp_item_set_string_raw (action, 0, "mine-new");
  csp_item_set_string (action, "text", "Mine's new action");
  csp_item_append (get (p, "t1"), "actions", action);
  g_object_unref (action);
}

static void
check_new_objects_order (CspPlan  *result,
                         CspMerge *merge)
{
  g_autofree char *actions = list_ids (result, "t1", "actions");

  g_assert_cmpstr (actions, ==, "a1 theirs-new a2 mine-new");
}

/* Theirs moved a2 into theme 2; mine edited it where it was. */
static void
move_a2 (CspPlan *p)
{
  const CspKindInfo *info = csp_kind_get_info (CSP_KIND_ACTION);
  CspItem *moved = csp_item_new (CSP_KIND_ACTION);
  CspItem *a2 = get (p, "a2");

  /* A move keeps the object as it was and leaves no tombstone. */
  _csp_item_set_string_raw (moved, info->id_field, "a2");
  _csp_item_set_string_raw (moved, csp_kind_find_field (info, "text"), csp_item_get_string (a2, "text"));
  _csp_item_set_string_raw (moved, info->modified_field, csp_item_get_modified (a2));
  g_object_unref (csp_item_take (get (p, "t1"), "actions", 1));
  csp_item_append (get (p, "t2"), "actions", moved);
  g_object_unref (moved);
}

static void edit_a2_text (CspPlan *p) { csp_item_set_string (get (p, "a2"), "text", "Action 2, reworded"); }

static void
check_moved (CspPlan  *result,
             CspMerge *merge)
{
  g_autofree char *t1 = list_ids (result, "t1", "actions");
  g_autofree char *t2 = list_ids (result, "t2", "actions");

  /* Merged once, at mine's place. */
  g_assert_cmpstr (t1, ==, "a1 a2");
  g_assert_cmpstr (t2, ==, "a3 a4");
  g_assert_cmpstr (text_of (result, "a2", "text"), ==, "Action 2, reworded");
}

/* Unknown keys */

static void
add_extra_theirs (CspPlan *p)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, "kept");
  _csp_item_add_extra (get (p, "a3"), "text", "x-theirs", node);
}

static void
check_extras (CspPlan  *result,
              CspMerge *merge)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (result);
  const char *json = g_bytes_get_data (bytes, NULL);

  g_assert_nonnull (strstr (json, "\"x-future\": 1"));
  g_assert_nonnull (strstr (json, "\"x-theirs\": \"kept\""));
}

/* Two-way: no base */

static void
check_two_way (CspPlan  *result,
               CspMerge *merge)
{
  /* Only theirs edited, but without a base that cannot be known. */
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_FIELD,
                  "$.priorities[0].themes[0].actions[0].status",
                  "on-track", "at-risk", CSP_MERGE_THEIRS, CSP_CONFLICT_NEWER);
  /* An object only theirs has is simply added. */
  g_assert_nonnull (get (result, "theirs-new"));
}

static void
edit_status_and_insert (CspPlan *p)
{
  edit_a1_status (p);
  insert_action_after_a1 (p);
}

static void
check_two_way_deletion (CspPlan  *result,
                        CspMerge *merge)
{
  check_conflict (csp_merge_get_conflict (merge, 0), CSP_CONFLICT_DELETION,
                  "$.priorities[0].themes[0].actions[1]", "edited", "deleted",
                  CSP_MERGE_MINE, CSP_CONFLICT_EDIT_KEPT);
  g_assert_nonnull (get (result, "a2"));
}

static const MergeCase cases[] = {
  { "one-sided", EARLY, edit_a1_text, LATE, edit_a1_status, FALSE, 0, check_one_sided },
  { "same-edit-both-sides", EARLY, edit_a1_text, LATE, edit_a1_text, FALSE, 0, check_same_edit },
  { "conflict-theirs-newer", EARLY, edit_a1_text, LATE, edit_a1_text_other, FALSE, 1, check_theirs_newer },
  { "conflict-mine-newer", LATE, edit_a1_text, EARLY, edit_a1_text_other, FALSE, 1, check_mine_newer },
  { "conflict-tie", LATE, edit_a1_text, LATE, edit_a1_text_other, FALSE, 1, check_tie },
  { "updates-union", EARLY, add_update_mine, LATE, add_update_theirs, FALSE, 0, check_updates_union },
  { "update-edited-both", EARLY, edit_u1_mine, LATE, edit_u1_theirs, FALSE, 1, check_update_conflict },
  { "update-deleted", EARLY, delete_u1, LATE, add_update_theirs, FALSE, 0, check_update_deleted },
  { "tombstone-untouched", EARLY, edit_nothing, LATE, delete_a2, FALSE, 0, check_deleted },
  { "tombstone-untouched-mine", EARLY, delete_a2, LATE, edit_a1_status, FALSE, 0, check_deleted },
  { "tombstone-vs-edit", EARLY, edit_a2, LATE, delete_a2, FALSE, 1, check_deletion_conflict },
  { "parent-deleted-child-edited", EARLY, edit_a3, LATE, delete_t2, FALSE, 1, check_parent_deleted_child_edited },
  { "parent-deleted-untouched", EARLY, edit_a1_text, LATE, delete_t2, FALSE, 0, check_parent_deleted },
  { "partner-deleted-owner", EARLY, own_a2_by_police, LATE, delete_police, FALSE, 0, check_owner_not_dangling },
  { "partner-deleted-owner-theirs", EARLY, delete_police, LATE, own_a2_by_police, FALSE, 0, check_owner_not_dangling },
  { "owners-one-sided", EARLY, own_a1_by_police, LATE, edit_nothing, FALSE, 0, check_owners_one_sided },
  { "owners-conflict", EARLY, own_a1_by_police, LATE, own_a1_by_name, FALSE, 1, check_owners_conflict },
  { "new-objects-order", EARLY, append_action, LATE, insert_action_after_a1, FALSE, 0, check_new_objects_order },
  { "moved-object", EARLY, edit_a2_text, LATE, move_a2, FALSE, 0, check_moved },
  { "extras-kept", EARLY, edit_nothing, LATE, add_extra_theirs, FALSE, 0, check_extras },
  { "two-way", EARLY, edit_nothing, LATE, edit_status_and_insert, TRUE, 1, check_two_way },
  { "two-way-deletion", EARLY, edit_a2, LATE, delete_a2, TRUE, 1, check_two_way_deletion },
};

static void
make_copies (const MergeCase *mc,
             CspPlan        **base,
             CspPlan        **mine,
             CspPlan        **theirs)
{
  *base = load_json (base_json);
  *mine = fork_plan (*base, "rm");
  *theirs = fork_plan (*base, "rt");

  csp_timestamp_set_fixed (mc->mine_time);
  mc->mine (*mine);
  csp_timestamp_set_fixed (mc->theirs_time);
  mc->theirs (*theirs);
  csp_timestamp_set_fixed (NULL);
}

static void
test_merge_case (gconstpointer data)
{
  const MergeCase *mc = data;
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(CspPlan) mine = NULL;
  g_autoptr(CspPlan) theirs = NULL;
  g_autoptr(CspMerge) merge = NULL;
  g_autoptr(CspPlan) result = NULL;

  make_copies (mc, &base, &mine, &theirs);

  merge = csp_merge_new (mc->two_way ? NULL : base, mine, theirs);
  result = csp_merge_get_result (merge);

  for (guint i = 0; i < csp_merge_get_n_conflicts (merge); i++)
    g_test_message ("conflict %s: %s / %s", csp_merge_get_conflict (merge, i)->path,
                    csp_merge_get_conflict (merge, i)->mine, csp_merge_get_conflict (merge, i)->theirs);
  g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, mc->n_conflicts);
  assert_valid (result);
  mc->check (result, merge);
}

/* Merging theirs again into the result changes nothing, byte for byte:
 * the base is then theirs itself, as the history would find it. */
static void
test_merge_idempotent (gconstpointer data)
{
  const MergeCase *mc = data;
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(CspPlan) mine = NULL;
  g_autoptr(CspPlan) theirs = NULL;
  g_autoptr(CspMerge) first = NULL;
  g_autoptr(CspMerge) second = NULL;
  g_autoptr(CspPlan) once = NULL;
  g_autoptr(CspPlan) twice = NULL;
  g_autoptr(GBytes) once_bytes = NULL;
  g_autoptr(GBytes) twice_bytes = NULL;

  make_copies (mc, &base, &mine, &theirs);
  first = csp_merge_new (mc->two_way ? NULL : base, mine, theirs);
  once = csp_merge_get_result (first);
  second = csp_merge_new (theirs, once, theirs);
  twice = csp_merge_get_result (second);

  once_bytes = csp_plan_to_bytes (once);
  twice_bytes = csp_plan_to_bytes (twice);
  g_assert_cmpuint (csp_merge_get_n_conflicts (second), ==, 0);
  g_assert_false (csp_merge_get_changed (second));
  g_assert_true (g_bytes_equal (once_bytes, twice_bytes));
}

static gboolean
collect_id (CspItem  *item,
            gpointer  user_data)
{
  const char *id = csp_item_get_id (item);

  if (id != NULL)
    g_ptr_array_add (user_data, g_strdup_printf ("%s %s", csp_item_get_info (item)->name, id));

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
dup_object_set (CspPlan *plan)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  csp_item_walk (CSP_ITEM (plan), collect_id, ids);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return g_strjoinv ("\n", (char **) ids->pdata);
}

/* merge(A, B) and merge(B, A) hold the same objects and updates. */
static void
test_merge_symmetric (gconstpointer data)
{
  const MergeCase *mc = data;
  g_autoptr(CspPlan) base = NULL;
  g_autoptr(CspPlan) mine = NULL;
  g_autoptr(CspPlan) theirs = NULL;
  g_autoptr(CspMerge) ab = NULL;
  g_autoptr(CspMerge) ba = NULL;
  g_autoptr(CspPlan) ab_result = NULL;
  g_autoptr(CspPlan) ba_result = NULL;
  g_autofree char *ab_set = NULL;
  g_autofree char *ba_set = NULL;

  make_copies (mc, &base, &mine, &theirs);
  ab = csp_merge_new (mc->two_way ? NULL : base, mine, theirs);
  ba = csp_merge_new (mc->two_way ? NULL : base, theirs, mine);
  ab_result = csp_merge_get_result (ab);
  ba_result = csp_merge_get_result (ba);

  ab_set = dup_object_set (ab_result);
  ba_set = dup_object_set (ba_result);
  g_assert_cmpstr (ab_set, ==, ba_set);
  g_assert_cmpuint (csp_merge_get_n_conflicts (ab), ==, csp_merge_get_n_conflicts (ba));
}

/* The result lists both inputs' revisions, so that the next merge
 * finds its base; nothing new gives the same revision. */
static void
test_merge_revisions (void)
{
  g_autoptr(CspPlan) base = load_json (base_json);
  g_autoptr(CspPlan) mine = fork_plan (base, "rm");
  g_autoptr(CspPlan) theirs = fork_plan (base, "rt");
  g_autoptr(CspMerge) merge = NULL;
  g_autoptr(CspMerge) nothing = NULL;
  g_autoptr(CspMerge) forward = NULL;
  g_autoptr(CspPlan) result = NULL;
  g_autoptr(CspPlan) same = NULL;
  g_autoptr(CspPlan) ahead = NULL;
  const char * const *ancestors;

  add_update (theirs, "a1", "Theirs' update");
  merge = csp_merge_new (base, mine, theirs);
  result = csp_merge_get_result (merge);
  ancestors = csp_item_get_strv (CSP_ITEM (result), "ancestors");
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (result), "revision"), !=, "rm");
  g_assert_cmpstr (ancestors[0], ==, "rm");
  g_assert_cmpstr (ancestors[1], ==, "rt");
  g_assert_cmpstr (ancestors[2], ==, "r0");
  g_assert_null (ancestors[3]);

  /* Merging an older copy of mine brings nothing. */
  nothing = csp_merge_new (base, mine, base);
  same = csp_merge_get_result (nothing);
  g_assert_false (csp_merge_get_changed (nothing));
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (same), "revision"), ==, "rm");

  /* Mine unchanged since the base: the result is theirs, revision and all. */
  forward = csp_merge_new (base, base, theirs);
  ahead = csp_merge_get_result (forward);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (ahead), "revision"), ==, "rt");
}

/* Three colleagues' copies merged in turn: every update arrives, and
 * the same copy merged again adds nothing. */
static void
test_merge_several (void)
{
  g_autoptr(CspPlan) base = load_json (base_json);
  g_autoptr(CspPlan) current = fork_plan (base, "rm");
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *revision = g_strdup_printf ("rt%u", i);
      g_autofree char *text = g_strdup_printf ("Update from copy %u", i);
      CspPlan *copy = fork_plan (base, revision);

      add_update (copy, i == 2 ? "a3" : "a1", text);
      csp_item_set_string (get (copy, "g1"), "definition", i == 1 ? "Anti-social behaviour (ASB)"
                                                                  : "Anti-social behaviour");
      g_ptr_array_add (copies, copy);
    }

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < copies->len; i++)
        {
          CspPlan *copy = g_ptr_array_index (copies, i);
          g_autoptr(CspMerge) merge = csp_merge_new (round == 0 ? base : copy, current, copy);

          g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, 0);
          g_clear_object (&current);
          current = csp_merge_get_result (merge);
        }
    }

  /* u1, and one from each of the first two copies. */
  g_assert_cmpuint (csp_item_get_n_children (get (current, "a1"), "updates"), ==, 3);
  g_assert_cmpuint (csp_item_get_n_children (get (current, "a3"), "updates"), ==, 1);
  g_assert_cmpstr (text_of (current, "g1", "definition"), ==, "Anti-social behaviour (ASB)");
  assert_valid (current);
}

/* The built-in sample against an edited copy of itself, two-way: only
 * what was edited differs. */
static void
test_merge_sample_two_way (void)
{
  g_autoptr(CspPlan) mine = csp_sample_load ();
  g_autoptr(CspPlan) theirs = csp_sample_load ();
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (theirs, FALSE);
  g_autoptr(CspMerge) merge = NULL;
  g_autoptr(CspPlan) result = NULL;
  CspItem *action = g_ptr_array_index (actions, 4);

  csp_timestamp_set_fixed ("2030-01-01T00:00:00Z");
  csp_item_set_string (action, "status", "complete");
  csp_timestamp_set_fixed (NULL);

  merge = csp_merge_new (NULL, mine, theirs);
  result = csp_merge_get_result (merge);

  g_assert_cmpuint (csp_merge_get_n_conflicts (merge), ==, 1);
  g_assert_cmpstr (csp_merge_get_conflict (merge, 0)->theirs, ==, "complete");
  g_assert_cmpstr (text_of (result, csp_item_get_id (action), "status"), ==, "complete");
  assert_valid (result);
}

/* A tombstone whose object is alive, or one listed twice, stays as it
 * came (found by fuzzing): merging a plan with itself changes nothing. */
static void
test_merge_self_keeps_tombstones (void)
{
  g_autoptr(CspPlan) plan = load_json ("{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\","
                                       " \"glossary\": [{\"id\": \"a\", \"term\": \"x\"}],"
                                       " \"deleted\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"b\"}]}");
  g_autoptr(CspMerge) merge = csp_merge_new (NULL, plan, plan);
  g_autoptr(CspPlan) result = csp_merge_get_result (merge);
  g_autofree char *tombstones = list_ids (result, NULL, "deleted");

  g_assert_cmpstr (tombstones, ==, "a b b");
  g_assert_false (csp_merge_get_changed (merge));
}

/* Two documents that were never copies of each other: the result is
 * mine's document, and the ids are not a conflict. */
static void
test_merge_different_documents (void)
{
  g_autoptr(CspPlan) mine = load_json (base_json);
  g_autoptr(CspPlan) theirs = csp_sample_load ();
  g_autoptr(CspMerge) merge = csp_merge_new (NULL, mine, theirs);
  g_autoptr(CspPlan) result = csp_merge_get_result (merge);

  g_assert_cmpstr (csp_item_get_id (CSP_ITEM (result)), ==, "doc");
  for (guint i = 0; i < csp_merge_get_n_conflicts (merge); i++)
    g_assert_cmpstr (csp_merge_get_conflict (merge, i)->path, !=, "$.id");
  g_assert_nonnull (get (result, "a1"));
  g_assert_cmpuint (csp_item_get_n_children (CSP_ITEM (result), "partners"), ==,
                    2 + csp_item_get_n_children (CSP_ITEM (theirs), "partners"));
  assert_valid (result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rule = g_strdup_printf ("/merge/rule/%s", cases[i].name);
      g_autofree char *idempotent = g_strdup_printf ("/merge/idempotent/%s", cases[i].name);
      g_autofree char *symmetric = g_strdup_printf ("/merge/symmetric/%s", cases[i].name);

      g_test_add_data_func (rule, &cases[i], test_merge_case);
      g_test_add_data_func (idempotent, &cases[i], test_merge_idempotent);
      g_test_add_data_func (symmetric, &cases[i], test_merge_symmetric);
    }
  g_test_add_func ("/merge/revisions", test_merge_revisions);
  g_test_add_func ("/merge/several-copies", test_merge_several);
  g_test_add_func ("/merge/sample-two-way", test_merge_sample_two_way);
  g_test_add_func ("/merge/different-documents", test_merge_different_documents);
  g_test_add_func ("/merge/self-keeps-tombstones", test_merge_self_keeps_tombstones);

  return g_test_run ();
}
