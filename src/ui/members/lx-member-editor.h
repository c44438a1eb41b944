/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_TYPE_MEMBER_EDITOR (lx_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (LxMemberEditor, lx_member_editor, LX, MEMBER_EDITOR, AdwWindow)

LxMemberEditor *lx_member_editor_new        (LxStore   *store,
                                             LxMember  *member,
                                             gint64     default_org_id);
GtkStringList  *lx_member_editor_org_labels (GPtrArray *orgs);

G_END_DECLS
