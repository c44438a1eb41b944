/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* A year of 联系服务群众 at a glance. Households are those not deleted;
 * visits count when they happened in the year and not after today. */
typedef struct
{
  int     year;
  gint64  households;          /* not deleted */
  gint64  needy_households;    /* with at least one need tag */
  gint64  households_visited;  /* with a home visit in the year */
  gint64  needy_visited;
  double  coverage;            /* households_visited / households, 0 when none */
  double  needy_coverage;      /* needy_visited / needy_households, 0 when none */
  gint64  home_visits;         /* 走访 */
  gint64  field_visits;        /* 下访 */
  gint64  receptions;          /* 接访 */
} LxYearStats;

gboolean  lx_stats_compute  (LxStore            *store,
                             int                 year,
                             const char         *today,
                             LxYearStats        *out,
                             GError            **error);
char     *lx_stats_to_json  (const LxYearStats  *stats,
                             int                 year);

G_END_DECLS
