/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

/* 概览: the year's indicators, charts and what needs attention. */

#define LX_TYPE_OVERVIEW_VIEW (lx_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (LxOverviewView, lx_overview_view, LX, OVERVIEW_VIEW, GtkWidget)

LxOverviewView *lx_overview_view_new       (LxStore        *store);
void            lx_overview_view_set_year  (LxOverviewView *self,
                                            int             year);
int             lx_overview_view_get_year  (LxOverviewView *self);

G_END_DECLS
