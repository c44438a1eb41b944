/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-pairing"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-date.h"
#include "lx-pairing.h"
#include "lx-repo.h"
#include "lx-validate.h"

/* Pairing, moving, unpairing and undoing them. The queries (quotas, cards,
 * history, figures) are in lx-pairing-query.c. */

typedef struct
{
  gint64  id;
  gint64  member_id;
  char   *member_name;
  char   *start_on;
} Active;

static void
active_clear (Active *a)
{
  g_clear_pointer (&a->member_name, g_free);
  g_clear_pointer (&a->start_on, g_free);
  a->id = a->member_id = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Active, active_clear)

static gboolean
refuse (GError     **error,
        LxRepoError  code,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        LxRepoError  code,
        const char  *format,
        ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LX_REPO_ERROR, code, message);
  return FALSE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  g_autofree char *today = lx_date_today ();
  g_autoptr(GError) local_error = NULL;

  if (date == NULL || !lx_validate_date (date, NULL, &local_error))
    return refuse (error, LX_REPO_ERROR_INVALID, _("The pairing date “%s” is not a date"),
                   date ? date : "");
  if (strcmp (date, today) > 0)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("The pairing date %s is in the future"), date);
  return TRUE;
}

/* The head of a household that is not deleted, into @out_name. */
static gboolean
load_household (LxStore     *store,
                gint64       id,
                char       **out_name,
                GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT head_name, deleted_at IS NOT NULL FROM household WHERE id = ?", error);
  gboolean deleted;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      sqlite3_reset (stmt);
      return refuse (error, LX_REPO_ERROR_NOT_FOUND, _("There is no household with number %s"),
                     id_text);
    }
  *out_name = lx_column_dup (stmt, 0);
  deleted = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  if (deleted)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("The household of %s has been deleted and cannot be paired"), *out_name);
  return TRUE;
}

/* A member who can take a household: not deleted, not transferred out. */
static gboolean
load_member (LxStore     *store,
             gint64       id,
             char       **out_name,
             GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT name, status, deleted_at IS NOT NULL FROM member WHERE id = ?", error);
  gboolean transferred, deleted;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      sqlite3_reset (stmt);
      return refuse (error, LX_REPO_ERROR_NOT_FOUND, _("There is no member with number %s"), id_text);
    }
  *out_name = lx_column_dup (stmt, 0);
  transferred = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "transferred_out") == 0;
  deleted = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  if (transferred)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("%s has transferred out and cannot take on a household"), *out_name);
  if (deleted)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("%s has been deleted and cannot take on a household"), *out_name);
  return TRUE;
}

static gboolean
load_active (LxStore  *store,
             gint64    household_id,
             Active   *out,
             GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT p.id, p.member_id, m.name, p.start_on FROM pairing p "
    "JOIN member m ON m.id = p.member_id WHERE p.household_id = ? AND p.end_on IS NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->id = sqlite3_column_int64 (stmt, 0);
      out->member_id = sqlite3_column_int64 (stmt, 1);
      out->member_name = lx_column_dup (stmt, 2);
      out->start_on = lx_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* History must not overlap: a new pairing starts on or after the day the
 * last one ended. */
static gboolean
check_after_history (LxStore     *store,
                     gint64       household_id,
                     const char  *household_name,
                     const char  *date,
                     GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "SELECT max(end_on) FROM pairing WHERE household_id = ? AND end_on IS NOT NULL", error);
  g_autofree char *last_end = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last_end = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (last_end != NULL && strcmp (date, last_end) < 0)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("The household of %s was paired until %s; a new pairing cannot start before that"),
                   household_name, last_end);
  return TRUE;
}

static gint64
start_pairing (LxStore     *store,
               gint64       household_id,
               gint64       member_id,
               const char  *date,
               const char  *summary,
               GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "INSERT INTO pairing (member_id, household_id, start_on) VALUES (?, ?, ?)", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, household_id);
  lx_bind_text (stmt, 3, date);
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  id = lx_store_last_insert_id (store);
  if (!lx_store_log_change (store, "pairing", id, "insert", summary, error))
    return 0;
  return id;
}

