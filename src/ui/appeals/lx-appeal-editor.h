/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_APPEAL_EDITOR (lx_appeal_editor_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealEditor, lx_appeal_editor, LX, APPEAL_EDITOR, AdwWindow)

/* The intake window. It emits "saved" (gint64 appeal id) and closes. */
LxAppealEditor *lx_appeal_editor_new                (LxStore *store);
/* For the visits feature and the household detail: the household chosen and
 * the appeal linked to @visit_id (0: none); the channel follows the visit. */
GtkWindow      *lx_appeal_editor_new_for_household  (LxStore *store,
                                                     gint64   household_id,
                                                     gint64   visit_id);

G_END_DECLS
