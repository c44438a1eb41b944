/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lx-import-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"
#include "lx-repo.h"
#include "lx-validate.h"

/* Household rosters. First every row is checked (all problems are listed),
 * then, only if none was found, the rows are written: new households
 * inserted, matching ones (same head and address) updated with the cells
 * that are not blank, or skipped. Need categories are only ever added. */

typedef struct
{
  char  *name, *phone, *id_number, *address, *site, *building, *room, *zone, *notes;
  int    entrance, floor, size;
  char **tags;      /* NULL: blank */
  char  *key;
} HRow;

static void
hrow_clear (gpointer data)
{
  HRow *r = data;

  g_free (r->name);
  g_free (r->phone);
  g_free (r->id_number);
  g_free (r->address);
  g_free (r->site);
  g_free (r->building);
  g_free (r->room);
  g_free (r->zone);
  g_free (r->notes);
  g_strfreev (r->tags);
  g_free (r->key);
}

typedef struct
{
  gint64 id;
  int    entrances, floors, rooms;
  int    need_entrances, need_floors, need_rooms;
  gboolean created;
} BuildingInfo;

typedef struct
{
  LxImportContext *ctx;
  GArray          *rows;        /* HRow */
  GHashTable      *tag_names;   /* lower-case name → code */
  GPtrArray       *existing;    /* LxHousehold */
  GHashTable      *by_key;      /* key → LxHousehold */
  GHashTable      *sites;       /* name → id */
  GHashTable      *buildings;   /* "site_id/name" → BuildingInfo */
  GHashTable      *zones;       /* name → id */
  guint            sites_added, buildings_added, buildings_extended, zones_added;
  BuildingInfo    *last_building;
  const char      *last_site_name;       /* owned by the rows */
  const char      *last_building_name;
} Run;

/* ----------------------------------------------------------- checking */

static gboolean
parse_range (LxImportContext *ctx,
             guint            i,
             LxImportField    field,
             const char      *suffixes,
             int              max,
             int             *out)
{
  g_autofree char *v = lx_import_ctx_value (ctx, i, field);

  *out = 0;
  if (v == NULL)
    return TRUE;
  if (!lx_import_parse_int (v, suffixes, out) || *out < 1 || *out > max)
    {
      lx_import_ctx_problem (ctx, i, field, _("“%s” is not a whole number from 1 to %d"), v, max);
      *out = 0;
      return FALSE;
    }
  return TRUE;
}

static void
check_phone_and_id (LxImportContext *ctx,
                    guint            i,
                    HRow            *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = lx_import_ctx_value (ctx, i, LX_FIELD_PHONE);
  g_autofree char *id = lx_import_ctx_value (ctx, i, LX_FIELD_ID_NUMBER);

  if (phone != NULL && !lx_validate_phone (phone, &r->phone, &error))
    lx_import_ctx_problem (ctx, i, LX_FIELD_PHONE, "%s", error->message);
  g_clear_error (&error);
  if (id != NULL && !lx_validate_id_number (id, ctx->today, &r->id_number, &error))
    lx_import_ctx_problem (ctx, i, LX_FIELD_ID_NUMBER, "%s", error->message);
}

/* 501 on floor 5 is the first room of the floor; a room number also tells
 * the floor when the roster has no floor column. */
static int
room_index (const char *room,
            int        *floor)
{
  int n;

  if (room == NULL || !lx_import_parse_int (room, NULL, &n) || n < 100 || n > 20050)
    return 0;
  if (*floor == 0 && n / 100 <= 200)
    *floor = n / 100;
  return n / 100 == *floor && n % 100 >= 1 && n % 100 <= 50 ? n % 100 : 0;
}

