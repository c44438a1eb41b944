/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-evaluation"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "lx-evaluation.h"

/* Results of a campaign, the grading rule of lx-evaluation.h, and the
 * secretary's final grades. */

/* Rates ---------------------------------------------------------------------- */

static void
count_good (const LxGradeCounts *counts,
            int                  item,
            gint64              *good,
            gint64              *total)
{
  *good = *total = 0;
  for (int i = 0; i < LX_N_ITEMS; i++)
    {
      if (item >= 0 && i != item)
        continue;
      for (int g = 0; g < LX_N_MASS_GRADES; g++)
        *total += counts->counts[i][g];
      *good += counts->counts[i][LX_MASS_SATISFIED - 1] + counts->counts[i][LX_MASS_FAIRLY - 1];
    }
}

double
lx_grade_counts_rate (const LxGradeCounts *counts,
                      int                  item)
{
  gint64 good, total;

  g_return_val_if_fail (counts != NULL, -1);
  count_good (counts, item, &good, &total);
  return total == 0 ? -1 : (double)good / total;
}

gint64
lx_grade_counts_total (const LxGradeCounts *counts,
                       int                  item)
{
  gint64 good, total;

  g_return_val_if_fail (counts != NULL, 0);
  count_good (counts, item, &good, &total);
  return total;
}

/* Compared in whole numbers, so that 3 of 5 is exactly 60 %, not a
 * rounding error below it. */
static gboolean
rate_below (const LxGradeCounts *counts,
            int                  percent)
{
  gint64 good, total;

  count_good (counts, -1, &good, &total);
  return total > 0 && good * 100 < total * percent;
}

/* The rule ------------------------------------------------------------------- */

int
lx_evaluation_score (const LxMemberResult *r)
{
  gint64 good, total;
  int per_mille;

  g_return_val_if_fail (r != NULL, 0);
  count_good (&r->counts, -1, &good, &total);
  if (total == 0)
    return 0;
  per_mille = (int)((good * 1000 + total / 2) / total);
  return per_mille + 10 * MIN (r->visits, 12) + 10 * MIN (r->appeals_handled, 5) + 30 * r->pledges_kept;
}

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const LxMemberResult *ra = *(LxMemberResult * const *)a;
  const LxMemberResult *rb = *(LxMemberResult * const *)b;

  return rb->score - ra->score;
}

static LxReviewGrade
basic_grade (LxMemberResult *r)
{
  if (rate_below (&r->counts, 40) || r->visits == 0)
    return LX_REVIEW_UNQUALIFIED;
  if (rate_below (&r->counts, 60))
    return LX_REVIEW_BASICALLY;
  return LX_REVIEW_QUALIFIED;
}

void
lx_evaluation_suggest (GPtrArray *members)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  guint n = 0, cap, k;

  g_return_if_fail (members != NULL);

  for (guint i = 0; i < members->len; i++)
    {
      LxMemberResult *r = g_ptr_array_index (members, i);

      r->suggested = LX_REVIEW_NONE;
      r->remedial = rate_below (&r->counts, 60);
      if (lx_grade_counts_total (&r->counts, -1) == 0)
        continue;
      n++;
      r->score = lx_evaluation_score (r);
      r->suggested = basic_grade (r);
      if (r->suggested == LX_REVIEW_QUALIFIED && !rate_below (&r->counts, 80)
          && r->pairings >= r->quota)
        g_ptr_array_add (candidates, r);
    }

  /* g_ptr_array_sort is not stable, but equal scores are treated alike. */
  g_ptr_array_sort (candidates, by_score);
  cap = n / 3;
  k = MIN (cap, candidates->len);
  if (k > 0 && k < candidates->len)
    {
      int boundary = ((LxMemberResult *)g_ptr_array_index (candidates, k))->score;

      /* A tie across the cap: all who share the boundary score stay 合格. */
      while (k > 0 && ((LxMemberResult *)g_ptr_array_index (candidates, k - 1))->score == boundary)
        k--;
    }
  for (guint i = 0; i < k; i++)
    ((LxMemberResult *)g_ptr_array_index (candidates, i))->suggested = LX_REVIEW_EXCELLENT;
}

/* Results --------------------------------------------------------------------- */

static void
member_result_free (LxMemberResult *r)
{
  if (r == NULL)
    return;
  g_free (r->name);
  g_free (r->org_name);
  g_free (r->role);
  g_free (r->override_reason);
  g_free (r);
}

void
lx_evaluation_results_free (LxEvaluationResults *results)
{
  if (results == NULL)
    return;
  lx_campaign_free (results->campaign);
  member_result_free (results->organization);
  g_clear_pointer (&results->members, g_ptr_array_unref);
  g_free (results);
}

