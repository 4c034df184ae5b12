/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "csp-overview-page.h"
#include "csp-page-util.h"
#include "csp-quarter.h"
#include "csp-status-bar.h"
#include "csp-ui-util.h"

/* Why an action needs chasing; one list each, so an action that is
 * both off track and overdue shows in both. */
typedef enum
{
  CHASE_OFF_TRACK,
  CHASE_AT_RISK,
  CHASE_OVERDUE,
  CHASE_STALE,
  N_CHASES
} Chase;

struct _CspOverviewPage
{
  GtkWidget   parent_instance;

  CspPlan    *plan;
  guint       refresh_id;

  GtkLabel   *title_label;
  GtkLabel   *partnership_label;
  GtkLabel   *period_label;
  GtkFlowBox *legend_box;
  GtkGrid    *priorities_grid;
  GtkLabel   *headings[N_CHASES];
  GtkListBox *lists[N_CHASES];
};

G_DEFINE_FINAL_TYPE (CspOverviewPage, csp_overview_page, GTK_TYPE_WIDGET)

enum {
  SHOW_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char *heading;
  const char *list;
} chase_children[N_CHASES] = {
  [CHASE_OFF_TRACK] = { "off_track_heading", "off_track_list" },
  [CHASE_AT_RISK] = { "at_risk_heading", "at_risk_list" },
  [CHASE_OVERDUE] = { "overdue_heading", "overdue_list" },
  [CHASE_STALE] = { "stale_heading", "stale_list" },
};

static void
count_statuses (GPtrArray *actions,
                guint     *counts)
{
  memset (counts, 0, sizeof (guint) * CSP_N_STATUSES);
  for (guint i = 0; i < actions->len; i++)
    counts[csp_action_get_status (g_ptr_array_index (actions, i))]++;
}

static gboolean
collect_action (CspItem  *item,
                gpointer  user_data)
{
  if (CSP_IS_ACTION (item))
    g_ptr_array_add (user_data, item);

  return TRUE;
}

static void
add_priority_row (CspOverviewPage *self,
                  const char      *title,
                  GPtrArray       *actions,
                  int              row)
{
  guint counts[CSP_N_STATUSES];
  g_autofree char *text = NULL;
  GtkWidget *title_label;
  GtkWidget *bar;
  GtkWidget *counts_label;

  count_statuses (actions, counts);
  text = csp_status_dup_counts_text (counts);

  title_label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 24);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "heading");

  bar = csp_status_bar_new ();
  csp_status_bar_set_counts (CSP_STATUS_BAR (bar), title, counts);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_size_request (bar, 120, 20);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);

  counts_label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (counts_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (counts_label), 30);
  gtk_label_set_xalign (GTK_LABEL (counts_label), 0);

  gtk_grid_attach (self->priorities_grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (self->priorities_grid, bar, 1, row, 1, 1);
  gtk_grid_attach (self->priorities_grid, counts_label, 2, row, 1, 1);
}

static void
refresh_priorities (CspOverviewPage *self)
{
  CspItem *plan = CSP_ITEM (self->plan);
  guint n = csp_item_get_n_children (plan, "priorities");
  g_autoptr(GPtrArray) all = csp_plan_collect_actions (self->plan, FALSE);

  csp_page_remove_children (GTK_WIDGET (self->priorities_grid));

  for (guint i = 0; i < n; i++)
    {
      CspItem *priority = csp_item_get_child (plan, "priorities", i);
      g_autoptr(GPtrArray) actions = g_ptr_array_new ();

      csp_item_walk (priority, collect_action, actions);
      add_priority_row (self, csp_item_get_string (priority, "title"), actions, i);
    }

  if (n != 1)
    add_priority_row (self, _("All priorities"), all, n);
}

static void
refresh_legend (CspOverviewPage *self)
{
  csp_page_remove_children (GTK_WIDGET (self->legend_box));

  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    gtk_flow_box_append (self->legend_box, csp_status_bar_new_key (status));
}

static char *
dup_period_label (CspItem *period)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (period == NULL)
    return NULL;

  if (*csp_item_get_string (period, "start") == '\0' || *csp_item_get_string (period, "end") == '\0')
    return NULL;

  start = csp_ui_format_date (csp_item_get_string (period, "start"));
  end = csp_ui_format_date (csp_item_get_string (period, "end"));

  /* Translators: the plan's period, "1 April 2018 to 31 March 2019". */
  return g_strdup_printf (_("%s to %s"), start, end);
}

static void
refresh_header (CspOverviewPage *self)
{
  CspItem *plan = CSP_ITEM (self->plan);
  g_autofree char *period = dup_period_label (csp_item_get_object (plan, "period"));

  gtk_label_set_label (self->title_label, csp_item_get_string (plan, "title"));
  gtk_label_set_label (self->partnership_label, csp_item_get_string (plan, "partnership"));
  gtk_widget_set_visible (GTK_WIDGET (self->partnership_label),
                          *csp_item_get_string (plan, "partnership") != '\0');
  gtk_label_set_label (self->period_label, period != NULL ? period : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), period != NULL);
}

