/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-application.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_WINDOW (lx_window_get_type ())
G_DECLARE_FINAL_TYPE (LxWindow, lx_window, LX, WINDOW, AdwApplicationWindow)

LxWindow *lx_window_new          (LxApplication *app,
                                  const char    *database_path);
LxStore  *lx_window_get_store    (LxWindow      *self);
void      lx_window_show_toast   (LxWindow      *self,
                                  AdwToast      *toast);
int       lx_window_get_year     (LxWindow      *self);
GtkWidget *lx_window_show_view   (LxWindow      *self,
                                  const char    *name);

G_END_DECLS
