/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "lx-evaluation.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

typedef struct
{
  LxFixture fx;
  gint64    org;
  gint64    a, b, outsider;
  gint64    campaign;
} EvalFixture;

static gint64
exec_id (LxStore    *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_store_exec (store, sql, &error));
  g_assert_no_error (error);
  return lx_store_last_insert_id (store);
}

static gint64
count (LxStore    *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = lx_store_query_int (store, sql, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
add_member (LxStore    *store,
            gint64      org,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO member (org_id, name, role) VALUES (%d, '%s', 'member')",
                                          (int)org, name);
  return exec_id (store, sql);
}

static void
add_visit (LxStore *store,
           gint64   member,
           const char *date)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO visit (kind, happened_at) VALUES ('home', '%s');"
                                          "INSERT INTO visit_member VALUES (last_insert_rowid(), %d)",
                                          date, (int)member);
  g_assert_true (lx_store_exec (store, sql, NULL));
}

static void
eval_setup (EvalFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 branch, other;

  lx_fixture_setup (&f->fx, data);
  f->org = exec_id (f->fx.store, "INSERT INTO organization (name, kind) VALUES ('机关党委', 'committee')");
  branch = exec_id (f->fx.store, "INSERT INTO organization (parent_id, name, kind) VALUES (1, '第一党支部', 'branch')");
  other = exec_id (f->fx.store, "INSERT INTO organization (name, kind) VALUES ('另一党委', 'committee')");
  f->a = add_member (f->fx.store, f->org, "王芳");
  f->b = add_member (f->fx.store, branch, "李强");
  f->outsider = add_member (f->fx.store, other, "赵六");
  f->campaign = lx_evaluation_create_campaign (f->fx.store, f->org, 2026, NULL, "2026-12-18", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->campaign, >, 0);
}

static void
eval_teardown (EvalFixture   *f,
               gconstpointer  data)
{
  lx_fixture_teardown (&f->fx, data);
}

/* Grades of one target as four digits, 0 for a blank: "1234". */
static void
set_digits (LxBallot   *ballot,
            gint64      member,
            const char *digits)
{
  for (int i = 0; i < LX_N_ITEMS && digits[i] != '\0'; i++)
    lx_ballot_set_grade (ballot, member, i, digits[i] - '0');
}

