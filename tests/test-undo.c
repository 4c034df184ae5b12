/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-undo"

#include "config.h"

#include <glib/gstdio.h>

#include "csp-document.h"
#include "csp-format.h"
#include "csp-undo.h"

/* Every edit is checked the same way on the built-in sample: apply it,
 * undo it (the file's bytes equal those before, "modified" stamps and
 * tombstones included), redo it (the bytes equal those after), twice. */

#define SAMPLE_TIME "2018-04-01T00:00:00Z"
#define EDIT_TIME   "2024-05-06T07:08:09Z"
#define REDO_TIME   "2025-01-02T03:04:05Z"

typedef struct
{
  CspPlan      *plan;
  CspUndoStack *stack;
  char         *before;
} Fixture;

static char *
plan_json (CspPlan *plan)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* "priorities/1/themes/0/actions/2": keys of objects and lists, each
 * list key followed by a position; "" is the plan. */
static CspItem *
find_item (CspPlan    *plan,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  CspItem *item = CSP_ITEM (plan);

  for (guint i = 0; parts[i] != NULL && *parts[i] != '\0'; i++)
    {
      const CspKindInfo *info = csp_item_get_info (item);
      int field = csp_kind_find_field (info, parts[i]);

      g_assert_cmpint (field, >=, 0);
      if (info->fields[field].type == CSP_FIELD_OBJECT)
        item = csp_item_get_object (item, parts[i]);
      else
        {
          g_assert_nonnull (parts[i + 1]);
          item = csp_item_get_child (item, parts[i], g_ascii_strtoull (parts[i + 1], NULL, 10));
          i++;
        }
      g_assert_nonnull (item);
    }

  return item;
}

static void
assert_loads (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

/* The state the next edit starts from, with an empty history. */
static void
fixture_rebase (Fixture *f)
{
  g_free (f->before);
  f->before = plan_json (f->plan);
  csp_undo_stack_clear (f->stack);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CspItem) person = csp_item_new (CSP_KIND_PERSON);

  csp_timestamp_set_fixed (SAMPLE_TIME);
  f->plan = csp_sample_load ();
  f->stack = csp_undo_stack_new ();

  /* The sample lists no partner's contacts: give one a person. */
  csp_item_set_string (person, "name", "Jane Smith");
  csp_item_set_string (person, "role", "Community Safety Officer");
  csp_item_append (find_item (f->plan, "partners/0"), "contacts", person);

  csp_timestamp_set_fixed (EDIT_TIME);
  fixture_rebase (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->stack);
  g_clear_object (&f->plan);
  g_clear_pointer (&f->before, g_free);
  csp_timestamp_set_fixed (NULL);
}

/* The edit just made is one step: undo and redo it, twice. */
static void
check_undo_redo (Fixture *f)
{
  g_autofree char *after = plan_json (f->plan);

  g_assert_cmpstr (after, !=, f->before);
  assert_loads (after);
  g_assert_true (csp_undo_stack_get_can_undo (f->stack));
  g_assert_false (csp_undo_stack_get_can_redo (f->stack));

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      g_assert_true (csp_undo_stack_undo (f->stack));
      undone = plan_json (f->plan);
      g_assert_cmpstr (undone, ==, f->before);
      g_assert_false (csp_undo_stack_get_can_undo (f->stack));
      g_assert_true (csp_undo_stack_get_can_redo (f->stack));

      g_assert_true (csp_undo_stack_redo (f->stack));
      redone = plan_json (f->plan);
      g_assert_cmpstr (redone, ==, after);
    }
}

#define ADD_TEST(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

/* Setting fields */

typedef struct
{
  const char *name;
  const char *path;
  const char *key;
  const char *value;
} SetCase;

