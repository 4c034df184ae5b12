/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-item-editor.h"
#include "csp-ui-util.h"
#include "csp-window-private.h"

/* Editors of the parts of the plan that are not actions: partners and
 * their contacts, glossary entries, narrative sections and the plan's
 * own details. Each opens a CspItemEditor; deleting asks only when
 * something else would change (a partner that owns actions). */

static CspUndoStack *
get_stack (CspWindow *self)
{
  return csp_document_get_undo_stack (self->document);
}

static CspItem *
lookup (CspWindow *self,
        GVariant  *parameter)
{
  if (self->document == NULL)
    return NULL;

  return csp_plan_lookup (csp_window_get_plan (self), g_variant_get_string (parameter, NULL));
}

/* Partners */

typedef struct
{
  CspWindow *window;
  CspItem   *partner;
} Deletion;

static void
deletion_free (Deletion *deletion)
{
  g_clear_object (&deletion->window);
  g_clear_object (&deletion->partner);
  g_free (deletion);
}

static void
on_delete_partner_answered (int      response,
                            gpointer user_data)
{
  Deletion *deletion = user_data;
  g_autoptr(GError) error = NULL;

  if (response == 1 && deletion->window->document != NULL
      && csp_item_get_plan (deletion->partner) == csp_window_get_plan (deletion->window)
      && !csp_edit_delete_partner (get_stack (deletion->window), deletion->partner,
                                   CSP_PARTNER_OWNERS_TO_NAME, &error))
    g_warning ("%s", error->message);

  deletion_free (deletion);
}

static void
delete_partner (CspWindow *self,
                CspItem   *partner)
{
  const char *buttons[] = { _("_Cancel"), NULL, NULL };
  guint n_owners = csp_partner_count_owners (partner);
  g_autofree char *keep = NULL;
  g_autofree char *message = NULL;
  Deletion *deletion;

  if (n_owners == 0)
    {
      csp_edit_delete_partner (get_stack (self), partner, CSP_PARTNER_OWNERS_REFUSE, NULL);
      return;
    }

  keep = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Keep Its Name as Free Text on %u Action",
                                       "_Keep Its Name as Free Text on %u Actions", n_owners),
                          n_owners);
  buttons[1] = keep;
  message = g_strdup_printf (_("Delete “%s”?"), csp_item_get_string (partner, "name"));

  deletion = g_new0 (Deletion, 1);
  deletion->window = g_object_ref (self);
  deletion->partner = g_object_ref (partner);
  csp_ui_ask (GTK_WINDOW (self), message,
              _("The partner owns actions. They can keep its name as an owner that is not "
                "in the directory."),
              buttons, 0, 0, on_delete_partner_answered, deletion);
}

static void
delete_partner_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CspItem *partner = lookup (user_data, parameter);

  if (partner != NULL && CSP_IS_PARTNER (partner))
    delete_partner (user_data, partner);
}

static void
on_remove_contact_clicked (GtkButton *button,
                           CspItemEditor *editor)
{
  CspItem *person = g_object_get_data (G_OBJECT (button), "person");

  csp_edit_remove (csp_item_editor_get_stack (editor), person);
}

static void
add_contact_fields (CspItemEditor *editor,
                    CspItem       *person,
                    guint          index,
                    guint          n_children)
{
  CspUndoStack *stack = csp_item_editor_get_stack (editor);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Contact"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  csp_edit_grid_attach (GTK_GRID (grid), 0, _("Name"),
                        csp_edit_field_new (stack, person, "name", _("Contact’s name"), FALSE,
                                            csp_validate_not_empty));
  csp_edit_grid_attach (GTK_GRID (grid), 1, _("Role"),
                        csp_edit_field_new (stack, person, "role", _("Contact’s role"), FALSE, NULL));
  csp_edit_grid_attach (GTK_GRID (grid), 2, _("Phone"),
                        csp_edit_field_new (stack, person, "phone", _("Contact’s phone"), FALSE, NULL));
  csp_edit_grid_attach (GTK_GRID (grid), 3, _("Email"),
                        csp_edit_field_new (stack, person, "email", _("Contact’s email"), FALSE,
                                            csp_validate_email));
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_object_set_data_full (G_OBJECT (remove), "person", g_object_ref (person), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_contact_clicked), editor);
  gtk_grid_attach (GTK_GRID (grid), remove, 1, 4, 1, 1);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "contact-editor");
  gtk_box_append (csp_item_editor_get_extra (editor), grid);
}

