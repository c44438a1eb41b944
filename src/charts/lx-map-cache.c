/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map"

#include "config.h"

#include <math.h>

#include "lx-map.h"

/* A full redraw of a large map (20,000 households) costs tens of
 * milliseconds; a pan must not. The cache holds the window plus half a
 * window on every side, drawn at one zoom; a pan that stays inside it is a
 * single blit. The whole map is not cached at once: at high zoom it would
 * be hundreds of megabytes. */

struct _LxMapCache
{
  cairo_surface_t *surface;
  LxMap           *map;       /* the map drawn, not a reference: compared only */
  double           zoom;
  int              scale;
  double           x, y;      /* device pixels of the map at the surface's top-left */
  int              width, height;
};

LxMapCache *
lx_map_cache_new (void)
{
  return g_new0 (LxMapCache, 1);
}

void
lx_map_cache_invalidate (LxMapCache *cache)
{
  g_return_if_fail (cache != NULL);
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  cache->map = NULL;
}

void
lx_map_cache_free (LxMapCache *cache)
{
  if (cache == NULL)
    return;
  lx_map_cache_invalidate (cache);
  g_free (cache);
}

static gboolean
covers (LxMapCache *cache,
        LxMap      *map,
        double      zoom,
        int         scale,
        double      x,
        double      y,
        int         width,
        int         height)
{
  return cache->surface != NULL && cache->map == map && cache->zoom == zoom &&
         cache->scale == scale && x >= cache->x && y >= cache->y &&
         x + width <= cache->x + cache->width && y + height <= cache->y + cache->height;
}

static void
render (LxMapCache *cache,
        LxMap      *map,
        double      zoom,
        int         scale,
        double      x,
        double      y,
        int         width,
        int         height)
{
  cairo_t *cr;

  lx_map_cache_invalidate (cache);
  cache->map = map;
  cache->zoom = zoom;
  cache->scale = scale;
  cache->x = floor (x - width / 2.0);
  cache->y = floor (y - height / 2.0);
  cache->width = width * 2;
  cache->height = height * 2;
  cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cache->width * scale,
                                               cache->height * scale);
  cairo_surface_set_device_scale (cache->surface, scale, scale);
  cr = cairo_create (cache->surface);
  cairo_translate (cr, -cache->x, -cache->y);
  cairo_scale (cr, zoom, zoom);
  lx_map_draw (map, cr, LX_MAP_DRAW_DEFAULT);
  cairo_destroy (cr);
}

gboolean
lx_map_cache_paint (LxMapCache *cache,
                    LxMap      *map,
                    cairo_t    *cr,
                    double      zoom,
                    int         scale,
                    double      scroll_x,
                    double      scroll_y,
                    int         width,
                    int         height)
{
  gboolean redraw;

  g_return_val_if_fail (cache != NULL && map != NULL && cr != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && zoom > 0, FALSE);

  redraw = !covers (cache, map, zoom, MAX (scale, 1), scroll_x, scroll_y, width, height);
  if (redraw)
    render (cache, map, zoom, MAX (scale, 1), scroll_x, scroll_y, width, height);
  cairo_save (cr);
  cairo_set_source_surface (cr, cache->surface, cache->x - scroll_x, cache->y - scroll_y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  return redraw;
}
