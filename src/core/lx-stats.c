/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-stats.h"

/* One pass over the households and one over the visits; ?1 is the first
 * moment of the year, ?2 the first moment after the last day counted. */
/* CROSS JOIN keeps SQLite starting from the household's few visits: left
 * to itself it may walk the year's home visits once per household. */
#define HOUSEHOLD_SQL \
  "SELECT count(*), coalesce(sum(needy), 0), coalesce(sum(visited), 0), " \
  "       coalesce(sum(needy AND visited), 0) " \
  "FROM (SELECT h.needy AS needy, " \
  "        EXISTS (SELECT 1 FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id " \
  "                WHERE vh.household_id = h.id AND v.kind = 'home' " \
  "                  AND v.happened_at >= ?1 AND v.happened_at < ?2) AS visited " \
  "      FROM household h WHERE h.deleted_at IS NULL)"

#define VISIT_SQL \
  "SELECT coalesce(sum(kind = 'home'), 0), coalesce(sum(kind = 'field'), 0), " \
  "       coalesce(sum(kind = 'reception'), 0) " \
  "FROM visit WHERE happened_at >= ?1 AND happened_at < ?2"

static gboolean
run_row (LxStore     *store,
         const char  *sql,
         const char  *from,
         const char  *until,
         gint64      *values,
         int          n,
         GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lx_store_set_error (store, error, _("Cannot compute the statistics"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  for (int i = 0; i < n; i++)
    values[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_reset (stmt);
  return TRUE;
}

static double
fraction (gint64 part,
          gint64 whole)
{
  return whole > 0 ? (double)part / (double)whole : 0.0;
}

/**
 * lx_stats_compute:
 * @year: the calendar year
 * @today: (nullable): ISO date; visits after it are not counted. NULL: the
 *   real today (or $LIANXIN_TODAY)
 * @out: (out caller-allocates): the figures
 */
gboolean
lx_stats_compute (LxStore      *store,
                  int           year,
                  const char   *today,
                  LxYearStats  *out,
                  GError      **error)
{
  g_autofree char *real_today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *day_after = NULL;
  gint64 h[4], v[3];

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (year > 0 && year < 10000, FALSE);

  if (today == NULL)
    today = real_today = lx_date_today ();

  /* Moments are "YYYY-MM-DDTHH:MM" or plain dates: both sort as text. */
  from = g_strdup_printf ("%04d-01-01", year);
  until = g_strdup_printf ("%04d-01-01", year + 1);
  day_after = lx_date_add_days (today, 1);
  if (day_after != NULL && g_strcmp0 (day_after, until) < 0)
    {
      g_free (until);
      until = g_steal_pointer (&day_after);
    }

  if (!run_row (store, HOUSEHOLD_SQL, from, until, h, 4, error) ||
      !run_row (store, VISIT_SQL, from, until, v, 3, error))
    return FALSE;

  out->year = year;
  out->households = h[0];
  out->needy_households = h[1];
  out->households_visited = h[2];
  out->needy_visited = h[3];
  out->coverage = fraction (h[2], h[0]);
  out->needy_coverage = fraction (h[3], h[1]);
  out->home_visits = v[0];
  out->field_visits = v[1];
  out->receptions = v[2];
  return TRUE;
}

static void
append_number (GString    *json,
               const char *key,
               gint64      value,
               gboolean    last)
{
  g_string_append_printf (json, "  \"%s\": %" G_GINT64_FORMAT "%s\n", key, value, last ? "" : ",");
}

static void
append_fraction (GString    *json,
                 const char *key,
                 double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: JSON wants a dot, whatever LC_NUMERIC says. */
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  g_string_append_printf (json, "  \"%s\": %s,\n", key, buf);
}

/**
 * lx_stats_to_json:
 * @year: the year the figures are for (written as "year")
 *
 * Returns: (transfer full): a JSON object, one key per line
 */
char *
lx_stats_to_json (const LxYearStats *stats,
                  int                year)
{
  GString *json;

  g_return_val_if_fail (stats != NULL, NULL);

  json = g_string_new ("{\n");
  append_number (json, "year", year, FALSE);
  append_number (json, "households", stats->households, FALSE);
  append_number (json, "needy_households", stats->needy_households, FALSE);
  append_number (json, "households_visited", stats->households_visited, FALSE);
  append_number (json, "needy_visited", stats->needy_visited, FALSE);
  append_fraction (json, "coverage", stats->coverage);
  append_fraction (json, "needy_coverage", stats->needy_coverage);
  append_number (json, "home_visits", stats->home_visits, FALSE);
  append_number (json, "field_visits", stats->field_visits, FALSE);
  append_number (json, "receptions", stats->receptions, TRUE);
  g_string_append (json, "}\n");
  return g_string_free (json, FALSE);
}
