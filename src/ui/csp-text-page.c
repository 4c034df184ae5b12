/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-text-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-page-util.h"
#include "csp-ui-util.h"
#include "csp-text-page.h"

/* Lines longer than this are hard to read; wider windows get margins. */
#define READABLE_WIDTH_CHARS 80

struct _CspTextPage
{
  GtkWidget  parent_instance;

  CspPlan   *plan;
  guint      refresh_id;

  GtkBox    *content_box;
};

G_DEFINE_FINAL_TYPE (CspTextPage, csp_text_page, GTK_TYPE_WIDGET)

enum {
  SHOW_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
append_heading (CspTextPage *self,
                const char  *text,
                int          level)
{
  static const char *classes[] = { "title-1", "title-2", "title-3" };
  GtkWidget *heading = csp_page_heading_new (text, classes[CLAMP (level, 1, 3) - 1], level);

  gtk_label_set_selectable (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), READABLE_WIDTH_CHARS);
  gtk_widget_set_margin_top (heading, level == 1 ? 18 : 6);
  gtk_box_append (self->content_box, heading);
}

/* Paragraphs are separated by a blank line; single line breaks (the
 * lists in the plan's text) stay inside their paragraph. */
static void
append_body (CspTextPage *self,
             const char  *body)
{
  g_auto(GStrv) paragraphs = g_strsplit (body, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (paragraphs[i]));
      GtkWidget *label;

      if (*text == '\0')
        continue;

      label = csp_page_label_new (text, "text-page-paragraph");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), READABLE_WIDTH_CHARS);
      gtk_box_append (self->content_box, label);
    }
}

static void
on_edit_section_clicked (GtkButton *button)
{
  CspItem *section = csp_page_get_item (GTK_WIDGET (button));

  gtk_widget_activate_action (GTK_WIDGET (button), "win.edit-item", "s", csp_item_get_id (section));
}

/* Each section is edited in its own window (the window's "edit-item"). */
static void
append_edit_button (CspTextPage *self,
                    CspItem     *section)
{
  const char *title = csp_item_get_string (section, "title");
  g_autofree char *label = g_strdup_printf (_("Edit the section “%s”"), title);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit Section…"));

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  csp_page_set_item (button, section);
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_section_clicked), NULL);
  gtk_box_append (self->content_box, button);
}

static void
append_sections (CspTextPage *self,
                 CspItem     *parent,
                 const char  *key,
                 int          level)
{
  guint n = csp_item_get_n_children (parent, key);

  for (guint i = 0; i < n; i++)
    {
      CspItem *section = csp_item_get_child (parent, key, i);

      append_heading (self, csp_item_get_string (section, "title"), level);
      append_edit_button (self, section);
      append_body (self, csp_item_get_string (section, "body"));
    }
}

static void
append_review (CspTextPage *self,
               CspItem     *review)
{
  const char *title = csp_item_get_string (review, "title");
  const char *summary = csp_item_get_string (review, "summary");

  if (*summary == '\0' && csp_item_get_n_children (review, "initiatives") == 0)
    return;

  append_heading (self, *title != '\0' ? title : _("Review of last year"), 1);
  append_body (self, summary);
  append_sections (self, review, "initiatives", 2);
}

static void
refresh (CspTextPage *self)
{
  CspItem *plan = CSP_ITEM (self->plan);
  CspItem *review;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  csp_page_remove_children (GTK_WIDGET (self->content_box));
  if (plan == NULL)
    return;

  append_heading (self, csp_item_get_string (plan, "title"), 1);
  append_sections (self, plan, "sections", 2);

  if ((review = csp_item_get_object (plan, "review")) != NULL)
    append_review (self, review);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->content_box)) == gtk_widget_get_last_child (GTK_WIDGET (self->content_box)))
    gtk_box_append (self->content_box, csp_page_placeholder_new (_("The plan has no text yet")));
}

static gboolean
refresh_idle (gpointer user_data)
{
  CspTextPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (CspPlan    *plan,
                 CspItem    *item,
                 const char *key,
                 gpointer    user_data)
{
  CspTextPage *self = user_data;

  /* Only the text is shown: edits to actions cost nothing here. */
  if (!CSP_IS_SECTION (item) && !CSP_IS_REVIEW (item) && !CSP_IS_PLAN (item))
    return;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
csp_text_page_dispose (GObject *object)
{
  CspTextPage *self = CSP_TEXT_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_TEXT_PAGE);
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (csp_text_page_parent_class)->dispose (object);
}

static void
csp_text_page_class_init (CspTextPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_text_page_dispose;

  /**
   * CspTextPage::show-item:
   * @item: the object to show
   *
   * The signal every page of the window has; the plan text has no
   * links to actions yet, so it is not emitted.
   */
  signals[SHOW_ITEM] =
    csp_ui_new_show_item_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-text-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CspTextPage, content_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "textpage");
}

static void
csp_text_page_init (CspTextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csp_text_page_new (void)
{
  return g_object_new (CSP_TYPE_TEXT_PAGE, NULL);
}

void
csp_text_page_set_plan (CspTextPage *self,
                        CspPlan     *plan)
{
  g_return_if_fail (CSP_IS_TEXT_PAGE (self));
  g_return_if_fail (plan == NULL || CSP_IS_PLAN (plan));

  if (!csp_page_watch_plan (&self->plan, plan, G_CALLBACK (on_plan_changed), self))
    return;

  refresh (self);
}
