/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-overview"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-overview.h"

/* The "needs attention" list of the overview, and just enough of RFC 5545
 * to find the next occurrence of a recurring reception day. */

#define RECEPTION_HORIZON_DAYS 31

/* Recurrence --------------------------------------------------------------- */

typedef struct
{
  char    freq[8];
  int     interval;
  int     by_weekday[8];   /* GDateWeekday → ordinal; 0 absent, 99 any */
  gboolean has_byday;
  int     by_month_day;
  char    until[11];
} Rule;

static const char * const weekday_codes[] = { "", "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static void
parse_byday (Rule       *rule,
             const char *value)
{
  g_auto(GStrv) days = g_strsplit (value, ",", -1);

  for (guint i = 0; days[i] != NULL; i++)
    {
      gsize len = strlen (days[i]);
      int ordinal = len > 2 ? atoi (days[i]) : 99;

      for (int w = 1; w <= 7 && len >= 2; w++)
        if (g_str_equal (days[i] + len - 2, weekday_codes[w]))
          {
            rule->by_weekday[w] = ordinal != 0 ? ordinal : 99;
            rule->has_byday = TRUE;
          }
    }
}

static void
parse_rule (const char *rrule,
            Rule       *rule)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);

  memset (rule, 0, sizeof *rule);
  rule->interval = 1;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      if (eq == NULL)
        continue;
      if (g_str_has_prefix (parts[i], "FREQ="))
        g_strlcpy (rule->freq, eq + 1, sizeof rule->freq);
      else if (g_str_has_prefix (parts[i], "INTERVAL="))
        rule->interval = MAX (1, atoi (eq + 1));
      else if (g_str_has_prefix (parts[i], "BYDAY="))
        parse_byday (rule, eq + 1);
      else if (g_str_has_prefix (parts[i], "BYMONTHDAY="))
        rule->by_month_day = atoi (eq + 1);
      else if (g_str_has_prefix (parts[i], "UNTIL=") && strlen (eq + 1) >= 8)
        g_snprintf (rule->until, sizeof rule->until, "%.4s-%.2s-%.2s", eq + 1, eq + 5, eq + 7);
    }
}

static GDate *
parse_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return NULL;
  return g_date_new_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static gboolean
weekday_matches (const Rule *rule,
                 const GDate *day,
                 gboolean     monthly)
{
  int ordinal = rule->by_weekday[g_date_get_weekday (day)];
  int dom = g_date_get_day (day);
  int dim = g_date_get_days_in_month (g_date_get_month (day), g_date_get_year (day));

  if (ordinal == 0)
    return FALSE;
  if (ordinal == 99 || !monthly)
    return TRUE;
  if (ordinal > 0)
    return (dom - 1) / 7 + 1 == ordinal;
  return (dim - dom) / 7 + 1 == -ordinal;
}

static gboolean
occurs_on (const Rule  *rule,
           const GDate *start,
           const GDate *day)
{
  int days = g_date_days_between (start, day);
  int months = (g_date_get_year (day) - g_date_get_year (start)) * 12 +
               (int)g_date_get_month (day) - (int)g_date_get_month (start);

  if (days < 0)
    return FALSE;
  if (g_str_equal (rule->freq, "DAILY"))
    return days % rule->interval == 0;
  if (g_str_equal (rule->freq, "WEEKLY"))
    {
      int week = (days + (int)g_date_get_weekday (start) - 1) / 7;
      if (week % rule->interval != 0)
        return FALSE;
      return rule->has_byday ? weekday_matches (rule, day, FALSE)
                             : g_date_get_weekday (day) == g_date_get_weekday (start);
    }
  if (g_str_equal (rule->freq, "MONTHLY"))
    {
      if (months % rule->interval != 0)
        return FALSE;
      if (rule->has_byday)
        return weekday_matches (rule, day, TRUE);
      return g_date_get_day (day) == (rule->by_month_day > 0 ? rule->by_month_day : g_date_get_day (start));
    }
  if (g_str_equal (rule->freq, "YEARLY"))
    return g_date_get_month (day) == g_date_get_month (start) &&
           g_date_get_day (day) == g_date_get_day (start) &&
           (months / 12) % rule->interval == 0;
  return days == 0;
}

