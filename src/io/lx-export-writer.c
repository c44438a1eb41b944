/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-export-private.h"
#include "lx-validate.h"

/* The pieces every sheet of the workbook is made of: formats, the title
 * rows, typed cells, widths that fit Chinese text, print setup. */

#define TITLE_ROW    0
#define SUBTITLE_ROW 1
#define HEADER_ROW   2
#define MAX_WIDTH    40   /* wider text wraps */
#define LONG_WIDTH   36
#define CHECK_EVERY  1024 /* rows between looks at the cancellable */

static lxw_format *
bordered (lxw_workbook *wb)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static void
add_formats (LxExportJob *job)
{
  lxw_workbook *wb = job->workbook;
  lxw_format *f;

  job->f_title = workbook_add_format (wb);
  format_set_bold (job->f_title);
  format_set_font_size (job->f_title, 16);
  format_set_align (job->f_title, LXW_ALIGN_CENTER);
  format_set_align (job->f_title, LXW_ALIGN_VERTICAL_CENTER);

  job->f_subtitle = workbook_add_format (wb);
  format_set_align (job->f_subtitle, LXW_ALIGN_LEFT);

  job->f_header = bordered (wb);
  format_set_bold (job->f_header);
  format_set_bg_color (job->f_header, 0xDDEBF7);
  format_set_align (job->f_header, LXW_ALIGN_CENTER);
  format_set_text_wrap (job->f_header);

  for (int k = 0; k <= LX_CELL_ID_NUMBER; k++)
    job->f_cell[k] = bordered (wb);
  format_set_text_wrap (job->f_cell[LX_CELL_LONG_TEXT]);
  format_set_num_format (job->f_cell[LX_CELL_NUMBER], "0");
  format_set_num_format (job->f_cell[LX_CELL_DECIMAL], "0.0");
  format_set_num_format (job->f_cell[LX_CELL_PERCENT], "0.0%");
  format_set_num_format (job->f_cell[LX_CELL_DATE], "yyyy-mm-dd");
  format_set_num_format (job->f_cell[LX_CELL_MOMENT], "yyyy-mm-dd hh:mm");
  /* Phone and ID numbers are text: Excel would round an 18-digit number. */
  format_set_num_format (job->f_cell[LX_CELL_PHONE], "@");
  format_set_num_format (job->f_cell[LX_CELL_ID_NUMBER], "@");
  for (int k = LX_CELL_DATE; k <= LX_CELL_MOMENT; k++)
    format_set_align (job->f_cell[k], LXW_ALIGN_CENTER);

  job->f_label = bordered (wb);
  f = job->f_note = workbook_add_format (wb);
  format_set_italic (f);
  format_set_font_color (f, 0x7F7F7F);
}

static char *
query_text (LxStore    *store,
            const char *sql,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, &error);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  lx_bind_id (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

gboolean
lx_export_job_init (LxExportJob           *job,
                    LxStore               *store,
                    const LxExportOptions *options,
                    lxw_workbook          *workbook,
                    GError               **error)
{
  g_autofree char *until = NULL;

  memset (job, 0, sizeof *job);
  job->store = store;
  job->options = options;
  job->workbook = workbook;
  job->today = options->today ? g_strdup (options->today) : lx_date_today ();
  job->progress_span = 1.0;

  until = lx_date_add_days (options->period.to, 1);
  if (until == NULL)
    {
      g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_PERIOD, _("The period is not valid"));
      return FALSE;
    }
  g_strlcpy (job->until, until, sizeof job->until);
  memcpy (job->year_from, options->period.to, 4);
  memcpy (job->year_from + 4, "-01-01", 7);

  job->unit_name = query_text (store, "SELECT name FROM organization WHERE parent_id IS NULL "
                                      "AND ?1 IS NULL ORDER BY position, id LIMIT 1", 0);
  if (job->unit_name == NULL)
    job->unit_name = g_strdup (_("Lianxin"));
  if (options->org_id > 0)
    {
      job->scope_name = query_text (store, "SELECT name FROM organization WHERE id = ?1",
                                    options->org_id);
      if (job->scope_name == NULL)
        {
          g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_ORG,
                       _("There is no organization with the number %d"), (int)options->org_id);
          return FALSE;
        }
    }
  job->period_label = lx_period_dup_label (&options->period);
  if (workbook != NULL)
    add_formats (job);
  return TRUE;
}

