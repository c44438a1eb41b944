/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "lx-appeal-repo.h"
#include "lx-id-list.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_APPEAL_LIST (lx_appeal_list_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealList, lx_appeal_list, LX, APPEAL_LIST, LxIdList)

LxAppealList *lx_appeal_list_new         (LxStore                 *store);
void             lx_appeal_list_set_filter  (LxAppealList         *self,
                                                const LxAppealFilter *filter);
const LxAppealFilter *
                 lx_appeal_list_get_filter  (LxAppealList         *self);
gboolean         lx_appeal_list_reload      (LxAppealList         *self,
                                                GError                 **error);
guint            lx_appeal_list_find        (LxAppealList         *self,
                                                gint64                   id);
gint64           lx_appeal_list_get_id      (LxAppealList         *self,
                                                guint                    position);

G_END_DECLS
