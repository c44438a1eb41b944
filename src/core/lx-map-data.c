/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-data"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-map-data.h"
#include "lx-repo.h"

/* Two queries load the whole map, whatever its size: the buildings, then
 * every household on them with its pairing and need tags. ?1 is a site id
 * (0: all sites). */
#define BUILDING_SQL \
  "SELECT b.id, b.site_id, s.name, b.name, b.entrances, b.floors, b.rooms_per_floor, " \
  "       b.zone_id, z.colour, b.map_x, b.map_y, b.map_w, b.map_h " \
  "FROM building b JOIN site s ON s.id = b.site_id LEFT JOIN zone z ON z.id = b.zone_id " \
  "WHERE ?1 = 0 OR b.site_id = ?1 ORDER BY b.site_id, b.id"

/* The last home visit as of ?2: the stored one unless it is later, which
 * only happens when a past year is shown. */
#define HOUSEHOLD_SQL \
  "SELECT h.id, h.head_name, h.building_id, h.entrance, h.floor, h.room, h.needy, h.rule_days, " \
  "       CASE WHEN h.last_visit_on IS NULL OR h.last_visit_on <= ?2 THEN h.last_visit_on " \
  "            ELSE (SELECT max(substr(v.happened_at, 1, 10)) FROM visit_household vh " \
  "                  CROSS JOIN visit v ON v.id = vh.visit_id WHERE vh.household_id = h.id " \
  "                   AND v.kind = 'home' AND substr(v.happened_at, 1, 10) <= ?2) END, " \
  "       (SELECT group_concat(n.tag, ',') FROM household_need n WHERE n.household_id = h.id), " \
  "       coalesce(h.zone_id, b.zone_id), p.member_id, m.name " \
  "FROM household h JOIN building b ON b.id = h.building_id " \
  "LEFT JOIN pairing p ON p.household_id = h.id AND p.end_on IS NULL " \
  "LEFT JOIN member m ON m.id = p.member_id " \
  "WHERE h.deleted_at IS NULL AND (?1 = 0 OR b.site_id = ?1) " \
  "ORDER BY h.building_id, h.entrance, h.floor, h.room, h.id"

G_DEFINE_BOXED_TYPE (LxMap, lx_map, lx_map_ref, lx_map_unref)

static void
cell_clear (gpointer data)
{
  LxMapCell *cell = data;

  g_free (cell->head_name);
  g_free (cell->room);
  g_free (cell->last_visit_on);
  g_free (cell->need_tags);
  g_free (cell->paired_member);
}

static void
building_free (gpointer data)
{
  LxMapBuilding *b = data;

  g_free (b->name);
  g_array_unref (b->cells);
  g_free (b);
}

static void
site_free (gpointer data)
{
  LxMapSite *site = data;

  g_free (site->name);
  g_ptr_array_unref (site->buildings);
  g_clear_pointer (&site->plan_image, g_bytes_unref);
  if (site->plan_surface != NULL && site->plan_surface_free != NULL)
    site->plan_surface_free (site->plan_surface);
  g_free (site);
}

static void
zone_coverage_clear (gpointer data)
{
  g_free (((LxMapZoneCoverage *)data)->name);
}

LxMap *
lx_map_ref (LxMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lx_map_unref (LxMap *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->cells);
  g_hash_table_unref (self->buildings);
  g_ptr_array_unref (self->sites);
  g_array_unref (self->coverage.zones);
  g_free (self->as_of);
  g_free (self);
}

