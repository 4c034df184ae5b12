/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "csp-workbook.h"

G_BEGIN_DECLS

/* Excel's limits (and libxlsxwriter's, which counts characters). */
#define CSP_SHEET_NAME_MAX 31
#define CSP_CELL_TEXT_MAX  32767
#define CSP_URL_MAX        2079
#define CSP_FOOTER_MAX     255

typedef enum
{
  CSP_STYLE_TEXT,     /* wrapped, top-aligned, thin border */
  CSP_STYLE_HEADER,   /* a table's header row */
  CSP_STYLE_TITLE,    /* a sheet's title */
  CSP_STYLE_HEADING,  /* a heading above a table */
  CSP_STYLE_LABEL,    /* bold text outside a table */
  CSP_STYLE_PLAIN,    /* text outside a table */
  CSP_STYLE_DATE,     /* a date inside a table */
  CSP_STYLE_LONG_DATE,/* a date outside a table */
  CSP_STYLE_NUMBER,   /* a count inside a table */
  CSP_STYLE_TOTAL,    /* a bold count */
  CSP_STYLE_LINK,     /* a hyperlink inside a table */
  CSP_N_STYLES
} CspStyle;

/* What one export needs. Errors are sticky: the first one is kept in
 * @error and every later write does nothing, so that the sheet writers
 * read as straight lists of cells and check once at the end. */
typedef struct
{
  lxw_workbook    *workbook;
  CspPlan         *plan;
  CspQuarter       quarter;
  char             quarter_first[11];
  char             quarter_last[11];
  char             today[11];
  char            *footer;
  GHashTable      *sheet_names;    /* casefolded names in use */
  GPtrArray       *actions;        /* this year's, in the plan's order */
  GPtrArray       *review_actions; /* last year's */
  GHashTable      *facts;          /* action → its CspActionFacts at the quarter's end */
  char            *summary_name;
  char            *review_name;
  char            *partners_name;
  char            *glossary_name;
  char            *key_name;
  lxw_format      *styles[CSP_N_STYLES];
  lxw_format      *status_styles[CSP_N_STATUSES];
  GError          *error;

  CspProgressFunc  progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
  guint            done;
  guint            total;
  double           reported;
} CspBook;

#define CSP_SHEET_MAX_COLUMNS 16

/* Every table sheet: a title, a line under it, then the table. */
#define CSP_TITLE_ROW  0
#define CSP_NOTE_ROW   1
#define CSP_HEADER_ROW 2

typedef struct
{
  CspBook       *book;
  lxw_worksheet *worksheet;
  char          *name;
  double         widths[CSP_SHEET_MAX_COLUMNS];
  lxw_row_t      fit_row;    /* the row whose height was last set */
  double         fit_height;
} CspSheet;

typedef struct
{
  const char *title;  /* untranslated; translated when written */
  double      width;  /* in characters */
} CspColumn;

/* csp-workbook-cells.c: names, text and cells. */
char      *_csp_sheet_name_make      (GHashTable       *used,
                                      const char       *wanted,
                                      const char       *fallback);
char      *_csp_cell_text            (const char       *text);
/* _csp_cell_text () without a copy: @text itself when it fits, else a
 * new string that is also put in @owned (else NULL) to be freed. */
const char *_csp_cell_text_peek      (const char       *text,
                                      char            **owned);
char      *_csp_link_for_website     (const char       *website);
char      *_csp_link_for_email       (const char       *email);
char      *_csp_footer_make          (const char       *partnership);

gboolean   _csp_book_check           (CspBook          *book,
                                      lxw_error         result,
                                      const char       *sheet,
                                      const char       *what);
void       _csp_book_add_styles      (CspBook          *book);
gboolean   _csp_book_step            (CspBook          *book);

/* @name must come from _csp_sheet_name_make (). */
CspSheet  *_csp_sheet_new            (CspBook          *book,
                                      const char       *name);
void       _csp_sheet_free           (CspSheet         *sheet);
void       _csp_sheet_text           (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *text,
                                      CspStyle          style);
void       _csp_sheet_number         (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      double            number,
                                      CspStyle          style);
void       _csp_sheet_date           (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *date,
                                      CspStyle          style);
void       _csp_sheet_status         (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      CspStatus         status);
void       _csp_sheet_link           (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *url,
                                      const char       *text);
void       _csp_sheet_table_header   (CspSheet         *sheet,
                                      lxw_row_t         row,
                                      const CspColumn  *columns,
                                      guint             n_columns,
                                      gboolean          freeze);
void       _csp_sheet_begin_table    (CspSheet         *sheet,
                                      const char       *title,
                                      const char       *note,
                                      const CspColumn  *columns,
                                      guint             n_columns);
void       _csp_sheet_table_end      (CspSheet         *sheet,
                                      lxw_row_t         header_row,
                                      lxw_row_t         last_row,
                                      guint             n_columns);
void       _csp_sheet_widths         (CspSheet         *sheet,
                                      const CspColumn  *columns,
                                      guint             n_columns);

/* What an action looked like at the end of a day. */
typedef struct
{
  CspItem   *update;      /* the newest update up to then, or NULL */
  CspStatus  status;
  gboolean   updated;     /* an update dated within the quarter */
  char      *owners;      /* "TMBC; Kent Police" */
} CspActionFacts;

/* csp-workbook-sheets.c: one pass over an action's updates. @until NULL
 * is "as it stands": the newest update and the action's own status;
 * @facts->updated is an update from @first to @until (FALSE when @first
 * is NULL). */
void       _csp_action_facts_init    (CspActionFacts   *facts,
                                      CspItem          *action,
                                      const char       *first,
                                      const char       *until);
void       _csp_action_facts_clear   (CspActionFacts   *facts);
/* The facts at the quarter's end, worked out once: the summary and the
 * priority's sheet both ask for them. */
const CspActionFacts *
           _csp_book_facts           (CspBook          *book,
                                      CspItem          *action);

/* The sheets, in the order they appear. */
void       _csp_write_summary        (CspBook          *book);
void       _csp_write_priority       (CspBook          *book,
                                      CspItem          *priority,
                                      guint             index);
void       _csp_write_review         (CspBook          *book);
void       _csp_write_partners       (CspBook          *book);
void       _csp_write_glossary       (CspBook          *book);
void       _csp_write_key            (CspBook          *book);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CspSheet, _csp_sheet_free)

G_END_DECLS
