/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-page-util"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-page-util.h"
#include "csp-ui-util.h"
#include "csp-plan.h"

#define ITEM_KEY "csp-page-item"

/* GTK 4.8's viewport keeps scrolling towards the focus widget after it
 * was removed; letting go of the focus first avoids that. */
void
csp_page_drop_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    gtk_root_set_focus (root, NULL);
}

void
csp_page_remove_children (GtkWidget *container)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (container));

  csp_page_drop_focus_within (container);

  /* Each container keeps its own bookkeeping: remove through it. */
  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (container))
        gtk_flow_box_remove (GTK_FLOW_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else
        g_return_if_reached ();
    }
}

void
csp_page_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

void
csp_page_remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  csp_page_drop_focus_within (GTK_WIDGET (list));
  /* Not the children: the placeholder is one of them. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

void
csp_page_set_item (GtkWidget *widget,
                   CspItem   *item)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (CSP_IS_ITEM (item));

  g_object_set_data_full (G_OBJECT (widget), ITEM_KEY, g_object_ref (item), g_object_unref);
}

CspItem *
csp_page_get_item (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), ITEM_KEY);
}

GtkWidget *
csp_page_placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

GtkWidget *
csp_page_label_new (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
csp_page_heading_new (const char *text,
                      const char *css_class,
                      int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "wrap", TRUE,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The partner called @id, among the plan's partners only. */
static CspItem *
find_partner (CspItem    *plan,
              const char *id)
{
  guint n = plan != NULL && *id != '\0' ? csp_item_get_n_children (plan, "partners") : 0;

  for (guint i = 0; i < n; i++)
    {
      CspItem *partner = csp_item_get_child (plan, "partners", i);

      if (g_str_equal (csp_item_get_id (partner), id))
        return partner;
    }

  return NULL;
}

char *
csp_page_dup_owners_label (CspItem *action)
{
  CspItem *plan = CSP_ITEM (csp_item_get_plan (action));
  g_autoptr(GString) label = g_string_new (NULL);
  guint n = csp_item_get_n_children (action, "owners");

  for (guint i = 0; i < n; i++)
    {
      CspItem *owner = csp_item_get_child (action, "owners", i);
      CspItem *partner = find_partner (plan, csp_item_get_string (owner, "partner"));
      const char *name = csp_item_get_string (owner, "name");
      const char *note = csp_item_get_string (owner, "note");

      if (partner != NULL)
        {
          name = csp_item_get_string (partner, "short_name");
          if (*name == '\0')
            name = csp_item_get_string (partner, "name");
        }

      if (label->len > 0)
        g_string_append (label, "; ");
      g_string_append (label, name);
      if (*note != '\0')
        g_string_append_printf (label, " (%s)", note);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

static char *
dup_action_details (CspItem *action)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  CspItem *priority = csp_action_get_priority (action);
  g_autofree char *owners = csp_page_dup_owners_label (action);
  const char *due_date = csp_item_get_string (action, "due");
  g_autofree char *due = *due_date != '\0' ? csp_ui_format_date (due_date) : NULL;

  if (priority != NULL)
    g_ptr_array_add (parts, g_strdup (csp_item_get_string (priority, "title")));
  if (*owners != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&owners));
  if (due != NULL)
    /* Translators: the action's due date. */
    g_ptr_array_add (parts, g_strdup_printf (_("due %s"), due));
  g_ptr_array_add (parts, g_strdup (csp_status_get_label (csp_action_get_status (action))));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

GtkWidget *
csp_page_action_row_new (CspItem *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *details = dup_action_details (action);
  GtkWidget *text = gtk_label_new (csp_item_get_string (action, "text"));
  GtkWidget *meta = gtk_label_new (details);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), meta);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_add_css_class (box, "page-action-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  csp_page_set_item (row, action);

  return row;
}

gboolean
csp_page_watch_plan (CspPlan   **slot,
                     CspPlan    *plan,
                     GCallback   on_changed,
                     gpointer    self)
{
  if (*slot == plan)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_changed, self);
  g_set_object (slot, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", on_changed, self, 0);

  return TRUE;
}