void
lx_export_job_clear (LxExportJob *job)
{
  g_clear_pointer (&job->today, g_free);
  g_clear_pointer (&job->unit_name, g_free);
  g_clear_pointer (&job->scope_name, g_free);
  g_clear_pointer (&job->period_label, g_free);
}

void
lx_export_job_progress (LxExportJob *job,
                        double       fraction)
{
  if (job->progress != NULL)
    job->progress (job->progress_base + CLAMP (fraction, 0.0, 1.0) * job->progress_span,
                   job->progress_data);
}

gboolean
lx_export_job_cancelled (LxExportJob  *job,
                         GError      **error)
{
  return g_cancellable_set_error_if_cancelled (job->cancellable, error);
}

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            const char   *value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
}

/**
 * lx_export_prepare:
 * @cumulative: bind :from to the first day of the year instead of the
 *   period's first day
 *
 * Prepares @sql (cached) and binds the scope parameters it names.
 */
sqlite3_stmt *
lx_export_prepare (LxExportJob  *job,
                   const char   *sql,
                   gboolean      cumulative,
                   GError      **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (job->store, sql, error);
  int i;

  if (stmt == NULL)
    return NULL;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if ((i = sqlite3_bind_parameter_index (stmt, ":org")) > 0)
    sqlite3_bind_int64 (stmt, i, job->options->org_id);
  bind_named (stmt, ":from", cumulative ? job->year_from : job->options->period.from);
  bind_named (stmt, ":until", job->until);
  bind_named (stmt, ":today", job->today);
  bind_named (stmt, ":year_from", job->year_from);
  return stmt;
}

gint64
lx_export_query_count (LxExportJob  *job,
                       const char   *sql,
                       gboolean      cumulative,
                       GError      **error)
{
  sqlite3_stmt *stmt = lx_export_prepare (job, sql, cumulative, error);
  gint64 n;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lx_store_set_error (job->store, error, _("Cannot read the data for the workbook"));
      sqlite3_reset (stmt);
      return -1;
    }
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Excel's column unit is about one Latin character; a CJK character takes two. */
int
lx_display_width (const char *text)
{
  int width = 0;

  for (const guchar *p = (const guchar *)text; *p; )
    {
      if (*p < 0x80)
        {
          width++;
          p++;
          continue;
        }
      width += g_unichar_iswide (g_utf8_get_char ((const char *)p)) ? 2 : 1;
      p = (const guchar *)g_utf8_next_char (p);
    }
  return width;
}

static int
digits (const char *s,
        int         n)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      v = v * 10 + (s[i] - '0');
    }
  return v;
}

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]" (a space for the T too). */
gboolean
lx_iso_to_datetime (const char   *iso,
                    lxw_datetime *out)
{
  size_t len = strlen (iso);

  memset (out, 0, sizeof *out);
  if (len < 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  out->year = digits (iso, 4);
  out->month = digits (iso + 5, 2);
  out->day = digits (iso + 8, 2);
  if (out->year < 1900 || out->month < 1 || out->month > 12 || out->day < 1 || out->day > 31)
    return FALSE;
  if (len >= 16 && (iso[10] == 'T' || iso[10] == ' ') && iso[13] == ':')
    {
      out->hour = MAX (0, digits (iso + 11, 2));
      out->min = MAX (0, digits (iso + 14, 2));
      if (len >= 19 && iso[16] == ':')
        out->sec = MAX (0, digits (iso + 17, 2));
    }
  return TRUE;
}

lxw_worksheet *
lx_export_add_sheet (LxExportJob  *job,
                     const char   *name,
                     GError      **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (job->workbook, name);

  if (ws == NULL)
    g_set_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_WRITE,
                 _("Cannot add the sheet “%s” to the workbook"), name);
  return ws;
}

