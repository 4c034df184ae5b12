/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-action-detail"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-action-detail.h"
#include "csp-edit-field.h"
#include "csp-page-util.h"
#include "csp-ui-util.h"
#include "csp-update-form.h"
#include "csp-update-row.h"

struct _CspActionDetail
{
  GtkWidget          parent_instance;

  CspItem           *action;
  CspPlan           *plan;          /* of the action, watched for changes */
  CspUndoStack      *stack;
  GHashTable        *editing;       /* ids of the updates open for editing */
  GPtrArray         *partner_ids;   /* of the owner choices; NULL first */
  guint              refresh_id;
  guint              owners_dirty : 1;
  guint              updates_dirty : 1;

  GtkStack          *stack_widget;
  GtkScrolledWindow *scroller;
  GtkLabel          *context_label;
  GMenu             *move_plan_section;
  GMenu             *move_review_section;
  GtkLabel          *text_caption;
  GtkBox            *text_box;
  GtkBox            *owners_box;
  GtkPopover        *owner_popover;
  GtkDropDown       *owner_partner_dropdown;
  GtkEntry          *owner_note_entry;
  GtkEntry          *owner_name_entry;
  GtkButton         *owner_add_button;
  GtkLabel          *status_caption;
  GtkBox            *status_box;
  GtkLabel          *status_hint;
  GtkWidget         *status_dropdown;
  GtkLabel          *due_caption;
  GtkBox            *due_box;
  GtkLabel          *outcome_caption;
  GtkBox            *outcome_box;
  GtkLabel          *updates_heading;
  GtkButton         *add_update_button;
  GtkRevealer       *form_revealer;
  CspUpdateForm     *update_form;
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

static GtkWidget *
new_icon_button (const char *icon,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

/* Owners */

static void
on_owner_clicked (GtkButton       *button,
                  CspActionDetail *self)
{
  g_signal_emit (self, signals[SHOW_ITEM], 0, csp_page_get_item (GTK_WIDGET (button)));
}

static void
on_owner_remove_clicked (GtkButton       *button,
                         CspActionDetail *self)
{
  csp_edit_remove (self->stack, csp_page_get_item (GTK_WIDGET (button)));
}

static GtkWidget *
new_owner_link (CspActionDetail *self,
                CspItem         *owner,
                const char      *label)
{
  const char *partner_id = csp_item_get_string (owner, "partner");
  CspItem *partner = *partner_id != '\0' ? csp_plan_lookup (csp_item_get_plan (owner), partner_id) : NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *button;

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
  tooltip = g_strdup_printf (_("Show %s in the partner directory"), csp_item_get_string (partner, "name"));
  gtk_widget_set_tooltip_text (button, tooltip);
  csp_page_set_item (button, partner);
  g_signal_connect (button, "clicked", G_CALLBACK (on_owner_clicked), self);

  return button;
}

static GtkWidget *
new_owner_widget (CspActionDetail *self,
                  CspItem         *owner)
{
  g_autofree char *label = csp_owner_dup_label (owner);
  g_autofree char *remove_label = g_strdup_printf (_("Remove the owner %s"), label);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *remove = new_icon_button ("list-remove-symbolic", remove_label);

  GtkWidget *link = new_owner_link (self, owner, label);

  csp_page_set_item (remove, owner);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_owner_remove_clicked), self);
  gtk_widget_set_hexpand (link, TRUE);
  gtk_box_append (GTK_BOX (box), link);
  gtk_box_append (GTK_BOX (box), remove);

  return box;
}

static void
show_owners (CspActionDetail *self)
{
  guint n_owners = csp_item_get_n_children (self->action, "owners");

  csp_page_remove_children (GTK_WIDGET (self->owners_box));
  for (guint i = 0; i < n_owners; i++)
    gtk_box_append (self->owners_box,
                    new_owner_widget (self, csp_item_get_child (self->action, "owners", i)));

  if (n_owners == 0)
    {
      GtkWidget *none = gtk_label_new (_("No owner yet"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_halign (none, GTK_ALIGN_START);
      gtk_box_append (self->owners_box, none);
    }
}

static char *
dup_partner_label (CspItem *partner)
{
  const char *name = csp_item_get_string (partner, "name");
  const char *short_name = csp_item_get_string (partner, "short_name");

  if (*short_name == '\0' || g_str_equal (short_name, name))
    return g_strdup (name);

  return g_strdup_printf ("%s (%s)", name, short_name);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
on_owner_popover_show (CspActionDetail *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  CspItem *plan = CSP_ITEM (self->plan);
  guint n_partners = csp_item_get_n_children (plan, "partners");

  g_clear_pointer (&self->partner_ids, g_ptr_array_unref);
  self->partner_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->partner_ids, NULL);
  gtk_string_list_append (choices, _("Choose a partner…"));

  for (guint i = 0; i < n_partners; i++)
    {
      CspItem *partner = csp_item_get_child (plan, "partners", i);
      char *label = dup_partner_label (partner);

      g_ptr_array_add (labels, label);
      g_hash_table_insert (ids, label, (gpointer) csp_item_get_id (partner));
    }
  g_ptr_array_sort (labels, compare_labels);
  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (choices, g_ptr_array_index (labels, i));
      g_ptr_array_add (self->partner_ids, g_strdup (g_hash_table_lookup (ids, g_ptr_array_index (labels, i))));
    }

  gtk_drop_down_set_model (self->owner_partner_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->owner_partner_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_note_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_name_entry), "");
}

