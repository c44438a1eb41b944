/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-window.h"

G_BEGIN_DECLS

#define LX_TYPE_BACKUP_DIALOG (lx_backup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LxBackupDialog, lx_backup_dialog, LX, BACKUP_DIALOG, AdwWindow)

LxBackupDialog *lx_backup_dialog_new        (LxWindow *window);
void            lx_backup_start_daily       (LxWindow *window);

G_END_DECLS
