/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-repo.h"

G_BEGIN_DECLS

/* Service work beyond member↔household pairing: org↔org twinning (双结对 /
 * 联建共建), yearly pledges (承诺践诺), responsibility zones (责任区), posts
 * (先锋岗 / 示范岗) and service teams (服务队) with their volunteer activities.
 *
 * Records are plain structs: these lists hold tens of rows. Every save and
 * delete is one transaction with a change_log line; a delete hands back the
 * whole record (with its children) so that the matching restore function can
 * put it back under the same id. Validation errors are LX_REPO_ERROR_INVALID
 * (or _DUPLICATE) and name the field in the message and in @out_field. */

typedef struct
{
  gint64  id;
  gint64  twinning_id;
  char   *happened_on;
  char   *title;
  char   *notes;
} LxTwinningActivity;

typedef struct
{
  gint64     id;
  gint64     org_id;
  char      *org_name;       /* filled by list/get */
  char      *partner;
  char      *kind;           /* "double_pairing" or "joint_building" */
  char      *start_on;
  char      *end_on;         /* NULL: open-ended */
  char      *agreement;
  GPtrArray *activities;     /* LxTwinningActivity, newest first */
} LxTwinning;

typedef struct
{
  gint64  id;
  gint64  member_id;
  char   *member_name;
  int     year;
  char   *text;
  char   *status;            /* "open", "kept", "partly", "not_kept" */
  char   *assessment;
} LxPledge;

typedef struct
{
  gint64  member_id;
  char   *member_name;
  gint64  zone_id;
  char   *zone_name;
} LxZoneAssignment;

typedef struct
{
  gint64  id;
  char   *kind;              /* "vanguard" or "model" */
  char   *name;
  gint64  member_id;         /* 0: vacant */
  char   *member_name;
  char   *start_on;
  char   *end_on;
} LxPost;

typedef struct
{
  gint64  id;
  gint64  team_id;
  char   *happened_on;
  char   *title;
  double  hours;
  int     households_served;
  GArray *member_ids;        /* gint64 */
} LxVolunteerActivity;

typedef struct
{
  gint64     id;
  gint64     org_id;         /* 0: none */
  char      *name;
  char      *focus;
  GArray    *member_ids;     /* gint64 */
  GPtrArray *member_names;   /* char *, same order */
  GArray    *activity_ids;   /* filled by delete: activities to re-attach */
} LxServiceTeam;

/* Year summaries */
typedef struct
{
  gint64  member_id;
  char   *member_name;
  int     kept;
  int     total;
} LxPledgeSummary;

typedef struct
{
  gint64  team_id;
  char   *team_name;
  int     activities;
  double  hours;
  int     households_served;
} LxTeamSummary;

typedef struct
{
  gint64  twinning_id;
  char   *partner;
  int     activities;
} LxTwinningSummary;

LxTwinning          *lx_twinning_new             (void);
void                 lx_twinning_free            (LxTwinning          *t);
LxTwinningActivity  *lx_twinning_activity_new    (void);
void                 lx_twinning_activity_free   (LxTwinningActivity  *a);
LxPledge            *lx_pledge_new               (void);
void                 lx_pledge_free              (LxPledge            *p);
void                 lx_zone_assignment_free     (LxZoneAssignment    *z);
LxPost              *lx_post_new                 (void);
void                 lx_post_free                (LxPost              *p);
LxServiceTeam       *lx_service_team_new         (void);
void                 lx_service_team_free        (LxServiceTeam       *t);
LxVolunteerActivity *lx_volunteer_activity_new   (void);
void                 lx_volunteer_activity_free  (LxVolunteerActivity *a);
void                 lx_pledge_summary_free      (LxPledgeSummary     *s);
void                 lx_team_summary_free        (LxTeamSummary       *s);
void                 lx_twinning_summary_free    (LxTwinningSummary   *s);

const char *lx_twinning_kind_label   (const char *kind);
const char *lx_pledge_status_label   (const char *status);
const char *lx_post_kind_label       (const char *kind);

/* Twinning (双结对 / 联建共建) */
GPtrArray  *lx_service_list_twinnings        (LxStore             *store,
                                              GError             **error);
gint64      lx_service_save_twinning         (LxStore             *store,
                                              LxTwinning          *t,
                                              const char         **out_field,
                                              GError             **error);
