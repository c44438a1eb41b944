/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-pairing"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-pairing.h"
#include "lx-repo.h"
#include "lx-validate.h"

/* What the pairing board and the statistics read: quotas, cards, history
 * and the year's figures. */

#define ROLE_RANK \
  "CASE m.role WHEN 'secretary' THEN 0 WHEN 'deputy' THEN 1 WHEN 'committee' THEN 2 " \
  "WHEN 'group_leader' THEN 3 ELSE 4 END"

/* Active pairings with households that are not deleted. */
#define PAIRED_COUNT \
  "(SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id " \
  "  WHERE p.member_id = m.id AND p.end_on IS NULL AND h.deleted_at IS NULL)"

/* Members who can take households, and those who left with households
 * still paired (so that the board shows what must be moved). ?1: the
 * organization, with its sub-organizations; 0: all. */
#define QUOTA_SQL \
  "WITH RECURSIVE sub(id) AS (SELECT id FROM organization WHERE id = ?1 OR ?1 = 0 " \
  "  UNION SELECT o.id FROM organization o JOIN sub ON o.parent_id = sub.id), " \
  "tree(id, path) AS (SELECT id, printf('%06d', position) FROM organization WHERE parent_id IS NULL " \
  "  UNION ALL SELECT o.id, tree.path || '.' || printf('%06d', o.position) " \
  "  FROM organization o JOIN tree ON o.parent_id = tree.id) " \
  "SELECT m.id, m.name, m.pinyin, m.initials, m.role, m.org_id, o.name, " \
  "       coalesce(q.households, 0), coalesce(q.paired_visits_year, 0), " PAIRED_COUNT ", " \
  "       m.status = 'transferred_out' OR m.deleted_at IS NOT NULL " \
  "FROM member m JOIN organization o ON o.id = m.org_id LEFT JOIN quota q ON q.role = m.role " \
  "LEFT JOIN tree t ON t.id = o.id WHERE m.org_id IN (SELECT id FROM sub) " \
  "  AND ((m.deleted_at IS NULL AND m.status <> 'transferred_out') OR " PAIRED_COUNT " > 0) " \
  "ORDER BY t.path, o.id, " ROLE_RANK ", m.pinyin, m.id"

/* The address as lx_household_dup_address() writes it. */
#define ADDRESS_SQL \
  "CASE WHEN h.building_id IS NULL THEN coalesce(h.address, '') ELSE " \
  "  coalesce(s.name, '') || coalesce(b.name, '') || " \
  "  CASE WHEN h.entrance > 0 THEN h.entrance || '单元' ELSE '' END || " \
  "  CASE WHEN coalesce(h.room, '') <> '' THEN h.room || '室' ELSE '' END END"

/* ?1 first day of the year, ?2 the day after the last day counted. The
 * CROSS JOIN keeps SQLite starting from the household's few visits: left
 * to itself it walks the year's home visits through visit_kind for every
 * household (seconds on 6,000 households instead of milliseconds). */
#define CARD_COLUMNS \
  "h.id, h.head_name, " ADDRESS_SQL ", " \
  "(SELECT group_concat(tag, ',') FROM (SELECT n.tag FROM household_need n " \
  "   JOIN need_tag t ON t.code = n.tag WHERE n.household_id = h.id ORDER BY t.position)), " \
  "h.last_visit_on, " \
  "(SELECT count(*) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id " \
  "  WHERE vh.household_id = h.id AND v.kind = 'home' " \
  "    AND v.happened_at >= ?1 AND v.happened_at < ?2) "

#define CARD_FROM \
  " FROM household h LEFT JOIN building b ON b.id = h.building_id " \
  "LEFT JOIN site s ON s.id = b.site_id "

#define SEARCH_SQL " AND (?3 IS NULL OR instr(h.search_text, ?3) > 0)"

