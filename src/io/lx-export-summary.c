/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lx-export-private.h"

/* The first sheet: a 联系服务群众工作统计表 — indicator rows with this
 * period's figure and the figure since 1 January, both from SQL — and two
 * native charts over small tables under it. */

#define HOUSEHOLDS "FROM household h WHERE h.id IN scope_household"

#define VISITED(h) \
  "EXISTS (SELECT 1 FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id " \
  " WHERE vh.household_id = " h " AND v.kind = 'home' " \
  "   AND v.happened_at >= :from AND v.happened_at < :until)"

#define VISITS(kind) \
  "FROM visit v WHERE v.kind = '" kind "' AND v.happened_at >= :from " \
  " AND v.happened_at < :until AND " LX_EXPORT_VISIT_IN_SCOPE ("v")

#define APPEAL_IN_SCOPE \
  "(:org = 0 OR a.assignee_id IN scope_member OR a.household_id IN scope_household)"

#define STEPS(status) \
  "SELECT count(DISTINCT st.appeal_id) FROM appeal_step st JOIN appeal a ON a.id = st.appeal_id " \
  " WHERE st.to_status = '" status "' AND st.at >= :from AND st.at < :until AND " APPEAL_IN_SCOPE

#define ACTIVITIES \
  "FROM volunteer_activity va WHERE va.happened_on >= :from AND va.happened_on < :until " \
  " AND (:org = 0 OR EXISTS (SELECT 1 FROM volunteer_activity_member am " \
  "   WHERE am.activity_id = va.id AND am.member_id IN scope_member))"

typedef struct
{
  const char *label;
  const char *unit;
  LxCellKind  kind;
  const char *sql;   /* after LX_EXPORT_SCOPE; one value */
} Indicator;

static const Indicator indicators[] = {
  { N_("Households"), N_("households"), LX_CELL_NUMBER, "SELECT count(*) " HOUSEHOLDS },
  { N_("  of which needy households"), N_("households"), LX_CELL_NUMBER,
    "SELECT count(*) " HOUSEHOLDS " AND h.needy = 1" },
  { N_("Households visited at home"), N_("households"), LX_CELL_NUMBER,
    "SELECT count(*) " HOUSEHOLDS " AND " VISITED ("h.id") },
  { N_("Visit coverage"), "%", LX_CELL_PERCENT,
    "SELECT coalesce (avg (" VISITED ("h.id") "), 0) " HOUSEHOLDS },
  { N_("Needy households visited"), N_("households"), LX_CELL_NUMBER,
    "SELECT count(*) " HOUSEHOLDS " AND h.needy = 1 AND " VISITED ("h.id") },
  { N_("Needy visit coverage"), "%", LX_CELL_PERCENT,
    "SELECT coalesce (avg (" VISITED ("h.id") "), 0) " HOUSEHOLDS " AND h.needy = 1" },
  { N_("Home visits"), N_("times"), LX_CELL_NUMBER, "SELECT count(*) " VISITS ("home") },
  { N_("Phone calls"), N_("times"), LX_CELL_NUMBER, "SELECT count(*) " VISITS ("phone") },
  { N_("Field visits to contact points"), N_("times"), LX_CELL_NUMBER,
    "SELECT count(*) " VISITS ("field") },
  { N_("Receptions"), N_("people"), LX_CELL_NUMBER, "SELECT count(*) " VISITS ("reception") },
  { N_("Reception days held"), N_("days"), LX_CELL_NUMBER,
    "SELECT count(DISTINCT substr (v.happened_at, 1, 10)) " VISITS ("reception") },
  { N_("Appeals received"), N_("cases"), LX_CELL_NUMBER,
    "SELECT count(*) FROM appeal a WHERE a.received_on >= :from AND a.received_on < :until "
    " AND " APPEAL_IN_SCOPE },
  { N_("Appeals resolved"), N_("cases"), LX_CELL_NUMBER, STEPS ("resolved") },
  { N_("Appeals responded to"), N_("cases"), LX_CELL_NUMBER, STEPS ("responded") },
  { N_("Appeals escalated upward"), N_("cases"), LX_CELL_NUMBER, STEPS ("escalated") },
  { N_("Appeals closed after follow-up"), N_("cases"), LX_CELL_NUMBER, STEPS ("closed") },
  { N_("Appeals overdue"), N_("cases"), LX_CELL_NUMBER,
    "SELECT count(*) FROM appeal a WHERE a.received_on >= :from AND a.received_on < :until "
    " AND a.status IN ('received', 'in_progress') AND a.deadline < :today AND " APPEAL_IN_SCOPE },
  { N_("Member–household pairings"), N_("pairs"), LX_CELL_NUMBER,
    "SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id "
    " AND h.deleted_at IS NULL WHERE p.start_on < :until "
    " AND (p.end_on IS NULL OR p.end_on >= :until) AND p.member_id IN scope_member" },
  { N_("Volunteer activities"), N_("times"), LX_CELL_NUMBER, "SELECT count(*) " ACTIVITIES },
  { N_("Volunteer service hours"), N_("hours"), LX_CELL_DECIMAL,
    "SELECT coalesce (sum (va.hours), 0) " ACTIVITIES },
  { N_("Households served by volunteers"), N_("households"), LX_CELL_NUMBER,
    "SELECT coalesce (sum (va.households_served), 0) " ACTIVITIES },
};

