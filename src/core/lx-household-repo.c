/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-household-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-pinyin.h"
#include "lx-repo.h"
#include "lx-resident.h"
#include "lx-validate.h"

#define HOUSEHOLD_COLUMNS \
  "h.id, h.head_name, h.phone, h.id_number, h.building_id, h.entrance, h.floor, h.room, " \
  "h.address, h.size, h.zone_id, h.notes, h.pinyin, h.initials, s.name, b.name, z.name, " \
  "h.needy, h.rule_days, h.last_visit_on, " \
  "(SELECT group_concat(tag, ',') FROM (SELECT n.tag FROM household_need n " \
  "   JOIN need_tag t ON t.code = n.tag WHERE n.household_id = h.id ORDER BY t.position))"

#define HOUSEHOLD_FROM \
  " FROM household h LEFT JOIN building b ON b.id = h.building_id " \
  "LEFT JOIN site s ON s.id = b.site_id LEFT JOIN zone z ON z.id = h.zone_id "

void
lx_household_filter_clear (LxHouseholdFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->need_tag, g_free);
  filter->zone_id = 0;
  filter->status = LX_VISIT_STATUS_ANY;
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

/**
 * lx_household_validate:
 * @out_field: (out) (optional): the name of the offending field
 *   ("head_name", "phone", "id_number", "size", "address")
 *
 * Checks a household before it is saved and normalises its phone and ID
 * number in place.
 */
gboolean
lx_household_validate (LxHousehold  *h,
                       const char   *today,
                       const char  **out_field,
                       GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LX_IS_HOUSEHOLD (h), FALSE);

  if (h->head_name != NULL)
    g_strstrip (h->head_name);
  if (h->head_name == NULL || *h->head_name == '\0')
    return field_error (out_field, "head_name", error, _("Enter the name of the head of household"));
  if (g_utf8_strlen (h->head_name, -1) > 40)
    return field_error (out_field, "head_name", error, _("The name is longer than 40 characters"));

  if (h->phone != NULL && *g_strstrip (h->phone) != '\0')
    {
      g_autofree char *normalized = NULL;
      if (!lx_validate_phone (h->phone, &normalized, &local_error))
        return field_error (out_field, "phone", error, local_error->message);
      g_free (h->phone);
      h->phone = g_steal_pointer (&normalized);
    }
  else
    g_clear_pointer (&h->phone, g_free);

  if (h->id_number != NULL && *g_strstrip (h->id_number) != '\0')
    {
      g_autofree char *normalized = NULL;
      if (!lx_validate_id_number (h->id_number, today, &normalized, &local_error))
        return field_error (out_field, "id_number", error, local_error->message);
      g_free (h->id_number);
      h->id_number = g_steal_pointer (&normalized);
    }
  else
    g_clear_pointer (&h->id_number, g_free);

  if (h->size < 1 || h->size > 30)
    return field_error (out_field, "size", error, _("A household has between 1 and 30 people"));

  if (h->building_id <= 0 && (h->address == NULL || *g_strstrip (h->address) == '\0'))
    return field_error (out_field, "address", error, _("Enter an address or choose a building"));

  return TRUE;
}

