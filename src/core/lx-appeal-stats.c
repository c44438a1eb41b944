/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-appeal-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-appeal-stats.h"
#include "lx-date.h"

/* ?1 the year's first day, ?2 the first day not counted (the day after
 * today, or next year), ?3 today. */
#define YEAR_WHERE " a.received_on >= ?1 AND a.received_on < ?2 "

#define REACHED(status) \
  "EXISTS (SELECT 1 FROM appeal_step s WHERE s.appeal_id = a.id AND s.to_status = '" status "')"

#define TOTALS_SQL \
  "SELECT count(*), " \
  "  coalesce(sum(" REACHED ("resolved") "), 0), " \
  "  coalesce(sum(" REACHED ("responded") "), 0), " \
  "  coalesce(sum(" REACHED ("escalated") "), 0), " \
  "  coalesce(sum(a.status = 'closed'), 0), " \
  "  coalesce(sum(a.deadline < ?3 AND a.status NOT IN ('resolved', 'responded', 'closed')), 0) " \
  "FROM appeal a WHERE" YEAR_WHERE

#define DAYS_SQL \
  "SELECT CAST(julianday(a.closed_on) - julianday(a.received_on) AS INTEGER) AS days " \
  "FROM appeal a WHERE" YEAR_WHERE "AND a.status = 'closed' AND a.closed_on IS NOT NULL " \
  "ORDER BY days"

static void
count_free (gpointer data)
{
  LxAppealCount *c = data;

  g_free (c->key);
  g_free (c);
}

