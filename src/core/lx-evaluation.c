/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "lx-evaluation.h"

/* Codes and labels ----------------------------------------------------------- */

static const struct
{
  const char *code;
  const char *label;
  const char *short_label;
} items[LX_N_ITEMS] = {
  /* The long labels are the export's (lx-export-sheets.c), so they share a translation. */
  { "contact", N_("Contacts and serves the masses"), NC_("evaluation item", "Contact") },
  { "appeals", N_("Appeals solved or answered"), NC_("evaluation item", "Appeals") },
  { "relations", N_("Party–masses relations improved"), NC_("evaluation item", "Relations") },
  { "satisfaction", N_("Satisfaction risen"), NC_("evaluation item", "Satisfaction") },
};

static const char * const mass_codes[LX_N_MASS_GRADES + 1] = {
  NULL, "satisfied", "fairly", "basically", "dissatisfied",
};
static const char * const mass_labels[LX_N_MASS_GRADES + 1] = {
  NULL, N_("Satisfied"), N_("Fairly satisfied"), N_("Basically satisfied"), N_("Dissatisfied"),
};
/* What a paper ballot says, whatever the interface language. */
static const char * const mass_chinese[LX_N_MASS_GRADES + 1] = {
  NULL, "满意", "比较满意", "基本满意", "不满意",
};
static const char * const review_codes[] = {
  NULL, "excellent", "qualified", "basically", "unqualified",
};
static const char * const review_labels[] = {
  NULL, N_("Excellent"), N_("Qualified"), N_("Basically qualified"), N_("Unqualified"),
};

const char *
lx_evaluation_item_code (LxEvaluationItem item)
{
  g_return_val_if_fail (item < LX_N_ITEMS, NULL);
  return items[item].code;
}

const char *
lx_evaluation_item_label (LxEvaluationItem item)
{
  g_return_val_if_fail (item < LX_N_ITEMS, NULL);
  return _(items[item].label);
}

const char *
lx_evaluation_item_short (LxEvaluationItem item)
{
  g_return_val_if_fail (item < LX_N_ITEMS, NULL);
  return g_dpgettext2 (NULL, "evaluation item", items[item].short_label);
}

static int
item_from_code (const char *code)
{
  for (int i = 0; i < LX_N_ITEMS; i++)
    if (g_strcmp0 (code, items[i].code) == 0)
      return i;
  return -1;
}

const char *
lx_mass_grade_code (LxMassGrade grade)
{
  g_return_val_if_fail (grade <= LX_MASS_DISSATISFIED, NULL);
  return mass_codes[grade];
}

const char *
lx_mass_grade_label (LxMassGrade grade)
{
  g_return_val_if_fail (grade <= LX_MASS_DISSATISFIED, NULL);
  return grade == LX_MASS_NONE ? "" : _(mass_labels[grade]);
}

LxMassGrade
lx_mass_grade_from_code (const char *code)
{
  for (int g = 1; g <= LX_N_MASS_GRADES; g++)
    if (g_strcmp0 (code, mass_codes[g]) == 0)
      return g;
  return LX_MASS_NONE;
}

LxMassGrade
lx_mass_grade_parse (const char *text)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *folded = g_utf8_casefold (t, -1);

  if (t[0] >= '1' && t[0] <= '4' && t[1] == '\0')
    return t[0] - '0';
  for (int g = 1; g <= LX_N_MASS_GRADES; g++)
    {
      g_autofree char *label = g_utf8_casefold (mass_labels[g], -1);
      g_autofree char *local = g_utf8_casefold (_(mass_labels[g]), -1);

      if (g_strcmp0 (t, mass_chinese[g]) == 0 || g_strcmp0 (folded, mass_codes[g]) == 0
          || g_strcmp0 (folded, label) == 0 || g_strcmp0 (folded, local) == 0)
        return g;
    }
  return LX_MASS_NONE;
}

const char *
lx_review_grade_code (LxReviewGrade grade)
{
  g_return_val_if_fail (grade <= LX_REVIEW_UNQUALIFIED, NULL);
  return review_codes[grade];
}

