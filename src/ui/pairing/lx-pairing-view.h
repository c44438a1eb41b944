/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_PAIRING_VIEW (lx_pairing_view_get_type ())
G_DECLARE_FINAL_TYPE (LxPairingView, lx_pairing_view, LX, PAIRING_VIEW, GtkWidget)

/* 结对: the pairing board (issue 7). One column per member, grouped by
 * branch, with the households paired with them as cards, and a first
 * column of needy households nobody is paired with. Cards are dragged
 * between columns or activated to choose a member; each change has an
 * Undo toast. Follows the window's "search" and "year". */
LxPairingView *lx_pairing_view_new         (LxStore       *store);
void           lx_pairing_view_set_search  (LxPairingView *self,
                                            const char    *search);
void           lx_pairing_view_set_year    (LxPairingView *self,
                                            int            year);

G_END_DECLS