static gint64
save (EvalFixture *f,
      int          number,
      const char  *org,
      const char  *a,
      const char  *b,
      gboolean    *replaced)
{
  g_autoptr(LxBallot) ballot = lx_ballot_new (number, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_digits (ballot, 0, org);
  set_digits (ballot, f->a, a);
  set_digits (ballot, f->b, b);
  id = lx_evaluation_save_ballot (f->fx.store, f->campaign, ballot, replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_rate (double      rate,
             double      good,
             double      total)
{
  g_assert_cmpfloat_with_epsilon (rate, good / total, 1e-9);
}

static void
test_campaigns (EvalFixture   *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxCampaign) found = NULL;
  g_autoptr(LxCampaign) none = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  g_assert_cmpint (lx_evaluation_default_org (f->fx.store, &error), ==, f->org);
  g_assert_cmpint (lx_evaluation_create_campaign (f->fx.store, f->org, 2026, "again", NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM evaluation_campaign"), ==, 1);

  g_assert_true (lx_evaluation_find_campaign (f->fx.store, f->org, 2026, &found, &error));
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, f->campaign);
  g_assert_cmpstr (found->held_on, ==, "2026-12-18");
  g_assert_true (lx_evaluation_find_campaign (f->fx.store, f->org, 2025, &none, &error));
  g_assert_null (none);

  g_assert_cmpint (lx_evaluation_create_campaign (f->fx.store, f->org, 2025, "去年", NULL, &error), >, 0);
  list = lx_evaluation_list_campaigns (f->fx.store, f->org, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((LxCampaign *)g_ptr_array_index (list, 0))->year, ==, 2026);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log WHERE table_name = "
                                       "'evaluation_campaign'"), ==, 2);

  /* The branch's member is graded, the other committee's is not. */
  targets = lx_evaluation_list_targets (f->fx.store, f->campaign, &error);
  g_assert_cmpuint (targets->len, ==, 2);
}

/* Three ballots worked out by hand:
 *            organization   王芳 (a)   李强 (b)
 *   No. 1    1 1 2 3        1 2 3 4    1 1 1 1
 *   No. 2    4 4 1 2        2 2 2 -    3 3 3 3
 *   No. 3    1 - - -        1 1 1 1    - - - -
 */
static void
test_rates (EvalFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxEvaluationResults) res = NULL;
  g_autoptr(GPtrArray) remedial = NULL;
  LxMemberResult *a, *b;
  gboolean replaced = TRUE;

  save (f, 1, "1123", "1234", "1111", &replaced);
  g_assert_false (replaced);
  save (f, 2, "4412", "222", "3333", NULL);
  save (f, 3, "1", "1111", "", NULL);
  g_assert_cmpint (lx_evaluation_next_ballot_number (f->fx.store, f->campaign, &error), ==, 4);

  res = lx_evaluation_compute (f->fx.store, f->campaign, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res->n_ballots, ==, 3);

  /* The organization: contact 2/3, appeals 1/2, relations 2/2, satisfaction 1/2. */
  assert_rate (res->organization->rate[LX_ITEM_CONTACT], 2, 3);
  assert_rate (res->organization->rate[LX_ITEM_APPEALS], 1, 2);
  assert_rate (res->organization->rate[LX_ITEM_RELATIONS], 2, 2);
  assert_rate (res->organization->rate[LX_ITEM_SATISFACTION], 1, 2);
  assert_rate (res->organization->overall, 6, 9);

  a = lx_evaluation_results_find (res, f->a);
  b = lx_evaluation_results_find (res, f->b);
  assert_rate (a->rate[LX_ITEM_CONTACT], 3, 3);
  assert_rate (a->rate[LX_ITEM_RELATIONS], 2, 3);
  assert_rate (a->rate[LX_ITEM_SATISFACTION], 1, 2);
  assert_rate (a->overall, 9, 11);
  assert_rate (b->overall, 4, 8);
  /* Per item over all members: contact a 3/3 + b 1/2. */
  assert_rate (lx_grade_counts_rate (&res->all_members, LX_ITEM_CONTACT), 4, 5);
  g_assert_cmpint (lx_grade_counts_total (&res->all_members, -1), ==, 19);

  /* 50 % is under 60 %; a has no visit this year, b neither. */
  g_assert_false (a->remedial);
  g_assert_true (b->remedial);
  remedial = lx_evaluation_remedial (res);
  g_assert_cmpuint (remedial->len, ==, 1);
  g_assert_true (g_ptr_array_index (remedial, 0) == b);
  g_assert_cmpint (a->suggested, ==, LX_REVIEW_UNQUALIFIED);
  g_assert_cmpint (b->suggested, ==, LX_REVIEW_UNQUALIFIED);
}

static void
test_replace_delete (EvalFixture   *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxBallot) bad = lx_ballot_new (9, NULL);
  g_autoptr(LxBallot) empty = lx_ballot_new (10, NULL);
  g_autoptr(LxBallot) loaded = NULL;
  g_autoptr(GPtrArray) ballots = NULL;
  gboolean replaced = FALSE;
  gint64 id1, id2, logs;

  id1 = save (f, 1, "1111", "1111", "1111", NULL);
  id2 = save (f, 1, "4444", "4", "", &replaced);
  g_assert_true (replaced);
  g_assert_cmpint (id1, ==, id2);
  g_assert_cmpint (lx_evaluation_count_ballots (f->fx.store, f->campaign, &error), ==, 1);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM ballot_grade"), ==, 5);
  loaded = lx_evaluation_get_ballot (f->fx.store, f->campaign, 1, &error);
  g_assert_cmpint (lx_ballot_get_grade (loaded, 0, LX_ITEM_RELATIONS), ==, LX_MASS_DISSATISFIED);
  g_assert_cmpint (lx_ballot_get_grade (loaded, f->b, LX_ITEM_CONTACT), ==, LX_MASS_NONE);

  /* A ballot that grades someone outside the organization changes nothing. */
  logs = count (f->fx.store, "SELECT count(*) FROM change_log");
  set_digits (bad, 0, "1111");
  set_digits (bad, f->outsider, "1111");
  g_assert_cmpint (lx_evaluation_save_ballot (f->fx.store, f->campaign, bad, NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (lx_evaluation_save_ballot (f->fx.store, f->campaign, empty, NULL, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM ballot"), ==, 1);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log"), ==, logs);

  save (f, 2, "1111", "", "", NULL);
  ballots = lx_evaluation_list_ballots (f->fx.store, f->campaign, 1, &error);
  g_assert_cmpuint (ballots->len, ==, 1);
  g_assert_cmpint (((LxBallot *)g_ptr_array_index (ballots, 0))->number, ==, 2);
  g_assert_true (lx_evaluation_delete_ballot (f->fx.store, id1, &error));
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM ballot_grade"), ==, 4);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log WHERE table_name = 'ballot'"), ==, 4);
}

