/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-links.h"
#include "csp-page-util.h"
#include "csp-ui-util.h"
#include "csp-partners-page.h"

struct _CspPartnersPage
{
  GtkWidget           parent_instance;

  CspPlan            *plan;
  guint               refresh_id;
  /* A partner chosen while the page was hidden: a list view that is
   * not mapped cannot scroll, so it scrolls when it is shown. */
  gboolean            scroll_on_map;
  guint               scroll_id;

  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSorter          *sorter;
  GtkFilter          *filter;
  GtkStack           *detail_stack;
  GtkLabel           *empty_label;
  GtkLabel           *name_label;
  GtkLabel           *member_label;
  GtkGrid            *info_grid;
  GtkLabel           *notes_label;
  GtkBox             *contacts_box;
  GtkBox             *actions_box;
};

G_DEFINE_FINAL_TYPE (CspPartnersPage, csp_partners_page, GTK_TYPE_WIDGET)

enum {
  SHOW_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CspItem *
get_selected_partner (CspPartnersPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
add_info_row (CspPartnersPage *self,
              int             *row,
              const char      *caption,
              GtkWidget       *value)
{
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_widget_set_valign (caption_label, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (value, GTK_ALIGN_BASELINE);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (caption_label, "dim-label");

  gtk_grid_attach (self->info_grid, caption_label, 0, *row, 1, 1);
  gtk_grid_attach (self->info_grid, value, 1, *row, 1, 1);
  (*row)++;
}

static GtkWidget *
text_value_new (const char *text)
{
  return csp_link_new (text, NULL);
}

static void
refresh_info (CspPartnersPage *self,
              CspItem         *partner)
{
  const char *short_name = csp_item_get_string (partner, "short_name");
  const char *phone = csp_item_get_string (partner, "phone");
  const char *website = csp_item_get_string (partner, "website");
  const char *email = csp_item_get_string (partner, "email");
  const char *address = csp_item_get_string (partner, "address");
  int row = 0;

  csp_page_remove_children (GTK_WIDGET (self->info_grid));

  if (*short_name != '\0')
    add_info_row (self, &row, _("Short name"), text_value_new (short_name));
  if (*phone != '\0')
    add_info_row (self, &row, _("Phone"), text_value_new (phone));
  if (*website != '\0')
    {
      g_autofree char *uri = csp_link_dup_web_uri (website);

      add_info_row (self, &row, _("Website"), csp_link_new (website, uri));
    }
  if (*email != '\0')
    {
      g_autofree char *uri = csp_link_dup_mail_uri (email);

      add_info_row (self, &row, _("Email"), csp_link_new (email, uri));
    }
  if (*address != '\0')
    add_info_row (self, &row, _("Address"), text_value_new (address));

  gtk_widget_set_visible (GTK_WIDGET (self->info_grid), row > 0);
}

static GtkWidget *
contact_new (CspItem *person)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *role = csp_item_get_string (person, "role");
  const char *phone = csp_item_get_string (person, "phone");
  const char *email = csp_item_get_string (person, "email");
  GtkWidget *name = csp_page_label_new (csp_item_get_string (person, "name"), "heading");

  gtk_label_set_selectable (GTK_LABEL (name), TRUE);
  gtk_box_append (GTK_BOX (box), name);
  if (*role != '\0')
    gtk_box_append (GTK_BOX (box), text_value_new (role));
  if (*phone != '\0')
    gtk_box_append (GTK_BOX (box), text_value_new (phone));
  if (*email != '\0')
    {
      g_autofree char *uri = csp_link_dup_mail_uri (email);

      gtk_box_append (GTK_BOX (box), csp_link_new (email, uri));
    }
  gtk_widget_add_css_class (box, "partners-contact");

  return box;
}

static void
refresh_contacts (CspPartnersPage *self,
                  CspItem         *partner)
{
  guint n = csp_item_get_n_children (partner, "contacts");

  csp_page_remove_children (GTK_WIDGET (self->contacts_box));
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_box), n > 0);
  if (n == 0)
    return;

  gtk_box_append (self->contacts_box, csp_page_heading_new (_("Contacts"), "title-3", 2));
  for (guint i = 0; i < n; i++)
    gtk_box_append (self->contacts_box, contact_new (csp_item_get_child (partner, "contacts", i)));
}

static void
on_action_row_activated (GtkListBox      *list,
                         GtkListBoxRow   *row,
                         CspPartnersPage *self)
{
  CspItem *action = csp_page_get_item (GTK_WIDGET (row));

  if (action != NULL)
    g_signal_emit (self, signals[SHOW_ITEM], 0, action);
}

static GtkWidget *
action_list_new (CspPartnersPage *self,
                 GtkWidget       *heading)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), csp_page_placeholder_new (_("None")));
  gtk_widget_add_css_class (list, "frame");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_action_row_activated), self, 0);

  return list;
}

static void
add_led_actions (CspPartnersPage *self,
                 CspItem         *partner,
                 gboolean         review)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (self->plan, review);
  const char *id = csp_item_get_id (partner);
  CspItem *review_item = csp_item_get_object (CSP_ITEM (self->plan), "review");
  const char *title;
  GtkWidget *heading;
  GtkWidget *list;

  if (review)
    title = review_item != NULL && *csp_item_get_string (review_item, "title") != '\0'
            ? csp_item_get_string (review_item, "title") : _("Review of last year");
  else
    title = _("This year’s plan");

  heading = csp_page_heading_new (title, "heading", 3);
  gtk_widget_set_margin_top (heading, 6);
  list = action_list_new (self, heading);
  gtk_box_append (self->actions_box, heading);
  gtk_box_append (self->actions_box, list);

  for (guint i = 0; i < actions->len; i++)
    {
      CspItem *action = g_ptr_array_index (actions, i);

      if (csp_action_is_led_by (action, id))
        gtk_list_box_append (GTK_LIST_BOX (list), csp_page_action_row_new (action));
    }
}

