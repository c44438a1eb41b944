/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_EXPORT_DIALOG (lx_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LxExportDialog, lx_export_dialog, LX, EXPORT_DIALOG, AdwWindow)

LxExportDialog *lx_export_dialog_new (GtkWindow *parent,
                                      LxStore   *store,
                                      int        year);

G_END_DECLS
