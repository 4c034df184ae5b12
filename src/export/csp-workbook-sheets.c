/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "csp-workbook-private.h"

#define N_ACTION_COLUMNS 6

static gboolean
is_later (const char *date,
          CspItem    *than)
{
  /* Dates are YYYY-MM-DD, so they compare as strings; of two updates
   * on one day the later in the list counts. */
  return than == NULL || strcmp (date, csp_item_get_string (than, "date")) >= 0;
}

/* The status is the one set by the newest update up to @until. When
 * none of those set one, the action's own status holds unless a later
 * update changed it; then the status of that day is not known, and
 * "not started" claims least. */
void
_csp_action_facts_init (CspActionFacts *facts,
                        CspItem        *action,
                        const char     *first,
                        const char     *until)
{
  GListModel *updates = csp_item_get_list (action, "updates");
  guint n = g_list_model_get_n_items (updates);
  CspItem *newest = NULL;
  CspStatus newest_status = CSP_STATUS_NOT_STARTED;
  gboolean changed_later = FALSE;

  *facts = (CspActionFacts) { .owners = csp_action_dup_owners_label (action) };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CspItem) update = g_list_model_get_item (updates, i);
      const char *date = csp_item_get_string (update, "date");
      CspStatus status;
      gboolean has_status = csp_status_from_string (csp_item_get_string (update, "status"), &status);

      if (until != NULL && strcmp (date, until) > 0)
        {
          changed_later |= has_status;
          continue;
        }

      /* Borrowed: the list keeps its own reference to the update. */
      if (is_later (date, facts->update))
        facts->update = update;
      if (has_status && is_later (date, newest))
        {
          newest = update;
          newest_status = status;
        }
      if (first != NULL && strcmp (date, first) >= 0)
        facts->updated = TRUE;
    }

  if (until != NULL && newest != NULL)
    facts->status = newest_status;
  else if (until == NULL || !changed_later)
    facts->status = csp_action_get_status (action);
  else
    facts->status = CSP_STATUS_NOT_STARTED;
}

void
_csp_action_facts_clear (CspActionFacts *facts)
{
  g_clear_pointer (&facts->owners, g_free);
}

const CspActionFacts *
_csp_book_facts (CspBook *book,
                 CspItem *action)
{
  CspActionFacts *facts = g_hash_table_lookup (book->facts, action);

  if (facts == NULL)
    {
      facts = g_new (CspActionFacts, 1);
      _csp_action_facts_init (facts, action, book->quarter_first, book->quarter_last);
      g_hash_table_insert (book->facts, action, facts);
    }

  return facts;
}

/* One row per action. The first column groups them: the theme on a
 * priority's sheet, the priority on the review's. */
static void
write_action (CspSheet             *sheet,
              lxw_row_t             row,
              CspItem              *action,
              CspItem              *group,
              const CspActionFacts *facts)
{
  CspItem *update = facts->update;

  _csp_sheet_text (sheet, row, 0, csp_item_get_string (group, "title"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 1, csp_item_get_string (action, "text"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 2, facts->owners, CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 3, update != NULL ? csp_item_get_string (update, "text") : "",
                   CSP_STYLE_TEXT);
  _csp_sheet_status (sheet, row, 4, facts->status);
  _csp_sheet_date (sheet, row, 5, update != NULL ? csp_item_get_string (update, "date") : "",
                   CSP_STYLE_DATE);
}

static void
write_action_table (CspSheet        *sheet,
                    const char      *title,
                    const char      *note,
                    const CspColumn *columns,
                    GPtrArray       *actions,
                    gboolean         by_theme)
{
  lxw_row_t row = CSP_HEADER_ROW;

  _csp_sheet_begin_table (sheet, title, note, columns, N_ACTION_COLUMNS);

  for (guint i = 0; i < actions->len && _csp_book_step (sheet->book); i++)
    {
      CspItem *action = g_ptr_array_index (actions, i);
      CspItem *group = by_theme ? csp_action_get_theme (action) : csp_action_get_priority (action);

      /* A priority's actions are at the quarter's end, as in the
       * summary; the review's as they stand, and only here. */
      if (by_theme)
        write_action (sheet, ++row, action, group, _csp_book_facts (sheet->book, action));
      else
        {
          CspActionFacts facts;

          _csp_action_facts_init (&facts, action, NULL, NULL);
          write_action (sheet, ++row, action, group, &facts);
          _csp_action_facts_clear (&facts);
        }
    }

  _csp_sheet_table_end (sheet, CSP_HEADER_ROW, row, N_ACTION_COLUMNS);
}

void
_csp_write_priority (CspBook *book,
                     CspItem *priority,
                     guint    index)
{
  static const CspColumn columns[N_ACTION_COLUMNS] = {
    { N_("Theme"), 22 },
    { N_("Action"), 48 },
    { N_("Owner/lead agency"), 24 },
    { N_("Latest update"), 60 },
    { N_("Status"), 13 },
    { N_("Updated on"), 13 },
  };
  /* Translators: the sheet of a priority without a title */
  g_autofree char *fallback = g_strdup_printf (_("Priority %u"), index + 1);
  g_autofree char *name = _csp_sheet_name_make (book->sheet_names,
                                                csp_item_get_string (priority, "title"), fallback);
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, name);
  g_autoptr(GPtrArray) actions = csp_item_collect_actions (priority);
  g_autofree char *quarter = csp_quarter_dup_label (book->quarter);
  /* Translators: the quarter, as in "Q2 2018-19 (July to September 2018)" */
  g_autofree char *note = g_strdup_printf (_("Progress to the end of %s"), quarter);
  const char *title = csp_item_get_string (priority, "title");

  write_action_table (sheet, *title != '\0' ? title : fallback, note, columns, actions, TRUE);
}

void
_csp_write_review (CspBook *book)
{
  static const CspColumn columns[N_ACTION_COLUMNS] = {
    { N_("Priority"), 22 },
    { N_("Action"), 48 },
    { N_("Owner/lead agency"), 24 },
    { N_("Final update"), 60 },
    { N_("Status"), 13 },
    { N_("Updated on"), 13 },
  };
  CspItem *review = csp_item_get_object (CSP_ITEM (book->plan), "review");
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, book->review_name);
  const char *title = csp_item_get_string (review, "title");

  write_action_table (sheet, *title != '\0' ? title : book->review_name,
                      _("Last year’s actions with their final updates"), columns,
                      book->review_actions, FALSE);
}

