/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* Members (党员) beyond adding and listing (lx-repo.h): search, edit, soft
 * delete with undo, moves between branches and transfers out. Errors are
 * LX_REPO_ERROR; an invalid field names itself in @out_field ("name",
 * "org_id", "gender", "role", "birth_date", "join_date", "phone",
 * "id_number"; for a transfer "date" or "destination"). */

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

/* The end reason written on the pairings of a member who transfers out. */
#define LX_PAIRING_END_TRANSFERRED_OUT "transferred_out"

/* What lx_member_repo_transfer_out() changed, so that it can be undone. */
typedef struct
{
  gint64  member_id;
  char   *old_status;
  GArray *ended_pairings;   /* gint64 pairing ids */
} LxMemberTransfer;

void        lx_member_transfer_free     (LxMemberTransfer *transfer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxMemberTransfer, lx_member_transfer_free)

gint64      lx_member_repo_save         (LxStore      *store,
                                         LxMember     *member,
                                         GArray       *contact_points,
                                         const char  **out_field,
                                         GError      **error);
GArray     *lx_member_repo_get_contact_points
                                        (LxStore      *store,
                                         gint64        member_id,
                                         GError      **error);
gboolean    lx_member_repo_list_contact_points
                                        (LxStore      *store,
                                         GArray      **out_ids,
                                         char       ***out_names,
                                         GError      **error);
gboolean    lx_member_repo_move         (LxStore      *store,
                                         gint64        member_id,
                                         gint64        org_id,
                                         gint64       *out_old_org_id,
                                         GError      **error);
LxMemberTransfer *
            lx_member_repo_transfer_out (LxStore      *store,
                                         gint64        member_id,
                                         const char   *date,
                                         const char   *destination,
                                         const char  **out_field,
                                         GError      **error);
gboolean    lx_member_repo_undo_transfer (LxStore                *store,
                                          const LxMemberTransfer *transfer,
                                          GError                **error);

G_END_DECLS
