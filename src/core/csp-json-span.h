/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Values read in place from JSON text that csp_json_check () has
 * accepted. The reader walks the text itself: a json-glib tree of a
 * county-sized plan costs five times the file's size in memory and most
 * of the time of opening it. A value is a pointer to its first byte;
 * nothing here checks the syntax again. */

typedef enum
{
  CSP_JSON_OBJECT,
  CSP_JSON_ARRAY,
  CSP_JSON_STRING,
  CSP_JSON_NUMBER,
  CSP_JSON_BOOLEAN,
  CSP_JSON_NULL,
} CspJsonType;

typedef struct
{
  const char *p;      /* after the opening bracket, or after the last comma */
  const char *value;  /* the value last handed out, or NULL */
  const char *end;    /* where it ends, when the caller has said */
} CspJsonIter;

CspJsonType  csp_json_span_type         (const char  *value);
/* The first byte at or after @p that is not white space. */
const char  *csp_json_span_skip_space   (const char  *p);
/* The first byte after @value. */
const char  *csp_json_span_skip         (const char  *value);
/* Appends the decoded text of the string at @value to @out; returns
 * the first byte after it. */
const char  *csp_json_span_string       (const char  *value,
                                         GString     *out);
gboolean     csp_json_span_boolean      (const char  *value);
/* FALSE when the number at @value is not a whole number (json-glib
 * reads "1.0" and "1e0" as doubles too). */
gboolean     csp_json_span_int64        (const char  *value,
                                         gint64      *number);
/* A json-glib copy of @value, for keys the reader keeps as they are. */
JsonNode    *csp_json_span_to_node      (const char  *value);

/* @container points at '{' or '['. */
void         csp_json_iter_init         (CspJsonIter *iter,
                                         const char  *container);
/* The next member's name (decoded into @key) and value. */
gboolean     csp_json_iter_next_member  (CspJsonIter *iter,
                                         GString     *key,
                                         const char **value);
gboolean     csp_json_iter_next_element (CspJsonIter *iter,
                                         const char **value);
/* Tells the iterator where the value it handed out ends, when the
 * caller has read it through; otherwise the next call skips it, and a
 * plan nested eight deep would be scanned eight times. */
void         csp_json_iter_consumed     (CspJsonIter *iter,
                                         const char  *end);

G_END_DECLS