static const SetCase set_cases[] = {
  { "plan-title", "", "title", "Partnership Plan 2019 - 2020" },
  { "plan-partnership", "", "partnership", "West Kent Community Safety Partnership" },
  { "period", "period", "start", "2019-04-01" },
  { "contact", "contact", "email", "safer@example.org" },
  { "section", "sections/1", "body", "Anti-social behaviour remains the first concern." },
  { "review", "review", "summary", "Most actions were completed." },
  { "review-period", "review/period", "end", "2018-04-30" },
  { "initiative", "review/initiatives/2", "title", "Safer Towns" },
  { "priority", "priorities/2", "title", "Road safety" },
  { "priority-scope", "priorities/2", "scope", "Speeding and parking" },
  { "theme", "priorities/0/themes/1", "title", "County lines" },
  { "action-text", "priorities/1/themes/0/actions/3", "text", "Run a Safer Streets week" },
  { "action-status", "priorities/1/themes/0/actions/3", "status", "at-risk" },
  { "action-due", "priorities/1/themes/0/actions/3", "due", "2019-01-31" },
  { "action-outcome", "priorities/1/themes/0/actions/3", "outcome", "Fewer repeat callers" },
  { "owner", "priorities/0/themes/0/actions/0/owners/0", "note", "including Youth Forum" },
  { "review-action", "review/priorities/2/themes/0/actions/1", "text", "Mediation" },
  { "update-text", "review/priorities/0/themes/0/actions/0/updates/0", "text", "Twelve referrals." },
  { "update-author", "review/priorities/0/themes/0/actions/0/updates/0", "author", "A. Officer" },
  { "partner", "partners/3", "name", "NHS West Kent" },
  { "partner-short-name", "partners/3", "short_name", "NHS WK" },
  { "partner-website", "partners/3", "website", "https://www.example.nhs.uk" },
  { "person", "partners/0/contacts/0", "role", "Community Safety Manager" },
  { "term", "glossary/4", "definition", "A new definition" },
};

static void
test_set_string (Fixture       *f,
                 gconstpointer  data)
{
  const SetCase *c = data;
  CspItem *item = find_item (f->plan, c->path);
  CspItem *stamped = csp_item_get_stamped (item);
  g_autofree char *old_value = g_strdup (csp_item_get_string (item, c->key));
  g_autofree char *old_stamp = g_strdup (csp_item_get_modified (stamped));

  g_assert_cmpstr (old_value, !=, c->value);
  g_assert_cmpstr (old_stamp, !=, EDIT_TIME);

  csp_edit_set_string (f->stack, item, c->key, c->value, 0);
  g_assert_cmpstr (csp_item_get_string (item, c->key), ==, c->value);
  g_assert_cmpstr (csp_item_get_modified (stamped), ==, EDIT_TIME);

  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_cmpstr (csp_item_get_string (item, c->key), ==, old_value);
  g_assert_cmpstr (csp_item_get_modified (stamped), ==, old_stamp);
}

static void
test_set_boolean (Fixture       *f,
                  gconstpointer  data)
{
  CspItem *partner = find_item (f->plan, "partners/2");

  g_assert_true (csp_item_get_boolean (partner, "member"));
  csp_edit_set_boolean (f->stack, partner, "member", FALSE);
  g_assert_false (csp_item_get_boolean (partner, "member"));
  check_undo_redo (f);
}

static void
test_set_strv (Fixture       *f,
               gconstpointer  data)
{
  const char * const social[] = { "Mastodon: @tmcsp@example.social", NULL };
  CspItem *contact = find_item (f->plan, "contact");

  csp_edit_set_strv (f->stack, contact, "social", social);
  g_assert_cmpstrv (csp_item_get_strv (contact, "social"), social);
  check_undo_redo (f);
}

static void
test_set_same_value (Fixture       *f,
                     gconstpointer  data)
{
  CspItem *plan = CSP_ITEM (f->plan);
  g_autoptr(CspCommand) command = NULL;
  g_autofree char *json = NULL;

  command = csp_command_new_set_string (plan, "title", csp_item_get_string (plan, "title"));
  g_assert_false (csp_undo_stack_push (f->stack, command));
  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
  json = plan_json (f->plan);
  g_assert_cmpstr (json, ==, f->before);
}

/* Inserting */

typedef struct
{
  const char *name;
  const char *path;
  const char *key;
  guint       position;
  CspKind     kind;
  const char *field; /* a required field to fill in */
  const char *value;
} InsertCase;

