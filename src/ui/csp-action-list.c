/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-action-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "csp-action-list.h"
#include "csp-quarter.h"
#include "csp-search.h"
#include "csp-ui-util.h"

struct _CspActionList
{
  GtkWidget           parent_instance;

  CspPlan            *plan;
  CspSearchIndex     *search_index;
  guint               prepare_id;     /* folds the actions' text while idle */
  guint               prepared;       /* how many of the store's are folded */
  GListStore         *store;
  GPtrArray          *owner_ids;      /* partner id per owner choice; NULL: any */
  GtkStringList      *owner_choices;  /* for the owner menu once the list is shown */
  GtkCustomFilter    *filter;
  char               *needle;         /* casefolded search text, or NULL */
  char                quarter_first[11];
  char                quarter_last[11];
  char               *count_text;

  GtkLabel           *title_label;
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *owner_dropdown;
  GtkToggleButton    *stale_button;
  GtkStack           *list_stack;
  GtkLabel           *empty_label;
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkColumnViewColumn *action_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *update_column;
  GtkSorter          *sorters[4];      /* of the columns */
  guint               refilter_id;
};

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CspActionList, csp_action_list, GTK_TYPE_WIDGET)

/* Filtering */

static int
get_status_filter (CspActionList *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* The first choice is "Any status". */
  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
}

static const char *
get_owner_filter (CspActionList *self)
{
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->owner_ids == NULL || selected >= self->owner_ids->len)
    return NULL;

  return g_ptr_array_index (self->owner_ids, selected);
}

static gboolean
match_action (gpointer item,
              gpointer user_data)
{
  CspActionList *self = user_data;
  CspItem *action = item;
  int status = get_status_filter (self);
  const char *owner = get_owner_filter (self);

  if (status >= 0 && csp_action_get_status (action) != (CspStatus) status)
    return FALSE;
  if (owner != NULL && !csp_action_is_led_by (action, owner))
    return FALSE;
  if (gtk_toggle_button_get_active (self->stale_button)
      && csp_action_has_update_between (action, self->quarter_first, self->quarter_last))
    return FALSE;

  return self->needle == NULL || self->search_index == NULL
         || csp_search_index_matches (self->search_index, action, self->needle);
}

static gboolean
any_filter_set (CspActionList *self)
{
  return self->needle != NULL
         || get_status_filter (self) >= 0
         || get_owner_filter (self) != NULL
         || gtk_toggle_button_get_active (self->stale_button);
}

static void
update_count (CspActionList *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_free (self->count_text);
  self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action",
                                                   "%u of %u actions", total),
                                      shown, total);
  gtk_label_set_label (self->count_label, self->count_text);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      gtk_label_set_label (self->empty_label,
                           total > 0 ? _("No action matches the filters.")
                                     : _("There are no actions here yet."));
      gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->empty_label)),
                              any_filter_set (self));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
on_filter_changed (CspActionList *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_search_changed (CspActionList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = csp_search_fold (stripped);

  on_filter_changed (self);
}

/* A few milliseconds at a time, so the window stays responsive and a
 * county-sized list's first keystroke does not fold 50,000 actions. */
#define PREPARE_BATCH 250

static gboolean
prepare_search (gpointer user_data)
{
  CspActionList *self = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint stop = MIN (self->prepared + PREPARE_BATCH, n_items);

  for (; self->prepared < stop; self->prepared++)
    {
      g_autoptr(CspItem) action = g_list_model_get_item (G_LIST_MODEL (self->store), self->prepared);

      csp_search_index_prepare (self->search_index, action);
    }

  if (self->prepared < n_items)
    return G_SOURCE_CONTINUE;

  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_preparing_search (CspActionList *self)
{
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  self->prepared = 0;
  if (self->search_index != NULL)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search, self, NULL);
}

static void
on_stop_search (CspActionList *self)
{
  csp_action_list_set_search_text (self, NULL);
}

static void
on_filtered_items_changed (CspActionList *self)
{
  update_count (self);
}

static void
on_selection_changed (CspActionList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Cells */

static void
setup_action_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *theme = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (theme), 0);
  gtk_label_set_ellipsize (GTK_LABEL (theme), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (theme, "caption");
  gtk_widget_add_css_class (theme, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (text), 16);

  gtk_box_append (GTK_BOX (box), theme);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_action_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  CspItem *action = gtk_list_item_get_item (list_item);
  GtkWidget *theme = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  CspItem *theme_item = csp_action_get_theme (action);

  gtk_label_set_label (GTK_LABEL (theme),
                       theme_item != NULL ? csp_item_get_string (theme_item, "title") : "");
  gtk_widget_set_visible (theme, theme_item != NULL
                          && *csp_item_get_string (theme_item, "title") != '\0');
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (theme)),
                       csp_item_get_string (action, "text"));
}

