/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-reader"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#ifdef HAVE_MADVISE
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "csp-format.h"
#include "csp-item-private.h"
#include "csp-json-span.h"

/* Text the reader owns and may give back to the system as it goes. */
typedef struct
{
  char  *data;
  gsize  size;      /* of the mapping */
  gsize  released;  /* bytes from @data already given back */
} Buffer;

typedef struct
{
  GString      *path;      /* "$.priorities[2].themes[0]" */
  GString      *where;     /* the same, short: see append_where () */
  GHashTable   *ids;       /* id (the item's own string) → where it is */
  GHashTable   *partners;  /* partner ids (the partners' own strings) */
  GPtrArray    *refs;      /* owners naming a partner, then where they are */
  GStringChunk *wheres;    /* the wheres of the two above */
  GString      *key;       /* the member being read */
  GString      *text;      /* the string value being read */
  const char   *end;       /* the first byte after the value last read */
  Buffer       *buffer;    /* NULL when the caller owns the text */
  GError      **error;

  /* Progress: the share of the text read, in whole per cents. */
  CspProgressFunc progress;
  gpointer        progress_data;
  const char     *start;
  gsize           length;
  guint           percent;
} Reader;

/* More than any kind has. */
#define READER_MAX_FIELDS 32

/* Files from this size are read into pages the reader gives back as it
 * goes, a megabyte at a time: smaller ones are not worth the calls. */
#define RELEASE_MIN_SIZE (1024 * 1024)
#define RELEASE_STEP     (1024 * 1024)
#define WHERES_BLOCK     (256 * 1024)

static CspItem *read_item (Reader *r, const char *node, CspKind kind);

G_GNUC_PRINTF (2, 3)
static gboolean
fail (Reader     *r,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID,
               "%s: %s", r->path->str, what);
  return FALSE;
}

static const char *
describe_node (const char *node)
{
  switch (csp_json_span_type (node))
    {
    case CSP_JSON_OBJECT: return _("an object");
    case CSP_JSON_ARRAY: return _("an array");
    case CSP_JSON_NULL: return _("null");
    case CSP_JSON_STRING: return _("a string");
    case CSP_JSON_BOOLEAN: return _("true or false");
    case CSP_JSON_NUMBER:
    default:
      return _("a number");
    }
}

static gboolean
fail_type (Reader     *r,
           const char *node,
           const char *expected)
{
  return fail (r, _("expected %s, found %s"), expected, describe_node (node));
}

static gboolean
node_is (const char  *node,
         CspJsonType  type)
{
  return csp_json_span_type (node) == type;
}

static guint
digits_value (const char *s,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');

  return value;
}

static gboolean
is_date (const char *s)
{
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;

  return g_date_valid_dmy (digits_value (s + 8, 2), digits_value (s + 5, 2), digits_value (s, 4));
}

/* "[12]", without printf: it runs for every object of the file. */
static void
append_index (GString *path,
              guint    index)
{
  char buffer[16];
  char *p = buffer + sizeof buffer;

  *--p = ']';
  do
    *--p = '0' + index % 10;
  while ((index /= 10) > 0);
  *--p = '[';

  g_string_append_len (path, p, buffer + sizeof buffer - p);
}

/* The reader keeps where each id and each partner reference is, for
 * its messages: tens of thousands of them in a county plan, so not as
 * paths but as one byte per field (its index in the kind, plus one)
 * and the list index, plus one, in base 128 with the high bit set on
 * all bytes but the last. No byte is zero: a where is a C string. */
static void
append_where (GString *where,
              guint    value)
{
  value++;
  for (; value >= 0x80; value >>= 7)
    g_string_append_c (where, (char) (0x80 | (value & 0x7f)));
  g_string_append_c (where, (char) value);
}

