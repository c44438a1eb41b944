/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-resident.h"

G_BEGIN_DECLS

#define LX_TYPE_RESIDENTS_GROUP (lx_residents_group_get_type ())
G_DECLARE_FINAL_TYPE (LxResidentsGroup, lx_residents_group, LX, RESIDENTS_GROUP, AdwPreferencesGroup)

LxResidentsGroup *lx_residents_group_new           (void);
void              lx_residents_group_set_residents (LxResidentsGroup *self,
                                                    GPtrArray        *residents);
GPtrArray        *lx_residents_group_collect       (LxResidentsGroup *self);
void              lx_residents_group_clear_errors  (LxResidentsGroup *self);
void              lx_residents_group_show_error    (LxResidentsGroup *self,
                                                    guint             index,
                                                    const char       *field,
                                                    const char       *message);

G_END_DECLS