static const InsertCase insert_cases[] = {
  { "section", "", "sections", 2, CSP_KIND_SECTION, "title", "Hate crime" },
  { "initiative", "review", "initiatives", 0, CSP_KIND_SECTION, "title", "Street Pastors" },
  { "priority", "", "priorities", 4, CSP_KIND_PRIORITY, "title", "Road safety" },
  { "review-priority", "review", "priorities", 1, CSP_KIND_PRIORITY, "title", "Road safety" },
  { "theme", "priorities/1", "themes", 2, CSP_KIND_THEME, "title", "Rural crime" },
  { "action", "priorities/1/themes/0", "actions", 1, CSP_KIND_ACTION, "text", "Hold a youth summit" },
  { "action-first", "priorities/0/themes/0", "actions", 0, CSP_KIND_ACTION, "text", "Map OCG activity" },
  { "review-action", "review/priorities/3/themes/0", "actions", 6, CSP_KIND_ACTION, "text", "Late entry" },
  { "owner", "priorities/0/themes/0/actions/0", "owners", 1, CSP_KIND_OWNER, "name", "Reform, Restore, Respect" },
  { "partner", "", "partners", 0, CSP_KIND_PARTNER, "name", "Neighbourhood Watch" },
  { "person", "partners/1", "contacts", 0, CSP_KIND_PERSON, "name", "John Doe" },
  { "term", "", "glossary", 5, CSP_KIND_TERM, "term", "PCSO" },
};

static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  const InsertCase *c = data;
  const char *key = c->key;
  CspItem *parent = find_item (f->plan, c->path);
  g_autoptr(CspItem) child = csp_item_new (c->kind);
  guint n = csp_item_get_n_children (parent, key);
  guint position;

  csp_item_set_string (child, c->field, c->value);
  csp_edit_insert (f->stack, parent, key, c->position, child);

  g_assert_cmpuint (csp_item_get_n_children (parent, key), ==, n + 1);
  g_assert_true (csp_item_get_child (parent, key, c->position) == child);
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_null (csp_item_get_parent (child));
  g_assert_false (csp_item_find (parent, key, child, &position));
  g_assert_true (csp_undo_stack_get_last_item (f->stack) == parent);
}

/* Removing */

static const char * const remove_cases[] = {
  "sections/0",
  "review/initiatives/6",
  "priorities/1",
  "review/priorities/5",
  "priorities/0/themes/2",
  "priorities/1/themes/1/actions/2",
  "review/priorities/0/themes/0/actions/10",
  "priorities/1/themes/0/actions/0/owners/0",
  "partners/0/contacts/0",
  "glossary/17",
};

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  const char *path = data;
  g_autoptr(CspItem) child = g_object_ref (find_item (f->plan, path));
  CspItem *parent = csp_item_get_parent (child);
  const char *key = csp_item_get_parent_key (child);
  const char *id = csp_item_get_id (child);
  CspItem *plan = CSP_ITEM (f->plan);
  guint n_deleted = csp_item_get_n_children (plan, "deleted");
  guint position;

  g_assert_true (csp_item_find (parent, key, child, &position));
  csp_edit_remove (f->stack, child);

  g_assert_null (csp_item_get_parent (child));
  /* Objects with an id leave a tombstone; owners have none. */
  g_assert_cmpuint (csp_item_get_n_children (plan, "deleted"), ==, n_deleted + (id != NULL));
  if (id != NULL)
    g_assert_null (csp_plan_lookup (f->plan, id));
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_true (csp_item_get_child (parent, key, position) == child);
  g_assert_cmpuint (csp_item_get_n_children (plan, "deleted"), ==, n_deleted);
  g_assert_true (csp_undo_stack_get_last_item (f->stack) == child);
  if (id != NULL)
    g_assert_true (csp_plan_lookup (f->plan, id) == child);
}

/* Moving */

typedef struct
{
  const char *name;
  const char *path;
  const char *to;
  const char *key;
  guint       position;
} MoveCase;

static const MoveCase move_cases[] = {
  { "action-down", "priorities/1/themes/0/actions/0", "priorities/1/themes/0", "actions", 2 },
  { "action-to-end", "priorities/1/themes/0/actions/1", "priorities/1/themes/0", "actions", G_MAXUINT },
  { "action-to-theme", "priorities/1/themes/0/actions/3", "priorities/1/themes/2", "actions", 0 },
  { "action-to-priority", "priorities/0/themes/0/actions/1", "priorities/3/themes/0", "actions", 5 },
  { "theme-up", "priorities/0/themes/3", "priorities/0", "themes", 1 },
  { "theme-to-priority", "priorities/0/themes/4", "priorities/2", "themes", 0 },
  { "priority", "priorities/3", "", "priorities", 0 },
  { "review-action", "review/priorities/0/themes/0/actions/4", "review/priorities/1/themes/0", "actions", 2 },
  { "review-priority", "review/priorities/0", "review", "priorities", 5 },
  { "priority-into-review", "priorities/2", "review", "priorities", 6 },
  { "partner", "partners/5", "", "partners", 0 },
  { "term", "glossary/0", "", "glossary", 17 },
};

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  const MoveCase *c = data;
  CspItem *child = find_item (f->plan, c->path);
  CspItem *from = csp_item_get_parent (child);
  CspItem *to = find_item (f->plan, c->to);
  CspItem *plan = CSP_ITEM (f->plan);
  guint n_deleted = csp_item_get_n_children (plan, "deleted");
  guint position;

  csp_edit_move (f->stack, child, to, c->key, c->position);

  g_assert_true (csp_item_get_parent (child) == to);
  g_assert_true (csp_item_find (to, c->key, child, &position));
  g_assert_cmpuint (position, ==, MIN (c->position, csp_item_get_n_children (to, c->key) - 1));
  /* A move is no deletion. */
  g_assert_cmpuint (csp_item_get_n_children (plan, "deleted"), ==, n_deleted);
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_true (csp_item_get_parent (child) == from);
}