gboolean    lx_service_delete_twinning       (LxStore             *store,
                                              gint64               id,
                                              LxTwinning         **out_deleted,
                                              GError             **error);
gboolean    lx_service_restore_twinning      (LxStore             *store,
                                              LxTwinning          *t,
                                              GError             **error);
gint64      lx_service_save_twinning_activity    (LxStore             *store,
                                                  LxTwinningActivity  *a,
                                                  const char         **out_field,
                                                  GError             **error);
gboolean    lx_service_delete_twinning_activity  (LxStore             *store,
                                                  gint64               id,
                                                  LxTwinningActivity **out_deleted,
                                                  GError             **error);
gboolean    lx_service_restore_twinning_activity (LxStore             *store,
                                                  LxTwinningActivity  *a,
                                                  GError             **error);

/* Pledges (承诺践诺) */
GPtrArray  *lx_service_list_pledges          (LxStore             *store,
                                              int                  year,
                                              GError             **error);
gint64      lx_service_save_pledge           (LxStore             *store,
                                              LxPledge            *p,
                                              const char         **out_field,
                                              GError             **error);
gboolean    lx_service_set_pledge_status     (LxStore             *store,
                                              gint64               id,
                                              const char          *status,
                                              GError             **error);
gboolean    lx_service_delete_pledge         (LxStore             *store,
                                              gint64               id,
                                              LxPledge           **out_deleted,
                                              GError             **error);
gboolean    lx_service_restore_pledge        (LxStore             *store,
                                              LxPledge            *p,
                                              GError             **error);

/* Responsibility zones (责任区): member ↔ zone */
GPtrArray  *lx_service_list_zone_assignments (LxStore             *store,
                                              GError             **error);
gboolean    lx_service_assign_zone           (LxStore             *store,
                                              gint64               member_id,
                                              gint64               zone_id,
                                              GError             **error);
gboolean    lx_service_unassign_zone         (LxStore             *store,
                                              gint64               member_id,
                                              gint64               zone_id,
                                              GError             **error);

/* Posts (先锋岗 / 示范岗) */
GPtrArray  *lx_service_list_posts            (LxStore             *store,
                                              GError             **error);
gint64      lx_service_save_post             (LxStore             *store,
                                              LxPost              *p,
                                              const char         **out_field,
                                              GError             **error);
gboolean    lx_service_delete_post           (LxStore             *store,
                                              gint64               id,
                                              LxPost             **out_deleted,
                                              GError             **error);
gboolean    lx_service_restore_post          (LxStore             *store,
                                              LxPost              *p,
                                              GError             **error);

/* Service teams (服务队) and volunteer activities */
GPtrArray  *lx_service_list_teams            (LxStore             *store,
                                              GError             **error);
gint64      lx_service_save_team             (LxStore             *store,
                                              LxServiceTeam       *t,
                                              const char         **out_field,
                                              GError             **error);
gboolean    lx_service_delete_team           (LxStore             *store,
                                              gint64               id,
                                              LxServiceTeam      **out_deleted,
                                              GError             **error);
gboolean    lx_service_restore_team          (LxStore             *store,
                                              LxServiceTeam       *t,
                                              GError             **error);
GPtrArray  *lx_service_list_volunteer_activities (LxStore              *store,
                                                  gint64                team_id,
                                                  int                   year,
                                                  GError              **error);
gint64      lx_service_save_volunteer_activity   (LxStore              *store,
                                                  LxVolunteerActivity  *a,
                                                  const char          **out_field,
                                                  GError              **error);
gboolean    lx_service_delete_volunteer_activity (LxStore              *store,
                                                  gint64                id,
                                                  LxVolunteerActivity **out_deleted,
                                                  GError              **error);
gboolean    lx_service_restore_volunteer_activity (LxStore             *store,
                                                   LxVolunteerActivity *a,
                                                   GError             **error);

/* Year summaries */
GPtrArray  *lx_service_pledge_summary        (LxStore             *store,
                                              int                  year,
                                              GError             **error);
GPtrArray  *lx_service_team_summary          (LxStore             *store,
                                              int                  year,
                                              GError             **error);
GPtrArray  *lx_service_twinning_summary      (LxStore             *store,
                                              int                  year,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxTwinning, lx_twinning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxTwinningActivity, lx_twinning_activity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxPledge, lx_pledge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxPost, lx_post_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxServiceTeam, lx_service_team_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxVolunteerActivity, lx_volunteer_activity_free)

G_END_DECLS
