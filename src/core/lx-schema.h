/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int   lx_schema_latest_version (void);
char *lx_schema_load_step      (int       version,
                                GError  **error);

G_END_DECLS
