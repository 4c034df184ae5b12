/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csp-item-private.h"
#include "csp-plan.h"

#define F(key, prop, type, flags) { key, prop, CSP_FIELD_##type, flags, 0 }
#define O(key, type, kind, flags) { key, key, CSP_FIELD_##type, flags, CSP_KIND_##kind }

#define REQUIRED CSP_FIELD_REQUIRED
#define OMIT     CSP_FIELD_OMIT_EMPTY

static const CspField plan_fields[] = {
  F ("format", "format", FORMAT, REQUIRED),
  F ("version", "version", VERSION, REQUIRED),
  F ("id", "id", ID, 0),
  F ("revision", "revision", STRING, OMIT),
  F ("ancestors", "ancestors", STRV, 0),
  F ("title", "title", STRING, REQUIRED),
  F ("partnership", "partnership", STRING, 0),
  F ("area", "area", STRING, 0),
  O ("period", OBJECT, PERIOD, 0),
  O ("contact", OBJECT, CONTACT, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
  O ("sections", LIST, SECTION, 0),
  O ("review", OBJECT, REVIEW, 0),
  O ("priorities", LIST, PRIORITY, 0),
  O ("partners", LIST, PARTNER, 0),
  O ("glossary", LIST, TERM, 0),
  O ("deleted", LIST, TOMBSTONE, 0),
};

static const CspField period_fields[] = {
  F ("start", "start", DATE, 0),
  F ("end", "end", DATE, 0),
};

static const CspField contact_fields[] = {
  F ("phone", "phone", STRING, 0),
  F ("email", "email", STRING, 0),
  F ("website", "website", STRING, 0),
  F ("social", "social", STRV, 0),
};

static const CspField section_fields[] = {
  F ("id", "id", ID, 0),
  F ("title", "title", STRING, REQUIRED),
  F ("body", "body", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
};

static const CspField review_fields[] = {
  F ("title", "title", STRING, 0),
  O ("period", OBJECT, PERIOD, 0),
  F ("summary", "summary", STRING, 0),
  O ("priorities", LIST, PRIORITY, 0),
  O ("initiatives", LIST, SECTION, 0),
};

static const CspField priority_fields[] = {
  F ("id", "id", ID, 0),
  F ("title", "title", STRING, REQUIRED | CSP_FIELD_NOT_EMPTY),
  F ("scope", "scope", STRING, 0),
  F ("description", "description", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
  O ("themes", LIST, THEME, 0),
};

static const CspField theme_fields[] = {
  F ("id", "id", ID, 0),
  F ("title", "title", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
  O ("actions", LIST, ACTION, 0),
};

static const CspField action_fields[] = {
  F ("id", "id", ID, 0),
  F ("text", "text", STRING, REQUIRED | CSP_FIELD_NOT_EMPTY),
  O ("owners", LIST, OWNER, 0),
  F ("status", "status", STATUS, 0),
  F ("due", "due", DATE, 0),
  F ("outcome", "outcome", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
  O ("updates", LIST, UPDATE, 0),
};

static const CspField owner_fields[] = {
  F ("partner", "partner", STRING, OMIT | CSP_FIELD_PARTNER_REF),
  F ("name", "name", STRING, OMIT),
  F ("note", "note", STRING, OMIT),
};

static const CspField update_fields[] = {
  F ("id", "id", ID, 0),
  F ("date", "date", DATE, REQUIRED | CSP_FIELD_NOT_EMPTY),
  F ("author", "author", STRING, 0),
  F ("status", "status", STATUS, CSP_FIELD_MAY_BE_EMPTY),
  F ("text", "text", STRING, 0),
};

static const CspField partner_fields[] = {
  F ("id", "id", ID, 0),
  F ("name", "name", STRING, REQUIRED | CSP_FIELD_NOT_EMPTY),
  F ("short_name", "short-name", STRING, 0),
  F ("phone", "phone", STRING, 0),
  F ("website", "website", STRING, 0),
  F ("email", "email", STRING, 0),
  F ("address", "address", STRING, 0),
  F ("member", "member", BOOLEAN, CSP_FIELD_DEFAULT_TRUE),
  O ("contacts", LIST, PERSON, 0),
  F ("notes", "notes", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
};

static const CspField person_fields[] = {
  F ("id", "id", ID, 0),
  F ("name", "name", STRING, REQUIRED | CSP_FIELD_NOT_EMPTY),
  F ("role", "role", STRING, 0),
  F ("phone", "phone", STRING, 0),
  F ("email", "email", STRING, 0),
};

static const CspField term_fields[] = {
  F ("id", "id", ID, 0),
  F ("term", "term", STRING, REQUIRED | CSP_FIELD_NOT_EMPTY),
  F ("definition", "definition", STRING, 0),
  F ("modified", "modified", TIMESTAMP, OMIT),
};

static const CspField tombstone_fields[] = {
  F ("id", "id", ID, REQUIRED),
  F ("modified", "modified", TIMESTAMP, OMIT),
};

#define KIND(name, fields) { name, fields, G_N_ELEMENTS (fields), -2, -2 }

static CspKindInfo kinds[CSP_N_KINDS] = {
  [CSP_KIND_PLAN] = KIND (N_("plan"), plan_fields),
  [CSP_KIND_PERIOD] = KIND (N_("period"), period_fields),
  [CSP_KIND_CONTACT] = KIND (N_("contact"), contact_fields),
  [CSP_KIND_SECTION] = KIND (N_("section"), section_fields),
  [CSP_KIND_REVIEW] = KIND (N_("review"), review_fields),
  [CSP_KIND_PRIORITY] = KIND (N_("priority"), priority_fields),
  [CSP_KIND_THEME] = KIND (N_("theme"), theme_fields),
  [CSP_KIND_ACTION] = KIND (N_("action"), action_fields),
  [CSP_KIND_OWNER] = KIND (N_("owner"), owner_fields),
  [CSP_KIND_UPDATE] = KIND (N_("update"), update_fields),
  [CSP_KIND_PARTNER] = KIND (N_("partner"), partner_fields),
  [CSP_KIND_PERSON] = KIND (N_("contact"), person_fields),
  [CSP_KIND_TERM] = KIND (N_("glossary entry"), term_fields),
  [CSP_KIND_TOMBSTONE] = KIND (N_("deletion"), tombstone_fields),
};

int
csp_kind_find_field (const CspKindInfo *info,
                     const char        *key)
{
  g_return_val_if_fail (info != NULL, -1);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (g_str_equal (info->fields[i].key, key))
        return (int) i;
    }

  return -1;
}

const CspKindInfo *
csp_kind_get_info (CspKind kind)
{
  static gsize initialized = 0;

  g_return_val_if_fail (kind < CSP_N_KINDS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < CSP_N_KINDS; i++)
        {
          kinds[i].modified_field = csp_kind_find_field (&kinds[i], "modified");
          kinds[i].id_field = csp_kind_find_field (&kinds[i], "id");
        }
      g_once_init_leave (&initialized, 1);
    }

  return &kinds[kind];
}

CSP_DEFINE_KIND (CspPeriod, csp_period, CSP_KIND_PERIOD)
CSP_DEFINE_KIND (CspContact, csp_contact, CSP_KIND_CONTACT)
CSP_DEFINE_KIND (CspSection, csp_section, CSP_KIND_SECTION)
CSP_DEFINE_KIND (CspReview, csp_review, CSP_KIND_REVIEW)
CSP_DEFINE_KIND (CspPriority, csp_priority, CSP_KIND_PRIORITY)
CSP_DEFINE_KIND (CspTheme, csp_theme, CSP_KIND_THEME)
CSP_DEFINE_KIND (CspAction, csp_action, CSP_KIND_ACTION)
CSP_DEFINE_KIND (CspOwner, csp_owner, CSP_KIND_OWNER)
CSP_DEFINE_KIND (CspUpdate, csp_update, CSP_KIND_UPDATE)
CSP_DEFINE_KIND (CspPartner, csp_partner, CSP_KIND_PARTNER)
CSP_DEFINE_KIND (CspPerson, csp_person, CSP_KIND_PERSON)
CSP_DEFINE_KIND (CspTerm, csp_term, CSP_KIND_TERM)
CSP_DEFINE_KIND (CspTombstone, csp_tombstone, CSP_KIND_TOMBSTONE)

GType
csp_kind_get_gtype (CspKind kind)
{
  switch (kind)
    {
    case CSP_KIND_PLAN: return CSP_TYPE_PLAN;
    case CSP_KIND_PERIOD: return CSP_TYPE_PERIOD;
    case CSP_KIND_CONTACT: return CSP_TYPE_CONTACT;
    case CSP_KIND_SECTION: return CSP_TYPE_SECTION;
    case CSP_KIND_REVIEW: return CSP_TYPE_REVIEW;
    case CSP_KIND_PRIORITY: return CSP_TYPE_PRIORITY;
    case CSP_KIND_THEME: return CSP_TYPE_THEME;
    case CSP_KIND_ACTION: return CSP_TYPE_ACTION;
    case CSP_KIND_OWNER: return CSP_TYPE_OWNER;
    case CSP_KIND_UPDATE: return CSP_TYPE_UPDATE;
    case CSP_KIND_PARTNER: return CSP_TYPE_PARTNER;
    case CSP_KIND_PERSON: return CSP_TYPE_PERSON;
    case CSP_KIND_TERM: return CSP_TYPE_TERM;
    case CSP_KIND_TOMBSTONE: return CSP_TYPE_TOMBSTONE;
    case CSP_N_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}