static void
refresh_actions (CspPartnersPage *self,
                 CspItem         *partner)
{
  csp_page_remove_children (GTK_WIDGET (self->actions_box));
  gtk_box_append (self->actions_box, csp_page_heading_new (_("Actions led"), "title-3", 2));
  add_led_actions (self, partner, FALSE);
  add_led_actions (self, partner, TRUE);
}

static void
refresh_detail (CspPartnersPage *self)
{
  CspItem *partner = get_selected_partner (self);
  const char *notes;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (partner == NULL || self->plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  gtk_label_set_label (self->name_label, csp_item_get_string (partner, "name"));
  gtk_label_set_label (self->member_label,
                       csp_item_get_boolean (partner, "member")
                       ? _("Member of the partnership")
                       : _("Not a member of the partnership"));
  notes = csp_item_get_string (partner, "notes");
  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *notes != '\0');

  refresh_info (self, partner);
  refresh_contacts (self, partner);
  refresh_actions (self, partner);
  gtk_stack_set_visible_child_name (self->detail_stack, "partner");
}

/* Editing and deleting are the window's: it owns the undo stack. */
static void
on_edit_clicked (CspPartnersPage *self)
{
  CspItem *partner = get_selected_partner (self);

  if (partner != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-partner", "s", csp_item_get_id (partner));
}

static void
on_delete_clicked (CspPartnersPage *self)
{
  CspItem *partner = get_selected_partner (self);

  if (partner != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-partner", "s", csp_item_get_id (partner));
}

static gboolean
refresh_idle (gpointer user_data)
{
  CspPartnersPage *self = user_data;

  self->refresh_id = 0;
  refresh_detail (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (CspPlan    *plan,
                 CspItem    *item,
                 const char *key,
                 gpointer    user_data)
{
  CspPartnersPage *self = user_data;

  /* The sort and filter models do not watch their items' properties. */
  if (CSP_IS_PARTNER (item) && (g_str_equal (key, "name") || g_str_equal (key, "short_name")))
    {
      gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
    }

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_selected_item_changed (CspPartnersPage *self)
{
  refresh_detail (self);
}

static void
scroll_to_selected (CspPartnersPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_NONE, NULL);
#else
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
#endif
}

static gboolean
scroll_idle (gpointer user_data)
{
  CspPartnersPage *self = user_data;

  self->scroll_id = 0;
  scroll_to_selected (self);

  return G_SOURCE_REMOVE;
}

static void
on_list_view_map (CspPartnersPage *self)
{
  /* After the first allocation, which the scroll needs. */
  if (self->scroll_on_map && self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_idle, self);
  self->scroll_on_map = FALSE;
}

static void
csp_partners_page_dispose (GObject *object)
{
  CspPartnersPage *self = CSP_PARTNERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_PARTNERS_PAGE);
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (csp_partners_page_parent_class)->dispose (object);
}

static void
csp_partners_page_class_init (CspPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_partners_page_dispose;

  /**
   * CspPartnersPage::show-item:
   * @item: the action to show
   *
   * Emitted when one of the actions the partner leads is clicked.
   */
  signals[SHOW_ITEM] =
    csp_ui_new_show_item_signal (G_TYPE_FROM_CLASS (klass));

  /* The template's expressions name the type. */
  g_type_ensure (CSP_TYPE_PARTNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, sorter);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, filter);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, member_label);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, info_grid);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, contacts_box);
  gtk_widget_class_bind_template_child (widget_class, CspPartnersPage, actions_box);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "partnerspage");
}

static void
csp_partners_page_init (CspPartnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (on_list_view_map), self, G_CONNECT_SWAPPED);
  refresh_detail (self);
}

GtkWidget *
csp_partners_page_new (void)
{
  return g_object_new (CSP_TYPE_PARTNERS_PAGE, NULL);
}

void
csp_partners_page_set_plan (CspPartnersPage *self,
                            CspPlan         *plan)
{
  g_return_if_fail (CSP_IS_PARTNERS_PAGE (self));
  g_return_if_fail (plan == NULL || CSP_IS_PLAN (plan));

  if (!csp_page_watch_plan (&self->plan, plan, G_CALLBACK (on_plan_changed), self))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   plan != NULL ? csp_item_get_list (CSP_ITEM (plan), "partners") : NULL);
  refresh_detail (self);
}

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
csp_partners_page_show_partner (CspPartnersPage *self,
                                CspItem         *partner)
{
  guint position;

  g_return_if_fail (CSP_IS_PARTNERS_PAGE (self));
  g_return_if_fail (CSP_IS_PARTNER (partner));

  if (!find_position (G_LIST_MODEL (self->sort_model), partner, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      if (!find_position (G_LIST_MODEL (self->sort_model), partner, &position))
        return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  self->scroll_on_map = !gtk_widget_get_mapped (GTK_WIDGET (self->list_view));
  if (!self->scroll_on_map)
    scroll_to_selected (self);
}