#define PAIRED_SQL \
  "SELECT " CARD_COLUMNS ", coalesce(q.paired_visits_year, 0), p.member_id, p.id, p.start_on " \
  CARD_FROM "JOIN pairing p ON p.household_id = h.id AND p.end_on IS NULL " \
  "JOIN member m ON m.id = p.member_id LEFT JOIN quota q ON q.role = m.role " \
  "WHERE h.deleted_at IS NULL" SEARCH_SQL " ORDER BY p.member_id, p.start_on, h.id"

#define UNPAIRED_SQL \
  "SELECT " CARD_COLUMNS ", 0, 0, 0, NULL " CARD_FROM \
  "WHERE h.deleted_at IS NULL AND h.needy = 1 AND NOT EXISTS " \
  "  (SELECT 1 FROM pairing p WHERE p.household_id = h.id AND p.end_on IS NULL)" SEARCH_SQL \
  " ORDER BY h.last_visit_on IS NOT NULL, h.last_visit_on, h.id"

void
lx_pairing_quota_free (LxPairingQuota *q)
{
  if (q == NULL)
    return;
  g_free (q->name);
  g_free (q->pinyin);
  g_free (q->initials);
  g_free (q->role);
  g_free (q->org_name);
  g_free (q);
}

void
lx_pairing_card_free (LxPairingCard *c)
{
  if (c == NULL)
    return;
  g_free (c->head_name);
  g_free (c->address);
  g_free (c->need_labels);
  g_free (c->last_visit_on);
  g_free (c->start_on);
  g_free (c);
}

void
lx_pairing_record_free (LxPairingRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->member_name);
  g_free (r->start_on);
  g_free (r->end_on);
  g_free (r->end_reason);
  g_free (r);
}

