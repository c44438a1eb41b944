/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-chart.h"
#include "lx-overview.h"

G_BEGIN_DECLS

/* The overview's charts, built once from the figures: the dashboard shows
 * them and the annual report prints them. */
LxChart  *lx_report_coverage_chart      (const LxOverview *overview);
LxChart  *lx_report_monthly_chart       (const LxOverview *overview);
LxChart  *lx_report_appeals_chart       (const LxOverview *overview);
LxChart  *lx_report_satisfaction_chart  (const LxOverview *overview);
LxChart  *lx_report_calendar_chart      (int               year,
                                         GArray           *per_day);

/* The annual report: indicators, charts and a month-by-month table, A4. */
gboolean  lx_report_write_pdf           (LxStore          *store,
                                         int               year,
                                         const char       *today,
                                         const char       *path,
                                         GError          **error);

G_END_DECLS
