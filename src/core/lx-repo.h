/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-records.h"
#include "lx-store.h"

G_BEGIN_DECLS

#define LX_REPO_ERROR (lx_repo_error_quark ())

typedef enum
{
  LX_REPO_ERROR_INVALID,     /* a field breaks a rule; the message names it */
  LX_REPO_ERROR_DUPLICATE,   /* the same record exists already */
  LX_REPO_ERROR_NOT_FOUND,
  LX_REPO_ERROR_IN_USE,      /* others still refer to it */
} LxRepoError;

GQuark      lx_repo_error_quark            (void);

/* Organizations: a tree (党委 → 党总支/党支部 → 党小组). */
gint64      lx_repo_add_organization       (LxStore     *store,
                                            gint64       parent_id,
                                            const char  *name,
                                            const char  *kind,
                                            GError     **error);
GPtrArray  *lx_repo_list_organizations     (LxStore     *store,
                                            GError     **error);
const char *lx_organization_kind_label     (const char  *kind);

/* Members */
gint64      lx_repo_add_member             (LxStore     *store,
                                            LxMember    *member,
                                            GError     **error);
GPtrArray  *lx_repo_list_members           (LxStore     *store,
                                            gint64       org_id,
                                            GError     **error);
const char *lx_member_role_label           (const char  *role);

/* Zones (网格) */
gint64      lx_repo_add_zone               (LxStore     *store,
                                            const char  *name,
                                            const char  *colour,
                                            GError     **error);
GPtrArray  *lx_repo_list_zones             (LxStore     *store,
                                            GError     **error);
gboolean    lx_repo_assign_zone            (LxStore     *store,
                                            gint64       member_id,
                                            gint64       zone_id,
                                            GError     **error);

/* Sites (小区) and buildings (楼栋) */
gint64      lx_repo_add_site               (LxStore     *store,
                                            const char  *name,
                                            const char  *address,
                                            GError     **error);
gint64      lx_repo_add_building           (LxStore     *store,
                                            LxBuilding  *building,
                                            GError     **error);
GPtrArray  *lx_repo_list_buildings         (LxStore     *store,
                                            gint64       site_id,
                                            GError     **error);

/* Need tags (困难类别) */
GPtrArray  *lx_repo_list_need_tags         (LxStore     *store,
                                            GError     **error);
const char *lx_need_tag_label              (const char  *code);
char       *lx_need_tags_join_labels       (const char * const *codes);

/* Visit rules and pairing quotas (Preferences) */
int         lx_repo_get_visit_rule         (LxStore     *store,
                                            const char  *code);
gboolean    lx_repo_set_visit_rule         (LxStore     *store,
                                            const char  *code,
                                            int          days,
                                            GError     **error);
gboolean    lx_repo_set_need_tag_interval  (LxStore     *store,
                                            const char  *tag,
                                            int          days,
                                            GError     **error);
int         lx_repo_get_quota              (LxStore     *store,
                                            const char  *role);
gboolean    lx_repo_set_quota              (LxStore     *store,
                                            const char  *role,
                                            int          households,
                                            GError     **error);

/* Households (群众户) */
typedef struct
{
  char          *search;     /* name, full pinyin, initials, address or phone */
  gint64         zone_id;    /* 0: any */
  char          *need_tag;   /* NULL: any; "*": any need tag at all */
  LxVisitStatus  status;
} LxHouseholdFilter;

void         lx_household_filter_clear     (LxHouseholdFilter *filter);

gboolean     lx_household_validate         (LxHousehold  *household,
                                            const char   *today,
                                            const char  **out_field,
                                            GError      **error);
gint64       lx_repo_save_household        (LxStore      *store,
                                            LxHousehold  *household,
                                            GError      **error);
LxHousehold *lx_repo_get_household         (LxStore      *store,
                                            gint64        id,
                                            GError      **error);
gboolean     lx_repo_delete_household      (LxStore      *store,
                                            gint64        id,
                                            GError      **error);
gboolean     lx_repo_restore_household     (LxStore      *store,
                                            gint64        id,
                                            GError      **error);
GArray      *lx_repo_query_household_ids   (LxStore                 *store,
                                            const LxHouseholdFilter *filter,
                                            const char              *today,
                                            GError                 **error);
gint64       lx_repo_count_households      (LxStore      *store,
                                            GError      **error);

G_END_DECLS
