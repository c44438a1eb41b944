/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-visit-repo"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lx-date.h"
#include "lx-visit-repo.h"

G_DEFINE_FINAL_TYPE (LxVisit, lx_visit, G_TYPE_OBJECT)

static void
lx_visit_finalize (GObject *object)
{
  LxVisit *self = LX_VISIT (object);

  g_free (self->kind);
  g_free (self->happened_at);
  g_free (self->notes);
  g_array_unref (self->member_ids);
  g_array_unref (self->household_ids);
  g_free (self->contact_point_name);
  g_free (self->member_names);
  g_free (self->household_names);
  G_OBJECT_CLASS (lx_visit_parent_class)->finalize (object);
}

static void
lx_visit_class_init (LxVisitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_visit_finalize;
}

static void
lx_visit_init (LxVisit *self)
{
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->household_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LxVisit *
lx_visit_new (const char *kind,
              const char *happened_at)
{
  LxVisit *self = g_object_new (LX_TYPE_VISIT, NULL);

  self->kind = g_strdup (kind);
  self->happened_at = g_strdup (happened_at);
  return self;
}

gboolean
lx_visit_kind_is_valid (const char *kind)
{
  static const char * const kinds[] = { LX_VISIT_KINDS, NULL };

  return kind != NULL && g_strv_contains (kinds, kind);
}

const char *
lx_visit_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "home") == 0)
    return _("Home Visit");
  if (g_strcmp0 (kind, "field") == 0)
    return _("Field Visit");
  if (g_strcmp0 (kind, "reception") == 0)
    return _("Reception");
  if (g_strcmp0 (kind, "phone") == 0)
    return _("Phone Call");
  return _("Other Contact");
}

/* Validation ------------------------------------------------------------- */

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

/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a space is accepted for the T). */
static gboolean
valid_moment (char *text)
{
  int y, mo, d, h, mi;
  char sep;

  if (text == NULL)
    return FALSE;
  g_strstrip (text);
  if (strlen (text) == 10)
    return sscanf (text, "%4d-%2d-%2d", &y, &mo, &d) == 3 && g_date_valid_dmy (d, mo, y);
  if (strlen (text) != 16 ||
      sscanf (text, "%4d-%2d-%2d%c%2d:%2d", &y, &mo, &d, &sep, &h, &mi) != 6 ||
      (sep != 'T' && sep != ' '))
    return FALSE;
  text[10] = 'T';
  return g_date_valid_dmy (d, mo, y) && h >= 0 && h < 24 && mi >= 0 && mi < 60;
}

/**
 * lx_visit_validate:
 * @out_field: (out) (optional): "kind", "happened_at", "members",
 *   "households" or "contact_point"
 *
 * A home visit needs a household, a field visit (下访) a contact point; every
 * visit names at least one participant and happened no later than @today.
 */
gboolean
lx_visit_validate (LxVisit     *v,
                   const char  *today,
                   const char **out_field,
                   GError     **error)
{
  g_return_val_if_fail (LX_IS_VISIT (v), FALSE);

  if (!lx_visit_kind_is_valid (v->kind))
    return field_error (out_field, "kind", error, _("Choose the kind of visit"));
  if (!valid_moment (v->happened_at))
    return field_error (out_field, "happened_at", error,
                        _("Enter the date of the visit as YYYY-MM-DD and the time as HH:MM"));
  if (today != NULL && strncmp (v->happened_at, today, 10) > 0)
    return field_error (out_field, "happened_at", error, _("A visit cannot be recorded in the future"));
  if (v->member_ids->len == 0)
    return field_error (out_field, "members", error, _("Choose at least one participant"));
  if (g_strcmp0 (v->kind, "home") == 0 && v->household_ids->len == 0)
    return field_error (out_field, "households", error, _("Choose the household visited"));
  if (g_strcmp0 (v->kind, "field") == 0 && v->contact_point_id <= 0)
    return field_error (out_field, "contact_point", error, _("Choose the contact point visited"));
  if (v->notes != NULL && *g_strstrip (v->notes) == '\0')
    g_clear_pointer (&v->notes, g_free);
  return TRUE;
}

