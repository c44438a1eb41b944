/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lx-map.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* The menu of a site's ground on the map: set or remove its site plan.
 * @parent is the canvas; x, y are its coordinates. The map reloads
 * through the store's changed signal. */
void lx_map_plan_menu_popup (GtkWidget *parent,
                             LxStore   *store,
                             LxMap     *map,
                             gint64     site_id,
                             double     x,
                             double     y);

G_END_DECLS
