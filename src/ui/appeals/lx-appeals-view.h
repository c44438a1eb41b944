/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_APPEALS_VIEW (lx_appeals_view_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealsView, lx_appeals_view, LX, APPEALS_VIEW, GtkWidget)

/* 诉求: the ledger and the board by status, with a detail pane. */
LxAppealsView *lx_appeals_view_new  (LxStore       *store);
void           lx_appeals_view_add  (LxAppealsView *self);

G_END_DECLS
