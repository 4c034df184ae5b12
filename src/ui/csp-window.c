/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-format.h"
#include "csp-window.h"

struct _CspWindow
{
  GtkApplicationWindow parent_instance;

  CspPlan   *plan;
  GFile     *file;

  GtkStack  *stack;
  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkLabel  *error_label;
};

G_DEFINE_FINAL_TYPE (CspWindow, csp_window, GTK_TYPE_APPLICATION_WINDOW)

static void
csp_window_dispose (GObject *object)
{
  CspWindow *self = CSP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (csp_window_parent_class)->dispose (object);
}

static void
csp_window_class_init (CspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CspWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, error_label);
}

static void
csp_window_init (CspWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CspWindow *
csp_window_new (CspApplication *application)
{
  return g_object_new (CSP_TYPE_WINDOW, "application", application, NULL);
}

static void
update_title (CspWindow *self)
{
  g_autofree char *name = NULL;

  if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else if (self->plan != NULL)
    name = g_strdup (_("Built-in sample"));

  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("CSP Planner"));
}

void
csp_window_set_plan (CspWindow *self,
                     CspPlan   *plan,
                     GFile     *file)
{
  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (CSP_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  g_set_object (&self->file, file);

  gtk_label_set_label (self->title_label, csp_item_get_string (CSP_ITEM (plan), "title"));
  gtk_label_set_label (self->subtitle_label, csp_item_get_string (CSP_ITEM (plan), "partnership"));
  gtk_stack_set_visible_child_name (self->stack, "plan");
  update_title (self);
}

void
csp_window_load_file (CspWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CspPlan) plan = NULL;

  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  plan = csp_plan_load_file (file, NULL, &error);
  if (plan == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”\n\n%s"), name, error->message);

      g_set_object (&self->file, file);
      gtk_label_set_label (self->error_label, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_title (self);
      return;
    }

  csp_window_set_plan (self, plan, file);
}