gboolean
lx_map_colour_parse (const char  *spec,
                     LxMapColour *out)
{
  unsigned long value;
  char *end = NULL;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;
  value = strtoul (spec + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;
  out->red = ((value >> 16) & 0xff) / 255.0;
  out->green = ((value >> 8) & 0xff) / 255.0;
  out->blue = (value & 0xff) / 255.0;
  return TRUE;
}

static LxMap *
map_new (int         year,
         const char *as_of)
{
  LxMap *self = g_new0 (LxMap, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->year = year;
  self->as_of = g_strdup (as_of);
  self->sites = g_ptr_array_new_with_free_func (site_free);
  self->cells = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->buildings = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->coverage.zones = g_array_new (FALSE, TRUE, sizeof (LxMapZoneCoverage));
  g_array_set_clear_func (self->coverage.zones, zone_coverage_clear);
  return self;
}

/* Loading ---------------------------------------------------------------- */

static double
column_or (sqlite3_stmt *stmt,
           int           col,
           double        fallback)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? fallback : sqlite3_column_double (stmt, col);
}

typedef struct
{
  double x, y, w, h;   /* stored plan rectangle; NAN x: none */
} PlanRect;

static LxMapSite *
site_for (LxMap        *self,
          gint64        site_id,
          const char   *name)
{
  LxMapSite *last = self->sites->len > 0 ? g_ptr_array_index (self->sites, self->sites->len - 1) : NULL;
  LxMapSite *site;

  if (last != NULL && last->id == site_id)
    return last;
  site = g_new0 (LxMapSite, 1);
  site->id = site_id;
  site->name = g_strdup (name);
  site->scale_x = site->scale_y = 1.0;
  site->buildings = g_ptr_array_new_with_free_func (building_free);
  g_ptr_array_add (self->sites, site);
  return site;
}

static gboolean
load_buildings (LxStore   *store,
                LxMap     *self,
                gint64     site_id,
                GHashTable *plans,
                GError   **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, BUILDING_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, site_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxMapSite *site = site_for (self, sqlite3_column_int64 (stmt, 1),
                                  (const char *)sqlite3_column_text (stmt, 2));
      LxMapBuilding *b = g_new0 (LxMapBuilding, 1);
      PlanRect *plan = g_new (PlanRect, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->site_id = site->id;
      b->name = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      b->entrances = MAX (1, sqlite3_column_int (stmt, 4));
      b->floors = MAX (1, sqlite3_column_int (stmt, 5));
      b->rooms_per_floor = MAX (1, sqlite3_column_int (stmt, 6));
      b->zone_id = sqlite3_column_int64 (stmt, 7);
      b->has_zone_colour = lx_map_colour_parse ((const char *)sqlite3_column_text (stmt, 8),
                                                &b->zone_colour);
      b->cells = g_array_new (FALSE, TRUE, sizeof (LxMapCell));
      g_array_set_clear_func (b->cells, cell_clear);
      plan->x = column_or (stmt, 9, NAN);
      plan->y = column_or (stmt, 10, NAN);
      plan->w = column_or (stmt, 11, 0);
      plan->h = column_or (stmt, 12, 0);
      b->placed = !isnan (plan->x) && !isnan (plan->y);
      g_ptr_array_add (site->buildings, b);
      g_hash_table_insert (self->buildings, &b->id, b);
      g_hash_table_insert (plans, &b->id, plan);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, _("Cannot read the buildings of the map"));
      return FALSE;
    }
  return TRUE;
}

static char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static gboolean
load_households (LxStore   *store,
                 LxMap     *self,
                 gint64     site_id,
                 GError   **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, HOUSEHOLD_SQL, error);
  g_autofree char *year_start = g_strdup_printf ("%04d-01-01", self->year);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, site_id);
  sqlite3_bind_text (stmt, 2, self->as_of, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 building_id = sqlite3_column_int64 (stmt, 2);
      LxMapBuilding *b = g_hash_table_lookup (self->buildings, &building_id);
      LxMapCell cell = { 0 };

      if (b == NULL)
        continue;
      cell.household_id = sqlite3_column_int64 (stmt, 0);
      cell.building_id = building_id;
      cell.head_name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      cell.entrance = sqlite3_column_int (stmt, 3);
      cell.floor = sqlite3_column_int (stmt, 4);
      cell.room = column_dup_or_null (stmt, 5);
      cell.needy = sqlite3_column_int (stmt, 6) != 0;
      cell.last_visit_on = column_dup_or_null (stmt, 8);
      /* The one rule of what a status is: lx_visit_status_compute(). */
      cell.status = lx_visit_status_compute (cell.last_visit_on, sqlite3_column_int (stmt, 7),
                                             self->as_of);
      cell.visited_in_year = cell.last_visit_on != NULL &&
                             strcmp (cell.last_visit_on, year_start) >= 0;
      cell.need_tags = column_dup_or_null (stmt, 9);
      cell.zone_id = sqlite3_column_int64 (stmt, 10);
      cell.paired_member_id = sqlite3_column_int64 (stmt, 11);
      cell.paired_member = column_dup_or_null (stmt, 12);
      g_array_append_val (b->cells, cell);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, _("Cannot read the households of the map"));
      return FALSE;
    }
  return TRUE;
}

