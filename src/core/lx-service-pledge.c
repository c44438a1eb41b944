/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-service-private.h"

/* Pledges (承诺践诺) and responsibility zones (责任区). */

/* -------------------------------------------------------------- pledges */

#define PLEDGE_SELECT \
  "SELECT p.id, p.member_id, m.name, p.year, p.text, p.status, p.assessment " \
  "FROM pledge p JOIN member m ON m.id = p.member_id "

static LxPledge *
pledge_from_row (sqlite3_stmt *stmt)
{
  LxPledge *p = g_new0 (LxPledge, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->member_id = sqlite3_column_int64 (stmt, 1);
  p->member_name = lx_column_dup (stmt, 2);
  p->year = sqlite3_column_int (stmt, 3);
  p->text = lx_column_dup (stmt, 4);
  p->status = lx_column_dup (stmt, 5);
  p->assessment = lx_column_dup (stmt, 6);
  return p;
}

GPtrArray *
lx_service_list_pledges (LxStore  *store,
                         int       year,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pledge_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, PLEDGE_SELECT "WHERE p.year = ? AND m.deleted_at IS NULL "
                                  "ORDER BY m.pinyin, m.id, p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, pledge_from_row (stmt));
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
valid_pledge_status (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "kept") == 0 ||
         g_strcmp0 (status, "partly") == 0 || g_strcmp0 (status, "not_kept") == 0;
}

static gboolean
validate_pledge (LxStore     *store,
                 LxPledge    *p,
                 const char **out_field,
                 GError     **error)
{
  if (p->member_id <= 0 ||
      !lx_service_exists (store, "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL",
                          p->member_id, NULL, NULL))
    return lx_service_field_error (out_field, "member_id", error, _("Member: choose a member"));
  if (p->year < 1949 || p->year > lx_date_current_year () + 1)
    return lx_service_field_error (out_field, "year", error,
                                   _("Year: enter a year no later than next year"));
  if (!lx_service_need_text (p->text, "text", _("Pledge: enter what the member pledges"),
                             out_field, error))
    return FALSE;
  if (!valid_pledge_status (p->status))
    return lx_service_field_error (out_field, "status", error,
                                   _("Status: choose open, kept, partly kept or not kept"));
  if (p->assessment != NULL && *g_strstrip (p->assessment) == '\0')
    g_clear_pointer (&p->assessment, g_free);
  return TRUE;
}

static gboolean
write_pledge (LxStore    *store,
              LxPledge   *p,
              gboolean    insert,
              const char *action,
              GError    **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO pledge (id, member_id, year, text, status, "
                                           "assessment) VALUES (NULLIF(?1, 0),?2,?3,?4,?5,?6)"
                                         : "UPDATE pledge SET member_id = ?2, year = ?3, text = ?4, "
                                           "status = ?5, assessment = ?6 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_int64 (stmt, 2, p->member_id);
  sqlite3_bind_int (stmt, 3, p->year);
  lx_bind_text (stmt, 4, p->text);
  lx_bind_text (stmt, 5, p->status);
  lx_bind_text (stmt, 6, p->assessment);
  return lx_service_step_logged (store, stmt, "pledge", &p->id, action, p->text, error);
}

gint64
lx_service_save_pledge (LxStore     *store,
                        LxPledge    *p,
                        const char **out_field,
                        GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (p != NULL, 0);

  if (!validate_pledge (store, p, out_field, error))
    return 0;
  insert = p->id == 0;
  if (!insert && !lx_service_exists (store, "SELECT 1 FROM pledge WHERE id = ?", p->id,
                                     _("This pledge no longer exists"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)) ||
      !write_pledge (store, p, insert, insert ? "insert" : "update", error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        p->id = 0;
      return 0;
    }
  return p->id;
}

gboolean
lx_service_set_pledge_status (LxStore     *store,
                              gint64       id,
                              const char  *status,
                              GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!valid_pledge_status (status))
    return lx_service_field_error (NULL, "status", error,
                                   _("Status: choose open, kept, partly kept or not kept"));
  if (!lx_service_exists (store, "SELECT 1 FROM pledge WHERE id = ?", id,
                          _("This pledge no longer exists"), error) ||
      !(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, "UPDATE pledge SET status = ? WHERE id = ?", error)))
    return FALSE;
  lx_bind_text (stmt, 1, status);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!lx_service_step_logged (store, stmt, "pledge", &id, "update", status, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

gboolean
lx_service_delete_pledge (LxStore   *store,
                          gint64     id,
                          LxPledge **out_deleted,
                          GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxPledge) p = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, PLEDGE_SELECT "WHERE p.id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = pledge_from_row (stmt);
  sqlite3_reset (stmt);
  if (p == NULL)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This pledge no longer exists"));
      return FALSE;
    }
  if (!lx_service_delete_row (store, "DELETE FROM pledge WHERE id = ?", "pledge", id, p->text, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_steal_pointer (&p);
  return TRUE;
}

gboolean
lx_service_restore_pledge (LxStore   *store,
                           LxPledge  *p,
                           GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (p != NULL && p->id > 0, FALSE);

  if (!(tx = lx_store_begin (store, error)) || !write_pledge (store, p, TRUE, "restore", error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

GPtrArray *
lx_service_pledge_summary (LxStore  *store,
                           int       year,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_pledge_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT m.id, m.name, sum(p.status = 'kept'), count(*) FROM pledge p "
                           "JOIN member m ON m.id = p.member_id "
                           "WHERE p.year = ? AND m.deleted_at IS NULL "
                           "GROUP BY m.id ORDER BY m.pinyin, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxPledgeSummary *s = g_new0 (LxPledgeSummary, 1);
      s->member_id = sqlite3_column_int64 (stmt, 0);
      s->member_name = lx_column_dup (stmt, 1);
      s->kept = sqlite3_column_int (stmt, 2);
      s->total = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, s);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ----------------------------------------------------------------- zones */

GPtrArray *
lx_service_list_zone_assignments (LxStore  *store,
                                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_zone_assignment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT m.id, m.name, z.id, z.name FROM member_zone mz "
                           "JOIN member m ON m.id = mz.member_id JOIN zone z ON z.id = mz.zone_id "
                           "WHERE m.deleted_at IS NULL ORDER BY z.id, m.pinyin, m.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxZoneAssignment *z = g_new0 (LxZoneAssignment, 1);
      z->member_id = sqlite3_column_int64 (stmt, 0);
      z->member_name = lx_column_dup (stmt, 1);
      z->zone_id = sqlite3_column_int64 (stmt, 2);
      z->zone_name = lx_column_dup (stmt, 3);
      g_ptr_array_add (list, z);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
lx_service_assign_zone (LxStore  *store,
                        gint64    member_id,
                        gint64    zone_id,
                        GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (member_id <= 0 ||
      !lx_service_exists (store, "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL",
                          member_id, NULL, NULL))
    return lx_service_field_error (NULL, "member_id", error, _("Member: choose a member"));
  if (zone_id <= 0 || !lx_service_exists (store, "SELECT 1 FROM zone WHERE id = ?", zone_id, NULL, NULL))
    return lx_service_field_error (NULL, "zone_id", error, _("Zone: choose a zone"));
  if (!(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, "SELECT 1 FROM member_zone WHERE member_id = ? AND zone_id = ?",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, zone_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE,
                           _("Zone: this member is already responsible for this zone"));
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (!(stmt = lx_store_prepare (store, "INSERT INTO member_zone (member_id, zone_id) VALUES (?, ?)",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, zone_id);
  if (!lx_service_step_logged (store, stmt, "member_zone", &member_id, "insert", NULL, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

gboolean
lx_service_unassign_zone (LxStore  *store,
                          gint64    member_id,
                          gint64    zone_id,
                          GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, "DELETE FROM member_zone WHERE member_id = ? AND zone_id = ?",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, zone_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This member is not responsible for this zone"));
      return FALSE;
    }
  if (!lx_store_log_change (store, "member_zone", member_id, "delete", NULL, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}
