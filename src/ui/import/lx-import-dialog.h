/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_IMPORT_DIALOG (lx_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LxImportDialog, lx_import_dialog, LX, IMPORT_DIALOG, AdwWindow)

LxImportDialog *lx_import_dialog_new      (GtkWindow      *parent,
                                           LxStore        *store,
                                           GFile          *file);
void            lx_import_dialog_set_file (LxImportDialog *self,
                                           GFile          *file);

G_END_DECLS
