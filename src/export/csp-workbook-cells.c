/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "csp-workbook"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "csp-workbook-private.h"

#define HEADER_FILL  0xDDE3EA
#define BORDER_COLOR 0xBFBFBF
#define LINK_COLOR   0x0563C1
#define LINE_HEIGHT  15.0  /* points, of a line of 11-point text */
#define MAX_HEIGHT   409.0 /* points, Excel's tallest row */

gboolean
_csp_book_check (CspBook    *book,
                 lxw_error   result,
                 const char *sheet,
                 const char *what)
{
  if (result == LXW_NO_ERROR)
    return TRUE;

  if (book->error == NULL)
    g_set_error (&book->error, CSP_WORKBOOK_ERROR, CSP_WORKBOOK_ERROR_FAILED,
                 /* Translators: sheet name, what was written, libxlsxwriter's reason */
                 _("Sheet “%s”, %s: %s"), sheet, what, lxw_strerror (result));
  return FALSE;
}

gboolean
_csp_book_step (CspBook *book)
{
  double fraction;

  book->done++;
  if (book->error == NULL)
    g_cancellable_set_error_if_cancelled (book->cancellable, &book->error);

  /* The last tenth is for writing the file. */
  fraction = 0.9 * MIN (1.0, (double) book->done / MAX (book->total, 1));
  if (book->progress != NULL && fraction - book->reported >= 0.01)
    {
      book->reported = fraction;
      book->progress (fraction, book->progress_data);
    }

  return book->error == NULL;
}

static void
fail (CspBook    *book,
      const char *sheet,
      const char *what)
{
  if (book->error == NULL)
    g_set_error (&book->error, CSP_WORKBOOK_ERROR, CSP_WORKBOOK_ERROR_FAILED,
                 /* Translators: sheet name, then what could not be done */
                 _("Sheet “%s”: %s"), sheet, what);
}

static const struct
{
  gboolean    in_table;
  gboolean    bold;
  double      size;
  const char *num_format;
  lxw_color_t fill;
  gboolean    link;
  gboolean    centre;
  gboolean    left;
} recipes[CSP_N_STYLES] = {
  [CSP_STYLE_TEXT] = { TRUE },
  [CSP_STYLE_HEADER] = { TRUE, TRUE, .fill = HEADER_FILL },
  [CSP_STYLE_TITLE] = { FALSE, TRUE, 16 },
  [CSP_STYLE_HEADING] = { FALSE, TRUE, 13 },
  [CSP_STYLE_LABEL] = { FALSE, TRUE },
  [CSP_STYLE_PLAIN] = { FALSE },
  [CSP_STYLE_DATE] = { TRUE, .num_format = "d mmm yyyy" },
  [CSP_STYLE_LONG_DATE] = { FALSE, .num_format = "d mmmm yyyy", .left = TRUE },
  [CSP_STYLE_NUMBER] = { TRUE, .centre = TRUE },
  [CSP_STYLE_TOTAL] = { TRUE, TRUE, .centre = TRUE },
  [CSP_STYLE_LINK] = { TRUE, .link = TRUE },
};

static lxw_format *
add_format (CspBook  *book,
            gboolean  in_table)
{
  lxw_format *format = workbook_add_format (book->workbook);

  if (format == NULL)
    {
      fail (book, "", _("could not add a cell format"));
      return NULL;
    }

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (in_table)
    {
      format_set_text_wrap (format);
      format_set_border (format, LXW_BORDER_THIN);
      format_set_border_color (format, BORDER_COLOR);
    }

  return format;
}

static lxw_format *
add_style (CspBook  *book,
           CspStyle  style)
{
  lxw_format *format = add_format (book, recipes[style].in_table);

  if (format == NULL)
    return NULL;

  if (recipes[style].bold)
    format_set_bold (format);
  if (recipes[style].size > 0)
    format_set_font_size (format, recipes[style].size);
  if (recipes[style].num_format != NULL)
    format_set_num_format (format, recipes[style].num_format);
  if (recipes[style].fill != 0)
    format_set_bg_color (format, recipes[style].fill);
  if (recipes[style].centre)
    format_set_align (format, LXW_ALIGN_CENTER);
  if (recipes[style].left)
    format_set_align (format, LXW_ALIGN_LEFT);
  if (recipes[style].link)
    {
      format_set_underline (format, LXW_UNDERLINE_SINGLE);
      format_set_font_color (format, LINK_COLOR);
    }

  return format;
}

void
_csp_book_add_styles (CspBook *book)
{
  for (guint i = 0; i < CSP_N_STYLES && book->error == NULL; i++)
    book->styles[i] = add_style (book, i);

  for (guint i = 0; i < CSP_N_STATUSES && book->error == NULL; i++)
    {
      book->status_styles[i] = add_format (book, TRUE);
      if (book->status_styles[i] != NULL)
        format_set_bg_color (book->status_styles[i], csp_status_get_rgb (i));
    }
}