LxMemberResult *
lx_evaluation_results_find (LxEvaluationResults *results,
                            gint64               member_id)
{
  g_return_val_if_fail (results != NULL, NULL);

  if (member_id == 0)
    return results->organization;
  for (guint i = 0; i < results->members->len; i++)
    {
      LxMemberResult *r = g_ptr_array_index (results->members, i);
      if (r->member_id == member_id)
        return r;
    }
  return NULL;
}

static gboolean
load_counts (LxStore              *store,
             LxEvaluationResults  *res,
             GError              **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store,
                                         "SELECT g.member_id, g.item, g.grade, count(*) FROM ballot_grade g "
                                         "JOIN ballot b ON b.id = g.ballot_id WHERE b.campaign_id = ? "
                                         "GROUP BY 1, 2, 3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, res->campaign->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxMemberResult *r = lx_evaluation_results_find (res, sqlite3_column_int64 (stmt, 0));
      const char *item_code = (const char *)sqlite3_column_text (stmt, 1);
      LxMassGrade grade = lx_mass_grade_from_code ((const char *)sqlite3_column_text (stmt, 2));
      gint64 n = sqlite3_column_int64 (stmt, 3);

      for (int i = 0; i < LX_N_ITEMS && grade != LX_MASS_NONE; i++)
        if (g_strcmp0 (item_code, lx_evaluation_item_code (i)) == 0)
          {
            /* Grades of people who have left since do not count. */
            if (r != NULL)
              r->counts.counts[i][grade - 1] += n;
            if (r != NULL && r->member_id != 0)
              res->all_members.counts[i][grade - 1] += n;
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "evaluation results");
      return FALSE;
    }
  return TRUE;
}

static int
item_index (const char *code)
{
  for (int i = 0; i < LX_N_ITEMS; i++)
    if (g_strcmp0 (code, lx_evaluation_item_code (i)) == 0)
      return i;
  return -1;
}

static LxGradeCounts *
counts_of (GHashTable     *table,
           LxMemberResult *r)
{
  LxGradeCounts *c = g_hash_table_lookup (table, r);

  if (c == NULL)
    g_hash_table_insert (table, r, (c = g_new0 (LxGradeCounts, 1)));
  return c;
}

static gboolean load_previous_counts (LxStore *store, LxEvaluationResults *res, GHashTable *last_year,
                                      GError **error);

/* Last year's campaign of the same organization: every rate again. */
static gboolean
load_previous (LxStore              *store,
               LxEvaluationResults  *res,
               GError              **error)
{
  g_autoptr(GHashTable) last_year = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (!load_previous_counts (store, res, last_year, error))
    return FALSE;
  g_hash_table_iter_init (&iter, last_year);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LxMemberResult *r = key;

      for (int i = 0; i < LX_N_ITEMS; i++)
        r->previous_rate[i] = lx_grade_counts_rate (value, i);
      r->previous = lx_grade_counts_rate (value, -1);
    }
  return TRUE;
}

static gboolean
load_previous_counts (LxStore              *store,
                      LxEvaluationResults  *res,
                      GHashTable           *last_year,
                      GError              **error)
{
  g_autoptr(LxCampaign) previous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!lx_evaluation_find_campaign (store, res->campaign->org_id, res->campaign->year - 1, &previous, error))
    return FALSE;
  if (previous == NULL)
    return TRUE;
  res->previous_campaign_id = previous->id;

  stmt = lx_store_prepare (store,
                           "SELECT coalesce (g.member_id, 0), g.item, g.grade, count(*) FROM ballot_grade g "
                           "JOIN ballot b ON b.id = g.ballot_id WHERE b.campaign_id = ? GROUP BY 1, 2, 3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, previous->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxMemberResult *r = lx_evaluation_results_find (res, sqlite3_column_int64 (stmt, 0));
      int item = item_index ((const char *)sqlite3_column_text (stmt, 1));
      LxMassGrade grade = lx_mass_grade_from_code ((const char *)sqlite3_column_text (stmt, 2));

      if (r != NULL && item >= 0 && grade != LX_MASS_NONE)
        counts_of (last_year, r)->counts[item][grade - 1] += sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "previous evaluation");
      return FALSE;
    }
  return TRUE;
}

/* ?1 first day of the year, ?2 first day of the next, ?3 the day pairings
 * are counted on, ?4 the year, ?5 the member. */
