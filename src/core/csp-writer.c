/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-writer"

#include "config.h"

#include "csp-format.h"
#include "csp-item-private.h"

static void write_item (JsonBuilder *builder, CspItem *item);

static void
write_extras (JsonBuilder *builder,
              GPtrArray   *extras,
              const char  *after)
{
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CspExtra *extra = g_ptr_array_index (extras, i);

      if (g_strcmp0 (extra->after, after) == 0)
        {
          json_builder_set_member_name (builder, extra->name);
          json_builder_add_value (builder, json_node_copy (extra->node));
        }
    }
}

static void
write_field (JsonBuilder    *builder,
             CspItem        *item,
             const CspField *field)
{
  switch (field->type)
    {
    case CSP_FIELD_FORMAT:
      json_builder_set_member_name (builder, field->key);
      json_builder_add_string_value (builder, "csp-plan");
      break;

    case CSP_FIELD_VERSION:
      json_builder_set_member_name (builder, field->key);
      json_builder_add_int_value (builder, CSP_FORMAT_VERSION);
      break;

    case CSP_FIELD_BOOLEAN:
      json_builder_set_member_name (builder, field->key);
      json_builder_add_boolean_value (builder, csp_item_get_boolean (item, field->key));
      break;

    case CSP_FIELD_STRV:
      json_builder_set_member_name (builder, field->key);
      json_builder_begin_array (builder);
      for (const char * const *s = csp_item_get_strv (item, field->key); *s != NULL; s++)
        json_builder_add_string_value (builder, *s);
      json_builder_end_array (builder);
      break;

    case CSP_FIELD_OBJECT:
      json_builder_set_member_name (builder, field->key);
      write_item (builder, csp_item_get_object (item, field->key));
      break;

    case CSP_FIELD_LIST:
      {
        guint n = csp_item_get_n_children (item, field->key);

        json_builder_set_member_name (builder, field->key);
        json_builder_begin_array (builder);
        for (guint i = 0; i < n; i++)
          write_item (builder, csp_item_get_child (item, field->key, i));
        json_builder_end_array (builder);
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
        json_builder_set_member_name (builder, field->key);
        json_builder_add_string_value (builder, value);
      }
      break;
    }
}

static void
write_item (JsonBuilder *builder,
            CspItem     *item)
{
  const CspKindInfo *info = csp_item_get_info (item);
  GPtrArray *extras = _csp_item_get_extras (item);

  json_builder_begin_object (builder);
  write_extras (builder, extras, NULL);
  for (guint i = 0; i < info->n_fields; i++)
    {
      write_field (builder, item, &info->fields[i]);
      write_extras (builder, extras, info->fields[i].key);
    }
  json_builder_end_object (builder);
}

GBytes *
csp_plan_to_bytes (CspPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);

  write_item (builder, CSP_ITEM (plan));
  root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}
