/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-import-private.h"
#include "lx-validate.h"

/* Visit ledgers (走访台账): each row is one visit to a household already in
 * the registry (matched by the head's name and the address), by members
 * matched by name. A visit of the same household on the same day and of the
 * same kind is the same visit: importing a ledger twice adds nothing. */

typedef struct
{
  gint64  household_id;
  char   *date;
  const char *kind;
  char   *notes;
  GArray *member_ids;
} VRow;

static void
vrow_clear (gpointer data)
{
  VRow *r = data;

  g_free (r->date);
  g_free (r->notes);
  g_clear_pointer (&r->member_ids, g_array_unref);
}

typedef struct
{
  LxImportContext *ctx;
  GHashTable *households;   /* key → id */
  GHashTable *by_name;      /* head name → id, or -1 when several */
  GHashTable *members;      /* name → id */
  GHashTable *visits;       /* "household/date/kind" → visit id */
} VisitRun;

static void
put_name (GHashTable *by_name,
          const char *name,
          gint64      id)
{
  gint64 *old = g_hash_table_lookup (by_name, name);

  if (old == NULL)
    g_hash_table_insert (by_name, g_strdup (name), g_memdup2 (&id, sizeof id));
  else if (*old != id)
    *old = -1;
}

static gboolean
load_index (VisitRun *run,
            GError  **error)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;

  stmt = lx_store_prepare (store,
                           "SELECT h.id, h.head_name, h.address, s.name, b.name, h.entrance, h.room "
                           "FROM household h LEFT JOIN building b ON b.id = h.building_id "
                           "LEFT JOIN site s ON s.id = b.site_id WHERE h.deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *free_address = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *address =
        lx_import_compose_address ((const char *)sqlite3_column_text (stmt, 3),
                                   (const char *)sqlite3_column_text (stmt, 4),
                                   sqlite3_column_int (stmt, 5),
                                   (const char *)sqlite3_column_text (stmt, 6), free_address);

      g_hash_table_insert (run->households, lx_import_household_key (name, address),
                           g_memdup2 (&id, sizeof id));
      if (free_address != NULL)
        g_hash_table_insert (run->households, lx_import_household_key (name, free_address),
                             g_memdup2 (&id, sizeof id));
      put_name (run->by_name, name, id);
    }
  sqlite3_reset (stmt);

  if (!(stmt = lx_store_prepare (store, "SELECT id, name FROM member WHERE deleted_at IS NULL", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    put_name (run->members, (const char *)sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  stmt = lx_store_prepare (store, "SELECT v.id, vh.household_id, substr(v.happened_at, 1, 10), v.kind "
                                  "FROM visit v JOIN visit_household vh ON vh.visit_id = v.id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (run->visits,
                         g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%s", (gint64)sqlite3_column_int64 (stmt, 1),
                                          sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3)),
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
find_household (VisitRun *run,
                guint     i)
{
  LxImportContext *ctx = run->ctx;
  g_autofree char *name = lx_import_ctx_value (ctx, i, LX_FIELD_NAME);
  g_autofree char *address = lx_import_ctx_value (ctx, i, LX_FIELD_ADDRESS);
  gint64 *id;

  if (name == NULL)
    {
      lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("Enter the head of the household visited"));
      return 0;
    }
  if (address != NULL)
    {
      g_autofree char *key = lx_import_household_key (name, address);
      if ((id = g_hash_table_lookup (run->households, key)) != NULL)
        return *id;
      lx_import_ctx_problem (ctx, i, LX_FIELD_NAME,
                             _("There is no household of %s at %s in the registry"), name, address);
      return 0;
    }
  id = g_hash_table_lookup (run->by_name, name);
  if (id == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("There is no household of %s in the registry"), name);
  else if (*id < 0)
    lx_import_ctx_problem (ctx, i, LX_FIELD_NAME,
                           _("Several households have %s as their head; add the address"), name);
  return id != NULL && *id > 0 ? *id : 0;
}

static GArray *
find_members (VisitRun *run,
              guint     i)
{
  LxImportContext *ctx = run->ctx;
  g_autofree char *text = lx_import_ctx_value (ctx, i, LX_FIELD_VISITORS);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) names = NULL;

  if (text == NULL)
    return ids;
  names = g_regex_split_simple ("[、,，;；/\\s]+", text, 0, 0);
  for (guint n = 0; names[n] != NULL; n++)
    {
      gint64 *id;
      if (*names[n] == '\0')
        continue;
      if ((id = g_hash_table_lookup (run->members, names[n])) == NULL)
        lx_import_ctx_problem (ctx, i, LX_FIELD_VISITORS, _("There is no member named %s"), names[n]);
      else if (*id < 0)
        lx_import_ctx_problem (ctx, i, LX_FIELD_VISITORS, _("Several members are named %s"), names[n]);
      else
        g_array_append_val (ids, *id);
    }
  return ids;
}

static void
check_row (VisitRun *run,
           guint     i,
           VRow     *r)
{
  LxImportContext *ctx = run->ctx;
  g_autofree char *date = lx_import_ctx_value (ctx, i, LX_FIELD_VISIT_DATE);
  g_autofree char *kind = lx_import_ctx_value (ctx, i, LX_FIELD_VISIT_KIND);
  g_autoptr(GError) error = NULL;
  const char *notes = lx_import_ctx_cell (ctx, i, LX_FIELD_NOTES);

  if (date == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_VISIT_DATE, _("Enter the date of the visit"));
  else if (!(r->date = lx_parse_date_loose (date, &error)))
    lx_import_ctx_problem (ctx, i, LX_FIELD_VISIT_DATE, "%s", error->message);
  else if (strcmp (r->date, ctx->today) > 0)
    lx_import_ctx_problem (ctx, i, LX_FIELD_VISIT_DATE, _("%s is in the future"), r->date);
  r->household_id = find_household (run, i);
  r->member_ids = find_members (run, i);
  r->kind = kind != NULL && (strstr (kind, "电话") != NULL || g_ascii_strcasecmp (kind, "phone") == 0)
            ? "phone" : "home";
  r->notes = *notes != '\0' ? g_strdup (notes) : NULL;
}

static gboolean
write_visit (VisitRun  *run,
             VRow      *r,
             gint64     visit_id,
             GError   **error)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;

  if (visit_id == 0)
    {
      stmt = lx_store_prepare (store, "INSERT INTO visit (kind, happened_at, notes) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, r->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, r->date, -1, SQLITE_STATIC);
      lx_bind_text (stmt, 3, r->notes);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
      visit_id = lx_store_last_insert_id (store);
      stmt = lx_store_prepare (store, "INSERT INTO visit_household (visit_id, household_id) VALUES (?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, r->household_id);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  else if (r->notes != NULL)
    {
      if (!(stmt = lx_store_prepare (store, "UPDATE visit SET notes = ? WHERE id = ?", error)))
        return FALSE;
      lx_bind_text (stmt, 1, r->notes);
      sqlite3_bind_int64 (stmt, 2, visit_id);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  if (!(stmt = lx_store_prepare (store, "INSERT OR IGNORE INTO visit_member (visit_id, member_id) "
                                        "VALUES (?, ?)", error)))
    return FALSE;
  for (guint m = 0; m < r->member_ids->len; m++)
    {
      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (r->member_ids, gint64, m));
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* An existing visit changes when the ledger has other notes or more
 * visitors than the registry. */
static gboolean
visit_differs (VisitRun *run,
               VRow     *r,
               gint64    visit_id)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;
  gboolean differs = FALSE;

  stmt = lx_store_prepare (store, "SELECT notes IS NOT ?2 OR (SELECT count(*) FROM visit_member "
                                  "WHERE visit_id = ?1 AND member_id IN (SELECT value FROM json_each(?3))) < ?4 "
                                  "FROM visit WHERE id = ?1", NULL);
  if (stmt == NULL)
    return TRUE;
  {
    g_autoptr(GString) json = g_string_new ("[");
    for (guint m = 0; m < r->member_ids->len; m++)
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, m ? "," : "", g_array_index (r->member_ids, gint64, m));
    g_string_append_c (json, ']');
    sqlite3_bind_int64 (stmt, 1, visit_id);
    if (r->notes != NULL)
      lx_bind_text (stmt, 2, r->notes);
    else
      sqlite3_bind_text (stmt, 2, "", -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, json->str, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 4, r->member_ids->len);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      differs = sqlite3_column_int (stmt, 0) && (r->notes != NULL || r->member_ids->len > 0);
    sqlite3_reset (stmt);
  }
  return differs;
}

static gboolean
import_visit_row (VisitRun  *run,
                  VRow      *r,
                  GError   **error)
{
  LxImportContext *ctx = run->ctx;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%s", r->household_id, r->date, r->kind);
  gint64 *existing = g_hash_table_lookup (run->visits, key);

  if (existing != NULL && ctx->on_match == LX_IMPORT_ON_MATCH_SKIP)
    ctx->result->skipped++;
  else if (existing != NULL && !visit_differs (run, r, *existing))
    ctx->result->unchanged++;
  else if (!write_visit (run, r, existing ? *existing : 0, error))
    return FALSE;
  else if (existing != NULL)
    ctx->result->updated++;
  else
    {
      ctx->result->added++;
      g_hash_table_insert (run->visits, g_steal_pointer (&key),
                           g_memdup2 (&(gint64){ lx_store_last_insert_id (ctx->store) }, sizeof (gint64)));
    }
  return TRUE;
}

static gboolean
check_and_write (VisitRun *run,
                 GArray   *rows,
                 GError  **error)
{
  LxImportContext *ctx = run->ctx;
  guint n = lx_import_ctx_n_rows (ctx);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_size (rows, n);
  for (guint i = 0; i < n; i++)
    {
      VRow *r = &g_array_index (rows, VRow, i);
      g_autofree char *key = NULL;
      gpointer first;

      if (!lx_import_ctx_tick (ctx, i, 0.0, 0.4, error))
        return FALSE;
      check_row (run, i, r);
      if (r->household_id == 0 || r->date == NULL)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s/%s", r->household_id, r->date, r->kind);
      if (g_hash_table_lookup_extended (seen, key, NULL, &first))
        lx_import_ctx_problem (ctx, i, LX_FIELD_VISIT_DATE, _("The same visit is already in row %u"),
                               lx_import_ctx_row_number (ctx, GPOINTER_TO_UINT (first)));
      else
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (i));
    }
  if (ctx->result->problems->len > 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (!lx_import_ctx_tick (ctx, i, 0.4, 0.6, error) ||
        !import_visit_row (run, &g_array_index (rows, VRow, i), error))
      return FALSE;
  return lx_import_ctx_log (ctx, "visit", ctx->result->added, ctx->result->updated,
                            ctx->result->unchanged, ctx->result->skipped, error);
}

gboolean
lx_import_apply_visits (LxImportContext *ctx,
                        GError         **error)
{
  VisitRun run = { ctx };
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (VRow));
  gboolean ok;

  g_array_set_clear_func (rows, vrow_clear);
  run.households = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = load_index (&run, error) && check_and_write (&run, rows, error);
  g_hash_table_unref (run.households);
  g_hash_table_unref (run.by_name);
  g_hash_table_unref (run.members);
  g_hash_table_unref (run.visits);
  return ok;
}
