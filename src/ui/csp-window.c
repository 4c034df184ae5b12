/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-format.h"
#include "csp-ui-util.h"
#include "csp-window-private.h"
#include "csp-window-sharing.h"

G_DEFINE_FINAL_TYPE (CspWindow, csp_window, GTK_TYPE_APPLICATION_WINDOW)

/* Title */

static void
update_title (CspWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean modified = FALSE;
  const char *subtitle = "";

  if (self->document != NULL)
    {
      CspPlan *plan = csp_document_get_plan (self->document);

      name = self->is_sample ? g_strdup (_("Built-in sample"))
                             : csp_document_dup_title (self->document);
      modified = csp_document_get_modified (self->document);
      subtitle = csp_item_get_string (CSP_ITEM (plan), "title");
    }
  else if (self->file != NULL)
    name = g_file_get_basename (self->file);
  else
    name = g_strdup (_("CSP Planner"));

  /* A county's archive takes a moment to write out. */
  if (self->saving)
    subtitle = _("Saving…");
  else if (self->sharing != NULL && csp_window_is_merging (self))
    subtitle = _("Merging…");

  /* The bullet marks unsaved changes, as in other GNOME editors. */
  if (modified)
    {
      g_autofree char *marked = g_strconcat ("• ", name, NULL);

      g_free (name);
      name = g_steal_pointer (&marked);
    }

  title = g_strdup_printf (_("%s — CSP Planner"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
}

void
_csp_window_update_title (CspWindow *self)
{
  update_title (self);
}

/* Sidebar */

typedef struct
{
  const char *page;     /* of the main stack */
  CspItem    *priority; /* borrowed; NULL: every priority */
  gboolean    review;
} Section;

static void
add_sidebar_row (CspWindow  *self,
                 const char *label,
                 const char *page,
                 CspItem    *priority,
                 gboolean    review,
                 gboolean    nested)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);
  Section *section = g_new0 (Section, 1);

  section->page = page;
  section->priority = priority;
  section->review = review;

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (text, label);
  if (nested)
    gtk_widget_set_margin_start (text, 18);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "section", section, g_free);
  gtk_list_box_append (self->sidebar, row);
}

static void
add_priority_rows (CspWindow *self,
                   CspItem   *parent,
                   gboolean   review)
{
  guint n_priorities = csp_item_get_n_children (parent, "priorities");

  for (guint i = 0; i < n_priorities; i++)
    {
      CspItem *priority = csp_item_get_child (parent, "priorities", i);

      add_sidebar_row (self, csp_item_get_string (priority, "title"), "actions",
                       priority, review, TRUE);
    }
}

/* "Review 2017/18", from the review's period. */
static char *
dup_review_label (CspItem *review)
{
  CspItem *period = csp_item_get_object (review, "period");
  const char *start = period != NULL ? csp_item_get_string (period, "start") : "";
  const char *end = period != NULL ? csp_item_get_string (period, "end") : "";

  if (strlen (start) >= 4 && strlen (end) >= 4)
    return g_strdup_printf (_("Review %.4s/%.2s"), start, end + 2);

  return g_strdup (_("Review of last year"));
}

static void
clear_sidebar (CspWindow *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, row);
}

static void
fill_sidebar (CspWindow *self,
              CspPlan   *plan)
{
  CspItem *review = csp_item_get_object (CSP_ITEM (plan), "review");

  clear_sidebar (self);
  add_sidebar_row (self, _("Overview"), "overview", NULL, FALSE, FALSE);
  add_sidebar_row (self, _("Action plan"), "actions", NULL, FALSE, FALSE);
  add_priority_rows (self, CSP_ITEM (plan), FALSE);

  if (review != NULL && csp_item_get_n_children (review, "priorities") > 0)
    {
      g_autofree char *label = dup_review_label (review);

      add_sidebar_row (self, label, "actions", NULL, TRUE, FALSE);
      add_priority_rows (self, review, TRUE);
    }

  add_sidebar_row (self, _("Partners"), "partners", NULL, FALSE, FALSE);
  add_sidebar_row (self, _("Glossary"), "glossary", NULL, FALSE, FALSE);
  add_sidebar_row (self, _("Plan text"), "text", NULL, FALSE, FALSE);
}

