/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* Members (党员) beyond adding and listing (lx-repo.h): search, edit, soft
 * delete with undo. Errors are LX_REPO_ERROR; an invalid field names itself
 * in @out_field ("name", "phone", "id_number"). */

gboolean   lx_member_validate           (LxMember     *member,
                                         const char  **out_field,
                                         GError      **error);
GPtrArray *lx_repo_search_members       (LxStore      *store,
                                         gint64        org_id,
                                         const char   *search,
                                         GError      **error);
LxMember  *lx_repo_get_member           (LxStore      *store,
                                         gint64        id,
                                         GError      **error);
gint64     lx_repo_save_member          (LxStore      *store,
                                         LxMember     *member,
                                         const char  **out_field,
                                         GError      **error);
gboolean   lx_repo_delete_member        (LxStore      *store,
                                         gint64        id,
                                         GError      **error);
gboolean   lx_repo_restore_member       (LxStore      *store,
                                         gint64        id,
                                         GError      **error);
const char *lx_member_status_label      (const char   *status);

G_END_DECLS
