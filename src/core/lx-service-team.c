/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-service-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-service-private.h"

/* Posts (先锋岗 / 示范岗), service teams (服务队), volunteer activities and
 * the year summaries of teams and twinning. */

/* ------------------------------------------------------------- records */

LxPost *
lx_post_new (void)
{
  LxPost *p = g_new0 (LxPost, 1);

  p->kind = g_strdup ("vanguard");
  return p;
}

void
lx_post_free (LxPost *p)
{
  if (p == NULL)
    return;
  g_free (p->kind);
  g_free (p->name);
  g_free (p->member_name);
  g_free (p->start_on);
  g_free (p->end_on);
  g_free (p);
}

LxServiceTeam *
lx_service_team_new (void)
{
  LxServiceTeam *t = g_new0 (LxServiceTeam, 1);

  t->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  t->member_names = g_ptr_array_new_with_free_func (g_free);
  t->activity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return t;
}

void
lx_service_team_free (LxServiceTeam *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_free (t->focus);
  g_clear_pointer (&t->member_ids, g_array_unref);
  g_clear_pointer (&t->member_names, g_ptr_array_unref);
  g_clear_pointer (&t->activity_ids, g_array_unref);
  g_free (t);
}

LxVolunteerActivity *
lx_volunteer_activity_new (void)
{
  LxVolunteerActivity *a = g_new0 (LxVolunteerActivity, 1);

  a->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return a;
}

void
lx_volunteer_activity_free (LxVolunteerActivity *a)
{
  if (a == NULL)
    return;
  g_free (a->happened_on);
  g_free (a->title);
  g_clear_pointer (&a->member_ids, g_array_unref);
  g_free (a);
}

void
lx_team_summary_free (LxTeamSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->team_name);
  g_free (s);
}

const char *
lx_post_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "vanguard") == 0)
    return _("Vanguard post");
  if (g_strcmp0 (kind, "model") == 0)
    return _("Model post");
  return kind;
}

static gboolean
member_exists (LxStore *store,
               gint64   member_id)
{
  return member_id > 0 &&
         lx_service_exists (store, "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL",
                            member_id, NULL, NULL);
}

/* ----------------------------------------------------------------- posts */

#define POST_SELECT \
  "SELECT p.id, p.kind, p.name, p.member_id, m.name, p.start_on, p.end_on " \
  "FROM post p LEFT JOIN member m ON m.id = p.member_id "

static LxPost *
post_from_row (sqlite3_stmt *stmt)
{
  LxPost *p = g_new0 (LxPost, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->kind = lx_column_dup (stmt, 1);
  p->name = lx_column_dup (stmt, 2);
  p->member_id = sqlite3_column_int64 (stmt, 3);
  p->member_name = lx_column_dup (stmt, 4);
  p->start_on = lx_column_dup (stmt, 5);
  p->end_on = lx_column_dup (stmt, 6);
  return p;
}

GPtrArray *
lx_service_list_posts (LxStore  *store,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_post_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (!(stmt = lx_store_prepare (store, POST_SELECT "ORDER BY p.kind DESC, p.name, p.id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, post_from_row (stmt));
  if (!lx_store_finish_rows (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
validate_post (LxStore     *store,
               LxPost      *p,
               const char **out_field,
               GError     **error)
{
  if (g_strcmp0 (p->kind, "vanguard") != 0 && g_strcmp0 (p->kind, "model") != 0)
    return lx_service_field_error (out_field, "kind", error,
                                   _("Kind: choose vanguard post or model post"));
  if (!lx_service_need_text (p->name, "name", _("Name: enter the name of the post"), out_field, error))
    return FALSE;
  if (p->member_id != 0 && !member_exists (store, p->member_id))
    return lx_service_field_error (out_field, "member_id", error, _("Member: choose a member"));
  return lx_service_check_date (&p->start_on, TRUE, FALSE, "start_on", _("Start date"),
                                out_field, error) &&
         lx_service_check_date (&p->end_on, TRUE, FALSE, "end_on", _("End date"),
                                out_field, error) &&
         lx_service_check_range (p->start_on, p->end_on, out_field, error);
}

static gboolean
write_post (LxStore    *store,
            LxPost     *p,
            gboolean    insert,
            const char *action,
            GError    **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         insert
                                         ? "INSERT INTO post (id, kind, name, member_id, start_on, end_on) "
                                           "VALUES (NULLIF(?1, 0),?2,?3,?4,?5,?6)"
                                         : "UPDATE post SET kind = ?2, name = ?3, member_id = ?4, "
                                           "start_on = ?5, end_on = ?6 WHERE id = ?1",
                                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  lx_bind_text (stmt, 2, p->kind);
  lx_bind_text (stmt, 3, p->name);
  lx_bind_id (stmt, 4, p->member_id);
  lx_bind_text (stmt, 5, p->start_on);
  lx_bind_text (stmt, 6, p->end_on);
  return lx_service_step_logged (store, stmt, "post", &p->id, action, p->name, error);
}

gint64
lx_service_save_post (LxStore     *store,
                      LxPost      *p,
                      const char **out_field,
                      GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean insert;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (p != NULL, 0);

  if (!validate_post (store, p, out_field, error))
    return 0;
  insert = p->id == 0;
  if (!insert && !lx_service_exists (store, "SELECT 1 FROM post WHERE id = ?", p->id,
                                     _("This post no longer exists"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)) ||
      !write_post (store, p, insert, insert ? "insert" : "update", error) ||
      !lx_transaction_commit (tx, error))
    {
      if (insert)
        p->id = 0;
      return 0;
    }
  return p->id;
}

gboolean
lx_service_delete_post (LxStore  *store,
                        gint64    id,
                        LxPost  **out_deleted,
                        GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxPost) p = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !(stmt = lx_store_prepare (store, POST_SELECT "WHERE p.id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = post_from_row (stmt);
  sqlite3_reset (stmt);
  if (p == NULL)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("This post no longer exists"));
      return FALSE;
    }
  if (!lx_service_delete_row (store, "DELETE FROM post WHERE id = ?", "post", id, p->name, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  if (out_deleted != NULL)
    *out_deleted = g_steal_pointer (&p);
  return TRUE;
}

gboolean
lx_service_restore_post (LxStore  *store,
                         LxPost   *p,
                         GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (p != NULL && p->id > 0, FALSE);

  /* The member may have been deleted meanwhile: the post then stays vacant. */
  if (p->member_id != 0 && !member_exists (store, p->member_id))
    p->member_id = 0;
  if (!(tx = lx_store_begin (store, error)) || !write_post (store, p, TRUE, "restore", error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}