static void
test_move_nowhere (Fixture       *f,
                   gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/0/actions/2");

  csp_edit_move (f->stack, action, csp_item_get_parent (action), "actions", 2);
  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
}

/* Progress updates and the action's status */

static CspItem *
new_update (const char *date,
            const char *status)
{
  CspItem *update = csp_item_new (CSP_KIND_UPDATE);

  csp_item_set_string (update, "date", date);
  csp_item_set_string (update, "author", "A. Officer");
  csp_item_set_string (update, "status", status);
  csp_item_set_string (update, "text", "Progress this quarter.");

  return update;
}

static void
test_update_add_follows (Fixture       *f,
                         gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/1/actions/0");
  g_autoptr(CspItem) update = new_update ("2018-07-15", "at-risk");

  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "not-started");
  g_assert_true (csp_action_follows_updates (action));

  csp_edit_add_update (f->stack, action, update);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "at-risk");
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Add update");
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "not-started");
  g_assert_true (csp_undo_stack_get_last_item (f->stack) == action);
}

static void
test_update_add_by_hand (Fixture       *f,
                         gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/1/actions/0");
  g_autoptr(CspItem) first = new_update ("2018-07-15", "on-track");
  g_autoptr(CspItem) second = new_update ("2018-10-15", "complete");

  csp_edit_add_update (f->stack, action, first);
  csp_edit_set_string (f->stack, action, "status", "off-track", 0);
  g_assert_false (csp_action_follows_updates (action));
  fixture_rebase (f);

  /* Set by hand since the last update: the new one leaves it alone. */
  csp_edit_add_update (f->stack, action, second);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "off-track");
  g_assert_cmpuint (csp_item_get_n_children (action, "updates"), ==, 2);
  check_undo_redo (f);
}

static void
test_update_add_without_status (Fixture       *f,
                                gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "review/priorities/3/themes/0/actions/0");
  g_autoptr(CspItem) update = new_update ("2018-04-20", "");
  g_autofree char *status = g_strdup (csp_item_get_string (action, "status"));

  g_assert_true (csp_action_follows_updates (action));
  csp_edit_add_update (f->stack, action, update);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, status);
  check_undo_redo (f);
}

static void
test_update_add_older (Fixture       *f,
                       gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/1/actions/0");
  g_autoptr(CspItem) newer = new_update ("2018-10-15", "on-track");
  g_autoptr(CspItem) older = new_update ("2018-07-15", "off-track");

  csp_edit_add_update (f->stack, action, newer);
  fixture_rebase (f);

  /* A late entry for an earlier date does not overrule the newest. */
  csp_edit_add_update (f->stack, action, older);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "on-track");
  check_undo_redo (f);
}

static void
test_update_edit_status (Fixture       *f,
                         gconstpointer  data)
{
  CspItem *update = find_item (f->plan, "review/priorities/1/themes/0/actions/0/updates/0");
  CspItem *action = csp_item_get_parent (update);

  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "on-track");
  g_assert_true (csp_action_follows_updates (action));

  csp_edit_set_string (f->stack, update, "status", "off-track", 0);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "off-track");
  check_undo_redo (f);
}

static void
test_update_edit_date (Fixture       *f,
                       gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/1/actions/0");
  g_autoptr(CspItem) first = new_update ("2018-07-15", "on-track");
  g_autoptr(CspItem) second = new_update ("2018-10-15", "at-risk");

  csp_edit_add_update (f->stack, action, first);
  csp_edit_add_update (f->stack, action, second);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "at-risk");
  fixture_rebase (f);

  /* Dating the first later makes it the newest. */
  csp_edit_set_string (f->stack, first, "date", "2018-12-01", 0);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "on-track");
  check_undo_redo (f);
}

