/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LX_TYPE_SERVICE_EDITOR (lx_service_editor_get_type ())
G_DECLARE_FINAL_TYPE (LxServiceEditor, lx_service_editor, LX, SERVICE_EDITOR, AdwWindow)

/* Called on Save: reads the fields, writes, and on refusal sets @error and
 * names the field (as the repository does) in @out_field. */
typedef gboolean (*LxServiceEditorSave) (LxServiceEditor  *editor,
                                         gpointer          user_data,
                                         const char      **out_field,
                                         GError          **error);

LxServiceEditor *lx_service_editor_new        (GtkWidget           *parent,
                                               const char          *title,
                                               LxServiceEditorSave  save,
                                               gpointer             user_data,
                                               GDestroyNotify       destroy);
void             lx_service_editor_add_entry  (LxServiceEditor     *self,
                                               const char          *field,
                                               const char          *title,
                                               const char          *text);
void             lx_service_editor_add_choice (LxServiceEditor     *self,
                                               const char          *field,
                                               const char          *title,
                                               GStrv                labels,
                                               guint                selected);
char            *lx_service_editor_get_text   (LxServiceEditor     *self,
                                               const char          *field);
guint            lx_service_editor_get_choice (LxServiceEditor     *self,
                                               const char          *field);

G_END_DECLS
