/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-writer"

#include "config.h"

#include "csp-format.h"
#include "csp-item-private.h"

/* The writer streams straight into one buffer. Building a JsonNode tree
 * first and handing it to JsonGenerator costs a hash table per object
 * and a copy of every string: twice the time and memory of the whole
 * save for a county-sized plan. The output is what RFC 8259 calls
 * pretty JSON: two-space indents, "key": value, a newline at the end. */

typedef struct
{
  GString       *out;
  guint          depth;
  gboolean       first;  /* nothing written yet in the current object or array */
  GOutputStream *stream; /* where @out goes as it fills up; NULL: kept whole */
  GCancellable  *cancellable;
  GError        *error;
} Writer;

#define FLUSH_SIZE (64 * 1024)

/* Hands what is written so far to the stream, if any, so that a
 * county's plan is never all in memory twice. */
static void
flush (Writer *w)
{
  if (w->stream == NULL || w->error != NULL)
    return;

  g_output_stream_write_all (w->stream, w->out->str, w->out->len, NULL,
                             w->cancellable, &w->error);
  g_string_truncate (w->out, 0);
}

static void write_item (Writer *w, CspItem *item);
static void write_node (Writer *w, JsonNode *node);

static void
newline (Writer *w)
{
  /* Deeper than the reader allows (64), with room to spare. */
  static const char spaces[] = "\n"
    "                                                                "
    "                                                                "
    "                                                                "
    "                                                                ";
  gsize len = 1 + 2 * w->depth;

  g_assert (len <= sizeof spaces - 1);
  g_string_append_len (w->out, spaces, len);
}

static void
write_string (Writer     *w,
              const char *s)
{
  const char *run = s;

  g_string_append_c (w->out, '"');
  for (; *s != '\0'; s++)
    {
      guchar c = *s;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (w->out, run, s - run);
      run = s + 1;
      switch (c)
        {
        case '"': g_string_append (w->out, "\\\""); break;
        case '\\': g_string_append (w->out, "\\\\"); break;
        case '\n': g_string_append (w->out, "\\n"); break;
        case '\r': g_string_append (w->out, "\\r"); break;
        case '\t': g_string_append (w->out, "\\t"); break;
        case '\b': g_string_append (w->out, "\\b"); break;
        case '\f': g_string_append (w->out, "\\f"); break;
        default: g_string_append_printf (w->out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (w->out, run, s - run);
  g_string_append_c (w->out, '"');
}

static void
open_container (Writer *w,
                char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  w->depth--;
  if (!w->first)
    newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

/* Starts the next element of an array, or member of an object when
 * @key is given. */
static void
next (Writer     *w,
      const char *key)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  newline (w);
  w->first = FALSE;

  if (key != NULL)
    {
      write_string (w, key);
      g_string_append (w->out, ": ");
    }
}

static void
write_value (Writer   *w,
             JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_INT64:
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      g_string_append (w->out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      break;
    case G_TYPE_STRING:
    default:
      write_string (w, json_node_get_string (node));
      break;
    }
}

/* Keys we do not know come back exactly as they were read. */
static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        open_container (w, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            next (w, key);
            write_node (w, member);
          }
        close_container (w, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        open_container (w, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            next (w, NULL);
            write_node (w, json_array_get_element (array, i));
          }
        close_container (w, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      write_value (w, node);
      break;
    }
}

static void
write_extras (Writer     *w,
              GPtrArray  *extras,
              const char *after)
{
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CspExtra *extra = g_ptr_array_index (extras, i);

      if (g_strcmp0 (extra->after, after) == 0)
        {
          next (w, extra->name);
          write_node (w, extra->node);
        }
    }
}

static void
write_field (Writer         *w,
             CspItem        *item,
             const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_FORMAT:
      next (w, field->key);
      write_string (w, "csp-plan");
      break;

    case CSP_FIELD_VERSION:
      next (w, field->key);
      g_string_append_printf (w->out, "%d", CSP_FORMAT_VERSION);
      break;

    case CSP_FIELD_BOOLEAN:
      next (w, field->key);
      g_string_append (w->out, csp_item_get_boolean (item, field->key) ? "true" : "false");
      break;

    case CSP_FIELD_STRV:
      next (w, field->key);
      open_container (w, '[');
      for (const char * const *s = csp_item_get_strv (item, field->key); *s != NULL; s++)
        {
          next (w, NULL);
          write_string (w, *s);
        }
      close_container (w, ']');
      break;

    case CSP_FIELD_OBJECT:
      next (w, field->key);
      write_item (w, csp_item_get_object (item, field->key));
      break;

    case CSP_FIELD_LIST:
      {
        guint n = csp_item_get_n_children (item, field->key);

        next (w, field->key);
        open_container (w, '[');
        for (guint i = 0; i < n; i++)
          {
            next (w, NULL);
            write_item (w, csp_item_get_child (item, field->key, i));
          }
        close_container (w, ']');
      }
      break;

    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
    default:
      {
        const char *value = csp_item_get_string (item, field->key);

        if (*value == '\0' && (field->flags & CSP_FIELD_OMIT_EMPTY))
          break;
        next (w, field->key);
        write_string (w, value);
      }
      break;
    }
}

static void
write_item (Writer  *w,
            CspItem *item)
{
  const CspKindInfo *info = csp_item_get_info (item);
  GPtrArray *extras = _csp_item_get_extras (item);

  open_container (w, '{');
  write_extras (w, extras, NULL);
  for (guint i = 0; i < info->n_fields; i++)
    {
      write_field (w, item, &info->fields[i]);
      write_extras (w, extras, info->fields[i].key);
    }
  close_container (w, '}');

  if (w->out->len >= FLUSH_SIZE)
    flush (w);
}

GBytes *
csp_plan_to_bytes (CspPlan *plan)
{
  Writer w = { 0 };

  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);

  w.out = g_string_sized_new (64 * 1024);
  write_item (&w, CSP_ITEM (plan));
  g_string_append_c (w.out, '\n');

  return g_string_free_to_bytes (w.out);
}

gboolean
csp_plan_write (CspPlan        *plan,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  Writer w = { 0 };

  g_return_val_if_fail (CSP_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  w.out = g_string_sized_new (FLUSH_SIZE + 4096);
  w.stream = stream;
  w.cancellable = cancellable;
  write_item (&w, CSP_ITEM (plan));
  g_string_append_c (w.out, '\n');
  flush (&w);
  g_string_free (w.out, TRUE);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }

  return TRUE;
}

static gpointer
plan_to_bytes (CspPlan *plan)
{
  return csp_plan_to_bytes (plan);
}

void
csp_plan_to_bytes_async (CspPlan             *plan,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (CSP_IS_PLAN (plan));

  _csp_plan_read_async (plan, plan_to_bytes, (GDestroyNotify) g_bytes_unref,
                        csp_plan_to_bytes_async, cancellable, callback, user_data);
}

GBytes *
csp_plan_to_bytes_finish (CspPlan       *plan,
                          GAsyncResult  *result,
                          GError       **error)
{
  return _csp_plan_read_finish (plan, result, csp_plan_to_bytes_async, error);
}