#define RECORD_SQL \
  "SELECT (SELECT count(*) FROM visit_member vm CROSS JOIN visit v ON v.id = vm.visit_id " \
  "        WHERE vm.member_id = m.id AND v.happened_at >= ?1 AND v.happened_at < ?2), " \
  "  (SELECT count(*) FROM pairing p WHERE p.member_id = m.id AND p.start_on <= ?3 " \
  "        AND (p.end_on IS NULL OR p.end_on > ?3)), " \
  "  coalesce ((SELECT households FROM quota q WHERE q.role = m.role), 0), " \
  "  (SELECT count(*) FROM appeal a WHERE a.assignee_id = m.id AND a.received_on >= ?1 " \
  "        AND a.received_on < ?2 AND a.status IN ('resolved', 'responded', 'escalated', 'closed')), " \
  "  (SELECT count(*) FROM pledge pl WHERE pl.member_id = m.id AND pl.year = ?4 AND pl.status = 'kept') " \
  "FROM member m WHERE m.id = ?5"

static gboolean
load_record (LxStore         *store,
             LxMemberResult  *r,
             int              year,
             const char      *today,
             GError         **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *until = g_strdup_printf ("%04d-01-01", year + 1);
  g_autofree char *year_end = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = lx_store_prepare (store, RECORD_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, (today != NULL && g_strcmp0 (today, year_end) < 0) ? today : year_end,
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, year);
  sqlite3_bind_int64 (stmt, 5, r->member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      lx_store_set_error (store, error, "member record");
      return FALSE;
    }
  r->visits = sqlite3_column_int (stmt, 0);
  r->pairings = sqlite3_column_int (stmt, 1);
  r->quota = sqlite3_column_int (stmt, 2);
  r->appeals_handled = sqlite3_column_int (stmt, 3);
  r->pledges_kept = sqlite3_column_int (stmt, 4);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_reviews (LxStore              *store,
              LxEvaluationResults  *res,
              GError              **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT member_id, final_grade, override_reason "
                                                "FROM member_review WHERE campaign_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, res->campaign->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxMemberResult *r = lx_evaluation_results_find (res, sqlite3_column_int64 (stmt, 0));

      if (r == NULL || r->member_id == 0)
        continue;
      r->final_grade = lx_review_grade_from_code ((const char *)sqlite3_column_text (stmt, 1));
      g_free (r->override_reason);
      r->override_reason = lx_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "member reviews");
      return FALSE;
    }
  return TRUE;
}

static LxMemberResult *
member_result_new (gint64      member_id,
                   const char *name,
                   const char *org_name,
                   const char *role)
{
  LxMemberResult *r = g_new0 (LxMemberResult, 1);

  r->member_id = member_id;
  r->name = g_strdup (name);
  r->org_name = g_strdup (org_name);
  r->role = g_strdup (role);
  r->previous = -1;
  for (int i = 0; i < LX_N_ITEMS; i++)
    r->previous_rate[i] = -1;
  return r;
}

static void
fill_rates (LxMemberResult *r)
{
  for (int i = 0; i < LX_N_ITEMS; i++)
    r->rate[i] = lx_grade_counts_rate (&r->counts, i);
  r->overall = lx_grade_counts_rate (&r->counts, -1);
}

LxEvaluationResults *
lx_evaluation_compute (LxStore     *store,
                       gint64       campaign_id,
                       const char  *today,
                       GError     **error)
{
  g_autoptr(LxEvaluationResults) res = g_new0 (LxEvaluationResults, 1);
  g_autoptr(GPtrArray) targets = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  res->members = g_ptr_array_new_with_free_func ((GDestroyNotify)member_result_free);
  if (!(res->campaign = lx_evaluation_get_campaign (store, campaign_id, error))
      || !(targets = lx_evaluation_list_targets (store, campaign_id, error)))
    return NULL;
  res->organization = member_result_new (0, res->campaign->org_name, res->campaign->org_name, NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      LxEvaluationTarget *t = g_ptr_array_index (targets, i);
      LxMemberResult *r = member_result_new (t->id, t->name, t->org_name, t->role);

      g_ptr_array_add (res->members, r);
      if (!load_record (store, r, res->campaign->year, today, error))
        return NULL;
    }
  if ((res->n_ballots = lx_evaluation_count_ballots (store, campaign_id, error)) < 0
      || !load_counts (store, res, error) || !load_previous (store, res, error)
      || !load_reviews (store, res, error))
    return NULL;

  fill_rates (res->organization);
  for (guint i = 0; i < res->members->len; i++)
    fill_rates (g_ptr_array_index (res->members, i));
  lx_evaluation_suggest (res->members);
  return g_steal_pointer (&res);
}

static int
by_rate (gconstpointer a,
         gconstpointer b)
{
  const LxMemberResult *ra = *(LxMemberResult * const *)a;
  const LxMemberResult *rb = *(LxMemberResult * const *)b;

  return ra->overall < rb->overall ? -1 : ra->overall > rb->overall ? 1
         : (ra->member_id > rb->member_id) - (ra->member_id < rb->member_id);
}

