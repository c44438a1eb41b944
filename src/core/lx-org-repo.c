/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-org-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-org-repo.h"

/* Kinds from the top of the tree down. A child sits strictly lower than
 * its parent, which also makes a cycle impossible to store. */
static const char * const kinds[] = { "committee", "general_branch", "branch", "group" };

static int
kind_rank (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return (int)i;
  return -1;
}

gboolean
lx_org_kind_may_contain (const char *parent_kind,
                         const char *child_kind)
{
  int parent = kind_rank (parent_kind);
  int child = kind_rank (child_kind);

  return parent >= 0 && child > parent;
}

/* What a secretary adds under @parent_kind most often. */
const char *
lx_org_default_child_kind (const char *parent_kind)
{
  if (g_strcmp0 (parent_kind, "branch") == 0)
    return "group";
  if (g_strcmp0 (parent_kind, "group") == 0)
    return NULL;
  return "branch";
}

GPtrArray *
lx_org_repo_list_tree (LxStore  *store,
                       GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return lx_repo_list_organizations (store, error);
}

LxOrganization *
lx_org_repo_get (LxStore  *store,
                 gint64    id,
                 GError  **error)
{
  LxOrganization *org = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT id, parent_id, name, kind FROM organization WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      org = g_object_new (LX_TYPE_ORGANIZATION, NULL);
      org->id = sqlite3_column_int64 (stmt, 0);
      org->parent_id = sqlite3_column_int64 (stmt, 1);
      org->name = lx_column_dup (stmt, 2);
      org->kind = lx_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (org != NULL)
    return org;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                         _("The organization no longer exists"));
  else
    lx_store_set_error (store, error, NULL);
  return NULL;
}

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("Enter the name of the organization"));
      return NULL;
    }
  if (g_utf8_strlen (clean, -1) > 60)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("The name of the organization is longer than 60 characters"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Refuses @kind under @parent_id (0: a root of the tree). */
static gboolean
check_parent (LxStore     *store,
              gint64       parent_id,
              const char  *kind,
              GError     **error)
{
  g_autoptr(LxOrganization) parent = NULL;

  if (kind_rank (kind) < 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("Choose the kind of the organization"));
      return FALSE;
    }
  if (parent_id <= 0)
    return TRUE;
  if (!(parent = lx_org_repo_get (store, parent_id, error)))
    return FALSE;
  if (!lx_org_kind_may_contain (parent->kind, kind))
    {
      /* Translators: "A party branch cannot be placed under a party group" */
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("A %s cannot be placed under a %s"),
                   lx_organization_kind_label (kind), lx_organization_kind_label (parent->kind));
      return FALSE;
    }
  return TRUE;
}

/**
 * lx_org_repo_add:
 * @parent_id: the parent, 0 for a root
 * @kind: committee / general_branch / branch / group
 *
 * Adds an organization under @parent_id after checking that @kind belongs
 * there (a 党小组 under a 党支部, not the other way round).
 *
 * Returns: its id, or 0 with @error set
 */
gint64
lx_org_repo_add (LxStore     *store,
                 gint64       parent_id,
                 const char  *name,
                 const char  *kind,
                 GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if (!(clean = clean_name (name, error)))
    return 0;
  /* The savepoint keeps the check and the insert together. */
  if (!(tx = lx_store_begin (store, error)) ||
      !check_parent (store, parent_id, kind, error) ||
      !(id = lx_repo_add_organization (store, parent_id, clean, kind, error)) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Runs one UPDATE of one organization with its change-log line. */
static gboolean
update_one (LxStore     *store,
            const char  *sql,
            gint64       id,
            const char  *text,
            gint64       other_id,
            const char  *summary,
            GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  /* Parameters a statement does not use are refused by SQLite harmlessly. */
  sqlite3_bind_int64 (stmt, 1, id);
  lx_bind_text (stmt, 2, text);
  lx_bind_id (stmt, 3, other_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("The organization no longer exists"));
      return FALSE;
    }
  return lx_store_log_change (store, "organization", id, "update", summary, error);
}

gboolean
lx_org_repo_rename (LxStore     *store,
                    gint64       id,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(clean = clean_name (name, error)))
    return FALSE;
  return (tx = lx_store_begin (store, error)) != NULL &&
         update_one (store, "UPDATE organization SET name = ?2 WHERE id = ?1",
                     id, clean, 0, clean, error) &&
         lx_transaction_commit (tx, error);
}

