/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-search"

#include "config.h"

#include <string.h>

#include "csp-kind.h"
#include "csp-search.h"

struct _CspSearchIndex
{
  CspPlan    *plan;
  gulong      changed_id;
  GHashTable *texts; /* action (a reference) → its casefolded text */
};

static void
append_folded (GString    *out,
               const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;

      /* Runs of ASCII fold byte by byte; anything else goes through
       * GLib one character at a time, so the result is the same. */
      while (*p != '\0' && (guchar) *p < 0x80)
        p++;
      g_string_append_len (out, run, p - run);
      for (char *c = out->str + out->len - (p - run); c < out->str + out->len; c++)
        {
          if (*c >= 'A' && *c <= 'Z')
            *c += 'a' - 'A';
        }

      if (*p != '\0')
        {
          const char *next = g_utf8_next_char (p);
          g_autofree char *folded = g_utf8_casefold (p, next - p);

          g_string_append (out, folded);
          p = next;
        }
    }
}

char *
csp_search_fold (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  append_folded (out, text);
  return g_string_free (out, FALSE);
}

/* The fields one after another, a line each: the needle is one line,
 * so it never matches across two of them. */
static char *
dup_search_text (CspItem *action)
{
  g_autofree char *owners = csp_action_dup_owners_label (action);
  guint n_updates = csp_item_get_n_children (action, "updates");
  GString *out = g_string_sized_new (512);
  gsize len;

  append_folded (out, csp_item_get_string (action, "text"));
  g_string_append_c (out, '\n');
  append_folded (out, owners);
  for (guint i = 0; i < n_updates; i++)
    {
      CspItem *update = csp_item_get_child (action, "updates", i);

      g_string_append_c (out, '\n');
      append_folded (out, csp_item_get_string (update, "text"));
      g_string_append_c (out, '\n');
      append_folded (out, csp_item_get_string (update, "author"));
    }

  /* A GString grows by doubling: the index keeps thousands of these,
   * so each gives back what it did not use (a third, on average). */
  len = out->len;
  return g_realloc (g_string_free (out, FALSE), len + 1);
}

static void
on_plan_changed (CspPlan    *plan,
                 CspItem    *item,
                 const char *key,
                 gpointer    user_data)
{
  CspSearchIndex *self = user_data;

  /* A partner's name is in the owners of many actions. */
  if (csp_item_get_kind (item) == CSP_KIND_PARTNER || g_str_equal (key, "partners"))
    {
      g_hash_table_remove_all (self->texts);
      return;
    }

  for (; item != NULL; item = csp_item_get_parent (item))
    {
      if (csp_item_get_kind (item) == CSP_KIND_ACTION)
        {
          g_hash_table_remove (self->texts, item);
          return;
        }
    }
}

CspSearchIndex *
csp_search_index_new (CspPlan *plan)
{
  CspSearchIndex *self;

  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);

  self = g_new0 (CspSearchIndex, 1);
  self->plan = g_object_ref (plan);
  self->texts = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (on_plan_changed), self);

  return self;
}

void
csp_search_index_free (CspSearchIndex *self)
{
  if (self == NULL)
    return;

  g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
  g_hash_table_unref (self->texts);
  g_free (self);
}

static const char *
get_search_text (CspSearchIndex *self,
                 CspItem        *action)
{
  char *text;

  if ((text = g_hash_table_lookup (self->texts, action)) == NULL)
    {
      text = dup_search_text (action);
      g_hash_table_insert (self->texts, g_object_ref (action), text);
    }

  return text;
}

void
csp_search_index_prepare (CspSearchIndex *self,
                          CspItem        *action)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (CSP_IS_ITEM (action));

  get_search_text (self, action);
}

gboolean
csp_search_index_matches (CspSearchIndex *self,
                          CspItem        *action,
                          const char     *needle)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CSP_IS_ITEM (action), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  return strstr (get_search_text (self, action), needle) != NULL;
}
