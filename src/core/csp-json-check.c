/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-json-check"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "csp-format.h"

G_DEFINE_QUARK (csp-format-error-quark, csp_format_error)

typedef struct
{
  const char *data;
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
  GError    **error;
} Scanner;

static gboolean value (Scanner *s);

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Scanner    *s,
         const char *at,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  guint line = 1;
  guint column = 1;
  va_list args;

  /* Columns count characters, as editors do, not bytes. */
  for (const char *q = s->data; q < at; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else
        column++;
    }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (s->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_SYNTAX,
               _("$: line %u, column %u: %s"), line, column, what);
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
unexpected (Scanner *s)
{
  if (s->p >= s->end)
    return fail_at (s, s->p, _("the file ends too early"));

  switch (*s->p)
    {
    case '/':
      return fail_at (s, s->p, _("comments are not allowed in JSON"));
    case '\'':
      return fail_at (s, s->p, _("strings must be in double quotes"));
    default:
      if ((guchar) *s->p < 0x20)
        return fail_at (s, s->p, _("unexpected control character"));
      return fail_at (s, s->p, _("unexpected “%.*s”"),
                      (int) (g_utf8_next_char (s->p) - s->p), s->p);
    }
}

static gboolean
expect_word (Scanner    *s,
             const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return unexpected (s);

  s->p += len;
  return TRUE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }

  return v;
}

static gboolean
string (Scanner *s)
{
  const char *start = s->p++;

  while (s->p < s->end)
    {
      guchar c = *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail_at (s, s->p, _("a string holds an unescaped control character"));
      if (c != '\\')
        {
          s->p++;
          continue;
        }

      if (s->end - s->p < 2)
        break;
      switch (s->p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          s->p += 2;
          break;
        case 'u':
          {
            int u = s->end - s->p >= 6 ? hex4 (s->p + 2) : -1;

            if (u < 0)
              return fail_at (s, s->p, _("“\\u” needs four hexadecimal digits"));
            if (u == 0)
              return fail_at (s, s->p, _("a string holds a NUL character"));
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = s->end - s->p >= 12 && s->p[6] == '\\' && s->p[7] == 'u' ? hex4 (s->p + 8) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  return fail_at (s, s->p, _("a string holds half of a surrogate pair"));
                s->p += 6;
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              return fail_at (s, s->p, _("a string holds half of a surrogate pair"));
            s->p += 6;
          }
          break;
        default:
          return fail_at (s, s->p, _("“\\%c” is not a JSON escape"), s->p[1]);
        }
    }

  return fail_at (s, start, _("a string is not closed"));
}

static gboolean
digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;

  return s->p > start ? TRUE : unexpected (s);
}

/* A number json-glib would change on the way through: an integer
 * beyond 64 bits, or one too large for a double, which would come back
 * as "inf" and make the file unreadable. */
static gboolean
number_fits (const char *start,
             const char *end,
             gboolean    integer)
{
  g_autofree char *text = g_strndup (start, end - start);
  double value;

  if (integer)
    return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, NULL, NULL);

  value = g_ascii_strtod (text, NULL);
  return isfinite (value);
}

static gboolean
number (Scanner *s)
{
  const char *start = s->p;
  gboolean integer = TRUE;

  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    {
      s->p++;
      if (s->p < s->end && (g_ascii_isdigit (*s->p) || *s->p == 'x' || *s->p == 'X'))
        return fail_at (s, s->p - 1, _("numbers may not start with 0"));
    }
  else if (!digits (s))
    return FALSE;

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integer = FALSE;
      if (!digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integer = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!digits (s))
        return FALSE;
    }

  if (!number_fits (start, s->p, integer))
    return fail_at (s, start, _("the number %.*s is too large"),
                    (int) MIN (s->p - start, 40), start);

  return TRUE;
}

/* The keys of one object. json-glib keeps the last of two equal keys
 * and drops the other without a word, which would lose data, so a key
 * given twice is refused. Keys compare as the file spells them. */
#define FEW_KEYS 16

