/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* 诉求: an appeal and the steps it went through. Codes are the schema's;
 * labels are translated. */

#define LX_APPEAL_DUE_SOON_DAYS 3

#define LX_TYPE_APPEAL (lx_appeal_get_type ())
G_DECLARE_FINAL_TYPE (LxAppeal, lx_appeal, LX, APPEAL, GObject)
struct _LxAppeal
{
  GObject  parent_instance;
  gint64   id;
  char    *received_on;
  char    *channel;           /* home_visit / field_visit / reception / suggestion_box / … */
  gint64   household_id;      /* 0: anonymous */
  char    *anonymous_name;
  char    *concern;           /* think / hope / worry / anxiety / hardship, or NULL */
  char    *domain;            /* employment / education / … / other */
  char    *priority;          /* most_practical / most_concerned / most_direct, or NULL */
  char    *description;
  gint64   assignee_id;
  char    *deadline;
  char    *mechanism;         /* self_help / window / coordinated, or NULL */
  char    *status;
  char    *resolution_level;
  char    *resolution;
  char    *superior_answer;
  char    *closed_on;
  char    *followup_on;
  char    *satisfaction;
  gint64   visit_id;

  /* read-only, filled when loaded */
  char    *household_name;
  char    *assignee_name;
};

#define LX_TYPE_APPEAL_STEP (lx_appeal_step_get_type ())
G_DECLARE_FINAL_TYPE (LxAppealStep, lx_appeal_step, LX, APPEAL_STEP, GObject)
struct _LxAppealStep
{
  GObject  parent_instance;
  gint64   id;
  gint64   appeal_id;
  char    *at;                /* YYYY-MM-DDTHH:MM:SS */
  gint64   member_id;
  char    *member_name;
  char    *from_status;       /* NULL for the intake */
  char    *to_status;
  char    *note;
};

typedef enum
{
  LX_APPEAL_DUE_NONE,         /* no deadline, or done */
  LX_APPEAL_DUE_LATER,
  LX_APPEAL_DUE_SOON,         /* within LX_APPEAL_DUE_SOON_DAYS */
  LX_APPEAL_DUE_OVERDUE,      /* past its deadline and not done */
} LxAppealDue;

LxAppeal     *lx_appeal_new                 (void);
const char   *lx_appeal_get_who             (LxAppeal    *self);
gboolean      lx_appeal_is_done             (const char  *status);
LxAppealDue   lx_appeal_due                 (LxAppeal    *self,
                                             const char  *today);

/* Codes in their display order, NULL-terminated. */
const char * const *lx_appeal_channels           (void);
const char * const *lx_appeal_concerns           (void);
const char * const *lx_appeal_domains            (void);
const char * const *lx_appeal_priorities         (void);
const char * const *lx_appeal_mechanisms         (void);
const char * const *lx_appeal_statuses           (void);
const char * const *lx_appeal_levels             (void);
const char * const *lx_appeal_satisfactions      (void);

const char   *lx_appeal_channel_label       (const char *code);
const char   *lx_appeal_concern_label       (const char *code);
const char   *lx_appeal_domain_label        (const char *code);
const char   *lx_appeal_priority_label      (const char *code);
const char   *lx_appeal_mechanism_label     (const char *code);
const char   *lx_appeal_status_label        (const char *code);
const char   *lx_appeal_level_label         (const char *code);
const char   *lx_appeal_satisfaction_label  (const char *code);

/* The workflow: received → in_progress → resolved / responded / escalated
 * → closed. */
gboolean      lx_appeal_transition_allowed  (const char  *from,
                                             const char  *to,
                                             GError     **error);
GStrv         lx_appeal_next_statuses       (const char  *from);

G_END_DECLS
