/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lx-repo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* 群众评议: the year-end evaluation of the members and the organization by
 * the masses, and the 民主评议党员 grades it suggests.
 *
 * A campaign belongs to one organization and one year and covers the
 * members of that organization and of every organization below it (not
 * deleted, not transferred out). A paper ballot grades, on four items, the
 * organization itself and any of those members; each grade is
 * 满意 / 比较满意 / 基本满意 / 不满意 (digits 1 … 4 on the entry grid).
 *
 * SATISFACTION RATE
 *   rate = (满意 + 比较满意) / all grades given
 *   over whatever is counted: one item of one member, all four items of one
 *   member ("overall"), one item over all members, the organization. A
 *   blank on a ballot is not a grade and counts nowhere. With no grade at
 *   all the rate is undefined (< 0 in the API, "—" on screen). DESIGN.md
 *   gives no formula of its own; this is the overview's (lx_overview_
 *   satisfaction()).
 *
 * REMEDIAL (补课) LIST
 *   members whose overall rate is under 60 % (exactly 60 % is not on it),
 *   lowest first. Members without grades are not on it.
 *
 * SUGGESTED 民主评议 GRADE, per member with at least one grade, from the
 * overall rate and the member's record in the campaign's year:
 *   visits      visits of any kind in the year the member took part in
 *   pairings    households paired with the member at the year's end (or
 *               today, in the current year); quota: the member's role quota
 *   appeals     appeals received in the year, assigned to the member, now
 *               resolved, responded, escalated or closed
 *   pledges     the member's pledges of the year that were kept
 *   1. 不合格 (unqualified)  rate under 40 %, or no visit at all in the year;
 *   2. 基本合格 (basically)   rate under 60 %;
 *   3. 合格 (qualified)       otherwise;
 *   4. 优秀 (excellent)       among the qualified, the candidates are those
 *      with a rate of at least 80 % whose pairings meet their quota. They are
 *      ranked by a score in whole points:
 *        score = rate in per mille (0 … 1000) + 10 per visit (at most 12)
 *                + 10 per appeal handled (at most 5) + 30 per pledge kept;
 *      the best get 优秀, at most floor (N / 3) of them, N being the members
 *      with a suggestion (the one-third rule). When candidates share the
 *      score at the cap's boundary (the last place within the cap and the
 *      first place after it), all of them stay 合格, so the cap is never
 *      exceeded and nobody is preferred by chance.
 *
 * FINAL GRADE
 *   the secretary's decision: set only through lx_evaluation_set_final_grade()
 *   with a reason that is not empty; kept in member_review.final_grade.
 *   Suggestions are written to member_review.suggested_grade only and never
 *   touch a final grade.
 */

#define LX_EVALUATION_REMEDIAL_RATE   0.60
#define LX_EVALUATION_UNQUALIFIED_RATE 0.40
#define LX_EVALUATION_CANDIDATE_RATE  0.80

typedef enum
{
  LX_ITEM_CONTACT,        /* regularly contacts and serves the masses */
  LX_ITEM_APPEALS,        /* appeals solved or answered */
  LX_ITEM_RELATIONS,      /* party–masses relations improved */
  LX_ITEM_SATISFACTION,   /* satisfaction has risen */
  LX_N_ITEMS,
} LxEvaluationItem;

/* The masses' grades, numbered as on the paper ballot. */
typedef enum
{
  LX_MASS_NONE = 0,
  LX_MASS_SATISFIED = 1,      /* 满意 */
  LX_MASS_FAIRLY = 2,         /* 比较满意 */
  LX_MASS_BASICALLY = 3,      /* 基本满意 */
  LX_MASS_DISSATISFIED = 4,   /* 不满意 */
} LxMassGrade;

#define LX_N_MASS_GRADES 4

/* 民主评议 grades of a member. */
typedef enum
{
  LX_REVIEW_NONE = 0,
  LX_REVIEW_EXCELLENT,        /* 优秀 */
  LX_REVIEW_QUALIFIED,        /* 合格 */
  LX_REVIEW_BASICALLY,        /* 基本合格 */
  LX_REVIEW_UNQUALIFIED,      /* 不合格 */
} LxReviewGrade;

