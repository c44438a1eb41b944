/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lx-chart-private.h"

/* A heat calendar of a year: one column per week (Monday first, as Chinese
 * calendars are printed), one cell per day coloured by its count. */

static const char * const month_names[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

const char *
lx_chart_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[month - 1]);
}

static int
days_in_year (int year)
{
  return g_date_is_leap_year ((GDateYear)year) ? 366 : 365;
}

static int
monday_offset (int year)
{
  g_autoptr(GDate) d = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear)year);

  return (int)g_date_get_weekday (d) - 1;   /* Monday 0 … Sunday 6 */
}

static double
max_count (LxChart *self)
{
  double max = 0;
  int n = days_in_year (self->year);

  for (int d = 0; d < n; d++)
    max = MAX (max, lx_chart_get_value (self, 0, d));
  return max;
}

/* Buckets are quarters of the year's busiest day, so that one busy day does
 * not wash out the rest: 0 none, 1 … 4 rising. */
int
lx_chart_calendar_bucket (LxChart *self,
                          double   count)
{
  double max;

  g_return_val_if_fail (self != NULL, 0);
  max = max_count (self);
  if (count <= 0 || max <= 0)
    return 0;
  return CLAMP ((int)ceil (4 * count / max - 1e-9), 1, LX_CHART_CALENDAR_BUCKETS - 1);
}

static void
cell_rect (LxChart     *self,
           int          day,
           LxChartRect *out)
{
  int index = day + self->cal_offset;
  double gap = MAX (1, round (self->cal_cell * 0.15));

  out->x = self->cal_x + (index / 7) * self->cal_cell;
  out->y = self->cal_y + (index % 7) * self->cal_cell;
  out->width = self->cal_cell - gap;
  out->height = self->cal_cell - gap;
}

gboolean
lx_chart_get_calendar_cell (LxChart     *self,
                            const char  *iso_date,
                            LxChartRect *out)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (self != NULL && iso_date != NULL && out != NULL, FALSE);
  if (!self->drawn || self->kind != LX_CHART_CALENDAR ||
      sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3 || y != self->year ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return FALSE;
  date = g_date_new_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);
  cell_rect (self, (int)g_date_get_day_of_year (date) - 1, out);
  return TRUE;
}

static void
draw_labels (LxChart *self,
             cairo_t *cr)
{
  /* Translators: weekday rows of the visit calendar; keep them short ("一") */
  const char *days[] = { C_("weekday", "Mon"), C_("weekday", "Wed"), C_("weekday", "Fri") };

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDate) first = g_date_new_dmy (1, (GDateMonth)m, (GDateYear)self->year);
      int index = (int)g_date_get_day_of_year (first) - 1 + self->cal_offset;
      /* The first full week of the month carries its name. */
      int col = (index + 6) / 7;

      lx_chart_text (self, cr, lx_chart_month_name (m),
                     LX_CHART_SMALL_SIZE, LX_TEXT_DIM, self->cal_x + col * self->cal_cell,
                     self->cal_y - 4, 0, 1, -1);
    }
  for (int i = 0; i < 3; i++)
    lx_chart_text (self, cr, days[i], LX_CHART_SMALL_SIZE, LX_TEXT_DIM, self->cal_x - 6,
                   self->cal_y + (2 * i + 0.5) * self->cal_cell, 1, 0.5, -1);
}

static void
draw_scale (LxChart *self,
            cairo_t *cr,
            double   right,
            double   y)
{
  const char *more = C_("calendar", "More"), *less = C_("calendar", "Less");
  double w, cell = MIN (self->cal_cell, 14), x;

  lx_chart_text_size (self, cr, more, LX_CHART_SMALL_SIZE, &w, NULL);
  x = right - w - 6 - LX_CHART_CALENDAR_BUCKETS * cell;
  lx_chart_text (self, cr, more, LX_CHART_SMALL_SIZE, LX_TEXT_DIM, right, y + cell / 2, 1, 0.5, -1);
  lx_chart_text (self, cr, less, LX_CHART_SMALL_SIZE, LX_TEXT_DIM, x - 6, y + cell / 2, 1, 0.5, -1);
  for (int b = 0; b < LX_CHART_CALENDAR_BUCKETS; b++)
    {
      lx_chart_set_source (cr, lx_chart_calendar_colour (self->theme, b));
      cairo_rectangle (cr, x + b * cell, y, cell - 2, cell - 2);
      cairo_fill (cr);
    }
}

void
lx_chart_draw_calendar (LxChart           *self,
                        cairo_t           *cr,
                        const LxChartRect *area)
{
  int n_days, cols;
  double text_h, left = 0, w;

  if (self->year <= 0)
    return;
  n_days = days_in_year (self->year);
  self->cal_offset = monday_offset (self->year);
  cols = (n_days + self->cal_offset + 6) / 7;

  lx_chart_text_size (self, cr, C_("weekday", "Mon"), LX_CHART_SMALL_SIZE, &w, &text_h);
  left = w;
  lx_chart_text_size (self, cr, C_("weekday", "Wed"), LX_CHART_SMALL_SIZE, &w, NULL);
  left = MAX (left, w);
  lx_chart_text_size (self, cr, C_("weekday", "Fri"), LX_CHART_SMALL_SIZE, &w, NULL);
  left = MAX (left, w) + 8;

  self->cal_cell = floor (MIN ((area->width - left) / cols,
                               (area->height - 2 * text_h - 16) / 7));
  self->cal_cell = MAX (self->cal_cell, 2);
  /* Centred: the cells are square, so a wide area leaves room at the sides. */
  self->cal_x = round (area->x + left + MAX (0, area->width - left - cols * self->cal_cell) / 2);
  self->cal_y = round (area->y + text_h + 6);
  self->plot = (LxChartRect) { self->cal_x, self->cal_y, cols * self->cal_cell, 7 * self->cal_cell };

  for (int d = 0; d < n_days; d++)
    {
      LxChartRect r;

      cell_rect (self, d, &r);
      lx_chart_set_source (cr, lx_chart_calendar_colour (self->theme,
                                                         lx_chart_calendar_bucket (self, lx_chart_get_value (self, 0, d))));
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill (cr);
    }
  draw_labels (self, cr);
  draw_scale (self, cr, self->plot.x + self->plot.width, self->plot.y + self->plot.height + 8);
}