GPtrArray *
lx_pairing_list_quotas (LxStore  *store,
                        gint64    org_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pairing_quota_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (!(stmt = lx_store_prepare (store, QUOTA_SQL, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxPairingQuota *q = g_new0 (LxPairingQuota, 1);

      q->member_id = sqlite3_column_int64 (stmt, 0);
      q->name = lx_column_dup (stmt, 1);
      q->pinyin = lx_column_dup (stmt, 2);
      q->initials = lx_column_dup (stmt, 3);
      q->role = lx_column_dup (stmt, 4);
      q->org_id = sqlite3_column_int64 (stmt, 5);
      q->org_name = lx_column_dup (stmt, 6);
      q->quota = sqlite3_column_int (stmt, 7);
      q->visits_rule = sqlite3_column_int (stmt, 8);
      q->paired = sqlite3_column_int (stmt, 9);
      q->inactive = sqlite3_column_int (stmt, 10);
      q->met = q->paired >= q->quota;
      g_ptr_array_add (list, q);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* The first day of @year and the day after the last one counted. */
static void
year_range (int          year,
            const char  *today,
            char       **out_from,
            char       **out_until)
{
  g_autofree char *day_after = lx_date_add_days (today, 1);

  *out_from = g_strdup_printf ("%04d-01-01", year);
  *out_until = g_strdup_printf ("%04d-01-01", year + 1);
  if (day_after != NULL && strcmp (day_after, *out_until) < 0)
    {
      g_free (*out_until);
      *out_until = g_steal_pointer (&day_after);
    }
}

static LxPairingCard *
card_from_row (sqlite3_stmt *stmt,
               const char   *today)
{
  LxPairingCard *c = g_new0 (LxPairingCard, 1);
  const char *tags = (const char *)sqlite3_column_text (stmt, 3);
  g_auto(GStrv) codes = tags != NULL ? g_strsplit (tags, ",", -1) : NULL;

  c->household_id = sqlite3_column_int64 (stmt, 0);
  c->head_name = lx_column_dup (stmt, 1);
  c->address = lx_column_dup (stmt, 2);
  c->need_labels = lx_need_tags_join_labels ((const char * const *)codes);
  c->last_visit_on = lx_column_dup (stmt, 4);
  c->days_since_visit = c->last_visit_on != NULL ? lx_date_days_between (c->last_visit_on, today) : -1;
  c->visits_year = sqlite3_column_int (stmt, 5);
  c->visits_rule = sqlite3_column_int (stmt, 6);
  c->member_id = sqlite3_column_int64 (stmt, 7);
  c->pairing_id = sqlite3_column_int64 (stmt, 8);
  c->start_on = lx_column_dup (stmt, 9);
  return c;
}

static GPtrArray *
list_cards (LxStore     *store,
            const char  *sql,
            int          year,
            const char  *today,
            const char  *search,
            GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pairing_card_free);
  g_autofree char *real_today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (today == NULL)
    today = real_today = lx_date_today ();
  if (!(stmt = lx_store_prepare (store, sql, error)))
    return NULL;
  year_range (year, today, &from, &until);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
  if (search != NULL && *search != '\0')
    {
      /* search_text is lower case, full-width folded (lx-household-repo.c). */
      g_autofree char *normalized = lx_normalize_text (search);
      g_autofree char *lower = g_utf8_strdown (normalized, -1);
      sqlite3_bind_text (stmt, 3, lower, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, card_from_row (stmt, today));
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lx_pairing_list_paired (LxStore     *store,
                        int          year,
                        const char  *today,
                        const char  *search,
                        GError     **error)
{
  return list_cards (store, PAIRED_SQL, year, today, search, error);
}

GPtrArray *
lx_pairing_list_unpaired_needy (LxStore     *store,
                                int          year,
                                const char  *today,
                                const char  *search,
                                GError     **error)
{
  return list_cards (store, UNPAIRED_SQL, year, today, search, error);
}

GPtrArray *
lx_pairing_history (LxStore  *store,
                    gint64    household_id,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pairing_record_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
    "SELECT p.id, p.member_id, m.name, p.start_on, p.end_on, p.end_reason FROM pairing p "
    "JOIN member m ON m.id = p.member_id WHERE p.household_id = ? "
    "ORDER BY p.end_on IS NULL DESC, p.start_on DESC, p.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxPairingRecord *r = g_new0 (LxPairingRecord, 1);

      r->pairing_id = sqlite3_column_int64 (stmt, 0);
      r->member_id = sqlite3_column_int64 (stmt, 1);
      r->member_name = lx_column_dup (stmt, 2);
      r->start_on = lx_column_dup (stmt, 3);
      r->end_on = lx_column_dup (stmt, 4);
      r->end_reason = lx_column_dup (stmt, 5);
      g_ptr_array_add (list, r);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * lx_pairing_describe:
 *
 * Returns: (nullable): "王书记, since 2026-03-01" for a paired household,
 *   NULL when nobody is paired with it
 */
char *
lx_pairing_describe (LxStore *store,
                     gint64   household_id)
{
  g_autoptr(GPtrArray) history = lx_pairing_history (store, household_id, NULL);
  LxPairingRecord *r;

  if (history == NULL || history->len == 0)
    return NULL;
  r = g_ptr_array_index (history, 0);
  if (r->end_on != NULL)
    return NULL;
  /* Translators: the member paired with a household and since when */
  return g_strdup_printf (_("%s, since %s"), r->member_name, r->start_on);
}

/* Statistics ------------------------------------------------------------- */

#define NEEDY_SQL \
  "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM pairing p WHERE p.household_id = h.id " \
  "  AND p.end_on IS NULL)), 0) FROM household h WHERE h.deleted_at IS NULL AND h.needy = 1"

#define MEMBERS_SQL \
  "SELECT count(*), coalesce(sum(" PAIRED_COUNT " >= coalesce(q.households, 0)), 0) " \
  "FROM member m LEFT JOIN quota q ON q.role = m.role " \
  "WHERE m.deleted_at IS NULL AND m.status <> 'transferred_out'"

/* Per paired household: home visits in [?1, ?2) against the rule of the
 * paired member's role. */
#define PAIRED_VISITS_SQL \
  "SELECT count(*), coalesce(sum(n), 0), coalesce(sum(rule), 0), coalesce(sum(n >= rule), 0) " \
  "FROM (SELECT coalesce(q.paired_visits_year, 0) AS rule, " \
  "  (SELECT count(*) FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id " \
  "    WHERE vh.household_id = h.id AND v.kind = 'home' " \
  "      AND v.happened_at >= ?1 AND v.happened_at < ?2) AS n " \
  "  FROM pairing p JOIN household h ON h.id = p.household_id AND h.deleted_at IS NULL " \
  "  JOIN member m ON m.id = p.member_id LEFT JOIN quota q ON q.role = m.role " \
  "  WHERE p.end_on IS NULL)"

#define HOURS_SQL \
  "SELECT coalesce(sum(hours), 0) FROM volunteer_activity WHERE happened_on >= ?1 AND happened_on < ?2"

static gboolean
run_row (LxStore     *store,
         const char  *sql,
         const char  *from,
         const char  *until,
         sqlite3_stmt **out_stmt,
         GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
    }
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      lx_store_set_error (store, error, _("Cannot compute the statistics"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_stmt = stmt;
  return TRUE;
}

/**
 * lx_pairing_stats_compute:
 * @today: (nullable): visits and activities after it are not counted
 *
 * Pairings are those active now: the board's state, whatever @year.
 */
gboolean
lx_pairing_stats_compute (LxStore         *store,
                          int              year,
                          const char      *today,
                          LxPairingStats  *out,
                          GError         **error)
{
  g_autofree char *real_today = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (today == NULL)
    today = real_today = lx_date_today ();
  year_range (year, today, &from, &until);
  memset (out, 0, sizeof *out);
  out->year = year;

  if (!run_row (store, NEEDY_SQL, from, until, &stmt, error))
    return FALSE;
  out->needy_households = sqlite3_column_int64 (stmt, 0);
  out->needy_paired = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  out->needy_paired_rate = out->needy_households > 0
    ? (double)out->needy_paired / (double)out->needy_households : 0.0;

  if (!run_row (store, MEMBERS_SQL, from, until, &stmt, error))
    return FALSE;
  out->members = sqlite3_column_int64 (stmt, 0);
  out->members_meeting_quota = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (!run_row (store, PAIRED_VISITS_SQL, from, until, &stmt, error))
    return FALSE;
  out->paired_households = sqlite3_column_int64 (stmt, 0);
  out->paired_visits = sqlite3_column_int64 (stmt, 1);
  out->paired_visits_required = sqlite3_column_int64 (stmt, 2);
  out->paired_meeting_rule = sqlite3_column_int64 (stmt, 3);
  sqlite3_reset (stmt);

  if (!run_row (store, HOURS_SQL, from, until, &stmt, error))
    return FALSE;
  out->volunteer_hours = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

char *
lx_pairing_stats_to_json (const LxPairingStats *s,
                          int                   indent)
{
  GString *json = g_string_new (NULL);
  char rate[G_ASCII_DTOSTR_BUF_SIZE], hours[G_ASCII_DTOSTR_BUF_SIZE];
  const struct { const char *key; gint64 value; } numbers[] = {
    { "needy_households", s->needy_households },
    { "needy_paired", s->needy_paired },
    { "members", s->members },
    { "members_meeting_quota", s->members_meeting_quota },
    { "paired_households", s->paired_households },
    { "paired_visits", s->paired_visits },
    { "paired_visits_required", s->paired_visits_required },
    { "paired_meeting_rule", s->paired_meeting_rule },
  };

  /* Locale-independent: JSON wants a dot, whatever LC_NUMERIC says. */
  g_ascii_formatd (rate, sizeof rate, "%.6f", s->needy_paired_rate);
  g_ascii_formatd (hours, sizeof hours, "%.1f", s->volunteer_hours);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_string_append_printf (json, "%*s\"%s\": %" G_GINT64_FORMAT ",\n", indent, "",
                            numbers[i].key, numbers[i].value);
  g_string_append_printf (json, "%*s\"needy_paired_rate\": %s,\n", indent, "", rate);
  g_string_append_printf (json, "%*s\"volunteer_hours\": %s\n", indent, "", hours);
  return g_string_free (json, FALSE);
}