static gboolean
end_pairing (LxStore     *store,
             const Active *active,
             const char  *date,
             const char  *reason,
             const char  *summary,
             GError     **error)
{
  sqlite3_stmt *stmt;

  if (strcmp (date, active->start_on) < 0)
    return refuse (error, LX_REPO_ERROR_INVALID,
                   _("The pairing with %s started on %s; it cannot end before that"),
                   active->member_name, active->start_on);
  stmt = lx_store_prepare (store,
    "UPDATE pairing SET end_on = ?, end_reason = ? WHERE id = ? AND end_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  lx_bind_text (stmt, 1, date);
  lx_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, active->id);
  return lx_store_step_done (store, stmt, error) &&
         lx_store_log_change (store, "pairing", active->id, "end", summary, error);
}

static void
change_set (LxPairingChange *change,
            gint64           household_id,
            gint64           started_id,
            gint64           ended_id)
{
  if (change == NULL)
    return;
  change->household_id = household_id;
  change->started_id = started_id;
  change->ended_id = ended_id;
}

/**
 * lx_pairing_pair:
 * @date: ISO date the pairing starts, not after today
 * @out_change: (out) (optional): what lx_pairing_undo() needs
 *
 * Pairs @member_id with @household_id. Refused when the household is
 * already paired or deleted, the member transferred out or deleted, or the
 * date is in the future.
 *
 * Returns: the new pairing's id, or 0 with @error set
 */
gint64
lx_pairing_pair (LxStore          *store,
                 gint64            household_id,
                 gint64            member_id,
                 const char       *date,
                 LxPairingChange  *out_change,
                 GError          **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *household = NULL;
  g_autofree char *member = NULL;
  g_autofree char *summary = NULL;
  g_auto(Active) active = { 0 };
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if (!check_date (date, error) || !(tx = lx_store_begin (store, error)))
    return 0;
  if (!load_household (store, household_id, &household, error) ||
      !load_member (store, member_id, &member, error) ||
      !load_active (store, household_id, &active, error))
    return 0;
  if (active.id != 0)
    {
      refuse (error, LX_REPO_ERROR_DUPLICATE, _("The household of %s is already paired with %s"),
              household, active.member_name);
      return 0;
    }
  if (!check_after_history (store, household_id, household, date, error))
    return 0;

  summary = g_strdup_printf ("%s ↔ %s", household, member);
  if (!(id = start_pairing (store, household_id, member_id, date, summary, error)) ||
      !lx_transaction_commit (tx, error))
    return 0;
  change_set (out_change, household_id, id, 0);
  return id;
}

/**
 * lx_pairing_move:
 *
 * Ends the household's active pairing on @date with the reason "moved" and
 * pairs it with @member_id from the same day, in one transaction.
 */
gboolean
lx_pairing_move (LxStore          *store,
                 gint64            household_id,
                 gint64            member_id,
                 const char       *date,
                 LxPairingChange  *out_change,
                 GError          **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *household = NULL;
  g_autofree char *member = NULL;
  g_autofree char *summary = NULL;
  g_auto(Active) active = { 0 };
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!check_date (date, error) || !(tx = lx_store_begin (store, error)))
    return FALSE;
  if (!load_household (store, household_id, &household, error) ||
      !load_member (store, member_id, &member, error) ||
      !load_active (store, household_id, &active, error))
    return FALSE;
  if (active.id == 0)
    return refuse (error, LX_REPO_ERROR_NOT_FOUND,
                   _("The household of %s is not paired with anyone"), household);
  if (active.member_id == member_id)
    return refuse (error, LX_REPO_ERROR_DUPLICATE,
                   _("The household of %s is already paired with %s"), household, member);

  summary = g_strdup_printf ("%s: %s → %s", household, active.member_name, member);
  if (!end_pairing (store, &active, date, "moved", summary, error) ||
      !(id = start_pairing (store, household_id, member_id, date, summary, error)) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  change_set (out_change, household_id, id, active.id);
  return TRUE;
}