/* "Name, role, phone, email", one contact a line. */
static char *
dup_contacts (CspItem *partner)
{
  GString *contacts = g_string_new (NULL);
  guint n = csp_item_get_n_children (partner, "contacts");

  for (guint i = 0; i < n; i++)
    {
      CspItem *person = csp_item_get_child (partner, "contacts", i);
      const char *keys[] = { "name", "role", "phone", "email" };
      gsize start;

      if (i > 0)
        g_string_append_c (contacts, '\n');
      start = contacts->len;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const char *value = csp_item_get_string (person, keys[k]);

          if (*value == '\0')
            continue;
          if (contacts->len > start)
            g_string_append (contacts, ", ");
          g_string_append (contacts, value);
        }
    }

  return g_string_free (contacts, FALSE);
}

static void
write_partner (CspSheet  *sheet,
               lxw_row_t  row,
               CspItem   *partner)
{
  const char *website = csp_item_get_string (partner, "website");
  const char *email = csp_item_get_string (partner, "email");
  g_autofree char *website_link = _csp_link_for_website (website);
  g_autofree char *email_link = _csp_link_for_email (email);
  g_autofree char *contacts = dup_contacts (partner);
  gboolean member = csp_item_get_boolean (partner, "member");

  _csp_sheet_text (sheet, row, 0, csp_item_get_string (partner, "name"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 1, csp_item_get_string (partner, "short_name"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 2, member ? _("Yes") : _("No"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 3, csp_item_get_string (partner, "phone"), CSP_STYLE_TEXT);
  _csp_sheet_link (sheet, row, 4, website_link, website);
  _csp_sheet_link (sheet, row, 5, email_link, email);
  _csp_sheet_text (sheet, row, 6, csp_item_get_string (partner, "address"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 7, contacts, CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 8, csp_item_get_string (partner, "notes"), CSP_STYLE_TEXT);
}

void
_csp_write_partners (CspBook *book)
{
  static const CspColumn columns[] = {
    { N_("Name"), 30 },
    { N_("Short name"), 12 },
    { N_("Member"), 9 },
    { N_("Phone"), 15 },
    { N_("Website"), 26 },
    { N_("Email"), 26 },
    { N_("Address"), 26 },
    { N_("Contacts"), 34 },
    { N_("Notes"), 30 },
  };
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, book->partners_name);
  guint n = csp_item_get_n_children (CSP_ITEM (book->plan), "partners");
  lxw_row_t row = CSP_HEADER_ROW;

  _csp_sheet_begin_table (sheet, _("Partners"), _("“Yes” under Member: a member of the partnership"),
                          columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n && _csp_book_step (book); i++)
    write_partner (sheet, ++row, csp_item_get_child (CSP_ITEM (book->plan), "partners", i));

  _csp_sheet_table_end (sheet, CSP_HEADER_ROW, row, G_N_ELEMENTS (columns));
}

void
_csp_write_glossary (CspBook *book)
{
  static const CspColumn columns[] = {
    { N_("Term"), 18 },
    { N_("Definition"), 90 },
  };
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, book->glossary_name);
  guint n = csp_item_get_n_children (CSP_ITEM (book->plan), "glossary");
  lxw_row_t row = CSP_HEADER_ROW;

  _csp_sheet_begin_table (sheet, _("Glossary"), NULL, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < n && _csp_book_step (book); i++)
    {
      CspItem *term = csp_item_get_child (CSP_ITEM (book->plan), "glossary", i);

      _csp_sheet_text (sheet, ++row, 0, csp_item_get_string (term, "term"), CSP_STYLE_TEXT);
      _csp_sheet_text (sheet, row, 1, csp_item_get_string (term, "definition"), CSP_STYLE_TEXT);
    }

  _csp_sheet_table_end (sheet, CSP_HEADER_ROW, row, G_N_ELEMENTS (columns));
}

void
_csp_write_key (CspBook *book)
{
  static const CspColumn columns[] = {
    { N_("Status"), 16 },
    { N_("Colour"), 10 },
    { N_("Meaning"), 80 },
  };
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, book->key_name);
  lxw_row_t row = CSP_HEADER_ROW;

  _csp_sheet_begin_table (sheet, _("Key"), _("What each status means"), columns,
                          G_N_ELEMENTS (columns));

  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    {
      _csp_sheet_status (sheet, ++row, 0, status);
      _csp_sheet_text (sheet, row, 1, csp_status_get_colour (status), CSP_STYLE_TEXT);
      _csp_sheet_text (sheet, row, 2, csp_status_get_meaning (status), CSP_STYLE_TEXT);
    }

  _csp_sheet_table_end (sheet, CSP_HEADER_ROW, row, G_N_ELEMENTS (columns));
  _csp_book_step (book);
}
