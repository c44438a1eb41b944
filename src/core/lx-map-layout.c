/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map-data"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "lx-map-data.h"
#include "lx-repo.h"

/* The map's geometry: where sites, buildings and cells are, in map units.
 * Drawing, hit-testing, the view's drag and the tests all read it here. */

void
lx_map_building_grid_size (int     entrances,
                           int     floors,
                           int     rooms_per_floor,
                           double *width,
                           double *height)
{
  if (width != NULL)
    *width = 2 * LX_MAP_BUILDING_PAD + entrances * rooms_per_floor * LX_MAP_CELL_W
             + (entrances - 1) * LX_MAP_ENTRANCE_GAP;
  if (height != NULL)
    *height = LX_MAP_BUILDING_HEADER + floors * LX_MAP_CELL_H + LX_MAP_BUILDING_FOOTER;
}

/* Buildings without a stored position go in a tidy grid below the placed
 * ones: about as many columns as rows, each column as wide as its widest
 * building, each row as tall as its tallest. */
static void
place_unplaced (LxMapSite *site)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();
  g_autofree double *col_w = NULL;
  g_autofree double *row_h = NULL;
  double top = 0;
  guint cols, rows;

  for (guint i = 0; i < site->buildings->len; i++)
    {
      LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

      if (b->placed)
        top = MAX (top, b->local_y + b->rect.height + LX_MAP_BUILDING_GAP);
      else
        g_ptr_array_add (todo, b);
    }
  if (todo->len == 0)
    return;
  cols = (guint)ceil (sqrt ((double)todo->len));
  rows = (todo->len + cols - 1) / cols;
  col_w = g_new0 (double, cols);
  row_h = g_new0 (double, rows);
  for (guint i = 0; i < todo->len; i++)
    {
      LxMapBuilding *b = g_ptr_array_index (todo, i);

      col_w[i % cols] = MAX (col_w[i % cols], b->rect.width);
      row_h[i / cols] = MAX (row_h[i / cols], b->rect.height);
    }
  for (guint i = 0; i < todo->len; i++)
    {
      LxMapBuilding *b = g_ptr_array_index (todo, i);
      double x = 0, y = top;

      for (guint c = 0; c < i % cols; c++)
        x += col_w[c] + LX_MAP_BUILDING_GAP;
      for (guint r = 0; r < i / cols; r++)
        y += row_h[r] + LX_MAP_BUILDING_GAP;
      b->local_x = x;
      b->local_y = y;
    }
}

/* Lays out one site's content from (0, 0), returns its size. */
static void
layout_site_content (LxMapSite *site,
                     double    *width,
                     double    *height)
{
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;

  place_unplaced (site);
  for (guint i = 0; i < site->buildings->len; i++)
    {
      LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

      min_x = MIN (min_x, b->local_x);
      min_y = MIN (min_y, b->local_y);
    }
  /* Nothing may sit left of or above the site's frame. */
  for (guint i = 0; i < site->buildings->len; i++)
    {
      LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

      b->local_x -= min_x;
      b->local_y -= min_y;
      max_x = MAX (max_x, b->local_x + b->rect.width);
      max_y = MAX (max_y, b->local_y + b->rect.height);
    }
  *width = max_x;
  *height = max_y;
}

/* Sites flow in rows; the row width aims at a landscape map (about 3:2,
 * the shape of a screen and of a page) whatever the number of sites. */
void
lx_map_layout (LxMap *self)
{
  g_autofree LxMapRect *sizes = NULL;
  double row_x = 0, row_y = 0, row_h = 0, area = 0, row_width = 0;

  g_return_if_fail (self != NULL);

  sizes = g_new0 (LxMapRect, self->sites->len);
  for (guint s = 0; s < self->sites->len; s++)
    {
      double content_w, content_h;

      layout_site_content (g_ptr_array_index (self->sites, s), &content_w, &content_h);
      sizes[s].width = MAX (content_w + 2 * LX_MAP_SITE_PAD, 160);
      sizes[s].height = content_h + LX_MAP_SITE_HEADER + LX_MAP_SITE_PAD;
      area += (sizes[s].width + LX_MAP_SITE_GAP) * (sizes[s].height + LX_MAP_SITE_GAP);
      row_width = MAX (row_width, sizes[s].width);
    }
  row_width = MAX (row_width, sqrt (area * 1.5));

  self->bounds = (LxMapRect) { 0, 0, 0, 0 };
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);
      double w = sizes[s].width, h = sizes[s].height;

      if (row_x > 0 && row_x + w > row_width)
        {
          row_x = 0;
          row_y += row_h + LX_MAP_SITE_GAP;
          row_h = 0;
        }
      site->rect = (LxMapRect) { row_x, row_y, w, h };
      row_x += w + LX_MAP_SITE_GAP;
      row_h = MAX (row_h, h);
      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);

          b->rect.x = site->rect.x + LX_MAP_SITE_PAD + b->local_x;
          b->rect.y = site->rect.y + LX_MAP_SITE_HEADER + b->local_y;
        }
      self->bounds.width = MAX (self->bounds.width, site->rect.x + w);
      self->bounds.height = MAX (self->bounds.height, site->rect.y + h);
    }
}

