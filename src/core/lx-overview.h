/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-stats.h"

G_BEGIN_DECLS

/* The 概览 figures of a year, all computed in SQL. Appeals count when
 * received in the year; states that are "now" (overdue households and
 * appeals, quotas) are as of @today. */

typedef enum
{
  LX_GRADE_SATISFIED,
  LX_GRADE_FAIRLY,
  LX_GRADE_BASICALLY,
  LX_GRADE_DISSATISFIED,
  LX_N_GRADES,
} LxGrade;

typedef struct
{
  LxYearStats visits;
  gint64  appeals_received;
  gint64  appeals_resolved;       /* solved: resolved, or closed after a solution */
  gint64  appeals_responded;      /* answered but hard to solve for now */
  gint64  appeals_escalated;
  gint64  appeals_open;           /* received or in progress */
  gint64  appeals_overdue;        /* open and past their deadline */
  double  average_days_to_close;  /* < 0: none closed */
  gint64  reception_days;         /* days with a reception (接访) */
  gint64  home_per_month[12];
  gint64  field_per_month[12];    /* 下访 */
  gint64  followup_grades[LX_N_GRADES];
  gint64  ballot_grades[LX_N_GRADES];
  gint64  households_overdue;     /* past their visit rule today */
  gint64  households_never;       /* never visited */
  gint64  members_behind_quota;   /* fewer active pairings than their role asks */
} LxOverview;

typedef enum
{
  LX_ATTENTION_HOUSEHOLDS_OVERDUE,
  LX_ATTENTION_APPEAL_OVERDUE,
  LX_ATTENTION_RECEPTION_DAY,
  LX_ATTENTION_MEMBER_QUOTA,
} LxAttentionKind;

typedef struct
{
  LxAttentionKind  kind;
  gint64           id;        /* the appeal, event or member; 0 for a summary */
  char            *title;
  char            *detail;
  char            *date;      /* ISO date or NULL */
} LxAttention;

gboolean   lx_overview_compute        (LxStore     *store,
                                       int          year,
                                       const char  *today,
                                       LxOverview  *out,
                                       GError     **error);
double     lx_overview_satisfaction   (const gint64 *grades);
GArray    *lx_overview_visits_per_day (LxStore     *store,
                                       int          year,
                                       GError     **error);
GPtrArray *lx_overview_attention      (LxStore     *store,
                                       const char  *today,
                                       guint        max_per_kind,
                                       GError     **error);
char      *lx_overview_next_occurrence (const char *starts_at,
                                        const char *rrule,
                                        const char *from);
void       lx_attention_free          (LxAttention *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxAttention, lx_attention_free)

G_END_DECLS
