/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_HOUSEHOLD_EDITOR (lx_household_editor_get_type ())
G_DECLARE_FINAL_TYPE (LxHouseholdEditor, lx_household_editor, LX, HOUSEHOLD_EDITOR, AdwWindow)

LxHouseholdEditor *lx_household_editor_new (LxStore     *store,
                                            LxHousehold *household);

G_END_DECLS
