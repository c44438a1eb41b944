/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-cli-visits"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lx-cli-private.h"
#include "lx-date.h"
#include "lx-duty.h"
#include "lx-visit-repo.h"

/* lianxin-cli stats-visits: the 三访 of a year in figures (issue 4). */

/* Shared by the table and by stats --json; ?1 and ?2 are the year's ends. */
#define VISITS_BY_ZONE_SQL \
  "SELECT z.name, count(DISTINCT CASE WHEN v.id IS NOT NULL THEN h.id END), " \
  "count(DISTINCT h.id) FROM household h LEFT JOIN zone z ON z.id = h.zone_id " \
  "LEFT JOIN visit_household vh ON vh.household_id = h.id LEFT JOIN visit v " \
  "ON v.id = vh.visit_id AND v.kind = 'home' AND substr(v.happened_at, 1, 10) " \
  "BETWEEN ?1 AND ?2 WHERE h.deleted_at IS NULL GROUP BY z.id ORDER BY z.name"
#define VISITS_BY_MEMBER_SQL \
  "SELECT m.name, count(*) FROM visit v JOIN visit_member vm ON vm.visit_id = v.id " \
  "JOIN member m ON m.id = vm.member_id WHERE substr(v.happened_at, 1, 10) " \
  "BETWEEN ?1 AND ?2 GROUP BY m.id ORDER BY count(*) DESC, m.pinyin"

static gboolean
print_query (LxStore     *store,
             const char  *heading,
             const char  *sql,
             int          year,
             GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  printf ("%s\n", heading);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      if (sqlite3_column_count (stmt) > 2)
        printf ("  %-24s %6d / %-6d\n", name ? name : "—", sqlite3_column_int (stmt, 1),
                sqlite3_column_int (stmt, 2));
      else
        printf ("  %-24s %6d\n", name ? name : "—", sqlite3_column_int (stmt, 1));
    }
  sqlite3_reset (stmt);
  printf ("\n");
  return TRUE;
}

static void
print_kinds (LxStore *store,
             int      year)
{
  const char *kinds[] = { LX_VISIT_KINDS };
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT count(*) FROM visit WHERE kind = ? AND "
                                                "substr(happened_at, 1, 10) BETWEEN ? AND ?", NULL);

  printf ("%s\n", _("Visits by kind"));
  for (guint i = 0; stmt != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      sqlite3_bind_text (stmt, 1, kinds[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        printf ("  %-24s %6d\n", lx_visit_kind_label (kinds[i]), sqlite3_column_int (stmt, 0));
      sqlite3_reset (stmt);
    }
  printf ("\n");
}

static void
print_duty (LxStore    *store,
            int         year,
            const char *today)
{
  g_autoptr(GPtrArray) rows = lx_duty_grid (store, year, today, NULL);
  LxReceptionTally tally;

  printf ("%s\n", _("Field visit months done per leading cadre"));
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      LxDutyRow *row = g_ptr_array_index (rows, i);
      char marks[13];
      for (int m = 0; m < 12; m++)
        marks[m] = row->months[m] == LX_DUTY_DONE ? '+' : row->months[m] == LX_DUTY_MISSED ? 'x' : '.';
      marks[12] = '\0';
      printf ("  %-24s %s %2d / %-2d\n", row->name, marks, row->done, row->done + row->missed);
    }
  if (lx_reception_tally (store, year, today, &tally, NULL))
    printf ("\n%s %d / %d (%d)\n", _("Reception days held / due (planned in the year):"),
            tally.held, tally.due, tally.planned);
}

ExitCode
lx_cli_stats_visits (int    argc,
                     char **argv)
{
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"), N_("Y") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    lx_cli_command_context (NULL, _("Print a year's visits by kind, zone and member, and the field-visit duty."),
                            entries);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lx_date_today ();
  ExitCode code = EXIT_OK;

  if (!lx_cli_parse_command (context, &argc, &argv, &code))
    return code;
  if (argc > 1)
    return lx_cli_usage_error (context, _("stats-visits takes no arguments"));
  if (year == 0)
    year = lx_date_current_year ();
  if (year < 1900 || year > 9999)
    return lx_cli_usage_error (context, _("--year must be between 1900 and 9999"));
  if (!(store = lx_cli_open_store (LX_STORE_OPEN_DEFAULT, &code)))
    return code;

  print_kinds (store, year);
  if (!print_query (store, _("Households visited at home by zone (visited / households)"),
                    VISITS_BY_ZONE_SQL,
                    year, &error) ||
      !print_query (store, _("Visits by member"),
                    VISITS_BY_MEMBER_SQL,
                    year, &error))
    return lx_cli_fail (error);
  print_duty (store, year, today);
  return EXIT_OK;
}