static void
test_update_remove (Fixture       *f,
                    gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/1/actions/0");
  g_autoptr(CspItem) first = new_update ("2018-07-15", "on-track");
  g_autoptr(CspItem) second = new_update ("2018-10-15", "at-risk");

  csp_edit_add_update (f->stack, action, first);
  csp_edit_add_update (f->stack, action, second);
  fixture_rebase (f);

  csp_edit_remove (f->stack, second);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "on-track");
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Delete update");
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "at-risk");
  g_assert_true (csp_item_get_child (action, "updates", 1) == second);
}

static void
test_update_edit_text (Fixture       *f,
                       gconstpointer  data)
{
  CspItem *update = find_item (f->plan, "review/priorities/0/themes/0/actions/0/updates/0");
  CspItem *action = csp_item_get_parent (update);

  csp_edit_set_string (f->stack, action, "status", "complete", 0);
  fixture_rebase (f);

  csp_edit_set_string (f->stack, update, "text", "Rewritten", 0);
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "complete");
  check_undo_redo (f);
}

/* Deleting a partner */

static void
test_partner_delete_to_name (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CspItem) partner = g_object_ref (find_item (f->plan, "partners/1"));
  g_autofree char *id = g_strdup (csp_item_get_id (partner));
  g_autofree char *name = g_strdup (csp_item_get_string (partner, "name"));
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (f->plan, FALSE);
  CspItem *owner = find_item (f->plan, "priorities/0/themes/3/actions/0/owners/0");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (csp_item_get_string (owner, "partner"), ==, id);
  g_assert_cmpuint (csp_partner_count_owners (partner), >, 1);

  g_assert_true (csp_edit_delete_partner (f->stack, partner, CSP_PARTNER_OWNERS_TO_NAME, &error));
  g_assert_no_error (error);
  g_assert_null (csp_plan_lookup (f->plan, id));
  g_assert_cmpstr (csp_item_get_string (owner, "partner"), ==, "");
  g_assert_cmpstr (csp_item_get_string (owner, "name"), ==, name);
  for (guint i = 0; i < actions->len; i++)
    g_assert_false (csp_action_is_led_by (g_ptr_array_index (actions, i), id));
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Delete partner");
  check_undo_redo (f);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_true (csp_plan_lookup (f->plan, id) == partner);
  g_assert_cmpstr (csp_item_get_string (owner, "partner"), ==, id);
  g_assert_true (csp_undo_stack_get_last_item (f->stack) == partner);
}

static void
test_partner_delete_refused (Fixture       *f,
                             gconstpointer  data)
{
  CspItem *partner = find_item (f->plan, "partners/0");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_false (csp_edit_delete_partner (f->stack, partner, CSP_PARTNER_OWNERS_REFUSE, &error));
  g_assert_error (error, CSP_EDIT_ERROR, CSP_EDIT_ERROR_PARTNER_IN_USE);
  g_assert_true (csp_item_get_parent (partner) == CSP_ITEM (f->plan));
  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
  json = plan_json (f->plan);
  g_assert_cmpstr (json, ==, f->before);
}

static void
test_partner_delete_unused (Fixture       *f,
                            gconstpointer  data)
{
  CspItem *plan = CSP_ITEM (f->plan);
  CspItem *partner = NULL;

  for (guint i = 0; partner == NULL; i++)
    {
      CspItem *candidate = csp_item_get_child (plan, "partners", i);

      g_assert_nonnull (candidate);
      if (csp_partner_count_owners (candidate) == 0)
        partner = candidate;
    }

  g_assert_true (csp_edit_delete_partner (f->stack, partner, CSP_PARTNER_OWNERS_REFUSE, NULL));
  g_assert_null (csp_item_get_parent (partner));
  check_undo_redo (f);
}

