/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "csp-format.h"

/* Every class of bad input: the reader refuses it with one error whose
 * message starts with the JSON path (or "$: line L, column C" for text
 * that is not JSON), and never crashes. */

static const char *good_owner_partner =
  "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\","
  " \"partners\": [{\"id\": \"p1\", \"name\": \"Kent Police\"}],"
  " \"priorities\": [{\"title\": \"P\", \"themes\": [{\"title\": \"\", \"actions\": ["
  "   {\"text\": \"A\", \"owners\": [{\"partner\": \"p1\"}]}]}]}]}";

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *message; /* the whole message, or its start when it ends in "…" */
} BadCase;

#define PLAN_HEAD "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\", "
#define ACTION(body) PLAN_HEAD "\"priorities\": [{\"title\": \"P\"}, {\"title\": \"Q\"}, {\"title\": \"R\", \"themes\": [{\"title\": \"t\", \"actions\": [{\"text\": \"a\"}, " body "]}]}]}"

static const BadCase bad_cases[] = {
  { "empty", "", CSP_FORMAT_ERROR_SYNTAX, "$: the file is empty" },
  { "blank", "  \n\t ", CSP_FORMAT_ERROR_SYNTAX, "$: the file is empty" },
  { "malformed", "{\"format\": \"csp-plan\",\n \"version\": 1,,}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 2, column 15: expected a key in double quotes" },
  { "unclosed", "{\"format\": \"csp-plan\"", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 22: the file ends too early" },
  { "trailing-data", "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\"} [3]",
    CSP_FORMAT_ERROR_SYNTAX, "$: line 1, column 52: unexpected data after the end of the document" },
  { "line-comment", "{\n// note\n\"format\": \"csp-plan\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 2, column 1: comments are not allowed in JSON" },
  { "block-comment", "{/* c */ \"format\": \"csp-plan\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 2: comments are not allowed in JSON" },
  { "single-quotes", "{'format': 'csp-plan'}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 2: strings must be in double quotes" },
  { "assignment", "var plan = {\"format\": \"csp-plan\"};", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 1: unexpected “v”" },
  { "hex-number", "{\"format\": \"csp-plan\", \"version\": 0x1}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 35: numbers may not start with 0" },
  { "trailing-comma", "{\"format\": \"csp-plan\",}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 23: a comma before “}” is not allowed" },
  { "control-char", "{\"format\": \"csp\tplan\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 16: a string holds an unescaped control character" },
  { "nul-escape", "{\"format\": \"csp\\u0000plan\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 16: a string holds a NUL character" },
  { "lone-surrogate", "{\"format\": \"\\ud800\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 13: a string holds half of a surrogate pair" },
  { "invalid-utf8", "{\"format\": \"csp-plan\", \"title\": \"caf\xC3\x28\"}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 37: not valid UTF-8 text (byte 36)" },
  { "duplicate-key", "{\"format\": \"csp-plan\", \"version\": 1,\n \"title\": \"A\", \"title\": \"B\"}",
    CSP_FORMAT_ERROR_SYNTAX, "$: line 2, column 16: the key “title” appears twice in this object" },
  { "duplicate-key-many", "{\"format\": \"csp-plan\", \"x\": {\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 1, \"e\": 1, \"f\": 1,"
    " \"g\": 1, \"h\": 1, \"i\": 1, \"j\": 1, \"k\": 1, \"l\": 1, \"m\": 1, \"n\": 1, \"o\": 1, \"p\": 1,"
    " \"q\": 1, \"r\": 1, \"c\": 2}}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 174: the key “c” appears twice in this object" },
  { "huge-number", "{\"format\": \"csp-plan\", \"x\": 4e4444444444}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 29: the number 4e4444444444 is too large" },
  { "huge-integer", "{\"format\": \"csp-plan\", \"x\": -99999999999999999999}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 29: the number -99999999999999999999 is too large" },
  { "root-array", "[1, 2]", CSP_FORMAT_ERROR_NOT_A_PLAN,
    "$: expected an object, found an array: this is not a CSP plan" },
  { "root-string", "\"plan\"", CSP_FORMAT_ERROR_NOT_A_PLAN,
    "$: expected an object, found a string: this is not a CSP plan" },
  { "no-format", "{\"version\": 1, \"title\": \"T\"}", CSP_FORMAT_ERROR_NOT_A_PLAN,
    "$: there is no “format”: \"csp-plan\": this is not a CSP plan" },
  { "wrong-format", "{\"format\": \"csv-plan\", \"version\": 1}", CSP_FORMAT_ERROR_NOT_A_PLAN,
    "$.format: expected \"csp-plan\": this is not a CSP plan" },
  { "no-version", "{\"format\": \"csp-plan\", \"title\": \"T\"}", CSP_FORMAT_ERROR_INVALID,
    "$: “version” is missing: every plan needs it" },
  { "newer-version", "{\"format\": \"csp-plan\", \"version\": 2, \"title\": \"T\"}", CSP_FORMAT_ERROR_VERSION,
    "$.version: the file is of format version 2, written by a newer CSP Planner; this one reads version 1: please update CSP Planner" },
  { "version-string", "{\"format\": \"csp-plan\", \"version\": \"1\"}", CSP_FORMAT_ERROR_INVALID,
    "$.version: expected a whole number from 1" },
  { "missing-title", "{\"format\": \"csp-plan\", \"version\": 1}", CSP_FORMAT_ERROR_INVALID,
    "$: “title” is missing: every plan needs it" },
  { "title-number", PLAN_HEAD "\"partnership\": 42}", CSP_FORMAT_ERROR_INVALID,
    "$.partnership: expected a string, found a number" },
  { "priorities-object", PLAN_HEAD "\"priorities\": {}}", CSP_FORMAT_ERROR_INVALID,
    "$.priorities: expected an array, found an object" },
  { "priority-not-object", PLAN_HEAD "\"priorities\": [\"P\"]}", CSP_FORMAT_ERROR_INVALID,
    "$.priorities[0]: expected an object, found a string" },
  { "priority-without-title", PLAN_HEAD "\"priorities\": [{\"scope\": \"x\"}]}", CSP_FORMAT_ERROR_INVALID,
    "$.priorities[0]: “title” is missing: every priority needs it" },
  { "unknown-status", ACTION ("{\"text\": \"b\", \"status\": \"green\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].status: “green” is not a status (expected not-started, on-track, at-risk, off-track or complete)" },
  { "empty-action-status", ACTION ("{\"text\": \"b\", \"status\": \"\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].status: “” is not a status…" },
  { "empty-action-text", ACTION ("{\"text\": \"\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].text: must not be empty" },
  { "invalid-due", ACTION ("{\"text\": \"b\", \"due\": \"2018-02-30\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].due: “2018-02-30” is not a date (expected YYYY-MM-DD)" },
  { "due-wrong-shape", ACTION ("{\"text\": \"b\", \"due\": \"1/4/2018\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].due: “1/4/2018” is not a date…" },
  { "update-without-date", ACTION ("{\"text\": \"b\", \"updates\": [{\"text\": \"u\"}]}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].updates[0]: “date” is missing: every update needs it" },
  { "invalid-modified", ACTION ("{\"text\": \"b\", \"modified\": \"yesterday\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].modified: “yesterday” is not a time…" },
  { "member-string", PLAN_HEAD "\"partners\": [{\"name\": \"X\", \"member\": \"yes\"}]}", CSP_FORMAT_ERROR_INVALID,
    "$.partners[0].member: expected true or false, found a string" },
  { "social-numbers", PLAN_HEAD "\"contact\": {\"social\": [\"a\", 3]}}", CSP_FORMAT_ERROR_INVALID,
    "$.contact.social[1]: expected a string, found a number" },
  { "duplicate-id", PLAN_HEAD "\"partners\": [{\"id\": \"x\", \"name\": \"A\"}], \"glossary\": [{\"id\": \"x\", \"term\": \"T\"}]}",
    CSP_FORMAT_ERROR_INVALID, "$.glossary[0].id: “x” is also the id of $.partners[0]: ids must be unique" },
  { "empty-id", PLAN_HEAD "\"glossary\": [{\"id\": \"\", \"term\": \"T\"}]}", CSP_FORMAT_ERROR_INVALID,
    "$.glossary[0].id: an id must not be empty" },
  { "dangling-partner", ACTION ("{\"text\": \"b\", \"owners\": [{\"partner\": \"nobody\"}]}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].owners[0].partner: “nobody” is not the id of a partner in $.partners" },
  { "empty-owner", ACTION ("{\"text\": \"b\", \"owners\": [{\"note\": \"x\"}]}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1].owners[0]: an owner needs “partner” (a partner’s id) or “name”" },
  { "duplicate-key-escaped", ACTION ("{\"text\": \"b\", \"due\": \"\", \"\\u0074ext\": \"c\"}"), CSP_FORMAT_ERROR_INVALID,
    "$.priorities[2].themes[0].actions[1]: “text” is given twice" },
  { "duplicate-unknown-key-escaped", PLAN_HEAD "\"x-a\": 1, \"x\\u002da\": 2}", CSP_FORMAT_ERROR_INVALID,
    "$: “x-a” is given twice" },
  { "duplicate-key-nested-unknown", PLAN_HEAD "\"x-a\": {\"k\": 1, \"k\": 2}}", CSP_FORMAT_ERROR_SYNTAX,
    "$: line 1, column 68: the key “k” appears twice in this object" },
  { "version-fraction", "{\"format\": \"csp-plan\", \"version\": 1.0, \"title\": \"T\"}", CSP_FORMAT_ERROR_INVALID,
    "$.version: expected a whole number from 1" },
  { "tombstone-without-id", PLAN_HEAD "\"deleted\": [{\"modified\": \"2018-04-01T00:00:00Z\"}]}", CSP_FORMAT_ERROR_INVALID,
    "$.deleted[0]: “id” is missing: every deletion needs it" },
};

static void
check_refusal (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (c->json, strlen (c->json));
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);

  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, c->code);
  if (g_str_has_suffix (c->message, "…"))
    {
      g_autofree char *prefix = g_strndup (c->message, strlen (c->message) - strlen ("…"));

      if (!g_str_has_prefix (error->message, prefix))
        {
          g_test_message ("%s: got “%s”, expected it to start with “%s”", c->name, error->message, prefix);
          g_test_fail ();
        }
    }
  else
    g_assert_cmpstr (error->message, ==, c->message);
}

static void
test_deep_nesting (void)
{
  /* json-glib 1.6 overflows its stack at about 80,000 levels: the
   * check must stop long before the parser sees it. */
  gsize depth = 200000;
  g_autoptr(GString) text = g_string_sized_new (depth * 2 + 64);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;

  g_string_append (text, "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\", \"x\": ");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  plan = csp_plan_load_bytes (bytes, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "$: line 1, column "));
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels deep"));
}

static void
test_too_large (void)
{
  gsize size = CSP_FORMAT_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  plan = csp_plan_load_bytes (bytes, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "$: the file is larger than 256 MiB");
}

static void
test_too_large_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("csp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;
  FILE *f = fopen (path, "w");

  /* A sparse file: the size is refused before anything is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, CSP_FORMAT_MAX_SIZE + 10, SEEK_SET), ==, 0);
  fputc (' ', f);
  fclose (f);

  plan = csp_plan_load_file (file, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_valid_minimal (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (good_owner_partner, strlen (good_owner_partner));
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);
  CspItem *action;

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  /* Objects without an id get one, so a hand-written file works. */
  action = csp_item_get_child (csp_item_get_child (csp_item_get_child (CSP_ITEM (plan), "priorities", 0),
                                                   "themes", 0), "actions", 0);
  g_assert_true (g_uuid_string_is_valid (csp_item_get_id (action)));
  g_assert_cmpstr (csp_item_get_string (action, "status"), ==, "not-started");
  g_assert_cmpstr (csp_item_get_id (CSP_ITEM (plan)), !=, NULL);
  g_assert_true (csp_item_get_boolean (csp_plan_lookup (plan, "p1"), "member"));
}

/* The reader decodes strings itself: every JSON escape, surrogate
 * pairs, and text around them, in keys too. */
static void
test_escapes (void)
{
  const char *json =
    "{\"format\": \"csp-plan\", \"version\": 1, \"t\\u0069tle\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t end\","
    " \"area\": \"\", \"partnership\": \"\u00e9t\u00e9\", \"x-list\": [1, -2.5e3, \"a]\\\"}\", {\"b\": [true, false, null]}],"
    " \"contact\": {\"social\": [\"@a\", \"\\u2603\"]}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);
  g_autoptr(GBytes) out = NULL;
  const char * const *social;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (plan), "title"), ==,
                   "caf\u00e9 \U0001F600 \"q\" \\ / \b\f\n\r\t end");
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (plan), "partnership"), ==, "\u00e9t\u00e9");
  social = csp_item_get_strv (csp_item_get_object (CSP_ITEM (plan), "contact"), "social");
  g_assert_cmpstr (social[0], ==, "@a");
  g_assert_cmpstr (social[1], ==, "\u2603");
  g_assert_null (social[2]);

  /* The unknown key comes back whole, and what follows it is read. */
  out = csp_plan_to_bytes (plan);
  g_assert_nonnull (strstr (g_bytes_get_data (out, NULL),
                            "\"x-list\": [\n    1,\n    -2500,\n    \"a]\\\"}\",\n    {\n      \"b\": [\n        true,\n        false,\n        null\n      ]\n    }\n  ]"));
}

static void
test_byte_order_mark (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", good_owner_partner, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

static void
test_crlf (void)
{
  g_autoptr(GBytes) sample = csp_sample_get_bytes ();
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (sample, NULL), g_bytes_get_size (sample));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;
  g_autoptr(GBytes) again = NULL;

  g_string_replace (text, "\n", "\r\n", 0);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  plan = csp_plan_load_bytes (bytes, &error);
  g_assert_no_error (error);

  /* Saved again, it is the same document with Unix line ends. */
  again = csp_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (again, sample));
}

/* A plan of a few megabytes, so that csp_plan_load_file () gives its
 * text back to the system while it reads: lists in lists, unknown keys
 * inside list elements and after lists, and @tail at the end. */
static GString *
big_plan_text (const char *tail)
{
  GString *text = g_string_new (PLAN_HEAD "\"id\": \"plan\", \"partners\": [{\"id\": \"p0\", \"name\": \"Police\"}], "
                                "\"priorities\": [");

  for (guint p = 0; p < 4; p++)
    {
      g_string_append_printf (text, "%s{\"id\": \"pr%u\", \"title\": \"P%u\", \"themes\": [",
                              p > 0 ? ", " : "", p, p);
      for (guint t = 0; t < 5; t++)
        {
          g_string_append_printf (text, "%s{\"id\": \"t%u-%u\", \"actions\": [", t > 0 ? ", " : "", p, t);
          for (guint a = 0; a < 150; a++)
            {
              g_string_append_printf (text, "%s{\"id\": \"a%u-%u-%u\", \"text\": \"Action %u\", "
                                      "\"owners\": [{\"partner\": \"p0\"}], \"updates\": [",
                                      a > 0 ? ", " : "", p, t, a, a);
              for (guint u = 0; u < 2; u++)
                {
                  g_string_append_printf (text, "%s{\"id\": \"u%u-%u-%u-%u\", \"date\": \"2018-05-01\", "
                                          "\"x-note\": {\"n\": [%u, \"]}\"]}, \"text\": \"",
                                          u > 0 ? ", " : "", p, t, a, u, u);
                  for (guint i = 0; i < 40; i++)
                    g_string_append (text, "Progress \\u00e9 ");
                  g_string_append (text, "\"}");
                }
              g_string_append (text, "], \"x-after\": [\"]\", {\"k\": \"}\"}]}");
            }
          g_string_append (text, "]}");
        }
      g_string_append (text, "]}");
    }
  g_string_append_printf (text, "]%s}", tail);

  return text;
}

static CspPlan *
load_text_from_file (GString  *text,
                     GError  **error)
{
  g_autofree char *dir = g_dir_make_tmp ("csp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CspPlan *plan;

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  plan = csp_plan_load_file (file, NULL, error);

  g_unlink (path);
  g_rmdir (dir);
  return plan;
}

/* Read from a file, a big plan is the same as read from its bytes, to
 * the last update; what the reader keeps for its messages (the paths of
 * ids and of partner references) outlives the text it came from. */
static void
test_large_file (void)
{
  g_autoptr(GString) text = big_plan_text (", \"glossary\": [{\"id\": \"g1\", \"term\": \"Last\"}]");
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) from_bytes = csp_plan_load_bytes (bytes, &error);
  g_autoptr(CspPlan) from_file = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(GBytes) saved_file = NULL;
  CspItem *update;

  g_assert_cmpuint (text->len, >, 3 * 1024 * 1024);
  g_assert_no_error (error);
  from_file = load_text_from_file (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_file);

  update = csp_plan_lookup (from_file, "u3-4-149-1");
  g_assert_nonnull (update);
  g_assert_true (g_str_has_prefix (csp_item_get_string (update, "text"), "Progress \u00e9 Progress"));
  g_assert_cmpstr (csp_item_get_string (csp_item_get_child (CSP_ITEM (from_file), "glossary", 0),
                                        "term"), ==, "Last");

  saved_bytes = csp_plan_to_bytes (from_bytes);
  saved_file = csp_plan_to_bytes (from_file);
  g_assert_true (g_bytes_equal (saved_bytes, saved_file));
  g_assert_nonnull (strstr (g_bytes_get_data (saved_file, NULL), "\"x-after\": [\n"));
}

static void
test_large_file_errors (void)
{
  g_autoptr(GString) duplicate = big_plan_text (", \"glossary\": [{\"id\": \"a0-0-0\", \"term\": \"T\"}]");
  g_autoptr(GString) reference = big_plan_text (", \"glossary\": []");
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;

  plan = load_text_from_file (duplicate, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.glossary[0].id: “a0-0-0” is also the id of "
                   "$.priorities[0].themes[0].actions[0]: ids must be unique");
  g_clear_error (&error);

  /* The last owner names a partner that is not there. */
  g_string_replace (reference, "\"Action 149\", \"owners\": [{\"partner\": \"p0\"}]",
                    "\"Action 149\", \"owners\": [{\"partner\": \"nobody\"}]", 0);
  g_string_replace (reference, "\"nobody\"", "\"p0\"", 19);
  plan = load_text_from_file (reference, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.priorities[3].themes[4].actions[149].owners[0].partner: "
                   "“nobody” is not the id of a partner in $.partners");
}

/* Where an id was first seen, deep in long lists. */
static void
test_duplicate_id_far (void)
{
  g_autoptr(GString) text = g_string_new (PLAN_HEAD "\"review\": {\"priorities\": [{\"title\": \"P\"}, "
                                          "{\"title\": \"Q\", \"themes\": [{\"actions\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s{\"id\": \"a%u\", \"text\": \"A\"}", i > 0 ? ", " : "", i);
  g_string_append (text, "]}]}]}, \"glossary\": [{\"id\": \"a16384\", \"term\": \"T\"}]}");

  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  plan = csp_plan_load_bytes (bytes, &error);
  g_assert_null (plan);
  g_assert_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "$.glossary[0].id: “a16384” is also the id of "
                   "$.review.priorities[1].themes[0].actions[16384]: ids must be unique");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reader/refuses/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], check_refusal);
    }
  g_test_add_func ("/reader/refuses/deep-nesting", test_deep_nesting);
  g_test_add_func ("/reader/refuses/too-large", test_too_large);
  g_test_add_func ("/reader/refuses/too-large-file", test_too_large_file);
  g_test_add_func ("/reader/accepts/minimal", test_valid_minimal);
  g_test_add_func ("/reader/accepts/escapes", test_escapes);
  g_test_add_func ("/reader/accepts/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/reader/accepts/crlf", test_crlf);
  g_test_add_func ("/reader/accepts/large-file", test_large_file);
  g_test_add_func ("/reader/refuses/large-file", test_large_file_errors);
  g_test_add_func ("/reader/refuses/duplicate-id-far", test_duplicate_id_far);

  return g_test_run ();
}
