/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* The organization tree (党委 → 党总支 → 党支部 → 党小组) beyond adding and
 * listing (lx-repo.h): checked adds, renames, moves and deletes, each one
 * transaction with a change-log line. Errors are LX_REPO_ERROR. */

gboolean        lx_org_kind_may_contain  (const char      *parent_kind,
                                          const char      *child_kind);
const char     *lx_org_default_child_kind (const char     *parent_kind);

GPtrArray      *lx_org_repo_list_tree    (LxStore         *store,
                                          GError         **error);
LxOrganization *lx_org_repo_get          (LxStore         *store,
                                          gint64           id,
                                          GError         **error);
gint64          lx_org_repo_add          (LxStore         *store,
                                          gint64           parent_id,
                                          const char      *name,
                                          const char      *kind,
                                          GError         **error);
gboolean        lx_org_repo_rename       (LxStore         *store,
                                          gint64           id,
                                          const char      *name,
                                          GError         **error);
gboolean        lx_org_repo_move         (LxStore         *store,
                                          gint64           id,
                                          gint64           new_parent_id,
                                          GError         **error);
gboolean        lx_org_repo_delete       (LxStore         *store,
                                          gint64           id,
                                          int             *out_position,
                                          GError         **error);
gboolean        lx_org_repo_restore      (LxStore         *store,
                                          LxOrganization  *org,
                                          int              position,
                                          GError         **error);

G_END_DECLS
