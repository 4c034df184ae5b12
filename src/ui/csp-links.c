/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-links"

#include "config.h"

#include "csp-links.h"

#define MAX_LINK_LENGTH 2048

static gboolean
has_prefix_nocase (const char *text,
                   const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* Spaces, controls and quotes never belong in an address typed into a
 * plan; refusing them keeps odd strings from being half-opened. */
static gboolean
is_plain (const char *text)
{
  if (*text == '\0' || strlen (text) > MAX_LINK_LENGTH || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr ("\"'<>\\`", *p) != NULL)
        return FALSE;
    }

  return TRUE;
}

char *
csp_link_dup_web_uri (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *candidate = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (!is_plain (stripped))
    return NULL;

  if (has_prefix_nocase (stripped, "http://") || has_prefix_nocase (stripped, "https://"))
    candidate = g_steal_pointer (&stripped);
  else if (has_prefix_nocase (stripped, "www."))
    candidate = g_strconcat ("https://", stripped, NULL);
  else
    return NULL;

  uri = g_uri_parse (candidate, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' || g_uri_get_userinfo (uri) != NULL)
    return NULL;

  return g_steal_pointer (&candidate);
}

char *
csp_link_dup_mail_uri (const char *text)
{
  static GRegex *address_regex;
  g_autofree char *stripped = NULL;
  const char *address;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&address_regex))
    g_once_init_leave (&address_regex,
                               g_regex_new ("^[A-Za-z0-9.!#$%&*+/=?^_{|}~-]+"
                                            "@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  stripped = g_strstrip (g_strdup (text));
  address = stripped;
  if (has_prefix_nocase (address, "mailto:"))
    address += strlen ("mailto:");

  if (!is_plain (address) || !g_regex_match (address_regex, address, 0, NULL))
    return NULL;

  return g_strconcat ("mailto:", address, NULL);
}

GtkWidget *
csp_link_new (const char *text,
              const char *uri)
{
  GtkWidget *widget;

  if (uri != NULL)
    {
      widget = gtk_link_button_new_with_label (uri, text);
      gtk_widget_add_css_class (widget, "partners-link");
    }
  else
    {
      widget = gtk_label_new (text);
      gtk_label_set_selectable (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (widget), 0);
    }

  gtk_widget_set_halign (widget, GTK_ALIGN_START);

  return widget;
}
