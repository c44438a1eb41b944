/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-overview.h"

/* ?1 first day of the year, ?2 first day after the counted period, ?3 today. */
#define APPEALS_SQL \
  "SELECT count(*), " \
  "  coalesce(sum(status = 'resolved' OR (status = 'closed' " \
  "               AND coalesce(resolution_level, '') <> 'pending_hard')), 0), " \
  "  coalesce(sum(status = 'responded' OR (status = 'closed' " \
  "               AND resolution_level = 'pending_hard')), 0), " \
  "  coalesce(sum(status = 'escalated'), 0), " \
  "  coalesce(sum(status IN ('received', 'in_progress')), 0), " \
  "  coalesce(sum(status IN ('received', 'in_progress') AND deadline < ?3), 0), " \
  "  avg(CASE WHEN closed_on IS NOT NULL " \
  "      THEN julianday(closed_on) - julianday(received_on) END) " \
  "FROM appeal WHERE received_on >= ?1 AND received_on < ?2"

#define RECEPTION_DAYS_SQL \
  "SELECT count(DISTINCT substr(happened_at, 1, 10)) FROM visit " \
  "WHERE kind = 'reception' AND happened_at >= ?1 AND happened_at < ?2"

#define PER_MONTH_SQL \
  "SELECT CAST(substr(happened_at, 6, 2) AS INTEGER), sum(kind = 'home'), sum(kind = 'field') " \
  "FROM visit WHERE happened_at >= ?1 AND happened_at < ?2 GROUP BY 1"

#define FOLLOWUP_SQL \
  "SELECT satisfaction, count(*) FROM appeal " \
  "WHERE followup_on >= ?1 AND followup_on < ?2 AND satisfaction IS NOT NULL GROUP BY 1"

#define BALLOT_SQL \
  "SELECT g.grade, count(*) FROM ballot_grade g JOIN ballot b ON b.id = g.ballot_id " \
  "JOIN evaluation_campaign c ON c.id = b.campaign_id " \
  "WHERE c.year = CAST(substr(?1, 1, 4) AS INTEGER) GROUP BY 1"

#define HOUSEHOLDS_SQL \
  "SELECT coalesce(sum(last_visit_on IS NOT NULL " \
  "                    AND julianday(?3) - julianday(last_visit_on) > rule_days), 0), " \
  "       coalesce(sum(last_visit_on IS NULL), 0) " \
  "FROM household WHERE deleted_at IS NULL"

/* Members with fewer active pairings than the quota of their role. */
#define BEHIND_SQL \
  "SELECT m.id, m.name, q.households, " \
  "  (SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id " \
  "    AND h.deleted_at IS NULL WHERE p.member_id = m.id AND p.end_on IS NULL) AS paired " \
  "FROM member m JOIN quota q ON q.role = m.role " \
  "WHERE m.deleted_at IS NULL AND m.status <> 'transferred_out' AND paired < q.households " \
  "ORDER BY q.households - paired DESC, m.id"

static const char * const grade_codes[LX_N_GRADES] = {
  "satisfied", "fairly", "basically", "dissatisfied",
};

typedef struct
{
  const char *from;
  const char *until;
  const char *today;
} Period;

static sqlite3_stmt *
prepare (LxStore      *store,
         const char   *sql,
         const Period *p,
         GError      **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  /* Unused parameters are simply not in the statement. */
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    {
      const char *name = sqlite3_bind_parameter_name (stmt, i);
      const char *value = g_strcmp0 (name, "?1") == 0 ? p->from
                        : g_strcmp0 (name, "?2") == 0 ? p->until : p->today;
      sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

/* Runs a query that yields one row of @n numbers. */
static gboolean
one_row (LxStore      *store,
         const char   *sql,
         const Period *p,
         double       *values,
         int           n,
         GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, sql, p, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lx_store_set_error (store, error, _("Cannot compute the overview"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  for (int i = 0; i < n; i++)
    values[i] = sqlite3_column_type (stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, i);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
finish (LxStore       *store,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  lx_store_set_error (store, error, _("Cannot compute the overview"));
  return FALSE;
}

static gboolean
grades (LxStore      *store,
        const char   *sql,
        const Period *p,
        gint64       *out,
        GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, sql, p, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int g = 0; g < LX_N_GRADES; g++)
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), grade_codes[g]) == 0)
        out[g] = sqlite3_column_int64 (stmt, 1);
  return finish (store, stmt, rc, error);
}

static gboolean
per_month (LxStore      *store,
           const Period *p,
           LxOverview   *out,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare (store, PER_MONTH_SQL, p, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      if (month >= 1 && month <= 12)
        {
          out->home_per_month[month - 1] = sqlite3_column_int64 (stmt, 1);
          out->field_per_month[month - 1] = sqlite3_column_int64 (stmt, 2);
        }
    }
  return finish (store, stmt, rc, error);
}

static gint64
count_behind (LxStore  *store,
              GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, BEHIND_SQL, error);
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n++;
  return finish (store, stmt, rc, error) ? n : -1;
}