static void
test_grade_parse (void)
{
  g_assert_cmpint (lx_mass_grade_parse ("满意"), ==, LX_MASS_SATISFIED);
  g_assert_cmpint (lx_mass_grade_parse (" 比较满意 "), ==, LX_MASS_FAIRLY);
  g_assert_cmpint (lx_mass_grade_parse ("基本满意"), ==, LX_MASS_BASICALLY);
  g_assert_cmpint (lx_mass_grade_parse ("不满意"), ==, LX_MASS_DISSATISFIED);
  g_assert_cmpint (lx_mass_grade_parse ("3"), ==, LX_MASS_BASICALLY);
  g_assert_cmpint (lx_mass_grade_parse ("Dissatisfied"), ==, LX_MASS_DISSATISFIED);
  g_assert_cmpint (lx_mass_grade_parse ("5"), ==, LX_MASS_NONE);
  g_assert_cmpint (lx_mass_grade_parse ("12"), ==, LX_MASS_NONE);
  g_assert_cmpint (lx_mass_grade_parse (""), ==, LX_MASS_NONE);
}

/* The rule on hand-built results --------------------------------------------- */

static LxMemberResult *
result (gint64 id,
        int    good,
        int    total,
        int    visits)
{
  LxMemberResult *r = g_new0 (LxMemberResult, 1);

  r->member_id = id;
  r->counts.counts[LX_ITEM_CONTACT][LX_MASS_SATISFIED - 1] = good;
  r->counts.counts[LX_ITEM_CONTACT][LX_MASS_DISSATISFIED - 1] = total - good;
  r->visits = visits;
  return r;
}

static void
test_remedial_threshold (void)
{
  g_autoptr(GPtrArray) m = g_ptr_array_new_with_free_func (g_free);
  LxMemberResult *at60, *under60, *at40, *under40, *none;

  g_ptr_array_add (m, at60 = result (1, 3, 5, 1));        /* exactly 60 % */
  g_ptr_array_add (m, under60 = result (2, 59, 100, 1));  /* 59 % */
  g_ptr_array_add (m, at40 = result (3, 2, 5, 1));        /* exactly 40 % */
  g_ptr_array_add (m, under40 = result (4, 39, 100, 1));
  g_ptr_array_add (m, none = result (5, 0, 0, 1));
  lx_evaluation_suggest (m);

  g_assert_false (at60->remedial);
  g_assert_cmpint (at60->suggested, ==, LX_REVIEW_QUALIFIED);
  g_assert_true (under60->remedial);
  g_assert_cmpint (under60->suggested, ==, LX_REVIEW_BASICALLY);
  g_assert_true (at40->remedial);
  g_assert_cmpint (at40->suggested, ==, LX_REVIEW_BASICALLY);
  g_assert_cmpint (under40->suggested, ==, LX_REVIEW_UNQUALIFIED);
  g_assert_false (none->remedial);
  g_assert_cmpint (none->suggested, ==, LX_REVIEW_NONE);
}

/* @visits per member (all at 100 %, so only visits tell them apart); the
 * expected number of 优秀 and which. */
static void
check_third (const int  *visits,
             guint       n,
             guint       expected,
             const char *expected_mask)
{
  g_autoptr(GPtrArray) m = g_ptr_array_new_with_free_func (g_free);
  guint excellent = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (m, result (i + 1, 10, 10, visits[i]));
  lx_evaluation_suggest (m);
  for (guint i = 0; i < n; i++)
    {
      LxMemberResult *r = g_ptr_array_index (m, i);
      gboolean is_excellent = r->suggested == LX_REVIEW_EXCELLENT;

      if (!is_excellent)
        g_assert_cmpint (r->suggested, ==, LX_REVIEW_QUALIFIED);
      excellent += is_excellent;
      g_assert_cmpint (is_excellent, ==, expected_mask[i] == 'E');
    }
  g_assert_cmpuint (excellent, ==, expected);
  g_assert_cmpuint (excellent, <=, n / 3);
}

static void
test_one_third (void)
{
  static const int two[] = { 5, 3 };
  static const int three[] = { 3, 5, 4 };
  static const int four[] = { 2, 3, 4, 5 };
  static const int six[] = { 6, 5, 4, 3, 2, 1 };
  static const int seven[] = { 1, 7, 2, 6, 3, 5, 4 };
  static const int six_tie[] = { 6, 4, 4, 3, 2, 1 };      /* 2nd and 3rd share the boundary */
  static const int six_top_tie[] = { 6, 6, 4, 3, 2, 1 };  /* a tie inside the cap is fine */
  static const int three_all[] = { 4, 4, 4 };
  static const int seven_tie[] = { 9, 8, 8, 8, 1, 1, 1 };

  check_third (two, 2, 0, "QQ");
  check_third (three, 3, 1, "QEQ");
  check_third (four, 4, 1, "QQQE");
  check_third (six, 6, 2, "EEQQQQ");
  check_third (seven, 7, 2, "QEQEQQQ");
  check_third (six_tie, 6, 1, "EQQQQQ");
  check_third (six_top_tie, 6, 2, "EEQQQQ");
  check_third (three_all, 3, 0, "QQQ");
  check_third (seven_tie, 7, 1, "EQQQQQQ");
}

