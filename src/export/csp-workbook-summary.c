/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "csp-workbook-private.h"

#define COUNTS_ROW     7   /* the header of the actions-by-status table */
#define CHART_WIDTH    760 /* pixels */
#define ROW_HEIGHT     20  /* pixels, of an empty row */
#define N_EXCEPTION_COLUMNS 5

/* The widths suit both the counts table and the exception lists below
 * it: a sheet has one width per column. */
static const CspColumn widths[] = {
  { NULL, 30 }, { NULL, 44 }, { NULL, 26 }, { NULL, 13 }, { NULL, 13 }, { NULL, 13 }, { NULL, 10 },
};

static const CspColumn exception_columns[N_EXCEPTION_COLUMNS] = {
  { N_("Priority"), 0 },
  { N_("Action"), 0 },
  { N_("Owner/lead agency"), 0 },
  { N_("Status"), 0 },
  { N_("Due"), 0 },
};

static gboolean
is_off_track (CspBook *book,
              CspItem *action)
{
  return _csp_book_facts (book, action)->status == CSP_STATUS_OFF_TRACK;
}

static gboolean
is_at_risk (CspBook *book,
            CspItem *action)
{
  return _csp_book_facts (book, action)->status == CSP_STATUS_AT_RISK;
}

/* Due before the quarter's end, or before today while the quarter runs,
 * and not complete by then. */
static gboolean
is_overdue (CspBook *book,
            CspItem *action)
{
  const char *due = csp_item_get_string (action, "due");
  const char *reference = strcmp (book->today, book->quarter_last) < 0 ? book->today
                                                                       : book->quarter_last;

  return *due != '\0' && strcmp (due, reference) < 0 &&
         _csp_book_facts (book, action)->status != CSP_STATUS_COMPLETE;
}

/* A complete action needs no more updates. */
static gboolean
has_no_update (CspBook *book,
               CspItem *action)
{
  const CspActionFacts *facts = _csp_book_facts (book, action);

  return facts->status != CSP_STATUS_COMPLETE && !facts->updated;
}

static const struct
{
  const char *title;
  gboolean  (*is_in) (CspBook *book,
                      CspItem *action);
} exceptions[] = {
  { N_("Off track"), is_off_track },
  { N_("At risk"), is_at_risk },
  { N_("Overdue"), is_overdue },
  { N_("No update this quarter"), has_no_update },
};

static void
write_heading (CspBook  *book,
               CspSheet *sheet)
{
  CspItem *plan = CSP_ITEM (book->plan);
  const char *title = csp_item_get_string (plan, "title");
  g_autofree char *quarter = csp_quarter_dup_label (book->quarter);

  _csp_sheet_text (sheet, 0, 0, *title != '\0' ? title : _("Partnership Plan"), CSP_STYLE_TITLE);
  _csp_sheet_text (sheet, 1, 0, csp_item_get_string (plan, "partnership"), CSP_STYLE_HEADING);
  _csp_sheet_text (sheet, 2, 0, _("Reporting quarter"), CSP_STYLE_LABEL);
  _csp_sheet_text (sheet, 2, 1, quarter, CSP_STYLE_PLAIN);
  _csp_sheet_text (sheet, 3, 0, _("Progress up to"), CSP_STYLE_LABEL);
  _csp_sheet_date (sheet, 3, 1, book->quarter_last, CSP_STYLE_LONG_DATE);
  _csp_sheet_text (sheet, 4, 0, _("Exported on"), CSP_STYLE_LABEL);
  _csp_sheet_date (sheet, 4, 1, book->today, CSP_STYLE_LONG_DATE);
}

static void
write_counts_header (CspSheet *sheet)
{
  _csp_sheet_text (sheet, COUNTS_ROW - 1, 0, _("Actions by status"), CSP_STYLE_HEADING);
  _csp_sheet_text (sheet, COUNTS_ROW, 0, _("Priority"), CSP_STYLE_HEADER);
  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    _csp_sheet_status (sheet, COUNTS_ROW, 1 + status, status);
  _csp_sheet_text (sheet, COUNTS_ROW, 1 + CSP_N_STATUSES, _("Total"), CSP_STYLE_HEADER);
}

static void
write_counts_row (CspSheet    *sheet,
                  lxw_row_t    row,
                  const char  *label,
                  const guint *counts,
                  CspStyle     style)
{
  guint total = 0;

  _csp_sheet_text (sheet, row, 0, label, style == CSP_STYLE_TOTAL ? CSP_STYLE_HEADER : CSP_STYLE_TEXT);
  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    {
      _csp_sheet_number (sheet, row, 1 + status, counts[status], style);
      total += counts[status];
    }
  _csp_sheet_number (sheet, row, 1 + CSP_N_STATUSES, total, CSP_STYLE_TOTAL);
}

/* Returns the row after the table. */
static lxw_row_t
write_counts (CspBook  *book,
              CspSheet *sheet)
{
  CspItem *plan = CSP_ITEM (book->plan);
  guint n = csp_item_get_n_children (plan, "priorities");
  guint totals[CSP_N_STATUSES] = { 0 };
  lxw_row_t row = COUNTS_ROW + 1;

  write_counts_header (sheet);

  for (guint i = 0; i < n && _csp_book_step (book); i++, row++)
    {
      CspItem *priority = csp_item_get_child (plan, "priorities", i);
      g_autoptr(GPtrArray) actions = csp_item_collect_actions (priority);
      guint counts[CSP_N_STATUSES] = { 0 };

      for (guint j = 0; j < actions->len; j++)
        counts[_csp_book_facts (book, g_ptr_array_index (actions, j))->status]++;
      for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
        totals[status] += counts[status];
      write_counts_row (sheet, row, csp_item_get_string (priority, "title"), counts, CSP_STYLE_NUMBER);
    }

  write_counts_row (sheet, row, _("All priorities"), totals, CSP_STYLE_TOTAL);
  return row + 1;
}

