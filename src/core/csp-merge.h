/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "csp-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CSP_MERGE_MINE,
  CSP_MERGE_THEIRS,
} CspMergeSide;

typedef enum
{
  CSP_CONFLICT_FIELD,    /* the same field changed on both sides */
  CSP_CONFLICT_DELETION, /* deleted on one side, edited on the other */
} CspConflictKind;

/* Why the chosen side was chosen. */
typedef enum
{
  CSP_CONFLICT_NEWER,       /* its object's "modified" is the newer */
  CSP_CONFLICT_TIE,         /* same time (or none): mine is kept */
  CSP_CONFLICT_EDIT_KEPT,   /* an edited object is kept rather than deleted */
  CSP_CONFLICT_USER_CHOICE, /* csp_merge_set_choice () */
} CspConflictReason;

typedef struct
{
  CspConflictKind    kind;
  /* Where it is in the merged plan: "$.priorities[0].themes[1].actions[2].status";
   * for a deletion, the object's path. */
  char              *path;
  /* The values as text ("" when empty); for a deletion "edited" and
   * "deleted". */
  char              *mine;
  char              *theirs;
  CspMergeSide       chosen;
  CspConflictReason  reason;
  /* Stays the same whatever is chosen: "<object id>/<key>". */
  char              *key;
} CspConflict;

#define CSP_TYPE_MERGE (csp_merge_get_type ())

G_DECLARE_FINAL_TYPE (CspMerge, csp_merge, CSP, MERGE, GObject)

/* Merges @theirs into @mine, three-way against @base (from
 * csp_history_find_base ()), or two-way when @base is NULL: then every
 * field that differs is a conflict. The inputs are not changed. The
 * rules are described at the top of csp-merge.c. */
CspMerge          *csp_merge_new            (CspPlan      *base,
                                             CspPlan      *mine,
                                             CspPlan      *theirs);

/* The conflicts, in file order, each resolved by the default rule
 * until csp_merge_set_choice () says otherwise. Setting a choice merges
 * again: conflicts keep their order, but those inside an object whose
 * deletion was chosen go with it; CspConflict.key names a conflict
 * across choices. */
guint              csp_merge_get_n_conflicts (CspMerge    *self);
const CspConflict *csp_merge_get_conflict   (CspMerge     *self,
                                             guint         position);
void               csp_merge_set_choice     (CspMerge     *self,
                                             guint         position,
                                             CspMergeSide  side);

/* The merged plan with the current choices (a new reference; the plan
 * is built anew when a choice changes). It has a new revision whose
 * ancestors list both inputs' revisions, unless it is @mine unchanged
 * and @mine already knew @theirs' revision: then it is byte for byte
 * @mine. */
CspPlan           *csp_merge_get_result     (CspMerge     *self);
/* Whether the result differs from @mine. */
gboolean           csp_merge_get_changed    (CspMerge     *self);

/* Deep comparison of two objects' fields, lists and unknown keys. */
gboolean           csp_item_equal           (CspItem      *a,
                                             CspItem      *b);

G_END_DECLS
