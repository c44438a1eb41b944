/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LX_TYPE_APPEAL_BOARD (lx_appeal_board_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealBoard, lx_appeal_board, LX, APPEAL_BOARD, GtkWidget)

/* Appeals in one column per status, as cards. A card is dragged to another
 * column, or moved with its "Move to…" menu; either emits "move" (id,
 * status), and the view decides. Activating a card emits "selected" (id). */
GtkWidget *lx_appeal_board_new        (GListModel    *appeals);
void       lx_appeal_board_set_today  (LxAppealBoard *self,
                                       const char    *today);
void       lx_appeal_board_select     (LxAppealBoard *self,
                                       gint64         id);

G_END_DECLS
