/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of object in a plan document. The table in csp-kind.c says,
 * for each kind, which keys it has in the file, in which order, and of
 * which type: the reader, the writer, the properties and the merge all
 * work from that one table. */
typedef enum
{
  CSP_KIND_PLAN,
  CSP_KIND_PERIOD,
  CSP_KIND_CONTACT,
  CSP_KIND_SECTION,
  CSP_KIND_REVIEW,
  CSP_KIND_PRIORITY,
  CSP_KIND_THEME,
  CSP_KIND_ACTION,
  CSP_KIND_OWNER,
  CSP_KIND_UPDATE,
  CSP_KIND_PARTNER,
  CSP_KIND_PERSON,
  CSP_KIND_TERM,
  CSP_KIND_TOMBSTONE,
  CSP_N_KINDS
} CspKind;

typedef enum
{
  CSP_FIELD_FORMAT,    /* the root's "format" marker: no value, always "csp-plan" */
  CSP_FIELD_VERSION,   /* the root's "version": no value, always 1 */
  CSP_FIELD_ID,        /* string, unique in the document; made up when missing */
  CSP_FIELD_STRING,
  CSP_FIELD_DATE,      /* YYYY-MM-DD, or empty */
  CSP_FIELD_TIMESTAMP, /* RFC 3339 UTC, or empty */
  CSP_FIELD_STATUS,    /* one of csp_status_to_string () */
  CSP_FIELD_BOOLEAN,
  CSP_FIELD_STRV,      /* array of strings */
  CSP_FIELD_OBJECT,    /* one nested object of another kind */
  CSP_FIELD_LIST,      /* array of objects of another kind */
} CspFieldType;

typedef enum
{
  CSP_FIELD_REQUIRED    = 1 << 0, /* must be in the file */
  CSP_FIELD_OMIT_EMPTY  = 1 << 1, /* written only when it has a value */
  CSP_FIELD_PARTNER_REF = 1 << 2, /* holds the id of a partner */
  CSP_FIELD_NOT_EMPTY   = 1 << 3, /* must not be an empty string */
  CSP_FIELD_MAY_BE_EMPTY = 1 << 4, /* a status that may also be empty */
  CSP_FIELD_DEFAULT_TRUE = 1 << 5, /* a boolean that is TRUE when missing */
} CspFieldFlags;

typedef struct
{
  const char   *key;      /* the JSON key */
  const char   *property; /* the GObject property name */
  CspFieldType  type;
  CspFieldFlags flags;
  CspKind       kind;     /* for CSP_FIELD_OBJECT and CSP_FIELD_LIST */
} CspField;

typedef struct
{
  const char     *name;     /* "action", for messages: untranslated, pass it to _() */
  const CspField *fields;
  guint           n_fields;
  int             id_field;       /* index of "id", or -1 */
  int             modified_field; /* index of "modified", or -1 */
} CspKindInfo;

const CspKindInfo *csp_kind_get_info   (CspKind            kind);
int                csp_kind_find_field (const CspKindInfo *info,
                                        const char        *key);
GType              csp_kind_get_gtype  (CspKind            kind);

G_END_DECLS