static void
collect_priority_actions (CspItem   *priority,
                          GPtrArray *actions)
{
  guint n_themes = csp_item_get_n_children (priority, "themes");

  for (guint i = 0; i < n_themes; i++)
    {
      CspItem *theme = csp_item_get_child (priority, "themes", i);
      guint n_actions = csp_item_get_n_children (theme, "actions");

      for (guint j = 0; j < n_actions; j++)
        g_ptr_array_add (actions, csp_item_get_child (theme, "actions", j));
    }
}

static void
show_section_actions (CspWindow  *self,
                      Section    *section,
                      const char *title)
{
  g_autoptr(GPtrArray) actions = NULL;

  if (section->priority != NULL)
    {
      actions = g_ptr_array_new ();
      collect_priority_actions (section->priority, actions);
    }
  else
    actions = csp_plan_collect_actions (csp_window_get_plan (self), section->review);

  csp_action_list_set_actions (self->action_list, title, actions);
}

static void
on_sidebar_row_selected (CspWindow     *self,
                         GtkListBoxRow *row)
{
  Section *section;

  if (row == NULL)
    return;

  section = g_object_get_data (G_OBJECT (row), "section");
  if (g_str_equal (section->page, "actions"))
    {
      GtkLabel *label = GTK_LABEL (gtk_list_box_row_get_child (row));

      show_section_actions (self, section, gtk_label_get_label (label));
    }

  gtk_stack_set_visible_child_name (self->main_stack, section->page);
}

static GtkListBoxRow *
find_sidebar_row (CspWindow  *self,
                  const char *page,
                  CspItem    *priority,
                  gboolean    review)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      Section *section = g_object_get_data (G_OBJECT (row), "section");

      if (section != NULL
          && g_str_equal (section->page, page)
          && section->priority == priority
          && section->review == review)
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

/* The partners, glossary and text pages get the plan when first shown:
 * hidden, a list of hundreds of partners would still make its rows. */
static void
give_shown_page_plan (CspWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  CspPlan *plan = csp_window_get_plan (self);

  if (plan == NULL || page == NULL)
    return;

  if (g_str_equal (page, "partners"))
    csp_partners_page_set_plan (self->partners_page, plan);
  else if (g_str_equal (page, "glossary"))
    csp_glossary_page_set_plan (self->glossary_page, plan);
  else if (g_str_equal (page, "text"))
    csp_text_page_set_plan (self->text_page, plan);
}

static void
select_page (CspWindow  *self,
             const char *page)
{
  GtkListBoxRow *row = find_sidebar_row (self, page, NULL, FALSE);

  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->main_stack, page);
}

/* Following the structure of the plan */

static void
relabel_priority (CspWindow *self,
                  CspItem   *priority)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      Section *section = g_object_get_data (G_OBJECT (row), "section");
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      const char *title = csp_item_get_string (priority, "title");

      if (section == NULL || section->priority != priority)
        continue;

      gtk_label_set_label (GTK_LABEL (label), title);
      gtk_widget_set_tooltip_text (label, title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
}

static gboolean
is_in_plan (CspItem *item,
            CspPlan *plan)
{
  return item != NULL && csp_item_get_plan (item) == plan;
}

/* Rebuilds the sidebar and the list after actions, themes or priorities
 * were added, removed or moved, keeping the section and the action
 * shown where they still exist. */