static guint
read_where (const guint8 **p)
{
  guint value = 0;

  for (guint shift = 0; ; shift += 7)
    {
      guint8 byte = *(*p)++;

      value |= (guint) (byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return value - 1;
    }
}

/* "$.priorities[2].themes[0]" from its where. */
static void
assign_path (GString    *path,
             const char *where)
{
  const guint8 *p = (const guint8 *) where;
  CspKind kind = CSP_KIND_PLAN;

  g_string_assign (path, "$");
  while (*p != 0)
    {
      const CspField *field = &csp_kind_get_info (kind)->fields[read_where (&p)];

      g_string_append_c (path, '.');
      g_string_append (path, field->key);
      if (field->type == CSP_FIELD_LIST)
        append_index (path, read_where (&p));
      kind = field->kind;
    }
}

static gboolean
is_timestamp (const char *s)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  /* RFC 3339 wants a full date and time with an offset. */
  if (strlen (s) < 20 || s[10] != 'T')
    return FALSE;

  dt = g_date_time_new_from_iso8601 (s, utc);
  return dt != NULL;
}

/* Ids and partner references, for the checks that need all of them:
 * the item's own string, which lives as long as the plan being read. */
static void
remember (Reader         *r,
          CspItem        *item,
          const CspField *field)
{
  const char *value = csp_item_get_string (item, field->key);
  CspKind kind = csp_item_get_kind (item);

  if (field->type == CSP_FIELD_ID && kind != CSP_KIND_TOMBSTONE)
    {
      /* Where the item is: without the step to its "id". */
      g_hash_table_insert (r->ids, (char *) value,
                           g_string_chunk_insert_len (r->wheres, r->where->str, r->where->len - 1));
      if (kind == CSP_KIND_PARTNER)
        g_hash_table_add (r->partners, (char *) value);
    }
  else if ((field->flags & CSP_FIELD_PARTNER_REF) && *value != '\0')
    {
      g_ptr_array_add (r->refs, item);
      g_ptr_array_add (r->refs, g_string_chunk_insert_len (r->wheres, r->where->str, r->where->len));
    }
}

static gboolean
read_string_field (Reader         *r,
                   CspItem        *item,
                   guint           index,
                   const CspField *field,
                   const char     *node)
{
  const char *value;
  CspStatus status;

  g_string_truncate (r->text, 0);
  if (node_is (node, CSP_JSON_NULL) && !(field->flags & CSP_FIELD_REQUIRED))
    r->end = csp_json_span_skip (node);
  else if (node_is (node, CSP_JSON_STRING))
    r->end = csp_json_span_string (node, r->text);
  else
    return fail_type (r, node, _("a string"));
  value = r->text->str;

  if (*value == '\0' && (field->flags & CSP_FIELD_NOT_EMPTY))
    return fail (r, _("must not be empty"));

  switch (field->type)
    {
    case CSP_FIELD_ID:
      {
        const char *first;

        if (*value == '\0')
          return fail (r, _("an id must not be empty"));
        if (csp_item_get_kind (item) != CSP_KIND_TOMBSTONE &&
            (first = g_hash_table_lookup (r->ids, value)) != NULL)
          {
            g_autoptr(GString) path = g_string_new (NULL);

            assign_path (path, first);
            return fail (r, _("“%s” is also the id of %s: ids must be unique"), value, path->str);
          }
      }
      break;

    case CSP_FIELD_DATE:
      if (*value != '\0' && !is_date (value))
        return fail (r, _("“%s” is not a date (expected YYYY-MM-DD)"), value);
      break;

    case CSP_FIELD_TIMESTAMP:
      if (*value != '\0' && !is_timestamp (value))
        return fail (r, _("“%s” is not a time (expected RFC 3339, e.g. 2018-04-01T09:30:00Z)"), value);
      break;

    case CSP_FIELD_STATUS:
      if (!csp_status_from_string (value, &status) &&
          !(*value == '\0' && (field->flags & CSP_FIELD_MAY_BE_EMPTY)))
        return fail (r, _("“%s” is not a status (expected not-started, on-track, at-risk, off-track or complete)"), value);
      break;

    case CSP_FIELD_STRING:
      break;

    default:
      g_assert_not_reached ();
    }

  /* An item reads an unset string as empty: a county plan has tens of
   * thousands of empty fields, each an allocation of its own if set. */
  if (*value == '\0' && *csp_item_get_string (item, field->key) == '\0')
    return TRUE;

  _csp_item_set_string_raw (item, index, value);
  remember (r, item, field);
  return TRUE;
}

