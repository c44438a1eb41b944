/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-recurrence"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "lx-recurrence.h"

/* Stops a rule that can never produce a date in the range (BYMONTHDAY=31
 * with INTERVAL=12 from February, say) from looping for ever. */
#define MAX_PERIODS 20000

static const char * const weekday_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

G_DEFINE_QUARK (lx-recurrence-error-quark, lx_recurrence_error)

static gboolean
invalid (GError    **error,
         const char *part)
{
  g_set_error (error, LX_RECURRENCE_ERROR, LX_RECURRENCE_ERROR_INVALID,
               _("The repeat rule is not understood at “%s”"), part);
  return FALSE;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
format_date (const GDate *date,
             char         buf[11])
{
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *out)
{
  char *end = NULL;
  long value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = strtol (text, &end, 10);
  if (*end != '\0' || value < min || value > max)
    return FALSE;
  *out = (int)value;
  return TRUE;
}

static gboolean
parse_byday (const char   *item,
             LxByDay      *out)
{
  size_t len = strlen (item);
  g_autofree char *number = NULL;

  if (len < 2)
    return FALSE;
  out->weekday = G_DATE_BAD_WEEKDAY;
  for (int w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    if (g_ascii_strcasecmp (item + len - 2, weekday_codes[w]) == 0)
      out->weekday = w;
  if (out->weekday == G_DATE_BAD_WEEKDAY)
    return FALSE;
  out->ordinal = 0;
  if (len == 2)
    return TRUE;
  number = g_strndup (item[0] == '+' ? item + 1 : item, len - 2 - (item[0] == '+'));
  return parse_int (number, -5, 5, &out->ordinal) && out->ordinal != 0;
}

static gboolean
parse_list (const char    *value,
            LxRecurrence  *rule,
            gboolean       byday)
{
  g_auto(GStrv) items = g_strsplit (value, ",", -1);

  for (int i = 0; items[i] != NULL; i++)
    {
      if (byday)
        {
          if (rule->n_byday >= LX_RECURRENCE_MAX_BY || !parse_byday (items[i], &rule->byday[rule->n_byday]))
            return FALSE;
          rule->n_byday++;
        }
      else
        {
          int day;
          if (rule->n_bymonthday >= LX_RECURRENCE_MAX_BY || !parse_int (items[i], -31, 31, &day) ||
              day == 0)
            return FALSE;
          rule->bymonthday[rule->n_bymonthday++] = day;
        }
    }
  return items[0] != NULL;
}

static gboolean
parse_until (const char   *value,
             LxRecurrence *rule)
{
  GDate date;
  char iso[11];

  /* UNTIL=20261231 or UNTIL=20261231T235959Z; dates only here. */
  if (strlen (value) < 8)
    return FALSE;
  g_snprintf (iso, sizeof iso, "%.4s-%.2s-%.2s", value, value + 4, value + 6);
  if (!parse_date (iso, &date))
    return FALSE;
  memcpy (rule->until, iso, sizeof rule->until);
  return TRUE;
}

static gboolean
parse_part (const char   *part,
            LxRecurrence *rule)
{
  const char *eq = strchr (part, '=');
  g_autofree char *name = NULL;
  const char *value;

  if (eq == NULL)
    return FALSE;
  name = g_strndup (part, eq - part);
  value = eq + 1;
  if (g_ascii_strcasecmp (name, "FREQ") == 0)
    {
      if (g_ascii_strcasecmp (value, "WEEKLY") == 0)
        rule->freq = LX_FREQ_WEEKLY;
      else if (g_ascii_strcasecmp (value, "MONTHLY") == 0)
        rule->freq = LX_FREQ_MONTHLY;
      else
        return FALSE;
      return TRUE;
    }
  if (g_ascii_strcasecmp (name, "INTERVAL") == 0)
    return parse_int (value, 1, 999, &rule->interval);
  if (g_ascii_strcasecmp (name, "COUNT") == 0)
    return parse_int (value, 1, 9999, &rule->count);
  if (g_ascii_strcasecmp (name, "UNTIL") == 0)
    return parse_until (value, rule);
  if (g_ascii_strcasecmp (name, "BYDAY") == 0)
    return parse_list (value, rule, TRUE);
  if (g_ascii_strcasecmp (name, "BYMONTHDAY") == 0)
    return parse_list (value, rule, FALSE);
  if (g_ascii_strcasecmp (name, "WKST") == 0)
    return g_ascii_strcasecmp (value, "MO") == 0;
  return FALSE;
}

/**
 * lx_recurrence_parse:
 * @rrule: "FREQ=MONTHLY;BYDAY=2TH", optionally prefixed with "RRULE:"
 *
 * Returns: %FALSE with an error naming the part that is not understood.
 */
gboolean
lx_recurrence_parse (const char    *rrule,
                     LxRecurrence  *out,
                     GError       **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->interval = 1;
  if (rrule == NULL || *rrule == '\0')
    return invalid (error, "");
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;
  parts = g_strsplit (rrule, ";", -1);
  for (int i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && !parse_part (g_strstrip (parts[i]), out))
      return invalid (error, parts[i]);
  if (out->freq == 0)
    return invalid (error, rrule);
  if (out->count > 0 && out->until[0] != '\0')
    return invalid (error, "COUNT/UNTIL");
  for (int i = 0; i < out->n_byday; i++)
    if (out->byday[i].ordinal != 0 && out->freq != LX_FREQ_MONTHLY)
      return invalid (error, "BYDAY");
  if (out->n_bymonthday > 0 && out->freq != LX_FREQ_MONTHLY)
    return invalid (error, "BYMONTHDAY");
  return TRUE;
}

char *
lx_recurrence_to_string (const LxRecurrence *rule)
{
  GString *s = g_string_new (rule->freq == LX_FREQ_WEEKLY ? "FREQ=WEEKLY" : "FREQ=MONTHLY");

  if (rule->interval > 1)
    g_string_append_printf (s, ";INTERVAL=%d", rule->interval);
  for (int i = 0; i < rule->n_byday; i++)
    {
      g_string_append (s, i == 0 ? ";BYDAY=" : ",");
      if (rule->byday[i].ordinal != 0)
        g_string_append_printf (s, "%d", rule->byday[i].ordinal);
      g_string_append (s, weekday_codes[rule->byday[i].weekday]);
    }
  for (int i = 0; i < rule->n_bymonthday; i++)
    g_string_append_printf (s, "%s%d", i == 0 ? ";BYMONTHDAY=" : ",", rule->bymonthday[i]);
  if (rule->count > 0)
    g_string_append_printf (s, ";COUNT=%d", rule->count);
  if (rule->until[0] != '\0')
    g_string_append_printf (s, ";UNTIL=%.4s%.2s%.2s", rule->until, rule->until + 5, rule->until + 8);
  return g_string_free (s, FALSE);
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };
  return _(names[weekday]);
}

/* A short sentence for the event popover: "Monthly on the 2nd Thursday". */
char *
lx_recurrence_describe (const LxRecurrence *rule)
{
  if (rule->freq == LX_FREQ_MONTHLY && rule->n_byday == 1 && rule->byday[0].ordinal == -1)
    /* Translators: a repeat rule, "每月最后一个星期五" */
    return g_strdup_printf (_("Monthly on the last %s"), weekday_name (rule->byday[0].weekday));
  if (rule->freq == LX_FREQ_MONTHLY && rule->n_byday == 1 && rule->byday[0].ordinal > 0)
    /* Translators: a repeat rule, "每月第2个星期四" */
    return g_strdup_printf (_("Monthly on %s number %d"), weekday_name (rule->byday[0].weekday),
                            rule->byday[0].ordinal);
  if (rule->freq == LX_FREQ_MONTHLY && rule->n_bymonthday == 1)
    /* Translators: a repeat rule, "每月15日" */
    return g_strdup_printf (_("Monthly on day %d"), rule->bymonthday[0]);
  if (rule->freq == LX_FREQ_WEEKLY && rule->n_byday == 1)
    /* Translators: a repeat rule, "每周星期三" */
    return g_strdup_printf (_("Weekly on %s"), weekday_name (rule->byday[0].weekday));
  return g_strdup (rule->freq == LX_FREQ_WEEKLY ? _("Weekly") : _("Monthly"));
}

/* Expansion ------------------------------------------------------------- */

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

static void
add_weekdays_in_month (GArray       *out,
                       int           year,
                       int           month,
                       const LxByDay *by)
{
  guint8 days = g_date_get_days_in_month (month, year);
  GDate first;
  int offset, n = 0;
  guint32 hits[6];

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  offset = ((int)by->weekday - (int)g_date_get_weekday (&first) + 7) % 7;
  for (int d = 1 + offset; d <= days; d += 7)
    hits[n++] = g_date_get_julian (&first) + d - 1;
  if (by->ordinal == 0)
    g_array_append_vals (out, hits, n);
  else if (by->ordinal > 0 && by->ordinal <= n)
    g_array_append_val (out, hits[by->ordinal - 1]);
  else if (by->ordinal < 0 && -by->ordinal <= n)
    g_array_append_val (out, hits[n + by->ordinal]);
}

static gboolean
monthday_matches (const LxRecurrence *rule,
                  int                 day,
                  int                 days_in_month)
{
  for (int i = 0; i < rule->n_bymonthday; i++)
    {
      int want = rule->bymonthday[i];
      if (want == day || (want < 0 && days_in_month + want + 1 == day))
        return TRUE;
    }
  return FALSE;
}

static void
month_candidates (const LxRecurrence *rule,
                  int                 year,
                  int                 month,
                  const GDate        *dtstart,
                  GArray             *out)
{
  int days = g_date_get_days_in_month (month, year);
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  if (rule->n_byday > 0)
    {
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (int i = 0; i < rule->n_byday; i++)
        add_weekdays_in_month (hits, year, month, &rule->byday[i]);
      for (guint i = 0; i < hits->len; i++)
        {
          guint32 j = g_array_index (hits, guint32, i);
          /* BYMONTHDAY limits BYDAY within a month (RFC 5545 §3.3.10). */
          if (rule->n_bymonthday == 0 ||
              monthday_matches (rule, j - g_date_get_julian (&first) + 1, days))
            g_array_append_val (out, j);
        }
      return;
    }
  for (int d = 1; d <= days; d++)
    if (rule->n_bymonthday > 0 ? monthday_matches (rule, d, days) : d == g_date_get_day (dtstart))
      {
        guint32 j = g_date_get_julian (&first) + d - 1;
        g_array_append_val (out, j);
      }
}

static void
week_candidates (const LxRecurrence *rule,
                 guint32             monday,
                 const GDate        *dtstart,
                 GArray             *out)
{
  if (rule->n_byday == 0)
    {
      guint32 j = monday + g_date_get_weekday (dtstart) - 1;
      g_array_append_val (out, j);
      return;
    }
  for (int i = 0; i < rule->n_byday; i++)
    {
      guint32 j = monday + rule->byday[i].weekday - 1;
      g_array_append_val (out, j);
    }
}

/* The candidate days of the @period-th period after the one of @dtstart,
 * sorted and without repeats. */
static GArray *
period_candidates (const LxRecurrence *rule,
                   const GDate        *dtstart,
                   int                 period)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (rule->freq == LX_FREQ_WEEKLY)
    {
      guint32 monday = g_date_get_julian (dtstart) - (g_date_get_weekday (dtstart) - 1);
      week_candidates (rule, monday + (guint32)period * rule->interval * 7, dtstart, out);
    }
  else
    {
      int months = (g_date_get_year (dtstart) * 12 + g_date_get_month (dtstart) - 1) +
                   period * rule->interval;
      month_candidates (rule, months / 12, months % 12 + 1, dtstart, out);
    }
  g_array_sort (out, compare_julian);
  for (guint i = 1; i < out->len;)
    if (g_array_index (out, guint32, i) == g_array_index (out, guint32, i - 1))
      g_array_remove_index (out, i);
    else
      i++;
  return out;
}