static void
on_add_contact_clicked (CspItemEditor *editor)
{
  g_autoptr(CspItem) person = csp_item_new (CSP_KIND_PERSON);

  csp_item_set_string (person, "name", _("New contact"));
  csp_edit_insert (csp_item_editor_get_stack (editor), csp_item_editor_get_item (editor),
                   "contacts", G_MAXUINT, person);
}

/* The list below an editor's fields: a heading, a row per child of
 * @key, and a button that adds one. Filled again when the list changes. */
typedef void (*AddRowFunc) (CspItemEditor *editor,
                            CspItem       *child,
                            guint          index,
                            guint          n_children);

static void
fill_children (CspItemEditor *editor,
               const char    *key,
               const char    *heading_text,
               AddRowFunc     add_row,
               const char    *add_label,
               GCallback      on_add_clicked)
{
  CspItem *item = csp_item_editor_get_item (editor);
  GtkBox *extra = csp_item_editor_get_extra (editor);
  guint n_children = csp_item_get_n_children (item, key);
  GtkWidget *child, *heading, *add;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (extra))) != NULL)
    gtk_box_remove (extra, child);

  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (extra, heading);
  for (guint i = 0; i < n_children; i++)
    add_row (editor, csp_item_get_child (item, key, i), i, n_children);

  add = gtk_button_new_with_mnemonic (add_label);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", on_add_clicked, editor);
  gtk_box_append (extra, add);
}

static void
fill_contacts (CspItemEditor *editor)
{
  fill_children (editor, "contacts", _("Contacts"), add_contact_fields,
                 _("Add _Contact"), G_CALLBACK (on_add_contact_clicked));
}

static void
on_partner_changed (CspItemEditor *editor,
                    CspItem       *item,
                    const char    *key)
{
  if (item == csp_item_editor_get_item (editor) && g_str_equal (key, "contacts"))
    fill_contacts (editor);
}

static void
on_editor_delete_partner (CspItemEditor *editor)
{
  CspWindow *self = CSP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (editor)));

  delete_partner (self, csp_item_editor_get_item (editor));
}

static void
edit_partner (CspWindow *self,
              CspItem   *partner)
{
  CspItemEditor *editor = csp_item_editor_new (GTK_WINDOW (self), _("Edit Partner"), get_stack (self), partner);

  csp_item_editor_add_field (editor, partner, "name", _("Name"), FALSE, csp_validate_not_empty);
  csp_item_editor_add_field (editor, partner, "short_name", _("Short name"), FALSE, NULL);
  csp_item_editor_add_switch (editor, "member", _("Member of the partnership"));
  csp_item_editor_add_field (editor, partner, "phone", _("Phone"), FALSE, NULL);
  csp_item_editor_add_field (editor, partner, "website", _("Website"), FALSE, csp_validate_website);
  csp_item_editor_add_field (editor, partner, "email", _("Email"), FALSE, csp_validate_email);
  csp_item_editor_add_field (editor, partner, "address", _("Address"), TRUE, NULL);
  csp_item_editor_add_field (editor, partner, "notes", _("Notes"), TRUE, NULL);
  fill_contacts (editor);
  csp_item_editor_set_delete (editor, _("_Delete Partner"), G_CALLBACK (on_editor_delete_partner), editor);
  g_signal_connect_object (csp_item_get_plan (partner), "changed", G_CALLBACK (on_partner_changed),
                           editor, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_partner_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CspItem *partner = lookup (user_data, parameter);

  if (partner != NULL && CSP_IS_PARTNER (partner))
    edit_partner (user_data, partner);
}

static void
add_partner_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CspWindow *self = user_data;
  g_autoptr(CspItem) partner = csp_item_new (CSP_KIND_PARTNER);

  csp_item_set_string (partner, "name", _("New partner"));
  csp_item_set_boolean (partner, "member", TRUE);
  csp_edit_insert (get_stack (self), CSP_ITEM (csp_window_get_plan (self)), "partners", G_MAXUINT, partner);
  csp_window_show_item (self, partner);
  edit_partner (self, partner);
}

/* Glossary entries and narrative sections */

static void
on_editor_delete_item (CspItemEditor *editor)
{
  csp_edit_remove (csp_item_editor_get_stack (editor), csp_item_editor_get_item (editor));
}

