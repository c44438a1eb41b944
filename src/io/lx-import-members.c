/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-import-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"
#include "lx-validate.h"

/* Member rosters and visit ledgers (走访台账): checked row by row first,
 * written only when every row is good. */

static char *
parse_date_cell (LxImportContext *ctx,
                 guint            i,
                 LxImportField    field)
{
  g_autofree char *v = lx_import_ctx_value (ctx, i, field);
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  if (v == NULL)
    return NULL;
  if (!(iso = lx_parse_date_loose (v, &error)))
    {
      lx_import_ctx_problem (ctx, i, field, "%s", error->message);
      return NULL;
    }
  if (strcmp (iso, ctx->today) > 0)
    {
      lx_import_ctx_problem (ctx, i, field, _("%s is in the future"), iso);
      return NULL;
    }
  return g_steal_pointer (&iso);
}

static gboolean
set_text (char       **field,
          const char  *value)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* ------------------------------------------------------------ members */

typedef struct
{
  LxImportContext *ctx;
  GHashTable      *orgs;        /* name → id */
  gint64           root_id;
  guint            orgs_added;
  GPtrArray       *members;     /* LxMember */
  GHashTable      *by_id_number;
  GHashTable      *by_name;     /* name → first LxMember */
} MemberRun;

static const char *
parse_gender (const char *v)
{
  g_autofree char *low = g_utf8_strdown (v, -1);

  if (g_str_equal (low, "男") || g_str_equal (low, "male") || g_str_equal (low, "m"))
    return "male";
  if (g_str_equal (low, "女") || g_str_equal (low, "female") || g_str_equal (low, "f"))
    return "female";
  return NULL;
}

static const char *
parse_role (const char *v)
{
  static const struct { const char *role; const char *names; } roles[] = {
    { "secretary", "书记|支部书记|党支部书记|secretary" },
    { "deputy", "副书记|支部副书记|deputy|deputy secretary" },
    { "committee", "委员|支委|支委委员|组织委员|宣传委员|纪检委员|committee|committee member" },
    { "group_leader", "小组长|党小组长|组长|group leader|group_leader" },
    { "member", "党员|普通党员|无|member" },
  };
  g_autofree char *low = g_utf8_strdown (v, -1);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_auto(GStrv) names = g_strsplit (roles[i].names, "|", -1);
      if (g_strv_contains ((const char * const *)names, low))
        return roles[i].role;
    }
  return NULL;
}

