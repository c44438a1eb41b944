/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_MEMBERS_VIEW (lx_members_view_get_type ())
G_DECLARE_FINAL_TYPE (LxMembersView, lx_members_view, LX, MEMBERS_VIEW, GtkWidget)

LxMembersView *lx_members_view_new        (LxStore       *store);
void           lx_members_view_set_search (LxMembersView *self,
                                           const char    *search);
void           lx_members_view_add        (LxMembersView *self);

G_END_DECLS