static gboolean
needs_chasing (CspItem    *action,
               Chase       chase,
               const char *today,
               const char *first,
               const char *last)
{
  CspStatus status = csp_action_get_status (action);
  const char *due = csp_item_get_string (action, "due");

  switch (chase)
    {
    case CHASE_OFF_TRACK:
      return status == CSP_STATUS_OFF_TRACK;
    case CHASE_AT_RISK:
      return status == CSP_STATUS_AT_RISK;
    case CHASE_OVERDUE:
      return status != CSP_STATUS_COMPLETE && *due != '\0' && strcmp (due, today) < 0;
    case CHASE_STALE:
      return status != CSP_STATUS_COMPLETE && !csp_action_has_update_between (action, first, last);
    case N_CHASES:
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_heading (Chase       chase,
             CspQuarter  quarter,
             guint       count)
{
  g_autofree char *quarter_label = NULL;

  switch (chase)
    {
    case CHASE_OFF_TRACK:
      return g_strdup_printf (_("Off track (%u)"), count);
    case CHASE_AT_RISK:
      return g_strdup_printf (_("At risk (%u)"), count);
    case CHASE_OVERDUE:
      return g_strdup_printf (_("Overdue (%u)"), count);
    case CHASE_STALE:
      quarter_label = csp_quarter_dup_label (quarter);
      /* Translators: "No update in Q4 2018-19 (January to March 2019) (35)". */
      return g_strdup_printf (_("No update in %s (%u)"), quarter_label, count);
    case N_CHASES:
    default:
      g_assert_not_reached ();
    }
}

/* The heading keeps the whole count; the action list shows them all. */
#define CHASE_MAX_ROWS CSP_OVERVIEW_CHASE_MAX_ROWS

static GtkWidget *
more_row_new (guint more)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "…and %u more: the action list’s filters show them all",
                                                        "…and %u more: the action list’s filters show them all",
                                                        more),
                                           more);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
refresh_chasing (CspOverviewPage *self)
{
  g_autoptr(GPtrArray) actions = csp_plan_collect_actions (self->plan, FALSE);
  CspQuarter quarter = csp_plan_get_current_quarter (self->plan, NULL);
  g_autofree char *today = csp_date_today ();
  char first[11], last[11];

  csp_quarter_get_range (quarter, first, last);

  for (Chase chase = 0; chase < N_CHASES; chase++)
    {
      g_autofree char *heading = NULL;
      guint count = 0;

      csp_page_remove_rows (self->lists[chase]);
      for (guint i = 0; i < actions->len; i++)
        {
          CspItem *action = g_ptr_array_index (actions, i);

          if (!needs_chasing (action, chase, today, first, last))
            continue;
          if (count < CHASE_MAX_ROWS)
            gtk_list_box_append (self->lists[chase], csp_page_action_row_new (action));
          count++;
        }
      if (count > CHASE_MAX_ROWS)
        gtk_list_box_append (self->lists[chase], more_row_new (count - CHASE_MAX_ROWS));

      heading = dup_heading (chase, quarter, count);
      gtk_label_set_label (self->headings[chase], heading);
    }
}

static void
refresh (CspOverviewPage *self)
{
  gboolean has_plan = self->plan != NULL;

  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self)), has_plan);
  if (!has_plan)
    return;

  refresh_header (self);
  refresh_priorities (self);
  refresh_chasing (self);
}

static gboolean
refresh_idle (gpointer user_data)
{
  CspOverviewPage *self = user_data;

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
  CspOverviewPage *self = user_data;

  /* A merge or an undo changes many fields at once: draw once after. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_row_activated (CspOverviewPage *self,
                  GtkListBoxRow   *row)
{
  CspItem *action = csp_page_get_item (GTK_WIDGET (row));

  if (action != NULL)
    g_signal_emit (self, signals[SHOW_ITEM], 0, action);
}

static void
csp_overview_page_dispose (GObject *object)
{
  CspOverviewPage *self = CSP_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSP_TYPE_OVERVIEW_PAGE);
  csp_page_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (csp_overview_page_parent_class)->dispose (object);
}

static void
csp_overview_page_class_init (CspOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csp_overview_page_dispose;

  /**
   * CspOverviewPage::show-item:
   * @item: the action to show
   *
   * Emitted when an entry of "What needs chasing" is activated.
   */
  signals[SHOW_ITEM] =
    csp_ui_new_show_item_signal (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/csp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CspOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CspOverviewPage, partnership_label);
  gtk_widget_class_bind_template_child (widget_class, CspOverviewPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, CspOverviewPage, legend_box);
  gtk_widget_class_bind_template_child (widget_class, CspOverviewPage, priorities_grid);
  for (guint i = 0; i < N_CHASES; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, chase_children[i].heading, FALSE,
                                                 G_STRUCT_OFFSET (CspOverviewPage, headings) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, chase_children[i].list, FALSE,
                                                 G_STRUCT_OFFSET (CspOverviewPage, lists) + i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "overviewpage");
}

static void
csp_overview_page_init (CspOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Chase chase = 0; chase < N_CHASES; chase++)
    gtk_list_box_set_placeholder (self->lists[chase], csp_page_placeholder_new (_("None")));
  refresh_legend (self);
  refresh (self);
}

GtkWidget *
csp_overview_page_new (void)
{
  return g_object_new (CSP_TYPE_OVERVIEW_PAGE, NULL);
}

void
csp_overview_page_set_plan (CspOverviewPage *self,
                            CspPlan         *plan)
{
  g_return_if_fail (CSP_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (plan == NULL || CSP_IS_PLAN (plan));

  if (!csp_page_watch_plan (&self->plan, plan, G_CALLBACK (on_plan_changed), self))
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh (self);
}