/* Grid positions ------------------------------------------------------------ */

/* The room's position on its floor from its label: "302" on floor 3 is the
 * second room, and so is a plain "2"; -1 when the label says nothing. */
static int
slot_from_room (const char *room,
                int         floor)
{
  char *end = NULL;
  long value;

  if (room == NULL)
    return -1;
  value = strtol (room, &end, 10);
  if (end == room || *end != '\0' || value <= 0)
    return -1;
  if (floor > 0 && value / 100 == floor && value % 100 > 0)
    return (int)(value % 100) - 1;
  return value < 100 ? (int)value - 1 : -1;
}

/* Puts every household of @b in a slot of its grid, growing the grid when
 * the registry holds households beyond the building's declared size (a
 * roster imported before the building was described): none is hidden. */
static void
assign_slots (LxMapBuilding *b)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < b->cells->len; i++)
    {
      LxMapCell *c = &g_array_index (b->cells, LxMapCell, i);

      c->entrance = MAX (1, c->entrance);
      c->floor = MAX (1, c->floor);
      b->entrances = MAX (b->entrances, c->entrance);
      b->floors = MAX (b->floors, c->floor);
      c->slot = slot_from_room (c->room, c->floor);
      b->rooms_per_floor = MAX (b->rooms_per_floor, c->slot + 1);
    }
  for (guint i = 0; i < b->cells->len; i++)
    {
      LxMapCell *c = &g_array_index (b->cells, LxMapCell, i);
      int key;

      if (c->slot < 0)
        c->slot = 0;
      /* entrance ≤ 50, floor ≤ 200 by the schema, slot grows by one at most per household */
      while (g_hash_table_contains (taken, GINT_TO_POINTER (key = (c->entrance * 1000 + c->floor) * 10000 + c->slot)))
        c->slot++;
      b->rooms_per_floor = MAX (b->rooms_per_floor, c->slot + 1);
      g_hash_table_add (taken, GINT_TO_POINTER (key));
    }
}

static void
index_cells (LxMap *self)
{
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);

      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

          assign_slots (b);
          for (guint c = 0; c < b->cells->len; c++)
            {
              LxMapCell *cell = &g_array_index (b->cells, LxMapCell, c);
              g_hash_table_insert (self->cells, &cell->household_id, cell);
            }
        }
    }
}

/* Per site, stored plan units → map units: the smallest scale at which
 * every stored rectangle holds its building's grid. The demo and other
 * tools store small plan rectangles; the grid is what must fit. */
static void
compute_scales (LxMap      *self,
                GHashTable *plans)
{
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);

      site->scale_x = site->scale_y = 1.0;
      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);
          PlanRect *plan = g_hash_table_lookup (plans, &b->id);
          double w, h;

          lx_map_building_grid_size (b->entrances, b->floors, b->rooms_per_floor, &w, &h);
          b->rect.width = w;
          b->rect.height = h;
          if (!b->placed)
            continue;
          b->local_x = plan->x;
          b->local_y = plan->y;
          if (plan->w > 0)
            site->scale_x = MAX (site->scale_x, w / plan->w);
          if (plan->h > 0)
            site->scale_y = MAX (site->scale_y, h / plan->h);
        }
      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

          if (!b->placed)
            continue;
          b->local_x *= site->scale_x;
          b->local_y *= site->scale_y;
        }
    }
}

/* Coverage ------------------------------------------------------------------ */

static gboolean
load_zones (LxStore  *store,
            LxMap    *self,
            GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT id, name, colour FROM zone ORDER BY name", error);
  LxMapZoneCoverage none = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxMapZoneCoverage z = { 0 };

      z.zone_id = sqlite3_column_int64 (stmt, 0);
      z.name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      if (!lx_map_colour_parse ((const char *)sqlite3_column_text (stmt, 2), &z.colour))
        z.colour = (LxMapColour) { 0.5, 0.5, 0.5 };
      g_array_append_val (self->coverage.zones, z);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, _("Cannot read the zones"));
      return FALSE;
    }
  none.name = g_strdup (_("No zone"));
  none.colour = (LxMapColour) { 0.6, 0.6, 0.6 };
  g_array_append_val (self->coverage.zones, none);
  return TRUE;
}

