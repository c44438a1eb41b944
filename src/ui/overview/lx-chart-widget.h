/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lx-chart.h"

G_BEGIN_DECLS

/* Shows an LxChart: snapshot() hands the chart's own cairo drawing to GTK,
 * the colours follow the light or dark style, and a menu in the corner
 * exports the chart as PNG, SVG or PDF. */

#define LX_TYPE_CHART_WIDGET (lx_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (LxChartWidget, lx_chart_widget, LX, CHART_WIDGET, GtkWidget)

GtkWidget *lx_chart_widget_new        (LxChart       *chart);
LxChart   *lx_chart_widget_get_chart  (LxChartWidget *self);
void       lx_chart_widget_set_chart  (LxChartWidget *self,
                                       LxChart       *chart);

G_END_DECLS