const char    *lx_evaluation_item_code      (LxEvaluationItem  item);
const char    *lx_evaluation_item_label     (LxEvaluationItem  item);
const char    *lx_evaluation_item_short     (LxEvaluationItem  item);
const char    *lx_mass_grade_code           (LxMassGrade       grade);
const char    *lx_mass_grade_label          (LxMassGrade       grade);
LxMassGrade    lx_mass_grade_from_code      (const char       *code);
/* 满意 / 比较满意 / 基本满意 / 不满意, 1 … 4, the English codes or labels;
 * LX_MASS_NONE for anything else. */
LxMassGrade    lx_mass_grade_parse          (const char       *text);
const char    *lx_review_grade_code         (LxReviewGrade     grade);
const char    *lx_review_grade_label        (LxReviewGrade     grade);
LxReviewGrade  lx_review_grade_from_code    (const char       *code);

/* Campaigns ---------------------------------------------------------------- */

typedef struct
{
  gint64  id;
  gint64  org_id;
  int     year;
  char   *title;
  char   *held_on;    /* nullable */
  char   *org_name;
} LxCampaign;

void        lx_campaign_free                  (LxCampaign  *campaign);

/* The organization a campaign is held for by default: the top of the tree;
 * 0 (and @error) when there is none. */
gint64      lx_evaluation_default_org         (LxStore     *store,
                                               GError     **error);
/* @title NULL: "2026年度群众评议党员和党组织" in the user's language. */
gint64      lx_evaluation_create_campaign     (LxStore     *store,
                                               gint64       org_id,
                                               int          year,
                                               const char  *title,
                                               const char  *held_on,
                                               GError     **error);
/* TRUE with *@out NULL when the organization has no campaign that year. */
gboolean    lx_evaluation_find_campaign       (LxStore     *store,
                                               gint64       org_id,
                                               int          year,
                                               LxCampaign **out,
                                               GError     **error);
LxCampaign *lx_evaluation_get_campaign        (LxStore     *store,
                                               gint64       campaign_id,
                                               GError     **error);
/* Of LxCampaign, newest first; @org_id 0: all. */
GPtrArray  *lx_evaluation_list_campaigns      (LxStore     *store,
                                               gint64       org_id,
                                               GError     **error);

/* Who a campaign's ballots grade: the organization's members and those of
 * the organizations below it, in the order of the member ledger. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *role;
  char   *org_name;
} LxEvaluationTarget;

void        lx_evaluation_target_free         (LxEvaluationTarget *target);
GPtrArray  *lx_evaluation_list_targets        (LxStore     *store,
                                               gint64       campaign_id,
                                               GError     **error);

/* Ballots -------------------------------------------------------------------- */

typedef struct
{
  gint64            member_id;   /* 0: the organization */
  LxEvaluationItem  item;
  LxMassGrade       grade;
} LxBallotGrade;

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  int     number;
  char   *respondent;    /* NULL: anonymous */
  GArray *grades;        /* of LxBallotGrade */
} LxBallot;

LxBallot   *lx_ballot_new                     (int          number,
                                               const char  *respondent);
void        lx_ballot_free                    (LxBallot    *ballot);
/* Sets (or with LX_MASS_NONE clears) one grade. */
void        lx_ballot_set_grade               (LxBallot    *ballot,
                                               gint64       member_id,
                                               LxEvaluationItem item,
                                               LxMassGrade  grade);
LxMassGrade lx_ballot_get_grade               (LxBallot    *ballot,
                                               gint64       member_id,
                                               LxEvaluationItem item);

/* Adds the ballot, or replaces the campaign's ballot of the same number,
 * with all its grades, in one transaction with a change-log line. Returns
 * the ballot's id; *@out_replaced tells which happened. */
gint64      lx_evaluation_save_ballot         (LxStore     *store,
                                               gint64       campaign_id,
                                               LxBallot    *ballot,
                                               gboolean    *out_replaced,
                                               GError     **error);
/* The same inside a transaction the caller holds (the importer). */
gint64      lx_evaluation_write_ballot        (LxStore     *store,
                                               gint64       campaign_id,
                                               LxBallot    *ballot,
                                               gboolean    *out_replaced,
                                               GError     **error);
gboolean    lx_evaluation_delete_ballot       (LxStore     *store,
                                               gint64       ballot_id,
                                               GError     **error);