static sqlite3_stmt *
prepare_bound (LxStore     *store,
               const char  *sql,
               const char  *from,
               const char  *until,
               const char  *today,
               GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Rows of (key, id, count), most first. */
static GPtrArray *
breakdown (LxStore     *store,
           const char  *sql,
           const char  *from,
           const char  *until,
           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (count_free);
  sqlite3_stmt *stmt = prepare_bound (store, sql, from, until, NULL, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxAppealCount *c = g_new0 (LxAppealCount, 1);
      const char *key = (const char *)sqlite3_column_text (stmt, 0);

      c->key = g_strdup (key ? key : "");
      c->id = sqlite3_column_int64 (stmt, 1);
      c->count = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, _("Cannot compute the statistics"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

#define BY_COLUMN(column) \
  "SELECT a." column ", 0, count(*) AS n FROM appeal a WHERE" YEAR_WHERE \
  "GROUP BY a." column " ORDER BY n DESC, a." column

#define BY_MEMBER_SQL \
  "SELECT coalesce(m.name, ''), coalesce(a.assignee_id, 0), count(*) AS n FROM appeal a " \
  "LEFT JOIN member m ON m.id = a.assignee_id WHERE" YEAR_WHERE \
  "GROUP BY a.assignee_id ORDER BY n DESC, m.name"

static gboolean
compute_totals (LxStore        *store,
                const char     *from,
                const char     *until,
                const char     *today,
                LxAppealStats  *out,
                GError        **error)
{
  sqlite3_stmt *stmt = prepare_bound (store, TOTALS_SQL, from, until, today, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lx_store_set_error (store, error, _("Cannot compute the statistics"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  out->received = sqlite3_column_int64 (stmt, 0);
  out->resolved = sqlite3_column_int64 (stmt, 1);
  out->responded = sqlite3_column_int64 (stmt, 2);
  out->escalated = sqlite3_column_int64 (stmt, 3);
  out->closed = sqlite3_column_int64 (stmt, 4);
  out->overdue = sqlite3_column_int64 (stmt, 5);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
compute_median (LxStore        *store,
                const char     *from,
                const char     *until,
                LxAppealStats  *out,
                GError        **error)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = prepare_bound (store, DAYS_SQL, from, until, NULL, error);
  guint n;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 d = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (days, d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, _("Cannot compute the statistics"));
      return FALSE;
    }

  n = days->len;
  if (n == 0)
    out->median_days_to_close = -1;
  else if (n % 2 == 1)
    out->median_days_to_close = g_array_index (days, gint64, n / 2);
  else
    out->median_days_to_close = (g_array_index (days, gint64, n / 2 - 1) +
                                 g_array_index (days, gint64, n / 2)) / 2.0;
  return TRUE;
}

/**
 * lx_appeal_stats_compute:
 * @today: (nullable): ISO date; appeals after it are not counted, and
 *   deadlines before it are overdue. NULL: the real today
 * @out: (out caller-allocates): free with lx_appeal_stats_clear()
 */
gboolean
lx_appeal_stats_compute (LxStore        *store,
                         int             year,
                         const char     *today,
                         LxAppealStats  *out,
                         GError        **error)
{
  g_autofree char *real_today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *day_after = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (today == NULL)
    today = real_today = lx_date_today ();
  from = g_strdup_printf ("%04d-01-01", year);
  until = g_strdup_printf ("%04d-01-01", year + 1);
  day_after = lx_date_add_days (today, 1);
  if (day_after != NULL && g_strcmp0 (day_after, until) < 0)
    {
      g_free (until);
      until = g_steal_pointer (&day_after);
    }

  out->year = year;
  if (!compute_totals (store, from, until, today, out, error) ||
      !compute_median (store, from, until, out, error) ||
      !(out->by_domain = breakdown (store, BY_COLUMN ("domain"), from, until, error)) ||
      !(out->by_concern = breakdown (store, BY_COLUMN ("concern"), from, until, error)) ||
      !(out->by_channel = breakdown (store, BY_COLUMN ("channel"), from, until, error)) ||
      !(out->by_mechanism = breakdown (store, BY_COLUMN ("mechanism"), from, until, error)) ||
      !(out->by_member = breakdown (store, BY_MEMBER_SQL, from, until, error)))
    {
      lx_appeal_stats_clear (out);
      return FALSE;
    }
  if (out->received > 0)
    {
      out->resolution_rate = (double)out->resolved / out->received;
      out->response_rate = (double)(out->resolved + out->responded) / out->received;
    }
  return TRUE;
}

void
lx_appeal_stats_clear (LxAppealStats *stats)
{
  g_clear_pointer (&stats->by_domain, g_ptr_array_unref);
  g_clear_pointer (&stats->by_concern, g_ptr_array_unref);
  g_clear_pointer (&stats->by_channel, g_ptr_array_unref);
  g_clear_pointer (&stats->by_mechanism, g_ptr_array_unref);
  g_clear_pointer (&stats->by_member, g_ptr_array_unref);
}

/* The count of @key in a breakdown; 0 when absent. */
gint64
lx_appeal_stats_count (GPtrArray  *list,
                       const char *key)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      LxAppealCount *c = g_ptr_array_index (list, i);
      if (g_strcmp0 (c->key, key) == 0)
        return c->count;
    }
  return 0;
}

/* JSON wants " and \\ escaped and control characters as \\u; UTF-8 passes. */
static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar)*p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
append_breakdown (GString    *json,
                  const char *pad,
                  const char *name,
                  GPtrArray  *list,
                  gboolean    last)
{
  g_string_append_printf (json, "%s\"%s\": {", pad, name);
  for (guint i = 0; i < list->len; i++)
    {
      LxAppealCount *c = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append (json, ", ");
      append_json_string (json, *c->key ? c->key : "none");
      g_string_append_printf (json, ": %" G_GINT64_FORMAT, c->count);
    }
  g_string_append_printf (json, "}%s\n", last ? "" : ",");
}

static void
append_double (GString    *json,
               const char *pad,
               const char *name,
               double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: JSON wants a dot. */
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  g_string_append_printf (json, "%s\"%s\": %s,\n", pad, name, buf);
}

char *
lx_appeal_stats_to_json (const LxAppealStats *s,
                         int                  indent)
{
  g_autofree char *pad = g_strnfill (MAX (indent, 0), ' ');
  GString *json = g_string_new (NULL);
  const struct { const char *name; gint64 value; } numbers[] = {
    { "received", s->received }, { "resolved", s->resolved }, { "responded", s->responded },
    { "escalated", s->escalated }, { "closed", s->closed }, { "overdue", s->overdue },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_string_append_printf (json, "%s\"%s\": %" G_GINT64_FORMAT ",\n", pad, numbers[i].name,
                            numbers[i].value);
  append_double (json, pad, "resolution_rate", s->resolution_rate);
  append_double (json, pad, "response_rate", s->response_rate);
  if (s->median_days_to_close < 0)
    g_string_append_printf (json, "%s\"median_days_to_close\": null,\n", pad);
  else
    append_double (json, pad, "median_days_to_close", s->median_days_to_close);
  append_breakdown (json, pad, "by_domain", s->by_domain, FALSE);
  append_breakdown (json, pad, "by_concern", s->by_concern, FALSE);
  append_breakdown (json, pad, "by_channel", s->by_channel, FALSE);
  append_breakdown (json, pad, "by_mechanism", s->by_mechanism, FALSE);
  append_breakdown (json, pad, "by_member", s->by_member, TRUE);
  return g_string_free (json, FALSE);
}
