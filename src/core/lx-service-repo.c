/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-service-private.h"
#include "lx-validate.h"

/* Twinning, pledges and responsibility zones; posts and service teams live
 * in lx-service-team.c. */

/* ------------------------------------------------------------- records */

LxTwinning *
lx_twinning_new (void)
{
  LxTwinning *t = g_new0 (LxTwinning, 1);

  t->activities = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_twinning_activity_free);
  return t;
}

void
lx_twinning_free (LxTwinning *t)
{
  if (t == NULL)
    return;
  g_free (t->org_name);
  g_free (t->partner);
  g_free (t->kind);
  g_free (t->start_on);
  g_free (t->end_on);
  g_free (t->agreement);
  g_clear_pointer (&t->activities, g_ptr_array_unref);
  g_free (t);
}

LxTwinningActivity *
lx_twinning_activity_new (void)
{
  return g_new0 (LxTwinningActivity, 1);
}

void
lx_twinning_activity_free (LxTwinningActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->happened_on);
  g_free (a->title);
  g_free (a->notes);
  g_free (a);
}

LxPledge *
lx_pledge_new (void)
{
  LxPledge *p = g_new0 (LxPledge, 1);

  p->status = g_strdup ("open");
  return p;
}

void
lx_pledge_free (LxPledge *p)
{
  if (p == NULL)
    return;
  g_free (p->member_name);
  g_free (p->text);
  g_free (p->status);
  g_free (p->assessment);
  g_free (p);
}

void
lx_zone_assignment_free (LxZoneAssignment *z)
{
  if (z == NULL)
    return;
  g_free (z->member_name);
  g_free (z->zone_name);
  g_free (z);
}

void
lx_pledge_summary_free (LxPledgeSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->member_name);
  g_free (s);
}

void
lx_twinning_summary_free (LxTwinningSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->partner);
  g_free (s);
}

const char *
lx_twinning_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "double_pairing") == 0)
    return _("Double pairing");
  if (g_strcmp0 (kind, "joint_building") == 0)
    return _("Joint building");
  return kind;
}

const char *
lx_pledge_status_label (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return _("Open");
  if (g_strcmp0 (status, "kept") == 0)
    return _("Kept");
  if (g_strcmp0 (status, "partly") == 0)
    return _("Partly kept");
  if (g_strcmp0 (status, "not_kept") == 0)
    return _("Not kept");
  return status;
}

/* ------------------------------------------------------------- helpers */

gboolean
lx_service_field_error (const char **out_field,
                        const char  *field,
                        GError     **error,
                        const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID, message);
  return FALSE;
}

gboolean
lx_service_need_text (char        *text,
                      const char  *field,
                      const char  *message,
                      const char **out_field,
                      GError     **error)
{
  if (text == NULL || *g_strstrip (text) == '\0')
    return lx_service_field_error (out_field, field, error, message);
  return TRUE;
}

gboolean
lx_service_check_date (char       **text,
                       gboolean     optional,
                       gboolean     past_only,
                       const char  *field,
                       const char  *label,
                       const char **out_field,
                       GError     **error)
{
  g_autofree char *today = lx_date_today ();
  g_autofree char *message = NULL;

  if (*text == NULL || *g_strstrip (*text) == '\0')
    {
      g_clear_pointer (text, g_free);
      if (optional)
        return TRUE;
      /* Translators: %s is a field label such as "Start date" */
      message = g_strdup_printf (_("%s: enter a date"), label);
      return lx_service_field_error (out_field, field, error, message);
    }
  if (!lx_validate_date (*text, NULL, NULL))
    {
      /* Translators: %s is a field label such as "Start date" */
      message = g_strdup_printf (_("%s: enter a real date as YYYY-MM-DD"), label);
      return lx_service_field_error (out_field, field, error, message);
    }
  if (past_only && g_strcmp0 (*text, today) > 0)
    {
      /* Translators: %s is a field label such as "Date" */
      message = g_strdup_printf (_("%s is in the future: record an activity once it has happened"),
                                 label);
      return lx_service_field_error (out_field, field, error, message);
    }
  return TRUE;
}

gboolean
lx_service_check_range (const char  *start_on,
                        const char  *end_on,
                        const char **out_field,
                        GError     **error)
{
  if (start_on != NULL && end_on != NULL && g_strcmp0 (end_on, start_on) < 0)
    return lx_service_field_error (out_field, "end_on", error,
                                   _("End date: the end is before the start"));
  return TRUE;
}

