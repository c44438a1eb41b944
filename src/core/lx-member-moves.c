/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-member-moves"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-member-repo.h"
#include "lx-org-repo.h"
#include "lx-validate.h"

/* The member repository's changes of place: contact points saved with the
 * member, moves between branches, and transfers out of the unit. Each is
 * one transaction with its change-log lines, and each can be undone. */

void
lx_member_transfer_free (LxMemberTransfer *transfer)
{
  if (transfer == NULL)
    return;
  g_free (transfer->old_status);
  g_clear_pointer (&transfer->ended_pairings, g_array_unref);
  g_free (transfer);
}

static gboolean
invalid (const char **out_field,
         const char  *field,
         GError     **error,
         const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID, message);
  return FALSE;
}

/* Runs @stmt (its first parameter bound to @id) to the end, collecting the
 * first column as gint64 ids. */
static GArray *
collect_ids (LxStore       *store,
             sqlite3_stmt  *stmt,
             gint64         id,
             GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Contact points --------------------------------------------------------- */

GArray *
lx_member_repo_get_contact_points (LxStore  *store,
                                   gint64    member_id,
                                   GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT contact_point_id FROM member_contact_point WHERE member_id = ? "
                           "ORDER BY contact_point_id",
                           error);
  return stmt != NULL ? collect_ids (store, stmt, member_id, error) : NULL;
}

/**
 * lx_member_repo_list_contact_points:
 * @out_ids: (out): a #GArray of gint64
 * @out_names: (out): their names, in the same order
 *
 * All contact points (联系点), by name.
 */
gboolean
lx_member_repo_list_contact_points (LxStore   *store,
                                    GArray   **out_ids,
                                    char    ***out_names,
                                    GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  stmt = lx_store_prepare (store, "SELECT id, name FROM contact_point ORDER BY name, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_strv_builder_add (names, (const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return FALSE;
    }
  *out_ids = g_steal_pointer (&ids);
  *out_names = g_strv_builder_end (names);
  return TRUE;
}

static gboolean
write_contact_points (LxStore  *store,
                      gint64    member_id,
                      GArray   *contact_points,
                      GError  **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = lx_store_prepare (store, "DELETE FROM member_contact_point WHERE member_id = ?",
                                 error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;

  stmt = lx_store_prepare (store,
                           "INSERT OR IGNORE INTO member_contact_point (member_id, contact_point_id) "
                           "VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < contact_points->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (contact_points, gint64, i));
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  /* Logged on the member: one table changed means one reload of the lists. */
  return lx_store_log_change (store, "member", member_id, "contact_points", NULL, error);
}

/**
 * lx_member_repo_save:
 * @contact_points: (nullable): gint64 ids of the member's contact points;
 *   NULL leaves them as they are
 *
 * Saves a member (lx_repo_save_member()) and its contact points in one
 * transaction.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
lx_member_repo_save (LxStore      *store,
                     LxMember     *member,
                     GArray       *contact_points,
                     const char  **out_field,
                     GError      **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_MEMBER (member), 0);

  is_new = member->id == 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  if ((id = lx_repo_save_member (store, member, out_field, error)) == 0 ||
      (contact_points != NULL && !write_contact_points (store, id, contact_points, error)) ||
      !lx_transaction_commit (tx, error))
    {
      if (is_new)
        member->id = 0;
      return 0;
    }
  return id;
}

/* Moves ------------------------------------------------------------------ */

/**
 * lx_member_repo_move:
 * @out_old_org_id: (out) (optional): where the member was, for undo
 *
 * Moves a member to another organization. Pairings, visits and grades stay
 * the member's.
 */
gboolean
lx_member_repo_move (LxStore  *store,
                     gint64    member_id,
                     gint64    org_id,
                     gint64   *out_old_org_id,
                     GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxMember) m = NULL;
  g_autoptr(LxOrganization) org = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !(m = lx_repo_get_member (store, member_id, error)) ||
      !(org = lx_org_repo_get (store, org_id, error)))
    return FALSE;
  if (out_old_org_id != NULL)
    *out_old_org_id = m->org_id;

  stmt = lx_store_prepare (store, "UPDATE member SET org_id = ? WHERE id = ? AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("The member no longer exists"));
      return FALSE;
    }
  summary = g_strdup_printf ("%s → %s", m->name, org->name);
  return lx_store_log_change (store, "member", member_id, "move", summary, error) &&
         lx_transaction_commit (tx, error);
}

/* Transfers -------------------------------------------------------------- */

static gboolean
check_transfer (LxMember     *m,
                const char   *date,
                const char  **out_field,
                GError      **error)
{
  if (g_strcmp0 (m->status, "transferred_out") == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("%s has already been transferred out"), m->name);
      return FALSE;
    }
  if (m->join_date != NULL && strcmp (date, m->join_date) < 0)
    return invalid (out_field, "date", error,
                    _("The transfer date is before the member joined the Party"));
  return TRUE;
}

/* Ends the member's current pairings: the households come back to the
 * unpaired list on the pairing board, each with a change-log line. */
