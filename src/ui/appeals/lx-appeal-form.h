/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The fields of the appeal windows: entry and combo rows, each with a
 * message row right under it for the error about that field. */
typedef struct _LxAppealForm LxAppealForm;

typedef const char *(*LxLabelFunc) (const char *code);

LxAppealForm *lx_appeal_form_new          (void);
void          lx_appeal_form_free         (LxAppealForm        *form);
AdwEntryRow  *lx_appeal_form_add_entry    (LxAppealForm        *form,
                                           AdwPreferencesGroup *group,
                                           const char          *field,
                                           const char          *title,
                                           const char          *text);
AdwComboRow  *lx_appeal_form_add_combo    (LxAppealForm        *form,
                                           AdwPreferencesGroup *group,
                                           const char          *field,
                                           const char          *title,
                                           const char * const  *codes,
                                           LxLabelFunc          label,
                                           const char          *none_label,
                                           const char          *selected);
void          lx_appeal_form_add_general  (LxAppealForm        *form,
                                           AdwPreferencesGroup *group);
GtkWidget    *lx_appeal_form_get_row      (LxAppealForm        *form,
                                           const char          *field);
char         *lx_appeal_form_get_text     (LxAppealForm        *form,
                                           const char          *field);
const char   *lx_appeal_form_get_code     (LxAppealForm        *form,
                                           const char          *field);
void          lx_appeal_form_clear_errors (LxAppealForm        *form);
void          lx_appeal_form_show_error   (LxAppealForm        *form,
                                           const char          *field,
                                           const char          *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxAppealForm, lx_appeal_form_free)

G_END_DECLS
