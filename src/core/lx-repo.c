/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-repo"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-pinyin.h"
#include "lx-repo.h"
#include "lx-validate.h"

G_DEFINE_QUARK (lx-repo-error-quark, lx_repo_error)

static gboolean
require_text (const char  *value,
              const char  *field_label,
              GError     **error)
{
  g_autofree char *trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed == NULL || *trimmed == '\0')
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("%s: this field is required"), field_label);
      return FALSE;
    }
  return TRUE;
}

/* Runs one INSERT inside its own transaction with a change-log line. */
static gint64
insert_logged (LxStore       *store,
               sqlite3_stmt  *stmt,
               const char    *table,
               const char    *summary,
               GError       **error)
{
  gint64 id;

  if (!lx_store_step_done (store, stmt, error))
    return 0;
  id = lx_store_last_insert_id (store);
  if (!lx_store_log_change (store, table, id, "insert", summary, error))
    return 0;
  return id;
}

gint64
lx_repo_add_organization (LxStore     *store,
                          gint64       parent_id,
                          const char  *name,
                          const char  *kind,
                          GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if (!require_text (name, _("Name"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  stmt = lx_store_prepare (store,
                           "INSERT INTO organization (parent_id, name, kind, position) VALUES "
                           "(?1, ?2, ?3, (SELECT COUNT(*) FROM organization WHERE parent_id IS ?1))",
                           error);
  if (stmt == NULL)
    return 0;
  lx_bind_id (stmt, 1, parent_id);
  lx_bind_text (stmt, 2, name);
  lx_bind_text (stmt, 3, kind);
  if (!(id = insert_logged (store, stmt, "organization", name, error)) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

GPtrArray *
lx_repo_list_organizations (LxStore  *store,
                            GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "WITH RECURSIVE tree (id, path) AS ("
                           "  SELECT id, printf('%06d', position) FROM organization WHERE parent_id IS NULL"
                           "  UNION ALL"
                           "  SELECT o.id, tree.path || '.' || printf('%06d', o.position)"
                           "  FROM organization o JOIN tree ON o.parent_id = tree.id) "
                           "SELECT o.id, o.parent_id, o.name, o.kind FROM organization o "
                           "JOIN tree USING (id) ORDER BY tree.path",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxOrganization *org = g_object_new (LX_TYPE_ORGANIZATION, NULL);
      org->id = sqlite3_column_int64 (stmt, 0);
      org->parent_id = sqlite3_column_int64 (stmt, 1);
      org->name = lx_column_dup (stmt, 2);
      org->kind = lx_column_dup (stmt, 3);
      g_ptr_array_add (list, org);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

const char *
lx_organization_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "committee") == 0)
    return _("Party committee");
  if (g_strcmp0 (kind, "general_branch") == 0)
    return _("General branch");
  if (g_strcmp0 (kind, "branch") == 0)
    return _("Party branch");
  if (g_strcmp0 (kind, "group") == 0)
    return _("Party group");
  return kind;
}

const char *
lx_member_role_label (const char *role)
{
  if (g_strcmp0 (role, "secretary") == 0)
    return _("Secretary");
  if (g_strcmp0 (role, "deputy") == 0)
    return _("Deputy secretary");
  if (g_strcmp0 (role, "committee") == 0)
    return _("Committee member");
  if (g_strcmp0 (role, "group_leader") == 0)
    return _("Group leader");
  if (g_strcmp0 (role, "member") == 0)
    return _("Member");
  return role;
}

static gboolean
validate_member (LxMember  *member,
                 GError   **error)
{
  g_autofree char *today = NULL;

  if (!require_text (member->name, _("Name"), error))
    return FALSE;

  if (member->phone != NULL && *member->phone != '\0')
    {
      g_autofree char *normalized = NULL;
      if (!lx_validate_phone (member->phone, &normalized, error))
        {
          g_prefix_error (error, "%s: ", _("Phone"));
          return FALSE;
        }
      g_free (member->phone);
      member->phone = g_steal_pointer (&normalized);
    }

  if (member->id_number != NULL && *member->id_number != '\0')
    {
      g_autofree char *normalized = NULL;
      if (!lx_validate_id_number (member->id_number, NULL, &normalized, error))
        {
          g_prefix_error (error, "%s: ", _("ID number"));
          return FALSE;
        }
      g_free (member->id_number);
      member->id_number = g_steal_pointer (&normalized);
    }
  return TRUE;
}

gint64
lx_repo_add_member (LxStore   *store,
                    LxMember  *member,
                    GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *pinyin = NULL;
  g_autofree char *initials = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (LX_IS_MEMBER (member), 0);

  if (!validate_member (member, error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;

  lx_pinyin_keys (member->name, &pinyin, &initials);
  stmt = lx_store_prepare (store,
                           "INSERT INTO member (org_id, name, pinyin, initials, gender, birth_date, "
                           "join_date, phone, id_number, role, leading_cadre, party_rep, npc_deputy, "
                           "cppcc_member, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           error);
  if (stmt == NULL)
    return 0;
  lx_bind_id (stmt, 1, member->org_id);
  lx_bind_text (stmt, 2, member->name);
  lx_bind_text (stmt, 3, pinyin);
  lx_bind_text (stmt, 4, initials);
  lx_bind_text (stmt, 5, member->gender);
  lx_bind_text (stmt, 6, member->birth_date);
  lx_bind_text (stmt, 7, member->join_date);
  lx_bind_text (stmt, 8, member->phone);
  lx_bind_text (stmt, 9, member->id_number);
  lx_bind_text (stmt, 10, member->role ? member->role : "member");
  sqlite3_bind_int (stmt, 11, member->leading_cadre);
  sqlite3_bind_int (stmt, 12, member->party_rep);
  sqlite3_bind_int (stmt, 13, member->npc_deputy);
  sqlite3_bind_int (stmt, 14, member->cppcc_member);
  lx_bind_text (stmt, 15, member->status ? member->status : "full");

  if (!(member->id = insert_logged (store, stmt, "member", member->name, error)) ||
      !lx_transaction_commit (tx, error))
    return member->id = 0;
  return member->id;
}

GPtrArray *
lx_repo_list_members (LxStore  *store,
                      gint64    org_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT id, org_id, name, gender, birth_date, join_date, phone, id_number, "
                           "role, leading_cadre, party_rep, npc_deputy, cppcc_member, status "
                           "FROM member WHERE deleted_at IS NULL AND (?1 = 0 OR org_id = ?1) "
                           "ORDER BY org_id, CASE role WHEN 'secretary' THEN 0 WHEN 'deputy' THEN 1 "
                           "WHEN 'committee' THEN 2 WHEN 'group_leader' THEN 3 ELSE 4 END, pinyin",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
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
      g_ptr_array_add (list, m);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
lx_repo_add_zone (LxStore     *store,
                  const char  *name,
                  const char  *colour,
                  GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!require_text (name, _("Name"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  stmt = lx_store_prepare (store, "INSERT INTO zone (name, colour) VALUES (?, COALESCE(?, '#3584e4'))",
                           error);
  if (stmt == NULL)
    return 0;
  lx_bind_text (stmt, 1, name);
  lx_bind_text (stmt, 2, colour);
  if (!(id = insert_logged (store, stmt, "zone", name, error)) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

GPtrArray *
lx_repo_list_zones (LxStore  *store,
                    GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = lx_store_prepare (store, "SELECT id, name, colour FROM zone ORDER BY id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxZone *z = g_object_new (LX_TYPE_ZONE, NULL);
      z->id = sqlite3_column_int64 (stmt, 0);
      z->name = lx_column_dup (stmt, 1);
      z->colour = lx_column_dup (stmt, 2);
      g_ptr_array_add (list, z);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
lx_repo_assign_zone (LxStore  *store,
                     gint64    member_id,
                     gint64    zone_id,
                     GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  stmt = lx_store_prepare (store,
                           "INSERT OR IGNORE INTO member_zone (member_id, zone_id) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, zone_id);
  if (!lx_store_step_done (store, stmt, error) ||
      !lx_store_log_change (store, "member_zone", member_id, "insert", NULL, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

gint64
lx_repo_add_site (LxStore     *store,
                  const char  *name,
                  const char  *address,
                  GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!require_text (name, _("Name"), error))
    return 0;
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  if (!(stmt = lx_store_prepare (store, "INSERT INTO site (name, address) VALUES (?, ?)", error)))
    return 0;
  lx_bind_text (stmt, 1, name);
  lx_bind_text (stmt, 2, address);
  if (!(id = insert_logged (store, stmt, "site", name, error)) ||
      !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

gint64
lx_repo_add_building (LxStore     *store,
                      LxBuilding  *b,
                      GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_BUILDING (b), 0);

  if (!require_text (b->name, _("Name"), error))
    return 0;
  if (b->entrances < 1 || b->floors < 1 || b->rooms_per_floor < 1)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("A building needs at least one entrance, one floor and one room per floor"));
      return 0;
    }
  if (!(tx = lx_store_begin (store, error)))
    return 0;
  stmt = lx_store_prepare (store,
                           "INSERT INTO building (site_id, name, entrances, floors, rooms_per_floor, "
                           "zone_id) VALUES (?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, b->site_id);
  lx_bind_text (stmt, 2, b->name);
  sqlite3_bind_int (stmt, 3, b->entrances);
  sqlite3_bind_int (stmt, 4, b->floors);
  sqlite3_bind_int (stmt, 5, b->rooms_per_floor);
  lx_bind_id (stmt, 6, b->zone_id);
  if (!(b->id = insert_logged (store, stmt, "building", b->name, error)) ||
      !lx_transaction_commit (tx, error))
    return b->id = 0;
  return b->id;
}

GPtrArray *
lx_repo_list_buildings (LxStore  *store,
                        gint64    site_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT b.id, b.site_id, s.name, b.name, b.entrances, b.floors, "
                           "b.rooms_per_floor, b.zone_id FROM building b JOIN site s ON s.id = b.site_id "
                           "WHERE ?1 = 0 OR b.site_id = ?1 ORDER BY s.id, b.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxBuilding *b = g_object_new (LX_TYPE_BUILDING, NULL);
      b->id = sqlite3_column_int64 (stmt, 0);
      b->site_id = sqlite3_column_int64 (stmt, 1);
      b->site_name = lx_column_dup (stmt, 2);
      b->name = lx_column_dup (stmt, 3);
      b->entrances = sqlite3_column_int (stmt, 4);
      b->floors = sqlite3_column_int (stmt, 5);
      b->rooms_per_floor = sqlite3_column_int (stmt, 6);
      b->zone_id = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (list, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
lx_repo_list_need_tags (LxStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT code, label, visit_interval_days FROM need_tag ORDER BY position, code",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxNeedTag *t = g_object_new (LX_TYPE_NEED_TAG, NULL);
      t->code = lx_column_dup (stmt, 0);
      t->label = lx_column_dup (stmt, 1);
      t->visit_interval_days = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (list, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The built-in categories carry translatable labels; a category a unit
 * added itself shows the code it was given. */
const char *
lx_need_tag_label (const char *code)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "dibao", N_("Subsistence allowance") },
    { "tekun", N_("Extreme poverty") },
    { "disabled", N_("Disability") },
    { "elderly_alone", N_("Elderly living alone") },
    { "left_behind_child", N_("Left-behind child") },
    { "unemployed", N_("Unemployed") },
    { "serious_illness", N_("Serious illness") },
    { "veteran", N_("Veteran") },
    { "needy_worker", N_("Needy worker") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, code) == 0)
      return _(labels[i].label);
  return code;
}

char *
lx_need_tags_join_labels (const char * const *codes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: separates need categories in a list, "低保、残疾" */
        g_string_append (s, _(", "));
      g_string_append (s, lx_need_tag_label (codes[i]));
    }
  return g_string_free (s, FALSE);
}

int
lx_repo_get_visit_rule (LxStore    *store,
                        const char *code)
{
  sqlite3_stmt *stmt;
  int days = 365;

  stmt = lx_store_prepare (store, "SELECT interval_days FROM visit_rule WHERE code = ?", NULL);
  if (stmt == NULL)
    return days;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    days = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return days;
}

static gboolean
update_one_int (LxStore     *store,
                const char  *sql,
                const char  *table,
                const char  *key,
                int          value,
                GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  if (!(stmt = lx_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, value);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("Unknown setting “%s”"), key);
      return FALSE;
    }
  summary = g_strdup_printf ("%s = %d", key, value);
  if (!lx_store_log_change (store, table, 0, "update", summary, error))
    return FALSE;
  return lx_transaction_commit (tx, error);
}

static gboolean
check_interval (int      days,
                GError **error)
{
  if (days >= 1 && days <= 3660)
    return TRUE;
  g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
               _("A visit interval is between 1 and 3660 days"));
  return FALSE;
}

gboolean
lx_repo_set_visit_rule (LxStore     *store,
                        const char  *code,
                        int          days,
                        GError     **error)
{
  if (!check_interval (days, error))
    return FALSE;
  /* The triggers on visit_rule recompute every household's rule. */
  return update_one_int (store, "UPDATE visit_rule SET interval_days = ?1 WHERE code = ?2",
                         "visit_rule", code, days, error);
}

gboolean
lx_repo_set_need_tag_interval (LxStore     *store,
                               const char  *tag,
                               int          days,
                               GError     **error)
{
  if (!check_interval (days, error))
    return FALSE;
  return update_one_int (store, "UPDATE need_tag SET visit_interval_days = ?1 WHERE code = ?2",
                         "need_tag", tag, days, error);
}

int
lx_repo_get_quota (LxStore    *store,
                   const char *role)
{
  sqlite3_stmt *stmt;
  int households = 0;

  stmt = lx_store_prepare (store, "SELECT households FROM quota WHERE role = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    households = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return households;
}

gboolean
lx_repo_set_quota (LxStore     *store,
                   const char  *role,
                   int          households,
                   GError     **error)
{
  if (households < 0 || households > 100)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("A pairing quota is between 0 and 100 households"));
      return FALSE;
    }
  return update_one_int (store, "UPDATE quota SET households = ?1 WHERE role = ?2",
                         "quota", role, households, error);
}