static const char *
get_chosen_partner (CspActionDetail *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_partner_dropdown);

  if (self->partner_ids == NULL || selected >= self->partner_ids->len)
    return NULL;

  return g_ptr_array_index (self->partner_ids, selected);
}

static char *
dup_owner_name (CspActionDetail *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_name_entry))));
}

static void
on_owner_input_changed (CspActionDetail *self)
{
  g_autofree char *name = dup_owner_name (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_add_button),
                            *name != '\0' || get_chosen_partner (self) != NULL);
}

static void
on_owner_add_clicked (CspActionDetail *self)
{
  g_autofree char *name = dup_owner_name (self);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->owner_note_entry))));
  const char *partner = get_chosen_partner (self);
  g_autoptr(CspItem) owner = NULL;

  if (self->action == NULL || (*name == '\0' && partner == NULL))
    return;

  /* A name typed by hand wins over a partner left chosen. */
  owner = csp_item_new (CSP_KIND_OWNER);
  if (*name != '\0')
    csp_item_set_string (owner, "name", name);
  else
    csp_item_set_string (owner, "partner", partner);
  csp_item_set_string (owner, "note", note);

  gtk_popover_popdown (self->owner_popover);
  csp_edit_insert (self->stack, self->action, "owners", G_MAXUINT, owner);
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

static void
on_edit_toggled (GtkToggleButton *button,
                 CspActionDetail *self)
{
  CspItem *update = csp_page_get_item (GTK_WIDGET (button));

  if (gtk_toggle_button_get_active (button))
    g_hash_table_add (self->editing, g_strdup (csp_item_get_id (update)));
  else
    {
      g_hash_table_remove (self->editing, csp_item_get_id (update));
      /* The order waits for the end of the edit: see on_plan_changed (). */
      self->updates_dirty = TRUE;
    }
}

static GtkWidget *
new_update_list_row (CspActionDetail *self,
                     CspItem         *update)
{
  g_autofree char *date = csp_ui_format_date (csp_item_get_string (update, "date"));
  g_autofree char *label = g_strdup_printf (_("Update of %s"), date);
  gboolean editing = g_hash_table_contains (self->editing, csp_item_get_id (update));
  GtkWidget *content = csp_update_row_new (self->stack, update, editing);
  GtkToggleButton *edit = csp_update_row_get_edit_button (content);
  GtkWidget *row = gtk_list_box_row_new ();

  csp_page_set_item (GTK_WIDGET (edit), update);
  g_signal_connect (edit, "toggled", G_CALLBACK (on_edit_toggled), self);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return row;
}

static void
show_updates (CspActionDetail *self)
{
  guint n_updates = csp_item_get_n_children (self->action, "updates");
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_updates);
  g_autofree char *heading = NULL;

  csp_page_remove_rows (self->updates_list);

  for (guint i = 0; i < n_updates; i++)
    g_ptr_array_add (order, GUINT_TO_POINTER (i));
  g_ptr_array_sort_with_data (order, compare_newest_first, self->action);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = GPOINTER_TO_UINT (g_ptr_array_index (order, i));
      CspItem *update = csp_item_get_child (self->action, "updates", index);

      gtk_list_box_append (self->updates_list, new_update_list_row (self, update));
    }

  heading = n_updates == 0 ? g_strdup (_("No progress updates yet"))
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u progress update",
                                                           "%u progress updates", n_updates),
                                              n_updates);
  gtk_label_set_label (self->updates_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_list), n_updates > 0);
  self->updates_dirty = FALSE;
}

static void
on_add_update_clicked (CspActionDetail *self)
{
  if (self->action == NULL || self->stack == NULL)
    return;

  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  csp_update_form_start (self->update_form, self->stack, self->action);
}