/* Writing ---------------------------------------------------------------- */

static gboolean
insert_links (LxStore     *store,
              const char  *sql,
              gint64       visit_id,
              GArray      *ids,
              GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The visit row first, then its links: the visit_household trigger reads
 * the visit's kind and date to update household.last_visit_on. */
gint64
lx_visit_repo_insert (LxStore  *store,
                      LxVisit  *v,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *summary = NULL;
  gint64 id;

  stmt = lx_store_prepare (store,
                           "INSERT INTO visit (id, kind, happened_at, contact_point_id, event_id, notes) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  lx_bind_id (stmt, 1, v->id);
  lx_bind_text (stmt, 2, v->kind);
  lx_bind_text (stmt, 3, v->happened_at);
  lx_bind_id (stmt, 4, v->contact_point_id);
  lx_bind_id (stmt, 5, v->event_id);
  lx_bind_text (stmt, 6, v->notes);
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  id = lx_store_last_insert_id (store);
  summary = g_strdup_printf ("%s %s", v->kind, v->happened_at);
  if (!insert_links (store, "INSERT OR IGNORE INTO visit_member (visit_id, member_id) VALUES (?, ?)",
                     id, v->member_ids, error) ||
      !insert_links (store, "INSERT OR IGNORE INTO visit_household (visit_id, household_id) VALUES (?, ?)",
                     id, v->household_ids, error) ||
      !lx_store_log_change (store, "visit", id, "insert", summary, error))
    return 0;
  return id;
}

gint64
lx_visit_repo_add (LxStore  *store,
                   LxVisit  *v,
                   GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *today = lx_date_today ();
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_VISIT (v), 0);

  if (!lx_visit_validate (v, today, NULL, error))
    return 0;
  tx = lx_store_begin (store, error);
  if (tx == NULL)
    return 0;
  v->id = 0;
  if ((id = lx_visit_repo_insert (store, v, error)) == 0 || !lx_transaction_commit (tx, error))
    return 0;
  v->id = id;
  return id;
}

/* Reading ---------------------------------------------------------------- */

#define VISIT_SELECT \
  "SELECT v.id, v.kind, v.happened_at, v.contact_point_id, v.event_id, v.notes, c.name, " \
  "(SELECT group_concat(name, '、') FROM (SELECT m.name FROM visit_member vm " \
  "   JOIN member m ON m.id = vm.member_id WHERE vm.visit_id = v.id ORDER BY m.pinyin)), " \
  "(SELECT group_concat(head_name, '、') FROM (SELECT h.head_name FROM visit_household vh " \
  "   JOIN household h ON h.id = vh.household_id WHERE vh.visit_id = v.id ORDER BY h.id)), " \
  "(SELECT group_concat(member_id) FROM visit_member WHERE visit_id = v.id), " \
  "(SELECT group_concat(household_id) FROM visit_household WHERE visit_id = v.id) " \
  "FROM visit v LEFT JOIN contact_point c ON c.id = v.contact_point_id "

static void
parse_ids (const char *csv,
           GArray     *out)
{
  g_auto(GStrv) parts = NULL;

  if (csv == NULL)
    return;
  parts = g_strsplit (csv, ",", -1);
  for (int i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);
      g_array_append_val (out, id);
    }
}

static LxVisit *
visit_from_row (sqlite3_stmt *stmt)
{
  LxVisit *v = g_object_new (LX_TYPE_VISIT, NULL);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->kind = lx_column_dup (stmt, 1);
  v->happened_at = lx_column_dup (stmt, 2);
  v->contact_point_id = sqlite3_column_int64 (stmt, 3);
  v->event_id = sqlite3_column_int64 (stmt, 4);
  v->notes = lx_column_dup (stmt, 5);
  v->contact_point_name = lx_column_dup (stmt, 6);
  v->member_names = lx_column_dup (stmt, 7);
  v->household_names = lx_column_dup (stmt, 8);
  parse_ids ((const char *)sqlite3_column_text (stmt, 9), v->member_ids);
  parse_ids ((const char *)sqlite3_column_text (stmt, 10), v->household_ids);
  return v;
}

