/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-glossary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-glossary-page.h"
#include "csp-page-util.h"
#include "csp-ui-util.h"

struct _CspGlossaryPage
{
  GtkWidget           parent_instance;

  CspPlan            *plan;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkSorter          *sorter;
  GtkFilter          *filter;
  GtkLabel           *empty_label;
};

G_DEFINE_FINAL_TYPE (CspGlossaryPage, csp_glossary_page, GTK_TYPE_WIDGET)

enum {
  SHOW_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_items_changed (CspGlossaryPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_label_set_label (self->empty_label,
                       *search != '\0' ? _("No term matches the search") : _("The glossary is empty"));
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "terms");
}

static void
on_plan_changed (CspPlan    *plan,
                 CspItem    *item,
                 const char *key,
                 gpointer    user_data)
{
  CspGlossaryPage *self = user_data;

  /* The list updates itself; sort and filter do not watch the terms. */
  if (CSP_IS_TERM (item))
    {
      gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
      gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
    }
}

/* Entries are edited in their own window (the window's "edit-item"). */
static void
on_term_activated (CspGlossaryPage *self,
                   guint            position)
{
  g_autoptr(CspItem) term = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (term != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-item", "s", csp_item_get_id (term));
}

static void
csp_glossary_page_dispose (GObject *object)
{
  CspGlossaryPage *self = CSP_GLOSSARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_GLOSSARY_PAGE);
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (csp_glossary_page_parent_class)->dispose (object);
}

static void
csp_glossary_page_class_init (CspGlossaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_glossary_page_dispose;

  /**
   * CspGlossaryPage::show-item:
   * @item: the object to show
   *
   * The signal every page of the window has; glossary entries do not
   * link to actions, so it is not emitted.
   */
  signals[SHOW_ITEM] =
    csp_ui_new_show_item_signal (G_TYPE_FROM_CLASS (klass));

  /* The template's expressions name the type. */
  g_type_ensure (CSP_TYPE_TERM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-glossary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, sorter);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, filter);
  gtk_widget_class_bind_template_child (widget_class, CspGlossaryPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_items_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_term_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "glossarypage");
}

static void
csp_glossary_page_init (CspGlossaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_items_changed (self);
}

GtkWidget *
csp_glossary_page_new (void)
{
  return g_object_new (CSP_TYPE_GLOSSARY_PAGE, NULL);
}

void
csp_glossary_page_set_plan (CspGlossaryPage *self,
                            CspPlan         *plan)
{
  g_return_if_fail (CSP_IS_GLOSSARY_PAGE (self));
  g_return_if_fail (plan == NULL || CSP_IS_PLAN (plan));

  if (!csp_page_watch_plan (&self->plan, plan, G_CALLBACK (on_plan_changed), self))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   plan != NULL ? csp_item_get_list (CSP_ITEM (plan), "glossary") : NULL);
  on_items_changed (self);
}
