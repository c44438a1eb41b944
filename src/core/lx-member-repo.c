/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-member-repo"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-member-repo.h"
#include "lx-pinyin.h"
#include "lx-validate.h"

#define MEMBER_COLUMNS \
  "id, org_id, name, gender, birth_date, join_date, phone, id_number, role, " \
  "leading_cadre, party_rep, npc_deputy, cppcc_member, status"

/* Leaders first, then by pinyin: the order of a branch's roster. */
#define MEMBER_ORDER \
  " ORDER BY CASE role WHEN 'secretary' THEN 0 WHEN 'deputy' THEN 1 WHEN 'committee' THEN 2 " \
  "WHEN 'group_leader' THEN 3 ELSE 4 END, pinyin, id"

static gboolean
field_error (const char **out_field,
             const char  *field,
             GError     **error,
             const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
normalize_optional (char       **value,
                    gboolean   (*check) (const char *, char **, GError **),
                    const char  *field,
                    const char **out_field,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *normalized = NULL;

  if (*value == NULL || *g_strstrip (*value) == '\0')
    {
      g_clear_pointer (value, g_free);
      return TRUE;
    }
  if (!check (*value, &normalized, &local_error))
    return field_error (out_field, field, error, local_error->message);
  g_free (*value);
  *value = g_steal_pointer (&normalized);
  return TRUE;
}

static gboolean
check_id_number (const char  *text,
                 char       **normalized,
                 GError     **error)
{
  return lx_validate_id_number (text, NULL, normalized, error);
}

static const char * const roles[] = {
  "secretary", "deputy", "committee", "group_leader", "member", NULL
};

/* A date as found in ledgers (2024/3/5, 2024年3月5日 …), not after today. */
static gboolean
check_past_date (const char  *text,
                 char       **normalized,
                 GError     **error)
{
  g_autofree char *today = lx_date_today ();
  g_autofree char *iso = lx_parse_date_loose (text, error);

  if (iso == NULL || !lx_validate_date (iso, today, error))
    return FALSE;
  *normalized = g_steal_pointer (&iso);
  return TRUE;
}

/* The birth date agrees with the ID number (and comes from it when
 * missing); a member joins the Party at eighteen or older. */
static gboolean
check_dates (LxMember     *m,
             const char  **out_field,
             GError      **error)
{
  g_autofree char *id_birth = m->id_number ? lx_id_number_birth_date (m->id_number) : NULL;

  if (m->birth_date == NULL && id_birth != NULL)
    m->birth_date = g_strdup (id_birth);
  else if (id_birth != NULL && g_strcmp0 (id_birth, m->birth_date) != 0)
    return field_error (out_field, "birth_date", error,
                        _("The birth date does not match the ID number"));

  if (m->birth_date != NULL && m->join_date != NULL)
    {
      g_autofree char *adult = g_strdup_printf ("%04d%s", atoi (m->birth_date) + 18,
                                                m->birth_date + 4);
      if (strcmp (m->join_date, adult) < 0)
        return field_error (out_field, "join_date", error,
                            _("The joining date is before the member’s eighteenth birthday"));
    }
  return TRUE;
}

/**
 * lx_member_validate:
 * @out_field: (out) (optional): the offending field (see the header)
 *
 * Checks a member before it is saved and normalises the phone, the ID
 * number and the dates in place.
 */
gboolean
lx_member_validate (LxMember     *m,
                    const char  **out_field,
                    GError      **error)
{
  g_return_val_if_fail (LX_IS_MEMBER (m), FALSE);

  if (m->name != NULL)
    g_strstrip (m->name);
  if (m->name == NULL || *m->name == '\0')
    return field_error (out_field, "name", error, _("Enter the member’s name"));
  if (g_utf8_strlen (m->name, -1) > 40)
    return field_error (out_field, "name", error, _("The name is longer than 40 characters"));
  if (m->org_id <= 0)
    return field_error (out_field, "org_id", error, _("Choose the organization of the member"));
  if (m->gender != NULL && !g_str_equal (m->gender, "male") && !g_str_equal (m->gender, "female"))
    return field_error (out_field, "gender", error, _("Choose the gender"));
  if (m->role != NULL && !g_strv_contains (roles, m->role))
    return field_error (out_field, "role", error, _("Choose the role of the member"));
  if (!normalize_optional (&m->phone, lx_validate_phone, "phone", out_field, error) ||
      !normalize_optional (&m->id_number, check_id_number, "id_number", out_field, error) ||
      !normalize_optional (&m->birth_date, check_past_date, "birth_date", out_field, error) ||
      !normalize_optional (&m->join_date, check_past_date, "join_date", out_field, error))
    return FALSE;
  return check_dates (m, out_field, error);
}

static LxMember *
member_from_row (sqlite3_stmt *stmt)
{
  LxMember *m = g_object_new (LX_TYPE_MEMBER, NULL);

  m->id = sqlite3_column_int64 (stmt, 0);
  m->org_id = sqlite3_column_int64 (stmt, 1);
  m->name = lx_column_dup (stmt, 2);
  m->gender = lx_column_dup (stmt, 3);
  m->birth_date = lx_column_dup (stmt, 4);
  m->join_date = lx_column_dup (stmt, 5);
  m->phone = lx_column_dup (stmt, 6);
  m->id_number = lx_column_dup (stmt, 7);
  m->role = lx_column_dup (stmt, 8);
  m->leading_cadre = sqlite3_column_int (stmt, 9);
  m->party_rep = sqlite3_column_int (stmt, 10);
  m->npc_deputy = sqlite3_column_int (stmt, 11);
  m->cppcc_member = sqlite3_column_int (stmt, 12);
  m->status = lx_column_dup (stmt, 13);
  return m;
}

/**
 * lx_repo_search_members:
 * @org_id: the organization, 0 for all
 * @search: (nullable): part of the name, full pinyin, initials or phone
 *
 * The members of @org_id (not of its sub-organizations) that match @search,
 * in roster order. The match runs in SQL on the pinyin keys.
 *
 * Returns: (transfer full): a #GPtrArray of #LxMember
 */
GPtrArray *
lx_repo_search_members (LxStore     *store,
                        gint64       org_id,
                        const char  *search,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *normalized = NULL;
  g_autofree char *needle = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT " MEMBER_COLUMNS " FROM member WHERE deleted_at IS NULL "
                           "AND (?1 = 0 OR org_id = ?1) AND (?2 IS NULL "
                           "  OR instr(lower(name), ?2) > 0 OR instr(pinyin, ?2) > 0 "
                           "  OR instr(initials, ?2) > 0 OR instr(COALESCE(phone, ''), ?2) > 0)"
                           MEMBER_ORDER,
                           error);
  if (stmt == NULL)
    return NULL;

  if (search != NULL && *search != '\0')
    {
      normalized = lx_normalize_text (search);
      needle = g_utf8_strdown (normalized, -1);
    }
  sqlite3_bind_int64 (stmt, 1, org_id);
  lx_bind_text (stmt, 2, needle != NULL && *needle != '\0' ? needle : NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, member_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

LxMember *
lx_repo_get_member (LxStore  *store,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  LxMember *m = NULL;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    m = member_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return m;
  if (rc == SQLITE_DONE)
    g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The member no longer exists"));
  else
    lx_store_set_error (store, error, NULL);
  return NULL;
}

static gboolean
update_member (LxStore   *store,
               LxMember  *m,
               GError   **error)
{
  g_autofree char *pinyin = NULL;
  g_autofree char *initials = NULL;
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "UPDATE member SET org_id = ?2, name = ?3, pinyin = ?4, initials = ?5, "
                           "gender = ?6, birth_date = ?7, join_date = ?8, phone = ?9, "
                           "id_number = ?10, role = ?11, leading_cadre = ?12, party_rep = ?13, "
                           "npc_deputy = ?14, cppcc_member = ?15, status = ?16 "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  lx_pinyin_keys (m->name, &pinyin, &initials);
  sqlite3_bind_int64 (stmt, 1, m->id);
  lx_bind_id (stmt, 2, m->org_id);
  lx_bind_text (stmt, 3, m->name);
  lx_bind_text (stmt, 4, pinyin);
  lx_bind_text (stmt, 5, initials);
  lx_bind_text (stmt, 6, m->gender);
  lx_bind_text (stmt, 7, m->birth_date);
  lx_bind_text (stmt, 8, m->join_date);
  lx_bind_text (stmt, 9, m->phone);
  lx_bind_text (stmt, 10, m->id_number);
  lx_bind_text (stmt, 11, m->role != NULL ? m->role : "member");
  sqlite3_bind_int (stmt, 12, m->leading_cadre);
  sqlite3_bind_int (stmt, 13, m->party_rep);
  sqlite3_bind_int (stmt, 14, m->npc_deputy);
  sqlite3_bind_int (stmt, 15, m->cppcc_member);
  lx_bind_text (stmt, 16, m->status != NULL ? m->status : "full");
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The member no longer exists"));
      return FALSE;
    }
  return lx_store_log_change (store, "member", m->id, "update", m->name, error);
}

/**
 * lx_repo_save_member:
 *
 * Adds @member (id 0) or updates it, after lx_member_validate().
 *
 * Returns: its id, or 0 with @error set
 */
gint64
lx_repo_save_member (LxStore      *store,
                     LxMember     *member,
                     const char  **out_field,
                     GError      **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_MEMBER (member), 0);

  if (!lx_member_validate (member, out_field, error))
    return 0;
  if (member->id == 0)
    return lx_repo_add_member (store, member, error);

  if (!(tx = lx_store_begin (store, error)) ||
      !update_member (store, member, error) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return member->id;
}

static gboolean
set_deleted (LxStore   *store,
             gint64     id,
             gboolean   deleted,
             GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  stmt = lx_store_prepare (store,
                           deleted
                           ? "UPDATE member SET deleted_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', "
                             "'localtime') WHERE id = ? AND deleted_at IS NULL"
                           : "UPDATE member SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                           deleted ? _("The member was already deleted")
                                   : _("The member is not in the bin"));
      return FALSE;
    }
  return lx_store_log_change (store, "member", id, deleted ? "delete" : "restore", NULL, error) &&
         lx_transaction_commit (tx, error);
}

/* Deleting keeps the row (and its visits, pairings, grades) for undo. */
gboolean
lx_repo_delete_member (LxStore  *store,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  return set_deleted (store, id, TRUE, error);
}

gboolean
lx_repo_restore_member (LxStore  *store,
                        gint64    id,
                        GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  return set_deleted (store, id, FALSE, error);
}

const char *
lx_member_status_label (const char *status)
{
  if (g_strcmp0 (status, "full") == 0)
    return _("Full member");
  if (g_strcmp0 (status, "probationary") == 0)
    return _("Probationary member");
  if (g_strcmp0 (status, "transferred_out") == 0)
    return _("Transferred out");
  return status;
}