gboolean
lx_service_step_logged (LxStore      *store,
                        sqlite3_stmt *stmt,
                        const char   *table,
                        gint64       *row_id,
                        const char   *action,
                        const char   *summary,
                        GError      **error)
{
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  /* Read before logging: the change_log insert moves last_insert_rowid. */
  if (*row_id == 0)
    *row_id = lx_store_last_insert_id (store);
  return lx_store_log_change (store, table, *row_id, action, summary, error);
}

gboolean
lx_service_exists (LxStore     *store,
                   const char  *sql,
                   gint64       id,
                   const char  *message,
                   GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return FALSE;
    }
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, message);
  return FALSE;
}

gboolean
lx_service_delete_row (LxStore     *store,
                       const char  *sql,
                       const char  *table,
                       gint64       id,
                       const char  *summary,
                       GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return lx_service_step_logged (store, stmt, table, &id, "delete", summary, error);
}

/* ------------------------------------------------------------ twinning */

static gboolean
load_twinning_activities (LxStore     *store,
                          LxTwinning  *t,
                          GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT id, happened_on, title, notes FROM twinning_activity "
                                         "WHERE twinning_id = ? ORDER BY happened_on DESC, id DESC",
                                         error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxTwinningActivity *a = lx_twinning_activity_new ();
      a->id = sqlite3_column_int64 (stmt, 0);
      a->twinning_id = t->id;
      a->happened_on = lx_column_dup (stmt, 1);
      a->title = lx_column_dup (stmt, 2);
      a->notes = lx_column_dup (stmt, 3);
      g_ptr_array_add (t->activities, a);
    }
  return lx_store_finish_rows (store, stmt, rc, error);
}

