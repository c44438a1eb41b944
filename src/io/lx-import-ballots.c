/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-evaluation.h"
#include "lx-import-private.h"
#include "lx-validate.h"

/* Evaluation ballots (群众评议票) typed into a spreadsheet: one row per
 * ballot and person graded — the ballot's number, the respondent (empty:
 * anonymous), the member's name (empty, 党组织 or the organization's name:
 * the organization itself), then the four items, each 满意 / 比较满意 /
 * 基本满意 / 不满意 or 1 … 4, empty for a blank. Rows with the same number
 * make one ballot. The ballots go to this year's campaign of the top
 * organization, which is started when missing; a ballot whose number is
 * there already is replaced (or, with "skip", left alone). */

static const LxImportField grade_fields[LX_N_ITEMS] = {
  LX_FIELD_GRADE_CONTACT, LX_FIELD_GRADE_APPEALS, LX_FIELD_GRADE_RELATIONS, LX_FIELD_GRADE_SATISFACTION,
};

typedef struct
{
  LxImportContext *ctx;
  LxCampaign      *campaign;
  GHashTable      *members;     /* name → id, or -1 when two share it */
  GHashTable      *ballots;     /* number → LxBallot */
  GHashTable      *first_row;   /* number → first row of it */
  GHashTable      *seen;        /* "number/member" → row */
  GArray          *order;       /* numbers as first met */
} BallotRun;

static gboolean
open_campaign (BallotRun  *run,
               GError    **error)
{
  LxStore *store = run->ctx->store;
  int year = atoi (run->ctx->today);
  gint64 org_id = lx_evaluation_default_org (store, error);

  if (org_id <= 0)
    return FALSE;
  if (!lx_evaluation_find_campaign (store, org_id, year, &run->campaign, error))
    return FALSE;
  if (run->campaign == NULL
      && lx_evaluation_create_campaign (store, org_id, year, NULL, NULL, error) == 0)
    return FALSE;
  return run->campaign != NULL || lx_evaluation_find_campaign (store, org_id, year, &run->campaign, error);
}

static gboolean
load_members (BallotRun  *run,
              GError    **error)
{
  g_autoptr(GPtrArray) targets = lx_evaluation_list_targets (run->ctx->store, run->campaign->id, error);

  if (targets == NULL)
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    {
      LxEvaluationTarget *t = g_ptr_array_index (targets, i);
      gint64 *old = g_hash_table_lookup (run->members, t->name);

      if (old == NULL)
        g_hash_table_insert (run->members, g_strdup (t->name), g_memdup2 (&t->id, sizeof t->id));
      else
        *old = -1;
    }
  return TRUE;
}

static gboolean
is_organization (BallotRun  *run,
                 const char *name)
{
  return *name == '\0' || g_str_equal (name, "党组织") || g_str_equal (name, "组织")
         || g_strcmp0 (name, run->campaign->org_name) == 0
         || g_utf8_collate (name, _("The organization")) == 0;
}

/* The member graded on row @i: 0 for the organization, -1 (with a
 * problem) when nobody or several have the name. */
static gint64
row_member (BallotRun *run,
            guint      i)
{
  g_autofree char *name = lx_import_ctx_value (run->ctx, i, LX_FIELD_NAME);
  gint64 *id;

  if (name == NULL || is_organization (run, name))
    return 0;
  id = g_hash_table_lookup (run->members, name);
  if (id == NULL)
    lx_import_ctx_problem (run->ctx, i, LX_FIELD_NAME,
                           _("%s is not a member of the organization evaluated"), name);
  else if (*id < 0)
    lx_import_ctx_problem (run->ctx, i, LX_FIELD_NAME,
                           _("Two members are called %s: the ballot cannot tell which"), name);
  return id == NULL ? -1 : *id;
}

static LxBallot *
ballot_for (BallotRun *run,
            guint      i,
            int        number)
{
  LxBallot *ballot = g_hash_table_lookup (run->ballots, GINT_TO_POINTER (number));

  if (ballot == NULL)
    {
      g_autofree char *respondent = lx_import_ctx_value (run->ctx, i, LX_FIELD_RESPONDENT);

      ballot = lx_ballot_new (number, respondent);
      g_hash_table_insert (run->ballots, GINT_TO_POINTER (number), ballot);
      g_hash_table_insert (run->first_row, GINT_TO_POINTER (number), GUINT_TO_POINTER (i));
      g_array_append_val (run->order, number);
    }
  return ballot;
}