/**
 * lx_pairing_unpair:
 * @reason: why the pairing ends (required)
 *
 * Ends the household's active pairing on @date.
 */
gboolean
lx_pairing_unpair (LxStore          *store,
                   gint64            household_id,
                   const char       *date,
                   const char       *reason,
                   LxPairingChange  *out_change,
                   GError          **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *household = NULL;
  g_autofree char *summary = NULL;
  g_auto(Active) active = { 0 };

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (reason == NULL || *reason == '\0')
    return refuse (error, LX_REPO_ERROR_INVALID, _("Give a reason for ending the pairing"));
  if (!check_date (date, error) || !(tx = lx_store_begin (store, error)))
    return FALSE;
  if (!load_household (store, household_id, &household, error) ||
      !load_active (store, household_id, &active, error))
    return FALSE;
  if (active.id == 0)
    return refuse (error, LX_REPO_ERROR_NOT_FOUND,
                   _("The household of %s is not paired with anyone"), household);

  summary = g_strdup_printf ("%s ↮ %s: %s", household, active.member_name, reason);
  if (!end_pairing (store, &active, date, reason, summary, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;
  change_set (out_change, household_id, 0, active.id);
  return TRUE;
}

static gboolean
delete_started (LxStore                *store,
                const LxPairingChange  *change,
                GError                **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
    "DELETE FROM pairing WHERE id = ? AND household_id = ? AND end_on IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->started_id);
  sqlite3_bind_int64 (stmt, 2, change->household_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    return refuse (error, LX_REPO_ERROR_NOT_FOUND,
                   _("The pairing has changed since; nothing was undone"));
  return lx_store_log_change (store, "pairing", change->started_id, "delete", "undo", error);
}

static gboolean
reopen_ended (LxStore                *store,
              const LxPairingChange  *change,
              GError                **error)
{
  g_auto(Active) active = { 0 };
  sqlite3_stmt *stmt;

  if (!load_active (store, change->household_id, &active, error))
    return FALSE;
  if (active.id != 0)
    return refuse (error, LX_REPO_ERROR_DUPLICATE,
                   _("The household is now paired with %s; nothing was undone"), active.member_name);
  stmt = lx_store_prepare (store,
    "UPDATE pairing SET end_on = NULL, end_reason = NULL "
    "WHERE id = ? AND household_id = ? AND end_on IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->ended_id);
  sqlite3_bind_int64 (stmt, 2, change->household_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    return refuse (error, LX_REPO_ERROR_NOT_FOUND,
                   _("The pairing has changed since; nothing was undone"));
  return lx_store_log_change (store, "pairing", change->ended_id, "reopen", "undo", error);
}

/**
 * lx_pairing_undo:
 *
 * Reverses a change made by lx_pairing_pair(), _move() or _unpair(): deletes
 * the pairing it started and reopens the one it ended, in one transaction.
 * Refused, changing nothing, when the household's pairing changed since.
 */
gboolean
lx_pairing_undo (LxStore                *store,
                 const LxPairingChange  *change,
                 GError                **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  if (change->started_id != 0 && !delete_started (store, change, error))
    return FALSE;
  if (change->ended_id != 0 && !reopen_ended (store, change, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

gint64
lx_pairing_member_of (LxStore  *store,
                      gint64    household_id,
                      GError  **error)
{
  g_auto(Active) active = { 0 };

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  if (!load_active (store, household_id, &active, error))
    return 0;
  return active.member_id;
}

/* Reasons the board writes are codes; people type the others. */
const char *
lx_pairing_reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "moved") == 0)
    return _("Moved to another member");
  if (g_strcmp0 (reason, "unpaired") == 0)
    return _("Unpaired on the board");
  return reason;
}
