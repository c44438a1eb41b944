/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-map"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "lx-chart.h"
#include "lx-map.h"

#define LABEL_SIZE     8.0
#define NAME_SIZE     10.0
#define SITE_SIZE     13.0
#define LEGEND_SIZE   10.0
#define HATCH_STEP     6.0
/* Room numbers are left out when they would be under this many pixels:
 * unreadable, and most of the time of a full redraw. */
#define MIN_LABEL_PX   5.5

LxMapColour
lx_map_status_colour (LxVisitStatus status)
{
  switch (status)
    {
    case LX_VISIT_STATUS_VISITED:
      return (LxMapColour) { 0x00 / 255.0, 0x9e / 255.0, 0x73 / 255.0 };   /* bluish green */
    case LX_VISIT_STATUS_DUE_SOON:
      return (LxMapColour) { 0xe6 / 255.0, 0x9f / 255.0, 0x00 / 255.0 };   /* orange */
    case LX_VISIT_STATUS_OVERDUE:
      return (LxMapColour) { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };   /* vermilion */
    case LX_VISIT_STATUS_NEVER:
    case LX_VISIT_STATUS_ANY:
    default:
      return (LxMapColour) { 1.0, 1.0, 1.0 };                              /* empty, outlined, × */
    }
}

const char *
lx_map_status_label (LxVisitStatus status)
{
  switch (status)
    {
    case LX_VISIT_STATUS_VISITED:
      return _("Visited within its rule");
    case LX_VISIT_STATUS_DUE_SOON:
      return _("Due within 30 days");
    case LX_VISIT_STATUS_OVERDUE:
      return _("Overdue");
    case LX_VISIT_STATUS_NEVER:
    case LX_VISIT_STATUS_ANY:
    default:
      return _("Never visited");
    }
}

static void
set_colour (cairo_t     *cr,
            LxMapColour  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

static PangoLayout *
new_layout (cairo_t  *cr,
            double    size,
            gboolean  bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (LX_CHART_FONT);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinting follows the device's pixels, and the layout is made once and
   * drawn at many zooms: without it, text jumps between zoom levels. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_context_changed (layout);
  return layout;
}

/* Draws @text with its box's @xalign/@yalign point at (@x, @y). */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           double       yalign)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - xalign * w / PANGO_SCALE, y - yalign * h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  return (double)w / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int w;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  return (double)w / PANGO_SCALE;
}

/* Cells ---------------------------------------------------------------------- */

/* Hatching is laid from the cell's own corner, so every cell looks the same
 * and its centre falls between two strokes. */
static void
hatch (cairo_t         *cr,
       const LxMapRect *r)
{
  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  for (double d = 0; d < r->width + r->height; d += HATCH_STEP)
    {
      cairo_move_to (cr, r->x + d, r->y);
      cairo_line_to (cr, r->x + d - r->height, r->y + r->height);
    }
  cairo_set_source_rgba (cr, 1, 1, 1, 0.5);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
never_marks (cairo_t         *cr,
             const LxMapRect *r)
{
  double s = MIN (5.0, r->height / 3);

  cairo_set_source_rgb (cr, 0.36, 0.36, 0.36);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1);
  cairo_move_to (cr, r->x + 2.5, r->y + 2.5);
  cairo_rel_line_to (cr, s, s);
  cairo_move_to (cr, r->x + 2.5 + s, r->y + 2.5);
  cairo_rel_line_to (cr, -s, s);
  cairo_stroke (cr);
}

