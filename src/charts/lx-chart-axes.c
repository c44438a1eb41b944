/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-chart"

#include "config.h"

#include <math.h>

#include "lx-chart-private.h"

/* Charts on a value axis: vertical bars (grouped and stacked), horizontal
 * bars and lines. */

#define TICK_TARGET 5

static double
data_max (LxChart  *self,
          gboolean  stacked)
{
  double max = 0;

  for (guint c = 0; c < self->categories->len; c++)
    {
      double sum = 0;
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = lx_chart_get_value (self, s, c);
          sum = stacked ? sum + v : MAX (sum, v);
        }
      max = MAX (max, sum);
    }
  return MAX (max, self->y_max);
}

/* Fixes the axis (0 … a round number) and returns the step between ticks. */
static double
setup_axis (LxChart  *self,
            gboolean  stacked)
{
  double max = data_max (self, stacked), top, step;

  /* Small counts get integer ticks at least one apart. */
  lx_chart_nice_ticks (0, max > 0 ? max : 1, TICK_TARGET, NULL, &top, &step);
  if (self->decimals == 0 && step < 1)
    {
      step = 1;
      top = ceil (top);
    }
  self->axis_max = top;
  return step;
}

static double
tick_label_width (LxChart *self,
                  cairo_t *cr)
{
  g_autofree char *label = lx_chart_format_value (self, self->axis_max);
  double w;

  lx_chart_text_size (self, cr, label, LX_CHART_SMALL_SIZE, &w, NULL);
  return w;
}

static double
value_y (LxChart *self,
         double   value)
{
  return self->plot.y + self->plot.height * (1 - value / self->axis_max);
}

static void
grid_line (LxChart *self,
           cairo_t *cr,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  lx_chart_set_source (cr, lx_chart_grid (self));
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

static void
draw_value_axis (LxChart *self,
                 cairo_t *cr,
                 double   step)
{
  for (double v = 0; v <= self->axis_max + step / 2; v += step)
    {
      g_autofree char *label = lx_chart_format_value (self, v);
      double y = round (value_y (self, v)) + 0.5;

      grid_line (self, cr, self->plot.x, y, self->plot.x + self->plot.width, y);
      lx_chart_text (self, cr, label, LX_CHART_SMALL_SIZE, LX_TEXT_DIM,
                     self->plot.x - 6, y, 1, 0.5, -1);
    }
}

static void
draw_category_labels (LxChart *self,
                      cairo_t *cr)
{
  double slot = self->plot.width / MAX (1, self->categories->len);

  for (guint c = 0; c < self->categories->len; c++)
    lx_chart_text (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_SMALL_SIZE,
                   LX_TEXT_NORMAL, self->plot.x + (c + 0.5) * slot,
                   self->plot.y + self->plot.height + 5, 0.5, 0, slot - 2);
}

/* Lays out the plot for a vertical value axis inside @area. */
static double
layout_vertical (LxChart           *self,
                 cairo_t           *cr,
                 const LxChartRect *area,
                 gboolean           stacked)
{
  LxChartRect rest = *area;
  double step = setup_axis (self, stacked);
  double text_h, left;

  if (self->series->len > 1)
    {
      double used = lx_chart_legend (self, cr, &rest, FALSE) + 6;
      rest.y += used;
      rest.height -= used;
    }
  lx_chart_text_size (self, cr, "0", LX_CHART_SMALL_SIZE, NULL, &text_h);
  left = tick_label_width (self, cr) + 8;
  /* Room above the highest bar for its value label. */
  self->plot = (LxChartRect) { rest.x + left, rest.y + text_h + 2, rest.width - left,
                               rest.height - 2 * text_h - 10 };
  self->plot.x = round (self->plot.x);
  self->plot.y = round (self->plot.y);
  self->plot.width = round (self->plot.width);
  self->plot.height = round (self->plot.height);
  return step;
}

static void
value_label (LxChart *self,
             cairo_t *cr,
             double   value,
             double   x,
             double   y,
             double   max_width)
{
  g_autofree char *text = lx_chart_format_value (self, value);
  double w;

  lx_chart_text_size (self, cr, text, LX_CHART_SMALL_SIZE, &w, NULL);
  if (w <= max_width + 6)
    lx_chart_text (self, cr, text, LX_CHART_SMALL_SIZE, LX_TEXT_NORMAL, x, y - 2, 0.5, 1, -1);
}

void
lx_chart_draw_bars (LxChart           *self,
                    cairo_t           *cr,
                    const LxChartRect *area)
{
  gboolean stacked = self->kind == LX_CHART_STACKED_BARS;
  double step = layout_vertical (self, cr, area, stacked);
  guint n = MAX (1, self->categories->len), ns = MAX (1, self->series->len);
  double slot = self->plot.width / n;
  double group = slot * 0.7, bar = stacked ? group : group / ns;

  draw_value_axis (self, cr, step);
  for (guint c = 0; c < self->categories->len; c++)
    {
      double x0 = self->plot.x + c * slot + (slot - group) / 2, base = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double v = lx_chart_get_value (self, s, c);
          double x = stacked ? x0 : x0 + s * bar;
          double top = value_y (self, base + v), bottom = value_y (self, base);

          lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, s));
          cairo_rectangle (cr, x, top, stacked ? bar : bar - 1, bottom - top);
          cairo_fill (cr);
          if (!stacked)
            value_label (self, cr, v, x + bar / 2, top, bar);
          if (stacked)
            base += v;
        }
      if (stacked)
        value_label (self, cr, base, x0 + group / 2, value_y (self, base), group);
    }
  draw_category_labels (self, cr);
}