#define FIRST_ROW  4   /* of the indicators */
#define N_COLUMNS  4

static gboolean
query_value (LxExportJob  *job,
             const char   *sql,
             gboolean      cumulative,
             double       *out,
             GError      **error)
{
  g_autofree char *full = g_strconcat (LX_EXPORT_SCOPE, sql, NULL);
  sqlite3_stmt *stmt = lx_export_prepare (job, full, cumulative, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lx_store_set_error (job->store, error, _("Cannot compute the summary"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
write_heading (LxExportJob   *job,
               lxw_worksheet *ws,
               int           *widths)
{
  const char *privacy = job->options->unmasked
    ? _("This workbook contains full phone and ID numbers: keep it within the organization.")
    : _("Phone and ID numbers are masked (138****1234, 110101********1234).");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *unit = job->scope_name
    ? g_strdup_printf ("%s · %s", job->unit_name, job->scope_name)
    : g_strdup (job->unit_name);
  const char *headers[N_COLUMNS] = {
    _("Indicator"), _("Unit"), _("This period"), _("Since 1 January"),
  };

  /* Translators: the title of the summary sheet, after the unit's name. */
  title = g_strdup_printf (_("%s — Statistics of Contacting and Serving the Masses"), unit);
  subtitle = g_strdup_printf (_("Period: %s    Made on: %s"), job->period_label, job->today);
  worksheet_set_row (ws, 0, 30, NULL);
  worksheet_merge_range (ws, 0, 0, 0, N_COLUMNS - 1, title, job->f_title);
  worksheet_merge_range (ws, 1, 0, 1, N_COLUMNS - 1, subtitle, job->f_subtitle);
  worksheet_merge_range (ws, 2, 0, 2, N_COLUMNS - 1, privacy, job->f_note);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      worksheet_write_string (ws, 3, c, headers[c], job->f_header);
      widths[c] = MAX (widths[c], lx_display_width (headers[c]));
    }
}

static gboolean
write_indicators (LxExportJob   *job,
                  lxw_worksheet *ws,
                  int           *widths,
                  GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    {
      const Indicator *ind = &indicators[i];
      lxw_format *f = job->f_cell[ind->kind];
      const char *label = _(ind->label);
      const char *unit = ind->unit[0] == '%' ? "%" : _(ind->unit);
      double now, cumulative;

      if (!query_value (job, ind->sql, FALSE, &now, error) ||
          !query_value (job, ind->sql, TRUE, &cumulative, error))
        return FALSE;
      worksheet_write_string (ws, FIRST_ROW + i, 0, label, job->f_label);
      worksheet_write_string (ws, FIRST_ROW + i, 1, unit, job->f_cell[LX_CELL_TEXT]);
      worksheet_write_number (ws, FIRST_ROW + i, 2, now, f);
      worksheet_write_number (ws, FIRST_ROW + i, 3, cumulative, f);
      widths[0] = MAX (widths[0], lx_display_width (label));
      widths[1] = MAX (widths[1], lx_display_width (unit));
      lx_export_job_progress (job, 0.8 * (i + 1) / G_N_ELEMENTS (indicators));
      if (lx_export_job_cancelled (job, error))
        return FALSE;
    }
  return TRUE;
}

/* The months the column chart shows: the year so far, or the whole period
 * when it starts earlier (at most three years). */
static GPtrArray *
chart_months (LxExportJob *job)
{
  const char *start = strcmp (job->options->period.from, job->year_from) < 0
                      ? job->options->period.from : job->year_from;
  GPtrArray *months = g_ptr_array_new_with_free_func (g_free);
  int y = atoi (start), m = atoi (start + 5);
  int end_y = atoi (job->options->period.to), end_m = atoi (job->options->period.to + 5);

  if (end_y * 12 + end_m - (y * 12 + m) >= 36)
    {
      int first = end_y * 12 + end_m - 36;
      y = first / 12;
      m = first % 12 + 1;
    }
  for (; y * 12 + m <= end_y * 12 + end_m; m == 12 ? (y++, m = 1) : m++)
    g_ptr_array_add (months, g_strdup_printf ("%04d-%02d", y, m));
  return months;
}

#define MONTH_SQL \
  LX_EXPORT_SCOPE \
  "SELECT coalesce (sum (v.kind = 'home'), 0), coalesce (sum (v.kind = 'field'), 0), " \
  " coalesce (sum (v.kind = 'reception'), 0) FROM visit v " \
  "WHERE substr (v.happened_at, 1, 7) = :month AND " LX_EXPORT_VISIT_IN_SCOPE ("v")

static gboolean
write_month_table (LxExportJob   *job,
                   lxw_worksheet *ws,
                   lxw_row_t      row,
                   GPtrArray     *months,
                   GError       **error)
{
  const char *headers[N_COLUMNS] = { _("Month"), _("Home visits"), _("Field visits"),
                                     _("Receptions") };

  worksheet_write_string (ws, row, 0, _("Visits by month"), job->f_header);
  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_write_string (ws, row + 1, c, headers[c], job->f_header);
  for (guint i = 0; i < months->len; i++)
    {
      sqlite3_stmt *stmt = lx_export_prepare (job, MONTH_SQL, FALSE, error);
      lxw_row_t r = row + 2 + i;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":month"),
                         g_ptr_array_index (months, i), -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          lx_store_set_error (job->store, error, _("Cannot compute the summary"));
          sqlite3_reset (stmt);
          return FALSE;
        }
      worksheet_write_string (ws, r, 0, g_ptr_array_index (months, i), job->f_cell[LX_CELL_TEXT]);
      for (int c = 0; c < 3; c++)
        worksheet_write_number (ws, r, c + 1, sqlite3_column_double (stmt, c),
                                job->f_cell[LX_CELL_NUMBER]);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

#define STATUS_SQL \
  LX_EXPORT_SCOPE \
  "SELECT s.code, (SELECT count(*) FROM appeal a WHERE a.status = s.code " \
  "  AND a.received_on >= :from AND a.received_on < :until AND " APPEAL_IN_SCOPE ") " \
  "FROM (SELECT 'received' AS code, 1 AS n UNION ALL SELECT 'in_progress', 2 " \
  "  UNION ALL SELECT 'resolved', 3 UNION ALL SELECT 'responded', 4 " \
  "  UNION ALL SELECT 'escalated', 5 UNION ALL SELECT 'closed', 6) s ORDER BY s.n"

static gboolean
write_status_table (LxExportJob   *job,
                    lxw_worksheet *ws,
                    lxw_row_t      row,
                    GError       **error)
{
  sqlite3_stmt *stmt = lx_export_prepare (job, STATUS_SQL, FALSE, error);
  lxw_row_t r = row + 2;

  if (stmt == NULL)
    return FALSE;
  worksheet_write_string (ws, row, 0, _("Appeals of the period by status"), job->f_header);
  worksheet_write_string (ws, row + 1, 0, _("Status"), job->f_header);
  worksheet_write_string (ws, row + 1, 1, _("Appeals"), job->f_header);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *)sqlite3_column_text (stmt, 0);

      worksheet_write_string (ws, r, 0, lx_export_label ("status", code),
                              job->f_cell[LX_CELL_TEXT]);
      worksheet_write_number (ws, r++, 1, sqlite3_column_double (stmt, 1),
                              job->f_cell[LX_CELL_NUMBER]);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_series (lxw_chart  *chart,
            const char *sheet,
            lxw_row_t   first,
            lxw_row_t   last,
            lxw_col_t   col,
            lxw_row_t   name_row)
{
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

  chart_series_set_categories (series, sheet, first, 0, last, 0);
  chart_series_set_values (series, sheet, first, col, last, col);
  chart_series_set_name_range (series, sheet, name_row, col);
}

static void
insert_charts (LxExportJob   *job,
               lxw_worksheet *ws,
               const char    *sheet,
               lxw_row_t      month_row,
               guint          n_months,
               lxw_row_t      status_row)
{
  lxw_chart *columns = workbook_add_chart (job->workbook, LXW_CHART_COLUMN);
  lxw_chart *doughnut = workbook_add_chart (job->workbook, LXW_CHART_DOUGHNUT);
  lxw_chart_options where = { .x_offset = 10, .y_offset = 4, .x_scale = 1.25, .y_scale = 1.1 };
  lxw_chart_font font = { .size = 12, .bold = LXW_TRUE };

  for (lxw_col_t c = 1; c <= 3; c++)
    add_series (columns, sheet, month_row + 2, month_row + 1 + n_months, c, month_row + 1);
  chart_title_set_name (columns, _("Visits by month"));
  chart_title_set_name_font (columns, &font);
  chart_legend_set_position (columns, LXW_CHART_LEGEND_BOTTOM);
  chart_axis_set_num_format (columns->y_axis, "0");
  worksheet_insert_chart_opt (ws, 3, N_COLUMNS + 1, columns, &where);

  add_series (doughnut, sheet, status_row + 2, status_row + 7, 1, status_row + 1);
  chart_title_set_name (doughnut, _("Appeals of the period by status"));
  chart_title_set_name_font (doughnut, &font);
  chart_legend_set_position (doughnut, LXW_CHART_LEGEND_RIGHT);
  worksheet_insert_chart_opt (ws, 21, N_COLUMNS + 1, doughnut, &where);
}

gboolean
lx_export_summary (LxExportJob  *job,
                   GError      **error)
{
  const char *name = C_("sheet", "Summary");
  g_autoptr(GPtrArray) months = chart_months (job);
  lxw_worksheet *ws = lx_export_add_sheet (job, name, error);
  int widths[N_COLUMNS] = { 0, 4, 12, 12 };
  lxw_row_t month_row = FIRST_ROW + G_N_ELEMENTS (indicators) + 1;
  lxw_row_t status_row = month_row + 2 + months->len + 1;

  if (ws == NULL)
    return FALSE;
  write_heading (job, ws, widths);
  if (!write_indicators (job, ws, widths, error) ||
      !write_month_table (job, ws, month_row, months, error) ||
      !write_status_table (job, ws, status_row, error))
    return FALSE;
  insert_charts (job, ws, name, month_row, months->len, status_row);

  for (int c = 0; c < N_COLUMNS; c++)
    worksheet_set_column (ws, c, c, widths[c] + 3, NULL);
  worksheet_freeze_panes (ws, FIRST_ROW, 0);
  lx_sheet_print_setup (job, ws, FIRST_ROW - 1);
  worksheet_print_area (ws, 0, 0, MAX (status_row + 8, 40), N_COLUMNS + 10);
  lx_export_job_progress (job, 1.0);
  return TRUE;
}
