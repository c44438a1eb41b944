/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_MAP_VIEW (lx_map_view_get_type ())
G_DECLARE_FINAL_TYPE (LxMapView, lx_map_view, LX, MAP_VIEW, GtkWidget)

LxMapView *lx_map_view_new       (LxStore   *store);
void       lx_map_view_set_year  (LxMapView *self,
                                  int        year);

G_END_DECLS
