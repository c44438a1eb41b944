/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* 下访 duty: leading cadres visit their contact points every month. */
typedef enum
{
  LX_DUTY_UPCOMING,   /* the month has not ended yet and no field visit so far */
  LX_DUTY_DONE,       /* at least one field visit in the month */
  LX_DUTY_MISSED,     /* the month is over without one */
} LxDutyState;

typedef struct
{
  gint64       member_id;
  char        *name;
  int          visits[12];   /* field visits per month */
  LxDutyState  months[12];
  int          done;         /* months done */
  int          missed;       /* months missed */
} LxDutyRow;

void        lx_duty_row_free        (LxDutyRow   *row);
/* One row per leading cadre (not deleted, not transferred out), by name. */
GPtrArray  *lx_duty_grid            (LxStore     *store,
                                     int          year,
                                     const char  *today,
                                     GError     **error);

/* 接待日: occurrences of reception-day events in @year. */
typedef struct
{
  int planned;        /* not skipped, in the whole year */
  int due;            /* of those, on or before today */
  int held;           /* of those, done (marked, or with a reception recorded) */
} LxReceptionTally;

gboolean    lx_reception_tally      (LxStore          *store,
                                     int               year,
                                     const char       *today,
                                     LxReceptionTally *out,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxDutyRow, lx_duty_row_free)

G_END_DECLS