static void
on_update_form_done (CspActionDetail *self)
{
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_update_button));
}

/* Context, status and moves */

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
show_status_hint (CspActionDetail *self)
{
  CspStatus status = CSP_STATUS_NOT_STARTED;
  g_autofree char *hint = NULL;

  if (csp_action_follows_updates (self->action))
    hint = g_strdup (_("Follows the newest update"));
  else
    {
      csp_status_from_string (csp_action_get_update_status (self->action), &status);
      hint = g_strdup_printf (_("Set by hand (the updates say %s)"), csp_status_get_label (status));
    }

  gtk_label_set_label (self->status_hint, hint);
}

static void
add_move_targets (GMenu   *menu,
                  CspItem *parent,
                  CspItem *current_theme)
{
  guint n_priorities = csp_item_get_n_children (parent, "priorities");

  g_menu_remove_all (menu);
  for (guint i = 0; i < n_priorities; i++)
    {
      CspItem *priority = csp_item_get_child (parent, "priorities", i);
      const char *priority_title = csp_item_get_string (priority, "title");
      guint n_themes = csp_item_get_n_children (priority, "themes");

      for (guint j = 0; j < n_themes; j++)
        {
          CspItem *theme = csp_item_get_child (priority, "themes", j);
          const char *theme_title = csp_item_get_string (theme, "title");
          g_autofree char *label = NULL;
          g_autoptr(GMenuItem) item = NULL;

          if (theme == current_theme)
            continue;

          label = *theme_title != '\0' && g_strcmp0 (theme_title, priority_title) != 0
                  ? g_strdup_printf ("%s › %s", priority_title, theme_title)
                  : g_strdup (priority_title);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "win.move-action-to", "s", csp_item_get_id (theme));
          g_menu_append_item (menu, item);
        }
    }
}

static void
show_move_targets (CspActionDetail *self)
{
  CspItem *review = csp_item_get_object (CSP_ITEM (self->plan), "review");
  CspItem *theme = csp_action_get_theme (self->action);

  add_move_targets (self->move_plan_section, CSP_ITEM (self->plan), theme);
  add_move_targets (self->move_review_section, review, theme);
}

/* Fields */

static void
put_field (GtkBox    *box,
           GtkWidget *field,
           GtkLabel  *caption)
{
  csp_page_remove_children (GTK_WIDGET (box));
  gtk_box_append (box, field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (csp_edit_field_get_editor (field)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
}

static void
show_fields (CspActionDetail *self)
{
  CspItem *action = self->action;

  put_field (self->text_box,
             csp_edit_field_new (self->stack, action, "text", _("Action"), TRUE, csp_validate_not_empty),
             self->text_caption);
  put_field (self->due_box,
             csp_edit_field_new (self->stack, action, "due", _("Due date"), FALSE, csp_validate_date),
             self->due_caption);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (csp_edit_field_get_editor (gtk_widget_get_first_child (GTK_WIDGET (self->due_box)))), 12);
  put_field (self->outcome_box,
             csp_edit_field_new (self->stack, action, "outcome", _("Outcome"), TRUE, NULL),
             self->outcome_caption);

  if (self->status_dropdown != NULL)
    gtk_box_remove (self->status_box, self->status_dropdown);
  self->status_dropdown = csp_edit_status_new (self->stack, action, "status", _("Status"), NULL);
  gtk_widget_set_tooltip_text (self->status_dropdown,
                               _("Choosing a status sets it by hand; a new update with a status sets it again"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->status_caption, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->status_hint, NULL, -1);
  gtk_box_prepend (self->status_box, self->status_dropdown);
}

static void
show_action (CspActionDetail *self)
{
  g_hash_table_remove_all (self->editing);
  show_context (self);
  show_fields (self);
  show_owners (self);
  show_status_hint (self);
  show_updates (self);
  show_move_targets (self);

  if (csp_update_form_get_action (self->update_form) != self->action)
    gtk_revealer_set_reveal_child (self->form_revealer, FALSE);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack_widget, "action");
}

/* Following the model */

static gboolean
refresh_idle (gpointer user_data)
{
  CspActionDetail *self = user_data;

  self->refresh_id = 0;
  if (self->action == NULL || csp_item_get_plan (self->action) != self->plan)
    return G_SOURCE_REMOVE;

  show_context (self);
  show_status_hint (self);
  show_move_targets (self);
  if (self->owners_dirty)
    show_owners (self);
  if (self->updates_dirty && g_hash_table_size (self->editing) == 0)
    show_updates (self);
  self->owners_dirty = FALSE;

  return G_SOURCE_REMOVE;
}

static gboolean
is_within (CspItem *item,
           CspItem *ancestor)
{
  for (; item != NULL; item = csp_item_get_parent (item))
    if (item == ancestor)
      return TRUE;

  return FALSE;
}

static void
on_plan_changed (CspPlan         *plan,
                 CspItem         *item,
                 const char      *key,
                 CspActionDetail *self)
{
  if (self->action == NULL)
    return;

  if (CSP_IS_PARTNER (item) || (item == self->action && g_str_equal (key, "owners"))
      || (CSP_IS_OWNER (item) && is_within (item, self->action)))
    self->owners_dirty = TRUE;

  /* An update's date changes the order; updates being edited keep their
   * place until the edit ends, so that the focus stays put. */
  if ((item == self->action && g_str_equal (key, "updates"))
      || (CSP_IS_UPDATE (item) && g_str_equal (key, "date") && is_within (item, self->action)))
    self->updates_dirty = TRUE;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle, self, NULL);
}

