/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lx-chart-private.h"

/* Parts of a whole: the donut, and coverage as progress bars and rings. */

#define START_ANGLE (-G_PI / 2)   /* twelve o'clock, then clockwise */

static double
series_total (LxChart *self)
{
  double total = 0;

  for (guint c = 0; c < self->categories->len; c++)
    total += lx_chart_get_value (self, 0, c);
  return total;
}

static double
donut_legend (LxChart           *self,
              cairo_t           *cr,
              const LxChartRect *area,
              double             total,
              gboolean           measure)
{
  double line = LX_CHART_TEXT_SIZE * 1.7, width = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double v = lx_chart_get_value (self, 0, c), w;
      g_autofree char *value = lx_chart_format_value (self, v);
      /* Translators: a donut legend entry: name, value and share, "满意 62（62%）" */
      g_autofree char *text = g_strdup_printf (_("%s %s (%.0f%%)"),
                                               (const char *)g_ptr_array_index (self->categories, c),
                                               value, total > 0 ? 100 * v / total : 0.0);
      double y = area->y + c * line;

      if (measure)
        {
          lx_chart_text_size (self, cr, text, LX_CHART_TEXT_SIZE, &w, NULL);
          width = MAX (width, w + 18);
          continue;
        }
      lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, c));
      cairo_rectangle (cr, area->x, y + (line - 12) / 2, 12, 12);
      cairo_fill (cr);
      lx_chart_text (self, cr, text, LX_CHART_TEXT_SIZE, LX_TEXT_NORMAL,
                     area->x + 18, y + line / 2, 0, 0.5, area->width - 18);
    }
  return measure ? width : self->categories->len * line;
}

void
lx_chart_draw_donut (LxChart           *self,
                     cairo_t           *cr,
                     const LxChartRect *area)
{
  double total = series_total (self);
  double legend_w = donut_legend (self, cr, area, total, TRUE);
  double legend_h = self->categories->len * LX_CHART_TEXT_SIZE * 1.7;
  double angle = START_ANGLE, size;
  LxChartRect legend;
  g_autofree char *total_text = lx_chart_format_value (self, total);

  /* The legend beside the ring when there is room, under it otherwise. */
  if (area->width - legend_w - 24 >= MIN (area->height, 120))
    {
      size = MIN (area->width - legend_w - 24, area->height);
      self->donut_cx = area->x + size / 2;
      self->donut_cy = area->y + area->height / 2;
      legend = (LxChartRect) { area->x + size + 24, self->donut_cy - legend_h / 2, legend_w, legend_h };
    }
  else
    {
      size = MIN (area->width, area->height - legend_h - 10);
      self->donut_cx = area->x + area->width / 2;
      self->donut_cy = area->y + size / 2;
      legend = (LxChartRect) { area->x, area->y + size + 10, area->width, legend_h };
    }
  size = MAX (size, 20);
  self->donut_outer = size / 2;
  self->donut_inner = self->donut_outer * 0.62;
  self->plot = (LxChartRect) { self->donut_cx - size / 2, self->donut_cy - size / 2, size, size };

  for (guint c = 0; c < self->categories->len && total > 0; c++)
    {
      double sweep = 2 * G_PI * lx_chart_get_value (self, 0, c) / total;

      lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, c));
      cairo_new_path (cr);
      cairo_arc (cr, self->donut_cx, self->donut_cy, self->donut_outer, angle, angle + sweep);
      cairo_arc_negative (cr, self->donut_cx, self->donut_cy, self->donut_inner, angle + sweep, angle);
      cairo_close_path (cr);
      cairo_fill (cr);
      angle += sweep;
    }
  if (total <= 0)
    {
      lx_chart_set_source (cr, lx_chart_grid (self));
      cairo_arc (cr, self->donut_cx, self->donut_cy, self->donut_outer, 0, 2 * G_PI);
      cairo_arc_negative (cr, self->donut_cx, self->donut_cy, self->donut_inner, 2 * G_PI, 0);
      cairo_fill (cr);
    }

  lx_chart_text (self, cr, total_text, LX_CHART_TITLE_SIZE * 1.4, LX_TEXT_BOLD,
                 self->donut_cx, self->donut_cy, 0.5, self->centre_label ? 0.8 : 0.5,
                 self->donut_inner * 1.8);
  if (self->centre_label != NULL)
    lx_chart_text (self, cr, self->centre_label, LX_CHART_SMALL_SIZE, LX_TEXT_DIM,
                   self->donut_cx, self->donut_cy + 2, 0.5, 0, self->donut_inner * 1.7);
  donut_legend (self, cr, &legend, total, FALSE);
}