typedef struct
{
  const char *few[FEW_KEYS];
  gsize       few_len[FEW_KEYS];
  guint       n;
  GHashTable *many; /* owned copies, once there are more than FEW_KEYS */
} Keys;

static gboolean
keys_add (Keys       *keys,
          const char *key,
          gsize       len)
{
  if (keys->many == NULL && keys->n < FEW_KEYS)
    {
      for (guint i = 0; i < keys->n; i++)
        if (keys->few_len[i] == len && memcmp (keys->few[i], key, len) == 0)
          return FALSE;
      keys->few[keys->n] = key;
      keys->few_len[keys->n++] = len;
      return TRUE;
    }

  if (keys->many == NULL)
    {
      keys->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < keys->n; i++)
        g_hash_table_add (keys->many, g_strndup (keys->few[i], keys->few_len[i]));
    }

  return g_hash_table_add (keys->many, g_strndup (key, len));
}

static gboolean
container_members (Scanner    *s,
                   char        close,
                   const char *open,
                   Keys       *keys)
{
  if (++s->depth > s->max_depth)
    {
      fail_at (s, open, _("nested more than %u levels deep"), s->max_depth);
      if (s->error != NULL && *s->error != NULL)
        (*s->error)->code = CSP_FORMAT_ERROR_TOO_LARGE;
      return FALSE;
    }

  skip_space (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      skip_space (s);
      if (close == '}')
        {
          if (s->p >= s->end || *s->p != '"')
            return s->p < s->end && *s->p != '/' && *s->p != '\''
                   ? fail_at (s, s->p, _("expected a key in double quotes"))
                   : unexpected (s);
          const char *key = s->p + 1;

          if (!string (s))
            return FALSE;
          if (!keys_add (keys, key, s->p - 1 - key))
            return fail_at (s, key - 1, _("the key “%.*s” appears twice in this object"),
                            (int) MIN (s->p - 1 - key, 60), key);
          skip_space (s);
          if (s->p >= s->end || *s->p != ':')
            return unexpected (s);
          s->p++;
        }

      if (!value (s))
        return FALSE;

      skip_space (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          skip_space (s);
          if (s->p < s->end && *s->p == close)
            return fail_at (s, s->p, _("a comma before “%c” is not allowed"), close);
          continue;
        }
      if (s->p < s->end && *s->p == close)
        {
          s->p++;
          s->depth--;
          return TRUE;
        }
      return unexpected (s);
    }
}

static gboolean
container (Scanner *s,
           char     close)
{
  const char *open = s->p++;
  Keys keys = { .n = 0 };
  gboolean ok;

  ok = container_members (s, close, open, &keys);
  g_clear_pointer (&keys.many, g_hash_table_unref);

  return ok;
}

static gboolean
value (Scanner *s)
{
  skip_space (s);
  if (s->p >= s->end)
    return unexpected (s);

  switch (*s->p)
    {
    case '{': return container (s, '}');
    case '[': return container (s, ']');
    case '"': return string (s);
    case 't': return expect_word (s, "true");
    case 'f': return expect_word (s, "false");
    case 'n': return expect_word (s, "null");
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return number (s);
      return unexpected (s);
    }
}

gboolean
csp_json_check (const char  *data,
                gsize        length,
                guint        max_depth,
                GError     **error)
{
  Scanner s = { data, data, data + length, 0, max_depth, error };
  const char *bad;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!g_utf8_validate_len (data, length, &bad))
    {
      s.end = bad;
      return fail_at (&s, bad, _("not valid UTF-8 text (byte %lu)"),
                      (unsigned long) (bad - data));
    }

  skip_space (&s);
  if (s.p == s.end)
    {
      g_set_error_literal (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_SYNTAX,
                           _("$: the file is empty"));
      return FALSE;
    }

  if (!value (&s))
    return FALSE;

  skip_space (&s);
  if (s.p != s.end)
    return fail_at (&s, s.p, _("unexpected data after the end of the document"));

  return TRUE;
}