static GPtrArray *
query_twinnings (LxStore  *store,
                 gint64    only_id,
                 GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_twinning_free);
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT t.id, t.org_id, o.name, t.partner, t.kind, t.start_on, "
                                         "t.end_on, t.agreement FROM twinning t "
                                         "JOIN organization o ON o.id = t.org_id "
                                         "WHERE ?1 = 0 OR t.id = ?1 ORDER BY t.start_on, t.id",
                                         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxTwinning *t = lx_twinning_new ();
      t->id = sqlite3_column_int64 (stmt, 0);
      t->org_id = sqlite3_column_int64 (stmt, 1);
      t->org_name = lx_column_dup (stmt, 2);
      t->partner = lx_column_dup (stmt, 3);
      t->kind = lx_column_dup (stmt, 4);
      t->start_on = lx_column_dup (stmt, 5);
      t->end_on = lx_column_dup (stmt, 6);
      t->agreement = lx_column_dup (stmt, 7);
      g_ptr_array_add (list, t);
    }
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  /* Activities are loaded after the outer statement is reset: a cached
   * statement must not be stepped twice at once. */
  for (guint i = 0; i < list->len; i++)
    if (!load_twinning_activities (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
lx_service_list_twinnings (LxStore  *store,
                           GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return query_twinnings (store, 0, error);
}

static gboolean
validate_twinning (LxStore     *store,
                   LxTwinning  *t,
                   const char **out_field,
                   GError     **error)
{
  if (t->org_id <= 0 ||
      !lx_service_exists (store, "SELECT 1 FROM organization WHERE id = ?", t->org_id, NULL, NULL))
    return lx_service_field_error (out_field, "org_id", error,
                                   _("Organization: choose one of our organizations"));
  if (!lx_service_need_text (t->partner, "partner", _("Partner: enter the partner organization"),
                             out_field, error))
    return FALSE;
  if (g_strcmp0 (t->kind, "double_pairing") != 0 && g_strcmp0 (t->kind, "joint_building") != 0)
    return lx_service_field_error (out_field, "kind", error,
                                   _("Kind: choose double pairing or joint building"));
  return lx_service_check_date (&t->start_on, FALSE, FALSE, "start_on", _("Start date"),
                                out_field, error) &&
         lx_service_check_date (&t->end_on, TRUE, FALSE, "end_on", _("End date"),
                                out_field, error) &&
         lx_service_check_range (t->start_on, t->end_on, out_field, error);
}

static gboolean
write_twinning (LxStore     *store,
                LxTwinning  *t,
                gboolean     insert,
                GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO twinning (id, org_id, partner, kind, start_on, "
                                           "end_on, agreement) VALUES (NULLIF(?1, 0),?2,?3,?4,?5,?6,?7)"
                                         : "UPDATE twinning SET org_id = ?2, partner = ?3, kind = ?4, "
                                           "start_on = ?5, end_on = ?6, agreement = ?7 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  sqlite3_bind_int64 (stmt, 2, t->org_id);
  lx_bind_text (stmt, 3, t->partner);
  lx_bind_text (stmt, 4, t->kind);
  lx_bind_text (stmt, 5, t->start_on);
  lx_bind_text (stmt, 6, t->end_on);
  lx_bind_text (stmt, 7, t->agreement);
  return lx_service_step_logged (store, stmt, "twinning", &t->id,
                                 insert ? "insert" : "update", t->partner, error);
}

gint64
lx_service_save_twinning (LxStore     *store,
                          LxTwinning  *t,
                          const char **out_field,
                          GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (t != NULL, 0);

  if (!validate_twinning (store, t, out_field, error))
    return 0;
  insert = t->id == 0;
  if (!insert && !lx_service_exists (store, "SELECT 1 FROM twinning WHERE id = ?", t->id,
                                     _("This twinning no longer exists"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)) || !write_twinning (store, t, insert, error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        t->id = 0;
      return 0;
    }
  return t->id;
}


gboolean
lx_service_delete_twinning (LxStore     *store,
                            gint64       id,
                            LxTwinning **out_deleted,
                            GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LxTwinning *t;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) || !(found = query_twinnings (store, id, error)))
    return FALSE;
  if (found->len == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This twinning no longer exists"));
      return FALSE;
    }
  t = g_ptr_array_index (found, 0);
  if (!lx_service_delete_row (store, "DELETE FROM twinning WHERE id = ?", "twinning", id, t->partner, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_ptr_array_steal_index (found, 0);
  return TRUE;
}

static gboolean
write_twinning_activity (LxStore             *store,
                         LxTwinningActivity  *a,
                         gboolean             insert,
                         const char          *action,
                         GError             **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO twinning_activity (id, twinning_id, happened_on, "
                                           "title, notes) VALUES (NULLIF(?1, 0),?2,?3,?4,?5)"
                                         : "UPDATE twinning_activity SET twinning_id = ?2, "
                                           "happened_on = ?3, title = ?4, notes = ?5 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  sqlite3_bind_int64 (stmt, 2, a->twinning_id);
  lx_bind_text (stmt, 3, a->happened_on);
  lx_bind_text (stmt, 4, a->title);
  lx_bind_text (stmt, 5, a->notes);
  return lx_service_step_logged (store, stmt, "twinning_activity", &a->id, action, a->title, error);
}

gboolean
lx_service_restore_twinning (LxStore     *store,
                             LxTwinning  *t,
                             GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (t != NULL && t->id > 0, FALSE);

  if (!(tx = lx_store_begin (store, error)) || !write_twinning (store, t, TRUE, error))
    return FALSE;
  for (guint i = 0; i < t->activities->len; i++)
    if (!write_twinning_activity (store, g_ptr_array_index (t->activities, i), TRUE, "restore", error))
      return FALSE;
  return lx_transaction_commit (tx, error);
}

gint64
lx_service_save_twinning_activity (LxStore             *store,
                                   LxTwinningActivity  *a,
                                   const char         **out_field,
                                   GError             **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (a != NULL, 0);

  if (!lx_service_exists (store, "SELECT 1 FROM twinning WHERE id = ?", a->twinning_id,
                          _("This twinning no longer exists"), error) ||
      !lx_service_check_date (&a->happened_on, FALSE, TRUE, "happened_on", _("Date"),
                              out_field, error) ||
      !lx_service_need_text (a->title, "title", _("Title: enter what was done"), out_field, error))
    return 0;
  insert = a->id == 0;
  if (!(tx = lx_store_begin (store, error)) ||
      !write_twinning_activity (store, a, insert, insert ? "insert" : "update", error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        a->id = 0;
      return 0;
    }
  return a->id;
}

gboolean
lx_service_delete_twinning_activity (LxStore             *store,
                                     gint64               id,
                                     LxTwinningActivity **out_deleted,
                                     GError             **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxTwinningActivity) a = lx_twinning_activity_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, "SELECT twinning_id, happened_on, title, notes "
                                        "FROM twinning_activity WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      a->id = id;
      a->twinning_id = sqlite3_column_int64 (stmt, 0);
      a->happened_on = lx_column_dup (stmt, 1);
      a->title = lx_column_dup (stmt, 2);
      a->notes = lx_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (a->id == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This activity no longer exists"));
      return FALSE;
    }
  if (!lx_service_delete_row (store, "DELETE FROM twinning_activity WHERE id = ?", "twinning_activity", id,
                   a->title, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_steal_pointer (&a);
  return TRUE;
}

gboolean
lx_service_restore_twinning_activity (LxStore             *store,
                                      LxTwinningActivity  *a,
                                      GError             **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (a != NULL && a->id > 0, FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !write_twinning_activity (store, a, TRUE, "restore", error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