/* A4 landscape, one page wide, the title and header rows on every page. */
void
lx_sheet_print_setup (LxExportJob   *job,
                      lxw_worksheet *ws,
                      lxw_row_t      repeat_last)
{
  g_autofree char *footer = g_strdup_printf ("&C%s", _("Page &P of &N"));

  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_center_horizontally (ws);
  worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  worksheet_repeat_rows (ws, 0, repeat_last);
  worksheet_set_footer (ws, footer);
}

static char *
subtitle_text (LxExportJob *job)
{
  g_autofree char *unit = job->scope_name
    ? g_strdup_printf ("%s · %s", job->unit_name, job->scope_name)
    : g_strdup (job->unit_name);

  /* Translators: the line under a sheet's title: unit, period, date made. */
  return g_strdup_printf (_("Unit: %s    Period: %s    Made on: %s"),
                          unit, job->period_label, job->today);
}

LxSheet *
lx_sheet_begin (LxExportJob     *job,
                const char      *name,
                const LxColumn  *columns,
                int              n_columns,
                gint64           expected,
                GError         **error)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = subtitle_text (job);
  lxw_worksheet *ws = lx_export_add_sheet (job, name, error);
  LxSheet *sheet;

  if (ws == NULL)
    return NULL;
  sheet = g_new0 (LxSheet, 1);
  sheet->job = job;
  sheet->ws = ws;
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->widths = g_new0 (int, n_columns + 1);
  sheet->expected = expected;

  /* Translators: a sheet's title: the unit and the ledger, 某某党委走访台账. */
  title = g_strdup_printf (_("%s — %s"), job->unit_name, name);
  worksheet_set_row (ws, TITLE_ROW, 30, NULL);
  worksheet_merge_range (ws, TITLE_ROW, 0, TITLE_ROW, n_columns, title, job->f_title);
  worksheet_merge_range (ws, SUBTITLE_ROW, 0, SUBTITLE_ROW, n_columns, subtitle, job->f_subtitle);

  worksheet_write_string (ws, HEADER_ROW, 0, _("No."), job->f_header);
  sheet->widths[0] = MAX (lx_display_width (_("No.")), 6);
  for (int c = 0; c < n_columns; c++)
    {
      const char *text = _(columns[c].title);

      worksheet_write_string (ws, HEADER_ROW, c + 1, text, job->f_header);
      sheet->widths[c + 1] = MIN (lx_display_width (text), MAX_WIDTH);
    }
  sheet->row = sheet->first_data_row = HEADER_ROW + 1;
  return sheet;
}

static void
grow (LxSheet *sheet,
      int      col,
      int      width)
{
  if (width > sheet->widths[col])
    sheet->widths[col] = width;
}

static void
write_text (LxSheet    *sheet,
            int         col,
            const char *text,
            LxCellKind  kind)
{
  worksheet_write_string (sheet->ws, sheet->row, col, text, sheet->job->f_cell[kind]);
  if (sheet->widths[col] < MAX_WIDTH)
    grow (sheet, col, lx_display_width (text));
}

static void
write_masked (LxSheet    *sheet,
              int         col,
              const char *text,
              LxCellKind  kind)
{
  g_autofree char *masked = NULL;

  if (!sheet->job->options->unmasked)
    text = masked = kind == LX_CELL_PHONE ? lx_mask_phone (text) : lx_mask_id_number (text);
  write_text (sheet, col, text, kind);
}

static void
write_date (LxSheet    *sheet,
            int         col,
            const char *text,
            LxCellKind  kind)
{
  lxw_datetime dt;

  if (!lx_iso_to_datetime (text, &dt))
    {
      write_text (sheet, col, text, LX_CELL_TEXT);
      return;
    }
  if (kind == LX_CELL_DATE)
    dt.hour = dt.min = 0, dt.sec = 0;
  worksheet_write_datetime (sheet->ws, sheet->row, col, &dt, sheet->job->f_cell[kind]);
  grow (sheet, col, kind == LX_CELL_DATE ? 10 : 16);
}

