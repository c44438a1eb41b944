/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) export of the calendar, for phones and other
 * calendar programs: one VEVENT per event (UID event-<id>@lianxin), series
 * with their RRULE and EXDATEs, moved occurrences as overrides
 * (RECURRENCE-ID), times in Asia/Shanghai with its VTIMEZONE. */

#define LX_ICS_TZID "Asia/Shanghai"

/* The events with something happening between @from and @to (ISO dates,
 * inclusive) as the text of a VCALENDAR. */
char     *lx_ics_export         (LxStore     *store,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error);
/* The same, written to @path (readable by the user alone). */
gboolean  lx_ics_write_file     (LxStore     *store,
                                 const char  *from,
                                 const char  *to,
                                 const char  *path,
                                 GError     **error);
/* The default period: from the first of this month for a year. */
void      lx_ics_default_period (const char  *today,
                                 char         from[11],
                                 char         to[11]);

G_END_DECLS
