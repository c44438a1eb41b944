/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-event-delete"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-event-delete.h"
#include "lx-repo.h"

#define N_COLUMNS 11   /* of the event row, id first */

typedef struct
{
  char    *occurrence_on;
  char    *moved_to;
  gboolean done;
} ExceptionRow;

struct _LxEventCopy
{
  gint64     id;
  char      *columns[N_COLUMNS];  /* as text; NULL for NULL */
  GArray    *member_ids;          /* gint64 */
  GArray    *visit_ids;           /* gint64: visits recorded from the event */
  GArray    *exceptions;          /* ExceptionRow */
};

static const char event_columns[] =
  "id, kind, title, starts_at, ends_at, place, rrule, household_id, contact_point_id, status, notes";

static void
exception_row_clear (ExceptionRow *x)
{
  g_free (x->occurrence_on);
  g_free (x->moved_to);
}

void
lx_event_copy_free (LxEventCopy *copy)
{
  if (copy == NULL)
    return;
  for (int i = 0; i < N_COLUMNS; i++)
    g_free (copy->columns[i]);
  g_clear_pointer (&copy->member_ids, g_array_unref);
  g_clear_pointer (&copy->visit_ids, g_array_unref);
  g_clear_pointer (&copy->exceptions, g_array_unref);
  g_free (copy);
}

gint64
lx_event_copy_get_id (const LxEventCopy *copy)
{
  g_return_val_if_fail (copy != NULL, 0);
  return copy->id;
}

static gboolean
load_ids (LxStore     *store,
          const char  *sql,
          gint64       event_id,
          GArray      *out,
          GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_copy (LxStore      *store,
           LxEventCopy  *copy,
           GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM event WHERE id = ?", event_columns);
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, copy->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      for (int i = 0; i < N_COLUMNS; i++)
        copy->columns[i] = lx_column_dup (stmt, i);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The event no longer exists"));
      return FALSE;
    }
  stmt = lx_store_prepare (store, "SELECT occurrence_on, moved_to, done FROM event_exception "
                                  "WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, copy->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ExceptionRow x = { lx_column_dup (stmt, 0), lx_column_dup (stmt, 1), sqlite3_column_int (stmt, 2) != 0 };
      g_array_append_val (copy->exceptions, x);
    }
  sqlite3_reset (stmt);
  return load_ids (store, "SELECT member_id FROM event_member WHERE event_id = ?", copy->id,
                   copy->member_ids, error) &&
         load_ids (store, "SELECT id FROM visit WHERE event_id = ?", copy->id, copy->visit_ids, error);
}

LxEventCopy *
lx_event_repo_delete_undoable (LxStore  *store,
                               gint64    event_id,
                               GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxEventCopy) copy = g_new0 (LxEventCopy, 1);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  copy->id = event_id;
  copy->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  copy->visit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  copy->exceptions = g_array_new (FALSE, TRUE, sizeof (ExceptionRow));
  g_array_set_clear_func (copy->exceptions, (GDestroyNotify)exception_row_clear);

  if ((tx = lx_store_begin (store, error)) == NULL || !load_copy (store, copy, error) ||
      (stmt = lx_store_prepare (store, "DELETE FROM event WHERE id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!lx_store_step_done (store, stmt, error) ||
      !lx_store_log_change (store, "event", event_id, "delete", copy->columns[2], error) ||
      !lx_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&copy);
}

static gboolean
run_with_ids (LxStore     *store,
              const char  *sql,
              gint64       a,
              gint64       b,
              GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return lx_store_step_done (store, stmt, error);
}

static gboolean
restore_children (LxStore            *store,
                  const LxEventCopy  *copy,
                  GError            **error)
{
  sqlite3_stmt *stmt;

  /* Members or visits deleted since are left out rather than refusing undo. */
  for (guint i = 0; i < copy->member_ids->len; i++)
    if (!run_with_ids (store, "INSERT INTO event_member (event_id, member_id) SELECT ?1, id "
                              "FROM member WHERE id = ?2", copy->id,
                       g_array_index (copy->member_ids, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < copy->visit_ids->len; i++)
    if (!run_with_ids (store, "UPDATE visit SET event_id = ?1 WHERE id = ?2 AND event_id IS NULL",
                       copy->id, g_array_index (copy->visit_ids, gint64, i), error))
      return FALSE;
  for (guint i = 0; i < copy->exceptions->len; i++)
    {
      ExceptionRow *x = &g_array_index (copy->exceptions, ExceptionRow, i);

      stmt = lx_store_prepare (store, "INSERT INTO event_exception (event_id, occurrence_on, moved_to, "
                                      "done) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, copy->id);
      lx_bind_text (stmt, 2, x->occurrence_on);
      lx_bind_text (stmt, 3, x->moved_to);
      sqlite3_bind_int (stmt, 4, x->done);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lx_event_repo_restore (LxStore            *store,
                       const LxEventCopy  *copy,
                       GError            **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  /* A household or contact point deleted meanwhile is left out rather
   * than refusing undo. */
  g_autofree char *sql = g_strdup_printf ("INSERT INTO event (%s) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                          "(SELECT id FROM household WHERE id = ?8), "
                                          "(SELECT id FROM contact_point WHERE id = ?9), ?10, ?11)",
                                          event_columns);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (stmt = lx_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, copy->id);
  for (int i = 1; i < N_COLUMNS; i++)
    lx_bind_text (stmt, i + 1, copy->columns[i]);
  if (!lx_store_step_done (store, stmt, error) ||
      !restore_children (store, copy, error) ||
      !lx_store_log_change (store, "event", copy->id, "restore", copy->columns[2], error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

gboolean
lx_event_repo_restore_occurrence (LxStore     *store,
                                  gint64       event_id,
                                  const char  *occurrence_on,
                                  const char  *moved_to,
                                  GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (occurrence_on != NULL, FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL)
    return FALSE;
  if (moved_to != NULL)
    stmt = lx_store_prepare (store, "UPDATE event_exception SET moved_to = ?3 WHERE event_id = ?1 "
                                    "AND occurrence_on = ?2", error);
  else
    stmt = lx_store_prepare (store, "DELETE FROM event_exception WHERE event_id = ?1 AND "
                                    "occurrence_on = ?2 AND moved_to IS NULL AND done = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  lx_bind_text (stmt, 2, occurrence_on);
  if (moved_to != NULL)
    lx_bind_text (stmt, 3, moved_to);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  /* A single event was cancelled rather than given an exception. */
  stmt = lx_store_prepare (store, "UPDATE event SET status = 'planned' WHERE id = ? AND rrule IS NULL "
                                  "AND status = 'cancelled'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  return lx_store_log_change (store, "event", event_id, "restore", occurrence_on, error) &&
         lx_transaction_commit (tx, error);
}
