/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_HOUSEHOLDS_VIEW (lx_households_view_get_type ())
G_DECLARE_FINAL_TYPE (LxHouseholdsView, lx_households_view, LX, HOUSEHOLDS_VIEW, GtkWidget)

LxHouseholdsView *lx_households_view_new         (LxStore          *store);
void              lx_households_view_set_search  (LxHouseholdsView *self,
                                                  const char       *search);
void              lx_households_view_set_year    (LxHouseholdsView *self,
                                                  int               year);
void              lx_households_view_add         (LxHouseholdsView *self);
void              lx_households_view_show_status (LxHouseholdsView *self,
                                                  LxVisitStatus     status);
void              lx_households_view_show_household (LxHouseholdsView *self,
                                                     gint64            id);

G_END_DECLS
