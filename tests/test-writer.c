/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-format.h"

static CspPlan *
load_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  CspPlan *plan = csp_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
to_string (CspPlan *plan)
{
  g_autoptr(GBytes) bytes = csp_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip_is_byte_identical (void)
{
  g_autoptr(GBytes) sample = csp_sample_get_bytes ();
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GBytes) saved = csp_plan_to_bytes (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) again = csp_plan_load_bytes (saved, &error);
  g_autoptr(GBytes) saved_again = NULL;

  g_assert_no_error (error);
  saved_again = csp_plan_to_bytes (again);

  g_assert_true (g_bytes_equal (saved, sample));
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_format (void)
{
  g_autoptr(CspPlan) plan = load_string ("{\"title\": \"T\", \"version\": 1, \"format\": \"csp-plan\"}");
  g_autofree char *text = to_string (plan);

  /* Fixed key order, two-space indent, a newline at the end. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"csp-plan\",\n  \"version\": 1,\n  \"id\": \""));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));
  g_assert_nonnull (strstr (text, "\n  \"title\": \"T\",\n  \"partnership\": \"\",\n"));
  g_assert_nonnull (strstr (text, "  \"deleted\": []\n}\n"));
  /* A plan never edited has no "modified" and no "revision". */
  g_assert_null (strstr (text, "\"modified\""));
  g_assert_null (strstr (text, "\"revision\""));
}

static void
test_unknown_keys_kept_in_place (void)
{
  g_autoptr(CspPlan) plan = load_string (
    "{\"x-first\": 1, \"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\","
    " \"x-after-title\": {\"nested\": [1, 2.5, null, \"s\", true, -1e-3, {}, []]},"
    " \"glossary\": [{\"id\": \"g\", \"term\": \"ASB\", \"x-colour\": \"red\", \"definition\": \"d\"}]}");
  g_autofree char *text = to_string (plan);
  g_autoptr(CspPlan) again = load_string (text);
  g_autofree char *text_again = to_string (again);
  const char *first = strstr (text, "\"x-first\"");
  const char *format = strstr (text, "\"format\"");
  const char *title = strstr (text, "\"title\"");
  const char *after_title = strstr (text, "\"x-after-title\"");
  const char *partnership = strstr (text, "\"partnership\"");
  const char *colour = strstr (text, "\"x-colour\"");
  const char *term = strstr (text, "\"term\"");
  const char *definition = strstr (text, "\"definition\"");

  g_assert_true (first != NULL && first < format);
  g_assert_true (title < after_title && after_title < partnership);
  g_assert_true (term < colour && colour < definition);
  g_assert_nonnull (strstr (text, "\"nested\": [\n      1,\n      2.5,\n      null,\n      \"s\",\n      true,\n      -0.001,\n      {},\n      []\n    ]"));
  g_assert_cmpstr (text, ==, text_again);
}

static void
test_owner_forms (void)
{
  g_autoptr(CspPlan) plan = load_string (
    "{\"format\": \"csp-plan\", \"version\": 1, \"title\": \"T\","
    " \"partners\": [{\"id\": \"p\", \"name\": \"Tonbridge & Malling Borough Council\", \"short_name\": \"TMBC\"}],"
    " \"priorities\": [{\"title\": \"P\", \"themes\": [{\"actions\": [{\"text\": \"a\", \"owners\": ["
    "   {\"partner\": \"p\", \"note\": \"including Youth Forum\"}, {\"name\": \"All partners\"}]}]}]}]}");
  g_autofree char *text = to_string (plan);
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
  g_autofree char *label = csp_action_dup_owners_label (g_ptr_array_index (actions, 0));

  /* Owners keep their two forms: empty keys are not written. */
  g_assert_nonnull (strstr (text, "{\n                  \"partner\": \"p\",\n                  \"note\": \"including Youth Forum\"\n                }"));
  g_assert_nonnull (strstr (text, "{\n                  \"name\": \"All partners\"\n                }"));
  g_assert_cmpstr (label, ==, "TMBC (including Youth Forum); All partners");
}

static void
test_special_characters (void)
{
  g_autoptr(CspPlan) plan = csp_plan_new ();
  g_autofree char *text = NULL;
  g_autoptr(CspPlan) again = NULL;
  const char *title = "Quotes \" and \\ back\nslash – ’ 🛡 \t tab \x01 \x1f / end";

  csp_item_set_string (CSP_ITEM (plan), "title", title);
  text = to_string (plan);
  again = load_string (text);
  g_assert_cmpstr (csp_item_get_string (CSP_ITEM (again), "title"), ==, title);
  g_assert_nonnull (strstr (text, "\"title\": \"Quotes \\\" and \\\\ back\\nslash – ’ 🛡 \\t tab \\u0001 \\u001f / end\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/round-trip-is-byte-identical", test_round_trip_is_byte_identical);
  g_test_add_func ("/writer/format", test_format);
  g_test_add_func ("/writer/unknown-keys-kept-in-place", test_unknown_keys_kept_in_place);
  g_test_add_func ("/writer/owner-forms", test_owner_forms);
  g_test_add_func ("/writer/special-characters", test_special_characters);

  return g_test_run ();
}