/**
 * lx_overview_next_occurrence:
 * @starts_at: the first occurrence, "YYYY-MM-DD…"
 * @rrule: (nullable): FREQ=DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, BYDAY
 *   (with ordinals for monthly rules), BYMONTHDAY and UNTIL
 * @from: the earliest date wanted
 *
 * Returns: (transfer full) (nullable): the first occurrence on or after
 *   @from within a year and a half, as an ISO date
 */
char *
lx_overview_next_occurrence (const char *starts_at,
                             const char *rrule,
                             const char *from)
{
  g_autoptr(GDate) start = parse_date (starts_at);
  g_autoptr(GDate) day = parse_date (from);
  Rule rule;

  g_return_val_if_fail (from != NULL, NULL);
  if (start == NULL || day == NULL)
    return NULL;
  if (rrule == NULL || *rrule == '\0')
    return g_date_compare (start, day) >= 0 ? g_strndup (starts_at, 10) : NULL;

  parse_rule (rrule, &rule);
  if (g_date_compare (day, start) < 0)
    *day = *start;
  for (int i = 0; i < 550; i++, g_date_add_days (day, 1))
    if (occurs_on (&rule, start, day))
      {
        char iso[16];
        g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (day),
                    g_date_get_month (day), g_date_get_day (day));
        if (rule.until[0] != '\0' && strcmp (iso, rule.until) > 0)
          return NULL;
        return g_strdup (iso);
      }
  return NULL;
}

/* The list ------------------------------------------------------------------ */

static LxAttention *
item_new (LxAttentionKind  kind,
          gint64           id,
          char            *title,
          char            *detail,
          const char      *date)
{
  LxAttention *item = g_new0 (LxAttention, 1);

  item->kind = kind;
  item->id = id;
  item->title = title;
  item->detail = detail;
  item->date = g_strdup (date);
  return item;
}

static gboolean
done (LxStore       *store,
      sqlite3_stmt  *stmt,
      int            rc,
      GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  lx_store_set_error (store, error, _("Cannot list what needs attention"));
  return FALSE;
}

static gboolean
add_households (LxStore     *store,
                const char  *today,
                guint        max,
                GPtrArray   *items,
                GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT head_name, count(*) OVER () FROM household WHERE deleted_at IS NULL "
    "AND last_visit_on IS NOT NULL AND julianday(?1) - julianday(last_visit_on) > rule_days "
    "ORDER BY needy DESC, last_visit_on, id LIMIT ?2", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 total = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, lx_column_dup (stmt, 0));
      total = sqlite3_column_int64 (stmt, 1);
    }
  if (!done (store, stmt, rc, error))
    return FALSE;
  if (total > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (names, NULL);
      /* Translators: joins household names in a list, "张三、李四" */
      joined = g_strjoinv (_(", "), (char **)names->pdata);
      g_ptr_array_add (items, item_new (LX_ATTENTION_HOUSEHOLDS_OVERDUE, 0,
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d household past its visit rule",
                                      "%d households past their visit rule", (gulong)total),
                         (int)total),
        total > max ? g_strdup_printf (_("%s and others"), joined) : g_steal_pointer (&joined),
        NULL));
    }
  return TRUE;
}

static gboolean
add_appeals (LxStore     *store,
             const char  *today,
             guint        max,
             GPtrArray   *items,
             GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT a.id, a.description, a.deadline, coalesce(h.head_name, a.anonymous_name) "
    "FROM appeal a LEFT JOIN household h ON h.id = a.household_id "
    "WHERE a.status IN ('received', 'in_progress') AND a.deadline < ?1 "
    "ORDER BY a.deadline, a.id LIMIT ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *deadline = (const char *)sqlite3_column_text (stmt, 2);
      const char *who = (const char *)sqlite3_column_text (stmt, 3);

      g_ptr_array_add (items, item_new (LX_ATTENTION_APPEAL_OVERDUE, sqlite3_column_int64 (stmt, 0),
        g_strdup_printf (_("Appeal overdue since %s"), deadline),
        who ? g_strdup_printf ("%s · %s", who, sqlite3_column_text (stmt, 1))
            : lx_column_dup (stmt, 1),
        deadline));
    }
  return done (store, stmt, rc, error);
}

/* The next occurrence of @id at or after @from, skipping and moving as the
 * event's exceptions say. */