/* Groups */

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  CspItem *plan = CSP_ITEM (f->plan);
  CspItem *action = find_item (f->plan, "priorities/0/themes/0/actions/0");
  g_autoptr(CspItem) theme = csp_item_new (CSP_KIND_THEME);

  csp_undo_stack_begin_group (f->stack, "Reorganise");
  csp_edit_set_string (f->stack, plan, "title", "Partnership Plan 2019 - 2020", 0);
  csp_edit_insert (f->stack, find_item (f->plan, "priorities/0"), "themes", 0, theme);
  csp_undo_stack_begin_group (f->stack, NULL);
  csp_edit_move (f->stack, action, theme, "actions", 0);
  csp_edit_remove (f->stack, find_item (f->plan, "glossary/3"));
  csp_undo_stack_end_group (f->stack);
  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
  csp_undo_stack_end_group (f->stack);

  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Reorganise");
  check_undo_redo (f);
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Reorganise");
}

static void
test_group_empty (Fixture       *f,
                  gconstpointer  data)
{
  csp_undo_stack_begin_group (f->stack, "Nothing");
  csp_edit_set_string (f->stack, CSP_ITEM (f->plan), "area", csp_item_get_string (CSP_ITEM (f->plan), "area"), 0);
  csp_undo_stack_end_group (f->stack);

  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
}

/* Typing in one field is one step */

static void
type_text (Fixture    *f,
           CspItem    *item,
           const char *text,
           guint       merge_id)
{
  for (gsize i = 1; i <= strlen (text); i++)
    {
      g_autofree char *prefix = g_strndup (text, i);

      csp_edit_set_string (f->stack, item, "text", prefix, merge_id);
    }
}

static guint
count_steps (Fixture *f)
{
  guint n = 0;

  while (csp_undo_stack_undo (f->stack))
    n++;
  for (guint i = 0; i < n; i++)
    g_assert_true (csp_undo_stack_redo (f->stack));

  return n;
}

static void
test_merge_by_id (Fixture       *f,
                  gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/2/themes/0/actions/0");

  /* No merging by time here: only the merge id joins the edits. */
  csp_undo_stack_set_merge_interval (f->stack, 0);
  type_text (f, action, "Patrol hotspots", 7);
  g_assert_cmpstr (csp_item_get_string (action, "text"), ==, "Patrol hotspots");
  check_undo_redo (f);
}

static void
test_merge_by_time (Fixture       *f,
                    gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/2/themes/0/actions/0");

  csp_undo_stack_set_merge_interval (f->stack, G_USEC_PER_SEC * 60);
  type_text (f, action, "Patrol", 0);
  check_undo_redo (f);
}

static void
test_merge_not (Fixture       *f,
                gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/2/themes/0/actions/0");
  CspItem *other = find_item (f->plan, "priorities/2/themes/0/actions/1");

  /* A pause (interval 0) ends a burst... */
  csp_undo_stack_set_merge_interval (f->stack, 0);
  type_text (f, action, "abc", 0);
  g_assert_cmpuint (count_steps (f), ==, 3);
  fixture_rebase (f);
  csp_undo_stack_set_merge_interval (f->stack, G_USEC_PER_SEC * 60);

  /* ... so do leaving the field, another merge id, another field or
   * another object, and an undo. */
  type_text (f, action, "de", 1);
  csp_undo_stack_break_merge (f->stack);
  type_text (f, action, "fg", 1);
  type_text (f, action, "hi", 2);
  csp_edit_set_string (f->stack, action, "outcome", "x", 2);
  type_text (f, other, "jk", 2);
  g_assert_true (csp_undo_stack_undo (f->stack));
  type_text (f, other, "lm", 2);
  g_assert_cmpuint (count_steps (f), ==, 5);
}

/* Redo stamps the time of the redo */

static char *
strip_modified (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"modified\" ?: \"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, json, -1, 0, "\"modified\": \"\"", 0, NULL);
}

static void
test_redo_stamps (Fixture       *f,
                  gconstpointer  data)
{
  CspItem *action = find_item (f->plan, "priorities/1/themes/0/actions/3");
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *after_stripped = NULL;
  g_autofree char *redone_stripped = NULL;

  csp_edit_remove (f->stack, find_item (f->plan, "glossary/2"));
  csp_edit_set_string (f->stack, action, "due", "2019-02-28", 0);
  after = plan_json (f->plan);

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_true (csp_undo_stack_undo (f->stack));
  csp_timestamp_set_fixed (REDO_TIME);
  g_assert_true (csp_undo_stack_redo (f->stack));
  g_assert_true (csp_undo_stack_redo (f->stack));
  redone = plan_json (f->plan);

  g_assert_cmpstr (csp_item_get_modified (action), ==, REDO_TIME);
  g_assert_cmpstr (redone, !=, after);
  after_stripped = strip_modified (after);
  redone_stripped = strip_modified (redone);
  g_assert_cmpstr (redone_stripped, ==, after_stripped);
}

