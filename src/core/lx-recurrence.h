/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The subset of RFC 5545 recurrence rules that reception days and regular
 * visits need: FREQ=WEEKLY|MONTHLY, INTERVAL, BYDAY (with ordinals such as
 * 2TH or -1FR in monthly rules), BYMONTHDAY, COUNT and UNTIL. Weeks start
 * on Monday. Dates are ISO-8601 (YYYY-MM-DD); local time has no daylight
 * saving in Asia/Shanghai, so occurrences are plain dates. */

#define LX_RECURRENCE_ERROR (lx_recurrence_error_quark ())

typedef enum
{
  LX_RECURRENCE_ERROR_INVALID,
} LxRecurrenceError;

typedef enum
{
  LX_FREQ_WEEKLY = 1,
  LX_FREQ_MONTHLY,
} LxFreq;

#define LX_RECURRENCE_MAX_BY 32

typedef struct
{
  int          ordinal;   /* 0: every such weekday; 1..5 or -1..-5 in a month */
  GDateWeekday weekday;
} LxByDay;

typedef struct
{
  LxFreq  freq;
  int     interval;                          /* >= 1 */
  int     n_byday;
  LxByDay byday[LX_RECURRENCE_MAX_BY];
  int     n_bymonthday;
  int     bymonthday[LX_RECURRENCE_MAX_BY];  /* 1..31 or -31..-1 */
  int     count;                             /* 0: no limit */
  char    until[11];                         /* "": no end; an ISO date, inclusive */
} LxRecurrence;

GQuark     lx_recurrence_error_quark  (void);

gboolean   lx_recurrence_parse        (const char          *rrule,
                                       LxRecurrence        *out,
                                       GError             **error);
char      *lx_recurrence_to_string    (const LxRecurrence  *rule);
char      *lx_recurrence_describe     (const LxRecurrence  *rule);

/* The occurrences (ISO dates, ascending) of @rule starting at @dtstart that
 * fall between @from and @to, both inclusive. COUNT is counted from
 * @dtstart whatever @from is. */
GPtrArray *lx_recurrence_expand       (const LxRecurrence  *rule,
                                       const char          *dtstart,
                                       const char          *from,
                                       const char          *to);

G_END_DECLS