static GtkWidget *
new_wrapping_label (int lines)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static void
setup_owner_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, new_wrapping_label (3));
}

static void
bind_owner_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  g_autofree char *owners = csp_action_dup_owners_label (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), owners);
}

static void
setup_status_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *chip = gtk_label_new (NULL);

  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, chip);
}

static void
bind_status_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  csp_ui_set_status_chip (GTK_LABEL (gtk_list_item_get_child (list_item)),
                          csp_action_get_status (gtk_list_item_get_item (list_item)));
}

static void
setup_update_cell (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dim-label");

  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), new_wrapping_label (3));
  gtk_list_item_set_child (list_item, box);
}

static void
bind_update_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  CspItem *update = csp_action_get_latest_update (gtk_list_item_get_item (list_item), NULL);
  GtkWidget *date = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *text = gtk_widget_get_next_sibling (date);
  g_autofree char *formatted = NULL;

  if (update == NULL)
    {
      gtk_label_set_label (GTK_LABEL (date), "");
      gtk_label_set_label (GTK_LABEL (text), _("No update yet"));
      gtk_widget_add_css_class (text, "dim-label");
      return;
    }

  formatted = csp_ui_format_date (csp_item_get_string (update, "date"));
  gtk_label_set_label (GTK_LABEL (date), formatted);
  gtk_label_set_label (GTK_LABEL (text), csp_item_get_string (update, "text"));
  gtk_widget_remove_css_class (text, "dim-label");
}

/* Sorting */

static int
compare_strings (const char *a,
                 const char *b)
{
  int result = g_utf8_collate (a, b);

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_text (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return compare_strings (csp_item_get_string ((CspItem *) a, "text"),
                          csp_item_get_string ((CspItem *) b, "text"));
}

static int
compare_owners (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  g_autofree char *owners_a = csp_action_dup_owners_label ((CspItem *) a);
  g_autofree char *owners_b = csp_action_dup_owners_label ((CspItem *) b);

  return compare_strings (owners_a, owners_b);
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  CspStatus status_a = csp_action_get_status ((CspItem *) a);
  CspStatus status_b = csp_action_get_status ((CspItem *) b);

  return status_a < status_b ? GTK_ORDERING_SMALLER
         : status_a > status_b ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static const char *
latest_update_date (CspItem *action)
{
  CspItem *update = csp_action_get_latest_update (action, NULL);

  return update != NULL ? csp_item_get_string (update, "date") : "";
}

static int
compare_update_dates (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  int result = strcmp (latest_update_date ((CspItem *) a), latest_update_date ((CspItem *) b));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Cells follow the edits of their action: each bound cell watches the
 * plan and binds itself again when its action, or something it shows
 * (an update, an owner, a partner's name, the theme's title), changes. */

typedef void (*BindFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item);

typedef struct
{
  GtkListItem *list_item; /* unowned: the watch lives on it */
  BindFunc     bind;
  CspPlan     *plan;
  gulong       handler;
} Watch;

#define WATCH_KEY "csp-action-list-watch"

static void
watch_free (Watch *watch)
{
  g_clear_signal_handler (&watch->handler, watch->plan);
  g_clear_object (&watch->plan);
  g_free (watch);
}

static gboolean
shows_change (CspItem    *action,
              CspItem    *item,
              const char *key)
{
  if (CSP_IS_PARTNER (item))
    return TRUE;
  if ((CSP_IS_THEME (item) || CSP_IS_PRIORITY (item)) && g_str_equal (key, "title"))
    return TRUE;

  for (; item != NULL; item = csp_item_get_parent (item))
    if (item == action)
      return TRUE;

  return FALSE;
}

static void
on_cell_plan_changed (CspPlan    *plan,
                      CspItem    *item,
                      const char *key,
                      Watch      *watch)
{
  CspItem *action = gtk_list_item_get_item (watch->list_item);

  if (action != NULL && shows_change (action, item, key))
    watch->bind (NULL, watch->list_item);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         BindFunc                  bind)
{
  CspPlan *plan = csp_item_get_plan (gtk_list_item_get_item (list_item));
  Watch *watch = g_new0 (Watch, 1);

  bind (factory, list_item);
  watch->list_item = list_item;
  watch->bind = bind;
  if (plan != NULL)
    {
      watch->plan = g_object_ref (plan);
      watch->handler = g_signal_connect (plan, "changed", G_CALLBACK (on_cell_plan_changed), watch);
    }
  g_object_set_data_full (G_OBJECT (list_item), WATCH_KEY, watch, (GDestroyNotify) watch_free);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  g_object_set_data (G_OBJECT (list_item), WATCH_KEY, NULL);
}

static GtkSorter *
setup_column (GtkColumnViewColumn *column,
              GCallback            setup,
              BindFunc             bind,
              GCompareDataFunc     compare)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare, NULL, NULL));

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), bind);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), NULL);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);

  return sorter;
}