const char *
lx_review_grade_label (LxReviewGrade grade)
{
  g_return_val_if_fail (grade <= LX_REVIEW_UNQUALIFIED, NULL);
  return grade == LX_REVIEW_NONE ? "—" : _(review_labels[grade]);
}

LxReviewGrade
lx_review_grade_from_code (const char *code)
{
  for (int g = LX_REVIEW_EXCELLENT; g <= LX_REVIEW_UNQUALIFIED; g++)
    if (g_strcmp0 (code, review_codes[g]) == 0)
      return g;
  return LX_REVIEW_NONE;
}

/* Campaigns ----------------------------------------------------------------- */

void
lx_campaign_free (LxCampaign *campaign)
{
  if (campaign == NULL)
    return;
  g_free (campaign->title);
  g_free (campaign->held_on);
  g_free (campaign->org_name);
  g_free (campaign);
}

#define CAMPAIGN_COLUMNS \
  "SELECT c.id, c.org_id, c.year, c.title, c.held_on, o.name " \
  "FROM evaluation_campaign c LEFT JOIN organization o ON o.id = c.org_id "

static LxCampaign *
campaign_from_row (sqlite3_stmt *stmt)
{
  LxCampaign *c = g_new0 (LxCampaign, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->org_id = sqlite3_column_int64 (stmt, 1);
  c->year = sqlite3_column_int (stmt, 2);
  c->title = lx_column_dup (stmt, 3);
  c->held_on = lx_column_dup (stmt, 4);
  c->org_name = lx_column_dup (stmt, 5);
  return c;
}

gint64
lx_evaluation_default_org (LxStore  *store,
                           GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  stmt = lx_store_prepare (store, "SELECT id FROM organization WHERE parent_id IS NULL "
                                  "ORDER BY position, id LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return id;
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                         _("There is no party organization yet: add one first"));
  else
    lx_store_set_error (store, error, "default organization");
  return 0;
}

static gboolean
org_exists (LxStore     *store,
            gint64       org_id,
            GError     **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT 1 FROM organization WHERE id = ?", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                         _("The organization of the evaluation does not exist"));
  return found;
}

gint64
lx_evaluation_create_campaign (LxStore     *store,
                               gint64       org_id,
                               int          year,
                               const char  *title,
                               const char  *held_on,
                               GError     **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autoptr(LxCampaign) existing = NULL;
  g_autofree char *default_title = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  if (year < 1949 || year > 9999)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("The year of the evaluation is not valid: %d"), year);
      return 0;
    }
  if (title == NULL || *title == '\0')
    /* Translators: the title of a year's evaluation by the masses */
    title = default_title = g_strdup_printf (_("Evaluation of Members and the Organization by the Masses, %d"),
                                             year);
  if (!(tx = lx_store_begin (store, error)) || !org_exists (store, org_id, error))
    return 0;
  if (!lx_evaluation_find_campaign (store, org_id, year, &existing, error))
    return 0;
  if (existing != NULL)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE,
                   _("The evaluation of %d has already been started"), year);
      return 0;
    }

  stmt = lx_store_prepare (store, "INSERT INTO evaluation_campaign (org_id, year, title, held_on) "
                                  "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int (stmt, 2, year);
  lx_bind_text (stmt, 3, title);
  lx_bind_text (stmt, 4, held_on);
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  id = lx_store_last_insert_id (store);
  if (!lx_store_log_change (store, "evaluation_campaign", id, "insert", title, error)
      || !lx_transaction_commit (tx, error))
    return 0;
  return id;
}

gboolean
lx_evaluation_find_campaign (LxStore     *store,
                             gint64       org_id,
                             int          year,
                             LxCampaign **out,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  stmt = lx_store_prepare (store, CAMPAIGN_COLUMNS "WHERE c.org_id = ? AND c.year = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = campaign_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "find campaign");
      return FALSE;
    }
  return TRUE;
}

LxCampaign *
lx_evaluation_get_campaign (LxStore  *store,
                            gint64    campaign_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  LxCampaign *c = NULL;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, CAMPAIGN_COLUMNS "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = campaign_from_row (stmt);
  sqlite3_reset (stmt);
  if (c == NULL)
    g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND,
                         _("The evaluation does not exist"));
  return c;
}