void
lx_map_draw_cell (cairo_t         *cr,
                  const LxMapRect *rect,
                  LxVisitStatus    status,
                  gboolean         needy,
                  gboolean         paired,
                  gboolean         dimmed)
{
  /* A one-unit gap between neighbours keeps the grid readable. */
  LxMapRect r = { rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1 };

  set_colour (cr, lx_map_status_colour (status));
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  cairo_fill (cr);
  if (status == LX_VISIT_STATUS_OVERDUE)
    hatch (cr, &r);
  else if (status == LX_VISIT_STATUS_NEVER || status == LX_VISIT_STATUS_ANY)
    never_marks (cr, &r);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (needy)   /* a triangle in the top-right corner */
    {
      cairo_move_to (cr, r.x + r.width - 7, r.y);
      cairo_line_to (cr, r.x + r.width, r.y);
      cairo_line_to (cr, r.x + r.width, r.y + 7);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  if (paired)   /* a dot in the bottom-right corner */
    {
      cairo_arc (cr, r.x + r.width - 4, r.y + r.height - 4, 2.2, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (dimmed)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.78);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill (cr);
    }
}

/* Buildings and sites ----------------------------------------------------------- */

typedef struct
{
  PangoLayout *label;
  PangoLayout *name;
  PangoLayout *site;
  gboolean     labels;
} DrawContext;

static void
draw_grid_background (cairo_t             *cr,
                      const LxMapBuilding *b,
                      PangoLayout         *name_layout)
{
  double entrance_w = b->rooms_per_floor * LX_MAP_CELL_W;
  double grid_y = b->rect.y + LX_MAP_BUILDING_HEADER;

  for (int e = 0; e < b->entrances; e++)
    {
      double x = b->rect.x + LX_MAP_BUILDING_PAD + e * (entrance_w + LX_MAP_ENTRANCE_GAP);
      g_autofree char *label = g_strdup_printf (_("Entrance %d"), e + 1);

      /* Vacant rooms show as this pale ground. */
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.92);
      cairo_rectangle (cr, x, grid_y, entrance_w, b->floors * LX_MAP_CELL_H);
      cairo_fill (cr);
      if (name_layout != NULL)
        {
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          show_text (cr, name_layout, label, x + entrance_w / 2,
                     grid_y + b->floors * LX_MAP_CELL_H + 2, 0.5, 0);
        }
    }
}

static void
draw_building (cairo_t             *cr,
               const LxMapBuilding *b,
               DrawContext         *dc)
{
  const LxMapRect *r = &b->rect;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill_preserve (cr);
  /* The zone is the building's coloured frame. */
  if (b->has_zone_colour)
    {
      set_colour (cr, b->zone_colour);
      cairo_set_line_width (cr, 3);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (cr, 1);
    }
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (dc->name != NULL)
    {
      pango_layout_set_width (dc->name, (int)((r->width - 2 * LX_MAP_BUILDING_PAD) * PANGO_SCALE));
      show_text (cr, dc->name, b->name, r->x + LX_MAP_BUILDING_PAD, r->y + 4, 0, 0);
      pango_layout_set_width (dc->name, -1);
    }
  draw_grid_background (cr, b, dc->labels ? dc->label : NULL);

  for (guint i = 0; i < b->cells->len; i++)
    {
      const LxMapCell *c = &g_array_index (b->cells, LxMapCell, i);
      LxMapRect cr_rect;

      lx_map_building_cell_rect (b, c, &cr_rect);
      lx_map_draw_cell (cr, &cr_rect, c->status, c->needy, c->paired_member != NULL, c->dimmed);
      if (dc->labels && c->room != NULL)
        {
          cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, c->dimmed ? 0.35 : 1.0);
          show_text (cr, dc->label, c->room, cr_rect.x + cr_rect.width / 2,
                     cr_rect.y + cr_rect.height / 2, 0.5, 0.5);
        }
    }
}

/* The site plan -------------------------------------------------------------- */

#define PLAN_ALPHA 0.55   /* faded, so that the cells on it stay legible */

/* By hand rather than with gdk_cairo_*: charts do not link GDK. Cairo
 * wants native-endian ARGB32 words with premultiplied alpha. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint8 *dst;
  int dst_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *p = src + (gsize)y * src_stride;
      guint32 *q = (guint32 *)(gpointer)(dst + (gsize)y * dst_stride);

      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = alpha ? p[3] : 255;
          guint r = (p[0] * a + 127) / 255;
          guint g = (p[1] * a + 127) / 255;
          guint b = (p[2] * a + 127) / 255;

          q[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Decoded once per loaded map and kept on the site: not per frame. */
static cairo_surface_t *
site_plan_surface (LxMapSite *site)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (site->plan_surface != NULL || site->plan_failed || site->plan_image == NULL)
    return site->plan_surface;
  stream = g_memory_input_stream_new_from_bytes (site->plan_image);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  if (pixbuf == NULL || (site->plan_surface = surface_from_pixbuf (pixbuf)) == NULL)
    {
      g_warning ("The site plan of %s does not decode: %s", site->name,
                 error != NULL ? error->message : "out of memory");
      site->plan_failed = TRUE;
      return NULL;
    }
  site->plan_surface_free = (GDestroyNotify)cairo_surface_destroy;
  return site->plan_surface;
}

