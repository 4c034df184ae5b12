/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CSP_TYPE_APPLICATION (csp_application_get_type ())

G_DECLARE_FINAL_TYPE (CspApplication, csp_application, CSP, APPLICATION, GtkApplication)

CspApplication *csp_application_new       (void);

/* Shows @file: the window that already has it, or @from when it holds
 * nothing the user would miss, or a new window. */
void            csp_application_open_file (CspApplication *self,
                                           GFile          *file,
                                           GtkWindow      *from);

G_END_DECLS
