/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "lx-map-data.h"

G_BEGIN_DECLS

/* Drawing of the contact map into any cairo_t, in map units at the
 * cairo_t's current transformation: the screen (zoomed and panned by the
 * view), PNG and PDF files all come from lx_map_draw(). */

typedef enum
{
  LX_MAP_DRAW_DEFAULT   = 0,
  LX_MAP_DRAW_NO_LABELS = 1 << 0,   /* no room numbers (also when too small to read) */
} LxMapDrawFlags;

typedef enum
{
  LX_MAP_PAPER_A4,
  LX_MAP_PAPER_A3,
} LxMapPaper;

typedef enum
{
  LX_MAP_FORMAT_AUTO,   /* from the file name */
  LX_MAP_FORMAT_PNG,
  LX_MAP_FORMAT_PDF,
} LxMapFormat;

/* Okabe–Ito: told apart with the common colour blindnesses. */
LxMapColour  lx_map_status_colour   (LxVisitStatus    status);
const char  *lx_map_status_label    (LxVisitStatus    status);

void         lx_map_draw            (LxMap           *map,
                                     cairo_t         *cr,
                                     LxMapDrawFlags   flags);
/* One cell as on the map: also the legend's swatches. */
void         lx_map_draw_cell       (cairo_t         *cr,
                                     const LxMapRect *rect,
                                     LxVisitStatus    status,
                                     gboolean         needy,
                                     gboolean         paired,
                                     gboolean         dimmed);
/* The legend in one row (wrapping at @max_width); returns its height. */
double       lx_map_draw_legend     (cairo_t         *cr,
                                     double           x,
                                     double           y,
                                     double           max_width);
double       lx_map_legend_height   (cairo_t         *cr,
                                     double           max_width);
/* A whole page: title, coverage, legend and the map fitted below. */
void         lx_map_draw_page       (LxMap           *map,
                                     cairo_t         *cr,
                                     double           width,
                                     double           height);

/* lx-map-cache.c: the map drawn once per zoom level into an image a
 * little larger than the window; panning within it is a blit. */
typedef struct _LxMapCache LxMapCache;

LxMapCache  *lx_map_cache_new       (void);
void         lx_map_cache_free      (LxMapCache      *cache);
void         lx_map_cache_invalidate (LxMapCache     *cache);
/* Paints the part of @map seen through a @width × @height window whose
 * top-left corner is (@scroll_x, @scroll_y) device pixels of the map drawn
 * at @zoom (× @scale for HiDPI). Returns TRUE when it had to redraw. */
gboolean     lx_map_cache_paint     (LxMapCache      *cache,
                                     LxMap           *map,
                                     cairo_t         *cr,
                                     double           zoom,
                                     int              scale,
                                     double           scroll_x,
                                     double           scroll_y,
                                     int              width,
                                     int              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxMapCache, lx_map_cache_free)

/* lx-map-export.c */
LxMapFormat  lx_map_format_for_path (const char      *path);
gboolean     lx_map_export          (LxMap           *map,
                                     const char      *path,
                                     LxMapFormat      format,
                                     LxMapPaper       paper,
                                     GError         **error);
void         lx_map_paper_size      (LxMapPaper       paper,
                                     double          *width,
                                     double          *height);

G_END_DECLS
