/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-merge-dialog.h"
#include "csp-ui-util.h"

#define MAX_SHOWN_CHARS 48

struct _CspMergeDialog
{
  GtkWindow       parent_instance;

  CspMerge       *merge;
  CspPlan        *mine;
  char           *summary;
  /* A worker is changing the merge or counting its changes: the
   * conflicts and Apply wait for it. */
  gboolean        busy;
  GCancellable   *cancellable;

  GtkLabel       *heading_label;
  GtkLabel       *summary_label;
  GtkListBox     *conflict_list;
  GtkWidget      *conflicts_scroller;
  GtkButton      *apply_button;
  GtkButton      *cancel_button;
};

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CspMergeDialog, csp_merge_dialog, GTK_TYPE_WINDOW)

/* Where a conflict is, in words */

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  glong length;

  g_strdelimit (flat, "\r\n\t", ' ');
  length = g_utf8_strlen (flat, -1);
  if (length <= MAX_SHOWN_CHARS)
    return g_steal_pointer (&flat);

  *g_utf8_offset_to_pointer (flat, MAX_SHOWN_CHARS) = '\0';
  return g_strconcat (g_strchomp (flat), "…", NULL);
}

static char *
dup_item_label (CspItem *item)
{
  g_autofree char *text = NULL;

  switch (csp_item_get_kind (item))
    {
    case CSP_KIND_PRIORITY:
    case CSP_KIND_THEME:
    case CSP_KIND_SECTION:
      return g_strdup (csp_item_get_string (item, "title"));
    case CSP_KIND_ACTION:
      text = shorten (csp_item_get_string (item, "text"));
      return g_strdup_printf (_("“%s”"), text);
    case CSP_KIND_UPDATE:
      text = csp_ui_format_date (csp_item_get_string (item, "date"));
      return g_strdup_printf (_("update of %s"), text);
    case CSP_KIND_PARTNER:
    case CSP_KIND_PERSON:
      return g_strdup (csp_item_get_string (item, "name"));
    case CSP_KIND_TERM:
      return g_strdup (csp_item_get_string (item, "term"));
    case CSP_KIND_REVIEW:
      return g_strdup (_("Review"));
    case CSP_KIND_PERIOD:
      return g_strdup (_("period"));
    case CSP_KIND_CONTACT:
      return g_strdup (_("contact details"));
    case CSP_KIND_OWNER:
      return csp_owner_dup_label (item);
    case CSP_KIND_PLAN:
    case CSP_KIND_TOMBSTONE:
    case CSP_N_KINDS:
    default:
      return NULL;
    }
}

static CspItem *
find_anchor (CspPlan    *plan,
             char      **parts,
             guint       n_parts)
{
  const char *id = csp_item_get_id (CSP_ITEM (plan));
  CspItem *item;

  item = g_strcmp0 (parts[0], id) == 0 ? CSP_ITEM (plan) : csp_plan_lookup (plan, parts[0]);
  for (guint i = 1; item != NULL && i < n_parts; i++)
    {
      int field = csp_kind_find_field (csp_item_get_info (item), parts[i]);

      if (field < 0 || csp_item_get_info (item)->fields[field].type != CSP_FIELD_OBJECT)
        return NULL;
      item = csp_item_get_object (item, parts[i]);
    }

  return item;
}