/* Filters and sorting look at what the actions hold now. */
static gboolean
refilter_idle (gpointer user_data)
{
  CspActionList *self = user_data;

  self->refilter_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->sorters); i++)
    gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
  on_filter_changed (self);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed (CspActionList *self)
{
  if (self->refilter_id == 0)
    self->refilter_id = g_idle_add (refilter_idle, self);
}

/* The Delete key deletes the selected action (the window's action,
 * which can be undone). */
static void
add_delete_shortcut (CspActionList *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                            gtk_named_action_new ("win.delete-action"));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);
}

/* Filter choices */

static void
fill_status_choices (CspActionList *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Any status"));
  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    gtk_string_list_append (choices, csp_status_get_label (status));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (choices));
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
compare_partner_labels (gconstpointer a,
                        gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
give_owner_choices (CspActionList *self)
{
  g_autoptr(GtkStringList) choices = g_steal_pointer (&self->owner_choices);

  if (choices != NULL)
    gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (choices));
}

static void
fill_owner_choices (CspActionList *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_partners = self->plan != NULL ? csp_item_get_n_children (CSP_ITEM (self->plan), "partners") : 0;

  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->owner_ids, NULL);
  gtk_string_list_append (choices, _("Any owner"));

  for (guint i = 0; i < n_partners; i++)
    {
      CspItem *partner = csp_item_get_child (CSP_ITEM (self->plan), "partners", i);
      char *label = dup_partner_label (partner);

      g_ptr_array_add (labels, label);
      g_hash_table_insert (ids, label, (gpointer) csp_item_get_id (partner));
    }
  g_ptr_array_sort (labels, compare_partner_labels);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);

      gtk_string_list_append (choices, label);
      g_ptr_array_add (self->owner_ids, g_strdup (g_hash_table_lookup (ids, label)));
    }
  g_hash_table_unref (ids);

  /* A drop-down makes a row for each of hundreds of partners as soon as
   * it has them, shown or not: the menu gets them when the list is
   * shown. Until then it has no choice selected, which is any owner. */
  g_set_object (&self->owner_choices, choices);
  gtk_drop_down_set_model (self->owner_dropdown, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    give_owner_choices (self);
}

/* GObject */

