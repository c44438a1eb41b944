/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-report"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <gio/gio.h>

#include "lx-chart-private.h"
#include "lx-date.h"
#include "lx-report.h"

/* A4 in points. */
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 48.0

/* Charts --------------------------------------------------------------------- */

LxChart *
lx_report_coverage_chart (const LxOverview *ov)
{
  LxChart *chart = lx_chart_new (LX_CHART_PROGRESS_RINGS, _("Visit Coverage"));
  double values[] = { ov->visits.coverage, ov->visits.needy_coverage };

  lx_chart_add_category (chart, _("All households"));
  lx_chart_add_category (chart, _("Needy households"));
  lx_chart_add_series (chart, NULL, values, G_N_ELEMENTS (values));
  return chart;
}

LxChart *
lx_report_monthly_chart (const LxOverview *ov)
{
  LxChart *chart = lx_chart_new (LX_CHART_BARS, _("Visits per Month"));
  double home[12], field[12];

  for (int m = 0; m < 12; m++)
    {
      lx_chart_add_category (chart, lx_chart_month_name (m + 1));
      home[m] = (double)ov->home_per_month[m];
      field[m] = (double)ov->field_per_month[m];
    }
  lx_chart_add_series (chart, _("Home visits"), home, 12);
  lx_chart_add_series (chart, _("Field visits"), field, 12);
  return chart;
}

LxChart *
lx_report_appeals_chart (const LxOverview *ov)
{
  LxChart *chart = lx_chart_new (LX_CHART_HORIZONTAL_BARS, _("This Year’s Appeals by Outcome"));
  double values[] = { (double)ov->appeals_resolved, (double)ov->appeals_responded,
                      (double)ov->appeals_escalated, (double)ov->appeals_open,
                      (double)ov->appeals_overdue };

  lx_chart_add_category (chart, _("Resolved"));
  lx_chart_add_category (chart, _("Responded, hard to solve for now"));
  lx_chart_add_category (chart, _("Escalated upward"));
  lx_chart_add_category (chart, _("Still open"));
  lx_chart_add_category (chart, _("Of them overdue"));
  lx_chart_add_series (chart, NULL, values, G_N_ELEMENTS (values));
  return chart;
}

LxChart *
lx_report_satisfaction_chart (const LxOverview *ov)
{
  LxChart *chart = lx_chart_new (LX_CHART_DONUT, _("Follow-up Satisfaction"));
  double values[LX_N_GRADES];

  lx_chart_add_category (chart, _("Satisfied"));
  lx_chart_add_category (chart, _("Fairly satisfied"));
  lx_chart_add_category (chart, _("Basically satisfied"));
  lx_chart_add_category (chart, _("Dissatisfied"));
  for (int g = 0; g < LX_N_GRADES; g++)
    values[g] = (double)ov->followup_grades[g];
  lx_chart_add_series (chart, NULL, values, LX_N_GRADES);
  lx_chart_set_centre_label (chart, _("follow-ups"));
  return chart;
}

LxChart *
lx_report_calendar_chart (int     year,
                          GArray *per_day)
{
  g_autofree char *title = g_strdup_printf (_("Visits per Day in %d"), year);
  LxChart *chart = lx_chart_new (LX_CHART_CALENDAR, title);

  lx_chart_set_calendar (chart, year, per_day ? (const double *)(void *)per_day->data : NULL,
                         per_day ? per_day->len : 0);
  return chart;
}

/* The PDF ------------------------------------------------------------------------ */

typedef struct
{
  const char *label;
  char       *value;
} Row;

static char *
share (gint64 part,
       gint64 whole)
{
  /* Translators: a count out of a total with its share, "612 / 842（72.7%）" */
  return g_strdup_printf (_("%d / %d (%.1f%%)"), (int)part, (int)whole,
                          whole > 0 ? 100.0 * part / whole : 0.0);
}

static char *
number (gint64 n)
{
  return g_strdup_printf ("%d", (int)n);
}

/* "—" when nobody graded: 0 % would read as everyone dissatisfied. */
static char *
satisfaction_text (const gint64 *grades)
{
  gint64 total = 0;

  for (int g = 0; g < LX_N_GRADES; g++)
    total += grades[g];
  if (total == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100 * lx_overview_satisfaction (grades));
}

