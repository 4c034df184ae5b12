/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-action-detail"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-action-detail.h"
#include "csp-ui-util.h"

struct _CspActionDetail
{
  GtkWidget          parent_instance;

  CspItem           *action;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkLabel          *context_label;
  GtkLabel          *text_label;
  GtkBox            *owners_box;
  GtkLabel          *status_chip;
  GtkLabel          *due_label;
  GtkLabel          *outcome_label;
  GtkLabel          *updates_heading;
  GtkListBox        *updates_list;
};

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

enum {
  SHOW_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspActionDetail, csp_action_detail, GTK_TYPE_WIDGET)

static void
remove_all_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
    }
}

/* Owners */

static void
on_owner_clicked (GtkButton       *button,
                  CspActionDetail *self)
{
  CspItem *partner = g_object_get_data (G_OBJECT (button), "partner");

  g_signal_emit (self, signals[SHOW_ITEM], 0, partner);
}

static GtkWidget *
new_owner_widget (CspActionDetail *self,
                  CspItem         *owner)
{
  g_autofree char *label = csp_owner_dup_label (owner);
  const char *partner_id = csp_item_get_string (owner, "partner");
  CspItem *partner = NULL;
  GtkWidget *button;
  g_autofree char *tooltip = NULL;

  if (*partner_id != '\0')
    partner = csp_plan_lookup (csp_item_get_plan (owner), partner_id);

  /* An owner that is not in the directory ("All partners") is a name only. */
  if (partner == NULL)
    {
      GtkWidget *name = gtk_label_new (label);

      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_selectable (GTK_LABEL (name), TRUE);
      gtk_widget_add_css_class (name, "owner-name");
      gtk_widget_set_halign (name, GTK_ALIGN_START);
      return name;
    }

  button = gtk_button_new_with_label (label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_widget_add_css_class (button, "owner-link");
  tooltip = g_strdup_printf (_("Show %s in the partner directory"),
                             csp_item_get_string (partner, "name"));
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "partner", partner);
  g_signal_connect (button, "clicked", G_CALLBACK (on_owner_clicked), self);

  return button;
}

static void
show_owners (CspActionDetail *self)
{
  guint n_owners = csp_item_get_n_children (self->action, "owners");

  remove_all_children (GTK_WIDGET (self->owners_box));
  for (guint i = 0; i < n_owners; i++)
    {
      CspItem *owner = csp_item_get_child (self->action, "owners", i);

      gtk_box_append (self->owners_box, new_owner_widget (self, owner));
    }

  if (n_owners == 0)
    {
      GtkWidget *none = gtk_label_new (_("No owner yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_halign (none, GTK_ALIGN_START);
      gtk_box_append (self->owners_box, none);
    }
}

/* Updates */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  CspItem *action = user_data;
  guint index_a = GPOINTER_TO_UINT (*(gconstpointer *) a);
  guint index_b = GPOINTER_TO_UINT (*(gconstpointer *) b);
  const char *date_a = csp_item_get_string (csp_item_get_child (action, "updates", index_a), "date");
  const char *date_b = csp_item_get_string (csp_item_get_child (action, "updates", index_b), "date");
  int result = strcmp (date_b, date_a);

  /* Of two updates of the same day, the one added last is the newer. */
  if (result == 0)
    result = index_a < index_b ? 1 : index_a > index_b ? -1 : 0;

  return result;
}

static GtkWidget *
new_update_row (CspItem *update)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *date = csp_ui_format_date (csp_item_get_string (update, "date"));
  GtkWidget *date_label = gtk_label_new (date);
  GtkWidget *text = gtk_label_new (csp_item_get_string (update, "text"));
  const char *author = csp_item_get_string (update, "author");
  CspStatus status;

  gtk_widget_add_css_class (date_label, "heading");
  gtk_box_append (GTK_BOX (header), date_label);

  if (*author != '\0')
    {
      GtkWidget *author_label = gtk_label_new (author);

      gtk_label_set_ellipsize (GTK_LABEL (author_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (author_label, "dim-label");
      gtk_box_append (GTK_BOX (header), author_label);
    }

  if (csp_status_from_string (csp_item_get_string (update, "status"), &status))
    {
      GtkWidget *chip = gtk_label_new (NULL);

      csp_ui_set_status_chip (GTK_LABEL (chip), status);
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (header), chip);
    }

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "update");

  return box;
}

