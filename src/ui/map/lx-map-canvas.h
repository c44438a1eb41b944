/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lx-map.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* The drawing area of the contact map: lx_map_draw() cached per zoom level,
 * panned by blitting the cache; hover, a keyboard cell cursor, a tooltip,
 * dragging a building by its name. */

#define LX_TYPE_MAP_CANVAS (lx_map_canvas_get_type ())
G_DECLARE_FINAL_TYPE (LxMapCanvas, lx_map_canvas, LX, MAP_CANVAS, GtkWidget)

GtkWidget *lx_map_canvas_new          (void);
void       lx_map_canvas_set_store    (LxMapCanvas *self,
                                       LxStore     *store);
void       lx_map_canvas_set_map      (LxMapCanvas *self,
                                       LxMap       *map);
LxMap     *lx_map_canvas_get_map      (LxMapCanvas *self);
double     lx_map_canvas_get_zoom     (LxMapCanvas *self);
void       lx_map_canvas_zoom_step    (LxMapCanvas *self,
                                       int          steps);
void       lx_map_canvas_zoom_fit     (LxMapCanvas *self);
/* Puts the cell cursor on a household and scrolls it into view. */
void       lx_map_canvas_select       (LxMapCanvas *self,
                                       gint64       household_id);
gint64     lx_map_canvas_get_selected (LxMapCanvas *self);
/* Drops the cached drawing (after the map's filters changed). */
void       lx_map_canvas_redraw       (LxMapCanvas *self);

G_END_DECLS
