/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Text from a file is data: only http, https and mailto links are ever
 * made from it. These return the link to open, or NULL when @text is
 * not a plain web or email address. */

/* "https://www.x" for "www.x"; http(s) addresses as they are. */
char      *csp_link_dup_web_uri   (const char *text);
/* "mailto:a@b.org" for "a@b.org" or "mailto:a@b.org". */
char      *csp_link_dup_mail_uri  (const char *text);

/* A GtkLinkButton showing @text when @uri is not NULL, otherwise a
 * selectable label: never a link to anything else. */
GtkWidget *csp_link_new           (const char *text,
                                   const char *uri);

G_END_DECLS
