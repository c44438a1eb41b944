/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lx-map.h"
#include "lx-repo.h"
#include "lx-stats.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

/* One site, one building of 2 entrances × 3 floors × 2 rooms in zone A,
 * and five households, one per status (and a needy, paired one):
 *   1 "301" entrance 1: visited 2026-11-01          → visited
 *   2 "102" entrance 1: visited 2025-12-10          → due soon (351 of 365 days)
 *   3 "201" entrance 2: visited 2025-06-01          → overdue
 *   4 "302" entrance 2: never                       → never
 *   5 "101" entrance 2: needy (90 days), paired, visited 2026-10-01 → visited */
static const char *const setup_sql =
  "INSERT INTO zone (id, name, colour) VALUES (1, 'Zone A', '#0072b2'), (2, 'Zone B', '#cc79a7');"
  "INSERT INTO site (id, name) VALUES (1, 'Test Site');"
  "INSERT INTO building (id, site_id, name, entrances, floors, rooms_per_floor, zone_id) "
  "  VALUES (1, 1, 'B1', 2, 3, 2, 1);"
  "INSERT INTO household (id, head_name, building_id, entrance, floor, room) VALUES "
  "  (1, 'One', 1, 1, 3, '301'), (2, 'Two', 1, 1, 1, '102'), (3, 'Three', 1, 2, 2, '201'),"
  "  (4, 'Four', 1, 2, 3, '302'), (5, 'Five', 1, 2, 1, '101');"
  "INSERT INTO household_need (household_id, tag) VALUES (5, 'dibao');"
  "INSERT INTO organization (id, name, kind) VALUES (1, 'Branch', 'branch');"
  "INSERT INTO member (id, org_id, name) VALUES (1, 1, 'Wang');"
  "INSERT INTO pairing (member_id, household_id, start_on) VALUES (1, 5, '2026-01-01');"
  "INSERT INTO visit (id, kind, happened_at) VALUES (1, 'home', '2026-11-01T10:00'),"
  "  (2, 'home', '2025-12-10'), (3, 'home', '2025-06-01'), (4, 'home', '2026-10-01'),"
  "  (5, 'phone', '2026-11-20');"
  "INSERT INTO visit_household (visit_id, household_id) VALUES (1, 1), (2, 2), (3, 3), (4, 5), (5, 4);";

static void
setup (LxFixture     *fx,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  lx_fixture_setup (fx, data);
  lx_store_exec (fx->store, setup_sql, &error);
  g_assert_no_error (error);
}