static GPtrArray *
list_visits (LxStore     *store,
             const char  *sql,
             gint64       key,
             int          limit,
             GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, limit > 0 ? limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, visit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "visits");
      return NULL;
    }
  return g_steal_pointer (&list);
}

LxVisit *
lx_visit_repo_get (LxStore  *store,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  list = list_visits (store, VISIT_SELECT "WHERE v.id = ? LIMIT ?", id, 1, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The visit no longer exists"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (list, 0));
}

/* Newest first: the household's timeline. */
GPtrArray *
lx_visit_repo_list_for_household (LxStore  *store,
                                  gint64    household_id,
                                  int       limit,
                                  GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return list_visits (store,
                      VISIT_SELECT "WHERE v.id IN (SELECT visit_id FROM visit_household "
                      "WHERE household_id = ?) ORDER BY v.happened_at DESC, v.id DESC LIMIT ?",
                      household_id, limit, error);
}

GPtrArray *
lx_visit_repo_list_for_contact_point (LxStore  *store,
                                      gint64    contact_point_id,
                                      int       limit,
                                      GError  **error)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return list_visits (store,
                      VISIT_SELECT "WHERE v.contact_point_id = ? "
                      "ORDER BY v.happened_at DESC, v.id DESC LIMIT ?",
                      contact_point_id, limit, error);
}

GArray *
lx_visit_repo_suggest_participants (LxStore  *store,
                                    gint64    household_id,
                                    GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "SELECT s.member_id, s.rank FROM (SELECT p.member_id, 0 AS rank FROM pairing p "
                           "WHERE p.household_id = ?1 AND p.end_on IS NULL UNION ALL "
                           "SELECT mz.member_id, 1 FROM member_zone mz JOIN household h "
                           "ON h.zone_id = mz.zone_id WHERE h.id = ?1) s JOIN member m ON m.id = s.member_id "
                           "WHERE m.deleted_at IS NULL AND m.status != 'transferred_out' "
                           "ORDER BY rank, m.id LIMIT 3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      /* The paired member alone is the answer; zone members come together. */
      if (sqlite3_column_int (stmt, 1) == 0)
        break;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

/* Delete and undo -------------------------------------------------------- */

LxVisit *
lx_visit_repo_delete (LxStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxVisit) v = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      (v = lx_visit_repo_get (store, id, error)) == NULL ||
      (stmt = lx_store_prepare (store, "DELETE FROM visit WHERE id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  /* The cascade to visit_household fires its trigger: last_visit_on follows. */
  if (!lx_store_step_done (store, stmt, error) ||
      !lx_store_log_change (store, "visit", id, "delete", v->happened_at, error) ||
      !lx_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&v);
}

/* Puts a deleted visit back under its old id, with its links. */
gboolean
lx_visit_repo_restore (LxStore  *store,
                       LxVisit  *deleted,
                       GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (LX_IS_VISIT (deleted) && deleted->id > 0, FALSE);

  if ((tx = lx_store_begin (store, error)) == NULL ||
      lx_visit_repo_insert (store, deleted, error) == 0)
    return FALSE;
  return lx_transaction_commit (tx, error);
}

/* Contact points ----------------------------------------------------------- */

void
lx_contact_point_free (LxContactPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->name);
  g_free (point->address);
  g_free (point);
}

GPtrArray *
lx_repo_list_contact_points (LxStore  *store,
                             GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_contact_point_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT id, name, address FROM contact_point ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxContactPoint *p = g_new0 (LxContactPoint, 1);
      p->id = sqlite3_column_int64 (stmt, 0);
      p->name = lx_column_dup (stmt, 1);
      p->address = lx_column_dup (stmt, 2);
      g_ptr_array_add (list, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "contact points");
      return NULL;
    }
  return g_steal_pointer (&list);
}