static LxMapZoneCoverage *
zone_coverage (LxMap  *self,
               gint64  zone_id)
{
  GArray *zones = self->coverage.zones;

  for (guint i = 0; i < zones->len; i++)
    if (g_array_index (zones, LxMapZoneCoverage, i).zone_id == zone_id)
      return &g_array_index (zones, LxMapZoneCoverage, i);
  return &g_array_index (zones, LxMapZoneCoverage, zones->len - 1);
}

static void
count_coverage (LxMap *self)
{
  LxMapCoverage *cov = &self->coverage;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const LxMapCell *c = value;
      LxMapZoneCoverage *z = zone_coverage (self, c->zone_id);

      cov->households++;
      cov->visited += c->visited_in_year;
      cov->needy += c->needy;
      cov->needy_visited += c->needy && c->visited_in_year;
      cov->by_status[c->status]++;
      z->households++;
      z->visited += c->visited_in_year;
    }
}

/**
 * lx_map_load:
 * @year: statuses are as of the end of @year, or today if that is earlier
 * @site_id: one site, or 0 for all
 * @today: (nullable): ISO date; NULL: lx_date_today()
 */
LxMap *
lx_map_load (LxStore     *store,
             int          year,
             gint64       site_id,
             const char  *today,
             GError     **error)
{
  g_autofree char *real_today = NULL;
  g_autofree char *year_end = NULL;
  g_autoptr(GHashTable) plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_autoptr(LxMap) self = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (year > 0 && year < 10000, NULL);

  if (today == NULL)
    today = real_today = lx_date_today ();
  year_end = g_strdup_printf ("%04d-12-31", year);
  self = map_new (year, strcmp (year_end, today) < 0 ? year_end : today);

  if (!load_buildings (store, self, site_id, plans, error) ||
      !load_households (store, self, site_id, error) ||
      !load_zones (store, self, error))
    return NULL;
  /* An empty map of a site is fine; a site that does not exist is an error. */
  if (site_id > 0 && self->sites->len == 0)
    {
      sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT 1 FROM site WHERE id = ?", error);
      gboolean exists;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, site_id);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!exists)
        {
          g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                       _("There is no site with id %d"), (int)site_id);
          return NULL;
        }
    }
  if (!lx_map_load_plans (store, self, error))
    return NULL;
  index_cells (self);
  compute_scales (self, plans);
  lx_map_layout (self);
  count_coverage (self);
  return g_steal_pointer (&self);
}

/* Lookups -------------------------------------------------------------------- */

LxMapCell *
lx_map_get_cell (LxMap  *self,
                 gint64  household_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->cells, &household_id);
}

LxMapBuilding *
lx_map_get_building (LxMap  *self,
                     gint64  building_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->buildings, &building_id);
}

void
lx_map_apply_filter (LxMap      *self,
                     gint64      zone_id,
                     gint64      member_id,
                     const char *need_tag)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (self != NULL);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LxMapCell *c = value;
      gboolean match = TRUE;

      if (zone_id > 0)
        match = c->zone_id == zone_id;
      if (match && member_id > 0)
        match = c->paired_member_id == member_id;
      if (match && need_tag != NULL && *need_tag != '\0')
        {
          g_auto(GStrv) tags = c->need_tags ? g_strsplit (c->need_tags, ",", -1) : NULL;
          match = tags != NULL && g_strv_contains ((const char * const *)tags, need_tag);
        }
      c->dimmed = !match;
    }
}

GArray *
lx_map_find (LxStore     *store,
             LxMap       *self,
             const char  *text,
             guint        limit,
             GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *needle = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);
  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL || *g_strstrip (needle = g_utf8_strdown (text, -1)) == '\0')
    return g_steal_pointer (&ids);
  stmt = lx_store_prepare (store,
                           "SELECT id FROM household WHERE deleted_at IS NULL AND building_id IS NOT NULL "
                           "AND instr(search_text, ?1) > 0 ORDER BY building_id, entrance, floor, room, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
  while (ids->len < limit && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (lx_map_get_cell (self, id) != NULL)
        g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}