static void
edit_term (CspWindow *self,
           CspItem   *term)
{
  CspItemEditor *editor = csp_item_editor_new (GTK_WINDOW (self), _("Edit Glossary Entry"),
                                               get_stack (self), term);

  csp_item_editor_add_field (editor, term, "term", _("Term"), FALSE, csp_validate_not_empty);
  csp_item_editor_add_field (editor, term, "definition", _("Definition"), TRUE, NULL);
  csp_item_editor_set_delete (editor, _("_Delete Entry"), G_CALLBACK (on_editor_delete_item), editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_section (CspWindow *self,
              CspItem   *section)
{
  CspItemEditor *editor = csp_item_editor_new (GTK_WINDOW (self), _("Edit Section"),
                                               get_stack (self), section);

  csp_item_editor_add_field (editor, section, "title", _("Title"), FALSE, NULL);
  csp_item_editor_add_field (editor, section, "body", _("Text"), TRUE, NULL);
  csp_item_editor_set_delete (editor, _("_Delete Section"), G_CALLBACK (on_editor_delete_item), editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_child_and_edit (CspWindow  *self,
                    CspKind     kind,
                    const char *key,
                    const char *field,
                    const char *text)
{
  g_autoptr(CspItem) item = csp_item_new (kind);

  csp_item_set_string (item, field, text);
  csp_edit_insert (get_stack (self), CSP_ITEM (csp_window_get_plan (self)), key, G_MAXUINT, item);
  csp_window_show_item (self, item);
  if (kind == CSP_KIND_TERM)
    edit_term (self, item);
  else
    edit_section (self, item);
}

static void
add_term_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  add_child_and_edit (user_data, CSP_KIND_TERM, "glossary", "term", _("New term"));
}

static void
add_section_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  add_child_and_edit (user_data, CSP_KIND_SECTION, "sections", "title", _("New section"));
}

/* Priorities and their themes */

static void
on_remove_theme_clicked (GtkButton     *button,
                         CspItemEditor *editor)
{
  csp_edit_remove (csp_item_editor_get_stack (editor), g_object_get_data (G_OBJECT (button), "theme"));
}

static void
on_add_theme_clicked (CspItemEditor *editor)
{
  g_autoptr(CspItem) theme = csp_item_new (CSP_KIND_THEME);

  csp_item_set_string (theme, "title", _("New theme"));
  csp_edit_insert (csp_item_editor_get_stack (editor), csp_item_editor_get_item (editor),
                   "themes", G_MAXUINT, theme);
}

/* The rows were rebuilt under the keyboard: focus the moved theme's
 * button again, or its other one at the end of the list. */
static void
focus_move_button (CspItemEditor *editor,
                   CspItem       *theme,
                   int            delta)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (csp_item_editor_get_extra (editor)));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *same = g_object_get_data (G_OBJECT (row), delta < 0 ? "move-up" : "move-down");
      GtkWidget *other = g_object_get_data (G_OBJECT (row), delta < 0 ? "move-down" : "move-up");

      if (g_object_get_data (G_OBJECT (row), "theme") != theme)
        continue;

      gtk_widget_grab_focus (gtk_widget_get_sensitive (same) ? same : other);
      return;
    }
}

static void
on_move_theme_clicked (GtkButton     *button,
                       CspItemEditor *editor)
{
  CspItem *theme = g_object_get_data (G_OBJECT (button), "theme");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  CspItem *priority = csp_item_get_parent (theme);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));
  guint position;

  if (priority == NULL || !csp_item_find (priority, "themes", theme, &position))
    return;
  if ((delta < 0 && position == 0)
      || (delta > 0 && position + 1 >= csp_item_get_n_children (priority, "themes")))
    return;

  csp_edit_move (csp_item_editor_get_stack (editor), theme, priority, "themes", position + delta);
  if (had_focus)
    focus_move_button (editor, theme, delta);
}

/* "Move to…" lists the other priorities of the same part of the plan
 * (this year's or the review's), as they are when the menu opens. */
static void
fill_move_theme_menu (GtkMenuButton *button,
                      gpointer       user_data)
{
  CspItem *priority = csp_item_get_parent (g_object_get_data (G_OBJECT (button), "theme"));
  CspItem *part = priority != NULL ? csp_item_get_parent (priority) : NULL;
  guint n_priorities = part != NULL ? csp_item_get_n_children (part, "priorities") : 0;
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < n_priorities; i++)
    {
      CspItem *other = csp_item_get_child (part, "priorities", i);
      g_autoptr(GMenuItem) item = NULL;

      if (other == priority)
        continue;

      item = g_menu_item_new (csp_item_get_string (other, "title"), NULL);
      g_menu_item_set_action_and_target (item, "theme.move-to", "u", i);
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
move_theme_to_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CspItemEditor *editor = user_data;
  CspItem *theme = g_object_get_data (G_OBJECT (action), "theme");
  CspItem *priority = csp_item_get_parent (theme);
  CspItem *part = priority != NULL ? csp_item_get_parent (priority) : NULL;
  CspItem *target = part != NULL ? csp_item_get_child (part, "priorities", g_variant_get_uint32 (parameter)) : NULL;

  if (target != NULL && target != priority)
    csp_edit_move (csp_item_editor_get_stack (editor), theme, target, "themes", G_MAXUINT);
}