static void
csp_action_list_dispose (GObject *object)
{
  CspActionList *self = CSP_ACTION_LIST (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refilter_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_ACTION_LIST);
  /* Children without an id are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_pointer (&self->search_index, csp_search_index_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->owner_choices);

  G_OBJECT_CLASS (csp_action_list_parent_class)->dispose (object);
}

static void
csp_action_list_finalize (GObject *object)
{
  CspActionList *self = CSP_ACTION_LIST (object);

  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  g_free (self->needle);
  g_free (self->count_text);

  G_OBJECT_CLASS (csp_action_list_parent_class)->finalize (object);
}

static void
csp_action_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CspActionList *self = CSP_ACTION_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, csp_action_list_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csp_action_list_class_init (CspActionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_action_list_dispose;
  object_class->finalize = csp_action_list_finalize;
  object_class->get_property = csp_action_list_get_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, CSP_TYPE_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-action-list.ui");
  gtk_widget_class_bind_template_child (widget_class, CspActionList, title_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, count_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, stale_button);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, view);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, selection);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, sort_model);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, action_column);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, owner_column);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, status_column);
  gtk_widget_class_bind_template_child (widget_class, CspActionList, update_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filtered_items_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, csp_action_list_clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
csp_action_list_init (CspActionList *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CSP_TYPE_ACTION);
  self->filter = gtk_custom_filter_new (match_action, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->store));

  self->sorters[0] = setup_column (self->action_column, G_CALLBACK (setup_action_cell),
                                   bind_action_cell, compare_text);
  self->sorters[1] = setup_column (self->owner_column, G_CALLBACK (setup_owner_cell),
                                   bind_owner_cell, compare_owners);
  self->sorters[2] = setup_column (self->status_column, G_CALLBACK (setup_status_cell),
                                   bind_status_cell, compare_status);
  self->sorters[3] = setup_column (self->update_column, G_CALLBACK (setup_update_cell),
                                   bind_update_cell, compare_update_dates);
  add_delete_shortcut (self);

  /* The owner list is long: typing in its popover narrows it. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->owner_dropdown, expression);
  fill_status_choices (self);
  fill_owner_choices (self);
  g_signal_connect (self, "map", G_CALLBACK (give_owner_choices), NULL);
  update_count (self);
}

void
csp_action_list_set_plan (CspActionList *self,
                          CspPlan       *plan)
{
  CspQuarter quarter;

  g_return_if_fail (CSP_IS_ACTION_LIST (self));
  g_return_if_fail (plan == NULL || CSP_IS_PLAN (plan));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed, self);
  g_set_object (&self->plan, plan);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_pointer (&self->search_index, csp_search_index_free);
  if (plan != NULL)
    {
      self->search_index = csp_search_index_new (plan);
      g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed), self, G_CONNECT_SWAPPED);
    }
  g_list_store_remove_all (self->store);
  fill_owner_choices (self);

  if (plan != NULL)
    {
      quarter = csp_plan_get_current_quarter (plan, NULL);
      csp_quarter_get_range (quarter, self->quarter_first, self->quarter_last);
    }
}

void
csp_action_list_set_actions (CspActionList *self,
                             const char    *title,
                             GPtrArray     *actions)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));
  g_return_if_fail (actions != NULL);

  gtk_label_set_label (self->title_label, title);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       actions->pdata, actions->len);
  update_count (self);
  start_preparing_search (self);
}

gboolean
csp_action_list_contains (CspActionList *self,
                          CspItem       *action)
{
  g_return_val_if_fail (CSP_IS_ACTION_LIST (self), FALSE);

  return g_list_store_find (self->store, action, NULL);
}

GListModel *
csp_action_list_get_model (CspActionList *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

CspItem *
csp_action_list_get_selected (CspActionList *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* GtkColumnView has no scroll_to before 4.12; its inner list view
 * has a "list.scroll-to-item" action from 4.0. */
static void
scroll_to (CspActionList *self,
           guint          position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->view, position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
#else
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
    }
#endif
}

gboolean
csp_action_list_select (CspActionList *self,
                        CspItem       *action)
{
  guint position;

  g_return_val_if_fail (CSP_IS_ACTION_LIST (self), FALSE);
  g_return_val_if_fail (CSP_IS_ITEM (action), FALSE);

  if (!csp_action_list_contains (self, action))
    return FALSE;

  if (!find_position (G_LIST_MODEL (self->sort_model), action, &position))
    {
      csp_action_list_clear_filters (self);
      if (!find_position (G_LIST_MODEL (self->sort_model), action, &position))
        return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);

  return TRUE;
}

void
csp_action_list_focus_search (CspActionList *self)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

const char *
csp_action_list_get_count_text (CspActionList *self)
{
  g_return_val_if_fail (CSP_IS_ACTION_LIST (self), NULL);

  return self->count_text;
}

void
csp_action_list_set_search_text (CspActionList *self,
                                 const char    *text)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

void
csp_action_list_set_status_filter (CspActionList *self,
                                   int            status)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));
  g_return_if_fail (status >= -1 && status < CSP_N_STATUSES);

  gtk_drop_down_set_selected (self->status_dropdown, status + 1);
}

void
csp_action_list_set_owner_filter (CspActionList *self,
                                  const char    *partner_id)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));

  /* The menu not given its choices yet filters by no owner already. */
  if (partner_id == NULL && self->owner_choices != NULL)
    return;
  give_owner_choices (self);

  for (guint i = 0; i < self->owner_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->owner_ids, i);

      if (g_strcmp0 (id, partner_id) == 0)
        {
          gtk_drop_down_set_selected (self->owner_dropdown, i);
          return;
        }
    }

  g_warning ("No partner with id %s", partner_id);
}

void
csp_action_list_set_stale_filter (CspActionList *self,
                                  gboolean       stale_only)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));

  gtk_toggle_button_set_active (self->stale_button, stale_only);
}

void
csp_action_list_clear_filters (CspActionList *self)
{
  g_return_if_fail (CSP_IS_ACTION_LIST (self));

  csp_action_list_set_search_text (self, NULL);
  csp_action_list_set_status_filter (self, -1);
  csp_action_list_set_owner_filter (self, NULL);
  csp_action_list_set_stale_filter (self, FALSE);
}