static void
test_candidates (void)
{
  g_autoptr(GPtrArray) m = g_ptr_array_new_with_free_func (g_free);
  LxMemberResult *low, *short_quota, *no_visit, *fine;

  /* Six members: two places, but only one real candidate. */
  g_ptr_array_add (m, low = result (1, 79, 100, 12));          /* under 80 % */
  g_ptr_array_add (m, short_quota = result (2, 10, 10, 12));
  short_quota->quota = 2;
  short_quota->pairings = 1;
  g_ptr_array_add (m, no_visit = result (3, 10, 10, 0));       /* 100 % but never visited */
  g_ptr_array_add (m, fine = result (4, 10, 10, 1));
  g_ptr_array_add (m, result (5, 7, 10, 1));
  g_ptr_array_add (m, result (6, 7, 10, 1));
  lx_evaluation_suggest (m);

  g_assert_cmpint (low->suggested, ==, LX_REVIEW_QUALIFIED);
  g_assert_cmpint (short_quota->suggested, ==, LX_REVIEW_QUALIFIED);
  g_assert_cmpint (no_visit->suggested, ==, LX_REVIEW_UNQUALIFIED);
  g_assert_cmpint (fine->suggested, ==, LX_REVIEW_EXCELLENT);
  /* 1000 per mille + 10 for the one visit. */
  g_assert_cmpint (fine->score, ==, 1010);
}

/* Record, year over year, override ----------------------------------------------- */

static void
test_record_and_previous (EvalFixture   *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxEvaluationResults) res = NULL;
  g_autoptr(LxBallot) old = lx_ballot_new (1, "居民代表");
  gint64 last_year;
  LxMemberResult *a;
  g_autofree char *sql = NULL;

  last_year = lx_evaluation_create_campaign (f->fx.store, f->org, 2025, NULL, NULL, &error);
  set_digits (old, 0, "4444");
  set_digits (old, f->a, "1144");
  g_assert_cmpint (lx_evaluation_save_ballot (f->fx.store, last_year, old, NULL, &error), >, 0);
  g_assert_no_error (error);

  add_visit (f->fx.store, f->a, "2026-03-02");
  add_visit (f->fx.store, f->a, "2026-05-02T09:30");
  add_visit (f->fx.store, f->a, "2025-12-30");   /* last year's: not counted */
  sql = g_strdup_printf ("INSERT INTO pledge (member_id, year, text, status) VALUES "
                         "(%d, 2026, '帮扶', 'kept'), (%d, 2026, '走访', 'not_kept');"
                         "INSERT INTO household (head_name) VALUES ('张三');"
                         "INSERT INTO pairing (member_id, household_id, start_on) VALUES (%d, 1, '2026-01-05');"
                         "INSERT INTO appeal (received_on, channel, description, assignee_id, status) VALUES "
                         "('2026-04-01', 'hotline', '路灯', %d, 'resolved'), "
                         "('2026-04-02', 'hotline', '噪音', %d, 'in_progress')",
                         (int)f->a, (int)f->a, (int)f->a, (int)f->a, (int)f->a);
  g_assert_true (lx_store_exec (f->fx.store, sql, &error));
  save (f, 1, "1111", "1111", "2222", NULL);

  res = lx_evaluation_compute (f->fx.store, f->campaign, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res->previous_campaign_id, ==, last_year);
  a = lx_evaluation_results_find (res, f->a);
  g_assert_cmpint (a->visits, ==, 2);
  g_assert_cmpint (a->pairings, ==, 1);
  g_assert_cmpint (a->quota, ==, 1);
  g_assert_cmpint (a->appeals_handled, ==, 1);
  g_assert_cmpint (a->pledges_kept, ==, 1);
  g_assert_cmpint (a->score, ==, 1000 + 20 + 10 + 30);
  assert_rate (a->previous, 2, 4);
  assert_rate (a->previous_rate[LX_ITEM_CONTACT], 1, 1);
  assert_rate (a->previous_rate[LX_ITEM_RELATIONS], 0, 1);
  g_assert_cmpfloat (lx_evaluation_results_find (res, f->b)->previous_rate[LX_ITEM_CONTACT], <, 0);
  assert_rate (res->organization->previous, 0, 4);
  g_assert_cmpfloat (lx_evaluation_results_find (res, f->b)->previous, <, 0);
  /* Two members: no 优秀 place (floor (2 / 3) = 0). */
  g_assert_cmpint (a->suggested, ==, LX_REVIEW_QUALIFIED);
}