/* The stack's state, for the UI */

typedef struct
{
  guint    notified;
  CspItem *item;
} Watch;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Watch      *watch)
{
  watch->notified++;
}

static void
on_changed_item (CspUndoStack *stack,
                 CspItem      *item,
                 Watch        *watch)
{
  watch->item = item;
}

static void
test_state (Fixture       *f,
            gconstpointer  data)
{
  CspItem *theme = find_item (f->plan, "priorities/1/themes/0");
  CspItem *action = find_item (f->plan, "priorities/1/themes/0/actions/1");
  Watch can_undo = { 0 }, redo_label = { 0 }, changed = { 0 };

  g_signal_connect (f->stack, "notify::can-undo", G_CALLBACK (on_notify), &can_undo);
  g_signal_connect (f->stack, "notify::redo-label", G_CALLBACK (on_notify), &redo_label);
  g_signal_connect (f->stack, "changed-item", G_CALLBACK (on_changed_item), &changed);

  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo");
  g_assert_cmpstr (csp_undo_stack_get_redo_label (f->stack), ==, "Redo");
  g_assert_false (csp_undo_stack_undo (f->stack));
  g_assert_false (csp_undo_stack_redo (f->stack));

  csp_edit_remove (f->stack, action);
  g_assert_cmpuint (can_undo.notified, ==, 1);
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Delete action");

  g_assert_true (csp_undo_stack_undo (f->stack));
  g_assert_cmpuint (can_undo.notified, ==, 2);
  g_assert_cmpuint (redo_label.notified, ==, 1);
  g_assert_cmpstr (csp_undo_stack_get_redo_label (f->stack), ==, "Redo Delete action");
  g_assert_true (changed.item == action);

  g_assert_true (csp_undo_stack_redo (f->stack));
  g_assert_true (changed.item == theme);
  g_assert_true (csp_undo_stack_undo (f->stack));

  /* A new edit forgets what could be redone. */
  csp_edit_set_string (f->stack, action, "due", "2019-03-31", 0);
  g_assert_false (csp_undo_stack_get_can_redo (f->stack));
  g_assert_cmpstr (csp_undo_stack_get_undo_label (f->stack), ==, "Undo Edit action");

  csp_undo_stack_clear (f->stack);
  g_assert_false (csp_undo_stack_get_can_undo (f->stack));
  g_assert_null (csp_undo_stack_get_last_item (f->stack));
}

/* Each document has its own history, which loading does not start */