static gboolean
load_location_names (LxStore      *store,
                     LxHousehold  *h,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  g_clear_pointer (&h->site_name, g_free);
  g_clear_pointer (&h->building_name, g_free);
  if (h->building_id <= 0)
    return TRUE;

  stmt = lx_store_prepare (store,
                           "SELECT s.name, b.name FROM building b JOIN site s ON s.id = b.site_id "
                           "WHERE b.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->building_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("The building chosen for this household does not exist"));
      return FALSE;
    }
  h->site_name = lx_column_dup (stmt, 0);
  h->building_name = lx_column_dup (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_duplicate (LxStore      *store,
                 LxHousehold  *h,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = lx_store_prepare (store,
                           "SELECT id FROM household WHERE deleted_at IS NULL AND id != ?1 "
                           "AND head_name = ?2 AND building_id IS ?3 AND entrance IS ?4 "
                           "AND room IS ?5 AND (building_id IS NOT NULL OR address = ?6) LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, h->id);
  lx_bind_text (stmt, 2, h->head_name);
  lx_bind_id (stmt, 3, h->building_id);
  if (h->entrance > 0)
    sqlite3_bind_int (stmt, 4, h->entrance);
  lx_bind_text (stmt, 5, h->room);
  lx_bind_text (stmt, 6, h->address);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (found)
    {
      g_autofree char *address = lx_household_dup_address (h);
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE,
                   _("The household of %s at %s is already in the registry"),
                   h->head_name, address);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_household_row (LxStore      *store,
                     LxHousehold  *h,
                     const char   *search_text,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  if (h->id == 0)
    stmt = lx_store_prepare (store,
                             "INSERT INTO household (head_name, pinyin, initials, phone, id_number, "
                             "building_id, entrance, floor, room, address, size, zone_id, notes, "
                             "search_text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
                             error);
  else
    stmt = lx_store_prepare (store,
                             "UPDATE household SET head_name=?1, pinyin=?2, initials=?3, phone=?4, "
                             "id_number=?5, building_id=?6, entrance=?7, floor=?8, room=?9, "
                             "address=?10, size=?11, zone_id=?12, notes=?13, search_text=?14 "
                             "WHERE id = ?15 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  lx_bind_text (stmt, 1, h->head_name);
  lx_bind_text (stmt, 2, h->pinyin);
  lx_bind_text (stmt, 3, h->initials);
  lx_bind_text (stmt, 4, h->phone);
  lx_bind_text (stmt, 5, h->id_number);
  lx_bind_id (stmt, 6, h->building_id);
  if (h->entrance > 0)
    sqlite3_bind_int (stmt, 7, h->entrance);
  if (h->floor > 0)
    sqlite3_bind_int (stmt, 8, h->floor);
  lx_bind_text (stmt, 9, h->room);
  lx_bind_text (stmt, 10, h->address);
  sqlite3_bind_int (stmt, 11, h->size);
  lx_bind_id (stmt, 12, h->zone_id);
  lx_bind_text (stmt, 13, h->notes);
  lx_bind_text (stmt, 14, search_text);
  if (h->id != 0)
    sqlite3_bind_int64 (stmt, 15, h->id);

  if (!lx_store_step_done (store, stmt, error))
    return FALSE;

  if (h->id == 0)
    h->id = lx_store_last_insert_id (store);
  else if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                   _("The household no longer exists; it may have been deleted"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_need_tags (LxStore      *store,
                 LxHousehold  *h,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "DELETE FROM household_need WHERE household_id = ?1 "
                           "AND tag NOT IN (SELECT value FROM json_each(?2))",
                           error);
  if (stmt == NULL)
    return FALSE;

  {
    g_autoptr(GString) json = g_string_new ("[");
    for (guint i = 0; h->need_tags != NULL && h->need_tags[i] != NULL; i++)
      {
        g_autofree char *escaped = g_strescape (h->need_tags[i], NULL);
        g_string_append_printf (json, "%s\"%s\"", i ? "," : "", escaped);
      }
    g_string_append_c (json, ']');
    sqlite3_bind_int64 (stmt, 1, h->id);
    sqlite3_bind_text (stmt, 2, json->str, -1, SQLITE_TRANSIENT);
    if (!lx_store_step_done (store, stmt, error))
      return FALSE;
  }

  stmt = lx_store_prepare (store,
                           "INSERT OR IGNORE INTO household_need (household_id, tag) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; h->need_tags != NULL && h->need_tags[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, h->id);
      sqlite3_bind_text (stmt, 2, h->need_tags[i], -1, SQLITE_TRANSIENT);
      if (!lx_store_step_done (store, stmt, error))
        {
          g_prefix_error (error, _("Need category “%s”: "), h->need_tags[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * lx_repo_save_household:
 *
 * Adds @household (when its id is 0) or updates it, with its need tags, in one
 * transaction. Validates first; a duplicate (same head of household at the
 * same address) is refused.
 *
 * Returns: the household's id, or 0 with @error set.
 */
gint64
lx_repo_save_household (LxStore      *store,
                        LxHousehold  *h,
                        GError      **error)
{
  return lx_repo_save_household_with_residents (store, h, NULL, error);
}

/**
 * lx_repo_save_household_with_residents:
 * @residents: (nullable): #LxResident, the household's residents from now
 *   on; NULL leaves them as they are
 *
 * lx_repo_save_household() and the residents, in one transaction.
 */
gint64
lx_repo_save_household_with_residents (LxStore      *store,
                                       LxHousehold  *h,
                                       GPtrArray    *residents,
                                       GError      **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *today = lx_date_today ();
  g_autofree char *address = NULL;
  g_autofree char *search_text = NULL;
  gboolean is_new;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_HOUSEHOLD (h), 0);

  if (!lx_household_validate (h, today, NULL, error) ||
      !lx_residents_validate (residents, today, NULL, NULL, error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  if (!load_location_names (store, h, error) || !check_duplicate (store, h, error))
    return 0;

  g_clear_pointer (&h->pinyin, g_free);
  g_clear_pointer (&h->initials, g_free);
  lx_pinyin_keys (h->head_name, &h->pinyin, &h->initials);
  address = lx_household_dup_address (h);
  search_text = lx_household_search_text (h, address);

  is_new = h->id == 0;
  if (!write_household_row (store, h, search_text, error) ||
      !write_need_tags (store, h, error) ||
      (residents != NULL && !lx_repo_write_residents (store, h->id, residents, error)) ||
      !lx_store_log_change (store, "household", h->id, is_new ? "insert" : "update",
                            h->head_name, error) ||
      !lx_transaction_commit (tx, error))
    {
      if (is_new)
        h->id = 0;
      return 0;
    }
  return h->id;
}

static LxHousehold *
household_from_row (sqlite3_stmt *stmt)
{
  LxHousehold *h = lx_household_new ();
  const char *tags;

  h->id = sqlite3_column_int64 (stmt, 0);
  h->head_name = lx_column_dup (stmt, 1);
  h->phone = lx_column_dup (stmt, 2);
  h->id_number = lx_column_dup (stmt, 3);
  h->building_id = sqlite3_column_int64 (stmt, 4);
  h->entrance = sqlite3_column_int (stmt, 5);
  h->floor = sqlite3_column_int (stmt, 6);
  h->room = lx_column_dup (stmt, 7);
  h->address = lx_column_dup (stmt, 8);
  h->size = sqlite3_column_int (stmt, 9);
  h->zone_id = sqlite3_column_int64 (stmt, 10);
  h->notes = lx_column_dup (stmt, 11);
  h->pinyin = lx_column_dup (stmt, 12);
  h->initials = lx_column_dup (stmt, 13);
  h->site_name = lx_column_dup (stmt, 14);
  h->building_name = lx_column_dup (stmt, 15);
  h->zone_name = lx_column_dup (stmt, 16);
  h->needy = sqlite3_column_int (stmt, 17);
  h->rule_days = sqlite3_column_int (stmt, 18);
  h->last_visit_on = lx_column_dup (stmt, 19);

  tags = (const char *)sqlite3_column_text (stmt, 20);
  g_strfreev (h->need_tags);
  h->need_tags = tags != NULL ? g_strsplit (tags, ",", -1) : g_new0 (char *, 1);
  h->need_labels = lx_need_tags_join_labels ((const char * const *)h->need_tags);
  return h;
}

LxHousehold *
lx_repo_get_household (LxStore  *store,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  LxHousehold *h;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT " HOUSEHOLD_COLUMNS HOUSEHOLD_FROM "WHERE h.id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (rc == SQLITE_DONE)
        g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                     _("There is no household with number %s"), id_text);
      else
        lx_store_set_error (store, error, NULL);
      sqlite3_reset (stmt);
      return NULL;
    }
  h = household_from_row (stmt);
  sqlite3_reset (stmt);
  return h;
}

static gboolean
set_deleted (LxStore     *store,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  if (deleted)
    stmt = lx_store_prepare (store,
                             "UPDATE household SET deleted_at = strftime('%Y-%m-%dT%H:%M:%S','now',"
                             "'localtime') WHERE id = ? AND deleted_at IS NULL",
                             error);
  else
    stmt = lx_store_prepare (store,
                             "UPDATE household SET deleted_at = NULL WHERE id = ? "
                             "AND deleted_at IS NOT NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                   deleted ? _("The household was already deleted")
                           : _("The household is not in the bin"));
      return FALSE;
    }
  if (!lx_store_log_change (store, "household", id, deleted ? "delete" : "restore", NULL, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

/* Deleting keeps the row (and its visits) so that it can be undone. */
gboolean
lx_repo_delete_household (LxStore  *store,
                          gint64    id,
                          GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  return set_deleted (store, id, TRUE, error);
}

gboolean
lx_repo_restore_household (LxStore  *store,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  return set_deleted (store, id, FALSE, error);
}

static char *
build_query (const LxHouseholdFilter *f)
{
  gboolean searching = f->search != NULL && *f->search != '\0';
  /* A search scans every row anyway: reading the table in rowid order and
   * sorting the matches beats walking household_order and looking every row
   * up (about half the time on 100,000 households, see bench/). The unary +
   * keeps the planner off that index. */
  GString *sql = g_string_new (searching ? "SELECT h.id FROM household h WHERE +h.deleted_at IS NULL"
                                         : "SELECT h.id FROM household h WHERE h.deleted_at IS NULL");

  if (searching)
    g_string_append (sql, " AND instr(h.search_text, :search) > 0");
  if (f->zone_id > 0)
    g_string_append (sql, " AND h.zone_id = :zone");
  if (g_strcmp0 (f->need_tag, "*") == 0)
    g_string_append (sql, " AND h.needy = 1");
  else if (f->need_tag != NULL)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM household_need n "
                          "WHERE n.household_id = h.id AND n.tag = :tag)");

  switch (f->status)
    {
    case LX_VISIT_STATUS_NEVER:
      g_string_append (sql, " AND h.last_visit_on IS NULL");
      break;
    case LX_VISIT_STATUS_OVERDUE:
      g_string_append (sql, " AND julianday(:today) - julianday(h.last_visit_on) > h.rule_days");
      break;
    case LX_VISIT_STATUS_DUE_SOON:
      g_string_append (sql, " AND julianday(:today) - julianday(h.last_visit_on)"
                            " BETWEEN h.rule_days - 29 AND h.rule_days");
      break;
    case LX_VISIT_STATUS_VISITED:
      g_string_append (sql, " AND julianday(:today) - julianday(h.last_visit_on)"
                            " <= h.rule_days - 30");
      break;
    case LX_VISIT_STATUS_ANY:
    default:
      break;
    }

  g_string_append (sql, " ORDER BY h.needy DESC, h.building_id, h.entrance, h.floor, h.room, h.id");
  return g_string_free (sql, FALSE);
}

/**
 * lx_repo_query_household_ids:
 *
 * The ids of the households that pass @filter, needy households first, then
 * by address. Searching, filtering and sorting all happen in SQL.
 *
 * Returns: (transfer full): a #GArray of gint64
 */
GArray *
lx_repo_query_household_ids (LxStore                 *store,
                             const LxHouseholdFilter *filter,
                             const char              *today,
                             GError                 **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int idx, rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  sql = build_query (filter);
  if (!(stmt = lx_store_prepare (store, sql, error)))
    return NULL;

  if ((idx = sqlite3_bind_parameter_index (stmt, ":search")))
    {
      g_autofree char *normalized = lx_normalize_text (filter->search);
      g_autofree char *lower = g_utf8_strdown (normalized, -1);
      sqlite3_bind_text (stmt, idx, lower, -1, SQLITE_TRANSIENT);
    }
  if ((idx = sqlite3_bind_parameter_index (stmt, ":zone")))
    sqlite3_bind_int64 (stmt, idx, filter->zone_id);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":tag")))
    sqlite3_bind_text (stmt, idx, filter->need_tag, -1, SQLITE_TRANSIENT);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":today")))
    sqlite3_bind_text (stmt, idx, today, -1, SQLITE_TRANSIENT);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gint64
lx_repo_count_households (LxStore  *store,
                          GError  **error)
{
  return lx_store_query_int (store, "SELECT count(*) FROM household WHERE deleted_at IS NULL", error);
}
