/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-store.h"

G_BEGIN_DECLS

/* 结对: members paired with households (issue 7).
 *
 * A household has at most one active pairing (end_on NULL). Pairing, moving
 * and unpairing are each one transaction with a change_log line; a refusal
 * (LX_REPO_ERROR with a message naming the household or member) changes
 * nothing. Each change fills an LxPairingChange that lx_pairing_undo()
 * reverses. Members counted for quotas are those not deleted and not
 * transferred out; households those not deleted. */

typedef struct
{
  gint64 household_id;
  gint64 started_id;   /* the pairing started, 0 when none */
  gint64 ended_id;     /* the pairing ended, 0 when none */
} LxPairingChange;

gint64     lx_pairing_pair         (LxStore          *store,
                                    gint64            household_id,
                                    gint64            member_id,
                                    const char       *date,
                                    LxPairingChange  *out_change,
                                    GError          **error);
gboolean   lx_pairing_move         (LxStore          *store,
                                    gint64            household_id,
                                    gint64            member_id,
                                    const char       *date,
                                    LxPairingChange  *out_change,
                                    GError          **error);
gboolean   lx_pairing_unpair       (LxStore          *store,
                                    gint64            household_id,
                                    const char       *date,
                                    const char       *reason,
                                    LxPairingChange  *out_change,
                                    GError          **error);
gboolean   lx_pairing_undo         (LxStore          *store,
                                    const LxPairingChange *change,
                                    GError          **error);
/* A label for an end reason: the codes the board writes ("moved",
 * "unpaired") are translated, typed reasons returned as they are. */
const char *lx_pairing_reason_label (const char *reason);
/* The member actively paired with @household_id, 0 when none. */
gint64     lx_pairing_member_of    (LxStore          *store,
                                    gint64            household_id,
                                    GError          **error);

/* A member against the quota of their role. */
typedef struct
{
  gint64  member_id;
  char   *name;
  char   *pinyin;
  char   *initials;
  char   *role;
  gint64  org_id;
  char   *org_name;
  int     quota;           /* households, from the quota table */
  int     visits_rule;     /* paired_visits_year of the role */
  int     paired;          /* active pairings with households not deleted */
  gboolean met;            /* paired >= quota */
  gboolean inactive;       /* transferred out or deleted, households still paired */
} LxPairingQuota;

void       lx_pairing_quota_free   (LxPairingQuota   *quota);
/* @org_id 0: all; ordered by organization, then role, then name. */
GPtrArray *lx_pairing_list_quotas  (LxStore          *store,
                                    gint64            org_id,
                                    GError          **error);

/* A household on the board. */
typedef struct
{
  gint64  household_id;
  char   *head_name;
  char   *address;
  char   *need_labels;      /* "低保、残疾", "" when none */
  char   *last_visit_on;    /* NULL: never */
  int     days_since_visit; /* -1: never */
  int     visits_year;      /* home visits in the year, not after today */
  int     visits_rule;      /* paired_visits_year of the member's role, 0 unpaired */
  gint64  member_id;        /* 0: not paired */
  gint64  pairing_id;
  char   *start_on;
} LxPairingCard;

void       lx_pairing_card_free    (LxPairingCard    *card);
/* Households actively paired (with @search: whose name, pinyin, initials or
 * address contain it), ordered by member then start. */
GPtrArray *lx_pairing_list_paired  (LxStore          *store,
                                    int               year,
                                    const char       *today,
                                    const char       *search,
                                    GError          **error);
/* Needy households with no active pairing, same @search. */
GPtrArray *lx_pairing_list_unpaired_needy (LxStore    *store,
                                           int         year,
                                           const char *today,
                                           const char *search,
                                           GError    **error);

/* One pairing of a household's history, newest first. */
typedef struct
{
  gint64  pairing_id;
  gint64  member_id;
  char   *member_name;
  char   *start_on;
  char   *end_on;           /* NULL: active */
  char   *end_reason;
} LxPairingRecord;

void       lx_pairing_record_free  (LxPairingRecord  *record);
GPtrArray *lx_pairing_history      (LxStore          *store,
                                    gint64            household_id,
                                    GError          **error);
/* "王书记, since 2026-03-01", or NULL when not paired: for detail panes. */
char      *lx_pairing_describe     (LxStore          *store,
                                    gint64            household_id);

/* A year of 结对 in figures. */
typedef struct
{
  int     year;
  gint64  needy_households;
  gint64  needy_paired;            /* needy households actively paired */
  double  needy_paired_rate;       /* 0 when none */
  gint64  members;                 /* not deleted, not transferred out */
  gint64  members_meeting_quota;
  gint64  paired_households;       /* actively paired, not deleted */
  gint64  paired_visits;           /* home visits to them in the year */
  gint64  paired_visits_required;  /* sum of their rules (paired_visits_year) */
  gint64  paired_meeting_rule;     /* paired households visited as often as the rule */
  double  volunteer_hours;         /* volunteer_activity.hours in the year */
} LxPairingStats;

gboolean   lx_pairing_stats_compute (LxStore         *store,
                                     int              year,
                                     const char      *today,
                                     LxPairingStats  *out,
                                     GError         **error);
/* "key": value lines indented by @indent spaces, without braces. */
char      *lx_pairing_stats_to_json (const LxPairingStats *stats,
                                     int              indent);

G_END_DECLS