/* Fills the site's area below its name, keeping the plan's aspect ratio. */
static void
draw_site_plan (cairo_t   *cr,
                LxMapSite *site)
{
  cairo_surface_t *plan = site_plan_surface (site);
  const LxMapRect *r = &site->rect;
  double ax, ay, aw, ah, iw, ih, scale;

  if (plan == NULL)
    return;
  ax = r->x + 1;
  ay = r->y + LX_MAP_SITE_HEADER;
  aw = r->width - 2;
  ah = r->height - LX_MAP_SITE_HEADER - 1;
  iw = cairo_image_surface_get_width (plan);
  ih = cairo_image_surface_get_height (plan);
  if (aw <= 0 || ah <= 0 || iw <= 0 || ih <= 0)
    return;
  scale = MIN (aw / iw, ah / ih);
  cairo_save (cr);
  cairo_rectangle (cr, ax, ay, aw, ah);
  cairo_clip (cr);
  cairo_translate (cr, ax + (aw - iw * scale) / 2, ay + (ah - ih * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, plan, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint_with_alpha (cr, PLAN_ALPHA);
  cairo_restore (cr);
}

static void
draw_site (cairo_t         *cr,
           LxMapSite       *site,
           DrawContext     *dc)
{
  const LxMapRect *r = &site->rect;

  cairo_set_source_rgb (cr, 0.965, 0.961, 0.957);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.73);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  draw_site_plan (cr, site);
  if (dc->site != NULL)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, dc->site, site->name, r->x + LX_MAP_SITE_PAD, r->y + 7, 0, 0);
    }
}

static gboolean
overlaps (const LxMapRect *r,
          double           x1,
          double           y1,
          double           x2,
          double           y2)
{
  return r->x < x2 && r->x + r->width > x1 && r->y < y2 && r->y + r->height > y1;
}

/**
 * lx_map_draw:
 *
 * Draws every site and building that meets the clip, in map units. Room
 * numbers are drawn only where they would be readable (or never with
 * %LX_MAP_DRAW_NO_LABELS).
 */
