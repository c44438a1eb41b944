/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-appeal.h"
#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* What goes with one step of the workflow. Which fields count depends on the
 * status reached:
 *   in_progress  (needs an assignee on the appeal)
 *   resolved     resolution (what was done) and resolution_level
 *   responded    resolution (the answer given); level defaults to pending_hard
 *   escalated    level becomes upward, mechanism coordinated unless set
 *   closed       followup_on and satisfaction; from escalated, the
 *                superior's answer must be recorded first */
typedef struct
{
  gint64      by_member;        /* who took the step; 0: not said */
  const char *note;
  const char *resolution_level;
  const char *resolution;
  const char *followup_on;
  const char *satisfaction;
} LxAppealChange;

typedef struct
{
  char     *search;      /* description, household head (name, pinyin), anonymous name */
  char     *status;      /* NULL: any */
  char     *domain;
  char     *concern;
  char     *channel;
  gint64    member_id;   /* assignee; 0: any */
  gboolean  overdue;     /* only those past their deadline and not done */
  int       year;        /* received that year, or still open from before; 0: any */
} LxAppealFilter;

void          lx_appeal_filter_clear        (LxAppealFilter  *filter);
void          lx_appeal_filter_copy         (LxAppealFilter       *dest,
                                             const LxAppealFilter *src);

/* @out_field names the offending field: "received_on", "channel",
 * "household", "concern", "domain", "priority", "description", "visit". */
gboolean      lx_appeal_validate            (LxAppeal        *appeal,
                                             const char      *today,
                                             const char     **out_field,
                                             GError         **error);
gint64        lx_appeal_repo_intake         (LxStore         *store,
                                             LxAppeal        *appeal,
                                             gint64           by_member,
                                             GError         **error);
gboolean      lx_appeal_repo_assign         (LxStore         *store,
                                             gint64           appeal_id,
                                             gint64           member_id,
                                             const char      *deadline,
                                             const char      *mechanism,
                                             gint64           by_member,
                                             const char     **out_field,
                                             GError         **error);
gboolean      lx_appeal_repo_transition     (LxStore              *store,
                                             gint64                appeal_id,
                                             const char           *to_status,
                                             const LxAppealChange *change,
                                             const char          **out_field,
                                             GError              **error);
gboolean      lx_appeal_repo_record_answer  (LxStore         *store,
                                             gint64           appeal_id,
                                             const char      *answer,
                                             gint64           by_member,
                                             GError         **error);

LxAppeal     *lx_appeal_repo_get            (LxStore         *store,
                                             gint64           id,
                                             GError         **error);
GPtrArray    *lx_appeal_repo_list_steps     (LxStore         *store,
                                             gint64           appeal_id,
                                             GError         **error);
GArray       *lx_appeal_repo_query_ids      (LxStore              *store,
                                             const LxAppealFilter *filter,
                                             const char           *today,
                                             GError              **error);
GPtrArray    *lx_appeal_repo_list_for_household (LxStore     *store,
                                                 gint64       household_id,
                                                 GError     **error);

G_END_DECLS
