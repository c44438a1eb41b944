/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-member-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-member-list.h"
#include "lx-member-repo.h"
#include "lx-validate.h"

/* Members as a list model: the ledger's query, filters and order run in
 * SQL; the ids, rows and reloads are LxIdList's. */

void
lx_member_filter_clear (LxMemberFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
  g_clear_pointer (&filter->role, g_free);
  filter->org_id = 0;
  filter->leading_cadres = FALSE;
  filter->representatives = FALSE;
  filter->include_transferred = FALSE;
}

/* Rows ------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (LxMemberRow, lx_member_row, G_TYPE_OBJECT)

static void
lx_member_row_finalize (GObject *object)
{
  LxMemberRow *self = LX_MEMBER_ROW (object);

  g_clear_object (&self->member);
  g_free (self->org_name);
  g_free (self->contact_points);
  g_free (self->transferred_on);
  g_free (self->transferred_to);

  G_OBJECT_CLASS (lx_member_row_parent_class)->finalize (object);
}

static void
lx_member_row_class_init (LxMemberRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lx_member_row_finalize;
}

static void
lx_member_row_init (LxMemberRow *self)
{
}

/**
 * lx_member_row_load:
 *
 * The member @id with its organization's name, contact points, pairing
 * quota (by role) and the households paired with it now.
 *
 * Returns: (transfer full): the row, or NULL with @error set
 */
