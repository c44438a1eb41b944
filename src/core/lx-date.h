/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today as an ISO date in local time. LIANXIN_TODAY (YYYY-MM-DD) overrides it,
 * so that tests and demo data have a fixed today. */
char     *lx_date_today          (void);
int       lx_date_current_year   (void);
/* Days from ISO date @from to ISO date @to (negative when @to is earlier). */
int       lx_date_days_between   (const char *from,
                                  const char *to);
char     *lx_date_add_days       (const char *iso,
                                  int         days);

G_END_DECLS