static void
test_document (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_new (f->plan, NULL);
  g_autoptr(CspDocument) other = csp_document_new (f->plan, NULL);
  g_autoptr(CspDocument) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  CspUndoStack *stack = csp_document_get_undo_stack (document);

  g_assert_true (CSP_IS_UNDO_STACK (stack));
  g_assert_true (stack != csp_document_get_undo_stack (other));
  g_assert_false (csp_undo_stack_get_can_undo (stack));

  csp_edit_set_string (stack, CSP_ITEM (f->plan), "area", "Kent", 0);
  g_assert_true (csp_document_get_modified (document));
  g_assert_true (csp_undo_stack_get_can_undo (stack));
  g_assert_false (csp_undo_stack_get_can_undo (csp_document_get_undo_stack (other)));

  file = g_file_new_tmp ("test-undo-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (csp_document_save (document, file, TRUE, NULL, &error));
  g_assert_no_error (error);

  loaded = csp_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (csp_undo_stack_get_can_undo (csp_document_get_undo_stack (loaded)));
  g_assert_false (csp_document_get_modified (loaded));

  g_file_delete (file, NULL, NULL);
  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_remove (backup);
}

/* Undoing back to the last save leaves the document unmodified. */
static void
test_document_clean (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CspDocument) document = csp_document_new (f->plan, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  CspUndoStack *stack = csp_document_get_undo_stack (document);
  CspItem *plan = CSP_ITEM (f->plan);

  g_assert_true (csp_undo_stack_get_clean (stack));
  csp_edit_set_string (stack, plan, "area", "Kent", 1);
  g_assert_false (csp_undo_stack_get_clean (stack));
  g_assert_true (csp_document_get_modified (document));
  g_assert_true (csp_undo_stack_undo (stack));
  g_assert_false (csp_document_get_modified (document));
  g_assert_true (csp_undo_stack_redo (stack));
  g_assert_true (csp_document_get_modified (document));
  csp_edit_set_string (stack, plan, "area", "Kent, UK", 1);

  file = g_file_new_tmp ("test-undo-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (csp_document_save (document, file, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (csp_document_get_modified (document));
  g_assert_true (csp_undo_stack_get_clean (stack));

  /* Typing on after the save is a step of its own. */
  csp_edit_set_string (stack, plan, "area", "Kent and Medway", 1);
  g_assert_true (csp_document_get_modified (document));
  g_assert_true (csp_undo_stack_undo (stack));
  g_assert_false (csp_document_get_modified (document));
  g_assert_cmpstr (csp_item_get_string (plan, "area"), ==, "Kent, UK");

  /* Before the save is not what was saved. */
  g_assert_true (csp_undo_stack_undo (stack));
  g_assert_true (csp_document_get_modified (document));
  g_assert_false (csp_undo_stack_get_clean (stack));

  /* An edit here drops the redo steps, the saved state among them. */
  csp_edit_set_string (stack, plan, "area", "Medway", 0);
  g_assert_false (csp_undo_stack_get_clean (stack));
  while (csp_undo_stack_undo (stack))
    g_assert_false (csp_undo_stack_get_clean (stack));

  g_file_delete (file, NULL, NULL);
  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_remove (backup);
}

/* Each case of a table starts with its name. */
static void
add_table_tests (const char *prefix,
                 gconstpointer table,
                 gsize       size,
                 guint       n,
                 void      (*func) (Fixture *, gconstpointer))
{
  for (guint i = 0; i < n; i++)
    {
      const char *name = *(const char * const *) ((const char *) table + i * size);
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, name);

      ADD_TEST (path, func, (const char *) table + i * size);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_table_tests ("/undo/set", set_cases, sizeof set_cases[0], G_N_ELEMENTS (set_cases), test_set_string);
  ADD_TEST ("/undo/set/partner-member", test_set_boolean, NULL);
  ADD_TEST ("/undo/set/contact-social", test_set_strv, NULL);
  ADD_TEST ("/undo/set/same-value", test_set_same_value, NULL);
  add_table_tests ("/undo/insert", insert_cases, sizeof insert_cases[0], G_N_ELEMENTS (insert_cases), test_insert);
  for (guint i = 0; i < G_N_ELEMENTS (remove_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/undo/remove/%s", remove_cases[i]);

      ADD_TEST (path, test_remove, remove_cases[i]);
    }
  add_table_tests ("/undo/move", move_cases, sizeof move_cases[0], G_N_ELEMENTS (move_cases), test_move);
  ADD_TEST ("/undo/move/nowhere", test_move_nowhere, NULL);
  ADD_TEST ("/undo/update/add-follows", test_update_add_follows, NULL);
  ADD_TEST ("/undo/update/add-set-by-hand", test_update_add_by_hand, NULL);
  ADD_TEST ("/undo/update/add-without-status", test_update_add_without_status, NULL);
  ADD_TEST ("/undo/update/add-older", test_update_add_older, NULL);
  ADD_TEST ("/undo/update/edit-status", test_update_edit_status, NULL);
  ADD_TEST ("/undo/update/edit-date", test_update_edit_date, NULL);
  ADD_TEST ("/undo/update/edit-text", test_update_edit_text, NULL);
  ADD_TEST ("/undo/update/remove", test_update_remove, NULL);
  ADD_TEST ("/undo/partner/delete-owners-to-name", test_partner_delete_to_name, NULL);
  ADD_TEST ("/undo/partner/delete-refused", test_partner_delete_refused, NULL);
  ADD_TEST ("/undo/partner/delete-unused", test_partner_delete_unused, NULL);
  ADD_TEST ("/undo/group/nested", test_group, NULL);
  ADD_TEST ("/undo/group/empty", test_group_empty, NULL);
  ADD_TEST ("/undo/merge/by-id", test_merge_by_id, NULL);
  ADD_TEST ("/undo/merge/by-time", test_merge_by_time, NULL);
  ADD_TEST ("/undo/merge/not", test_merge_not, NULL);
  ADD_TEST ("/undo/redo/stamps", test_redo_stamps, NULL);
  ADD_TEST ("/undo/stack/state", test_state, NULL);
  ADD_TEST ("/undo/document/own-history", test_document, NULL);
  ADD_TEST ("/undo/document/clean", test_document_clean, NULL);

  return g_test_run ();
}