GPtrArray *
lx_recurrence_expand (const LxRecurrence *rule,
                      const char         *dtstart,
                      const char         *from,
                      const char         *to)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  GDate start, lo, hi, until;
  guint32 last;
  int counted = 0;

  g_return_val_if_fail (rule != NULL, result);

  if (!parse_date (dtstart, &start) || !parse_date (from, &lo) || !parse_date (to, &hi))
    return result;
  last = g_date_get_julian (&hi);
  if (rule->until[0] != '\0' && parse_date (rule->until, &until))
    last = MIN (last, g_date_get_julian (&until));

  for (int period = 0; period < MAX_PERIODS; period++)
    {
      g_autoptr(GArray) days = period_candidates (rule, &start, period);
      gboolean past_end = FALSE;

      for (guint i = 0; i < days->len; i++)
        {
          guint32 j = g_array_index (days, guint32, i);
          GDate d;
          char iso[11];

          if (j < g_date_get_julian (&start))
            continue;
          if (j > last || (rule->count > 0 && counted >= rule->count))
            {
              past_end = TRUE;
              break;
            }
          counted++;
          if (j < g_date_get_julian (&lo))
            continue;
          g_date_clear (&d, 1);
          g_date_set_julian (&d, j);
          format_date (&d, iso);
          g_ptr_array_add (result, g_strdup (iso));
        }
      if (past_end)
        break;
    }
  return result;
}