static void
show_updates (CspActionDetail *self)
{
  guint n_updates = csp_item_get_n_children (self->action, "updates");
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_updates);
  g_autofree char *heading = NULL;

  remove_all_children (GTK_WIDGET (self->updates_list));

  for (guint i = 0; i < n_updates; i++)
    g_ptr_array_add (order, GUINT_TO_POINTER (i));
  g_ptr_array_sort_with_data (order, compare_newest_first, self->action);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (order, i));

      CspItem *update = csp_item_get_child (self->action, "updates", index);
      g_autofree char *date = csp_ui_format_date (csp_item_get_string (update, "date"));
      g_autofree char *label = g_strdup_printf (_("Update of %s"), date);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), new_update_row (update));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (self->updates_list, row);
    }

  heading = n_updates == 0 ? g_strdup (_("No progress updates yet"))
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u progress update",
                                                           "%u progress updates", n_updates),
                                              n_updates);
  gtk_label_set_label (self->updates_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_list), n_updates > 0);
}

static void
show_context (CspActionDetail *self)
{
  CspItem *priority = csp_action_get_priority (self->action);
  CspItem *theme = csp_action_get_theme (self->action);
  const char *priority_title = priority != NULL ? csp_item_get_string (priority, "title") : "";
  const char *theme_title = theme != NULL ? csp_item_get_string (theme, "title") : "";
  g_autofree char *context = NULL;

  if (*theme_title != '\0' && g_strcmp0 (theme_title, priority_title) != 0)
    context = g_strdup_printf ("%s › %s", priority_title, theme_title);
  else
    context = g_strdup (priority_title);

  gtk_label_set_label (self->context_label, context);
}

static void
show_action (CspActionDetail *self)
{
  const char *due = csp_item_get_string (self->action, "due");
  const char *outcome = csp_item_get_string (self->action, "outcome");
  g_autofree char *due_text = *due != '\0' ? csp_ui_format_date (due) : g_strdup (_("Not set"));

  show_context (self);
  gtk_label_set_label (self->text_label, csp_item_get_string (self->action, "text"));
  show_owners (self);
  csp_ui_set_status_chip (self->status_chip, csp_action_get_status (self->action));
  gtk_label_set_label (self->due_label, due_text);
  gtk_label_set_label (self->outcome_label, *outcome != '\0' ? outcome : _("Not set"));
  show_updates (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "action");
}

/* GObject */

static void
csp_action_detail_dispose (GObject *object)
{
  CspActionDetail *self = CSP_ACTION_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_ACTION_DETAIL);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (csp_action_detail_parent_class)->dispose (object);
}

static void
csp_action_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CspActionDetail *self = CSP_ACTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_action_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CspActionDetail *self = CSP_ACTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      csp_action_detail_set_action (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_action_detail_class_init (CspActionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_action_detail_dispose;
  object_class->get_property = csp_action_detail_get_property;
  object_class->set_property = csp_action_detail_set_property;

  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL, CSP_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks the window to show an item elsewhere: an owner's partner. */
  signals[SHOW_ITEM] =
    g_signal_new ("show-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CSP_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-action-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, context_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, text_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owners_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, status_chip);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, due_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, updates_heading);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, updates_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
csp_action_detail_init (CspActionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Action details"),
                                  -1);
}

void
csp_action_detail_set_action (CspActionDetail *self,
                              CspItem         *action)
{
  g_return_if_fail (CSP_IS_ACTION_DETAIL (self));
  g_return_if_fail (action == NULL || CSP_IS_ACTION (action));

  if (!g_set_object (&self->action, action))
    return;

  if (action != NULL)
    show_action (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

CspItem *
csp_action_detail_get_action (CspActionDetail *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_DETAIL (self), NULL);

  return self->action;
}