char *
csp_merge_describe_conflict (const CspConflict *conflict,
                             CspPlan           *plan)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *field;
  guint n_parts;
  CspItem *item;

  g_return_val_if_fail (conflict != NULL, NULL);
  g_return_val_if_fail (CSP_IS_PLAN (plan), NULL);

  /* "<object id>[/<nested object>…]/<field>", the field empty for a
   * deletion. */
  parts = g_strsplit (conflict->key, "/", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 2 || (item = find_anchor (plan, parts, n_parts - 1)) == NULL)
    return g_strdup (conflict->path);
  field = parts[n_parts - 1];

  for (; item != NULL; item = csp_item_get_parent (item))
    {
      char *label = dup_item_label (item);

      if (label != NULL && *label != '\0')
        g_ptr_array_insert (labels, 0, label);
      else
        g_free (label);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      if (i > 0)
        g_string_append (text, " › ");
      g_string_append (text, g_ptr_array_index (labels, i));
    }

  if (*field != '\0')
    {
      g_autofree char *words = g_strdelimit (g_strdup (field), "_", ' ');

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, words);
    }
  else if (text->len == 0)
    g_string_append (text, _("The plan"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The summary */

static guint
count_updates (CspPlan *plan)
{
  CspCounts this_year = { 0 };
  CspCounts review = { 0 };

  csp_plan_count (plan, FALSE, &this_year);
  csp_plan_count (plan, TRUE, &review);

  return this_year.updates + review.updates;
}

typedef struct
{
  CspMerge     *merge;
  CspPlan      *mine;
  int           position; /* of the conflict to choose; -1: none */
  CspMergeSide  side;
  char         *focus_key;
  guint         n_conflicts_before;
  guint         n_changes;
  guint         n_updates;
} Update;

static void
update_free (Update *update)
{
  /* Their last references may be these: a county's plans take a
   * while to free. */
  csp_unref_in_thread (g_steal_pointer (&update->merge));
  csp_unref_in_thread (g_steal_pointer (&update->mine));
  g_free (update->focus_key);
  g_free (update);
}

/* In the worker: the choice, then what the merged plan takes from
 * theirs, every field or object in which it differs from mine (a
 * two-way comparison lists them). A merge of 10,000 actions takes a
 * few tenths of a second for each. */
static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Update *update = task_data;
  g_autoptr(CspPlan) result = NULL;
  g_autoptr(CspMerge) diff = NULL;
  guint mine_updates, result_updates;

  if (update->position >= 0)
    csp_merge_set_choice (update->merge, update->position, update->side);

  result = csp_merge_get_result (update->merge);
  diff = csp_merge_new (NULL, update->mine, result);
  update->n_changes = csp_merge_get_n_conflicts (diff);
  mine_updates = count_updates (update->mine);
  result_updates = count_updates (result);
  update->n_updates = result_updates > mine_updates ? result_updates - mine_updates : 0;
  g_task_return_boolean (task, TRUE);
}

static void
show_summary (CspMergeDialog *self,
              guint           n_changes,
              guint           n_updates)
{
  guint n_conflicts = csp_merge_get_n_conflicts (self->merge);
  g_autofree char *changes = NULL;
  g_autofree char *updates = NULL;
  g_autofree char *conflicts = NULL;

  if (!csp_merge_get_changed (self->merge))
    {
      g_free (self->summary);
      self->summary = g_strdup (_("Nothing new: your copy already has everything in theirs."));
      gtk_label_set_label (self->summary_label, self->summary);
      return;
    }

  changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change taken from theirs",
                                          "%u changes taken from theirs", n_changes), n_changes);
  updates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new progress update",
                                          "%u new progress updates", n_updates), n_updates);
  conflicts = n_conflicts == 0
              ? g_strdup (_("no conflicts"))
              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                              n_conflicts), n_conflicts);

  g_free (self->summary);
  if (n_updates > 0)
    /* Translators: "3 changes taken from theirs, 1 new progress update, 2 conflicts" */
    self->summary = g_strdup_printf (_("%s, %s, %s."), changes, updates, conflicts);
  else
    /* Translators: "3 changes taken from theirs, 2 conflicts" */
    self->summary = g_strdup_printf (_("%s, %s."), changes, conflicts);
  gtk_label_set_label (self->summary_label, self->summary);
}

/* Conflict rows */

static void fill_list (CspMergeDialog *self,
                       const char     *focus_key);

static const char *
describe_reason (const CspConflict *conflict)
{
  gboolean mine = conflict->chosen == CSP_MERGE_MINE;

  switch (conflict->reason)
    {
    case CSP_CONFLICT_NEWER:
      return mine ? _("Yours is the newer edit") : _("Theirs is the newer edit");
    case CSP_CONFLICT_TIE:
      return _("Edited at the same time");
    case CSP_CONFLICT_EDIT_KEPT:
      return _("Deleted on one side, edited on the other");
    case CSP_CONFLICT_USER_CHOICE:
    default:
      return "";
    }
}

