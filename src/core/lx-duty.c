/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-duty"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lx-duty.h"
#include "lx-event-repo.h"

void
lx_duty_row_free (LxDutyRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row);
}

static gboolean
load_cadres (LxStore    *store,
             GPtrArray  *rows,
             GHashTable *by_id,
             GError    **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT id, name FROM member WHERE leading_cadre = 1 "
                                         "AND deleted_at IS NULL AND status != 'transferred_out' "
                                         "ORDER BY pinyin, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LxDutyRow *row = g_new0 (LxDutyRow, 1);
      row->member_id = sqlite3_column_int64 (stmt, 0);
      row->name = lx_column_dup (stmt, 1);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_id, &row->member_id, row);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
count_field_visits (LxStore    *store,
                    int         year,
                    const char *today,
                    GHashTable *by_id,
                    GError    **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;

  /* Visits after today are plans typed in early, not duty done. */
  stmt = lx_store_prepare (store,
                           "SELECT vm.member_id, CAST(substr(v.happened_at, 6, 2) AS INTEGER), count(*) "
                           "FROM visit v JOIN visit_member vm ON vm.visit_id = v.id "
                           "WHERE v.kind = 'field' AND substr(v.happened_at, 1, 10) BETWEEN ?1 AND ?2 "
                           "AND substr(v.happened_at, 1, 10) <= ?3 GROUP BY 1, 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);
      int month = sqlite3_column_int (stmt, 1);
      LxDutyRow *row = g_hash_table_lookup (by_id, &member);
      if (row != NULL && month >= 1 && month <= 12)
        row->visits[month - 1] = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* A month is missed only once it has ended without a field visit. */
static void
classify (LxDutyRow  *row,
          int         year,
          const char *today)
{
  int this_year = atoi (today), this_month = atoi (today + 5);

  for (int m = 0; m < 12; m++)
    {
      gboolean ended = year < this_year || (year == this_year && m + 1 < this_month);
      if (row->visits[m] > 0)
        row->months[m] = LX_DUTY_DONE, row->done++;
      else if (ended)
        row->months[m] = LX_DUTY_MISSED, row->missed++;
      else
        row->months[m] = LX_DUTY_UPCOMING;
    }
}

GPtrArray *
lx_duty_grid (LxStore     *store,
              int          year,
              const char  *today,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_duty_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && strlen (today) >= 10, NULL);

  if (!load_cadres (store, rows, by_id, error) ||
      !count_field_visits (store, year, today, by_id, error))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    classify (g_ptr_array_index (rows, i), year, today);
  return g_steal_pointer (&rows);
}

gboolean
lx_reception_tally (LxStore          *store,
                    int               year,
                    const char       *today,
                    LxReceptionTally *out,
                    GError          **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if ((list = lx_event_repo_list_occurrences (store, from, to, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      LxOccurrence *o = g_ptr_array_index (list, i);
      if (g_strcmp0 (o->kind, "reception_day") != 0)
        continue;
      out->planned++;
      if (strncmp (o->starts_at, today, 10) <= 0)
        out->due++;
      if (o->done)
        out->held++;
    }
  return TRUE;
}