void
lx_map_building_cell_rect (const LxMapBuilding *b,
                           const LxMapCell     *cell,
                           LxMapRect           *out)
{
  double entrance_w = b->rooms_per_floor * LX_MAP_CELL_W + LX_MAP_ENTRANCE_GAP;

  out->x = b->rect.x + LX_MAP_BUILDING_PAD + (cell->entrance - 1) * entrance_w
           + cell->slot * LX_MAP_CELL_W;
  out->y = b->rect.y + LX_MAP_BUILDING_HEADER + (b->floors - cell->floor) * LX_MAP_CELL_H;
  out->width = LX_MAP_CELL_W;
  out->height = LX_MAP_CELL_H;
}

gboolean
lx_map_cell_rect (LxMap     *self,
                  gint64     household_id,
                  LxMapRect *out)
{
  LxMapCell *cell;

  g_return_val_if_fail (self != NULL && out != NULL, FALSE);
  if ((cell = lx_map_get_cell (self, household_id)) == NULL)
    return FALSE;
  lx_map_building_cell_rect (lx_map_get_building (self, cell->building_id), cell, out);
  return TRUE;
}

static gboolean
rect_contains (const LxMapRect *r,
               double           x,
               double           y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

static LxMapBuilding *
building_at (LxMap  *self,
             double  x,
             double  y)
{
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);

      if (!rect_contains (&site->rect, x, y))
        continue;
      /* The last drawn is on top. */
      for (guint i = site->buildings->len; i-- > 0;)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);
          if (rect_contains (&b->rect, x, y))
            return b;
        }
    }
  return NULL;
}

static LxMapCell *
cell_at (LxMapBuilding *b,
         double         x,
         double         y)
{
  for (guint i = 0; i < b->cells->len; i++)
    {
      LxMapCell *c = &g_array_index (b->cells, LxMapCell, i);
      LxMapRect r;

      lx_map_building_cell_rect (b, c, &r);
      if (rect_contains (&r, x, y))
        return c;
    }
  return NULL;
}

gboolean
lx_map_hit (LxMap  *self,
            double  x,
            double  y,
            gint64 *out_household_id,
            gint64 *out_building_id)
{
  LxMapBuilding *b;
  LxMapCell *c;

  g_return_val_if_fail (self != NULL, FALSE);
  if (out_household_id != NULL)
    *out_household_id = 0;
  if (out_building_id != NULL)
    *out_building_id = 0;
  if ((b = building_at (self, x, y)) == NULL)
    return FALSE;
  if (out_building_id != NULL)
    *out_building_id = b->id;
  if ((c = cell_at (b, x, y)) != NULL && out_household_id != NULL)
    *out_household_id = c->household_id;
  return TRUE;
}

gboolean
lx_map_hit_header (LxMap  *self,
                   double  x,
                   double  y,
                   gint64 *out_building_id)
{
  LxMapBuilding *b;

  g_return_val_if_fail (self != NULL, FALSE);
  if ((b = building_at (self, x, y)) == NULL || y >= b->rect.y + LX_MAP_BUILDING_HEADER)
    return FALSE;
  if (out_building_id != NULL)
    *out_building_id = b->id;
  return TRUE;
}

static LxMapSite *
site_of (LxMap         *self,
         LxMapBuilding *b)
{
  for (guint s = 0; s < self->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (self->sites, s);
      if (site->id == b->site_id)
        return site;
    }
  g_assert_not_reached ();
  return NULL;
}

/**
 * lx_map_save_building_position:
 * @x: @y: the new top-left corner, absolute map units (as in ->rect)
 *
 * Stores the position in the site's plan units, so that a reload puts the
 * building where it was dropped; then lays the map out again.
 */
gboolean
lx_map_save_building_position (LxStore  *store,
                               LxMap    *map,
                               gint64    building_id,
                               double    x,
                               double    y,
                               GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *summary = NULL;
  LxMapBuilding *b;
  LxMapSite *site;
  sqlite3_stmt *stmt;
  double local_x, local_y;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (map != NULL, FALSE);

  if ((b = lx_map_get_building (map, building_id)) == NULL)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                   _("There is no building with id %d on the map"), (int)building_id);
      return FALSE;
    }
  site = site_of (map, b);
  local_x = MAX (0, x - site->rect.x - LX_MAP_SITE_PAD);
  local_y = MAX (0, y - site->rect.y - LX_MAP_SITE_HEADER);

  if ((tx = lx_store_begin (store, error)) == NULL)
    return FALSE;
  stmt = lx_store_prepare (store, "UPDATE building SET map_x = ?, map_y = ?, map_w = ?, map_h = ? "
                                  "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, local_x / site->scale_x);
  sqlite3_bind_double (stmt, 2, local_y / site->scale_y);
  sqlite3_bind_double (stmt, 3, b->rect.width / site->scale_x);
  sqlite3_bind_double (stmt, 4, b->rect.height / site->scale_y);
  sqlite3_bind_int64 (stmt, 5, building_id);
  summary = g_strdup_printf ("moved %s · %s on the map", site->name, b->name);
  if (!lx_store_step_done (store, stmt, error) ||
      !lx_store_log_change (store, "building", building_id, "update", summary, error) ||
      !lx_transaction_commit (tx, error))
    return FALSE;

  b->placed = TRUE;
  b->local_x = local_x;
  b->local_y = local_y;
  lx_map_layout (map);
  return TRUE;
}
