/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-appeal.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_APPEAL_STEP_DIALOG (lx_appeal_step_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealStepDialog, lx_appeal_step_dialog, LX, APPEAL_STEP_DIALOG, AdwWindow)

/* One step of an appeal that needs details: @kind is "assign", "answer"
 * (the superior's answer) or the status reached: "resolved", "responded",
 * "escalated", "closed". Emits "done" after the step is saved, and closes. */
LxAppealStepDialog *lx_appeal_step_dialog_new (LxStore    *store,
                                               LxAppeal   *appeal,
                                               const char *kind);

G_END_DECLS