static GArray *
indicator_rows (const LxOverview *ov)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Row r[] = {
    { _("Households"), number (ov->visits.households) },
    { _("Visit coverage, all households"), share (ov->visits.households_visited, ov->visits.households) },
    { _("Visit coverage, needy households"), share (ov->visits.needy_visited, ov->visits.needy_households) },
    { _("Home visits"), number (ov->visits.home_visits) },
    { _("Field visits to contact points"), number (ov->visits.field_visits) },
    { _("Reception days held"), number (ov->reception_days) },
    { _("Appeals received"), number (ov->appeals_received) },
    { _("Appeals resolved"), share (ov->appeals_resolved, ov->appeals_received) },
    { _("Appeals responded"), share (ov->appeals_responded, ov->appeals_received) },
    { _("Appeals overdue"), number (ov->appeals_overdue) },
    { _("Average days to close"), ov->average_days_to_close < 0 ? g_strdup ("—")
                                  : g_strdup_printf ("%.1f", ov->average_days_to_close) },
    { _("Follow-up satisfaction"), satisfaction_text (ov->followup_grades) },
    { _("Satisfaction in the evaluation ballots"), satisfaction_text (ov->ballot_grades) },
    { _("Households past their visit rule"), number (ov->households_overdue) },
    { _("Members behind the pairing quota"), number (ov->members_behind_quota) },
  };

  g_array_append_vals (rows, r, G_N_ELEMENTS (r));
  return rows;
}

/* A table with a header row; returns the y below it. */
static double
draw_table (LxChart            *text,
            cairo_t            *cr,
            double              y,
            const char * const *header,
            guint               n_cols,
            const double       *widths,
            GPtrArray          *cells)
{
  double row_h = 20, x;

  for (guint r = 0; r <= cells->len / n_cols; r++)
    {
      const char * const *row = r == 0 ? header : (const char * const *)&cells->pdata[(r - 1) * n_cols];

      if (r == 0 || r % 2 == 0)
        {
          cairo_set_source_rgb (cr, r == 0 ? 0.86 : 0.95, r == 0 ? 0.89 : 0.95, r == 0 ? 0.94 : 0.95);
          cairo_rectangle (cr, MARGIN, y, PAGE_W - 2 * MARGIN, row_h);
          cairo_fill (cr);
        }
      x = MARGIN + 6;
      for (guint c = 0; c < n_cols; c++)
        {
          lx_chart_text (text, cr, row[c], LX_CHART_SMALL_SIZE, r == 0 ? LX_TEXT_BOLD : LX_TEXT_NORMAL,
                         c == 0 ? x : x + widths[c] - 12, y + row_h / 2, c == 0 ? 0 : 1, 0.5,
                         widths[c] - 12);
          x += widths[c];
        }
      y += row_h;
    }
  return y;
}

static double
indicators_page (LxChart          *text,
                 cairo_t          *cr,
                 const LxOverview *ov,
                 double            y)
{
  g_autoptr(GArray) rows = indicator_rows (ov);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  const char *header[] = { _("Indicator"), _("Value") };
  double widths[] = { (PAGE_W - 2 * MARGIN) * 0.62, (PAGE_W - 2 * MARGIN) * 0.38 };

  for (guint i = 0; i < rows->len; i++)
    {
      g_ptr_array_add (cells, (gpointer)g_array_index (rows, Row, i).label);
      g_ptr_array_add (cells, g_array_index (rows, Row, i).value);
    }
  y = draw_table (text, cr, y, header, 2, widths, cells);
  for (guint i = 0; i < rows->len; i++)
    g_free (g_array_index (rows, Row, i).value);
  return y;
}