static void
check_location (LxImportContext *ctx,
                guint            i,
                HRow            *r)
{
  r->site = lx_import_ctx_value (ctx, i, LX_FIELD_SITE);
  r->building = lx_import_ctx_value (ctx, i, LX_FIELD_BUILDING);
  r->address = lx_import_ctx_value (ctx, i, LX_FIELD_ADDRESS);
  r->room = lx_import_ctx_value (ctx, i, LX_FIELD_ROOM);
  parse_range (ctx, i, LX_FIELD_ENTRANCE, "单元|门", 50, &r->entrance);
  parse_range (ctx, i, LX_FIELD_FLOOR, "层|楼", 200, &r->floor);

  if (r->room != NULL && (g_str_has_suffix (r->room, "室") || g_str_has_suffix (r->room, "号")))
    r->room[strlen (r->room) - 3] = '\0';
  /* A bare 3 in a 楼栋 column is 3号楼, as buildings are named on the map. */
  if (r->building != NULL && strspn (r->building, "0123456789") == strlen (r->building))
    {
      char *named = g_strconcat (r->building, "号楼", NULL);
      g_free (r->building);
      r->building = named;
    }
  if (r->building != NULL && r->site == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_SITE, _("Enter the site of building “%s”"), r->building);
  else if (r->building == NULL && r->address == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_ADDRESS, _("Enter an address, or a site and building"));
  else if (r->building == NULL && r->site != NULL)
    {
      /* 小区 + 住址 without 楼栋: the site is part of the free address. */
      if (!g_str_has_prefix (r->address, r->site))
        {
          char *full = g_strconcat (r->site, r->address, NULL);
          g_free (r->address);
          r->address = full;
        }
    }
  room_index (r->room, &r->floor);
}

static void
check_row (Run   *run,
           guint  i)
{
  LxImportContext *ctx = run->ctx;
  HRow *r = &g_array_index (run->rows, HRow, i);
  g_autofree char *tags = lx_import_ctx_value (ctx, i, LX_FIELD_NEED_TAGS);
  g_autofree char *address = NULL;

  r->name = lx_import_ctx_value (ctx, i, LX_FIELD_NAME);
  if (r->name == NULL)
    lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("Enter the name of the head of household"));
  else if (g_utf8_strlen (r->name, -1) > 40)
    lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("The name is longer than 40 characters"));
  check_phone_and_id (ctx, i, r);
  check_location (ctx, i, r);
  parse_range (ctx, i, LX_FIELD_SIZE, "人|口", 30, &r->size);
  r->zone = lx_import_ctx_value (ctx, i, LX_FIELD_ZONE);
  r->notes = g_strdup (lx_import_ctx_cell (ctx, i, LX_FIELD_NOTES));
  if (*r->notes == '\0')
    g_clear_pointer (&r->notes, g_free);
  if (tags != NULL)
    {
      g_autofree char *bad = NULL;
      if (!lx_import_parse_tags (run->tag_names, tags, &r->tags, &bad))
        lx_import_ctx_problem (ctx, i, LX_FIELD_NEED_TAGS, _("Unknown need category “%s”"), bad);
    }

  address = lx_import_compose_address (r->site, r->building, r->entrance, r->room, r->address);
  r->key = lx_import_household_key (r->name, address);
}

static gboolean
check_rows (Run     *run,
            GError **error)
{
  LxImportContext *ctx = run->ctx;
  guint n = lx_import_ctx_n_rows (ctx);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_size (run->rows, n);
  for (guint i = 0; i < n; i++)
    {
      HRow *r = &g_array_index (run->rows, HRow, i);
      gpointer first;

      if (!lx_import_ctx_tick (ctx, i, 0.0, 0.4, error))
        return FALSE;
      check_row (run, i);
      if (r->name == NULL)
        continue;
      if (g_hash_table_lookup_extended (seen, r->key, NULL, &first))
        lx_import_ctx_problem (ctx, i, LX_FIELD_NAME,
                               _("The household of %s is already in row %u"), r->name,
                               lx_import_ctx_row_number (ctx, GPOINTER_TO_UINT (first)));
      else
        g_hash_table_insert (seen, r->key, GUINT_TO_POINTER (i));
    }
  return TRUE;
}

