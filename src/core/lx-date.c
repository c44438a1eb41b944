/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-date"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "lx-date.h"

static gboolean
parse_iso (const char *iso,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

char *
lx_date_today (void)
{
  const char *fixed = g_getenv ("LIANXIN_TODAY");
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (fixed != NULL && parse_iso (fixed, &date))
    return g_strndup (fixed, 10);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

int
lx_date_current_year (void)
{
  g_autofree char *today = lx_date_today ();

  return atoi (today);
}

int
lx_date_days_between (const char *from,
                      const char *to)
{
  GDate a, b;

  if (!parse_iso (from, &a) || !parse_iso (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

char *
lx_date_add_days (const char *iso,
                  int         days)
{
  GDate date;
  char buf[16];

  if (!parse_iso (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (buf);
}
