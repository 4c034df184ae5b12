/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-edit-field"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "csp-edit-field.h"

#define FIELD_KEY "csp-edit-field"

typedef struct
{
  CspUndoStack    *stack;
  CspItem         *item;
  char            *key;
  CspValidateFunc  validate;
  guint            merge_id;
  GtkWidget       *editor;
  GtkLabel        *error_label;
  char            *error;
  gboolean         updating;
} Field;

static void
field_free (Field *field)
{
  g_clear_object (&field->stack);
  g_clear_object (&field->item);
  g_free (field->key);
  g_free (field->error);
  g_free (field);
}

/* One merge id per editing session of a field: what is typed between
 * entering and leaving it is one step. */
static guint
new_merge_id (void)
{
  static guint next = 0;

  return ++next;
}

static Field *
get_field (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), FIELD_KEY);
}

static char *
dup_text (Field *field)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (field->editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->editor)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
put_text (Field      *field,
          const char *text)
{
  field->updating = TRUE;
  if (GTK_IS_EDITABLE (field->editor))
    gtk_editable_set_text (GTK_EDITABLE (field->editor), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->editor)), text, -1);
  field->updating = FALSE;
}

static void
show_error (Field      *field,
            const char *message)
{
  gtk_label_set_label (field->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field->editor, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->editor),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->editor),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->editor, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->editor), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->editor), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_text_changed (Field *field)
{
  g_autofree char *text = NULL;

  if (field->updating)
    return;

  text = dup_text (field);
  g_clear_pointer (&field->error, g_free);
  if (field->validate != NULL && !field->validate (field->item, field->key, text, &field->error))
    {
      /* Half-typed dates are not errors yet: the message waits until
       * the user leaves the field, unless one is already showing. */
      if (gtk_widget_get_visible (GTK_WIDGET (field->error_label)))
        show_error (field, field->error);
      return;
    }

  show_error (field, NULL);
  csp_edit_set_string (field->stack, field->item, field->key, text, field->merge_id);
}

static void
end_session (Field *field)
{
  csp_undo_stack_break_merge (field->stack);
  field->merge_id = new_merge_id ();
  show_error (field, field->error);
}

static void
on_model_changed (GtkWidget *box)
{
  Field *field = get_field (box);
  const char *value = csp_item_get_string (field->item, field->key);
  g_autofree char *text = dup_text (field);

  if (g_strcmp0 (text, value) == 0)
    return;

  put_text (field, value);
  g_clear_pointer (&field->error, g_free);
  show_error (field, NULL);
}

static GtkWidget *
new_editor (Field      *field,
            gboolean    multiline,
            const char *label)
{
  GtkWidget *editor;

  if (multiline)
    {
      editor = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (editor), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (editor), FALSE);
      /* Margins, not CSS padding: the text view measures its wrapped
       * height without the padding and cut the last line off. */
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (editor), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (editor), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (editor), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (editor), 8);
      /* Undo belongs to the plan, not to the widget. */
      gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), FALSE);
      gtk_widget_add_css_class (editor, "edit-text");
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "changed",
                                G_CALLBACK (on_text_changed), field);
    }
  else
    {
      editor = gtk_entry_new ();
      gtk_editable_set_enable_undo (GTK_EDITABLE (editor), FALSE);
      g_signal_connect_swapped (editor, "changed", G_CALLBACK (on_text_changed), field);
      g_signal_connect_swapped (editor, "activate", G_CALLBACK (end_session), field);
    }

  gtk_widget_set_hexpand (editor, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return editor;
}

GtkWidget *
csp_edit_field_new (CspUndoStack    *stack,
                    CspItem         *item,
                    const char      *key,
                    const char      *label,
                    gboolean         multiline,
                    CspValidateFunc  validate)
{
  const CspKindInfo *info;
  GtkWidget *box;
  GtkEventController *focus;
  Field *field;
  int index;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (CSP_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (CSP_IS_ITEM (item), NULL);

  info = csp_item_get_info (item);
  index = csp_kind_find_field (info, key);
  g_return_val_if_fail (index >= 0, NULL);

  field = g_new0 (Field, 1);
  field->stack = g_object_ref (stack);
  field->item = g_object_ref (item);
  field->key = g_strdup (key);
  field->validate = validate;
  field->merge_id = new_merge_id ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (box, TRUE);
  g_object_set_data_full (G_OBJECT (box), FIELD_KEY, field, (GDestroyNotify) field_free);

  field->editor = new_editor (field, multiline, label);
  field->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (field->error_label, 0);
  gtk_label_set_wrap (field->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (field->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (field->error_label), FALSE);
  if (multiline)
    {
      /* GTK 4.8's text view can report its height for another width
       * than it gets, and then cut off its last line: in a scrolled
       * window that grows with the text, a line too many scrolls
       * rather than disappears. */
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), field->editor);
      gtk_box_append (GTK_BOX (box), scrolled);
    }
  else
    gtk_box_append (GTK_BOX (box), field->editor);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (field->error_label));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (end_session), field);
  gtk_widget_add_controller (field->editor, focus);

  put_text (field, csp_item_get_string (item, key));
  signal = g_strconcat ("notify::", info->fields[index].property, NULL);
  g_signal_connect_object (item, signal, G_CALLBACK (on_model_changed), box, G_CONNECT_SWAPPED);

  return box;
}

GtkWidget *
csp_edit_field_get_editor (GtkWidget *field)
{
  g_return_val_if_fail (get_field (field) != NULL, NULL);

  return get_field (field)->editor;
}

