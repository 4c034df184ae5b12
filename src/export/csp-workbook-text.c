/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "csp-workbook-private.h"

/* Excel counts lengths in UTF-16 code units; a character outside the
 * Basic Multilingual Plane takes two. Returns the length of the
 * longest prefix of @text within @max_units, in bytes. */
static gsize
utf16_prefix (const char *text,
              gsize       max_units,
              gboolean   *whole)
{
  gsize units = 0;
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize width = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

      if (units + width > max_units)
        break;
      units += width;
    }

  if (whole != NULL)
    *whole = *p == '\0';
  return p - text;
}

static gsize
utf16_length (const char *text)
{
  gsize units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

  return units;
}

/* Spaces and apostrophes may not end a sheet name (Excel quotes names
 * with apostrophes in formulas), and spaces at the ends are invisible. */
static void
trim_name (GString *name)
{
  while (name->len > 0 && strchr (" '", name->str[name->len - 1]) != NULL)
    g_string_truncate (name, name->len - 1);
  while (name->len > 0 && strchr (" '", name->str[0]) != NULL)
    g_string_erase (name, 0, 1);
}

static GString *
clean_name (const char *wanted)
{
  g_autofree char *valid = g_utf8_make_valid (wanted != NULL ? wanted : "", -1);
  GString *name = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && strchr ("[]:*?/\\", (int) c) != NULL)
        c = '-';
      else if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        c = ' ';

      /* Line breaks and runs of spaces become one space. */
      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_unichar (name, c);
    }

  trim_name (name);
  return name;
}

static char *
fit_name (const char *base,
          const char *suffix)
{
  gsize room = CSP_SHEET_NAME_MAX - utf16_length (suffix);
  g_autoptr(GString) name = g_string_new_len (base, utf16_prefix (base, room, NULL));

  trim_name (name);
  g_string_append (name, suffix);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
name_is_free (GHashTable *used,
              const char *name)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  /* Excel keeps "History" for its change tracking. */
  return *name != '\0' && !g_hash_table_contains (used, key) && strcmp (key, "history") != 0;
}

char *
_csp_sheet_name_make (GHashTable *used,
                      const char *wanted,
                      const char *fallback)
{
  g_autoptr(GString) base = clean_name (wanted);
  g_autofree char *name = NULL;

  g_return_val_if_fail (used != NULL, NULL);
  g_return_val_if_fail (fallback != NULL && *fallback != '\0', NULL);

  if (base->len == 0)
    g_string_assign (base, fallback);

  name = fit_name (base->str, "");
  if (*name == '\0')
    {
      g_free (name);
      name = fit_name (fallback, "");
    }

  for (guint n = 2; !name_is_free (used, name); n++)
    {
      g_autofree char *suffix = g_strdup_printf (" (%u)", n);

      g_free (name);
      name = fit_name (base->str, suffix);
    }

  g_hash_table_add (used, g_utf8_casefold (name, -1));
  return g_steal_pointer (&name);
}

static char *
cut_cell_text (const char *text)
{
  /* Translators: ends a text too long for a spreadsheet cell */
  const char *marker = _("… [cut]");
  gboolean whole;
  GString *cut;

  utf16_prefix (text, CSP_CELL_TEXT_MAX, &whole);
  if (whole)
    return g_strdup (text);

  cut = g_string_new_len (text, utf16_prefix (text, CSP_CELL_TEXT_MAX - utf16_length (marker) - 1, NULL));
  g_string_append_c (cut, ' ');
  g_string_append (cut, marker);
  return g_string_free (cut, FALSE);
}

const char *
_csp_cell_text_peek (const char  *text,
                     char       **owned)
{
  const char *end;

  *owned = NULL;

  /* Plans from files are valid UTF-8; one built in code may not be,
   * and a broken sequence would be read past its end. */
  if (!g_utf8_validate (text, -1, &end))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      return *owned = cut_cell_text (valid);
    }

  /* A character takes at least as many bytes as UTF-16 units: a text
   * within the limit in bytes needs no counting (nearly every one). */
  if ((gsize) (end - text) <= CSP_CELL_TEXT_MAX)
    return text;

  return *owned = cut_cell_text (text);
}

char *
_csp_cell_text (const char *text)
{
  char *owned;
  const char *cell = _csp_cell_text_peek (text, &owned);

  return owned != NULL ? owned : g_strdup (cell);
}

/* libxlsxwriter escapes these characters as %XX before it checks the
 * length; count them as it will. */
static gboolean
link_fits (const char *url)
{
  gsize length = 0;

  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    length += strchr (" \"<>\\[]^{}`", *p) != NULL ? 3 : 1;

  return length <= CSP_URL_MAX;
}

char *
_csp_link_for_website (const char *website)
{
  g_autofree char *text = g_strstrip (g_utf8_make_valid (website, -1));
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme = g_uri_peek_scheme (text);

  if (*text == '\0')
    return NULL;

  /* Text from a file is data: only web links open, never javascript:,
   * file: or anything else a spreadsheet program would run. */
  if (scheme == NULL)
    url = g_strconcat ("https://", text, NULL);
  else if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"))
    url = g_strdup (text);
  else
    return NULL;

  /* "https://www.tmbc.gov.uk@example.com" goes to example.com: a link
   * with a user name in it is not what it seems. */
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_userinfo (uri) != NULL || !link_fits (url))
    return NULL;

  return g_steal_pointer (&url);
}

char *
_csp_link_for_email (const char *email)
{
  g_autofree char *text = g_strstrip (g_utf8_make_valid (email, -1));
  g_autofree char *url = NULL;
  const char *scheme = g_uri_peek_scheme (text);

  if (scheme != NULL && g_str_equal (scheme, "mailto"))
    url = g_strdup (text);
  else if (scheme == NULL && strchr (text, '@') != NULL)
    url = g_strconcat ("mailto:", text, NULL);
  else
    return NULL;

  for (const char *p = url; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return NULL;

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL) || !link_fits (url))
    return NULL;

  return g_steal_pointer (&url);
}

char *
_csp_footer_make (const char *partnership)
{
  /* Translators: the right of the printed footer; &P is the page
   * number and &N the number of pages: keep both */
  const char *pages = _("Page &P of &N");
  g_autofree char *name = g_utf8_make_valid (partnership, -1);
  GString *footer = g_string_new ("&L");
  gsize room = CSP_FOOTER_MAX - strlen ("&L&R") - strlen (pages);

  /* "&" starts a code in a footer: a name's own "&" is written "&&". */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize size = *p == '&' ? 2 : (gsize) (g_utf8_next_char (p) - p);

      if (size > room)
        break;
      room -= size;
      if (*p == '&')
        g_string_append_c (footer, '&');
      g_string_append_len (footer, p, g_utf8_next_char (p) - p);
    }

  g_string_append (footer, "&R");
  g_string_append (footer, pages);
  return g_string_free (footer, FALSE);
}