/* ----------------------------------------------------------- existing */

static gboolean
load_existing (Run     *run,
               GError **error)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;
  int rc;

  stmt = lx_store_prepare (store,
                           "SELECT h.id, h.head_name, h.phone, h.id_number, h.building_id, h.entrance, "
                           "h.floor, h.room, h.address, h.size, h.zone_id, h.notes, s.name, b.name, "
                           "(SELECT group_concat(tag, ',') FROM household_need n WHERE n.household_id = h.id) "
                           "FROM household h LEFT JOIN building b ON b.id = h.building_id "
                           "LEFT JOIN site s ON s.id = b.site_id WHERE h.deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxHousehold *h = lx_household_new ();
      const char *tags = (const char *)sqlite3_column_text (stmt, 14);
      g_autofree char *address = NULL;

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
      h->site_name = lx_column_dup (stmt, 12);
      h->building_name = lx_column_dup (stmt, 13);
      g_strfreev (h->need_tags);
      h->need_tags = tags != NULL ? g_strsplit (tags, ",", -1) : g_new0 (char *, 1);
      g_ptr_array_add (run->existing, h);
      address = lx_household_dup_address (h);
      g_hash_table_insert (run->by_key, lx_import_household_key (h->head_name, address), h);
      if (h->address != NULL && h->building_id > 0)
        g_hash_table_insert (run->by_key, lx_import_household_key (h->head_name, h->address), h);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_places (Run     *run,
             GError **error)
{
  LxStore *store = run->ctx->store;
  sqlite3_stmt *stmt;

  if (!(stmt = lx_store_prepare (store, "SELECT id, name FROM site", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (run->sites, lx_column_dup (stmt, 1),
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);

  if (!(stmt = lx_store_prepare (store, "SELECT id, site_id, name, entrances, floors, rooms_per_floor "
                                        "FROM building", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BuildingInfo *b = g_new0 (BuildingInfo, 1);
      b->id = sqlite3_column_int64 (stmt, 0);
      b->entrances = b->need_entrances = sqlite3_column_int (stmt, 3);
      b->floors = b->need_floors = sqlite3_column_int (stmt, 4);
      b->rooms = b->need_rooms = sqlite3_column_int (stmt, 5);
      g_hash_table_insert (run->buildings,
                           g_strdup_printf ("%" G_GINT64_FORMAT "/%s", (gint64)sqlite3_column_int64 (stmt, 1),
                                            (const char *)sqlite3_column_text (stmt, 2)),
                           b);
    }
  sqlite3_reset (stmt);

  if (!(stmt = lx_store_prepare (store, "SELECT id, name FROM zone", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (run->zones, lx_column_dup (stmt, 1),
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  return TRUE;
}

/* ------------------------------------------------------------- places */

static gint64
insert_named (LxStore     *store,
              const char  *sql,
              gint64       parent,
              const char  *name,
              GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, error);

  if (stmt == NULL)
    return 0;
  if (parent > 0)
    {
      sqlite3_bind_int64 (stmt, 1, parent);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  return lx_store_last_insert_id (store);
}

static gint64
resolve_zone (Run         *run,
              const char  *name,
              GError     **error)
{
  gint64 *id = g_hash_table_lookup (run->zones, name);
  gint64 new_id;

  if (id != NULL)
    return *id;
  new_id = insert_named (run->ctx->store, "INSERT INTO zone (name) VALUES (?1)", 0, name, error);
  if (new_id == 0)
    return 0;
  run->zones_added++;
  g_hash_table_insert (run->zones, g_strdup (name), g_memdup2 (&new_id, sizeof new_id));
  return new_id;
}

static BuildingInfo *
resolve_building (Run         *run,
                  HRow        *r,
                  GError     **error)
{
  gint64 *site_id;
  g_autofree char *key = NULL;
  BuildingInfo *b;

  /* Rosters list a building's households together: reuse the last one. */
  if (run->last_building != NULL && g_strcmp0 (run->last_site_name, r->site) == 0 &&
      g_strcmp0 (run->last_building_name, r->building) == 0)
    {
      b = run->last_building;
      goto grow;
    }
  site_id = g_hash_table_lookup (run->sites, r->site);
  if (site_id == NULL)
    {
      gint64 id = insert_named (run->ctx->store, "INSERT INTO site (name) VALUES (?1)", 0, r->site, error);
      if (id == 0)
        return NULL;
      run->sites_added++;
      site_id = g_memdup2 (&id, sizeof id);
      g_hash_table_insert (run->sites, g_strdup (r->site), site_id);
    }
  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", *site_id, r->building);
  if ((b = g_hash_table_lookup (run->buildings, key)) == NULL)
    {
      b = g_new0 (BuildingInfo, 1);
      b->id = insert_named (run->ctx->store,
                            "INSERT INTO building (site_id, name) VALUES (?1, ?2)",
                            *site_id, r->building, error);
      if (b->id == 0)
        {
          g_free (b);
          return NULL;
        }
      b->entrances = b->floors = b->need_entrances = b->need_floors = 1;
      b->rooms = b->need_rooms = 2;
      b->created = TRUE;
      run->buildings_added++;
      g_hash_table_insert (run->buildings, g_steal_pointer (&key), b);
    }
  run->last_building = b;
  run->last_site_name = r->site;
  run->last_building_name = r->building;
grow:
  {
    int floor = r->floor;
    int idx = room_index (r->room, &floor);
    b->need_entrances = MAX (b->need_entrances, r->entrance);
    b->need_floors = MAX (b->need_floors, r->floor);
    b->need_rooms = MAX (b->need_rooms, idx);
  }
  return b;
}

/* Buildings grow to hold the rooms the roster names, never shrink. */
static gboolean
extend_buildings (Run     *run,
                  GError **error)
{
  LxStore *store = run->ctx->store;
  GHashTableIter iter;
  BuildingInfo *b;
  sqlite3_stmt *stmt;

  g_hash_table_iter_init (&iter, run->buildings);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&b))
    {
      if (b->need_entrances == b->entrances && b->need_floors == b->floors && b->need_rooms == b->rooms)
        continue;
      stmt = lx_store_prepare (store, "UPDATE building SET entrances = ?, floors = ?, "
                                      "rooms_per_floor = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, b->need_entrances);
      sqlite3_bind_int (stmt, 2, b->need_floors);
      sqlite3_bind_int (stmt, 3, b->need_rooms);
      sqlite3_bind_int64 (stmt, 4, b->id);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
      if (!b->created)
        run->buildings_extended++;
    }
  return TRUE;
}

/* ------------------------------------------------------------ writing */

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

static gboolean
set_int (int *field,
         int  value)
{
  if (value == 0 || *field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

static gboolean
add_tags (LxHousehold *h,
          char       **tags)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  gboolean changed = FALSE;
  char **old = h->need_tags;

  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (old[i]));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (old == NULL || !g_strv_contains ((const char * const *)old, tags[i]))
      {
        g_ptr_array_add (all, g_strdup (tags[i]));
        changed = TRUE;
      }
  g_ptr_array_add (all, NULL);
  g_strfreev (h->need_tags);
  h->need_tags = (char **)g_ptr_array_free (g_steal_pointer (&all), FALSE);
  return changed;
}

/* Cells that are not blank go into @h; blank ones leave it as it is. */
static gboolean
merge (Run          *run,
       HRow         *r,
       LxHousehold  *h,
       GError      **error)
{
  gboolean changed = FALSE;

  if (h->head_name == NULL)
    h->head_name = g_strdup (r->name);
  changed |= set_text (&h->phone, r->phone);
  changed |= set_text (&h->id_number, r->id_number);
  if (r->building != NULL)
    {
      BuildingInfo *b = resolve_building (run, r, error);
      if (b == NULL)
        return FALSE;
      if (h->building_id != b->id)
        h->building_id = b->id, changed = TRUE;
      set_text (&h->site_name, r->site);
      set_text (&h->building_name, r->building);
    }
  changed |= set_int (&h->entrance, r->entrance);
  changed |= set_int (&h->floor, r->floor);
  changed |= set_text (&h->room, r->room);
  changed |= set_text (&h->address, r->address);
  changed |= set_int (&h->size, r->size);
  changed |= set_text (&h->notes, r->notes);
  if (r->zone != NULL)
    {
      gint64 zone_id = resolve_zone (run, r->zone, error);
      if (zone_id == 0)
        return FALSE;
      if (h->zone_id != zone_id)
        h->zone_id = zone_id, changed = TRUE;
    }
  changed |= add_tags (h, r->tags);
  g_object_set_data (G_OBJECT (h), "changed", GINT_TO_POINTER (changed));
  return TRUE;
}

static gboolean
write_household (LxStore      *store,
                 LxHousehold  *h,
                 GError      **error)
{
  g_autofree char *address = lx_household_dup_address (h);
  g_autofree char *search_text = NULL;
  gboolean is_new = h->id == 0;
  sqlite3_stmt *stmt;

  if (h->pinyin == NULL)
    lx_pinyin_keys (h->head_name, &h->pinyin, &h->initials);
  search_text = lx_household_search_text (h, address);

  stmt = lx_store_prepare (store, is_new
                           ? "INSERT INTO household (phone, id_number, building_id, entrance, floor, "
                             "room, address, size, zone_id, notes, search_text, head_name, pinyin, "
                             "initials) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"
                           : "UPDATE household SET phone=?1, id_number=?2, building_id=?3, entrance=?4, "
                             "floor=?5, room=?6, address=?7, size=?8, zone_id=?9, notes=?10, "
                             "search_text=?11 WHERE id = ?12",
                           error);
  if (stmt == NULL)
    return FALSE;
  lx_bind_text (stmt, 1, h->phone);
  lx_bind_text (stmt, 2, h->id_number);
  lx_bind_id (stmt, 3, h->building_id);
  if (h->entrance > 0)
    sqlite3_bind_int (stmt, 4, h->entrance);
  if (h->floor > 0)
    sqlite3_bind_int (stmt, 5, h->floor);
  lx_bind_text (stmt, 6, h->room);
  lx_bind_text (stmt, 7, h->address);
  sqlite3_bind_int (stmt, 8, h->size);
  lx_bind_id (stmt, 9, h->zone_id);
  lx_bind_text (stmt, 10, h->notes);
  lx_bind_text (stmt, 11, search_text);
  if (is_new)
    {
      lx_bind_text (stmt, 12, h->head_name);
      lx_bind_text (stmt, 13, h->pinyin);
      lx_bind_text (stmt, 14, h->initials);
    }
  else
    sqlite3_bind_int64 (stmt, 12, h->id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (is_new)
    h->id = lx_store_last_insert_id (store);

  stmt = lx_store_prepare (store, "INSERT OR IGNORE INTO household_need (household_id, tag) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; h->need_tags != NULL && h->need_tags[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, h->id);
      sqlite3_bind_text (stmt, 2, h->need_tags[i], -1, SQLITE_STATIC);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static LxImportField
field_of (const char *name)
{
  if (g_strcmp0 (name, "phone") == 0)
    return LX_FIELD_PHONE;
  if (g_strcmp0 (name, "id_number") == 0)
    return LX_FIELD_ID_NUMBER;
  if (g_strcmp0 (name, "size") == 0)
    return LX_FIELD_SIZE;
  if (g_strcmp0 (name, "address") == 0)
    return LX_FIELD_ADDRESS;
  return LX_FIELD_NAME;
}

static gboolean
write_row (Run     *run,
           guint    i,
           GError **error)
{
  LxImportContext *ctx = run->ctx;
  HRow *r = &g_array_index (run->rows, HRow, i);
  LxHousehold *h = g_hash_table_lookup (run->by_key, r->key);
  g_autoptr(LxHousehold) fresh = NULL;
  g_autoptr(GError) invalid = NULL;
  const char *field = NULL;

  if (h != NULL && ctx->on_match == LX_IMPORT_ON_MATCH_SKIP)
    {
      ctx->result->skipped++;
      return TRUE;
    }
  if (h == NULL)
    {
      h = fresh = lx_household_new ();
      h->size = 1;
    }
  if (!merge (run, r, h, error))
    return FALSE;
  if (!lx_household_validate (h, ctx->today, &field, &invalid))
    {
      lx_import_ctx_problem (ctx, i, field_of (field), "%s", invalid->message);
      return TRUE;
    }
  if (fresh == NULL && !g_object_get_data (G_OBJECT (h), "changed"))
    {
      ctx->result->unchanged++;
      return TRUE;
    }
  if (!write_household (ctx->store, h, error))
    return FALSE;
  if (fresh != NULL)
    {
      ctx->result->added++;
      g_ptr_array_add (run->existing, g_object_ref (h));
      g_hash_table_insert (run->by_key, g_strdup (r->key), h);
    }
  else
    ctx->result->updated++;
  return TRUE;
}

static gboolean
write_rows (Run     *run,
            GError **error)
{
  LxImportContext *ctx = run->ctx;
  guint n = lx_import_ctx_n_rows (ctx);

  for (guint i = 0; i < n; i++)
    if (!lx_import_ctx_tick (ctx, i, 0.4, 0.6, error) || !write_row (run, i, error))
      return FALSE;
  if (!extend_buildings (run, error))
    return FALSE;
  if (ctx->result->problems->len > 0)
    return TRUE;
  return lx_import_ctx_log (ctx, "household", ctx->result->added, ctx->result->updated,
                            ctx->result->unchanged, ctx->result->skipped, error) &&
         lx_import_ctx_log (ctx, "site", run->sites_added, 0, 0, 0, error) &&
         lx_import_ctx_log (ctx, "building", run->buildings_added, run->buildings_extended, 0, 0, error) &&
         lx_import_ctx_log (ctx, "zone", run->zones_added, 0, 0, 0, error);
}

gboolean
lx_import_apply_households (LxImportContext *ctx,
                            GError         **error)
{
  Run run = { ctx };
  gint64 t0 = g_get_monotonic_time ();
  gboolean ok;

  run.rows = g_array_new (FALSE, TRUE, sizeof (HRow));
  g_array_set_clear_func (run.rows, hrow_clear);
  run.existing = g_ptr_array_new_with_free_func (g_object_unref);
  run.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.buildings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  ok = (run.tag_names = lx_import_load_tag_names (ctx->store, error)) != NULL &&
       check_rows (&run, error);
  g_debug ("checked %u rows in %.3f s", lx_import_ctx_n_rows (ctx), (g_get_monotonic_time () - t0) / 1e6);
  ok = ok && (ctx->result->problems->len > 0 ||
              (load_existing (&run, error) && load_places (&run, error) && write_rows (&run, error)));
  g_debug ("wrote them in %.3f s", (g_get_monotonic_time () - t0) / 1e6);

  g_clear_pointer (&run.tag_names, g_hash_table_unref);
  g_array_unref (run.rows);
  g_hash_table_unref (run.by_key);
  g_ptr_array_unref (run.existing);
  g_hash_table_unref (run.sites);
  g_hash_table_unref (run.buildings);
  g_hash_table_unref (run.zones);
  return ok;
}
