/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-update-row"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-edit-field.h"
#include "csp-ui-util.h"
#include "csp-update-row.h"

#define EDIT_KEY "csp-update-edit"
#define REMOVE_KEY "csp-update-remove"

static gboolean
format_date (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      user_data)
{
  g_value_take_string (to, csp_ui_format_date (g_value_get_string (from)));
  return TRUE;
}

static void
on_status_changed (GtkLabel *chip,
                   GParamSpec *pspec,
                   CspItem  *update)
{
  CspStatus status;
  gboolean has_status = csp_status_from_string (csp_item_get_string (update, "status"), &status);

  if (has_status)
    csp_ui_set_status_chip (chip, status);
  gtk_widget_set_visible (GTK_WIDGET (chip), has_status);
}

static GtkWidget *
new_icon_button (GType       type,
                 const char *icon,
                 const char *tooltip)
{
  GtkWidget *button = g_object_new (type, "icon-name", icon, "tooltip-text", tooltip, NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return button;
}

static void
on_remove_clicked (GtkButton *button,
                   CspItem   *update)
{
  CspUndoStack *stack = g_object_get_data (G_OBJECT (button), "stack");

  csp_edit_remove (stack, update);
}

static GtkWidget *
new_header (GtkWidget    *row,
            CspUndoStack *stack,
            CspItem      *update)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *author = gtk_label_new (NULL);
  GtkWidget *chip = gtk_label_new (NULL);
  GtkWidget *edit = new_icon_button (GTK_TYPE_TOGGLE_BUTTON, "document-edit-symbolic", _("Edit this update"));
  GtkWidget *remove = new_icon_button (GTK_TYPE_BUTTON, "user-trash-symbolic", _("Remove this update"));

  gtk_widget_add_css_class (date, "heading");
  g_object_bind_property_full (update, "date", date, "label", G_BINDING_SYNC_CREATE,
                               format_date, NULL, NULL, NULL);
  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_widget_set_hexpand (author, TRUE);
  gtk_widget_add_css_class (author, "dim-label");
  g_object_bind_property (update, "author", author, "label", G_BINDING_SYNC_CREATE);

  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  on_status_changed (GTK_LABEL (chip), NULL, update);
  g_signal_connect_object (update, "notify::status", G_CALLBACK (on_status_changed), chip, G_CONNECT_SWAPPED);

  g_object_set_data_full (G_OBJECT (remove), "stack", g_object_ref (stack), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), update, 0);
  g_object_set_data (G_OBJECT (row), EDIT_KEY, edit);
  g_object_set_data (G_OBJECT (row), REMOVE_KEY, remove);

  gtk_box_append (GTK_BOX (header), date);
  gtk_box_append (GTK_BOX (header), author);
  gtk_box_append (GTK_BOX (header), chip);
  gtk_box_append (GTK_BOX (header), edit);
  gtk_box_append (GTK_BOX (header), remove);

  return header;
}

static GtkWidget *
new_editor (CspUndoStack *stack,
            CspItem      *update)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  csp_edit_grid_attach (GTK_GRID (grid), 0, _("Date"),
                        csp_edit_field_new (stack, update, "date", _("Date of the update"), FALSE,
                                            csp_validate_date_required));
  csp_edit_grid_attach (GTK_GRID (grid), 1, _("Author"),
                        csp_edit_field_new (stack, update, "author", _("Author of the update"), FALSE, NULL));
  csp_edit_grid_attach (GTK_GRID (grid), 2, _("Status"),
                        csp_edit_status_new (stack, update, "status", _("Status the update sets"),
                                             _("No change")));
  csp_edit_grid_attach (GTK_GRID (grid), 3, _("Update"),
                        csp_edit_field_new (stack, update, "text", _("Text of the update"), TRUE, NULL));

  return grid;
}

GtkWidget *
csp_update_row_new (CspUndoStack *stack,
                    CspItem      *update,
                    gboolean      editing)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *editor = new_editor (stack, update);
  GtkWidget *edit;

  g_return_val_if_fail (CSP_IS_UPDATE (update), NULL);

  gtk_box_append (GTK_BOX (box), new_header (box, stack, update));

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  g_object_bind_property (update, "text", text, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_widget_add_css_class (box, "update");

  /* While it is edited, the fields replace the text. */
  edit = g_object_get_data (G_OBJECT (box), EDIT_KEY);
  g_object_bind_property (edit, "active", editor, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (edit, "active", text, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (edit), editing);

  return box;
}

GtkToggleButton *
csp_update_row_get_edit_button (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), EDIT_KEY);
}

GtkButton *
csp_update_row_get_remove_button (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), REMOVE_KEY);
}