static void
refresh_structure (CspWindow *self)
{
  CspPlan *plan = csp_window_get_plan (self);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  Section *section = row != NULL ? g_object_get_data (G_OBJECT (row), "section") : NULL;
  Section old = section != NULL ? *section : (Section) { NULL, NULL, FALSE };
  g_autoptr(CspItem) selected = NULL;
  guint position = GTK_INVALID_LIST_POSITION;
  GListModel *shown = csp_action_list_get_model (self->action_list);

  if ((selected = csp_action_list_get_selected (self->action_list)) != NULL)
    {
      g_object_ref (selected);
      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(GObject) other = g_list_model_get_item (shown, i);

          if (other == (GObject *) selected)
            position = i;
        }
    }

  fill_sidebar (self, plan);
  if (old.page != NULL)
    {
      if (old.priority != NULL && !is_in_plan (old.priority, plan))
        old.priority = NULL;
      row = find_sidebar_row (self, old.page, old.priority, old.review);
      if (row == NULL)
        row = find_sidebar_row (self, old.page, NULL, FALSE);
      gtk_list_box_select_row (self->sidebar, row);
    }
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "actions"))
    {
      g_autoptr(GPtrArray) actions = csp_plan_collect_actions (plan, FALSE);
      g_autoptr(GPtrArray) review = csp_plan_collect_actions (plan, TRUE);

      g_ptr_array_extend (actions, review, NULL, NULL);
      csp_action_list_set_actions (self->action_list, _("All actions, this year’s and last year’s"), actions);
    }

  if (selected != NULL && !csp_action_list_select (self->action_list, selected)
      && position != GTK_INVALID_LIST_POSITION)
    {
      /* The action left the list: its neighbour takes its place. */
      guint n_items = g_list_model_get_n_items (shown);
      g_autoptr(CspItem) next = n_items > 0 ? g_list_model_get_item (shown, MIN (position, n_items - 1)) : NULL;

      if (next != NULL)
        csp_action_list_select (self->action_list, next);
    }
}

static void
on_plan_changed (CspWindow  *self,
                 CspItem    *item,
                 const char *key)
{
  if (CSP_IS_PRIORITY (item) && g_str_equal (key, "title"))
    relabel_priority (self, item);
  else if (g_str_equal (key, "priorities") || g_str_equal (key, "themes")
           || g_str_equal (key, "actions") || CSP_IS_PERIOD (item))
    refresh_structure (self);
  else if (CSP_IS_PLAN (item) && g_str_equal (key, "title"))
    update_title (self);
}

CspItem *
_csp_window_get_shown_priority (CspWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  Section *section = row != NULL ? g_object_get_data (G_OBJECT (row), "section") : NULL;

  /* Until a replaced plan is shown afresh, the row may name a priority
   * that left it. */
  if (section == NULL || !is_in_plan (section->priority, csp_window_get_plan (self)))
    return NULL;

  return section->priority;
}

CspItem *
_csp_window_get_current_theme (CspWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  Section *section = row != NULL ? g_object_get_data (G_OBJECT (row), "section") : NULL;
  CspItem *parent = CSP_ITEM (csp_window_get_plan (self));
  CspItem *priority;

  if (section != NULL && section->priority != NULL)
    priority = section->priority;
  else
    {
      if (section != NULL && section->review)
        parent = csp_item_get_object (parent, "review");
      priority = csp_item_get_child (parent, "priorities", 0);
    }

  return priority != NULL ? csp_item_get_child (priority, "themes", 0) : NULL;
}

static void
on_action_selected (CspWindow *self)
{
  csp_action_detail_set_action (self->action_detail,
                                csp_action_list_get_selected (self->action_list));
}

/* Settings */

static void
restore_settings (CspWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-width", self->paned, "position", G_SETTINGS_BIND_DEFAULT);
}