GPtrArray *
lx_evaluation_list_campaigns (LxStore  *store,
                              gint64    org_id,
                              GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_campaign_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, CAMPAIGN_COLUMNS "WHERE ?1 = 0 OR c.org_id = ?1 "
                                  "ORDER BY c.year DESC, c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, campaign_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "list campaigns");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Targets -------------------------------------------------------------------- */

void
lx_evaluation_target_free (LxEvaluationTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->name);
  g_free (target->role);
  g_free (target->org_name);
  g_free (target);
}

GPtrArray *
lx_evaluation_list_targets (LxStore  *store,
                            gint64    campaign_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_evaluation_target_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store,
                           "WITH RECURSIVE sub (id) AS ("
                           "  SELECT org_id FROM evaluation_campaign WHERE id = ?1"
                           "  UNION SELECT o.id FROM organization o JOIN sub ON o.parent_id = sub.id) "
                           "SELECT m.id, m.name, m.role, o.name FROM member m "
                           "JOIN organization o ON o.id = m.org_id "
                           "WHERE m.org_id IN sub AND m.deleted_at IS NULL "
                           "  AND m.status <> 'transferred_out' "
                           "ORDER BY o.position, o.id, CASE m.role WHEN 'secretary' THEN 0 "
                           "  WHEN 'deputy' THEN 1 WHEN 'committee' THEN 2 WHEN 'group_leader' THEN 3 "
                           "  ELSE 4 END, m.pinyin, m.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LxEvaluationTarget *t = g_new0 (LxEvaluationTarget, 1);

      t->id = sqlite3_column_int64 (stmt, 0);
      t->name = lx_column_dup (stmt, 1);
      t->role = lx_column_dup (stmt, 2);
      t->org_name = lx_column_dup (stmt, 3);
      g_ptr_array_add (list, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "list evaluation targets");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Ballots ---------------------------------------------------------------------- */

LxBallot *
lx_ballot_new (int         number,
               const char *respondent)
{
  LxBallot *b = g_new0 (LxBallot, 1);

  b->number = number;
  b->respondent = (respondent != NULL && *respondent != '\0') ? g_strdup (respondent) : NULL;
  b->grades = g_array_new (FALSE, FALSE, sizeof (LxBallotGrade));
  return b;
}

void
lx_ballot_free (LxBallot *ballot)
{
  if (ballot == NULL)
    return;
  g_free (ballot->respondent);
  g_array_unref (ballot->grades);
  g_free (ballot);
}

static int
find_grade (LxBallot         *ballot,
            gint64            member_id,
            LxEvaluationItem  item)
{
  for (guint i = 0; i < ballot->grades->len; i++)
    {
      LxBallotGrade *g = &g_array_index (ballot->grades, LxBallotGrade, i);
      if (g->member_id == member_id && g->item == item)
        return i;
    }
  return -1;
}

void
lx_ballot_set_grade (LxBallot         *ballot,
                     gint64            member_id,
                     LxEvaluationItem  item,
                     LxMassGrade       grade)
{
  int i;

  g_return_if_fail (ballot != NULL);
  g_return_if_fail (item < LX_N_ITEMS);

  i = find_grade (ballot, member_id, item);
  if (grade == LX_MASS_NONE)
    {
      if (i >= 0)
        g_array_remove_index (ballot->grades, i);
    }
  else if (i >= 0)
    g_array_index (ballot->grades, LxBallotGrade, i).grade = grade;
  else
    {
      LxBallotGrade g = { member_id, item, grade };
      g_array_append_val (ballot->grades, g);
    }
}

LxMassGrade
lx_ballot_get_grade (LxBallot         *ballot,
                     gint64            member_id,
                     LxEvaluationItem  item)
{
  int i;

  g_return_val_if_fail (ballot != NULL, LX_MASS_NONE);
  i = find_grade (ballot, member_id, item);
  return i < 0 ? LX_MASS_NONE : g_array_index (ballot->grades, LxBallotGrade, i).grade;
}

static gboolean
validate_ballot (LxStore   *store,
                 gint64     campaign_id,
                 LxBallot  *ballot,
                 GError   **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) allowed = NULL;

  if (ballot->number < 1)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("Ballot number: enter a number from 1 up, not %d"), ballot->number);
      return FALSE;
    }
  if (ballot->grades->len == 0)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                   _("Ballot %d has no grade: fill in at least one"), ballot->number);
      return FALSE;
    }
  if (!(targets = lx_evaluation_list_targets (store, campaign_id, error)))
    return FALSE;
  allowed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < targets->len; i++)
    g_hash_table_add (allowed, &((LxEvaluationTarget *)g_ptr_array_index (targets, i))->id);
  for (guint i = 0; i < ballot->grades->len; i++)
    {
      LxBallotGrade *g = &g_array_index (ballot->grades, LxBallotGrade, i);

      if (g->item >= LX_N_ITEMS || g->grade < LX_MASS_SATISFIED || g->grade > LX_MASS_DISSATISFIED)
        {
          g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                       _("Ballot %d: a grade is not one of 1 to 4"), ballot->number);
          return FALSE;
        }
      if (g->member_id != 0 && !g_hash_table_contains (allowed, &g->member_id))
        {
          g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID,
                       _("Ballot %d grades someone who is not a member of the organization evaluated"),
                       ballot->number);
          return FALSE;
        }
    }
  return TRUE;
}

