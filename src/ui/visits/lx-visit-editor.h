/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_VISIT_EDITOR (lx_visit_editor_get_type ())
G_DECLARE_FINAL_TYPE (LxVisitEditor, lx_visit_editor, LX, VISIT_EDITOR, AdwWindow)

/* "Log a Visit": @household_id preselects a household (0: none); the
 * "saved" signal carries the new visit's id. */
LxVisitEditor *lx_visit_editor_new     (LxStore    *store,
                                        gint64      household_id);
/* Opens the editor over @parent's window, and shows a toast there when saved. */
void           lx_visit_editor_present (GtkWidget  *parent,
                                        LxStore    *store,
                                        gint64      household_id);

G_END_DECLS