/**
 * lx_overview_compute:
 * @today: (nullable): ISO date; NULL for lx_date_today()
 */
gboolean
lx_overview_compute (LxStore     *store,
                     int          year,
                     const char  *today,
                     LxOverview  *out,
                     GError     **error)
{
  g_autofree char *real_today = NULL;
  g_autofree char *from = NULL, *until = NULL, *day_after = NULL;
  double a[7], r[1], h[2];
  Period p;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (year > 0 && year < 10000, FALSE);

  if (today == NULL)
    today = real_today = lx_date_today ();
  memset (out, 0, sizeof *out);
  if (!lx_stats_compute (store, year, today, &out->visits, error))
    return FALSE;

  from = g_strdup_printf ("%04d-01-01", year);
  until = g_strdup_printf ("%04d-01-01", year + 1);
  day_after = lx_date_add_days (today, 1);
  /* Nothing after today counts, as in lx_stats_compute(). */
  if (day_after != NULL && g_strcmp0 (day_after, until) < 0)
    {
      g_free (until);
      until = g_steal_pointer (&day_after);
    }
  p = (Period) { from, until, today };

  if (!one_row (store, APPEALS_SQL, &p, a, 7, error) ||
      !one_row (store, RECEPTION_DAYS_SQL, &p, r, 1, error) ||
      !one_row (store, HOUSEHOLDS_SQL, &p, h, 2, error) ||
      !per_month (store, &p, out, error) ||
      !grades (store, FOLLOWUP_SQL, &p, out->followup_grades, error) ||
      !grades (store, BALLOT_SQL, &p, out->ballot_grades, error) ||
      (out->members_behind_quota = count_behind (store, error)) < 0)
    return FALSE;

  out->appeals_received = (gint64)a[0];
  out->appeals_resolved = (gint64)a[1];
  out->appeals_responded = (gint64)a[2];
  out->appeals_escalated = (gint64)a[3];
  out->appeals_open = (gint64)a[4];
  out->appeals_overdue = (gint64)a[5];
  out->average_days_to_close = a[6];
  out->reception_days = (gint64)r[0];
  out->households_overdue = (gint64)h[0];
  out->households_never = (gint64)h[1];
  return TRUE;
}

/* The share of 满意 and 比较满意 among all grades: the 满意率 of the ledgers. */
double
lx_overview_satisfaction (const gint64 *grade_counts)
{
  gint64 total = 0;

  g_return_val_if_fail (grade_counts != NULL, 0);
  for (int g = 0; g < LX_N_GRADES; g++)
    total += grade_counts[g];
  if (total == 0)
    return 0;
  return (double)(grade_counts[LX_GRADE_SATISFIED] + grade_counts[LX_GRADE_FAIRLY]) / total;
}

/**
 * lx_overview_visits_per_day:
 *
 * Returns: (transfer full): one double per day of @year (index 0 is
 *   1 January): the visits of every kind on that day
 */
GArray *
lx_overview_visits_per_day (LxStore  *store,
                            int       year,
                            GError  **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *until = g_strdup_printf ("%04d-01-01", year + 1);
  Period p = { from, until, from };
  guint n = g_date_is_leap_year ((GDateYear)year) ? 366 : 365;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (double));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_array_set_size (days, n);
  stmt = prepare (store,
                  "SELECT CAST(julianday(substr(happened_at, 1, 10)) - julianday(?1) AS INTEGER), "
                  "count(*) FROM visit WHERE happened_at >= ?1 AND happened_at < ?2 GROUP BY 1",
                  &p, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);
      if (d >= 0 && (guint)d < n)
        g_array_index (days, double, d) = sqlite3_column_double (stmt, 1);
    }
  if (!finish (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&days);
}

void
lx_attention_free (LxAttention *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->detail);
  g_free (item->date);
  g_free (item);
}