/* The id of the campaign's ballot numbered @number, 0 when none, -1 on error. */
static gint64
ballot_id_by_number (LxStore  *store,
                     gint64    campaign_id,
                     int       number,
                     GError  **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT id FROM ballot WHERE campaign_id = ? AND number = ?",
                                         error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "find ballot");
      return -1;
    }
  return id;
}

static gboolean
write_grades (LxStore   *store,
              gint64     ballot_id,
              LxBallot  *ballot,
              GError   **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "DELETE FROM ballot_grade WHERE ballot_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ballot_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;

  for (guint i = 0; i < ballot->grades->len; i++)
    {
      LxBallotGrade *g = &g_array_index (ballot->grades, LxBallotGrade, i);

      stmt = lx_store_prepare (store, "INSERT INTO ballot_grade (ballot_id, member_id, item, grade) "
                                      "VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ballot_id);
      lx_bind_id (stmt, 2, g->member_id);
      sqlite3_bind_text (stmt, 3, items[g->item].code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, mass_codes[g->grade], -1, SQLITE_STATIC);
      if (!lx_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
lx_evaluation_write_ballot (LxStore   *store,
                            gint64     campaign_id,
                            LxBallot  *ballot,
                            gboolean  *out_replaced,
                            GError   **error)
{
  g_autofree char *summary = NULL;
  const char *action;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (ballot != NULL, 0);

  if (out_replaced != NULL)
    *out_replaced = FALSE;
  if (!validate_ballot (store, campaign_id, ballot, error))
    return 0;
  if ((id = ballot_id_by_number (store, campaign_id, ballot->number, error)) < 0)
    return 0;
  if (out_replaced != NULL)
    *out_replaced = id > 0;
  action = id > 0 ? "update" : "insert";

  if (id > 0)
    stmt = lx_store_prepare (store, "UPDATE ballot SET respondent = ?2 WHERE id = ?1", error);
  else
    stmt = lx_store_prepare (store, "INSERT INTO ballot (campaign_id, number, respondent) "
                                    "VALUES (?3, ?4, ?2)", error);
  if (stmt == NULL)
    return 0;
  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  lx_bind_text (stmt, 2, ballot->respondent);
  if (id == 0)
    {
      sqlite3_bind_int64 (stmt, 3, campaign_id);
      sqlite3_bind_int (stmt, 4, ballot->number);
    }
  if (!lx_store_step_done (store, stmt, error))
    return 0;
  if (id == 0)
    id = lx_store_last_insert_id (store);
  if (!write_grades (store, id, ballot, error))
    return 0;

  summary = g_strdup_printf ("ballot %d, %u grades", ballot->number, ballot->grades->len);
  if (!lx_store_log_change (store, "ballot", id, action, summary, error))
    return 0;
  ballot->id = id;
  ballot->campaign_id = campaign_id;
  return id;
}

gint64
lx_evaluation_save_ballot (LxStore   *store,
                           gint64     campaign_id,
                           LxBallot  *ballot,
                           gboolean  *out_replaced,
                           GError   **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  gboolean replaced = FALSE;
  gint64 id;

  g_return_val_if_fail (LX_IS_STORE (store), 0);
  g_return_val_if_fail (ballot != NULL, 0);

  if (!(tx = lx_store_begin (store, error)))
    return 0;
  if ((id = lx_evaluation_write_ballot (store, campaign_id, ballot, &replaced, error)) == 0)
    return 0;
  if (!lx_transaction_commit (tx, error))
    return 0;
  if (out_replaced != NULL)
    *out_replaced = replaced;
  return id;
}

gboolean
lx_evaluation_delete_ballot (LxStore  *store,
                             gint64    ballot_id,
                             GError  **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);

  if (!(tx = lx_store_begin (store, error)))
    return FALSE;
  stmt = lx_store_prepare (store, "DELETE FROM ballot WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ballot_id);
  if (!lx_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (lx_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("The ballot does not exist"));
      return FALSE;
    }
  return lx_store_log_change (store, "ballot", ballot_id, "delete", NULL, error)
         && lx_transaction_commit (tx, error);
}

static gboolean
load_grades (LxStore   *store,
             LxBallot  *ballot,
             GError   **error)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT member_id, item, grade FROM ballot_grade "
                                                "WHERE ballot_id = ? ORDER BY rowid", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ballot->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int item = item_from_code ((const char *)sqlite3_column_text (stmt, 1));
      LxMassGrade grade = lx_mass_grade_from_code ((const char *)sqlite3_column_text (stmt, 2));

      if (item >= 0 && grade != LX_MASS_NONE)
        lx_ballot_set_grade (ballot, sqlite3_column_int64 (stmt, 0), item, grade);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "load ballot grades");
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
lx_evaluation_list_ballots (LxStore  *store,
                            gint64    campaign_id,
                            guint     limit,
                            GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)lx_ballot_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT id, number, respondent FROM (SELECT * FROM ballot "
                                  "WHERE campaign_id = ?1 ORDER BY number DESC LIMIT ?2) "
                                  "ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (gint64)limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *respondent = lx_column_dup (stmt, 2);
      LxBallot *b = lx_ballot_new (sqlite3_column_int (stmt, 1), respondent);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->campaign_id = campaign_id;
      g_ptr_array_add (list, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lx_store_set_error (store, error, "list ballots");
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!load_grades (store, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

LxBallot *
lx_evaluation_get_ballot (LxStore  *store,
                          gint64    campaign_id,
                          int       number,
                          GError  **error)
{
  g_autoptr(LxBallot) b = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LX_IS_STORE (store), NULL);

  stmt = lx_store_prepare (store, "SELECT id, respondent FROM ballot WHERE campaign_id = ? AND number = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  sqlite3_bind_int (stmt, 2, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *respondent = lx_column_dup (stmt, 1);
      b = lx_ballot_new (number, respondent);
      b->id = sqlite3_column_int64 (stmt, 0);
      b->campaign_id = campaign_id;
    }
  sqlite3_reset (stmt);
  if (b == NULL)
    {
      g_set_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND, _("There is no ballot %d"), number);
      return NULL;
    }
  if (!load_grades (store, b, error))
    return NULL;
  return g_steal_pointer (&b);
}

int
lx_evaluation_next_ballot_number (LxStore  *store,
                                  gint64    campaign_id,
                                  GError  **error)
{
  sqlite3_stmt *stmt;
  int next = 0;

  g_return_val_if_fail (LX_IS_STORE (store), 0);

  stmt = lx_store_prepare (store, "SELECT coalesce (max (number), 0) + 1 FROM ballot WHERE campaign_id = ?",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (next == 0)
    lx_store_set_error (store, error, "next ballot number");
  return next;
}

gint64
lx_evaluation_count_ballots (LxStore  *store,
                             gint64    campaign_id,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (LX_IS_STORE (store), -1);

  stmt = lx_store_prepare (store, "SELECT count(*) FROM ballot WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (n < 0)
    lx_store_set_error (store, error, "count ballots");
  return n;
}