static void
test_override (EvalFixture   *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxEvaluationResults) res = NULL;
  g_autoptr(LxEvaluationResults) again = NULL;
  gint64 logs;
  g_autofree char *sql = NULL;

  add_visit (f->fx.store, f->a, "2026-03-02");
  save (f, 1, "1111", "1111", "4444", NULL);
  res = lx_evaluation_compute (f->fx.store, f->campaign, TODAY, &error);
  g_assert_cmpint (lx_evaluation_save_suggestions (f->fx.store, res, &error), ==, 2);
  g_assert_no_error (error);
  /* Nothing to change the second time, and no log line for it. */
  logs = count (f->fx.store, "SELECT count(*) FROM change_log");
  g_assert_cmpint (lx_evaluation_save_suggestions (f->fx.store, res, &error), ==, 0);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log"), ==, logs);

  /* Without a reason: refused, nothing changed. */
  g_assert_false (lx_evaluation_set_final_grade (f->fx.store, f->campaign, f->b, LX_REVIEW_BASICALLY,
                                                 "", &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lx_evaluation_set_final_grade (f->fx.store, f->campaign, f->b, LX_REVIEW_BASICALLY,
                                                 "  \n ", &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lx_evaluation_set_final_grade (f->fx.store, f->campaign, f->b, LX_REVIEW_BASICALLY,
                                                 NULL, &error));
  g_clear_error (&error);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM member_review WHERE final_grade IS NOT NULL "
                                       "OR override_reason IS NOT NULL"), ==, 0);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log"), ==, logs);
  /* Nor for someone outside the organization. */
  g_assert_false (lx_evaluation_set_final_grade (f->fx.store, f->campaign, f->outsider, LX_REVIEW_QUALIFIED,
                                                 "理由", &error));
  g_clear_error (&error);

  g_assert_true (lx_evaluation_set_final_grade (f->fx.store, f->campaign, f->b, LX_REVIEW_BASICALLY,
                                                " 长期病休，群众理解 ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM change_log"), ==, logs + 1);

  /* New ballots and a visit change the suggestion, never the final grade. */
  save (f, 2, "1111", "1111", "1111", NULL);
  save (f, 3, "1111", "1111", "1111", NULL);
  add_visit (f->fx.store, f->b, "2026-06-01");
  again = lx_evaluation_compute (f->fx.store, f->campaign, TODAY, &error);
  g_assert_cmpint (lx_evaluation_results_find (again, f->b)->suggested, ==, LX_REVIEW_QUALIFIED);
  g_assert_cmpint (lx_evaluation_save_suggestions (f->fx.store, again, &error), ==, 1);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT final_grade = 'basically' AND override_reason = '长期病休，群众理解' "
                         "AND suggested_grade = 'qualified' FROM member_review WHERE member_id = %d",
                         (int)f->b);
  g_assert_cmpint (count (f->fx.store, sql), ==, 1);
  g_assert_cmpint (lx_evaluation_results_find (again, f->b)->final_grade, ==, LX_REVIEW_BASICALLY);
  g_assert_cmpstr (lx_evaluation_results_find (again, f->b)->override_reason, ==, "长期病休，群众理解");

  g_assert_true (lx_evaluation_clear_final_grade (f->fx.store, f->campaign, f->b, &error));
  g_assert_cmpint (count (f->fx.store, "SELECT count(*) FROM member_review WHERE final_grade IS NOT NULL"),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, EvalFixture, NULL, eval_setup, fn, eval_teardown)
  ADD ("/evaluation/campaigns", test_campaigns);
  ADD ("/evaluation/rates", test_rates);
  ADD ("/evaluation/replace-delete", test_replace_delete);
  ADD ("/evaluation/record-and-previous", test_record_and_previous);
  ADD ("/evaluation/override", test_override);
#undef ADD
  g_test_add_func ("/evaluation/grade-parse", test_grade_parse);
  g_test_add_func ("/evaluation/remedial-threshold", test_remedial_threshold);
  g_test_add_func ("/evaluation/one-third", test_one_third);
  g_test_add_func ("/evaluation/candidates", test_candidates);

  return g_test_run ();
}