CspSheet *
_csp_sheet_new (CspBook    *book,
                const char *name)
{
  CspSheet *sheet = g_new0 (CspSheet, 1);

  sheet->book = book;
  sheet->name = g_strdup (name);
  sheet->fit_row = LXW_ROW_MAX;

  if (book->error != NULL)
    return sheet;

  sheet->worksheet = workbook_add_worksheet (book->workbook, name);
  if (sheet->worksheet == NULL)
    {
      fail (book, name, _("could not add the sheet"));
      return sheet;
    }

  /* Printed for a meeting: landscape A4, as wide as one page. */
  worksheet_set_landscape (sheet->worksheet);
  worksheet_set_paper (sheet->worksheet, 9);
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);
  _csp_book_check (book, worksheet_set_footer (sheet->worksheet, book->footer),
                   name, _("footer"));

  return sheet;
}

void
_csp_sheet_free (CspSheet *sheet)
{
  g_free (sheet->name);
  g_free (sheet);
}

static void
check_cell (CspSheet  *sheet,
            lxw_error  result,
            lxw_row_t  row,
            lxw_col_t  col)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  g_autofree char *what = NULL;

  if (result == LXW_NO_ERROR)
    return;

  lxw_rowcol_to_cell (cell, row, col);
  /* Translators: a spreadsheet cell such as B4 */
  what = g_strdup_printf (_("cell %s"), cell);
  _csp_book_check (sheet->book, result, sheet->name, what);
}

/* The characters in @bytes of valid UTF-8: the bytes that do not
 * continue one (10xxxxxx), eight at a time. */
static gsize
count_chars (const char *text,
             gsize       bytes)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize continuing = 0;
  gsize i = 0;

  for (; i + 8 <= bytes; i += 8)
    {
      guint64 word;
      guint64 marks;

      memcpy (&word, text + i, 8);
      /* Bit 7 set and bit 6 clear; then add up the bytes' flags. */
      marks = (word & ~(word << 1) & high) >> 7;
      continuing += (marks * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56;
    }
  for (; i < bytes; i++)
    continuing += ((guchar) text[i] & 0xC0) == 0x80;

  return bytes - continuing;
}

/* The lines @length bytes of valid UTF-8 wrap to in @width characters. */
static guint
count_lines (const char *text,
             gsize       length,
             double      width)
{
  const char *end = text + length;
  guint lines = 0;

  width = MAX (width, 1.0);
  for (const char *p = text;; )
    {
      const char *newline = memchr (p, '\n', end - p);
      gsize bytes = (newline != NULL ? newline : end) - p;
      /* A paragraph no longer in bytes than the width is one line:
       * count its characters only when it might be more. */
      gsize chars = bytes > width ? count_chars (p, bytes) : bytes;

      lines += MAX (1, (guint) ceil (chars / width));

      if (newline == NULL)
        return lines;
      p = newline + 1;
    }
}

/* Neither Excel nor LibreOffice makes a row tall enough for its wrapped
 * text when they open a file: estimate the lines (a column's width is
 * about the characters it holds) and set the height. */
static void
fit_row (CspSheet   *sheet,
         lxw_row_t   row,
         lxw_col_t   col,
         const char *text,
         CspStyle    style)
{
  double height = style == CSP_STYLE_TITLE ? 22 : style == CSP_STYLE_HEADING ? 18 : LINE_HEIGHT;
  lxw_error result;

  if (recipes[style].in_table && col < CSP_SHEET_MAX_COLUMNS && sheet->widths[col] > 0)
    height *= count_lines (text, strlen (text), sheet->widths[col]);
  height = MIN (height, MAX_HEIGHT);

  if (row != sheet->fit_row)
    {
      sheet->fit_row = row;
      sheet->fit_height = LINE_HEIGHT;
    }
  if (height <= sheet->fit_height)
    return;

  sheet->fit_height = height;
  result = worksheet_set_row (sheet->worksheet, row, height, NULL);
  if (result != LXW_NO_ERROR)
    _csp_book_check (sheet->book, result, sheet->name, _("row height"));
}

void
_csp_sheet_text (CspSheet   *sheet,
                 lxw_row_t   row,
                 lxw_col_t   col,
                 const char *text,
                 CspStyle    style)
{
  g_autofree char *owned = NULL;
  lxw_format *format = sheet->book->styles[style];
  const char *cut;

  if (sheet->book->error != NULL)
    return;

  cut = _csp_cell_text_peek (text != NULL ? text : "", &owned);
  if (*cut == '\0')
    check_cell (sheet, worksheet_write_blank (sheet->worksheet, row, col, format), row, col);
  else
    check_cell (sheet, worksheet_write_string (sheet->worksheet, row, col, cut, format), row, col);

  if (sheet->book->error == NULL)
    fit_row (sheet, row, col, cut, style);
}

void
_csp_sheet_number (CspSheet  *sheet,
                   lxw_row_t  row,
                   lxw_col_t  col,
                   double     number,
                   CspStyle   style)
{
  if (sheet->book->error != NULL)
    return;

  check_cell (sheet,
              worksheet_write_number (sheet->worksheet, row, col, number,
                                      sheet->book->styles[style]),
              row, col);
}