LxMemberRow *
lx_member_row_load (LxStore  *store,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(LxMemberRow) row = g_object_new (LX_TYPE_MEMBER_ROW, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (!(row->member = lx_repo_get_member (store, id, error)))
    return NULL;
  stmt = lx_store_prepare (store,
                           "SELECT o.name, m.transferred_on, m.transferred_to, "
                           " (SELECT group_concat(name, '、') FROM (SELECT c.name FROM "
                           "   member_contact_point mc JOIN contact_point c ON c.id = mc.contact_point_id "
                           "   WHERE mc.member_id = m.id ORDER BY c.name)), "
                           " COALESCE((SELECT households FROM quota WHERE role = m.role), 0), "
                           " (SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id "
                           "   WHERE p.member_id = m.id AND p.end_on IS NULL AND h.deleted_at IS NULL) "
                           "FROM member m LEFT JOIN organization o ON o.id = m.org_id WHERE m.id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      row->org_name = lx_column_dup (stmt, 0);
      row->transferred_on = lx_column_dup (stmt, 1);
      row->transferred_to = lx_column_dup (stmt, 2);
      row->contact_points = lx_column_dup (stmt, 3);
      row->quota = sqlite3_column_int (stmt, 4);
      row->paired = sqlite3_column_int (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&row);
}

/* "Party congress, NPC" — the member's representative roles, or NULL. */
char *
lx_member_row_dup_representative (LxMemberRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (LX_IS_MEMBER_ROW (self), NULL);

  if (self->member->party_rep)
    g_strv_builder_add (builder, _("Party congress"));
  if (self->member->npc_deputy)
    g_strv_builder_add (builder, _("NPC"));
  if (self->member->cppcc_member)
    g_strv_builder_add (builder, _("CPPCC"));
  parts = g_strv_builder_end (builder);
  /* Translators: the separator between representative roles */
  return parts[0] != NULL ? g_strjoinv (_(", "), parts) : NULL;
}

/* The query -------------------------------------------------------------- */

static char *
build_query (const LxMemberFilter *f)
{
  /* Branches in tree order, then leaders first and by pinyin: the order of
   * the roster a secretary keeps on paper. */
  GString *sql = g_string_new ("WITH RECURSIVE tree (id, path) AS ("
                               "  SELECT id, printf('%06d', position) FROM organization "
                               "  WHERE parent_id IS NULL"
                               "  UNION ALL"
                               "  SELECT o.id, tree.path || '.' || printf('%06d', o.position)"
                               "  FROM organization o JOIN tree ON o.parent_id = tree.id) "
                               "SELECT m.id FROM member m JOIN tree ON tree.id = m.org_id "
                               "WHERE m.deleted_at IS NULL");

  if (f->org_id > 0)
    g_string_append (sql, " AND (tree.path = :path OR tree.path LIKE :path || '.%')");
  if (!f->include_transferred)
    g_string_append (sql, " AND m.status != 'transferred_out'");
  if (f->role != NULL)
    g_string_append (sql, " AND m.role = :role");
  if (f->leading_cadres)
    g_string_append (sql, " AND m.leading_cadre = 1");
  if (f->representatives)
    g_string_append (sql, " AND (m.party_rep = 1 OR m.npc_deputy = 1 OR m.cppcc_member = 1)");
  if (f->search != NULL && *f->search != '\0')
    g_string_append (sql, " AND (instr(lower(m.name), :search) > 0 OR instr(m.pinyin, :search) > 0"
                          " OR instr(m.initials, :search) > 0"
                          " OR instr(COALESCE(m.phone, ''), :search) > 0)");
  g_string_append (sql, " ORDER BY tree.path, CASE m.role WHEN 'secretary' THEN 0 "
                        "WHEN 'deputy' THEN 1 WHEN 'committee' THEN 2 WHEN 'group_leader' THEN 3 "
                        "ELSE 4 END, m.pinyin, m.id");
  return g_string_free (sql, FALSE);
}

/* The tree path of @org_id, for the subtree filter; "" when it is gone. */
static char *
org_path (LxStore *store,
          gint64   org_id)
{
  sqlite3_stmt *stmt;
  char *path = NULL;

  stmt = lx_store_prepare (store,
                           "WITH RECURSIVE tree (id, path) AS ("
                           "  SELECT id, printf('%06d', position) FROM organization "
                           "  WHERE parent_id IS NULL"
                           "  UNION ALL"
                           "  SELECT o.id, tree.path || '.' || printf('%06d', o.position)"
                           "  FROM organization o JOIN tree ON o.parent_id = tree.id) "
                           "SELECT path FROM tree WHERE id = ?",
                           NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    path = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return path != NULL ? path : g_strdup ("");
}

/**
 * lx_member_query_ids:
 *
 * The ids of the members that pass @filter, in roster order.
 *
 * Returns: (transfer full): a #GArray of gint64, or NULL with @error set
 */
GArray *
lx_member_query_ids (LxStore              *store,
                     const LxMemberFilter *filter,
                     GError              **error)
{
  g_autofree char *sql = build_query (filter);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int idx, rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  if (!(stmt = lx_store_prepare (store, sql, error)))
    return NULL;
  if ((idx = sqlite3_bind_parameter_index (stmt, ":path")))
    {
      g_autofree char *path = org_path (store, filter->org_id);
      sqlite3_bind_text (stmt, idx, path, -1, SQLITE_TRANSIENT);
    }
  if ((idx = sqlite3_bind_parameter_index (stmt, ":role")))
    sqlite3_bind_text (stmt, idx, filter->role, -1, SQLITE_TRANSIENT);
  if ((idx = sqlite3_bind_parameter_index (stmt, ":search")))
    {
      g_autofree char *normalized = lx_normalize_text (filter->search);
      g_autofree char *lower = g_utf8_strdown (normalized, -1);
      g_auto(GStrv) words = g_strsplit (lower, " ", -1);
      /* "zhang san" finds 张三 as "zhangsan" does. */
      g_autofree char *compact = g_strjoinv ("", words);

      sqlite3_bind_text (stmt, idx, compact, -1, SQLITE_TRANSIENT);
    }

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

/* The list model --------------------------------------------------------- */

struct _LxMemberList
{
  LxIdList        parent_instance;
  LxMemberFilter  filter;
};

G_DEFINE_FINAL_TYPE (LxMemberList, lx_member_list, LX_TYPE_ID_LIST)

static GArray *
lx_member_list_query_ids (LxIdList    *list,
                          const char  *today,
                          GError     **error)
{
  return lx_member_query_ids (lx_id_list_get_store (list), &LX_MEMBER_LIST (list)->filter, error);
}

static gpointer
lx_member_list_load_item (LxIdList  *list,
                          gint64     id,
                          GError   **error)
{
  return lx_member_row_load (lx_id_list_get_store (list), id, error);
}

static gpointer
lx_member_list_placeholder (LxIdList *list,
                            gint64    id)
{
  LxMemberRow *row = g_object_new (LX_TYPE_MEMBER_ROW, NULL);

  row->member = g_object_new (LX_TYPE_MEMBER, NULL);
  row->member->id = id;
  row->member->name = g_strdup ("");
  return row;
}

static void
lx_member_list_finalize (GObject *object)
{
  lx_member_filter_clear (&LX_MEMBER_LIST (object)->filter);
  G_OBJECT_CLASS (lx_member_list_parent_class)->finalize (object);
}

static void
lx_member_list_class_init (LxMemberListClass *klass)
{
  LxIdListClass *list_class = LX_ID_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = lx_member_list_finalize;
  list_class->item_type = LX_TYPE_MEMBER_ROW;
  list_class->query_ids = lx_member_list_query_ids;
  list_class->load_item = lx_member_list_load_item;
  list_class->placeholder = lx_member_list_placeholder;
}

static void
lx_member_list_init (LxMemberList *self)
{
}

LxMemberList *
lx_member_list_new (LxStore *store)
{
  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  return g_object_new (LX_TYPE_MEMBER_LIST, "store", store, NULL);
}

void
lx_member_list_set_filter (LxMemberList         *self,
                           const LxMemberFilter *filter)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LX_IS_MEMBER_LIST (self));
  g_return_if_fail (filter != NULL);

  lx_member_filter_clear (&self->filter);
  self->filter = *filter;
  self->filter.search = g_strdup (filter->search);
  self->filter.role = g_strdup (filter->role);
  if (!lx_id_list_reload (LX_ID_LIST (self), &error))
    g_warning ("Cannot filter the members: %s", error->message);
}

const LxMemberFilter *
lx_member_list_get_filter (LxMemberList *self)
{
  g_return_val_if_fail (LX_IS_MEMBER_LIST (self), NULL);
  return &self->filter;
}