GPtrArray *
lx_evaluation_remedial (LxEvaluationResults *results)
{
  GPtrArray *list = g_ptr_array_new ();

  g_return_val_if_fail (results != NULL, list);
  for (guint i = 0; i < results->members->len; i++)
    {
      LxMemberResult *r = g_ptr_array_index (results->members, i);
      if (r->remedial)
        g_ptr_array_add (list, r);
    }
  g_ptr_array_sort (list, by_rate);
  return list;
}

/* Review grades ------------------------------------------------------------------- */

static gboolean
write_suggestion (LxStore         *store,
                  gint64           campaign_id,
                  LxMemberResult  *r,
                  int             *changed,
                  GError         **error)
{
  sqlite3_stmt *stmt;

  if (r->suggested == LX_REVIEW_NONE)
    stmt = lx_store_prepare (store, "UPDATE member_review SET suggested_grade = NULL "
                                    "WHERE campaign_id = ?1 AND member_id = ?2 "
                                    "AND suggested_grade IS NOT NULL", error);
  else
    stmt = lx_store_prepare (store, "INSERT INTO member_review (campaign_id, member_id, suggested_grade) "
                                    "VALUES (?1, ?2, ?3) ON CONFLICT (campaign_id, member_id) "
                                    "DO UPDATE SET suggested_grade = excluded.suggested_grade "
                                    "WHERE suggested_grade IS NOT excluded.suggested_grade", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, r->member_id);
  if (r->suggested != LX_REVIEW_NONE)
    sqlite3_bind_text (stmt, 3, lx_review_grade_code (r->suggested), -1, SQLITE_STATIC);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  *changed += sqlite3_changes (lx_store_get_db (store));
  return TRUE;
}

int
lx_evaluation_save_suggestions (LxStore              *store,
                                LxEvaluationResults  *results,
                                GError              **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  int changed = 0;

  g_return_val_if_fail (LX_IS_STORE (store), -1);
  g_return_val_if_fail (results != NULL, -1);

  if (!(tx = lx_store_begin (store, error)))
    return -1;
  for (guint i = 0; i < results->members->len; i++)
    if (!write_suggestion (store, results->campaign->id, g_ptr_array_index (results->members, i),
                           &changed, error))
      return -1;
  if (changed > 0)
    {
      g_autofree char *summary = g_strdup_printf ("suggested grades of %d members", changed);
      if (!lx_store_log_change (store, "member_review", results->campaign->id, "update", summary, error))
        return -1;
    }
  if (!lx_transaction_commit (tx, error))
    return -1;
  return changed;
}

static gboolean
check_target (LxStore  *store,
              gint64    campaign_id,
              gint64    member_id,
              GError  **error)
{
  g_autoptr(GPtrArray) targets = lx_evaluation_list_targets (store, campaign_id, error);

  if (targets == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    if (((LxEvaluationTarget *)g_ptr_array_index (targets, i))->id == member_id)
      return TRUE;
  g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                       _("Member: not a member of the organization evaluated"));
  return FALSE;
}

gboolean
lx_evaluation_set_final_grade (LxStore       *store,
                               gint64         campaign_id,
                               gint64         member_id,
                               LxReviewGrade  grade,
                               const char    *reason,
                               GError       **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (grade < LX_REVIEW_EXCELLENT || grade > LX_REVIEW_UNQUALIFIED)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID, _("Grade: choose a grade"));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                           _("Reason: say why the grade differs from the suggestion"));
      return FALSE;
    }
  if (!(tx = lx_store_begin (store, error)) || !check_target (store, campaign_id, member_id, error))
    return FALSE;
  stmt = lx_store_prepare (store, "INSERT INTO member_review (campaign_id, member_id, final_grade, "
                                  "override_reason) VALUES (?1, ?2, ?3, ?4) "
                                  "ON CONFLICT (campaign_id, member_id) DO UPDATE SET "
                                  "final_grade = excluded.final_grade, "
                                  "override_reason = excluded.override_reason", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  sqlite3_bind_text (stmt, 3, lx_review_grade_code (grade), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, why, -1, SQLITE_TRANSIENT);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("campaign %d: final grade %s: %s", (int)campaign_id,
                             lx_review_grade_code (grade), why);
  return lx_store_log_change (store, "member_review", member_id, "update", summary, error)
         && lx_transaction_commit (tx, error);
}

gboolean
lx_evaluation_clear_final_grade (LxStore  *store,
                                 gint64    campaign_id,
                                 gint64    member_id,
                                 GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  stmt = lx_store_prepare (store, "UPDATE member_review SET final_grade = NULL, override_reason = NULL "
                                  "WHERE campaign_id = ? AND member_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("campaign %d: final grade cleared", (int)campaign_id);
  return lx_store_log_change (store, "member_review", member_id, "update", summary, error)
         && lx_transaction_commit (tx, error);
}