static void
set_busy (CspMergeDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), !busy);
  if (busy)
    {
      g_clear_pointer (&self->summary, g_free);
      gtk_label_set_label (self->summary_label, _("Counting the changes…"));
    }
}

static void
on_updated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CspMergeDialog *self = CSP_MERGE_DIALOG (source);
  Update *update = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  set_busy (self, FALSE);

  /* Keeping a deletion takes the conflicts inside the object with it. */
  if (csp_merge_get_n_conflicts (self->merge) != update->n_conflicts_before)
    fill_list (self, update->focus_key);
  show_summary (self, update->n_changes, update->n_updates);
}

/* Chooses @side for conflict @position (none when -1) and counts the
 * changes anew, in a worker: the window stays responsive. */
static void
start_update (CspMergeDialog *self,
              int             position,
              CspMergeSide    side,
              const char     *focus_key)
{
  g_autoptr(GTask) task = NULL;
  Update *update = g_new0 (Update, 1);

  update->merge = g_object_ref (self->merge);
  update->mine = g_object_ref (self->mine);
  update->position = position;
  update->side = side;
  update->focus_key = g_strdup (focus_key);
  update->n_conflicts_before = csp_merge_get_n_conflicts (self->merge);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_updated, NULL);
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);
  g_task_run_in_thread (task, update_in_thread);
}

static void
on_choice_toggled (GtkCheckButton *button,
                   CspMergeDialog *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  CspMergeSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side"));
  const CspConflict *conflict;

  if (self->busy || !gtk_check_button_get_active (button) ||
      position >= csp_merge_get_n_conflicts (self->merge))
    return;

  conflict = csp_merge_get_conflict (self->merge, position);
  if (conflict->chosen == side)
    return;

  start_update (self, position, side, conflict->key);
}

static GtkWidget *
new_value_label (const char *value)
{
  GtkWidget *label = gtk_label_new (*value != '\0' ? value : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, value);
  if (*value == '\0')
    gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
new_choice (CspMergeDialog *self,
            guint           position,
            CspMergeSide    side,
            const char     *where,
            const char     *value)
{
  const char *text = side == CSP_MERGE_MINE ? _("Keep mine") : _("Keep theirs");
  GtkWidget *button = gtk_check_button_new_with_label (text);
  g_autofree char *shown = shorten (*value != '\0' ? value : _("(empty)"));
  g_autofree char *name = g_strdup_printf ("%s: %s", text, shown);

  g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (position));
  g_object_set_data (G_OBJECT (button), "side", GINT_TO_POINTER (side));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where,
                                  -1);
  g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled), self);

  return button;
}

static GtkWidget *
new_conflict_row (CspMergeDialog    *self,
                  guint              position,
                  const CspConflict *conflict)
{
  g_autoptr(CspPlan) result = csp_merge_get_result (self->merge);
  g_autofree char *where = csp_merge_describe_conflict (conflict, result);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (where);
  GtkWidget *reason = gtk_label_new (describe_reason (conflict));
  GtkWidget *mine = new_choice (self, position, CSP_MERGE_MINE, where, conflict->mine);
  GtkWidget *theirs = new_choice (self, position, CSP_MERGE_THEIRS, where, conflict->theirs);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_widget_set_visible (reason, *gtk_label_get_label (GTK_LABEL (reason)) != '\0');

  gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (conflict->chosen == CSP_MERGE_MINE ? mine : theirs),
                               TRUE);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_attach (GTK_GRID (grid), mine, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_value_label (conflict->mine), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), theirs, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), new_value_label (conflict->theirs), 1, 1, 1, 1);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_widget_add_css_class (box, "merge-conflict");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, where, -1);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (conflict->key), g_free);
  g_object_set_data (G_OBJECT (row), "mine", mine);
  g_object_set_data (G_OBJECT (row), "theirs", theirs);

  return row;
}

