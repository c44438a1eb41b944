/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <math.h>

#include "lx-chart.h"
#include "lx-overview.h"
#include "lx-test-util.h"

#define W 600
#define H 400

static cairo_surface_t *
render (LxChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);

  lx_chart_draw (chart, cr, 0, 0, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static LxChartColour
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(const guint32 *)(data + (int)y * stride + (int)x * 4);

  return (LxChartColour) { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0 };
}

static void
assert_colour (LxChartColour got,
               LxChartColour want)
{
  if (fabs (got.red - want.red) > 0.02 || fabs (got.green - want.green) > 0.02 ||
      fabs (got.blue - want.blue) > 0.02)
    g_error ("colour %.3f,%.3f,%.3f, expected %.3f,%.3f,%.3f",
             got.red, got.green, got.blue, want.red, want.green, want.blue);
}

static void
assert_ticks (double   max,
              double   want_max,
              double   want_step,
              guint    want_n)
{
  double lo, hi, step;
  guint n = lx_chart_nice_ticks (0, max, 5, &lo, &hi, &step);

  g_assert_cmpfloat_with_epsilon (lo, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hi, want_max, 1e-9);
  g_assert_cmpfloat_with_epsilon (step, want_step, 1e-9);
  g_assert_cmpuint (n, ==, want_n);
}

static void
test_ticks (void)
{
  assert_ticks (7, 8, 2, 5);          /* 0 2 4 6 8 */
  assert_ticks (95, 100, 20, 6);      /* 0 20 … 100 */
  assert_ticks (100, 100, 20, 6);
  assert_ticks (1, 1, 0.2, 6);
  assert_ticks (842, 1000, 200, 6);
  assert_ticks (0.37, 0.4, 0.1, 5);
}

static void
test_bar_height (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_BARS, "走访次数");
  const double values[] = { 50, 100, 20 };
  cairo_surface_t *surface;
  LxChartRect plot;
  double slot, x, top;

  lx_chart_add_category (chart, "一月");
  lx_chart_add_category (chart, "二月");
  lx_chart_add_category (chart, "三月");
  lx_chart_add_series (chart, "走访", values, 3);
  surface = render (chart);

  g_assert_true (lx_chart_get_plot_rect (chart, &plot));
  g_assert_cmpfloat (lx_chart_get_axis_max (chart), ==, 100);
  slot = plot.width / 3;
  x = plot.x + slot / 2;
  top = plot.y + plot.height * 0.5;   /* 50 on a 0–100 axis */

  assert_colour (pixel (surface, x, top + 2), lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  assert_colour (pixel (surface, x, plot.y + plot.height - 2), lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  /* Above the bar's top: background (the value label sits higher still). */
  assert_colour (pixel (surface, x - slot * 0.3, top - 3), lx_chart_background_colour (LX_CHART_THEME_LIGHT));
  /* The full bar reaches the top of the plot. */
  assert_colour (pixel (surface, plot.x + 1.5 * slot, plot.y + 2), lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  cairo_surface_destroy (surface);
}

static void
test_stacked_and_dark (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_STACKED_BARS, NULL);
  const double a[] = { 30 }, b[] = { 50 };
  cairo_surface_t *surface;
  LxChartRect plot;
  double x, axis;

  lx_chart_set_theme (chart, LX_CHART_THEME_DARK);
  lx_chart_add_category (chart, "第一网格");
  lx_chart_add_series (chart, "已走访", a, 1);
  lx_chart_add_series (chart, "未走访", b, 1);
  surface = render (chart);
  g_assert_true (lx_chart_get_plot_rect (chart, &plot));
  axis = lx_chart_get_axis_max (chart);
  g_assert_cmpfloat (axis, ==, 80);
  x = plot.x + plot.width / 2;
  /* The first series at the bottom, the second on top of it. */
  assert_colour (pixel (surface, x, plot.y + plot.height * (1 - 15 / axis)),
                 lx_chart_palette_colour (LX_CHART_THEME_DARK, 0));
  assert_colour (pixel (surface, x, plot.y + plot.height * (1 - 60 / axis)),
                 lx_chart_palette_colour (LX_CHART_THEME_DARK, 1));
  assert_colour (pixel (surface, 2, H - 2), lx_chart_background_colour (LX_CHART_THEME_DARK));
  cairo_surface_destroy (surface);
}

static void
test_donut (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_DONUT, "回访满意度");
  const double values[] = { 25, 75 };
  cairo_surface_t *surface;
  double cx, cy, outer, inner, r;

  lx_chart_add_category (chart, "满意");
  lx_chart_add_category (chart, "比较满意");
  lx_chart_add_series (chart, NULL, values, 2);
  lx_chart_set_centre_label (chart, "合计");
  surface = render (chart);
  g_assert_true (lx_chart_get_donut (chart, &cx, &cy, &outer, &inner));
  r = (outer + inner) / 2;

  /* From twelve o'clock clockwise: the first quarter is the first slice. */
  assert_colour (pixel (surface, cx + r * cos (-G_PI / 4), cy + r * sin (-G_PI / 4)),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  assert_colour (pixel (surface, cx + r * cos (G_PI / 2), cy + r * sin (G_PI / 2)),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 1));
  assert_colour (pixel (surface, cx + r * cos (-3 * G_PI / 4), cy + r * sin (-3 * G_PI / 4)),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 1));
  cairo_surface_destroy (surface);
}