static gboolean
read_strv (Reader     *r,
           CspItem    *item,
           guint       index,
           const char *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  CspJsonIter iter;
  const char *element;
  gsize len = r->path->len;

  if (!node_is (node, CSP_JSON_ARRAY))
    return fail_type (r, node, _("an array of strings"));

  csp_json_iter_init (&iter, node);
  for (guint i = 0; csp_json_iter_next_element (&iter, &element); i++)
    {
      append_index (r->path, i);
      if (!node_is (element, CSP_JSON_STRING))
        return fail_type (r, element, _("a string"));
      g_string_truncate (r->path, len);
      g_string_truncate (r->text, 0);
      csp_json_iter_consumed (&iter, csp_json_span_string (element, r->text));
      g_strv_builder_add (builder, r->text->str);
    }
  r->end = iter.p + 1;

  strv = g_strv_builder_end (builder);
  _csp_item_set_strv_raw (item, index, (const char * const *) strv);
  return TRUE;
}

/* The text is read once, front to back: every value is handed out by
 * an iterator that only moves forward, and the reader keeps copies of
 * what it needs later (ids, paths). So once a list's element is read,
 * the whole pages before it are never looked at again, and a buffer the
 * reader owns can go back to the system while the model grows: a
 * county-sized plan then never holds its text and its model at once. */
static void
release_behind (Reader *r)
{
#ifdef HAVE_MADVISE
  Buffer *buffer = r->buffer;
  gsize page;
  gsize done;

  if (buffer == NULL)
    return;

  page = sysconf (_SC_PAGESIZE);
  done = (gsize) (r->end - buffer->data) / page * page;
  /* A system call for each megabyte at most. */
  if (done < buffer->released + RELEASE_STEP)
    return;

  madvise (buffer->data + buffer->released, done - buffer->released, MADV_DONTNEED);
  buffer->released = done;
#endif
}

/* At most once per per cent of the text: a comparison per element of
 * a list otherwise. */
static void
report_progress (Reader *r)
{
  guint percent;

  if (r->progress == NULL || r->length == 0)
    return;

  percent = (guint) ((guint64) (r->end - r->start) * 100 / r->length);
  if (percent <= r->percent)
    return;

  r->percent = percent;
  r->progress (MIN (percent, 100) / 100.0, r->progress_data);
}

static gboolean
read_list (Reader         *r,
           CspItem        *item,
           const CspField *field,
           const char     *node)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  CspJsonIter iter;
  const char *element;
  gsize len = r->path->len;
  gsize where_len = r->where->len;

  if (!node_is (node, CSP_JSON_ARRAY))
    return fail_type (r, node, _("an array"));

  csp_json_iter_init (&iter, node);
  for (guint i = 0; csp_json_iter_next_element (&iter, &element); i++)
    {
      CspItem *child;

      append_index (r->path, i);
      append_where (r->where, i);
      if ((child = read_item (r, element, field->kind)) == NULL)
        return FALSE;
      csp_json_iter_consumed (&iter, r->end);
      g_string_truncate (r->path, len);
      g_string_truncate (r->where, where_len);
      g_ptr_array_add (children, child);
      release_behind (r);
      report_progress (r);
    }
  r->end = iter.p + 1;

  _csp_item_set_list_raw (item, field->key, children);
  return TRUE;
}