void
lx_chart_draw_lines (LxChart           *self,
                     cairo_t           *cr,
                     const LxChartRect *area)
{
  double step = layout_vertical (self, cr, area, FALSE);
  guint n = self->categories->len;
  double slot = self->plot.width / MAX (1, n);
  /* Values on every point only while they stay readable. */
  gboolean all_values = self->series->len == 1 && n <= 16;

  draw_value_axis (self, cr, step);
  for (guint s = 0; s < self->series->len; s++)
    {
      LxChartColour colour = lx_chart_palette_colour (self->theme, s);

      lx_chart_set_source (cr, colour);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < n; c++)
        cairo_line_to (cr, self->plot.x + (c + 0.5) * slot, value_y (self, lx_chart_get_value (self, s, c)));
      cairo_stroke (cr);
      for (guint c = 0; c < n; c++)
        {
          double x = self->plot.x + (c + 0.5) * slot;
          double v = lx_chart_get_value (self, s, c);

          lx_chart_set_source (cr, colour);
          cairo_arc (cr, x, value_y (self, v), 4, 0, 2 * G_PI);
          cairo_fill (cr);
          if (all_values || c + 1 == n)
            value_label (self, cr, v, x, value_y (self, v) - 4, slot);
        }
    }
  draw_category_labels (self, cr);
}

/* Horizontal bars: the long labels read on the left, one row each. */
void
lx_chart_draw_hbars (LxChart           *self,
                     cairo_t           *cr,
                     const LxChartRect *area)
{
  LxChartRect rest = *area;
  double step = setup_axis (self, FALSE);
  guint n = MAX (1, self->categories->len), ns = MAX (1, self->series->len);
  double label_w = 0, text_h, row, bar, value_w;
  g_autofree char *widest = lx_chart_format_value (self, self->axis_max);

  if (self->series->len > 1)
    {
      double used = lx_chart_legend (self, cr, &rest, FALSE) + 6;
      rest.y += used;
      rest.height -= used;
    }
  for (guint c = 0; c < self->categories->len; c++)
    {
      double w;
      lx_chart_text_size (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_TEXT_SIZE, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, rest.width * 0.4);
  lx_chart_text_size (self, cr, widest, LX_CHART_SMALL_SIZE, &value_w, &text_h);
  self->plot = (LxChartRect) { round (rest.x + label_w + 10), rest.y,
                               round (rest.width - label_w - 10 - value_w - 6),
                               round (rest.height - text_h - 6) };
  row = MIN (self->plot.height / n, 40);
  bar = row * 0.64 / ns;

  for (double v = 0; v <= self->axis_max + step / 2; v += step)
    {
      g_autofree char *label = lx_chart_format_value (self, v);
      double x = round (self->plot.x + self->plot.width * v / self->axis_max) + 0.5;

      grid_line (self, cr, x, self->plot.y, x, self->plot.y + n * row);
      lx_chart_text (self, cr, label, LX_CHART_SMALL_SIZE, LX_TEXT_DIM,
                     x, self->plot.y + n * row + 4, 0.5, 0, -1);
    }
  for (guint c = 0; c < self->categories->len; c++)
    {
      double y0 = self->plot.y + c * row + row * 0.18;

      lx_chart_text (self, cr, g_ptr_array_index (self->categories, c), LX_CHART_TEXT_SIZE,
                     LX_TEXT_NORMAL, self->plot.x - 10, self->plot.y + (c + 0.5) * row, 1, 0.5,
                     label_w);
      for (guint s = 0; s < self->series->len; s++)
        {
          double v = lx_chart_get_value (self, s, c);
          double w = self->plot.width * v / self->axis_max;
          g_autofree char *text = lx_chart_format_value (self, v);

          lx_chart_set_source (cr, lx_chart_palette_colour (self->theme, s));
          cairo_rectangle (cr, self->plot.x, y0 + s * bar, w, bar - 1);
          cairo_fill (cr);
          lx_chart_text (self, cr, text, LX_CHART_SMALL_SIZE, LX_TEXT_NORMAL,
                         self->plot.x + w + 4, y0 + (s + 0.5) * bar, 0, 0.5, -1);
        }
    }
}
