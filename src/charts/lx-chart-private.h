/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "lx-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GArray *values;   /* double, one per category */
} LxChartSeries;

struct _LxChart
{
  gatomicrefcount  ref_count;
  LxChartKind      kind;
  char            *title;
  LxChartTheme     theme;
  gboolean         background;
  int              decimals;
  char            *suffix;
  double           y_max;          /* 0: from the data */
  char            *centre_label;
  GPtrArray       *categories;     /* char * */
  GPtrArray       *series;         /* LxChartSeries * */
  int              year;           /* calendar */

  /* the last layout */
  gboolean         drawn;
  LxChartRect      plot;
  double           axis_max;
  double           donut_cx, donut_cy, donut_outer, donut_inner;
  double           cal_x, cal_y, cal_cell;
  int              cal_offset;     /* weekday (Monday 0) of 1 January */
};

typedef enum
{
  LX_TEXT_NORMAL = 0,
  LX_TEXT_BOLD   = 1 << 0,
  LX_TEXT_DIM    = 1 << 1,
} LxTextFlags;

/* Sizes in user units: 1 unit is a pixel on screen and a point in PDF. */
#define LX_CHART_TEXT_SIZE   12.0
#define LX_CHART_SMALL_SIZE  10.5
#define LX_CHART_TITLE_SIZE  15.0
#define LX_CHART_PAD         12.0

LxChartColour  lx_chart_fg             (LxChart           *self);
LxChartColour  lx_chart_grid           (LxChart           *self);
void           lx_chart_set_source     (cairo_t           *cr,
                                        LxChartColour      colour);
PangoLayout   *lx_chart_layout         (LxChart           *self,
                                        cairo_t           *cr,
                                        const char        *text,
                                        double             size,
                                        LxTextFlags        flags);
void           lx_chart_text_size      (LxChart           *self,
                                        cairo_t           *cr,
                                        const char        *text,
                                        double             size,
                                        double            *width,
                                        double            *height);
void           lx_chart_text           (LxChart           *self,
                                        cairo_t           *cr,
                                        const char        *text,
                                        double             size,
                                        LxTextFlags        flags,
                                        double             x,
                                        double             y,
                                        double             xalign,
                                        double             yalign,
                                        double             max_width);
char          *lx_chart_format_value   (LxChart           *self,
                                        double             value);
double         lx_chart_legend         (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area,
                                        gboolean           categories);

void           lx_chart_draw_bars      (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_hbars     (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_lines     (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_donut     (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_progress  (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_rings     (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);
void           lx_chart_draw_calendar  (LxChart           *self,
                                        cairo_t           *cr,
                                        const LxChartRect *area);

G_END_DECLS