static gboolean
read_field (Reader         *r,
            CspItem        *item,
            guint           index,
            const CspField *field,
            const char     *node)
{
  switch (field->type)
    {
    case CSP_FIELD_FORMAT:
    case CSP_FIELD_VERSION:
      /* Checked before anything else, in read_plan_marker (). */
      r->end = csp_json_span_skip (node);
      return TRUE;

    case CSP_FIELD_BOOLEAN:
      if (!node_is (node, CSP_JSON_BOOLEAN))
        return fail_type (r, node, _("true or false"));
      _csp_item_set_boolean_raw (item, index, csp_json_span_boolean (node));
      r->end = csp_json_span_skip (node);
      return TRUE;

    case CSP_FIELD_STRV:
      return read_strv (r, item, index, node);

    case CSP_FIELD_OBJECT:
      {
        g_autoptr(CspItem) child = read_item (r, node, field->kind);

        if (child == NULL)
          return FALSE;
        _csp_item_set_object_raw (item, index, child);
        return TRUE;
      }

    case CSP_FIELD_LIST:
      return read_list (r, item, field, node);

    case CSP_FIELD_ID:
    case CSP_FIELD_STRING:
    case CSP_FIELD_DATE:
    case CSP_FIELD_TIMESTAMP:
    case CSP_FIELD_STATUS:
    default:
      return read_string_field (r, item, index, field, node);
    }
}

static gboolean
has_extra (CspItem    *item,
           const char *name)
{
  GPtrArray *extras = _csp_item_get_extras (item);

  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      if (g_str_equal (((CspExtra *) g_ptr_array_index (extras, i))->name, name))
        return TRUE;
    }

  return FALSE;
}

/* Kept as it came, to be written back in its place. */
static void
read_extra (Reader     *r,
            CspItem    *item,
            const char *after,
            const char *node)
{
  g_autoptr(JsonNode) copy = csp_json_span_to_node (node);

  _csp_item_add_extra (item, after, r->key->str, copy);
}

static CspItem *
read_item (Reader     *r,
           const char *node,
           CspKind     kind)
{
  const CspKindInfo *info = csp_kind_get_info (kind);
  g_autoptr(CspItem) item = NULL;
  gboolean seen[READER_MAX_FIELDS] = { FALSE };
  const char *after = NULL;
  CspJsonIter iter;
  const char *member;
  gsize len = r->path->len;
  gsize where_len = r->where->len;

  if (!node_is (node, CSP_JSON_OBJECT))
    {
      fail_type (r, node, _("an object"));
      return NULL;
    }

  g_assert (info->n_fields <= READER_MAX_FIELDS);
  item = csp_item_new (kind);

  csp_json_iter_init (&iter, node);
  while (csp_json_iter_next_member (&iter, r->key, &member))
    {
      int index = csp_kind_find_field (info, r->key->str);

      /* csp_json_check () refuses keys spelt the same twice; this
       * catches the same key spelt two ways ("text", "\u0074ext"). */
      if (index >= 0 ? seen[index] : has_extra (item, r->key->str))
        {
          fail (r, _("“%s” is given twice"), r->key->str);
          return NULL;
        }

      if (index < 0)
        {
          read_extra (r, item, after, member);
          continue;
        }

      g_string_append_c (r->path, '.');
      g_string_append (r->path, r->key->str);
      append_where (r->where, index);
      if (!read_field (r, item, index, &info->fields[index], member))
        return NULL;
      g_string_truncate (r->path, len);
      g_string_truncate (r->where, where_len);

      csp_json_iter_consumed (&iter, r->end);
      seen[index] = TRUE;
      after = info->fields[index].key;
    }
  r->end = iter.p + 1;

  for (guint i = 0; i < info->n_fields; i++)
    {
      if ((info->fields[i].flags & CSP_FIELD_REQUIRED) && !seen[i])
        {
          fail (r, _("“%s” is missing: every %s needs it"), info->fields[i].key, _(info->name));
          return NULL;
        }
    }

  if (kind == CSP_KIND_OWNER &&
      *csp_item_get_string (item, "partner") == '\0' &&
      *csp_item_get_string (item, "name") == '\0')
    {
      fail (r, _("an owner needs “partner” (a partner’s id) or “name”"));
      return NULL;
    }

  return g_steal_pointer (&item);
}

