/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "lx-pairing.h"

G_BEGIN_DECLS

/* The pieces of the pairing board (lx-pairing-view.c puts them together):
 * one column item per member, the card of a household, the heading of a
 * member's column and the "Pair with…" popover. */

#define LX_TYPE_PAIRING_COLUMN (lx_pairing_column_get_type ())
G_DECLARE_FINAL_TYPE (LxPairingColumn, lx_pairing_column, LX, PAIRING_COLUMN, GObject)

struct _LxPairingColumn
{
  GObject         parent_instance;
  LxPairingQuota *quota;   /* owned */
  GPtrArray      *cards;   /* LxPairingCard, owned */
};

LxPairingColumn *lx_pairing_column_new      (LxPairingQuota *quota);

/* A focusable button; "household-id" and "member-id" (gint64 as pointer)
 * and "head-name" are set on it as object data. @unpaired: a card of the
 * "Needy, not paired" column, which has no visit rule to show. */
GtkWidget       *lx_pairing_card_new        (LxPairingCard  *card,
                                             gboolean        unpaired);
gint64           lx_pairing_card_get_id     (GtkWidget      *card);

/* Name, role and branch, and "Paired n / quota q" with met or short. */
GtkWidget       *lx_pairing_heading_new     (LxPairingQuota *quota);

typedef void (*LxPairingChosen) (gpointer user_data,
                                 gint64   household_id,
                                 gint64   member_id);   /* 0: unpair */

/* The "Pair with…" popover, made once per view and parented to it: a
 * search by name or pinyin over the members, one button per member, and
 * "Unpair" for a paired household. Choosing calls @chosen. */
GtkWidget       *lx_pairing_popover_new     (LxPairingChosen chosen,
                                             gpointer        user_data);
/* Points the popover at @card and lists @members (LxPairingQuota; those
 * who left are skipped). */
void             lx_pairing_popover_show    (GtkWidget      *popover,
                                             GtkWidget      *card,
                                             GPtrArray      *members);

G_END_DECLS
