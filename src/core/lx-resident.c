/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-resident"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-resident.h"
#include "lx-validate.h"

G_DEFINE_FINAL_TYPE (LxResident, lx_resident, G_TYPE_OBJECT)

static void
lx_resident_finalize (GObject *object)
{
  LxResident *self = LX_RESIDENT (object);

  g_free (self->name);
  g_free (self->relation);
  g_free (self->gender);
  g_free (self->birth_date);
  g_free (self->phone);
  g_free (self->id_number);
  g_free (self->notes);
  G_OBJECT_CLASS (lx_resident_parent_class)->finalize (object);
}

static void
lx_resident_class_init (LxResidentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_resident_finalize;
}

static void
lx_resident_init (LxResident *self)
{
}

LxResident *
lx_resident_new (void)
{
  return g_object_new (LX_TYPE_RESIDENT, NULL);
}

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

/* Trims @value in place; an empty one becomes NULL. */
static void
trim (char **value)
{
  if (*value != NULL && *g_strstrip (*value) == '\0')
    g_clear_pointer (value, g_free);
}

static gboolean
check_birth_date (LxResident   *r,
                  const char   *today,
                  const char  **out_field,
                  GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *from_id = NULL;

  if (r->birth_date != NULL)
    {
      if (!(iso = lx_parse_date_loose (r->birth_date, &local)) ||
          !lx_validate_date (iso, today, &local))
        return field_error (out_field, "birth_date", error, local->message);
      g_free (r->birth_date);
      r->birth_date = g_steal_pointer (&iso);
    }
  from_id = r->id_number != NULL ? lx_id_number_birth_date (r->id_number) : NULL;
  if (r->birth_date == NULL)
    r->birth_date = g_steal_pointer (&from_id);
  else if (from_id != NULL && g_strcmp0 (from_id, r->birth_date) != 0)
    return field_error (out_field, "birth_date", error,
                        _("The birth date does not match the ID number"));
  return TRUE;
}

/**
 * lx_resident_validate:
 * @out_field: (out) (optional): "name", "relation", "birth_date", "id_number"
 *   or "phone"
 *
 * Checks a resident and normalises their dates and numbers in place; the
 * birth date comes from the ID number when it is not given.
 */
gboolean
lx_resident_validate (LxResident   *r,
                      const char   *today,
                      const char  **out_field,
                      GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (LX_IS_RESIDENT (r), FALSE);

  trim (&r->name);
  trim (&r->relation);
  trim (&r->birth_date);
  trim (&r->phone);
  trim (&r->id_number);
  trim (&r->notes);
  if (r->name == NULL)
    return field_error (out_field, "name", error, _("Enter the resident’s name"));
  if (g_utf8_strlen (r->name, -1) > 40)
    return field_error (out_field, "name", error, _("The name is longer than 40 characters"));
  if (r->relation != NULL && g_utf8_strlen (r->relation, -1) > 20)
    return field_error (out_field, "relation", error,
                        _("The relation is longer than 20 characters"));
  if (r->id_number != NULL)
    {
      if (!lx_validate_id_number (r->id_number, today, &normalized, &local))
        return field_error (out_field, "id_number", error, local->message);
      g_free (r->id_number);
      r->id_number = g_steal_pointer (&normalized);
    }
  if (r->phone != NULL)
    {
      if (!lx_validate_phone (r->phone, &normalized, &local))
        return field_error (out_field, "phone", error, local->message);
      g_free (r->phone);
      r->phone = g_steal_pointer (&normalized);
    }
  return check_birth_date (r, today, out_field, error);
}

/**
 * lx_residents_validate:
 * @out_index: (out) (optional): the position of the resident at fault
 *
 * Validates every resident; the message names the resident.
 */