static const char *
find_member (Reader     *r,
             const char *object,
             const char *name)
{
  CspJsonIter iter;
  const char *member;
  const char *found = NULL;

  /* As json-glib did: the last of two members of the same name. */
  csp_json_iter_init (&iter, object);
  while (csp_json_iter_next_member (&iter, r->key, &member))
    {
      if (g_str_equal (r->key->str, name))
        found = member;
    }

  return found;
}

static gboolean
read_plan_marker (Reader     *r,
                  const char *root)
{
  const char *format;
  const char *version;
  gint64 number;

  if (!node_is (root, CSP_JSON_OBJECT))
    {
      g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_NOT_A_PLAN,
                   _("$: expected an object, found %s: this is not a CSP plan"),
                   describe_node (root));
      return FALSE;
    }

  format = find_member (r, root, "format");
  if (format != NULL && node_is (format, CSP_JSON_STRING))
    {
      g_string_truncate (r->text, 0);
      csp_json_span_string (format, r->text);
    }
  if (format == NULL || !node_is (format, CSP_JSON_STRING) ||
      !g_str_equal (r->text->str, "csp-plan"))
    {
      g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_NOT_A_PLAN,
                   format == NULL
                   ? _("$: there is no “format”: \"csp-plan\": this is not a CSP plan")
                   : _("$.format: expected \"csp-plan\": this is not a CSP plan"));
      return FALSE;
    }

  version = find_member (r, root, "version");
  if (version == NULL)
    {
      g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID,
                   _("$: “version” is missing: every plan needs it"));
      return FALSE;
    }
  if (!node_is (version, CSP_JSON_NUMBER) || !csp_json_span_int64 (version, &number) || number < 1)
    {
      g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_INVALID,
                   _("$.version: expected a whole number from 1"));
      return FALSE;
    }
  if (number > CSP_FORMAT_VERSION)
    {
      /* Formatted apart, so that the message has no G_GINT64_FORMAT
       * for translators to trip on. */
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (r->error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_VERSION,
                   _("$.version: the file is of format version %s, written by a newer "
                     "CSP Planner; this one reads version %d: please update CSP Planner"),
                   found, CSP_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_partner_refs (Reader *r)
{
  for (guint i = 0; i < r->refs->len; i += 2)
    {
      const char *id = csp_item_get_string (g_ptr_array_index (r->refs, i), "partner");

      if (!g_hash_table_contains (r->partners, id))
        {
          assign_path (r->path, g_ptr_array_index (r->refs, i + 1));
          return fail (r, _("“%s” is not the id of a partner in $.partners"), id);
        }
    }

  return TRUE;
}

typedef struct
{
  CspProgressFunc func;
  gpointer        data;
} Progress;

static CspPlan *
read_plan (const char     *data,
           gsize           length,
           Buffer         *buffer,
           const Progress *progress,
           GError        **error)
{
  g_autoptr(CspItem) plan = NULL;
  Reader r = { 0 };

  if (length > CSP_FORMAT_MAX_SIZE)
    {
      g_set_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_TOO_LARGE,
                   _("$: the file is larger than %d MiB"), CSP_FORMAT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Notepad on Windows starts UTF-8 files with a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!csp_json_check (data, length, CSP_FORMAT_MAX_DEPTH, error))
    return NULL;

  data = csp_json_span_skip_space (data);

  /* The wheres kept while reading live apart from the model, in a few
   * large blocks: freed at the end, they leave no holes between the
   * model's strings. */
  r.path = g_string_new ("$");
  r.where = g_string_new (NULL);
  r.wheres = g_string_chunk_new (WHERES_BLOCK);
  r.ids = g_hash_table_new (g_str_hash, g_str_equal);
  r.partners = g_hash_table_new (g_str_hash, g_str_equal);
  r.refs = g_ptr_array_new ();
  r.key = g_string_new (NULL);
  r.text = g_string_new (NULL);
  r.buffer = buffer;
  r.error = error;
  r.progress = progress != NULL ? progress->func : NULL;
  r.progress_data = progress != NULL ? progress->data : NULL;
  r.start = data;
  r.length = length;

  if (read_plan_marker (&r, data))
    {
      plan = read_item (&r, data, CSP_KIND_PLAN);
      if (plan != NULL && !check_partner_refs (&r))
        g_clear_object (&plan);
    }

  g_string_free (r.path, TRUE);
  g_hash_table_unref (r.ids);
  g_hash_table_unref (r.partners);
  g_ptr_array_unref (r.refs);
  g_string_free (r.where, TRUE);
  g_string_chunk_free (r.wheres);
  g_string_free (r.key, TRUE);
  g_string_free (r.text, TRUE);

  return plan != NULL ? CSP_PLAN (g_steal_pointer (&plan)) : NULL;
}

CspPlan *
csp_plan_load_bytes (GBytes  *bytes,
                     GError **error)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return read_plan (data, length, NULL, NULL, error);
}

static CspPlan *
load_contents (GFile           *file,
               const Progress  *progress,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return read_plan (g_bytes_get_data (bytes, NULL), length, NULL, progress, error);
}

#ifdef HAVE_MADVISE
/* Reads @file into pages of its own, which the reader gives back as it
 * goes (release_behind ()). Not a mapping of the file itself: another
 * program truncating it while it is read would crash us. */
static CspPlan *
load_released (GFile           *file,
               goffset          size,
               const Progress  *progress,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  CspPlan *plan = NULL;
  Buffer buffer = { 0 };
  gsize length;

  /* A byte more than the file has, to notice that it grew since. */
  buffer.size = size + 1;
  buffer.data = mmap (NULL, buffer.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (buffer.data == MAP_FAILED)
    return load_contents (file, progress, cancellable, error);

  stream = g_file_read (file, cancellable, error);
  if (stream != NULL &&
      g_input_stream_read_all (G_INPUT_STREAM (stream), buffer.data, buffer.size, &length,
                               cancellable, error))
    {
      if (length < buffer.size)
        plan = read_plan (buffer.data, length, &buffer, progress, error);
      else
        plan = load_contents (file, progress, cancellable, error);
    }

  munmap (buffer.data, buffer.size);
#ifdef HAVE_MALLOC_TRIM
  /* What the reader freed (its wheres, the lists' arrays) lies between
   * the model's allocations, in the malloc arena of the thread that read
   * the plan, which the window's thread never uses: glibc keeps those
   * pages resident unless asked. */
  malloc_trim (0);
#endif
  return plan;
}
#endif

CspPlan *
csp_plan_load_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return csp_plan_load_file_with_progress (file, NULL, NULL, cancellable, error);
}

CspPlan *
csp_plan_load_file_with_progress (GFile            *file,
                                  CspProgressFunc   progress,
                                  gpointer          progress_data,
                                  GCancellable     *cancellable,
                                  GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  Progress report = { progress, progress_data };
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("it is a folder, not a file"));
      return NULL;
    }

  /* Refused before reading, so a huge file costs nothing. */
  size = g_file_info_get_size (info);
  if (size > CSP_FORMAT_MAX_SIZE)
    {
      g_set_error (error, CSP_FORMAT_ERROR, CSP_FORMAT_ERROR_TOO_LARGE,
                   _("$: the file is larger than %d MiB"), CSP_FORMAT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

#ifdef HAVE_MADVISE
  if (size >= RELEASE_MIN_SIZE)
    return load_released (file, size, &report, cancellable, error);
#endif

  return load_contents (file, &report, cancellable, error);
}
