/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-workbook"

#include "config.h"

#include <glib/gstdio.h>

#include "csp-format.h"
#include "csp-workbook.h"
#include "csp-workbook-private.h"

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  GArray    *fractions;
  gboolean   done;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* The worker hands progress to the caller's thread. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_false (state->done);
  g_array_append_val (state->fractions, fraction);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = csp_workbook_export_finish (result, &state->error);
  state->done = TRUE;
  g_main_loop_quit (state->loop);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("csp-workbook-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static void
test_async_snapshot (void)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  AsyncState state = { 0 };
  CspQuarter quarter = { 2018, 2 };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));

  csp_workbook_export_async (plan, path, quarter, on_progress, &state, NULL, on_exported, &state);
  /* The worker has its own copy: editing now changes nothing there. */
  csp_item_remove (CSP_ITEM (plan), "priorities", 0);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (state.fractions->len, >, 1);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled before it starts, or half-way: no workbook, and no
 * temporary file left. */
static void
assert_cancelled (gboolean cancel_first)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  CspQuarter quarter = { 2018, 1 };

  if (cancel_first)
    g_cancellable_cancel (cancellable);
  g_assert_false (csp_workbook_export (plan, path, quarter, "2018-07-01", cancel_on_progress,
                                       cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

static void
test_cancelled (void)
{
  assert_cancelled (TRUE);
}

static void
test_cancelled_while_writing (void)
{
  assert_cancelled (FALSE);
}

static void
test_sheet_names (void)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct
  {
    const char *wanted;
    const char *expected;
  } cases[] = {
    { "Summary", "Summary" },
    { "SUMMARY", "SUMMARY (2)" },
    { "summary", "summary (3)" },
    { "a/b\\c[d]e:f*g?h", "a-b-c-d-e-f-g-h" },
    { "'It''s'", "It''s" },
    { "''", "Fallback" },
    { "line\nbreak\t and  spaces ", "line break and spaces" },
    { "history", "history (2)" },
    /* 31 characters counted in UTF-16: the emoji takes two */
    { "ééééééééééééééééééééééééééééééééééé", "ééééééééééééééééééééééééééééééé" },
    { "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀" },
    { "Partnership priorities for the year ahead ' x", "Partnership priorities for the" },
    { "Partnership priorities for the year", "Partnership priorities for (2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = _csp_sheet_name_make (used, cases[i].wanted, "Fallback");

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_links (void)
{
  struct
  {
    const char *text;
    const char *website;
    const char *email;
  } cases[] = {
    { "www.tmbc.gov.uk", "https://www.tmbc.gov.uk", NULL },
    { " HTTP://Example.org/x ", "HTTP://Example.org/x", NULL },
    { "javascript:alert(1)", NULL, NULL },
    { "file:///etc/passwd", NULL, NULL },
    { "mailto:a@example.org", NULL, "mailto:a@example.org" },
    { "a@example.org", NULL, "mailto:a@example.org" },
    { "a b@example.org", NULL, NULL },
    { "https://www.tmbc.gov.uk@example.com/", NULL, NULL },
    { "", NULL, NULL },
  };
  g_autoptr(GString) long_url = g_string_new ("https://example.org/");
  g_autofree char *website = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *link = _csp_link_for_website (cases[i].text);
      g_autofree char *email = _csp_link_for_email (cases[i].text);

      g_assert_cmpstr (link, ==, cases[i].website);
      g_assert_cmpstr (email, ==, cases[i].email);
    }

  while (long_url->len < CSP_URL_MAX)
    g_string_append_c (long_url, 'a');
  website = _csp_link_for_website (long_url->str);
  g_assert_cmpstr (website, ==, long_url->str);
  g_string_append_c (long_url, 'a');
  g_assert_null (_csp_link_for_website (long_url->str));
}

static void
test_cell_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *same = _csp_cell_text ("short");
  g_autofree char *mended = _csp_cell_text ("broken \xC3");
  g_autofree char *cut = NULL;
  glong length;

  g_assert_cmpstr (same, ==, "short");
  g_assert_true (g_utf8_validate (mended, -1, NULL));
  g_assert_true (g_str_has_prefix (mended, "broken "));

  while (text->len < 4 * (CSP_CELL_TEXT_MAX + 10))
    g_string_append (text, "\xF0\x9F\x98\x80");   /* two UTF-16 units each */
  cut = _csp_cell_text (text->str);
  g_assert_true (g_str_has_suffix (cut, "… [cut]"));
  length = g_utf8_strlen (cut, -1);
  /* Every emoji counts twice; the marker's 7 characters once. */
  g_assert_cmpint (2 * (length - 8) + 8, <=, CSP_CELL_TEXT_MAX);
  g_assert_cmpint (2 * (length - 8) + 8, >=, CSP_CELL_TEXT_MAX - 1);
}

static void
test_footer (void)
{
  g_autofree char *footer = _csp_footer_make ("Tonbridge & Malling");
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *long_footer = NULL;

  g_assert_cmpstr (footer, ==, "&LTonbridge && Malling&RPage &P of &N");

  for (guint i = 0; i < 200; i++)
    g_string_append (long_name, "&é");
  long_footer = _csp_footer_make (long_name->str);
  g_assert_cmpuint (strlen (long_footer), <=, CSP_FOOTER_MAX);
  g_assert_true (g_str_has_suffix (long_footer, "&RPage &P of &N"));
  g_assert_true (g_utf8_validate (long_footer, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workbook/async-snapshot", test_async_snapshot);
  g_test_add_func ("/workbook/cancelled", test_cancelled);
  g_test_add_func ("/workbook/cancelled-while-writing", test_cancelled_while_writing);
  g_test_add_func ("/workbook/sheet-names", test_sheet_names);
  g_test_add_func ("/workbook/links", test_links);
  g_test_add_func ("/workbook/cell-text", test_cell_text);
  g_test_add_func ("/workbook/footer", test_footer);

  return g_test_run ();
}