static void
save_window_size (CspWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

/* GObject */

static void
csp_window_unrealize (GtkWidget *widget)
{
  save_window_size (CSP_WINDOW (widget));

  GTK_WIDGET_CLASS (csp_window_parent_class)->unrealize (widget);
}

static void
csp_window_dispose (GObject *object)
{
  CspWindow *self = CSP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  _csp_window_dispose_sharing (self);
  /* Taking the sidebar apart unselects its row: nothing to update. */
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (csp_window_parent_class)->dispose (object);
}

static void
csp_window_class_init (CspWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_window_dispose;
  widget_class->unrealize = csp_window_unrealize;

  g_type_ensure (CSP_TYPE_ACTION_LIST);
  g_type_ensure (CSP_TYPE_ACTION_DETAIL);
  g_type_ensure (CSP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CSP_TYPE_PARTNERS_PAGE);
  g_type_ensure (CSP_TYPE_GLOSSARY_PAGE);
  g_type_ensure (CSP_TYPE_TEXT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CspWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, recent_button);
  /* For give_menu_when_opened (): gtk_widget_get_template_child () only. */
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "main_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, action_list);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, action_detail);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, partners_page);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, glossary_page);
  gtk_widget_class_bind_template_child (widget_class, CspWindow, text_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_action_selected);
  gtk_widget_class_bind_template_callback (widget_class, csp_window_show_item);

  _csp_window_class_init_actions (widget_class);
}

/* The keyboard shortcuts window is built when first asked for, instead
 * of for every window as it opens, as GTK does with a resource called
 * "gtk/help-overlay.ui". */
static void
show_help_overlay (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/csp-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* A menu button's popover makes a widget for each item as soon as it
 * has the menu: the header bar's menus get theirs when first opened. */
static void
give_menu (GtkMenuButton *button,
           gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, user_data);
}

static void
give_menu_when_opened (CspWindow  *self,
                       const char *button,
                       const char *menu)
{
  GObject *model = gtk_widget_get_template_child (GTK_WIDGET (self), CSP_TYPE_WINDOW, menu);

  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                                         CSP_TYPE_WINDOW,
                                                                                         button)),
                                         give_menu, g_object_ref (model), g_object_unref);
}

static const GActionEntry help_entries[] = {
  { "show-help-overlay", show_help_overlay },
};

static void
csp_window_init (CspWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Not a bound template child: on GTK 4.8 disposing the template
   * would unparent it behind GtkWindow's back. */
  self->state_stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));

  g_action_map_add_action_entries (G_ACTION_MAP (self), help_entries, G_N_ELEMENTS (help_entries), self);
  give_menu_when_opened (self, "menu_button", "main_menu");
  give_menu_when_opened (self, "recent_button", "recent_menu");
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (give_shown_page_plan), self, G_CONNECT_SWAPPED);
  self->settings = csp_ui_new_settings ();
  restore_settings (self);
  _csp_window_init_actions (self);
  _csp_window_init_edit (self);
  _csp_window_init_sharing (self);
  update_title (self);
}

CspWindow *
csp_window_new (CspApplication *application)
{
  return g_object_new (CSP_TYPE_WINDOW, "application", application, NULL);
}

/* Documents */

static void
on_modified_changed (CspWindow *self)
{
  update_title (self);
}

void
csp_window_set_document (CspWindow   *self,
                         CspDocument *document)
{
  CspPlan *plan;

  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (CSP_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (csp_document_get_plan (self->document), self);
    }

  /* The rows point into the old plan: they go before it does. */
  clear_sidebar (self);
  csp_action_detail_set_action (self->action_detail, NULL);
  _csp_window_edit_set_document (self, self->document, document);
  g_set_object (&self->document, document);
  g_clear_object (&self->file);
  self->is_sample = FALSE;

  plan = csp_document_get_plan (document);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (on_modified_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (on_modified_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed), self, G_CONNECT_SWAPPED);

  csp_action_list_set_plan (self->action_list, plan);
  csp_action_list_clear_filters (self->action_list);
  csp_overview_page_set_plan (self->overview_page, plan);
  csp_partners_page_set_plan (self->partners_page, NULL);
  csp_glossary_page_set_plan (self->glossary_page, NULL);
  csp_text_page_set_plan (self->text_page, NULL);
  fill_sidebar (self, plan);
  select_page (self, "overview");
  give_shown_page_plan (self);
  gtk_stack_set_visible_child_name (self->state_stack, "document");
  gtk_spinner_stop (self->spinner);

  update_title (self);
  _csp_window_update_actions (self);
  _csp_window_edit_update_actions (self);
  _csp_window_sharing_update (self);
}

