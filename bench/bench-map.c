/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-map"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "lx-demo.h"
#include "lx-map.h"
#include "lx-store.h"

/* Times what the contact map view does on a large unit: loading the map
 * model, a full redraw of a window-sized part of the map (what a zoom
 * costs), and a pan frame served from the cache (a blit). The frames go
 * through lx_map_cache_paint(), the code the view's snapshot runs. */

#define RUNS 30

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, n, sizeof (double), cmp_double);
  return v[n / 2];
}

static LxStore *
make_database (const char *path,
               guint       households)
{
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;
  LxStore *store;

  g_unlink (path);
  store = lx_store_open (path, LX_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  lx_demo_options_init (&opts);
  opts.households = households;
  opts.today = "2026-11-26";
  if (!lx_demo_generate (store, &opts, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  return store;
}

int
main (int   argc,
      char *argv[])
{
  guint households = argc > 1 ? (guint)atoi (argv[1]) : 20000;
  int width = 1280 - 270, height = 800 - 110;   /* the map's part of a 1280 × 800 window */
  g_autofree char *dir = g_dir_make_tmp ("lianxin-bench-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(LxStore) store = NULL;
  g_autoptr(LxMap) map = NULL;
  g_autoptr(LxMapCache) cache = lx_map_cache_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *window = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (window);
  double load[RUNS / 3], full[RUNS], pan[RUNS], fit[RUNS / 3];
  double zoom = 1.0;

  setlocale (LC_ALL, "");
  store = make_database (path, households);

  for (int i = 0; i < RUNS / 3; i++)
    {
      double t0 = now_ms ();
      g_clear_pointer (&map, lx_map_unref);
      map = lx_map_load (store, 2026, 0, "2026-11-26", &error);
      if (map == NULL)
        g_error ("%s", error->message);
      load[i] = now_ms () - t0;
    }

  /* Full redraws at zoom 1, each of a different part of the map. */
  for (int i = 0; i < RUNS; i++)
    {
      double x = fmod (i * 397.0, MAX (1, map->bounds.width - width));
      double y = fmod (i * 211.0, MAX (1, map->bounds.height - height));
      double t0;

      lx_map_cache_invalidate (cache);
      t0 = now_ms ();
      if (!lx_map_cache_paint (cache, map, cr, zoom, 1, x, y, width, height))
        g_error ("the cache was not redrawn");
      cairo_surface_flush (window);
      full[i] = now_ms () - t0;
    }

  /* A drag: small steps that stay inside the cached margin. */
  lx_map_cache_invalidate (cache);
  lx_map_cache_paint (cache, map, cr, zoom, 1, 400, 300, width, height);
  for (int i = 0; i < RUNS; i++)
    {
      double t0 = now_ms ();
      if (lx_map_cache_paint (cache, map, cr, zoom, 1, 400 + (i % 10) * 20, 300 + (i % 7) * 15, width, height))
        g_error ("a pan inside the cache redrew");
      cairo_surface_flush (window);
      pan[i] = now_ms () - t0;
    }

  /* The whole map fitted into the window: the worst full redraw. */
  for (int i = 0; i < RUNS / 3; i++)
    {
      double fit_zoom = MIN (width / map->bounds.width, height / map->bounds.height);
      double t0;

      lx_map_cache_invalidate (cache);
      t0 = now_ms ();
      lx_map_cache_paint (cache, map, cr, fit_zoom, 1, 0, 0, width, height);
      cairo_surface_flush (window);
      fit[i] = now_ms () - t0;
    }

  g_print ("households on the map: %d in %u sites, map %.0f × %.0f units\n",
           map->coverage.households, map->sites->len, map->bounds.width, map->bounds.height);
  g_print ("window: %d × %d pixels\n", width, height);
  g_print ("load the map model:             median %7.1f ms\n", median (load, RUNS / 3));
  g_print ("full redraw, zoom 100%%:         median %7.1f ms\n", median (full, RUNS));
  g_print ("full redraw, whole map fitted:  median %7.1f ms\n", median (fit, RUNS / 3));
  g_print ("cached pan frame (blit):        median %7.2f ms\n", median (pan, RUNS));

  cairo_destroy (cr);
  cairo_surface_destroy (window);
  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