static double
monthly_table (LxChart          *text,
               cairo_t          *cr,
               const LxOverview *ov,
               double            y)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *header[] = { _("Month"), _("Home visits"), _("Field visits") };
  double w = PAGE_W - 2 * MARGIN;
  double widths[] = { w * 0.4, w * 0.3, w * 0.3 };
  gint64 home = 0, field = 0;

  for (int m = 0; m < 12; m++)
    {
      g_ptr_array_add (cells, g_strdup (lx_chart_month_name (m + 1)));
      g_ptr_array_add (cells, number (ov->home_per_month[m]));
      g_ptr_array_add (cells, number (ov->field_per_month[m]));
      home += ov->home_per_month[m];
      field += ov->field_per_month[m];
    }
  g_ptr_array_add (cells, g_strdup (_("Total")));
  g_ptr_array_add (cells, number (home));
  g_ptr_array_add (cells, number (field));
  return draw_table (text, cr, y, header, 3, widths, cells);
}

static void
draw_chart (LxChart *chart,
            cairo_t *cr,
            double   y,
            double   height)
{
  lx_chart_draw (chart, cr, MARGIN - LX_CHART_PAD, y, PAGE_W - 2 * MARGIN + 2 * LX_CHART_PAD, height);
}

static double
page_heading (LxChart    *text,
              cairo_t    *cr,
              const char *heading,
              const char *sub)
{
  lx_chart_text (text, cr, heading, 20, LX_TEXT_BOLD, MARGIN, MARGIN, 0, 0, PAGE_W - 2 * MARGIN);
  if (sub != NULL)
    lx_chart_text (text, cr, sub, LX_CHART_TEXT_SIZE, LX_TEXT_DIM, MARGIN, MARGIN + 30, 0, 0,
                   PAGE_W - 2 * MARGIN);
  return MARGIN + (sub ? 56 : 36);
}

static char *
unit_name (LxStore *store)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT name FROM organization "
                                                "WHERE parent_id IS NULL ORDER BY position, id LIMIT 1", NULL);
  char *name = NULL;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    name = lx_column_dup (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return name;
}

static void
draw_report (cairo_t          *cr,
             LxStore          *store,
             const LxOverview *ov,
             GArray           *per_day,
             int               year,
             const char       *today)
{
  g_autoptr(LxChart) text = lx_chart_new (LX_CHART_BARS, NULL);
  g_autoptr(LxChart) coverage = lx_report_coverage_chart (ov);
  g_autoptr(LxChart) monthly = lx_report_monthly_chart (ov);
  g_autoptr(LxChart) appeals = lx_report_appeals_chart (ov);
  g_autoptr(LxChart) satisfaction = lx_report_satisfaction_chart (ov);
  g_autoptr(LxChart) calendar = lx_report_calendar_chart (year, per_day);
  g_autofree char *unit = unit_name (store);
  /* Translators: the annual report's title, "2026年联系服务群众工作年度报告" */
  g_autofree char *title = g_strdup_printf (_("Serving the Masses: Annual Report %d"), year);
  /* Translators: under the report's title: the unit and the date, "某某党委 · 截至 2026-11-26" */
  g_autofree char *sub = g_strdup_printf (_("%s · as of %s"), unit ? unit : "", today);
  double y;

  y = page_heading (text, cr, title, sub);
  y = indicators_page (text, cr, ov, y) + 16;
  draw_chart (coverage, cr, y, PAGE_H - MARGIN - y);
  cairo_show_page (cr);

  y = page_heading (text, cr, _("Visits"), NULL);
  draw_chart (monthly, cr, y, 270);
  draw_chart (calendar, cr, y + 280, 190);
  y = monthly_table (text, cr, ov, y + 480);
  cairo_show_page (cr);

  y = page_heading (text, cr, _("Appeals and Satisfaction"), NULL);
  draw_chart (appeals, cr, y, 250);
  draw_chart (satisfaction, cr, y + 270, 260);
  cairo_show_page (cr);
}

/**
 * lx_report_write_pdf:
 * @today: (nullable): ISO date; NULL for lx_date_today()
 *
 * Writes the annual report of @year as an A4 PDF.
 */
gboolean
lx_report_write_pdf (LxStore     *store,
                     int          year,
                     const char  *today,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *real_today = NULL;
  g_autoptr(GArray) per_day = NULL;
  LxOverview ov;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (today == NULL)
    today = real_today = lx_date_today ();
  if (!lx_overview_compute (store, year, today, &ov, error) ||
      (per_day = lx_overview_visits_per_day (store, year, error)) == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cr = cairo_create (surface);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    draw_report (cr, store, &ov, per_day, year, today);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the report to “%s”: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