CspDocument *
csp_window_get_document (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->document;
}

void
csp_window_set_plan (CspWindow *self,
                     CspPlan   *plan,
                     GFile     *file)
{
  g_autoptr(CspDocument) document = NULL;

  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (CSP_IS_PLAN (plan));

  document = csp_document_new (plan, file);
  csp_window_set_document (self, document);
}

CspPlan *
csp_window_get_plan (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->document != NULL ? csp_document_get_plan (self->document) : NULL;
}

void
csp_window_show_sample (CspWindow *self)
{
  g_autoptr(CspPlan) plan = csp_sample_load ();

  g_return_if_fail (CSP_IS_WINDOW (self));

  csp_window_set_plan (self, plan, NULL);
  self->is_sample = TRUE;
  update_title (self);
}

static void
show_error (CspWindow    *self,
            GFile        *file,
            const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = g_strdup_printf (_("“%s”: %s"), name, error->message);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (csp_document_get_plan (self->document), self);
    }
  clear_sidebar (self);
  csp_action_detail_set_action (self->action_detail, NULL);
  _csp_window_edit_set_document (self, self->document, NULL);
  g_clear_object (&self->document);
  self->is_sample = FALSE;

  gtk_label_set_label (self->error_label, message);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
  gtk_spinner_stop (self->spinner);
  update_title (self);
  _csp_window_update_actions (self);
  _csp_window_edit_update_actions (self);
  _csp_window_sharing_update (self);
}

static void
on_document_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CspWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CspDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  document = csp_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  file = g_steal_pointer (&self->file);
  if (document == NULL)
    {
      self->file = g_object_ref (file);
      show_error (self, file, error);
      return;
    }

  csp_window_set_document (self, document);
  _csp_window_note_file_used (self, file);
}

/* A plan that takes a while to open shows how far it is. The bar
 * appears only after a moment: a quick load would flash it, and
 * drawing it costs the load time on a software renderer. */
#define LOADING_PROGRESS_DELAY (G_USEC_PER_SEC / 4)

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  CspWindow *self = user_data;

  if (self->loading_progress == NULL || !csp_window_is_loading (self) ||
      g_get_monotonic_time () - self->loading_since < LOADING_PROGRESS_DELAY)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->loading_progress), TRUE);
  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
}

void
csp_window_load_file (CspWindow *self,
                      GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->loading_label, message);
  gtk_spinner_start (self->spinner);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_progress), FALSE);
  self->loading_since = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  update_title (self);

  /* The task keeps the window alive until its callback, which comes
   * after the progress it reported. */
  csp_document_load_async (file, on_load_progress, self, self->cancellable,
                           on_document_loaded, g_object_ref (self));
}

GFile *
csp_window_get_file (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  if (self->file != NULL)
    return self->file;

  return self->document != NULL ? csp_document_get_file (self->document) : NULL;
}

gboolean
csp_window_is_untouched (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), FALSE);

  if (self->cancellable != NULL)
    return FALSE;
  if (self->document == NULL)
    return TRUE;

  return csp_document_get_file (self->document) == NULL
         && !csp_document_get_modified (self->document);
}

