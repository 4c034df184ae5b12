/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-json-span"

#include "config.h"

#include <string.h>

#include "csp-json-span.h"

const char *
csp_json_span_skip_space (const char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
    p++;

  return p;
}

CspJsonType
csp_json_span_type (const char *value)
{
  switch (*value)
    {
    case '{': return CSP_JSON_OBJECT;
    case '[': return CSP_JSON_ARRAY;
    case '"': return CSP_JSON_STRING;
    case 't': case 'f': return CSP_JSON_BOOLEAN;
    case 'n': return CSP_JSON_NULL;
    default: return CSP_JSON_NUMBER;
    }
}

/* The closing quote of the string that starts at @value. */
static const char *
string_end (const char *value)
{
  const char *p = value + 1;

  for (;;)
    {
      p = strpbrk (p, "\"\\");
      if (*p == '"')
        return p;
      p += 2;
    }
}

static const char *
skip_container (const char *p)
{
  guint depth = 0;

  for (;; p++)
    {
      switch (*p)
        {
        case '"':
          p = string_end (p);
          break;
        case '{': case '[':
          depth++;
          break;
        case '}': case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
    }
}

const char *
csp_json_span_skip (const char *value)
{
  switch (*value)
    {
    case '{': case '[':
      return skip_container (value);
    case '"':
      return string_end (value) + 1;
    case 't': case 'n':
      return value + 4;
    case 'f':
      return value + 5;
    default:
      while (g_ascii_isdigit (*value) || *value == '-' || *value == '+'
             || *value == '.' || *value == 'e' || *value == 'E')
        value++;
      return value;
    }
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (guint i = 0; i < 4; i++)
    v = v * 16 + g_ascii_xdigit_value (p[i]);

  return v;
}

/* @p points at a backslash; returns the byte after the escape. */
static const char *
append_escape (const char *p,
               GString    *out)
{
  gunichar c;

  switch (p[1])
    {
    case 'b': g_string_append_c (out, '\b'); return p + 2;
    case 'f': g_string_append_c (out, '\f'); return p + 2;
    case 'n': g_string_append_c (out, '\n'); return p + 2;
    case 'r': g_string_append_c (out, '\r'); return p + 2;
    case 't': g_string_append_c (out, '\t'); return p + 2;
    case 'u':
      break;
    default:
      g_string_append_c (out, p[1]);
      return p + 2;
    }

  c = hex4 (p + 2);
  p += 6;
  /* The check has made sure that a high surrogate has its low half. */
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      c = 0x10000 + ((c - 0xD800) << 10) + (hex4 (p + 2) - 0xDC00);
      p += 6;
    }
  g_string_append_unichar (out, c);

  return p;
}

const char *
csp_json_span_string (const char *value,
                      GString    *out)
{
  const char *p = value + 1;

  g_assert (*value == '"');

  for (;;)
    {
      const char *stop = strpbrk (p, "\"\\");

      g_string_append_len (out, p, stop - p);
      if (*stop == '"')
        return stop + 1;
      p = append_escape (stop, out);
    }
}

gboolean
csp_json_span_boolean (const char *value)
{
  return *value == 't';
}

gboolean
csp_json_span_int64 (const char *value,
                     gint64     *number)
{
  const char *end = csp_json_span_skip (value);

  for (const char *p = value; p < end; p++)
    {
      if (*p == '.' || *p == 'e' || *p == 'E')
        return FALSE;
    }

  *number = g_ascii_strtoll (value, NULL, 10);
  return TRUE;
}

JsonNode *
csp_json_span_to_node (const char *value)
{
  g_autofree char *text = g_strndup (value, csp_json_span_skip (value) - value);
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  /* The text has passed the stricter check already. */
  g_assert (node != NULL);

  return node;
}

void
csp_json_iter_init (CspJsonIter *iter,
                    const char  *container)
{
  g_assert (*container == '{' || *container == '[');

  iter->p = container + 1;
  iter->value = NULL;
  iter->end = NULL;
}

void
csp_json_iter_consumed (CspJsonIter *iter,
                        const char  *end)
{
  iter->end = end;
}

/* Moves past the value last handed out and the comma after it; FALSE
 * at the closing bracket. */
static gboolean
advance (CspJsonIter *iter)
{
  const char *p = iter->p;

  if (iter->value != NULL)
    p = iter->end != NULL ? iter->end : csp_json_span_skip (iter->value);

  p = csp_json_span_skip_space (p);
  if (*p == '}' || *p == ']')
    {
      iter->p = p;
      iter->value = NULL;
      return FALSE;
    }
  if (*p == ',')
    p = csp_json_span_skip_space (p + 1);

  iter->p = p;
  return TRUE;
}

gboolean
csp_json_iter_next_member (CspJsonIter *iter,
                           GString     *key,
                           const char **value)
{
  const char *p;

  if (!advance (iter))
    return FALSE;

  g_string_truncate (key, 0);
  p = csp_json_span_string (iter->p, key);
  p = csp_json_span_skip_space (p);
  g_assert (*p == ':');
  p = csp_json_span_skip_space (p + 1);

  iter->value = *value = p;
  iter->end = NULL;
  return TRUE;
}

gboolean
csp_json_iter_next_element (CspJsonIter *iter,
                            const char **value)
{
  if (!advance (iter))
    return FALSE;

  iter->value = *value = iter->p;
  iter->end = NULL;
  return TRUE;
}