static void
check_row (BallotRun *run,
           guint      i)
{
  LxImportContext *ctx = run->ctx;
  g_autofree char *number_text = lx_import_ctx_value (ctx, i, LX_FIELD_BALLOT_NUMBER);
  g_autofree char *key = NULL;
  LxMassGrade grades[LX_N_ITEMS];
  gpointer first;
  LxBallot *ballot;
  gint64 member;
  int number = 0;

  if (number_text == NULL || !lx_import_parse_int (number_text, "号", &number) || number < 1)
    {
      lx_import_ctx_problem (ctx, i, LX_FIELD_BALLOT_NUMBER, _("Enter the ballot’s number, from 1 up"));
      return;
    }
  if ((member = row_member (run, i)) < 0)
    return;
  for (int k = 0; k < LX_N_ITEMS; k++)
    {
      g_autofree char *text = lx_import_ctx_value (ctx, i, grade_fields[k]);

      grades[k] = text == NULL ? LX_MASS_NONE : lx_mass_grade_parse (text);
      if (text != NULL && grades[k] == LX_MASS_NONE)
        lx_import_ctx_problem (ctx, i, grade_fields[k],
                               _("“%s” is not a grade: write 满意, 比较满意, 基本满意, 不满意 or 1 to 4"),
                               text);
    }

  key = g_strdup_printf ("%d/%d", number, (int)member);
  if (g_hash_table_lookup_extended (run->seen, key, NULL, &first))
    {
      lx_import_ctx_problem (ctx, i, LX_FIELD_NAME, _("Ballot %d grades this person already in row %u"),
                             number, lx_import_ctx_row_number (ctx, GPOINTER_TO_UINT (first)));
      return;
    }
  g_hash_table_insert (run->seen, g_steal_pointer (&key), GUINT_TO_POINTER (i));
  ballot = ballot_for (run, i, number);
  for (int k = 0; k < LX_N_ITEMS; k++)
    if (grades[k] != LX_MASS_NONE)
      lx_ballot_set_grade (ballot, member, k, grades[k]);
}

static gboolean
same_ballot (LxBallot *a,
             LxBallot *b)
{
  if (g_strcmp0 (a->respondent, b->respondent) != 0 || a->grades->len != b->grades->len)
    return FALSE;
  for (guint i = 0; i < a->grades->len; i++)
    {
      LxBallotGrade *g = &g_array_index (a->grades, LxBallotGrade, i);
      if (lx_ballot_get_grade (b, g->member_id, g->item) != g->grade)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_ballots (BallotRun  *run,
               GError    **error)
{
  LxImportContext *ctx = run->ctx;

  for (guint b = 0; b < run->order->len; b++)
    {
      int number = g_array_index (run->order, int, b);
      LxBallot *ballot = g_hash_table_lookup (run->ballots, GINT_TO_POINTER (number));
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LxBallot) old = NULL;
      gboolean replaced = FALSE;

      if (!lx_import_ctx_tick (ctx, b, 0.5, 0.5, error))
        return FALSE;
      old = lx_evaluation_get_ballot (ctx->store, run->campaign->id, number, NULL);
      if (old != NULL && ctx->on_match == LX_IMPORT_ON_MATCH_SKIP)
        {
          ctx->result->skipped++;
          continue;
        }
      if (old != NULL && same_ballot (old, ballot))
        {
          /* Importing the same sheet twice changes nothing. */
          ctx->result->unchanged++;
          continue;
        }
      if (lx_evaluation_write_ballot (ctx->store, run->campaign->id, ballot, &replaced, &local_error) == 0)
        {
          /* A rule of the ballot (no grade at all): the file's fault. */
          if (!g_error_matches (local_error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          lx_import_ctx_problem (ctx, GPOINTER_TO_UINT (g_hash_table_lookup (run->first_row,
                                                                              GINT_TO_POINTER (number))),
                                 LX_FIELD_BALLOT_NUMBER, "%s", local_error->message);
          continue;
        }
      if (replaced)
        ctx->result->updated++;
      else
        ctx->result->added++;
    }
  return lx_import_ctx_log (ctx, "ballot", ctx->result->added, ctx->result->updated,
                            ctx->result->unchanged, ctx->result->skipped, error);
}

gboolean
lx_import_apply_ballots (LxImportContext *ctx,
                         GError         **error)
{
  BallotRun run = { ctx };
  gboolean ok = FALSE;
  guint n = lx_import_ctx_n_rows (ctx);

  run.members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.ballots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)lx_ballot_free);
  run.first_row = g_hash_table_new (NULL, NULL);
  run.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.order = g_array_new (FALSE, FALSE, sizeof (int));

  if (open_campaign (&run, error) && load_members (&run, error))
    {
      ok = TRUE;
      for (guint i = 0; i < n && ok; i++)
        {
          ok = lx_import_ctx_tick (ctx, i, 0.0, 0.5, error);
          if (ok)
            check_row (&run, i);
        }
      if (ok && ctx->result->problems->len == 0)
        ok = write_ballots (&run, error);
    }
  lx_campaign_free (run.campaign);
  g_hash_table_unref (run.members);
  g_hash_table_unref (run.ballots);
  g_hash_table_unref (run.first_row);
  g_hash_table_unref (run.seen);
  g_array_unref (run.order);
  return ok;
}