gboolean
csp_window_is_loading (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

void
_csp_window_refresh_if_stale (CspWindow *self)
{
  CspPlan *plan = csp_window_get_plan (self);
  g_autoptr(CspDocument) document = NULL;
  gboolean stale = FALSE;

  if (plan == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL && !stale;
       row = gtk_widget_get_next_sibling (row))
    {
      Section *section = g_object_get_data (G_OBJECT (row), "section");

      stale = section != NULL && section->priority != NULL
              && csp_item_get_plan (section->priority) != plan;
    }

  if (!stale)
    return;

  document = g_object_ref (self->document);
  csp_window_set_document (self, document);
}

/* Going to items */

static void
show_action (CspWindow *self,
             CspItem   *action)
{
  if (!csp_action_list_contains (self->action_list, action))
    {
      CspItem *priority = csp_action_get_priority (action);
      gboolean review = CSP_IS_REVIEW (csp_item_get_parent (priority));
      GtkListBoxRow *row = find_sidebar_row (self, "actions", priority, review);

      g_return_if_fail (row != NULL);
      gtk_list_box_select_row (self->sidebar, row);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "actions");
  csp_action_list_select (self->action_list, action);
}

/* A priority, or a theme, is shown with its actions. */
static void
show_priority (CspWindow *self,
               CspItem   *priority)
{
  gboolean review = CSP_IS_REVIEW (csp_item_get_parent (priority));
  GtkListBoxRow *row = find_sidebar_row (self, "actions", priority, review);

  if (row == NULL)
    {
      select_page (self, "overview");
      return;
    }

  gtk_list_box_select_row (self->sidebar, row);
  gtk_stack_set_visible_child_name (self->main_stack, "actions");
}

void
csp_window_show_item (CspWindow *self,
                      CspItem   *item)
{
  g_return_if_fail (CSP_IS_WINDOW (self));
  g_return_if_fail (CSP_IS_ITEM (item));
  g_return_if_fail (self->document != NULL);

  /* An update or an owner is shown with its action, a contact with
   * its partner. */
  while (CSP_IS_UPDATE (item) || CSP_IS_OWNER (item) || CSP_IS_PERSON (item))
    item = csp_item_get_parent (item);

  if (CSP_IS_ACTION (item))
    show_action (self, item);
  else if (CSP_IS_PRIORITY (item))
    show_priority (self, item);
  else if (CSP_IS_THEME (item) && csp_item_get_parent (item) != NULL)
    show_priority (self, csp_item_get_parent (item));
  else if (CSP_IS_PARTNER (item))
    {
      select_page (self, "partners");
      csp_partners_page_show_partner (self->partners_page, item);
    }
  else if (CSP_IS_TERM (item))
    select_page (self, "glossary");
  else if (CSP_IS_SECTION (item))
    select_page (self, "text");
  else
    select_page (self, "overview");
}

void
csp_window_search_all (CspWindow *self)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) review = NULL;
  CspPlan *plan;

  g_return_if_fail (CSP_IS_WINDOW (self));

  plan = csp_window_get_plan (self);
  if (plan == NULL)
    return;

  actions = csp_plan_collect_actions (plan, FALSE);
  review = csp_plan_collect_actions (plan, TRUE);
  g_ptr_array_extend (actions, review, NULL, NULL);

  gtk_list_box_unselect_all (self->sidebar);
  csp_action_list_set_actions (self->action_list, _("All actions, this year’s and last year’s"), actions);
  gtk_stack_set_visible_child_name (self->main_stack, "actions");
  csp_action_list_focus_search (self->action_list);
}

GtkListBox *
csp_window_get_sidebar (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->sidebar;
}

GtkStack *
csp_window_get_main_stack (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->main_stack;
}

CspActionList *
csp_window_get_action_list (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->action_list;
}

CspActionDetail *
csp_window_get_action_detail (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  return self->action_detail;
}

const char *
csp_window_get_error_message (CspWindow *self)
{
  g_return_val_if_fail (CSP_IS_WINDOW (self), NULL);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->state_stack), "error"))
    return NULL;

  return gtk_label_get_label (self->error_label);
}