gboolean
lx_residents_validate (GPtrArray    *residents,
                       const char   *today,
                       guint        *out_index,
                       const char  **out_field,
                       GError      **error)
{
  for (guint i = 0; residents != NULL && i < residents->len; i++)
    {
      LxResident *r = g_ptr_array_index (residents, i);

      if (!lx_resident_validate (r, today, out_field, error))
        {
          if (out_index != NULL)
            *out_index = i;
          /* Translators: "Resident 2: Enter the resident’s name" */
          g_prefix_error (error, _("Resident %u: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
lx_repo_list_residents (LxStore  *store,
                        gint64    household_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT id, name, relation, gender, birth_date, phone, id_number, notes "
                           "FROM resident WHERE household_id = ? ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxResident *r = lx_resident_new ();

      r->id = sqlite3_column_int64 (stmt, 0);
      r->name = lx_column_dup (stmt, 1);
      r->relation = lx_column_dup (stmt, 2);
      r->gender = lx_column_dup (stmt, 3);
      r->birth_date = lx_column_dup (stmt, 4);
      r->phone = lx_column_dup (stmt, 5);
      r->id_number = lx_column_dup (stmt, 6);
      r->notes = lx_column_dup (stmt, 7);
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Removes the household's residents that are no longer in @residents. */
static gboolean
delete_missing (LxStore    *store,
                gint64      household_id,
                GPtrArray  *residents,
                GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt;

  for (guint i = 0, n = 0; i < residents->len; i++)
    {
      LxResident *r = g_ptr_array_index (residents, i);
      if (r->id > 0)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, n++ ? "," : "", r->id);
    }
  g_string_append_c (json, ']');
  stmt = lx_store_prepare (store,
                           "DELETE FROM resident WHERE household_id = ?1 "
                           "AND id NOT IN (SELECT value FROM json_each(?2))",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, household_id);
  sqlite3_bind_text (stmt, 2, json->str, -1, SQLITE_TRANSIENT);
  return lx_store_step_done (store, stmt, error);
}

static gboolean
write_one (LxStore     *store,
           gint64       household_id,
           LxResident  *r,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (r->id > 0)
    stmt = lx_store_prepare (store,
                             "UPDATE resident SET name = ?2, relation = ?3, gender = ?4, "
                             "birth_date = ?5, phone = ?6, id_number = ?7, notes = ?8 "
                             "WHERE id = ?1 AND household_id = ?9",
                             error);
  else
    stmt = lx_store_prepare (store,
                             "INSERT INTO resident (name, relation, gender, birth_date, phone, "
                             "id_number, notes, household_id) VALUES (?2,?3,?4,?5,?6,?7,?8,?9)",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (r->id > 0)
    sqlite3_bind_int64 (stmt, 1, r->id);
  lx_bind_text (stmt, 2, r->name);
  lx_bind_text (stmt, 3, r->relation);
  lx_bind_text (stmt, 4, r->gender);
  lx_bind_text (stmt, 5, r->birth_date);
  lx_bind_text (stmt, 6, r->phone);
  lx_bind_text (stmt, 7, r->id_number);
  lx_bind_text (stmt, 8, r->notes);
  sqlite3_bind_int64 (stmt, 9, household_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (r->id <= 0)
    r->id = lx_store_last_insert_id (store);
  else if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                   _("%s is no longer a resident of this household"), r->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * lx_repo_write_residents:
 *
 * Makes @residents the household's residents: new ones (id 0) are added,
 * the others updated, and the ones left out removed. Runs inside the
 * caller's transaction (lx_repo_save_household_with_residents()).
 */
gboolean
lx_repo_write_residents (LxStore    *store,
                         gint64      household_id,
                         GPtrArray  *residents,
                         GError    **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree gboolean *was_new = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (residents != NULL, FALSE);

  if (!(tx = lx_store_begin (store, error)) ||
      !delete_missing (store, household_id, residents, error))
    return FALSE;
  was_new = g_new0 (gboolean, residents->len + 1);
  for (guint i = 0; i < residents->len; i++)
    {
      LxResident *r = g_ptr_array_index (residents, i);

      was_new[i] = r->id <= 0;
      if (!write_one (store, household_id, r, error))
        {
          /* Rolled back: the new residents are new again. */
          for (guint j = 0; j <= i; j++)
            if (was_new[j])
              LX_RESIDENT (g_ptr_array_index (residents, j))->id = 0;
          return FALSE;
        }
    }
  /* Logged on the household: the lists reload once for the whole save. */
  return lx_store_log_change (store, "household", household_id, "residents", NULL, error) &&
         lx_transaction_commit (tx, error);
}