/* stats --json: the same figures as a "visits" object ----------------------- */

static void
json_string (GString    *json,
             const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text != NULL ? text : ""; *p; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (json, "\\%c", *p);
    else if ((guchar)*p < 0x20)
      g_string_append_printf (json, "\\u%04x", (guchar)*p);
    else
      g_string_append_c (json, *p);
  g_string_append_c (json, '"');
}

/* Rows of (name, n[, m]) as a JSON array of objects with the given keys. */
static gboolean
json_rows (LxStore     *store,
           GString     *json,
           const char  *name,
           const char  *sql,
           const char  *keys[3],
           int          year,
           GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  gboolean first = TRUE;

  if (stmt == NULL)
    return FALSE;
  g_string_append_printf (json, "    \"%s\": [", name);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (json, "%s\n      {\"%s\": ", first ? "" : ",", keys[0]);
      json_string (json, (const char *)sqlite3_column_text (stmt, 0));
      for (int k = 1; k < 3 && keys[k] != NULL; k++)
        g_string_append_printf (json, ", \"%s\": %d", keys[k], sqlite3_column_int (stmt, k));
      g_string_append_c (json, '}');
      first = FALSE;
    }
  sqlite3_reset (stmt);
  g_string_append (json, first ? "],\n" : "\n    ],\n");
  return TRUE;
}

static gboolean
json_kinds (LxStore  *store,
            GString  *json,
            int       year,
            GError  **error)
{
  const char *kinds[] = { LX_VISIT_KINDS };
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT count(*) FROM visit WHERE kind = ? AND "
                                                "substr(happened_at, 1, 10) BETWEEN ? AND ?", error);

  if (stmt == NULL)
    return FALSE;
  g_string_append (json, "    \"by_kind\": {");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      sqlite3_bind_text (stmt, 1, kinds[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
      g_string_append_printf (json, "%s\"%s\": %d", i == 0 ? "" : ", ", kinds[i],
                              sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0);
      sqlite3_reset (stmt);
    }
  g_string_append (json, "},\n");
  return TRUE;
}

static gboolean
json_duty (LxStore     *store,
           GString     *json,
           int          year,
           const char  *today,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = lx_duty_grid (store, year, today, error);
  LxReceptionTally tally;

  if (rows == NULL || !lx_reception_tally (store, year, today, &tally, error))
    return FALSE;
  g_string_append (json, "    \"field_duty\": [");
  for (guint i = 0; i < rows->len; i++)
    {
      LxDutyRow *row = g_ptr_array_index (rows, i);
      g_string_append_printf (json, "%s\n      {\"cadre\": ", i == 0 ? "" : ",");
      json_string (json, row->name);
      g_string_append_printf (json, ", \"months_done\": %d, \"months_missed\": %d}", row->done, row->missed);
    }
  g_string_append (json, rows->len == 0 ? "],\n" : "\n    ],\n");
  g_string_append_printf (json, "    \"reception_days\": {\"planned\": %d, \"due\": %d, \"held\": %d}\n",
                          tally.planned, tally.due, tally.held);
  return TRUE;
}

/* Adds "visits": {…} as the last member of the JSON object in *@text: what
 * stats-visits prints, for scripts and the superior organization's tools. */
gboolean
lx_cli_add_visits_json (LxStore     *store,
                        int          year,
                        const char  *today,
                        char       **text,
                        GError     **error)
{
  const char *zone_keys[3] = { "zone", "visited", "households" };
  const char *member_keys[3] = { "member", "visits", NULL };
  char *close = strrchr (*text, '}');
  g_autoptr(GString) json = NULL;

  if (close == NULL)
    return TRUE;
  json = g_string_new_len (*text, close - *text);
  while (json->len > 0 && g_ascii_isspace (json->str[json->len - 1]))
    g_string_truncate (json, json->len - 1);
  g_string_append (json, ",\n  \"visits\": {\n");
  if (!json_kinds (store, json, year, error) ||
      !json_rows (store, json, "by_zone", VISITS_BY_ZONE_SQL, zone_keys, year, error) ||
      !json_rows (store, json, "by_member", VISITS_BY_MEMBER_SQL, member_keys, year, error) ||
      !json_duty (store, json, year, today, error))
    return FALSE;
  g_string_append (json, "  }\n}\n");
  g_free (*text);
  *text = g_string_free (g_steal_pointer (&json), FALSE);
  return TRUE;
}