const char *
csp_edit_field_get_error (GtkWidget *field)
{
  Field *self = get_field (field);

  g_return_val_if_fail (self != NULL, NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? self->error : NULL;
}

void
csp_edit_field_set_text (GtkWidget  *field,
                         const char *text)
{
  Field *self = get_field (field);

  g_return_if_fail (self != NULL);

  if (GTK_IS_EDITABLE (self->editor))
    gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)), text, -1);
  end_session (self);
}

void
csp_edit_grid_attach (GtkGrid    *grid,
                      int         row,
                      const char *caption,
                      GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *editor = get_field (field) != NULL ? csp_edit_field_get_editor (field) : field;

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (editor),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
}

/* Validators */

gboolean
csp_date_is_valid (const char *text)
{
  int year, month, day;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

gboolean
csp_validate_not_empty (CspItem     *item,
                        const char  *key,
                        const char  *text,
                        char       **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (*stripped != '\0')
    return TRUE;

  *message = g_strdup (_("This cannot be empty."));
  return FALSE;
}

gboolean
csp_validate_date (CspItem     *item,
                   const char  *key,
                   const char  *text,
                   char       **message)
{
  if (*text == '\0' || csp_date_is_valid (text))
    return TRUE;

  *message = g_strdup (_("Write a real date as YYYY-MM-DD, for example 2019-03-31."));
  return FALSE;
}

gboolean
csp_validate_date_required (CspItem     *item,
                            const char  *key,
                            const char  *text,
                            char       **message)
{
  if (*text != '\0')
    return csp_validate_date (item, key, text, message);

  *message = g_strdup (_("A date is needed, written YYYY-MM-DD."));
  return FALSE;
}

gboolean
csp_validate_period_date (CspItem     *item,
                          const char  *key,
                          const char  *text,
                          char       **message)
{
  gboolean is_start = g_str_equal (key, "start");
  const char *other = csp_item_get_string (item, is_start ? "end" : "start");

  if (!csp_validate_date (item, key, text, message))
    return FALSE;
  if (*text == '\0' || *other == '\0')
    return TRUE;
  if (is_start ? strcmp (text, other) < 0 : strcmp (other, text) < 0)
    return TRUE;

  *message = g_strdup (is_start ? _("The period must start before it ends.")
                                : _("The period must end after it starts."));
  return FALSE;
}

gboolean
csp_validate_email (CspItem     *item,
                    const char  *key,
                    const char  *text,
                    char       **message)
{
  const char *at = strchr (text, '@');

  if (*text == '\0')
    return TRUE;
  if (at != NULL && at != text && strchr (at + 1, '@') == NULL
      && strchr (at + 1, '.') != NULL && strchr (text, ' ') == NULL
      && text[strlen (text) - 1] != '.' && at[1] != '.')
    return TRUE;

  *message = g_strdup (_("An email address has one @ and a domain with a dot after it, "
                         "for example csp@example.gov.uk."));
  return FALSE;
}

gboolean
csp_validate_website (CspItem     *item,
                      const char  *key,
                      const char  *text,
                      char       **message)
{
  if (*text == '\0' || strchr (text, ' ') != NULL)
    {
      if (*text == '\0')
        return TRUE;
    }
  else if ((g_str_has_prefix (text, "https://") && text[8] != '\0')
           || (g_str_has_prefix (text, "http://") && text[7] != '\0')
           || (g_str_has_prefix (text, "www.") && text[4] != '\0'))
    return TRUE;

  *message = g_strdup (_("A website starts with https://, http:// or www."));
  return FALSE;
}

#define STATUS_KEY "csp-edit-status"

/* Status dropdowns */

typedef struct
{
  CspUndoStack *stack;
  CspItem      *item;
  char         *key;
  guint         offset;   /* 1 when the first choice is "no status" */
  gboolean      updating;
} Status;

static void
status_free (Status *status)
{
  g_clear_object (&status->stack);
  g_clear_object (&status->item);
  g_free (status->key);
  g_free (status);
}

static void
on_status_chosen (GtkDropDown *dropdown,
                  GParamSpec  *pspec,
                  Status      *status)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *value;

  if (status->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  value = selected < status->offset ? "" : csp_status_to_string (selected - status->offset);
  csp_edit_set_string (status->stack, status->item, status->key, value, 0);
}

static void
on_status_changed (GtkDropDown *dropdown)
{
  Status *status = g_object_get_data (G_OBJECT (dropdown), STATUS_KEY);
  CspStatus value;
  guint position = 0;

  if (csp_status_from_string (csp_item_get_string (status->item, status->key), &value))
    position = value + status->offset;

  status->updating = TRUE;
  gtk_drop_down_set_selected (dropdown, position);
  status->updating = FALSE;
}

GtkWidget *
csp_edit_status_new (CspUndoStack *stack,
                     CspItem      *item,
                     const char   *key,
                     const char   *label,
                     const char   *none_label)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  Status *status;
  g_autofree char *signal = g_strconcat ("notify::", key, NULL);

  g_return_val_if_fail (CSP_IS_UNDO_STACK (stack), NULL);
  g_return_val_if_fail (CSP_IS_ITEM (item), NULL);

  if (none_label != NULL)
    gtk_string_list_append (choices, none_label);
  for (CspStatus value = 0; value < CSP_N_STATUSES; value++)
    gtk_string_list_append (choices, csp_status_get_label (value));

  status = g_new0 (Status, 1);
  status->stack = g_object_ref (stack);
  status->item = g_object_ref (item);
  status->key = g_strdup (key);
  status->offset = none_label != NULL ? 1 : 0;

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (dropdown), STATUS_KEY, status, (GDestroyNotify) status_free);
  on_status_changed (GTK_DROP_DOWN (dropdown));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_status_chosen), status);
  g_signal_connect_object (item, signal, G_CALLBACK (on_status_changed), dropdown, G_CONNECT_SWAPPED);

  return dropdown;
}