static void
add_series (CspSheet  *sheet,
            lxw_chart *chart,
            CspStatus  status,
            guint      n_priorities)
{
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_fill fill = { .color = csp_status_get_rgb (status) };
  lxw_chart_line line = { .color = 0x808080, .width = 0.5 };

  if (series == NULL)
    {
      _csp_book_check (sheet->book, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet->name, _("chart"));
      return;
    }

  chart_series_set_categories (series, sheet->name,
                               COUNTS_ROW + 1, 0, COUNTS_ROW + n_priorities, 0);
  chart_series_set_values (series, sheet->name,
                           COUNTS_ROW + 1, 1 + status, COUNTS_ROW + n_priorities, 1 + status);
  chart_series_set_name_range (series, sheet->name, COUNTS_ROW, 1 + status);
  chart_series_set_fill (series, &fill);
  chart_series_set_line (series, &line);
}

/* A stacked bar per priority, first priority at the top; returns the
 * height in rows. */
static guint
insert_chart (CspBook   *book,
              CspSheet  *sheet,
              lxw_row_t  row,
              guint      n_priorities)
{
  guint height = MAX (288, 90 + 40 * n_priorities);
  lxw_chart_options options = { .x_offset = 4, .y_offset = 8,
                                .x_scale = CHART_WIDTH / 480.0, .y_scale = height / 288.0 };
  lxw_chart *chart;

  if (n_priorities == 0 || book->error != NULL)
    return 0;

  chart = workbook_add_chart (book->workbook, LXW_CHART_BAR_STACKED);
  if (chart == NULL)
    {
      _csp_book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet->name, _("chart"));
      return 0;
    }

  for (CspStatus status = 0; status < CSP_N_STATUSES; status++)
    add_series (sheet, chart, status, n_priorities);

  chart_title_set_name (chart, _("Actions by status"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* In a bar chart the y axis holds the categories, the x axis the counts. */
  chart_axis_set_reverse (chart->y_axis);
  chart_axis_set_crossing_max (chart->y_axis);
  chart_axis_set_num_format (chart->x_axis, "0");

  _csp_book_check (book, worksheet_insert_chart_opt (sheet->worksheet, row, 0, chart, &options),
                   sheet->name, _("chart"));
  return height / ROW_HEIGHT + 2;
}

static void
write_exception (CspSheet  *sheet,
                 lxw_row_t  row,
                 CspItem   *action,
                 CspBook   *book)
{
  const CspActionFacts *facts = _csp_book_facts (book, action);

  _csp_sheet_text (sheet, row, 0, csp_item_get_string (csp_action_get_priority (action), "title"),
                   CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 1, csp_item_get_string (action, "text"), CSP_STYLE_TEXT);
  _csp_sheet_text (sheet, row, 2, facts->owners, CSP_STYLE_TEXT);
  _csp_sheet_status (sheet, row, 3, facts->status);
  _csp_sheet_date (sheet, row, 4, csp_item_get_string (action, "due"), CSP_STYLE_DATE);
}

/* One list of actions that need the Strategy Group's attention, under
 * a heading that counts them; returns the row after it. */
static lxw_row_t
write_exceptions (CspBook   *book,
                  CspSheet  *sheet,
                  lxw_row_t  row,
                  GPtrArray *actions,
                  guint      which)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autofree char *heading = NULL;

  for (guint i = 0; i < actions->len; i++)
    if (exceptions[which].is_in (book, g_ptr_array_index (actions, i)))
      g_ptr_array_add (members, g_ptr_array_index (actions, i));

  /* Translators: a list's title and how many actions it holds */
  heading = g_strdup_printf (_("%s: %u"), _(exceptions[which].title), members->len);
  _csp_sheet_text (sheet, row, 0, heading, CSP_STYLE_HEADING);
  _csp_sheet_table_header (sheet, ++row, exception_columns, N_EXCEPTION_COLUMNS, FALSE);

  for (guint i = 0; i < members->len; i++)
    write_exception (sheet, ++row, g_ptr_array_index (members, i), book);
  if (members->len == 0)
    _csp_sheet_text (sheet, ++row, 0, _("None"), CSP_STYLE_PLAIN);

  return row + 2;
}

void
_csp_write_summary (CspBook *book)
{
  g_autoptr(CspSheet) sheet = _csp_sheet_new (book, book->summary_name);
  guint n_priorities = csp_item_get_n_children (CSP_ITEM (book->plan), "priorities");
  lxw_row_t row;

  _csp_sheet_widths (sheet, widths, G_N_ELEMENTS (widths));
  write_heading (book, sheet);
  row = write_counts (book, sheet) + 1;
  row += insert_chart (book, sheet, row, n_priorities);

  for (guint i = 0; i < G_N_ELEMENTS (exceptions) && _csp_book_step (book); i++)
    row = write_exceptions (book, sheet, row, book->actions, i);

  if (book->error == NULL)
    worksheet_activate (sheet->worksheet);
}