static char *
next_reception (LxStore    *store,
                gint64      id,
                const char *starts_at,
                const char *rrule,
                const char *today)
{
  g_autofree char *from = g_strdup (today);

  for (int tries = 0; tries < 12; tries++)
    {
      g_autofree char *day = lx_overview_next_occurrence (starts_at, rrule, from);
      sqlite3_stmt *stmt;
      g_autofree char *moved = NULL;
      gboolean skipped = FALSE;

      if (day == NULL)
        return NULL;
      stmt = lx_store_prepare (store, "SELECT moved_to FROM event_exception "
                                      "WHERE event_id = ? AND occurrence_on = ?", NULL);
      if (stmt == NULL)
        return g_steal_pointer (&day);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          moved = lx_column_dup (stmt, 0);
          skipped = moved == NULL;
        }
      sqlite3_reset (stmt);
      if (moved != NULL && strncmp (moved, today, 10) >= 0)
        return g_strndup (moved, 10);
      if (!skipped && moved == NULL)
        return g_steal_pointer (&day);
      g_free (from);
      from = lx_date_add_days (day, 1);
    }
  return NULL;
}

static gint
by_date (gconstpointer a,
         gconstpointer b)
{
  const LxAttention *x = *(LxAttention **)a, *y = *(LxAttention **)b;

  return g_strcmp0 (x->date, y->date);
}

static gboolean
add_receptions (LxStore     *store,
                const char  *today,
                guint        max,
                GPtrArray   *items,
                GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT id, title, starts_at, rrule, place FROM event "
    "WHERE kind = 'reception_day' AND status = 'planned' ORDER BY starts_at", error);
  g_autofree char *horizon = lx_date_add_days (today, RECEPTION_HORIZON_DAYS);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_attention_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *title = lx_column_dup (stmt, 1);
      g_autofree char *starts = lx_column_dup (stmt, 2);
      g_autofree char *rrule = lx_column_dup (stmt, 3);
      g_autofree char *place = lx_column_dup (stmt, 4);
      g_autofree char *day = NULL;

      /* next_reception() uses another statement: keep this one's row. */
      day = next_reception (store, id, starts, rrule, today);
      if (day != NULL && g_strcmp0 (day, horizon) <= 0)
        g_ptr_array_add (found, item_new (LX_ATTENTION_RECEPTION_DAY, id,
          g_strdup_printf (_("%s on %s"), title, day), g_strdup (place ? place : ""), day));
    }
  if (!done (store, stmt, rc, error))
    return FALSE;
  g_ptr_array_sort (found, by_date);
  for (guint i = 0; i < found->len && i < max; i++)
    g_ptr_array_add (items, g_steal_pointer (&found->pdata[i]));
  return TRUE;
}

static gboolean
add_members (LxStore     *store,
             guint        max,
             GPtrArray   *items,
             GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT m.id, m.name, q.households, "
    "  (SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id "
    "    AND h.deleted_at IS NULL WHERE p.member_id = m.id AND p.end_on IS NULL) AS paired "
    "FROM member m JOIN quota q ON q.role = m.role "
    "WHERE m.deleted_at IS NULL AND m.status <> 'transferred_out' AND paired < q.households "
    "ORDER BY q.households - paired DESC, m.id LIMIT ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int)max);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_new (LX_ATTENTION_MEMBER_QUOTA, sqlite3_column_int64 (stmt, 0),
      g_strdup_printf (_("%s is behind the pairing quota"), sqlite3_column_text (stmt, 1)),
      /* Translators: pairings of a member against the quota, "已结对 1 户，应结对 3 户" */
      g_strdup_printf (_("%d of %d households paired"), sqlite3_column_int (stmt, 3),
                       sqlite3_column_int (stmt, 2)),
      NULL));
  return done (store, stmt, rc, error);
}

/**
 * lx_overview_attention:
 * @max_per_kind: how many items of each kind at most
 *
 * Returns: (transfer full) (element-type LxAttention): overdue households
 *   (one summary item), overdue appeals, reception days in the coming month
 *   and members behind their pairing quota, in that order
 */
GPtrArray *
lx_overview_attention (LxStore     *store,
                       const char  *today,
                       guint        max_per_kind,
                       GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_attention_free);

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!add_households (store, today, max_per_kind, items, error) ||
      !add_appeals (store, today, max_per_kind, items, error) ||
      !add_receptions (store, today, max_per_kind, items, error) ||
      !add_members (store, max_per_kind, items, error))
    return NULL;
  return g_steal_pointer (&items);
}