static GArray *
end_pairings (LxStore     *store,
              gint64       member_id,
              const char  *date,
              GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store, "SELECT id FROM pairing WHERE member_id = ? AND end_on IS NULL "
                                  "ORDER BY id", error);
  if (stmt == NULL || !(ids = collect_ids (store, stmt, member_id, error)))
    return NULL;

  stmt = lx_store_prepare (store,
                           "UPDATE pairing SET end_on = max(start_on, ?2), end_reason = ?3 "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      sqlite3_bind_int64 (stmt, 1, id);
      lx_bind_text (stmt, 2, date);
      lx_bind_text (stmt, 3, LX_PAIRING_END_TRANSFERRED_OUT);
      if (!lx_store_step_done (store, stmt, error) ||
          !lx_store_log_change (store, "pairing", id, "end", LX_PAIRING_END_TRANSFERRED_OUT, error))
        return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
set_transfer_columns (LxStore     *store,
                      gint64       member_id,
                      const char  *status,
                      const char  *date,
                      const char  *destination,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "UPDATE member SET status = ?2, transferred_on = ?3, transferred_to = ?4 "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  lx_bind_text (stmt, 2, status);
  lx_bind_text (stmt, 3, date);
  lx_bind_text (stmt, 4, destination);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           _("The member no longer exists"));
      return FALSE;
    }
  return TRUE;
}

static char *
clean_destination (const char  *destination,
                   const char **out_field,
                   GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (destination != NULL ? destination : ""));

  if (g_utf8_strlen (clean, -1) > 100)
    {
      invalid (out_field, "destination", error,
               _("The destination is longer than 100 characters"));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/**
 * lx_member_repo_transfer_out:
 * @date: when the member left (lenient: 2026/11/3 is fine), not after today
 * @destination: (nullable): where to, as a note (组织关系转往…)
 *
 * Marks a member transferred out (组织关系转出). The member stays on record
 * with their history but leaves the default lists; their current pairings
 * end on @date with the reason %LX_PAIRING_END_TRANSFERRED_OUT, in the same
 * transaction, so that no household stays paired with someone who left.
 *
 * Returns: (transfer full): what changed, for lx_member_repo_undo_transfer(),
 *   or NULL with @error set
 */
LxMemberTransfer *
lx_member_repo_transfer_out (LxStore      *store,
                             gint64        member_id,
                             const char   *date,
                             const char   *destination,
                             const char  **out_field,
                             GError      **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxMember) m = NULL;
  g_autoptr(LxMemberTransfer) transfer = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autofree char *today = lx_date_today ();
  g_autofree char *iso = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (date == NULL || *date == '\0')
    return invalid (out_field, "date", error, _("Enter the date of the transfer")), NULL;
  if (!(iso = lx_parse_date_loose (date, &date_error)) ||
      !lx_validate_date (iso, today, &date_error))
    return invalid (out_field, "date", error, date_error->message), NULL;
  if (!(dest = clean_destination (destination, out_field, error)))
    return NULL;

  if (!(tx = lx_store_begin (store, error)) ||
      !(m = lx_repo_get_member (store, member_id, error)) ||
      !check_transfer (m, iso, out_field, error))
    return NULL;

  transfer = g_new0 (LxMemberTransfer, 1);
  transfer->member_id = member_id;
  transfer->old_status = g_strdup (m->status);
  summary = *dest != '\0' ? g_strdup_printf ("%s → %s", m->name, dest) : g_strdup (m->name);
  if (!(transfer->ended_pairings = end_pairings (store, member_id, iso, error)) ||
      !set_transfer_columns (store, member_id, "transferred_out", iso,
                             *dest != '\0' ? dest : NULL, error) ||
      !lx_store_log_change (store, "member", member_id, "transfer_out", summary, error) ||
      !lx_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&transfer);
}

static gboolean
reopen_pairings (LxStore  *store,
                 GArray   *ids,
                 GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "UPDATE pairing SET end_on = NULL, end_reason = NULL "
                           "WHERE id = ? AND end_reason = '" LX_PAIRING_END_TRANSFERRED_OUT "'",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      sqlite3_bind_int64 (stmt, 1, id);
      if (!lx_store_step_done (store, stmt, error))
        {
          /* The unique index refuses it: someone else took the household. */
          g_prefix_error (error, "%s ",
                          _("A household of this member has been paired with someone else since."));
          return FALSE;
        }
      if (!lx_store_log_change (store, "pairing", id, "reopen", NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Undoes lx_member_repo_transfer_out(): the status comes back, the transfer
 * columns are cleared and the pairings it ended are reopened, together. */
gboolean
lx_member_repo_undo_transfer (LxStore                 *store,
                              const LxMemberTransfer  *transfer,
                              GError                 **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (transfer != NULL, FALSE);

  return (tx = lx_store_begin (store, error)) != NULL &&
         set_transfer_columns (store, transfer->member_id, transfer->old_status, NULL, NULL, error) &&
         reopen_pairings (store, transfer->ended_pairings, error) &&
         lx_store_log_change (store, "member", transfer->member_id, "undo_transfer", NULL, error) &&
         lx_transaction_commit (tx, error);
}