static void
test_calendar (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_CALENDAR, "每日走访");
  double days[365] = { 0 };
  cairo_surface_t *surface;
  LxChartRect cell;

  days[0] = 8;      /* 2026-01-01 */
  days[59] = 1;     /* 2026-03-01 */
  days[329] = 5;    /* 2026-11-26 */
  lx_chart_set_calendar (chart, 2026, days, 365);
  surface = render (chart);

  g_assert_cmpint (lx_chart_calendar_bucket (chart, 8), ==, 4);
  g_assert_cmpint (lx_chart_calendar_bucket (chart, 5), ==, 3);
  g_assert_cmpint (lx_chart_calendar_bucket (chart, 1), ==, 1);
  g_assert_cmpint (lx_chart_calendar_bucket (chart, 0), ==, 0);

  g_assert_true (lx_chart_get_calendar_cell (chart, "2026-01-01", &cell));
  assert_colour (pixel (surface, cell.x + cell.width / 2, cell.y + cell.height / 2),
                 lx_chart_calendar_colour (LX_CHART_THEME_LIGHT, 4));
  /* 1 January 2026 is a Thursday: the fourth row. */
  {
    LxChartRect monday;
    g_assert_true (lx_chart_get_calendar_cell (chart, "2026-01-05", &monday));
    g_assert_cmpfloat (monday.y, <, cell.y);
    g_assert_cmpfloat (monday.x, >, cell.x);
  }
  g_assert_true (lx_chart_get_calendar_cell (chart, "2026-11-26", &cell));
  assert_colour (pixel (surface, cell.x + cell.width / 2, cell.y + cell.height / 2),
                 lx_chart_calendar_colour (LX_CHART_THEME_LIGHT, 3));
  g_assert_true (lx_chart_get_calendar_cell (chart, "2026-03-01", &cell));
  assert_colour (pixel (surface, cell.x + cell.width / 2, cell.y + cell.height / 2),
                 lx_chart_calendar_colour (LX_CHART_THEME_LIGHT, 1));
  g_assert_true (lx_chart_get_calendar_cell (chart, "2026-03-02", &cell));
  assert_colour (pixel (surface, cell.x + cell.width / 2, cell.y + cell.height / 2),
                 lx_chart_calendar_colour (LX_CHART_THEME_LIGHT, 0));
  g_assert_false (lx_chart_get_calendar_cell (chart, "2025-03-02", &cell));
  cairo_surface_destroy (surface);
}

static void
test_progress (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_PROGRESS_BARS, "走访覆盖率");
  const double values[] = { 0.5, 0.25 };
  cairo_surface_t *surface;
  LxChartRect plot;
  double row;

  lx_chart_add_category (chart, "全部群众户");
  lx_chart_add_category (chart, "困难群众");
  lx_chart_add_series (chart, NULL, values, 2);
  surface = render (chart);
  g_assert_true (lx_chart_get_plot_rect (chart, &plot));
  row = plot.height / 2;
  assert_colour (pixel (surface, plot.x + plot.width * 0.45, plot.y + row / 2),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  assert_colour (pixel (surface, plot.x + plot.width * 0.55, plot.y + row / 2),
                 (LxChartColour) { 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0 });
  assert_colour (pixel (surface, plot.x + plot.width * 0.2, plot.y + 1.5 * row),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 1));
  cairo_surface_destroy (surface);
}