/* A real date, so that the column sorts and filters as dates; anything
 * that is not YYYY-MM-DD is written as it is. */
void
_csp_sheet_date (CspSheet   *sheet,
                 lxw_row_t   row,
                 lxw_col_t   col,
                 const char *date,
                 CspStyle    style)
{
  lxw_datetime datetime = { 0 };
  char tail;

  if (sheet->book->error != NULL)
    return;

  if (date == NULL ||
      sscanf (date, "%4d-%2d-%2d%c", &datetime.year, &datetime.month, &datetime.day, &tail) != 3 ||
      datetime.year < 1900 || datetime.month < 1 || datetime.month > 12 ||
      datetime.day < 1 || datetime.day > 31)
    {
      _csp_sheet_text (sheet, row, col, date, CSP_STYLE_TEXT);
      return;
    }

  check_cell (sheet,
              worksheet_write_datetime (sheet->worksheet, row, col, &datetime,
                                        sheet->book->styles[style]),
              row, col);
}

/* The label and the colour both: the colour alone is lost on a black
 * and white printer and to colour-blind readers. */
void
_csp_sheet_status (CspSheet  *sheet,
                   lxw_row_t  row,
                   lxw_col_t  col,
                   CspStatus  status)
{
  if (sheet->book->error != NULL)
    return;

  check_cell (sheet,
              worksheet_write_string (sheet->worksheet, row, col, csp_status_get_label (status),
                                      sheet->book->status_styles[status]),
              row, col);
}

void
_csp_sheet_link (CspSheet   *sheet,
                 lxw_row_t   row,
                 lxw_col_t   col,
                 const char *url,
                 const char *text)
{
  g_autofree char *owned = NULL;
  const char *cut;
  lxw_error result;

  if (sheet->book->error != NULL)
    return;

  if (url == NULL)
    {
      _csp_sheet_text (sheet, row, col, text, CSP_STYLE_TEXT);
      return;
    }

  cut = _csp_cell_text_peek (text, &owned);
  result = worksheet_write_url_opt (sheet->worksheet, row, col, url,
                                    sheet->book->styles[CSP_STYLE_LINK], cut, NULL);

  /* A link Excel cannot hold is still worth reading. */
  if (result == LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED ||
      result == LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED)
    _csp_sheet_text (sheet, row, col, text, CSP_STYLE_TEXT);
  else
    check_cell (sheet, result, row, col);

  if (sheet->book->error == NULL)
    fit_row (sheet, row, col, cut, CSP_STYLE_LINK);
}

void
_csp_sheet_widths (CspSheet        *sheet,
                   const CspColumn *columns,
                   guint            n_columns)
{
  for (guint i = 0; i < n_columns && i < CSP_SHEET_MAX_COLUMNS; i++)
    sheet->widths[i] = columns[i].width;

  for (guint i = 0; i < n_columns && sheet->book->error == NULL; i++)
    _csp_book_check (sheet->book,
                     worksheet_set_column (sheet->worksheet, i, i, columns[i].width, NULL),
                     sheet->name, _("column width"));
}

/* The sheet's main table has its header row frozen on screen and
 * repeated on every printed page. */
void
_csp_sheet_table_header (CspSheet        *sheet,
                         lxw_row_t        row,
                         const CspColumn *columns,
                         guint            n_columns,
                         gboolean         main_table)
{
  for (guint i = 0; i < n_columns; i++)
    _csp_sheet_text (sheet, row, i, _(columns[i].title), CSP_STYLE_HEADER);

  if (!main_table || sheet->book->error != NULL)
    return;

  worksheet_freeze_panes (sheet->worksheet, row + 1, 0);
  _csp_book_check (sheet->book, worksheet_repeat_rows (sheet->worksheet, row, row),
                   sheet->name, _("repeated header row"));
}

/* A sheet that is one table, under a title and a note (or none). */
void
_csp_sheet_begin_table (CspSheet        *sheet,
                        const char      *title,
                        const char      *note,
                        const CspColumn *columns,
                        guint            n_columns)
{
  _csp_sheet_text (sheet, CSP_TITLE_ROW, 0, title, CSP_STYLE_TITLE);
  if (note != NULL)
    _csp_sheet_text (sheet, CSP_NOTE_ROW, 0, note, CSP_STYLE_PLAIN);
  _csp_sheet_widths (sheet, columns, n_columns);
  _csp_sheet_table_header (sheet, CSP_HEADER_ROW, columns, n_columns, TRUE);
}

void
_csp_sheet_table_end (CspSheet  *sheet,
                      lxw_row_t  header_row,
                      lxw_row_t  last_row,
                      guint      n_columns)
{
  if (sheet->book->error != NULL)
    return;

  _csp_book_check (sheet->book,
                   worksheet_autofilter (sheet->worksheet, header_row, 0,
                                         MAX (header_row, last_row), n_columns - 1),
                   sheet->name, _("autofilter"));
}
