/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_SERVICE_VIEW (lx_service_view_get_type ())
G_DECLARE_FINAL_TYPE (LxServiceView, lx_service_view, LX, SERVICE_VIEW, GtkWidget)

LxServiceView *lx_service_view_new (LxStore *store);

G_END_DECLS