static gboolean
load_members (MemberRun *run,
              GError   **error)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;

  if (!(stmt = lx_store_prepare (store, "SELECT id, name, parent_id FROM organization ORDER BY id", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_insert (run->orgs, lx_column_dup (stmt, 1),
                           g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
      if (run->root_id == 0 && sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        run->root_id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);

  if (!(stmt = lx_store_prepare (store, "SELECT id, org_id, name, gender, birth_date, join_date, phone, "
                                        "id_number, role, notes FROM member WHERE deleted_at IS NULL "
                                        "ORDER BY id", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
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
      g_object_set_data_full (G_OBJECT (m), "notes", lx_column_dup (stmt, 9), g_free);
      g_ptr_array_add (run->members, m);
      if (m->id_number != NULL)
        g_hash_table_insert (run->by_id_number, m->id_number, m);
      if (!g_hash_table_contains (run->by_name, m->name))
        g_hash_table_insert (run->by_name, m->name, m);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Branches named in the roster are made as needed, under the top
 * organization when there is one. */
static gint64
resolve_org (MemberRun   *run,
             const char  *name,
             GError     **error)
{
  gint64 *id = g_hash_table_lookup (run->orgs, name);
  sqlite3_stmt *stmt;
  gint64 new_id;

  if (id != NULL)
    return *id;
  stmt = lx_store_prepare (run->ctx->store,
                           "INSERT INTO organization (parent_id, name, kind) VALUES (?, ?, 'branch')",
                           error);
  if (stmt == NULL)
    return 0;
  lx_bind_id (stmt, 1, run->root_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!lx_store_step_done (run->ctx->store, stmt, error))
    return 0;
  new_id = lx_store_last_insert_id (run->ctx->store);
  if (run->root_id == 0)
    run->root_id = new_id;
  run->orgs_added++;
  g_hash_table_insert (run->orgs, g_strdup (name), g_memdup2 (&new_id, sizeof new_id));
  return new_id;
}

static LxMember *
member_from_row (MemberRun *run,
                 guint      i)
{
  LxImportContext *ctx = run->ctx;
  LxMember *m = g_object_new (LX_TYPE_MEMBER, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = lx_import_ctx_value (ctx, i, LX_FIELD_PHONE);
  g_autofree char *id = lx_import_ctx_value (ctx, i, LX_FIELD_ID_NUMBER);
  g_autofree char *gender = lx_import_ctx_value (ctx, i, LX_FIELD_GENDER);
  g_autofree char *role = lx_import_ctx_value (ctx, i, LX_FIELD_ROLE);

  m->name = lx_import_ctx_value (ctx, i, LX_FIELD_NAME);
  if (m->name == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("Enter the name of the member"));
  if (gender != NULL && !(m->gender = g_strdup (parse_gender (gender))))
    lx_import_ctx_problem (ctx, i, LX_FIELD_GENDER, _("“%s” is neither 男 nor 女"), gender);
  if (role != NULL && !(m->role = g_strdup (parse_role (role))))
    lx_import_ctx_problem (ctx, i, LX_FIELD_ROLE, _("Unknown role “%s”"), role);
  m->birth_date = parse_date_cell (ctx, i, LX_FIELD_BIRTH_DATE);
  m->join_date = parse_date_cell (ctx, i, LX_FIELD_JOIN_DATE);
  if (phone != NULL && !lx_validate_phone (phone, &m->phone, &error))
    lx_import_ctx_problem (ctx, i, LX_FIELD_PHONE, "%s", error->message);
  g_clear_error (&error);
  if (id != NULL && !lx_validate_id_number (id, ctx->today, &m->id_number, &error))
    lx_import_ctx_problem (ctx, i, LX_FIELD_ID_NUMBER, "%s", error->message);
  g_object_set_data_full (G_OBJECT (m), "notes", lx_import_ctx_value (ctx, i, LX_FIELD_NOTES), g_free);
  g_object_set_data_full (G_OBJECT (m), "branch", lx_import_ctx_value (ctx, i, LX_FIELD_BRANCH), g_free);
  return m;
}

static gboolean
write_member (LxStore   *store,
              LxMember  *m,
              GError   **error)
{
  g_autofree char *pinyin = NULL;
  g_autofree char *initials = NULL;
  sqlite3_stmt *stmt;

  lx_pinyin_keys (m->name, &pinyin, &initials);
  stmt = lx_store_prepare (store, m->id == 0
                           ? "INSERT INTO member (org_id, gender, birth_date, join_date, phone, id_number, "
                             "role, notes, name, pinyin, initials) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"
                           : "UPDATE member SET org_id=?1, gender=?2, birth_date=?3, join_date=?4, phone=?5, "
                             "id_number=?6, role=?7, notes=?8 WHERE id = ?9",
                           error);
  if (stmt == NULL)
    return FALSE;
  lx_bind_id (stmt, 1, m->org_id);
  lx_bind_text (stmt, 2, m->gender);
  lx_bind_text (stmt, 3, m->birth_date);
  lx_bind_text (stmt, 4, m->join_date);
  lx_bind_text (stmt, 5, m->phone);
  lx_bind_text (stmt, 6, m->id_number);
  lx_bind_text (stmt, 7, m->role ? m->role : "member");
  lx_bind_text (stmt, 8, g_object_get_data (G_OBJECT (m), "notes"));
  if (m->id == 0)
    {
      lx_bind_text (stmt, 9, m->name);
      lx_bind_text (stmt, 10, pinyin);
      lx_bind_text (stmt, 11, initials);
    }
  else
    sqlite3_bind_int64 (stmt, 9, m->id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (m->id == 0)
    m->id = lx_store_last_insert_id (store);
  return TRUE;
}

static LxMember *
find_member (MemberRun *run,
             LxMember  *row)
{
  LxMember *m = row->id_number ? g_hash_table_lookup (run->by_id_number, row->id_number) : NULL;

  if (m == NULL && (m = g_hash_table_lookup (run->by_name, row->name)) != NULL &&
      row->id_number != NULL && m->id_number != NULL)
    m = NULL;   /* the same name, another person */
  return m;
}

static gboolean
merge_member (MemberRun  *run,
              LxMember   *m,
              LxMember   *row,
              gboolean   *changed,
              GError    **error)
{
  const char *branch = g_object_get_data (G_OBJECT (row), "branch");
  const char *notes = g_object_get_data (G_OBJECT (row), "notes");
  gint64 org_id = m->org_id;

  if (branch != NULL && !(org_id = resolve_org (run, branch, error)))
    return FALSE;
  if (org_id == 0)
    {
      g_autofree char *unit = g_strdup (_("Party branch"));
      if (!(org_id = resolve_org (run, unit, error)))
        return FALSE;
    }
  *changed = m->org_id != org_id;
  m->org_id = org_id;
  *changed |= set_text (&m->gender, row->gender);
  *changed |= set_text (&m->birth_date, row->birth_date);
  *changed |= set_text (&m->join_date, row->join_date);
  *changed |= set_text (&m->phone, row->phone);
  *changed |= set_text (&m->id_number, row->id_number);
  *changed |= set_text (&m->role, row->role);
  if (notes != NULL && g_strcmp0 (notes, g_object_get_data (G_OBJECT (m), "notes")) != 0)
    {
      g_object_set_data_full (G_OBJECT (m), "notes", g_strdup (notes), g_free);
      *changed = TRUE;
    }
  return TRUE;
}

static gboolean
import_member_row (MemberRun  *run,
                   LxMember   *row,
                   GError    **error)
{
  LxImportContext *ctx = run->ctx;
  LxMember *m = find_member (run, row);
  gboolean changed = FALSE;
  gboolean is_new = m == NULL;

  if (!is_new && ctx->on_match == LX_IMPORT_ON_MATCH_SKIP)
    {
      ctx->result->skipped++;
      return TRUE;
    }
  if (is_new)
    {
      m = g_object_new (LX_TYPE_MEMBER, NULL);
      m->name = g_strdup (row->name);
      g_ptr_array_add (run->members, m);
    }
  if (!merge_member (run, m, row, &changed, error))
    return FALSE;
  if (!is_new && !changed)
    {
      ctx->result->unchanged++;
      return TRUE;
    }
  if (!write_member (ctx->store, m, error))
    return FALSE;
  if (is_new)
    {
      ctx->result->added++;
      if (m->id_number != NULL)
        g_hash_table_insert (run->by_id_number, m->id_number, m);
      if (!g_hash_table_contains (run->by_name, m->name))
        g_hash_table_insert (run->by_name, m->name, m);
    }
  else
    ctx->result->updated++;
  return TRUE;
}

gboolean
lx_import_apply_members (LxImportContext *ctx,
                         GError         **error)
{
  MemberRun run = { ctx };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = lx_import_ctx_n_rows (ctx);
  gboolean ok = TRUE;

  for (guint i = 0; i < n && ok; i++)
    {
      LxMember *m = member_from_row (&run, i);
      g_autofree char *key = m->id_number ? g_strdup (m->id_number) : g_strdup (m->name);
      gpointer first;

      g_ptr_array_add (rows, m);
      ok = lx_import_ctx_tick (ctx, i, 0.0, 0.4, error);
      if (key == NULL)
        continue;
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("%s is already in row %u"), m->name,
                               lx_import_ctx_row_number (ctx, GPOINTER_TO_UINT (first)));
      else
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i));
    }
  if (!ok || ctx->result->problems->len > 0)
    return ok;

  run.orgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.members = g_ptr_array_new_with_free_func (g_object_unref);
  run.by_id_number = g_hash_table_new (g_str_hash, g_str_equal);
  run.by_name = g_hash_table_new (g_str_hash, g_str_equal);
  ok = load_members (&run, error);
  for (guint i = 0; i < n && ok; i++)
    ok = lx_import_ctx_tick (ctx, i, 0.4, 0.6, error) &&
         import_member_row (&run, g_ptr_array_index (rows, i), error);
  ok = ok && lx_import_ctx_log (ctx, "member", ctx->result->added, ctx->result->updated,
                                ctx->result->unchanged, ctx->result->skipped, error) &&
       lx_import_ctx_log (ctx, "organization", run.orgs_added, 0, 0, 0, error);

  g_hash_table_unref (run.orgs);
  g_hash_table_unref (run.by_id_number);
  g_hash_table_unref (run.by_name);
  g_ptr_array_unref (run.members);
  return ok;
}