LxBallot   *lx_evaluation_get_ballot          (LxStore     *store,
                                               gint64       campaign_id,
                                               int          number,
                                               GError     **error);
/* Of LxBallot with their grades, by number; @limit 0: all, else the last
 * @limit ballots. */
GPtrArray  *lx_evaluation_list_ballots        (LxStore     *store,
                                               gint64       campaign_id,
                                               guint        limit,
                                               GError     **error);
/* One more than the highest number used; 0 (and @error) on failure. */
int         lx_evaluation_next_ballot_number  (LxStore     *store,
                                               gint64       campaign_id,
                                               GError     **error);
gint64      lx_evaluation_count_ballots       (LxStore     *store,
                                               gint64       campaign_id,
                                               GError     **error);

/* Results ---------------------------------------------------------------------- */

typedef struct
{
  gint64 counts[LX_N_ITEMS][LX_N_MASS_GRADES];
} LxGradeCounts;

/* The satisfaction rate of one item, or of all four with @item < 0;
 * < 0 when nothing was graded. */
double      lx_grade_counts_rate              (const LxGradeCounts *counts,
                                               int                  item);
gint64      lx_grade_counts_total             (const LxGradeCounts *counts,
                                               int                  item);

typedef struct
{
  gint64         member_id;         /* 0: the organization */
  char          *name;
  char          *org_name;
  char          *role;
  LxGradeCounts  counts;
  double         rate[LX_N_ITEMS];  /* < 0: not graded */
  double         overall;           /* < 0: not graded */
  double         previous;          /* overall in last year's campaign; < 0: none */
  double         previous_rate[LX_N_ITEMS];  /* per item last year; < 0: none */
  /* the record of the year */
  int            visits;
  int            pairings;
  int            quota;
  int            appeals_handled;
  int            pledges_kept;
  int            score;
  gboolean       remedial;
  LxReviewGrade  suggested;
  LxReviewGrade  final_grade;
  char          *override_reason;
} LxMemberResult;

typedef struct
{
  LxCampaign     *campaign;
  gint64          previous_campaign_id;   /* 0: none last year */
  gint64          n_ballots;
  LxMemberResult *organization;
  GPtrArray      *members;                /* of LxMemberResult, ledger order */
  LxGradeCounts   all_members;            /* every member grade, per item */
} LxEvaluationResults;

void                 lx_evaluation_results_free (LxEvaluationResults *results);
LxEvaluationResults *lx_evaluation_compute      (LxStore     *store,
                                                 gint64       campaign_id,
                                                 const char  *today,
                                                 GError     **error);
/* Of LxMemberResult (owned by @results): the remedial list, lowest first. */
GPtrArray           *lx_evaluation_remedial     (LxEvaluationResults *results);
LxMemberResult      *lx_evaluation_results_find (LxEvaluationResults *results,
                                                 gint64               member_id);

/* The grading rule on its own (lx-evaluation-grade.c), for the results and
 * the tests: fills ->suggested and ->remedial of every member from
 * ->overall, ->visits, ->pairings, ->quota and ->score. */
int         lx_evaluation_score              (const LxMemberResult *result);
void        lx_evaluation_suggest            (GPtrArray   *members);

/* Writes the suggestions of @results to member_review (suggested_grade
 * only) in one transaction; rows already right are left alone. Returns the
 * number of rows changed, or -1 with @error. */
int         lx_evaluation_save_suggestions   (LxStore             *store,
                                              LxEvaluationResults *results,
                                              GError             **error);
/* The secretary's final grade. An empty @reason is refused (the field is
 * "reason") and nothing changes. */
gboolean    lx_evaluation_set_final_grade    (LxStore       *store,
                                              gint64         campaign_id,
                                              gint64         member_id,
                                              LxReviewGrade  grade,
                                              const char    *reason,
                                              GError       **error);
/* Back to the suggestion: clears the final grade and its reason. */
gboolean    lx_evaluation_clear_final_grade  (LxStore       *store,
                                              gint64         campaign_id,
                                              gint64         member_id,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxCampaign, lx_campaign_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxBallot, lx_ballot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LxEvaluationResults, lx_evaluation_results_free)

G_END_DECLS