static char *
percent_text (double fraction)
{
  return g_strdup_printf ("%.1f%%", 100 * fraction);
}

static void
rounded_bar (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h)
{
  double r = MIN (h / 2, w / 2);

  if (w <= 0)
    return;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
lx_chart_draw_progress (LxChart           *self,
                        cairo_t           *cr,
                        const LxChartRect *area)
{
  guint n = MAX (1, self->categories->len);
  double label_w = 0, pct_w, row = MIN (area->height / n, 44), thick = MIN (row * 0.4, 14);

  for (guint c = 0; c < self->categories->len; c++)
    {
      double w;
      lx_chart_text_size (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_TEXT_SIZE, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, area->width * 0.4);
  lx_chart_text_size (self, cr, "100.0%", LX_CHART_TEXT_SIZE, &pct_w, NULL);
  self->plot = (LxChartRect) { round (area->x + label_w + 12), area->y,
                               round (area->width - label_w - 12 - pct_w - 10), n * row };
  self->axis_max = 1;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double f = CLAMP (lx_chart_get_value (self, 0, c), 0, 1);
      double cy = area->y + (c + 0.5) * row;
      g_autofree char *pct = percent_text (f);

      lx_chart_text (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_TEXT_SIZE,
                     LX_TEXT_NORMAL, self->plot.x - 12, cy, 1, 0.5, label_w);
      lx_chart_set_source (cr, lx_chart_grid (self));
      rounded_bar (cr, self->plot.x, cy - thick / 2, self->plot.width, thick);
      lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, c));
      rounded_bar (cr, self->plot.x, cy - thick / 2, self->plot.width * f, thick);
      lx_chart_text (self, cr, pct, LX_CHART_TEXT_SIZE, LX_TEXT_BOLD,
                     self->plot.x + self->plot.width + 10, cy, 0, 0.5, -1);
    }
}

void
lx_chart_draw_rings (LxChart           *self,
                     cairo_t           *cr,
                     const LxChartRect *area)
{
  guint n = MAX (1, self->categories->len);
  double text_h, slot = area->width / n, r;

  lx_chart_text_size (self, cr, "联", LX_CHART_TEXT_SIZE, NULL, &text_h);
  r = MAX (10, MIN (MIN (slot * 0.8, area->height - text_h - 8) / 2, 90));
  self->plot = *area;
  self->axis_max = 1;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double f = CLAMP (lx_chart_get_value (self, 0, c), 0, 1);
      double cx = area->x + (c + 0.5) * slot;
      double cy = area->y + MAX (r, (area->height - text_h - 8) / 2);
      double thick = MAX (4, r * 0.2);
      g_autofree char *pct = percent_text (f);

      cairo_set_line_width (cr, thick);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      lx_chart_set_source (cr, lx_chart_grid (self));
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r - thick / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      if (f > 0)
        {
          lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, c));
          cairo_arc (cr, cx, cy, r - thick / 2, START_ANGLE, START_ANGLE + 2 * G_PI * f);
          cairo_stroke (cr);
        }
      lx_chart_text (self, cr, pct, MAX (LX_CHART_SMALL_SIZE, MIN (r * 0.36, 22)), LX_TEXT_BOLD,
                     cx, cy, 0.5, 0.5, (r - thick) * 2);
      lx_chart_text (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_TEXT_SIZE,
                     LX_TEXT_NORMAL, cx, cy + r + 6, 0.5, 0, slot - 6);
    }
}