/* Writes column @index of the current row of @stmt into sheet column @col
 * (0 is the first data column; the running number comes before it). */
void
lx_sheet_cell (LxSheet      *sheet,
               int           col,
               sqlite3_stmt *stmt,
               int           index)
{
  LxCellKind kind = sheet->columns[col].kind;
  int type = sqlite3_column_type (stmt, index);
  const char *text;

  col++;
  if (type == SQLITE_NULL)
    {
      worksheet_write_blank (sheet->ws, sheet->row, col, sheet->job->f_cell[kind]);
      return;
    }
  switch (kind)
    {
    case LX_CELL_NUMBER:
    case LX_CELL_DECIMAL:
    case LX_CELL_PERCENT:
      worksheet_write_number (sheet->ws, sheet->row, col, sqlite3_column_double (stmt, index),
                              sheet->job->f_cell[kind]);
      grow (sheet, col, 8);
      return;
    default:
      break;
    }
  text = (const char *)sqlite3_column_text (stmt, index);
  switch (kind)
    {
    case LX_CELL_DATE:
    case LX_CELL_MOMENT:
      write_date (sheet, col, text, kind);
      break;
    case LX_CELL_PHONE:
    case LX_CELL_ID_NUMBER:
      write_masked (sheet, col, text, kind);
      break;
    default:
      write_text (sheet, col, text, kind);
      break;
    }
}

gboolean
lx_sheet_end_row (LxSheet  *sheet,
                  GError  **error)
{
  worksheet_write_number (sheet->ws, sheet->row, 0, (double)(sheet->n_rows + 1),
                          sheet->job->f_cell[LX_CELL_NUMBER]);
  sheet->row++;
  sheet->n_rows++;
  if (sheet->n_rows % CHECK_EVERY == 0)
    {
      if (lx_export_job_cancelled (sheet->job, error))
        return FALSE;
      if (sheet->expected > 0)
        lx_export_job_progress (sheet->job, (double)sheet->n_rows / (double)sheet->expected);
    }
  return TRUE;
}

/* In constant-memory mode cells go out row by row, but the column widths,
 * panes, filter and print setup are written when the workbook closes, so
 * they can follow the data. */
gboolean
lx_sheet_finish (LxSheet  *sheet,
                 GError  **error)
{
  lxw_row_t last = sheet->row > sheet->first_data_row ? sheet->row - 1 : HEADER_ROW;

  worksheet_set_column (sheet->ws, 0, 0, sheet->widths[0] + 1, NULL);
  for (int c = 0; c < sheet->n_columns; c++)
    {
      int w = sheet->widths[c + 1];

      if (sheet->columns[c].kind == LX_CELL_LONG_TEXT)
        w = MIN (w, LONG_WIDTH);
      worksheet_set_column (sheet->ws, c + 1, c + 1, MIN (w, MAX_WIDTH) + 2, NULL);
    }
  worksheet_freeze_panes (sheet->ws, HEADER_ROW + 1, 0);
  worksheet_autofilter (sheet->ws, HEADER_ROW, 0, last, sheet->n_columns);
  lx_sheet_print_setup (sheet->job, sheet->ws, HEADER_ROW);
  lx_export_job_progress (sheet->job, 1.0);
  return !lx_export_job_cancelled (sheet->job, error);
}

void
lx_sheet_free (LxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->widths);
  g_free (sheet);
}

/* One row per result row, its columns in the order of the sheet's. */
gboolean
lx_sheet_write_query (LxSheet       *sheet,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sheet->n_columns; c++)
        lx_sheet_cell (sheet, c, stmt, c);
      if (!lx_sheet_end_row (sheet, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (sheet->job->store, error, _("Cannot read the data for the workbook"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}
