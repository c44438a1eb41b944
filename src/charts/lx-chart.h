/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A chart: categories (labels along an axis), series of values over them, a
 * palette and a title. lx_chart_draw() draws it into any cairo_t, so the
 * same code paints the screen and writes PNG, SVG and PDF files. */

typedef enum
{
  LX_CHART_BARS,             /* vertical bars, series grouped per category */
  LX_CHART_STACKED_BARS,     /* vertical bars, series stacked per category */
  LX_CHART_HORIZONTAL_BARS,  /* one row per category: for long Chinese labels */
  LX_CHART_LINES,            /* one line with points per series */
  LX_CHART_DONUT,            /* the first series over the categories, total inside */
  LX_CHART_PROGRESS_BARS,    /* the first series as fractions 0…1, one bar per category */
  LX_CHART_PROGRESS_RINGS,   /* the same as rings side by side */
  LX_CHART_CALENDAR,         /* a year of counts per day, 53 weeks × 7 days */
} LxChartKind;

typedef enum
{
  LX_CHART_THEME_LIGHT,
  LX_CHART_THEME_DARK,
} LxChartTheme;

typedef enum
{
  LX_CHART_FORMAT_AUTO,      /* from the file name's extension */
  LX_CHART_FORMAT_PNG,
  LX_CHART_FORMAT_SVG,
  LX_CHART_FORMAT_PDF,
} LxChartFormat;

typedef struct
{
  double x, y, width, height;
} LxChartRect;

typedef struct
{
  double red, green, blue;
} LxChartColour;

#define LX_CHART_FONT "Noto Sans CJK SC, sans"
#define LX_CHART_CALENDAR_BUCKETS 5   /* 0 = no visits, 1…4 rising */

typedef struct _LxChart LxChart;

#define LX_TYPE_CHART (lx_chart_get_type ())
GType          lx_chart_get_type            (void) G_GNUC_CONST;

LxChart       *lx_chart_new                 (LxChartKind          kind,
                                             const char          *title);
LxChart       *lx_chart_ref                 (LxChart             *self);
void           lx_chart_unref               (LxChart             *self);

LxChartKind    lx_chart_get_kind            (LxChart             *self);
const char    *lx_chart_get_title           (LxChart             *self);
void           lx_chart_set_title           (LxChart             *self,
                                             const char          *title);
void           lx_chart_set_theme           (LxChart             *self,
                                             LxChartTheme         theme);
void           lx_chart_set_background      (LxChart             *self,
                                             gboolean             paint);
void           lx_chart_set_value_format    (LxChart             *self,
                                             int                  decimals,
                                             const char          *suffix);
void           lx_chart_set_y_max           (LxChart             *self,
                                             double               max);
void           lx_chart_set_centre_label    (LxChart             *self,
                                             const char          *label);

void           lx_chart_add_category        (LxChart             *self,
                                             const char          *label);
guint          lx_chart_get_n_categories    (LxChart             *self);
guint          lx_chart_add_series          (LxChart             *self,
                                             const char          *name,
                                             const double        *values,
                                             guint                n_values);
guint          lx_chart_get_n_series        (LxChart             *self);
double         lx_chart_get_value           (LxChart             *self,
                                             guint                series,
                                             guint                category);
void           lx_chart_set_calendar        (LxChart             *self,
                                             int                  year,
                                             const double        *per_day,
                                             guint                n_days);

void           lx_chart_draw                (LxChart             *self,
                                             cairo_t             *cr,
                                             double               x,
                                             double               y,
                                             double               width,
                                             double               height);
gboolean       lx_chart_save                (LxChart             *self,
                                             const char          *path,
                                             LxChartFormat        format,
                                             int                  width,
                                             int                  height,
                                             GError             **error);
LxChartFormat  lx_chart_format_for_path     (const char          *path);

/* Geometry of the last lx_chart_draw(), in the cairo_t's user space: what
 * a hit test or a test of the pixels needs. FALSE when not drawn yet or
 * when the kind has no such part. */
gboolean       lx_chart_get_plot_rect       (LxChart             *self,
                                             LxChartRect         *out);
double         lx_chart_get_axis_max        (LxChart             *self);
gboolean       lx_chart_get_donut           (LxChart             *self,
                                             double              *cx,
                                             double              *cy,
                                             double              *outer,
                                             double              *inner);
gboolean       lx_chart_get_calendar_cell   (LxChart             *self,
                                             const char          *iso_date,
                                             LxChartRect         *out);
int            lx_chart_calendar_bucket     (LxChart             *self,
                                             double               count);

/* "Jan" … "Dec" in the user's language (1月 … 12月); @month 1 … 12. */
const char    *lx_chart_month_name          (int                  month);

/* Palettes: Okabe–Ito, distinguishable with the common colour blindnesses. */
LxChartColour  lx_chart_palette_colour      (LxChartTheme         theme,
                                             guint                index);
LxChartColour  lx_chart_calendar_colour     (LxChartTheme         theme,
                                             int                  bucket);
LxChartColour  lx_chart_background_colour   (LxChartTheme         theme);

/* Axis ticks on round steps (1, 2, 5 × 10ⁿ): from 0 or @min up to the first
 * tick at or above @max. Returns the number of ticks. */
guint          lx_chart_nice_ticks          (double               min,
                                             double               max,
                                             guint                target,
                                             double              *out_min,
                                             double              *out_max,
                                             double              *out_step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxChart, lx_chart_unref)

G_END_DECLS
