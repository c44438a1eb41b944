/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-repo.h"
#include "lx-id-list.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_HOUSEHOLD_LIST (lx_household_list_get_type ())
G_DECLARE_FINAL_TYPE (LxHouseholdList, lx_household_list, LX, HOUSEHOLD_LIST, LxIdList)

LxHouseholdList *lx_household_list_new         (LxStore                 *store);
void             lx_household_list_set_filter  (LxHouseholdList         *self,
                                                const LxHouseholdFilter *filter);
const LxHouseholdFilter *
                 lx_household_list_get_filter  (LxHouseholdList         *self);
gboolean         lx_household_list_reload      (LxHouseholdList         *self,
                                                GError                 **error);
guint            lx_household_list_find        (LxHouseholdList         *self,
                                                gint64                   id);
gint64           lx_household_list_get_id      (LxHouseholdList         *self,
                                                guint                    position);

G_END_DECLS
