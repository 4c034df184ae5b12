/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-update-form"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-edit-field.h"
#include "csp-quarter.h"
#include "csp-page-util.h"
#include "csp-ui-util.h"
#include "csp-update-form.h"

struct _CspUpdateForm
{
  GtkWidget     parent_instance;

  CspUndoStack *stack;
  CspItem      *action;
  GSettings    *settings;

  GtkEntry     *date_entry;
  GtkLabel     *date_error;
  GtkEntry     *author_entry;
  GtkLabel     *author_hint;
  GtkDropDown  *status_dropdown;
  GtkTextView  *text_view;
  GtkLabel     *text_hint;
  GtkButton    *add_button;
};

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspUpdateForm, csp_update_form, GTK_TYPE_WIDGET)

static char *
dup_text (CspUpdateForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The first choice is "No change": the update sets no status. */
static const char *
get_chosen_status (CspUpdateForm *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return "";

  return csp_status_to_string (selected - 1);
}

static const char *
reason_hint (CspUpdateForm *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == CSP_STATUS_OFF_TRACK + 1)
    return _("Say why the action is off track: an Off track update needs text.");
  if (selected == CSP_STATUS_AT_RISK + 1)
    return _("Say why the action is at risk: an At risk update needs text.");

  return NULL;
}

static gboolean
update_state (CspUpdateForm *self,
              gboolean       show_date_error)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  g_autofree char *text = dup_text (self);
  const char *reason = reason_hint (self);
  gboolean date_ok = csp_date_is_valid (date);
  gboolean text_ok = reason == NULL || *g_strstrip (text) != '\0';

  if (show_date_error || date_ok || strlen (date) >= 10)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->date_error), !date_ok);
      gtk_label_set_label (self->date_error,
                           date_ok ? "" : _("Write a real date as YYYY-MM-DD, for example 2019-03-31."));
      if (date_ok)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        gtk_label_get_label (self->date_error), -1);
    }

  gtk_label_set_label (self->text_hint, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_hint), reason != NULL);
  if (text_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_hint), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->text_hint), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), date_ok && text_ok);

  return date_ok && text_ok;
}

static void
on_input_changed (CspUpdateForm *self)
{
  update_state (self, FALSE);
}

static void
remember_author (CspUpdateForm *self,
                 const char    *author)
{
  if (self->settings == NULL || *author == '\0')
    return;

  if (g_strcmp0 (g_settings_get_string (self->settings, "author-name"), author) != 0)
    g_settings_set_string (self->settings, "author-name", author);
}

static void
on_add_clicked (CspUpdateForm *self)
{
  g_autoptr(CspItem) update = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;

  if (self->action == NULL || !update_state (self, TRUE))
    return;

  text = g_strstrip (dup_text (self));
  author = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_entry))));

  update = csp_item_new (CSP_KIND_UPDATE);
  csp_item_set_string (update, "date", gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  csp_item_set_string (update, "author", author);
  csp_item_set_string (update, "status", get_chosen_status (self));
  csp_item_set_string (update, "text", text);
  csp_edit_add_update (self->stack, self->action, update);

  remember_author (self, author);
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_cancel_clicked (CspUpdateForm *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
fill_status_choices (CspUpdateForm *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("No change"));
  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    gtk_string_list_append (choices, csp_status_get_label (status));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (choices));
}

static void
csp_update_form_dispose (GObject *object)
{
  CspUpdateForm *self = CSP_UPDATE_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_UPDATE_FORM);
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->stack);
  g_clear_object (&self->action);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (csp_update_form_parent_class)->dispose (object);
}

static void
csp_update_form_class_init (CspUpdateFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_update_form_dispose;

  /* The update was added, or the form cancelled: it may go away. */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-update-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, date_entry);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, author_entry);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, author_hint);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, text_view);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, text_hint);
  gtk_widget_class_bind_template_child (widget_class, CspUpdateForm, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
csp_update_form_init (CspUpdateForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = csp_ui_new_settings ();
  fill_status_choices (self);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_input_changed), self);
}

void
csp_update_form_start (CspUpdateForm *self,
                       CspUndoStack  *stack,
                       CspItem       *action)
{
  g_autofree char *today = csp_date_today ();
  g_autofree char *author = NULL;

  g_return_if_fail (CSP_IS_UPDATE_FORM (self));
  g_return_if_fail (CSP_IS_UNDO_STACK (stack));
  g_return_if_fail (CSP_IS_ACTION (action));

  g_set_object (&self->stack, stack);
  g_set_object (&self->action, action);

  author = self->settings != NULL ? g_settings_get_string (self->settings, "author-name") : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->author_entry), author);
  /* Asked for once: the hint shows until a name has been remembered. */
  gtk_widget_set_visible (GTK_WIDGET (self->author_hint), *author == '\0');
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  update_state (self, FALSE);

  gtk_widget_grab_focus (*author == '\0' ? GTK_WIDGET (self->author_entry)
                                         : GTK_WIDGET (self->text_view));
}

CspItem *
csp_update_form_get_action (CspUpdateForm *self)
{
  g_return_val_if_fail (CSP_IS_UPDATE_FORM (self), NULL);

  return self->action;
}

GtkEditable *
csp_update_form_get_date_entry (CspUpdateForm *self)
{
  return GTK_EDITABLE (self->date_entry);
}

GtkEditable *
csp_update_form_get_author_entry (CspUpdateForm *self)
{
  return GTK_EDITABLE (self->author_entry);
}

GtkDropDown *
csp_update_form_get_status_dropdown (CspUpdateForm *self)
{
  return self->status_dropdown;
}

GtkTextView *
csp_update_form_get_text_view (CspUpdateForm *self)
{
  return self->text_view;
}

GtkButton *
csp_update_form_get_add_button (CspUpdateForm *self)
{
  return self->add_button;
}

const char *
csp_update_form_get_hint (CspUpdateForm *self)
{
  return gtk_label_get_label (self->text_hint);
}