void
lx_map_draw (LxMap          *map,
             cairo_t        *cr,
             LxMapDrawFlags  flags)
{
  DrawContext dc = { 0 };
  double x1, y1, x2, y2, px = 1, py = 0;

  g_return_if_fail (map != NULL && cr != NULL);

  cairo_save (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  cairo_user_to_device_distance (cr, &px, &py);
  dc.labels = !(flags & LX_MAP_DRAW_NO_LABELS) && hypot (px, py) * LABEL_SIZE >= MIN_LABEL_PX;
  dc.label = new_layout (cr, LABEL_SIZE, FALSE);
  dc.name = new_layout (cr, NAME_SIZE, TRUE);
  dc.site = new_layout (cr, SITE_SIZE, TRUE);
  pango_layout_set_ellipsize (dc.name, PANGO_ELLIPSIZE_END);

  for (guint s = 0; s < map->sites->len; s++)
    {
      LxMapSite *site = g_ptr_array_index (map->sites, s);

      if (!overlaps (&site->rect, x1, y1, x2, y2))
        continue;
      draw_site (cr, site, &dc);
      for (guint i = 0; i < site->buildings->len; i++)
        {
          LxMapBuilding *b = g_ptr_array_index (site->buildings, i);
          if (overlaps (&b->rect, x1, y1, x2, y2))
            draw_building (cr, b, &dc);
        }
    }
  g_object_unref (dc.label);
  g_object_unref (dc.name);
  g_object_unref (dc.site);
  cairo_restore (cr);
}

/* The legend ------------------------------------------------------------------ */

typedef struct
{
  LxVisitStatus status;
  gboolean      needy, paired;
  const char   *label;
} LegendItem;

static double
legend (cairo_t  *cr,
        double    x,
        double    y,
        double    max_width,
        gboolean  draw)
{
  const LegendItem items[] = {
    { LX_VISIT_STATUS_VISITED, FALSE, FALSE, lx_map_status_label (LX_VISIT_STATUS_VISITED) },
    { LX_VISIT_STATUS_DUE_SOON, FALSE, FALSE, lx_map_status_label (LX_VISIT_STATUS_DUE_SOON) },
    { LX_VISIT_STATUS_OVERDUE, FALSE, FALSE, lx_map_status_label (LX_VISIT_STATUS_OVERDUE) },
    { LX_VISIT_STATUS_NEVER, FALSE, FALSE, lx_map_status_label (LX_VISIT_STATUS_NEVER) },
    { LX_VISIT_STATUS_ANY, TRUE, FALSE, _("Needy household") },
    { LX_VISIT_STATUS_ANY, FALSE, TRUE, _("Paired with a member") },
  };
  g_autoptr(PangoLayout) layout = new_layout (cr, LEGEND_SIZE, FALSE);
  double cx = x, cy = y, row_h = LX_MAP_CELL_H + 6;

  cairo_save (cr);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double w = LX_MAP_CELL_W + 6 + text_width (layout, items[i].label) + 18;
      LxMapRect swatch;

      if (cx > x && cx + w > x + max_width)
        {
          cx = x;
          cy += row_h;
        }
      swatch = (LxMapRect) { cx, cy, LX_MAP_CELL_W, LX_MAP_CELL_H };
      if (!draw)
        ;
      else if (items[i].status == LX_VISIT_STATUS_ANY)
        {
          /* Markers on a plain visited cell: what they add is the mark. */
          lx_map_draw_cell (cr, &swatch, LX_VISIT_STATUS_VISITED, items[i].needy, items[i].paired, FALSE);
        }
      else
        lx_map_draw_cell (cr, &swatch, items[i].status, FALSE, FALSE, FALSE);
      if (draw)
        {
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          show_text (cr, layout, items[i].label, cx + LX_MAP_CELL_W + 6, cy + LX_MAP_CELL_H / 2, 0, 0.5);
        }
      cx += w;
    }
  cairo_restore (cr);
  return cy + row_h - y;
}

double
lx_map_draw_legend (cairo_t *cr,
                    double   x,
                    double   y,
                    double   max_width)
{
  g_return_val_if_fail (cr != NULL, 0);
  return legend (cr, x, y, max_width, TRUE);
}

double
lx_map_legend_height (cairo_t *cr,
                      double   max_width)
{
  g_return_val_if_fail (cr != NULL, 0);
  return legend (cr, 0, 0, max_width, FALSE);
}

/* A page ---------------------------------------------------------------------- */

void
lx_map_draw_page (LxMap   *map,
                  cairo_t *cr,
                  double   width,
                  double   height)
{
  const double margin = 28;
  g_autoptr(PangoLayout) title = new_layout (cr, 16, TRUE);
  g_autoptr(PangoLayout) small = new_layout (cr, 10, FALSE);
  g_autofree char *heading = g_strdup_printf (_("Contact map %d, as of %s"), map->year, map->as_of);
  g_autofree char *cover = NULL;
  double top = margin, avail_w = width - 2 * margin, avail_h, scale;
  int percent = map->coverage.households > 0
                  ? (int)floor (100.0 * map->coverage.visited / map->coverage.households + 0.5) : 0;

  cover = g_strdup_printf (_("%d of %d households visited this year (%d%%); needy: %d of %d"),
                           map->coverage.visited, map->coverage.households, percent,
                           map->coverage.needy_visited, map->coverage.needy);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, title, heading, margin, top, 0, 0);
  top += 26;
  show_text (cr, small, cover, margin, top, 0, 0);
  top += 20;
  top += lx_map_draw_legend (cr, margin, top, avail_w) + 8;
  avail_h = height - top - margin;

  if (map->bounds.width > 0 && map->bounds.height > 0 && avail_h > 0)
    {
      scale = MIN (avail_w / map->bounds.width, avail_h / map->bounds.height);
      cairo_rectangle (cr, margin, top, avail_w, avail_h);
      cairo_clip (cr);
      cairo_translate (cr, margin, top);
      cairo_scale (cr, scale, scale);
      lx_map_draw (map, cr, LX_MAP_DRAW_DEFAULT);
    }
  else
    show_text (cr, small, _("No buildings on the map"), margin, top, 0, 0);
  cairo_restore (cr);
}