static GtkWidget *
new_move_theme_to_button (CspItemEditor *editor,
                          CspItem       *theme,
                          const char    *label)
{
  const GActionEntry entries[] = { { "move-to", move_theme_to_activated, "u" } };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  CspItem *part = csp_item_get_parent (csp_item_get_parent (theme));
  GtkWidget *button = gtk_menu_button_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), editor);
  g_object_set_data_full (G_OBJECT (g_action_map_lookup_action (G_ACTION_MAP (group), "move-to")),
                          "theme", g_object_ref (theme), g_object_unref);
  gtk_widget_insert_action_group (button, "theme", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (button), "theme", g_object_ref (theme), g_object_unref);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "mail-send-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill_move_theme_menu, NULL, NULL);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* With one priority there is nowhere to go. */
  gtk_widget_set_visible (button, part != NULL && csp_item_get_n_children (part, "priorities") > 1);

  return button;
}

static GtkWidget *
new_theme_button (CspItemEditor *editor,
                  CspItem       *theme,
                  const char    *icon_name,
                  const char    *label,
                  GCallback      callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "theme", g_object_ref (theme), g_object_unref);
  g_signal_connect (button, "clicked", callback, editor);

  return button;
}

static void
add_theme_row (CspItemEditor *editor,
               CspItem       *theme,
               guint          position,
               guint          n_themes)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  const char *title = csp_item_get_string (theme, "title");
  g_autofree char *up_label = g_strdup_printf (_("Move the theme “%s” up"), title);
  g_autofree char *down_label = g_strdup_printf (_("Move the theme “%s” down"), title);
  g_autofree char *to_label = g_strdup_printf (_("Move the theme “%s” to another priority"), title);
  g_autofree char *remove_label = g_strdup_printf (_("Remove the theme “%s” and its actions"), title);
  GtkWidget *up = new_theme_button (editor, theme, "go-up-symbolic", up_label,
                                    G_CALLBACK (on_move_theme_clicked));
  GtkWidget *down = new_theme_button (editor, theme, "go-down-symbolic", down_label,
                                      G_CALLBACK (on_move_theme_clicked));

  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_themes);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), new_move_theme_to_button (editor, theme, to_label));

  g_object_set_data_full (G_OBJECT (row), "theme", g_object_ref (theme), g_object_unref);
  g_object_set_data (G_OBJECT (row), "move-up", up);
  g_object_set_data (G_OBJECT (row), "move-down", down);
  gtk_box_append (GTK_BOX (row), csp_edit_field_new (csp_item_editor_get_stack (editor), theme, "title",
                                                     _("Theme title"), FALSE, NULL));
  gtk_box_append (GTK_BOX (row), buttons);
  gtk_box_append (GTK_BOX (row), new_theme_button (editor, theme, "user-trash-symbolic", remove_label,
                                                   G_CALLBACK (on_remove_theme_clicked)));
  gtk_box_append (csp_item_editor_get_extra (editor), row);
}

static void
fill_themes (CspItemEditor *editor)
{
  fill_children (editor, "themes", _("Themes"), add_theme_row,
                 _("Add _Theme"), G_CALLBACK (on_add_theme_clicked));
}

static void
on_priority_changed (CspItemEditor *editor,
                     CspItem       *item,
                     const char    *key)
{
  CspItem *priority = csp_item_editor_get_item (editor);

  /* Other priorities coming or going show or hide "Move to…". */
  if ((item == priority && g_str_equal (key, "themes"))
      || (item == csp_item_get_parent (priority) && g_str_equal (key, "priorities")))
    fill_themes (editor);
}

