/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* One row of a breakdown: a code (or a member's name) and how many. */
typedef struct
{
  char   *key;       /* the code; for members their name; "" when not set */
  gint64  id;        /* the member's id in the by-member breakdown, else 0 */
  gint64  count;
} LxAppealCount;

/* A year of 诉求: the appeals received in the year (and not after today).
 * resolved / responded / escalated count those that reached that status at
 * some step, closed or not. The response rate counts the resolved and the
 * responded (解决或有所呼应). */
typedef struct
{
  int        year;
  gint64     received;
  gint64     resolved;
  gint64     responded;
  gint64     escalated;
  gint64     closed;
  gint64     overdue;           /* deadline before today and not resolved/responded/closed */
  double     resolution_rate;   /* resolved / received, 0 when none */
  double     response_rate;     /* (resolved + responded) / received */
  double     median_days_to_close;  /* received_on → closed_on; -1 when none closed */
  GPtrArray *by_domain;         /* LxAppealCount, most first */
  GPtrArray *by_concern;
  GPtrArray *by_channel;
  GPtrArray *by_mechanism;
  GPtrArray *by_member;         /* by assignee */
} LxAppealStats;

gboolean  lx_appeal_stats_compute  (LxStore              *store,
                                    int                   year,
                                    const char           *today,
                                    LxAppealStats        *out,
                                    GError              **error);
void      lx_appeal_stats_clear    (LxAppealStats        *stats);
gint64    lx_appeal_stats_count    (GPtrArray            *breakdown,
                                    const char           *key);
/* The figures as the members of a JSON object, without braces:
 * "key": value lines indented by @indent spaces. */
char     *lx_appeal_stats_to_json  (const LxAppealStats  *stats,
                                    int                   indent);

G_END_DECLS
