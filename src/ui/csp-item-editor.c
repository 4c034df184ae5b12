/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-item-editor.h"

struct _CspItemEditor
{
  GtkWindow     parent_instance;

  CspUndoStack *stack;
  CspItem      *item;
  CspPlan      *plan;
  int           n_rows;

  GtkButton    *delete_button;
  GtkGrid      *grid;
  GtkBox       *extra_box;
};

G_DEFINE_FINAL_TYPE (CspItemEditor, csp_item_editor, GTK_TYPE_WINDOW)

/* Deleting the object (or undoing its creation) ends the editing. */
static void
on_plan_changed (CspItemEditor *self)
{
  if (csp_item_get_plan (self->item) != self->plan)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_delete_clicked (CspItemEditor *self)
{
}

static void
csp_item_editor_dispose (GObject *object)
{
  CspItemEditor *self = CSP_ITEM_EDITOR (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_ITEM_EDITOR);
  g_clear_object (&self->stack);
  g_clear_object (&self->item);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (csp_item_editor_parent_class)->dispose (object);
}

static void
csp_item_editor_class_init (CspItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_item_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CspItemEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CspItemEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, CspItemEditor, extra_box);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
csp_item_editor_init (CspItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CspItemEditor *
csp_item_editor_new (GtkWindow    *parent,
                     const char   *title,
                     CspUndoStack *stack,
                     CspItem      *item)
{
  CspItemEditor *self;

  g_return_val_if_fail (CSP_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (CSP_IS_ITEM (item), NULL);

  self = g_object_new (CSP_TYPE_ITEM_EDITOR, "transient-for", parent, "title", title, NULL);
  self->stack = g_object_ref (stack);
  self->item = g_object_ref (item);
  self->plan = csp_item_get_plan (item);
  if (self->plan != NULL)
    {
      g_object_ref (self->plan);
      g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed),
                               self, G_CONNECT_SWAPPED);
    }
  /* The window's own shortcuts (undo, redo) work here too. */
  if (parent != NULL)
    {
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      gtk_widget_insert_action_group (GTK_WIDGET (self), "win", G_ACTION_GROUP (parent));
    }

  return self;
}

CspUndoStack *
csp_item_editor_get_stack (CspItemEditor *self)
{
  g_return_val_if_fail (CSP_IS_ITEM_EDITOR (self), NULL);

  return self->stack;
}

CspItem *
csp_item_editor_get_item (CspItemEditor *self)
{
  g_return_val_if_fail (CSP_IS_ITEM_EDITOR (self), NULL);

  return self->item;
}

GtkWidget *
csp_item_editor_add_field (CspItemEditor   *self,
                           CspItem         *item,
                           const char      *key,
                           const char      *caption,
                           gboolean         multiline,
                           CspValidateFunc  validate)
{
  GtkWidget *field;

  g_return_val_if_fail (CSP_IS_ITEM_EDITOR (self), NULL);

  field = csp_edit_field_new (self->stack, item, key, caption, multiline, validate);
  csp_edit_grid_attach (self->grid, self->n_rows++, caption, field);

  return field;
}

static void
on_switch_changed (GtkSwitch     *widget,
                   GParamSpec    *pspec,
                   CspItemEditor *self)
{
  const char *key = g_object_get_data (G_OBJECT (widget), "key");

  csp_edit_set_boolean (self->stack, self->item, key, gtk_switch_get_active (widget));
}

static void
on_model_boolean_changed (GtkSwitch *widget)
{
  CspItemEditor *self = CSP_ITEM_EDITOR (gtk_widget_get_root (GTK_WIDGET (widget)));
  const char *key = g_object_get_data (G_OBJECT (widget), "key");

  if (self != NULL)
    gtk_switch_set_active (widget, csp_item_get_boolean (self->item, key));
}

GtkWidget *
csp_item_editor_add_switch (CspItemEditor *self,
                            const char    *key,
                            const char    *caption)
{
  GtkWidget *widget = gtk_switch_new ();
  g_autofree char *signal = g_strconcat ("notify::", key, NULL);

  g_return_val_if_fail (CSP_IS_ITEM_EDITOR (self), NULL);

  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  gtk_switch_set_active (GTK_SWITCH (widget), csp_item_get_boolean (self->item, key));
  g_object_set_data_full (G_OBJECT (widget), "key", g_strdup (key), g_free);
  /* The model's value is set first, so the switch's echo changes nothing. */
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_changed), self);
  g_signal_connect_object (self->item, signal, G_CALLBACK (on_model_boolean_changed),
                           widget, G_CONNECT_SWAPPED);
  csp_edit_grid_attach (self->grid, self->n_rows++, caption, widget);

  return widget;
}

GtkBox *
csp_item_editor_get_extra (CspItemEditor *self)
{
  g_return_val_if_fail (CSP_IS_ITEM_EDITOR (self), NULL);

  return self->extra_box;
}

void
csp_item_editor_set_delete (CspItemEditor *self,
                            const char    *label,
                            GCallback      callback,
                            gpointer       user_data)
{
  g_return_if_fail (CSP_IS_ITEM_EDITOR (self));

  gtk_button_set_label (self->delete_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
  g_signal_connect_swapped (self->delete_button, "clicked", callback, user_data);
}