static LxMap *
load (LxFixture *fx,
      int        year)
{
  g_autoptr(GError) error = NULL;
  LxMap *map = lx_map_load (fx->store, year, 0, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

static void
test_statuses (LxFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  LxYearStats stats;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (map->as_of, ==, TODAY);
  g_assert_cmpint (lx_map_get_cell (map, 1)->status, ==, LX_VISIT_STATUS_VISITED);
  g_assert_cmpint (lx_map_get_cell (map, 2)->status, ==, LX_VISIT_STATUS_DUE_SOON);
  g_assert_cmpint (lx_map_get_cell (map, 3)->status, ==, LX_VISIT_STATUS_OVERDUE);
  /* A phone call is not a home visit. */
  g_assert_cmpint (lx_map_get_cell (map, 4)->status, ==, LX_VISIT_STATUS_NEVER);
  g_assert_cmpint (lx_map_get_cell (map, 5)->status, ==, LX_VISIT_STATUS_VISITED);
  g_assert_true (lx_map_get_cell (map, 5)->needy);
  g_assert_cmpstr (lx_map_get_cell (map, 5)->paired_member, ==, "Wang");
  g_assert_cmpstr (lx_map_get_cell (map, 5)->need_tags, ==, "dibao");
  g_assert_null (lx_map_get_cell (map, 1)->paired_member);
  g_assert_cmpint (lx_map_get_cell (map, 3)->zone_id, ==, 1);

  g_assert_cmpint (map->coverage.households, ==, 5);
  g_assert_cmpint (map->coverage.visited, ==, 2);
  g_assert_cmpint (map->coverage.needy, ==, 1);
  g_assert_cmpint (map->coverage.needy_visited, ==, 1);
  g_assert_cmpint (map->coverage.by_status[LX_VISIT_STATUS_OVERDUE], ==, 1);
  /* The same figures as the overview's. */
  g_assert_true (lx_stats_compute (fx->store, 2026, TODAY, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (map->coverage.visited, ==, stats.households_visited);
  g_assert_cmpint (map->coverage.households, ==, stats.households);
  /* Zone A holds all five; "no zone" (last) none. */
  g_assert_cmpint (map->coverage.zones->len, ==, 3);
  g_assert_cmpstr (g_array_index (map->coverage.zones, LxMapZoneCoverage, 0).name, ==, "Zone A");
  g_assert_cmpint (g_array_index (map->coverage.zones, LxMapZoneCoverage, 0).households, ==, 5);
  g_assert_cmpint (g_array_index (map->coverage.zones, LxMapZoneCoverage, 0).visited, ==, 2);
  g_assert_cmpint (g_array_index (map->coverage.zones, LxMapZoneCoverage, 2).households, ==, 0);
}

/* A past year is seen as of its last day: later visits do not count. */
static void
test_past_year (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2025);

  g_assert_cmpstr (map->as_of, ==, "2025-12-31");
  g_assert_cmpint (lx_map_get_cell (map, 1)->status, ==, LX_VISIT_STATUS_NEVER);
  g_assert_cmpint (lx_map_get_cell (map, 2)->status, ==, LX_VISIT_STATUS_VISITED);
  g_assert_cmpint (lx_map_get_cell (map, 3)->status, ==, LX_VISIT_STATUS_VISITED);
  g_assert_cmpint (map->coverage.visited, ==, 2);
}

static void
assert_rect (const LxMapRect *r,
             double           x,
             double           y,
             double           w,
             double           h)
{
  g_assert_cmpfloat_with_epsilon (r->x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->y, y, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->width, w, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->height, h, 1e-6);
}

static void
test_layout (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  LxMapBuilding *b = lx_map_get_building (map, 1);
  LxMapRect r;

  /* 6 + 2 × 2 × 36 + 6 (gap) + 6 wide; 22 + 3 × 18 + 16 high; the site's
   * padding (16) and header (30) before it. */
  assert_rect (&b->rect, 16, 30, 162, 92);
  g_assert_true (lx_map_cell_rect (map, 1, &r));   /* entrance 1, top floor, room 1 */
  assert_rect (&r, 22, 52, 36, 18);
  g_assert_true (lx_map_cell_rect (map, 2, &r));   /* entrance 1, ground floor, room 2 */
  assert_rect (&r, 58, 88, 36, 18);
  g_assert_true (lx_map_cell_rect (map, 3, &r));   /* entrance 2, floor 2, room 1 */
  assert_rect (&r, 100, 70, 36, 18);
  g_assert_false (lx_map_cell_rect (map, 99, &r));
  assert_rect (&((LxMapSite *) g_ptr_array_index (map->sites, 0))->rect, 0, 0, 194, 138);
}

/* Four buildings without positions go in a 2 × 2 grid; a stored plan
 * rectangle is scaled until the building's grid fits it. */
static void
test_layout_grid (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxMap) map = NULL;
  LxMapBuilding *b;

  lx_store_exec (fx->store,
                 "INSERT INTO site (id, name) VALUES (2, 'Grid'), (3, 'Plan');"
                 "INSERT INTO building (id, site_id, name, entrances, floors, rooms_per_floor) VALUES "
                 "  (10, 2, 'a', 1, 1, 1), (11, 2, 'b', 1, 1, 1), (12, 2, 'c', 1, 2, 1), (13, 2, 'd', 1, 1, 1);"
                 "INSERT INTO building (id, site_id, name, entrances, floors, rooms_per_floor, "
                 "  map_x, map_y, map_w, map_h) VALUES (20, 3, 'p', 1, 1, 2, 10, 20, 42, 28);",
                 &error);
  g_assert_no_error (error);
  map = lx_map_load (fx->store, 2026, 2, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (map->sites->len, ==, 1);
  /* 1 × 1 × 1: 48 × 56; the third is a floor taller (74). */
  assert_rect (&lx_map_get_building (map, 10)->rect, 16, 30, 48, 56);
  assert_rect (&lx_map_get_building (map, 11)->rect, 16 + 48 + 24, 30, 48, 56);
  assert_rect (&lx_map_get_building (map, 12)->rect, 16, 30 + 56 + 24, 48, 74);
  assert_rect (&lx_map_get_building (map, 13)->rect, 16 + 48 + 24, 30 + 56 + 24, 48, 56);
  g_assert_null (lx_map_get_building (map, 1));

  g_clear_pointer (&map, lx_map_unref);
  map = lx_map_load (fx->store, 2026, 3, TODAY, &error);
  g_assert_no_error (error);
  b = lx_map_get_building (map, 20);
  /* 84 × 56 in a 42 × 28 plan rectangle: × 2 both ways. */
  g_assert_cmpfloat_with_epsilon (((LxMapSite *) g_ptr_array_index (map->sites, 0))->scale_x, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (((LxMapSite *) g_ptr_array_index (map->sites, 0))->scale_y, 2.0, 1e-9);
  assert_rect (&b->rect, 16 + 20, 30 + 40, 84, 56);

  g_clear_pointer (&map, lx_map_unref);
  map = lx_map_load (fx->store, 2026, 42, TODAY, &error);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_assert_null (map);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *)(data + (int)floor (y) * stride + (int)floor (x) * 4) & 0xffffff;
}

static guint32
rgb (LxMapColour c)
{
  return ((guint32)lround (c.red * 255) << 16) | ((guint32)lround (c.green * 255) << 8)
         | (guint32)lround (c.blue * 255);
}

static void
test_render_and_hit (LxFixture     *fx,
                     gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  const double zoom = 2.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  const struct { gint64 id; LxVisitStatus status; } cases[] = {
    { 1, LX_VISIT_STATUS_VISITED }, { 2, LX_VISIT_STATUS_DUE_SOON },
    { 3, LX_VISIT_STATUS_OVERDUE }, { 4, LX_VISIT_STATUS_NEVER }, { 5, LX_VISIT_STATUS_VISITED },
  };
  guint overdue_hatch = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  lx_map_draw (map, cr, LX_MAP_DRAW_NO_LABELS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LxMapRect r;
      double cx, cy;
      gint64 hid, bid;

      g_assert_true (lx_map_cell_rect (map, cases[i].id, &r));
      cx = r.x + r.width / 2;
      cy = r.y + r.height / 2;
      g_test_message ("household %d at %.1f,%.1f: %06x", (int)cases[i].id, cx, cy,
                      pixel_at (surface, cx * zoom, cy * zoom));
      g_assert_cmphex (pixel_at (surface, cx * zoom, cy * zoom), ==, rgb (lx_map_status_colour (cases[i].status)));
      g_assert_true (lx_map_hit (map, cx, cy, &hid, &bid));
      g_assert_cmpint (hid, ==, cases[i].id);
      g_assert_cmpint (bid, ==, 1);
    }
  /* Overdue is hatched, not only coloured: some of its pixels are lighter. */
  {
    LxMapRect r;
    lx_map_cell_rect (map, 3, &r);
    for (double x = r.x + 1; x < r.x + r.width - 1; x += 0.5)
      overdue_hatch += pixel_at (surface, x * zoom, (r.y + 4) * zoom) != rgb (lx_map_status_colour (LX_VISIT_STATUS_OVERDUE));
    g_assert_cmpuint (overdue_hatch, >, 4);
  }
  /* The needy marker: the top-right corner of household 5 is dark. */
  {
    LxMapRect r;
    lx_map_cell_rect (map, 5, &r);
    g_assert_cmphex (pixel_at (surface, (r.x + r.width - 2) * zoom, (r.y + 1.5) * zoom) & 0xe0e0e0, ==, 0);
  }

  /* A vacant room is the building's, not a household's. */
  {
    gint64 hid = -1, bid = 0;
    LxMapRect r;
    lx_map_cell_rect (map, 1, &r);   /* room 302 of entrance 1 is vacant */
    g_assert_true (lx_map_hit (map, r.x + r.width * 1.5, r.y + 2, &hid, &bid));
    g_assert_cmpint (hid, ==, 0);
    g_assert_cmpint (bid, ==, 1);
    g_assert_true (lx_map_hit_header (map, r.x + 2, r.y - 10, &bid));
    g_assert_false (lx_map_hit_header (map, r.x + 2, r.y + 2, &bid));
    g_assert_false (lx_map_hit (map, 2, 2, &hid, &bid));
  }
  cairo_surface_destroy (surface);
}

/* g_strstr_len() stops at the first NUL, and a PDF holds binary streams. */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A pan inside the cached margin is a blit of the same pixels; a zoom or a
 * new map redraws. */
static void
test_cache (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  g_autoptr(LxMap) other = load (fx, 2026);
  g_autoptr(LxMapCache) cache = lx_map_cache_new ();
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 60);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 60);
  cairo_t *cra = cairo_create (a);
  cairo_t *crb = cairo_create (b);
  LxMapRect r;

  g_assert_true (lx_map_cache_paint (cache, map, cra, 2.0, 1, 180, 110, 100, 60));
  g_assert_false (lx_map_cache_paint (cache, map, crb, 2.0, 1, 200, 120, 100, 60));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  /* Household 3's cell centre, seen through both windows. */
  lx_map_cell_rect (map, 3, &r);
  g_assert_cmphex (pixel_at (b, (r.x + r.width / 2) * 2 - 200, (r.y + r.height / 2) * 2 - 120), ==,
                   rgb (lx_map_status_colour (LX_VISIT_STATUS_OVERDUE)));
  g_assert_cmphex (pixel_at (a, (r.x + r.width / 2) * 2 - 180, (r.y + r.height / 2) * 2 - 110), ==,
                   pixel_at (b, (r.x + r.width / 2) * 2 - 200, (r.y + r.height / 2) * 2 - 120));
  g_assert_true (lx_map_cache_paint (cache, map, crb, 2.0, 1, 400, 100, 100, 60));   /* out of the margin */
  g_assert_true (lx_map_cache_paint (cache, map, crb, 1.0, 1, 0, 0, 100, 60));       /* zoomed */
  g_assert_true (lx_map_cache_paint (cache, other, crb, 1.0, 1, 0, 0, 100, 60));     /* reloaded */
  g_assert_false (lx_map_cache_paint (cache, other, crb, 1.0, 1, 10, 10, 100, 60));
  cairo_destroy (cra);
  cairo_destroy (crb);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_export (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "map.pdf", NULL);
  g_autofree char *png = g_build_filename (fx->dir, "map.png", NULL);
  g_autofree char *bad = g_build_filename (fx->dir, "map.txt", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  cairo_surface_t *image;

  g_assert_true (lx_map_export (map, pdf, LX_MAP_FORMAT_AUTO, LX_MAP_PAPER_A3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  g_assert_true (contains_bytes (contents, len, "/MediaBox [ 0 0 1190.55 841.89 ]"));

  g_assert_true (lx_map_export (map, png, LX_MAP_FORMAT_AUTO, LX_MAP_PAPER_A4, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1683);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1190);
  cairo_surface_destroy (image);

  g_assert_false (lx_map_export (map, bad, LX_MAP_FORMAT_AUTO, LX_MAP_PAPER_A4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_move_building (LxFixture     *fx,
                    gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  g_autoptr(LxMap) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 logged = lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE table_name = 'building'", NULL);

  g_assert_true (lx_map_save_building_position (fx->store, map, 1, 16 + 100, 30 + 40, &error));
  g_assert_no_error (error);
  assert_rect (&lx_map_get_building (map, 1)->rect, 116, 70, 162, 92);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM change_log WHERE table_name = 'building'", NULL),
                   ==, logged + 1);

  again = load (fx, 2026);
  assert_rect (&lx_map_get_building (again, 1)->rect, 116, 70, 162, 92);
  g_assert_true (lx_map_get_building (again, 1)->placed);

  /* Above or left of the site: kept inside it. */
  g_assert_true (lx_map_save_building_position (fx->store, again, 1, -50, -50, &error));
  assert_rect (&lx_map_get_building (again, 1)->rect, 16, 30, 162, 92);

  g_assert_false (lx_map_save_building_position (fx->store, again, 77, 0, 0, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
}

static void
test_filter_and_find (LxFixture     *fx,
                      gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;

  lx_map_apply_filter (map, 0, 0, "dibao");
  g_assert_false (lx_map_get_cell (map, 5)->dimmed);
  g_assert_true (lx_map_get_cell (map, 1)->dimmed);
  lx_map_apply_filter (map, 0, 1, NULL);
  g_assert_false (lx_map_get_cell (map, 5)->dimmed);
  g_assert_true (lx_map_get_cell (map, 2)->dimmed);
  lx_map_apply_filter (map, 2, 0, NULL);
  g_assert_true (lx_map_get_cell (map, 5)->dimmed);
  lx_map_apply_filter (map, 0, 0, NULL);
  g_assert_false (lx_map_get_cell (map, 3)->dimmed);

  /* search_text is kept by the household repository; set it as it would. */
  lx_store_exec (fx->store, "UPDATE household SET search_text = lower(head_name)", &error);
  g_assert_no_error (error);
  found = lx_map_find (fx->store, map, " THREE ", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, 3);
  g_clear_pointer (&found, g_array_unref);
  found = lx_map_find (fx->store, map, "o", 1, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A solid pure-blue PNG of @width × @height pixels. */
static GBytes *
blue_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static guint32
render_pixel (LxMap  *map,
              double  x,
              double  y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  lx_map_draw (map, cr, LX_MAP_DRAW_NO_LABELS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = pixel_at (surface, x, y);
  cairo_surface_destroy (surface);
  return pixel;
}

#define PLAN_COUNT_SQL \
  "SELECT count(*) FROM change_log WHERE table_name = 'site'"

static void
test_site_plan (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(LxMap) map = load (fx, 2026);
  g_autoptr(LxMap) planned = NULL;
  g_autoptr(LxMap) removed = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("hello, not an image", 19);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0", 4);
  g_autoptr(GError) error = NULL;
  LxMapSite *site = g_ptr_array_index (map->sites, 0);
  const LxMapBuilding *b = g_ptr_array_index (site->buildings, 0);
  /* In the site's area, left of its one building: only the plan is there. */
  double px = site->rect.x + LX_MAP_SITE_PAD / 2, py = b->rect.y + b->rect.height / 2;
  gint64 logged = lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL);
  guint32 before, after, cell;
  LxMapRect r;

  g_assert_cmpfloat (px, <, b->rect.x);
  before = render_pixel (map, px, py);
  g_assert_null (site->plan_image);

  /* Not an image: refused, nothing changed. */
  g_assert_false (lx_map_set_site_plan (fx->store, 1, text, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PNG or JPEG"));
  g_clear_error (&error);
  g_assert_cmpint (lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL), ==, logged);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM site WHERE plan_image IS NULL", NULL), ==, 1);
  g_assert_cmpstr (lx_map_plan_type (jpeg), ==, "image/jpeg");
  {
    guint8 *big = g_malloc0 (LX_MAP_PLAN_MAX_BYTES + 1);
    g_autoptr(GBytes) huge = NULL;

    memcpy (big, "\x89PNG\r\n\x1a\n", 8);
    huge = g_bytes_new_take (big, LX_MAP_PLAN_MAX_BYTES + 1);
    g_assert_false (lx_map_set_site_plan (fx->store, 1, huge, &error));
    g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL), ==, logged);
  }

  /* No such site. */
  png = blue_png ((int)site->rect.width, (int)(site->rect.height - LX_MAP_SITE_HEADER));
  g_assert_cmpstr (lx_map_plan_type (png), ==, "image/png");
  g_assert_false (lx_map_set_site_plan (fx->store, 77, png, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL), ==, logged);

  g_assert_true (lx_map_set_site_plan (fx->store, 1, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL), ==, logged + 1);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM site WHERE plan_type = 'image/png'", NULL), ==, 1);

  /* Drawn faded behind the buildings: bluish there, the cells unchanged. */
  planned = load (fx, 2026);
  site = g_ptr_array_index (planned->sites, 0);
  g_assert_nonnull (site->plan_image);
  g_assert_true (g_bytes_equal (site->plan_image, png));
  after = render_pixel (planned, px, py);
  g_test_message ("plain %06x, with the plan %06x", before, after);
  g_assert_cmpuint (before & 0xff, <, ((before >> 16) & 0xff) + 10);
  g_assert_cmpuint (after & 0xff, >, ((after >> 16) & 0xff) + 80);
  g_assert_cmpuint (after & 0xff, >, ((after >> 8) & 0xff) + 80);
  g_assert_cmpuint ((after >> 16) & 0xff, >, 60);   /* faded: not pure blue */
  g_assert_true (lx_map_cell_rect (planned, 4, &r));
  cell = render_pixel (planned, r.x + r.width / 2, r.y + r.height / 2);
  g_assert_cmphex (cell, ==, rgb (lx_map_status_colour (LX_VISIT_STATUS_NEVER)));
  g_assert_nonnull (site->plan_surface);   /* decoded once, kept */

  /* Removed. */
  g_assert_true (lx_map_set_site_plan (fx->store, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lx_store_query_int (fx->store, PLAN_COUNT_SQL, NULL), ==, logged + 2);
  g_assert_cmpint (lx_store_query_int (fx->store, "SELECT count(*) FROM site WHERE plan_image IS NULL AND plan_type IS NULL", NULL), ==, 1);
  removed = load (fx, 2026);
  g_assert_null (((LxMapSite *)g_ptr_array_index (removed->sites, 0))->plan_image);
  g_assert_cmphex (render_pixel (removed, px, py), ==, before);
}

/* PNG magic but not a PNG: stored (the check is by magic number), then
 * left out of the drawing with a warning, once, not on every frame. */
static void
test_site_plan_corrupt (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) broken = g_bytes_new_static ("\x89PNG\r\n\x1a\ngarbage, not a PNG", 26);
  g_autoptr(LxMap) map = NULL;
  g_autoptr(GError) error = NULL;
  LxMapSite *site;

  g_assert_true (lx_map_set_site_plan (fx->store, 1, broken, &error));
  g_assert_no_error (error);
  map = load (fx, 2026);
  site = g_ptr_array_index (map->sites, 0);
  g_test_expect_message ("lx-map", G_LOG_LEVEL_WARNING, "*Test Site does not decode*");
  render_pixel (map, 1, 1);
  g_test_assert_expected_messages ();
  g_assert_true (site->plan_failed);
  g_assert_null (site->plan_surface);
  render_pixel (map, 1, 1);   /* no second warning: it would abort */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/map/" name, LxFixture, NULL, setup, fn, lx_fixture_teardown)
  ADD ("statuses", test_statuses);
  ADD ("past-year", test_past_year);
  ADD ("layout", test_layout);
  ADD ("layout-grid", test_layout_grid);
  ADD ("render-and-hit", test_render_and_hit);
  ADD ("cache", test_cache);
  ADD ("export", test_export);
  ADD ("move-building", test_move_building);
  ADD ("filter-and-find", test_filter_and_find);
  ADD ("site-plan", test_site_plan);
  ADD ("site-plan-corrupt", test_site_plan_corrupt);
#undef ADD
  return g_test_run ();
}
