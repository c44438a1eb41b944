/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LX_TYPE_APPLICATION (lx_application_get_type ())
G_DECLARE_FINAL_TYPE (LxApplication, lx_application, LX, APPLICATION, AdwApplication)

LxApplication *lx_application_new                (void);
const char    *lx_application_get_database_path  (LxApplication *self);

G_END_DECLS
