/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_PREFERENCES_WINDOW (lx_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LxPreferencesWindow, lx_preferences_window, LX, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LxPreferencesWindow *lx_preferences_window_new (LxStore *store);

G_END_DECLS