static void
edit_priority (CspWindow *self,
               CspItem   *priority)
{
  CspItemEditor *editor = csp_item_editor_new (GTK_WINDOW (self), _("Edit Priority"),
                                               get_stack (self), priority);

  csp_item_editor_add_field (editor, priority, "title", _("Title"), FALSE, csp_validate_not_empty);
  csp_item_editor_add_field (editor, priority, "scope", _("Scope"), TRUE, NULL);
  csp_item_editor_add_field (editor, priority, "description", _("Description"), TRUE, NULL);
  fill_themes (editor);
  csp_item_editor_set_delete (editor, _("_Delete Priority"), G_CALLBACK (on_editor_delete_item), editor);
  g_signal_connect_object (csp_item_get_plan (priority), "changed", G_CALLBACK (on_priority_changed),
                           editor, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_priority_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CspWindow *self = user_data;
  CspItem *priority = self->document != NULL ? _csp_window_get_shown_priority (self) : NULL;
  CspItem *theme = self->document != NULL ? _csp_window_get_current_theme (self) : NULL;

  /* The priority shown, even when it has no theme left. */
  if (priority != NULL)
    edit_priority (self, priority);
  else if (theme != NULL)
    edit_priority (self, csp_item_get_parent (theme));
}

/* A new priority has one theme, as a priority without sub-themes has. */
static void
add_priority_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CspWindow *self = user_data;
  g_autoptr(CspItem) priority = csp_item_new (CSP_KIND_PRIORITY);
  g_autoptr(CspItem) theme = csp_item_new (CSP_KIND_THEME);

  if (self->document == NULL)
    return;

  csp_item_set_string (priority, "title", _("New priority"));
  csp_item_append (priority, "themes", theme);
  csp_edit_insert (get_stack (self), CSP_ITEM (csp_window_get_plan (self)), "priorities", G_MAXUINT, priority);
  edit_priority (self, priority);
}

/* The plan's details */

static void
edit_plan (CspWindow *self)
{
  CspItem *plan = CSP_ITEM (csp_window_get_plan (self));
  CspItem *period = csp_item_get_object (plan, "period");
  CspItem *contact = csp_item_get_object (plan, "contact");
  CspItem *review = csp_item_get_object (plan, "review");
  CspItem *review_period = csp_item_get_object (review, "period");
  CspItemEditor *editor = csp_item_editor_new (GTK_WINDOW (self), _("Plan Details"), get_stack (self), plan);

  csp_item_editor_add_field (editor, plan, "title", _("Title"), FALSE, csp_validate_not_empty);
  csp_item_editor_add_field (editor, plan, "partnership", _("Partnership"), FALSE, NULL);
  csp_item_editor_add_field (editor, plan, "area", _("Area"), FALSE, NULL);
  csp_item_editor_add_field (editor, period, "start", _("Period starts"), FALSE, csp_validate_period_date);
  csp_item_editor_add_field (editor, period, "end", _("Period ends"), FALSE, csp_validate_period_date);
  csp_item_editor_add_field (editor, contact, "phone", _("Phone"), FALSE, NULL);
  csp_item_editor_add_field (editor, contact, "email", _("Email"), FALSE, csp_validate_email);
  csp_item_editor_add_field (editor, contact, "website", _("Website"), FALSE, csp_validate_website);
  /* The review of last year: its actions are edited like this year's,
   * its initiatives on the Plan text page. */
  csp_item_editor_add_field (editor, review, "title", _("Review title"), FALSE, NULL);
  csp_item_editor_add_field (editor, review_period, "start", _("Reviewed period starts"), FALSE,
                             csp_validate_period_date);
  csp_item_editor_add_field (editor, review_period, "end", _("Reviewed period ends"), FALSE,
                             csp_validate_period_date);
  csp_item_editor_add_field (editor, review, "summary", _("Review summary"), TRUE, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
plan_details_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  if (CSP_WINDOW (user_data)->document != NULL)
    edit_plan (user_data);
}

/* Opens the editor of any object but an action, which is edited in
 * the detail pane. */
static void
edit_item_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  CspWindow *self = user_data;
  CspItem *item = lookup (self, parameter);

  if (item == NULL)
    return;

  if (CSP_IS_PARTNER (item))
    edit_partner (self, item);
  else if (CSP_IS_TERM (item))
    edit_term (self, item);
  else if (CSP_IS_SECTION (item))
    edit_section (self, item);
  else if (CSP_IS_PRIORITY (item))
    edit_priority (self, item);
  else if (CSP_IS_ACTION (item))
    csp_window_show_item (self, item);
}

static const GActionEntry editor_entries[] = {
  { "plan-details", plan_details_activated },
  { "add-partner", add_partner_activated },
  { "edit-partner", edit_partner_activated, "s" },
  { "delete-partner", delete_partner_activated, "s" },
  { "add-term", add_term_activated },
  { "add-section", add_section_activated },
  { "edit-item", edit_item_activated, "s" },
  { "edit-priority", edit_priority_activated },
  { "add-priority", add_priority_activated },
};

void
_csp_window_init_editors (CspWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), editor_entries,
                                   G_N_ELEMENTS (editor_entries), self);
}
