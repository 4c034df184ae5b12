/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "csp-test-ui.h"

typedef gboolean (*Match) (GtkWidget  *widget,
                           const char *text);

static GtkWidget *
find (GtkWidget  *root,
      Match       match,
      const char *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_button (GtkWidget  *widget,
           const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_shown_label (GtkWidget  *widget,
                const char *text)
{
  return is_label (widget, text) && gtk_widget_get_mapped (widget);
}

void
csp_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
csp_test_find_button (GtkWidget  *root,
                      const char *text)
{
  return find (root, is_button, text);
}

GtkWidget *
csp_test_find_label (GtkWidget  *root,
                     const char *text)
{
  return find (root, is_label, text);
}

GtkWidget *
csp_test_find_shown_label (GtkWidget  *root,
                           const char *text)
{
  return find (root, is_shown_label, text);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

GPtrArray *
csp_test_find_widgets (GtkWidget *root,
                       GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, type, found);

  return found;
}

GtkWindow *
csp_test_find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == parent
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}
