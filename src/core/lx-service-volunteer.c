/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-service-private.h"

/* Service teams (服务队), their volunteer activities and the year summaries. */

static gboolean
check_members (LxStore     *store,
               GArray      *ids,
               const char  *field,
               const char **out_field,
               GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!lx_service_exists (store, "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL",
                              id, NULL, NULL))
        return lx_service_field_error (out_field, field, error,
                                       _("Members: one of the members no longer exists"));
      for (guint k = 0; k < i; k++)
        if (g_array_index (ids, gint64, k) == id)
          {
            if (out_field != NULL)
              *out_field = field;
            g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE,
                                 _("Members: a member is listed twice"));
            return FALSE;
          }
    }
  return TRUE;
}

/* Replaces the link rows of @owner_id in @table (team or activity members). */
static gboolean
write_links (LxStore     *store,
             const char  *delete_sql,
             const char  *insert_sql,
             gint64       owner_id,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, delete_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (!(stmt = lx_store_prepare (store, insert_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------------------- teams */

static gboolean
load_team_members (LxStore        *store,
                   LxServiceTeam  *t,
                   GError        **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT m.id, m.name FROM service_team_member tm "
                                         "JOIN member m ON m.id = tm.member_id "
                                         "WHERE tm.team_id = ? AND m.deleted_at IS NULL "
                                         "ORDER BY m.pinyin, m.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (t->member_ids, id);
      g_ptr_array_add (t->member_names, lx_column_dup (stmt, 1));
    }
  return lx_store_finish_rows (store, stmt, rc, error);
}

static GPtrArray *
query_teams (LxStore  *store,
             gint64    only_id,
             GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_service_team_free);
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT id, org_id, name, focus FROM service_team "
                                         "WHERE ?1 = 0 OR id = ?1 ORDER BY name, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxServiceTeam *t = lx_service_team_new ();
      t->id = sqlite3_column_int64 (stmt, 0);
      t->org_id = sqlite3_column_int64 (stmt, 1);
      t->name = lx_column_dup (stmt, 2);
      t->focus = lx_column_dup (stmt, 3);
      g_ptr_array_add (list, t);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!load_team_members (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lx_service_list_teams (LxStore  *store,
                       GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return query_teams (store, 0, error);
}

static gboolean
write_team (LxStore        *store,
            LxServiceTeam  *t,
            gboolean        insert,
            const char     *action,
            GError        **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO service_team (id, org_id, name, focus) "
                                           "VALUES (NULLIF(?1, 0),?2,?3,?4)"
                                         : "UPDATE service_team SET org_id = ?2, name = ?3, focus = ?4 "
                                           "WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  lx_bind_id (stmt, 2, t->org_id);
  lx_bind_text (stmt, 3, t->name);
  lx_bind_text (stmt, 4, t->focus);
  if (!lx_service_step_logged (store, stmt, "service_team", &t->id, action, t->name, error))
    return FALSE;
  return write_links (store, "DELETE FROM service_team_member WHERE team_id = ?",
                      "INSERT INTO service_team_member (team_id, member_id) VALUES (?, ?)",
                      t->id, t->member_ids, error);
}

gint64
lx_service_save_team (LxStore        *store,
                      LxServiceTeam  *t,
                      const char    **out_field,
                      GError        **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (t != NULL, 0);

  if (!lx_service_need_text (t->name, "name", _("Name: enter the name of the team"), out_field, error) ||
      !check_members (store, t->member_ids, "member_ids", out_field, error))
    return 0;
  if (t->org_id != 0 &&
      !lx_service_exists (store, "SELECT 1 FROM organization WHERE id = ?", t->org_id, NULL, NULL))
    return lx_service_field_error (out_field, "org_id", error,
                                   _("Organization: choose one of our organizations"));
  insert = t->id == 0;
  if (!insert && !lx_service_exists (store, "SELECT 1 FROM service_team WHERE id = ?", t->id,
                                     _("This service team no longer exists"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)) ||
      !write_team (store, t, insert, insert ? "insert" : "update", error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        t->id = 0;
      return 0;
    }
  return t->id;
}

gboolean
lx_service_delete_team (LxStore         *store,
                        gint64           id,
                        LxServiceTeam  **out_deleted,
                        GError         **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LxServiceTeam *t;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) || !(found = query_teams (store, id, error)))
    return FALSE;
  if (found->len == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This service team no longer exists"));
      return FALSE;
    }
  t = g_ptr_array_index (found, 0);
  /* Activities keep their history (team_id becomes NULL); remember them so
   * that undo can attach them again. */
  if (!(stmt = lx_store_prepare (store, "SELECT id FROM volunteer_activity WHERE team_id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 aid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (t->activity_ids, aid);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error) ||
      !lx_service_delete_row (store, "DELETE FROM service_team WHERE id = ?", "service_team", id,
                              t->name, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_ptr_array_steal_index (found, 0);
  return TRUE;
}

gboolean
lx_service_restore_team (LxStore        *store,
                         LxServiceTeam  *t,
                         GError        **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (t != NULL && t->id > 0, FALSE);

  if (!(tx = lx_store_begin (store, error)) || !write_team (store, t, TRUE, "restore", error))
    return FALSE;
  for (guint i = 0; i < t->activity_ids->len; i++)
    {
      sqlite3_stmt *stmt = lx_store_prepare (store, "UPDATE volunteer_activity SET team_id = ? "
                                                    "WHERE id = ? AND team_id IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, t->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (t->activity_ids, gint64, i));
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return lx_transaction_commit (tx, error);
}

/* ------------------------------------------------- volunteer activities */

static gboolean
load_activity_members (LxStore              *store,
                       LxVolunteerActivity  *a,
                       GError              **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT member_id FROM volunteer_activity_member "
                                         "WHERE activity_id = ? ORDER BY member_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (a->member_ids, id);
    }
  return lx_store_finish_rows (store, stmt, rc, error);
}

static GPtrArray *
query_activities (LxStore  *store,
                  gint64    team_id,
                  int       year,
                  gint64    only_id,
                  GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_volunteer_activity_free);
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT id, team_id, happened_on, title, hours, households_served "
                                         "FROM volunteer_activity WHERE (?1 = 0 AND "
                                         "(?2 = 0 OR team_id = ?2) AND (?3 = 0 OR "
                                         "substr(happened_on, 1, 4) = printf('%04d', ?3))) OR id = ?1 "
                                         "ORDER BY happened_on DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxVolunteerActivity *a = lx_volunteer_activity_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->team_id = sqlite3_column_int64 (stmt, 1);
      a->happened_on = lx_column_dup (stmt, 2);
      a->title = lx_column_dup (stmt, 3);
      a->hours = sqlite3_column_double (stmt, 4);
      a->households_served = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (list, a);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  for (guint i = 0; i < list->len; i++)
    if (!load_activity_members (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lx_service_list_volunteer_activities (LxStore  *store,
                                      gint64    team_id,
                                      int       year,
                                      GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return query_activities (store, team_id, year, 0, error);
}

static gboolean
validate_activity (LxStore              *store,
                   LxVolunteerActivity  *a,
                   const char          **out_field,
                   GError              **error)
{
  if (a->team_id != 0 &&
      !lx_service_exists (store, "SELECT 1 FROM service_team WHERE id = ?", a->team_id, NULL, NULL))
    return lx_service_field_error (out_field, "team_id", error, _("Team: choose a service team"));
  if (!lx_service_check_date (&a->happened_on, FALSE, TRUE, "happened_on", _("Date"), out_field, error) ||
      !lx_service_need_text (a->title, "title", _("Title: enter what was done"), out_field, error))
    return FALSE;
  if (!(a->hours >= 0) || a->hours > 1000)
    return lx_service_field_error (out_field, "hours", error,
                                   _("Hours: enter a number of hours, not negative"));
  if (a->households_served < 0)
    return lx_service_field_error (out_field, "households_served", error,
                                   _("Households served: the number cannot be negative"));
  return check_members (store, a->member_ids, "member_ids", out_field, error);
}

static gboolean
write_activity (LxStore              *store,
                LxVolunteerActivity  *a,
                gboolean              insert,
                const char           *action,
                GError              **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO volunteer_activity (id, team_id, happened_on, title, "
                                           "hours, households_served) VALUES (NULLIF(?1, 0),?2,?3,?4,?5,?6)"
                                         : "UPDATE volunteer_activity SET team_id = ?2, happened_on = ?3, "
                                           "title = ?4, hours = ?5, households_served = ?6 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  lx_bind_id (stmt, 2, a->team_id);
  lx_bind_text (stmt, 3, a->happened_on);
  lx_bind_text (stmt, 4, a->title);
  sqlite3_bind_double (stmt, 5, a->hours);
  sqlite3_bind_int (stmt, 6, a->households_served);
  if (!lx_service_step_logged (store, stmt, "volunteer_activity", &a->id, action, a->title, error))
    return FALSE;
  return write_links (store, "DELETE FROM volunteer_activity_member WHERE activity_id = ?",
                      "INSERT INTO volunteer_activity_member (activity_id, member_id) VALUES (?, ?)",
                      a->id, a->member_ids, error);
}

gint64
lx_service_save_volunteer_activity (LxStore              *store,
                                    LxVolunteerActivity  *a,
                                    const char          **out_field,
                                    GError              **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (a != NULL, 0);

  if (!validate_activity (store, a, out_field, error))
    return 0;
  insert = a->id == 0;
  if (!insert && !lx_service_exists (store, "SELECT 1 FROM volunteer_activity WHERE id = ?", a->id,
                                     _("This activity no longer exists"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)) ||
      !write_activity (store, a, insert, insert ? "insert" : "update", error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        a->id = 0;
      return 0;
    }
  return a->id;
}

gboolean
lx_service_delete_volunteer_activity (LxStore               *store,
                                      gint64                 id,
                                      LxVolunteerActivity  **out_deleted,
                                      GError               **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LxVolunteerActivity *a;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (id <= 0 || !(tx = lx_store_begin (store, error)) ||
      !(found = query_activities (store, 0, 0, id, error)))
    {
      if (id <= 0)
        g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                             _("This activity no longer exists"));
      return FALSE;
    }
  if (found->len == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This activity no longer exists"));
      return FALSE;
    }
  a = g_ptr_array_index (found, 0);
  if (!lx_service_delete_row (store, "DELETE FROM volunteer_activity WHERE id = ?",
                              "volunteer_activity", id, a->title, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_ptr_array_steal_index (found, 0);
  return TRUE;
}

gboolean
lx_service_restore_volunteer_activity (LxStore              *store,
                                       LxVolunteerActivity  *a,
                                       GError              **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (a != NULL && a->id > 0, FALSE);

  if (!(tx = lx_store_begin (store, error)) || !write_activity (store, a, TRUE, "restore", error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

/* ------------------------------------------------------------ summaries */

GPtrArray *
lx_service_team_summary (LxStore  *store,
                         int       year,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_team_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT t.id, t.name, count(a.id), coalesce(sum(a.hours), 0), "
                           "coalesce(sum(a.households_served), 0) FROM service_team t "
                           "LEFT JOIN volunteer_activity a ON a.team_id = t.id "
                           "AND substr(a.happened_on, 1, 4) = printf('%04d', ?1) "
                           "GROUP BY t.id ORDER BY t.name, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxTeamSummary *s = g_new0 (LxTeamSummary, 1);
      s->team_id = sqlite3_column_int64 (stmt, 0);
      s->team_name = lx_column_dup (stmt, 1);
      s->activities = sqlite3_column_int (stmt, 2);
      s->hours = sqlite3_column_double (stmt, 3);
      s->households_served = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (list, s);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lx_service_twinning_summary (LxStore  *store,
                             int       year,
                             GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_twinning_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT t.id, t.partner, count(a.id) FROM twinning t "
                           "LEFT JOIN twinning_activity a ON a.twinning_id = t.id "
                           "AND substr(a.happened_on, 1, 4) = printf('%04d', ?1) "
                           "GROUP BY t.id ORDER BY t.start_on, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxTwinningSummary *s = g_new0 (LxTwinningSummary, 1);
      s->twinning_id = sqlite3_column_int64 (stmt, 0);
      s->partner = lx_column_dup (stmt, 1);
      s->activities = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (list, s);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}