static void
fill_list (CspMergeDialog *self,
           const char     *focus_key)
{
  guint n = csp_merge_get_n_conflicts (self->merge);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflict_list))) != NULL)
    gtk_list_box_remove (self->conflict_list, child);

  for (guint i = 0; i < n; i++)
    {
      const CspConflict *conflict = csp_merge_get_conflict (self->merge, i);
      GtkWidget *row = new_conflict_row (self, i, conflict);

      gtk_list_box_append (self->conflict_list, row);
      if (g_strcmp0 (conflict->key, focus_key) == 0)
        {
          CspMergeSide side = conflict->chosen;

          gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row),
                                                    side == CSP_MERGE_MINE ? "mine" : "theirs"));
        }
    }

  gtk_widget_set_visible (self->conflicts_scroller, n > 0);
}

static GtkWidget *
get_row (CspMergeDialog *self,
         guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->conflict_list, position);

  g_return_val_if_fail (row != NULL, NULL);

  return GTK_WIDGET (row);
}

/* GObject */

static void
on_apply_clicked (CspMergeDialog *self)
{
  g_object_ref (self);
  g_signal_emit (self, signals[APPLY], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
close_on_escape (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

static void
csp_merge_dialog_dispose (GObject *object)
{
  CspMergeDialog *self = CSP_MERGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_MERGE_DIALOG);
  csp_unref_in_thread (g_steal_pointer (&self->merge));
  csp_unref_in_thread (g_steal_pointer (&self->mine));
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (csp_merge_dialog_parent_class)->dispose (object);
}

static void
csp_merge_dialog_class_init (CspMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_merge_dialog_dispose;

  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, conflicts_scroller);
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CspMergeDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_on_escape, NULL);
}

static void
csp_merge_dialog_init (CspMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

CspMergeDialog *
csp_merge_dialog_new (GtkWindow  *parent,
                      CspMerge   *merge,
                      CspPlan    *mine,
                      const char *their_name)
{
  CspMergeDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CSP_IS_MERGE (merge), NULL);
  g_return_val_if_fail (CSP_IS_PLAN (mine), NULL);

  self = g_object_new (CSP_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->merge = g_object_ref (merge);
  self->mine = g_object_ref (mine);

  heading = g_strdup_printf (_("Merging “%s” into your copy"), their_name);
  gtk_label_set_label (self->heading_label, heading);
  fill_list (self, NULL);

  /* Nothing to take: the only way on is to close. */
  if (!csp_merge_get_changed (merge))
    {
      show_summary (self, 0, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->apply_button), FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->cancel_button));
    }
  else
    start_update (self, -1, CSP_MERGE_MINE, NULL);

  return self;
}

gboolean
csp_merge_dialog_is_busy (CspMergeDialog *self)
{
  g_return_val_if_fail (CSP_IS_MERGE_DIALOG (self), FALSE);

  return self->busy;
}

CspMerge *
csp_merge_dialog_get_merge (CspMergeDialog *self)
{
  g_return_val_if_fail (CSP_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}

const char *
csp_merge_dialog_get_summary (CspMergeDialog *self)
{
  g_return_val_if_fail (CSP_IS_MERGE_DIALOG (self), NULL);

  return self->summary;
}

GtkListBox *
csp_merge_dialog_get_list (CspMergeDialog *self)
{
  g_return_val_if_fail (CSP_IS_MERGE_DIALOG (self), NULL);

  return self->conflict_list;
}

CspMergeSide
csp_merge_dialog_get_choice (CspMergeDialog *self,
                             guint           position)
{
  GtkWidget *row;

  g_return_val_if_fail (CSP_IS_MERGE_DIALOG (self), CSP_MERGE_MINE);

  row = get_row (self, position);
  return gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "theirs"))
         ? CSP_MERGE_THEIRS : CSP_MERGE_MINE;
}

void
csp_merge_dialog_choose (CspMergeDialog *self,
                         guint           position,
                         CspMergeSide    side)
{
  GtkWidget *row;

  g_return_if_fail (CSP_IS_MERGE_DIALOG (self));
  g_return_if_fail (!self->busy);

  row = get_row (self, position);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row),
                                                  side == CSP_MERGE_MINE ? "mine" : "theirs"),
                               TRUE);
}

void
csp_merge_dialog_apply (CspMergeDialog *self)
{
  g_return_if_fail (CSP_IS_MERGE_DIALOG (self));
  g_return_if_fail (!self->busy);

  on_apply_clicked (self);
}