static void
watch_plan (CspActionDetail *self,
            CspPlan         *plan)
{
  if (!csp_page_watch_plan (&self->plan, plan, G_CALLBACK (on_plan_changed), self))
    return;
}

/* GObject */

static void
csp_action_detail_dispose (GObject *object)
{
  CspActionDetail *self = CSP_ACTION_DETAIL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  watch_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_ACTION_DETAIL);
  /* Children without an id are not cleared by the template. */
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->action);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->partner_ids, g_ptr_array_unref);
  g_clear_pointer (&self->editing, g_hash_table_unref);

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
    csp_ui_new_show_item_signal (G_TYPE_FROM_CLASS (klass));

  g_type_ensure (CSP_TYPE_UPDATE_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-action-detail.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "stack", FALSE,
                                             G_STRUCT_OFFSET (CspActionDetail, stack_widget));
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, context_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, move_plan_section);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, move_review_section);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, text_caption);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, text_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owners_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owner_popover);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owner_partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owner_note_entry);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owner_name_entry);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, owner_add_button);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, status_caption);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, status_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, status_hint);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, due_caption);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, due_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, outcome_caption);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, updates_heading);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, add_update_button);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, form_revealer);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, update_form);
  gtk_widget_class_bind_template_child (widget_class, CspActionDetail, updates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_update_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_update_form_done);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
csp_action_detail_init (CspActionDetail *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The directory is long: typing in the popover narrows it. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->owner_partner_dropdown, expression);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Action details"),
                                  -1);
}

void
csp_action_detail_set_undo_stack (CspActionDetail *self,
                                  CspUndoStack    *stack)
{
  g_return_if_fail (CSP_IS_ACTION_DETAIL (self));
  g_return_if_fail (stack == NULL || CSP_IS_UNDO_STACK (stack));

  g_set_object (&self->stack, stack);
}

void
csp_action_detail_set_action (CspActionDetail *self,
                              CspItem         *action)
{
  g_return_if_fail (CSP_IS_ACTION_DETAIL (self));
  g_return_if_fail (action == NULL || CSP_IS_ACTION (action));

  if (!g_set_object (&self->action, action))
    return;

  watch_plan (self, action != NULL ? csp_item_get_plan (action) : NULL);
  csp_page_drop_focus_within (GTK_WIDGET (self));
  if (action != NULL && self->stack != NULL)
    show_action (self);
  else
    gtk_stack_set_visible_child_name (self->stack_widget, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

CspItem *
csp_action_detail_get_action (CspActionDetail *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_DETAIL (self), NULL);

  return self->action;
}

CspUpdateForm *
csp_action_detail_get_update_form (CspActionDetail *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_DETAIL (self), NULL);

  return self->update_form;
}

GtkWidget *
csp_action_detail_get_field (CspActionDetail *self,
                             const char      *key)
{
  g_return_val_if_fail (CSP_IS_ACTION_DETAIL (self), NULL);

  if (g_str_equal (key, "text"))
    return gtk_widget_get_first_child (GTK_WIDGET (self->text_box));
  if (g_str_equal (key, "due"))
    return gtk_widget_get_first_child (GTK_WIDGET (self->due_box));
  if (g_str_equal (key, "outcome"))
    return gtk_widget_get_first_child (GTK_WIDGET (self->outcome_box));
  if (g_str_equal (key, "status"))
    return self->status_dropdown;

  return NULL;
}

GtkListBox *
csp_action_detail_get_updates_list (CspActionDetail *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_DETAIL (self), NULL);

  return self->updates_list;
}