static void
check_magic (const char *path,
             const char *magic,
             gsize       len)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 200);
  g_assert_cmpmem (contents, len, magic, len);
}

static void
test_save (void)
{
  g_autoptr(LxChart) chart = lx_chart_new (LX_CHART_LINES, "下访次数");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lianxin-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.PDF", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "c.png", NULL);
  g_autofree char *svg_text = NULL;
  const double values[] = { 3, 5, 2, 8 };

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d月", i + 1);
      lx_chart_add_category (chart, label);
    }
  lx_chart_add_series (chart, "下访", values, 4);

  g_assert_true (lx_chart_save (chart, png, LX_CHART_FORMAT_AUTO, 640, 400, &error));
  g_assert_no_error (error);
  g_assert_true (lx_chart_save (chart, svg, LX_CHART_FORMAT_AUTO, 640, 400, &error));
  g_assert_true (lx_chart_save (chart, pdf, LX_CHART_FORMAT_AUTO, 640, 400, &error));
  g_assert_no_error (error);
  check_magic (png, "\x89PNG\r\n\x1a\n", 8);
  check_magic (svg, "<?xml", 5);
  check_magic (pdf, "%PDF-", 5);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_cmpint (lx_chart_format_for_path (pdf), ==, LX_CHART_FORMAT_PDF);

  g_assert_false (lx_chart_save (chart, bad, LX_CHART_FORMAT_PNG, 64, 40, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "missing"));

  lx_fixture_remove_dir (dir);
}

static void
test_hbars_and_rings (void)
{
  g_autoptr(LxChart) h = lx_chart_new (LX_CHART_HORIZONTAL_BARS, NULL);
  g_autoptr(LxChart) r = lx_chart_new (LX_CHART_PROGRESS_RINGS, NULL);
  const double values[] = { 40, 80 }, fractions[] = { 1.0 };
  cairo_surface_t *surface;
  LxChartRect plot;

  lx_chart_add_category (h, "就业和社会保障方面的诉求");
  lx_chart_add_category (h, "环境");
  lx_chart_add_series (h, NULL, values, 2);
  surface = render (h);
  g_assert_true (lx_chart_get_plot_rect (h, &plot));
  g_assert_cmpfloat (lx_chart_get_axis_max (h), ==, 80);
  /* The long label is kept to 40 % of the width. */
  g_assert_cmpfloat (plot.x, <=, W * 0.4 + 2 * 12 + 12);
  assert_colour (pixel (surface, plot.x + plot.width * 0.95, plot.y + 1.5 * MIN (plot.height / 2, 40)),
                 lx_chart_palette_colour (LX_CHART_THEME_LIGHT, 0));
  cairo_surface_destroy (surface);

  lx_chart_add_category (r, "覆盖率");
  lx_chart_add_series (r, NULL, fractions, 1);
  surface = render (r);
  cairo_surface_destroy (surface);
}

/* The overview's reception days come from recurring events. */
static void
test_next_occurrence (void)
{
  struct { const char *start, *rule, *from, *want; } cases[] = {
    { "2023-12-14T09:00", "FREQ=MONTHLY;BYDAY=2TH", "2026-11-26", "2026-12-10" },
    { "2023-12-14T09:00", "FREQ=MONTHLY;BYDAY=2TH", "2026-11-12", "2026-11-12" },
    { "2026-01-30", "FREQ=MONTHLY;BYDAY=-1FR", "2026-11-26", "2026-11-27" },
    { "2026-11-02", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-11-10", "2026-11-16" },
    { "2026-11-02", "FREQ=WEEKLY;UNTIL=20261110", "2026-11-10", NULL },
    { "2026-12-01T10:00", NULL, "2026-11-26", "2026-12-01" },
    { "2026-11-01", NULL, "2026-11-26", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = lx_overview_next_occurrence (cases[i].start, cases[i].rule, cases[i].from);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ticks", test_ticks);
  g_test_add_func ("/charts/bar-height", test_bar_height);
  g_test_add_func ("/charts/stacked-dark", test_stacked_and_dark);
  g_test_add_func ("/charts/donut", test_donut);
  g_test_add_func ("/charts/calendar", test_calendar);
  g_test_add_func ("/charts/progress", test_progress);
  g_test_add_func ("/charts/hbars-rings", test_hbars_and_rings);
  g_test_add_func ("/charts/save", test_save);
  g_test_add_func ("/overview/next-occurrence", test_next_occurrence);
  return g_test_run ();
}