/* TRUE when @ancestor is @id itself or above it in the tree. */
static gboolean
is_ancestor_or_self (LxStore   *store,
                     gint64     ancestor,
                     gint64     id,
                     gboolean  *out_result,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "WITH RECURSIVE up (id) AS (SELECT ?1 UNION "
                           "  SELECT o.parent_id FROM organization o JOIN up ON o.id = up.id "
                           "  WHERE o.parent_id IS NOT NULL) "
                           "SELECT EXISTS (SELECT 1 FROM up WHERE id = ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, ancestor);
  rc = sqlite3_step (stmt);
  *out_result = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      lx_store_set_error (store, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * lx_org_repo_move:
 * @new_parent_id: the new parent, 0 to make it a root
 *
 * Moves an organization, with everything under it, to another parent.
 * Refuses to put it under itself or one of its own sub-organizations.
 */
gboolean
lx_org_repo_move (LxStore  *store,
                  gint64    id,
                  gint64    new_parent_id,
                  GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOrganization) org = NULL;
  gboolean cycle = FALSE;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) || !(org = lx_org_repo_get (store, id, error)))
    return FALSE;
  if (new_parent_id > 0 && !is_ancestor_or_self (store, id, new_parent_id, &cycle, error))
    return FALSE;
  if (cycle)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("%s cannot be moved under itself or one of its own sub-organizations"),
                   org->name);
      return FALSE;
    }
  return check_parent (store, new_parent_id, org->kind, error) &&
         update_one (store,
                     "UPDATE organization SET parent_id = ?3, position = (SELECT COUNT(*) "
                     "FROM organization WHERE parent_id IS ?3 AND id != ?1) "
                     "WHERE id = ?1",
                     id, NULL, new_parent_id, org->name, error) &&
         lx_transaction_commit (tx, error);
}

/* Names what still hangs on @id, or NULL when nothing does. */
static char *
describe_contents (LxStore *store,
                   gint64   id)
{
  static const struct { const char *sql; const char *what; } checks[] = {
    { "SELECT count(*) FROM organization WHERE parent_id = ?", N_("sub-organizations") },
    { "SELECT count(*) FROM member WHERE org_id = ? AND deleted_at IS NULL "
      "AND status != 'transferred_out'", N_("members") },
    { "SELECT count(*) FROM member WHERE org_id = ?", N_("records of former or deleted members") },
    { "SELECT count(*) FROM evaluation_campaign WHERE org_id = ?", N_("evaluation campaigns") },
    { "SELECT count(*) FROM twinning WHERE org_id = ?", N_("twinning agreements") },
    { "SELECT count(*) FROM service_team WHERE org_id = ?", N_("service teams") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      sqlite3_stmt *stmt = lx_store_prepare (store, checks[i].sql, NULL);
      gint64 n = 0;

      if (stmt == NULL)
        return g_strdup ("?");
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (n > 0)
        return g_strdup (_(checks[i].what));
    }
  return NULL;
}

/**
 * lx_org_repo_delete:
 * @out_position: (out) (optional): its place among its siblings, for undo
 *
 * Deletes an empty organization. One that still holds sub-organizations,
 * members (even former ones), campaigns, twinnings or teams is refused:
 * deleting it would drop their history with it.
 */
gboolean
lx_org_repo_delete (LxStore  *store,
                    gint64    id,
                    int      *out_position,
                    GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxOrganization) org = NULL;
  g_autofree char *contents = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) || !(org = lx_org_repo_get (store, id, error)))
    return FALSE;
  if ((contents = describe_contents (store, id)) != NULL)
    {
      /* Translators: "第一党支部 still has members: move them or delete them first" */
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_IN_USE,
                   _("%s still has %s: move them or delete them first"), org->name, contents);
      return FALSE;
    }
  if (out_position != NULL)
    *out_position = 0;
  stmt = lx_store_prepare (store, "SELECT position FROM organization WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && out_position != NULL)
    *out_position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (!(stmt = lx_store_prepare (store, "DELETE FROM organization WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return lx_store_step_done (store, stmt, error) &&
         lx_store_log_change (store, "organization", id, "delete", org->name, error) &&
         lx_transaction_commit (tx, error);
}

/* Undoes lx_org_repo_delete(): the organization comes back with its id. */
gboolean
lx_org_repo_restore (LxStore         *store,
                     LxOrganization  *org,
                     int              position,
                     GError         **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (LX_IS_ORGANIZATION (org), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !check_parent (store, org->parent_id, org->kind, error))
    return FALSE;
  stmt = lx_store_prepare (store,
                           "INSERT INTO organization (id, parent_id, name, kind, position) "
                           "VALUES (?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org->id);
  lx_bind_id (stmt, 2, org->parent_id);
  lx_bind_text (stmt, 3, org->name);
  lx_bind_text (stmt, 4, org->kind);
  sqlite3_bind_int (stmt, 5, position);
  return lx_store_step_done (store, stmt, error) &&
         lx_store_log_change (store, "organization", org->id, "restore", org->name, error) &&
         lx_transaction_commit (tx, error);
}
