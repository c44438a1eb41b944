/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lx-appeal-list.h"
#include "lx-appeal-repo.h"
#include "lx-appeal-stats.h"
#include "lx-test-util.h"

/* Two members, two households; today is 2026-11-26 (LIANXIN_TODAY). */
static const char *people_sql =
  "INSERT INTO organization (id, name, kind) VALUES (1, '第一支部', 'branch');"
  "INSERT INTO member (id, org_id, name) VALUES (1, 1, '王书记'), (2, 1, '李委员');"
  "INSERT INTO household (id, head_name, address, search_text) VALUES "
  "  (1, '张三', '和平路1号', '张三 zhangsan zs 和平路1号'),"
  "  (2, '欧阳明', '和平路2号', '欧阳明 ouyangming oym 和平路2号');";

static void
setup_people (LxFixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_store_exec (fx->store, people_sql, &error));
  g_assert_no_error (error);
}

static gint64
count (LxFixture  *fx,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = lx_store_query_int (fx->store, sql, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
intake (LxFixture *fx)
{
  g_autoptr(LxAppeal) a = lx_appeal_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  a->received_on = g_strdup ("2026-11-10");
  a->channel = g_strdup ("hotline");
  a->household_id = 1;
  a->concern = g_strdup ("worry");
  a->domain = g_strdup ("environment");
  a->description = g_strdup ("楼道灯坏了");
  id = lx_appeal_repo_intake (fx->store, a, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
status_of (LxFixture *fx,
           gint64     id)
{
  g_autoptr(LxAppeal) a = lx_appeal_repo_get (fx->store, id, NULL);

  return g_strdup (a->status);
}

/* Workflow table ------------------------------------------------------- */

static gboolean
expected_allowed (const char *from,
                  const char *to)
{
  static const char *valid[] = {
    "received>in_progress", "in_progress>resolved", "in_progress>responded",
    "in_progress>escalated", "resolved>closed", "responded>closed", "escalated>closed",
  };
  g_autofree char *key = g_strdup_printf ("%s>%s", from, to);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (g_str_equal (valid[i], key))
      return TRUE;
  return FALSE;
}

static void
test_workflow_table (void)
{
  const char * const *statuses = lx_appeal_statuses ();
  guint allowed = 0;

  for (guint i = 0; statuses[i] != NULL; i++)
    for (guint j = 0; statuses[j] != NULL; j++)
      {
        g_autoptr(GError) error = NULL;
        gboolean ok = lx_appeal_transition_allowed (statuses[i], statuses[j], &error);

        g_assert_cmpint (ok, ==, expected_allowed (statuses[i], statuses[j]));
        if (ok)
          {
            g_assert_no_error (error);
            allowed++;
          }
        else
          {
            g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
            /* The message names both ends: "from “Received” to “Closed”". */
            g_assert_nonnull (strstr (error->message, lx_appeal_status_label (statuses[i])));
            g_assert_nonnull (strstr (error->message, lx_appeal_status_label (statuses[j])));
          }
      }
  g_assert_cmpuint (allowed, ==, 7);

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (lx_appeal_transition_allowed ("received", "done", &error));
    g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  }
  {
    g_auto(GStrv) next = lx_appeal_next_statuses ("in_progress");
    g_assert_cmpuint (g_strv_length (next), ==, 3);
    g_assert_true (g_strv_contains ((const char * const *)next, "escalated"));
  }
}

static void
test_labels (void)
{
  const char * const *(*lists[]) (void) = {
    lx_appeal_channels, lx_appeal_concerns, lx_appeal_domains, lx_appeal_priorities,
    lx_appeal_mechanisms, lx_appeal_statuses, lx_appeal_levels, lx_appeal_satisfactions,
  };
  const char *(*labels[]) (const char *) = {
    lx_appeal_channel_label, lx_appeal_concern_label, lx_appeal_domain_label,
    lx_appeal_priority_label, lx_appeal_mechanism_label, lx_appeal_status_label,
    lx_appeal_level_label, lx_appeal_satisfaction_label,
  };

  /* Every code has a label of its own (not the code echoed back). */
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (const char * const *c = lists[l] (); *c != NULL; c++)
      g_assert_cmpstr (labels[l] (*c), !=, *c);
  g_assert_cmpstr (lx_appeal_concern_label ("hardship"), ==, "Hardship");
  g_assert_cmpstr (lx_appeal_domain_label ("other"), ==, "Other");
}

/* Every transition through the repository ------------------------------- */

static void
test_every_transition (LxFixture     *fx,
                       gconstpointer  data)
{
  const char * const *statuses = lx_appeal_statuses ();

  setup_people (fx);
  /* For each status, an appeal brought there, then every target tried. */
  for (guint i = 0; statuses[i] != NULL; i++)
    for (guint j = 0; statuses[j] != NULL; j++)
      {
        const char *from = statuses[i], *to = statuses[j];
        LxAppealChange change = { .by_member = 2, .resolution = "已处理",
                                  .resolution_level = "branch", .followup_on = "2026-11-26",
                                  .satisfaction = "satisfied" };
        g_autoptr(GError) error = NULL;
        g_autofree char *sql = NULL;
        g_autofree char *after = NULL;
        gint64 id = intake (fx), steps;
        gboolean ok;

        sql = g_strdup_printf ("UPDATE appeal SET status = '%s', assignee_id = 2, "
                               "superior_answer = '已答复' WHERE id = %d", from, (int)id);
        g_assert_true (lx_store_exec (fx->store, sql, NULL));
        g_free (sql);
        sql = g_strdup_printf ("SELECT count(*) FROM appeal_step WHERE appeal_id = %d", (int)id);
        steps = count (fx, sql);

        if (g_str_equal (to, "responded") || g_str_equal (to, "escalated"))
          change.resolution_level = NULL;
        ok = lx_appeal_repo_transition (fx->store, id, to, &change, NULL, &error);
        g_assert_cmpint (ok, ==, expected_allowed (from, to));
        after = status_of (fx, id);
        if (ok)
          {
            g_assert_no_error (error);
            g_assert_cmpstr (after, ==, to);
            g_assert_cmpint (count (fx, sql), ==, steps + 1);
          }
        else
          {
            g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
            g_assert_cmpstr (after, ==, from);
            g_assert_cmpint (count (fx, sql), ==, steps);
          }
      }
}

static void
test_full_path (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(LxAppeal) a = NULL;
  const char *field = NULL;
  LxAppealChange resolve = { .by_member = 2, .resolution = "已联系物业更换",
                             .resolution_level = "branch" };
  LxAppealChange close = { .by_member = 1, .followup_on = "2026-11-26", .satisfaction = "fairly",
                           .note = "电话回访" };
  gint64 id, log_before;

  setup_people (fx);
  id = intake (fx);

  /* Work cannot start before someone is assigned. */
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "in_progress", NULL, &field, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "assignee");
  g_clear_error (&error);

  /* A deadline before the appeal came in is refused, nothing changes. */
  log_before = count (fx, "SELECT count(*) FROM change_log");
  g_assert_false (lx_appeal_repo_assign (fx->store, id, 2, "2020-01-01", NULL, 1, &field, &error));
  g_assert_cmpstr (field, ==, "deadline");
  g_clear_error (&error);
  g_assert_false (lx_appeal_repo_assign (fx->store, id, 99, "2026-12-01", NULL, 1, &field, &error));
  g_assert_cmpstr (field, ==, "assignee");
  g_clear_error (&error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM change_log"), ==, log_before);

  g_assert_true (lx_appeal_repo_assign (fx->store, id, 2, "2026/12/1", "window", 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "in_progress", NULL, NULL, &error));
  g_assert_no_error (error);

  /* Resolving needs what was done and where. */
  {
    LxAppealChange bare = { .resolution_level = "branch" };
    g_assert_false (lx_appeal_repo_transition (fx->store, id, "resolved", &bare, &field, &error));
    g_assert_cmpstr (field, ==, "resolution");
    g_clear_error (&error);
  }
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "resolved", &resolve, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "closed", &close, NULL, &error));
  g_assert_no_error (error);

  a = lx_appeal_repo_get (fx->store, id, &error);
  g_assert_cmpstr (a->status, ==, "closed");
  g_assert_cmpstr (a->deadline, ==, "2026-12-01");
  g_assert_cmpstr (a->mechanism, ==, "window");
  g_assert_cmpstr (a->assignee_name, ==, "李委员");
  g_assert_cmpstr (a->household_name, ==, "张三");
  g_assert_cmpstr (a->resolution_level, ==, "branch");
  g_assert_cmpstr (a->resolution, ==, "已联系物业更换");
  g_assert_cmpstr (a->closed_on, ==, "2026-11-26");
  g_assert_cmpstr (a->followup_on, ==, "2026-11-26");
  g_assert_cmpstr (a->satisfaction, ==, "fairly");

  steps = lx_appeal_repo_list_steps (fx->store, id, &error);
  g_assert_cmpuint (steps->len, ==, 5);
  {
    const char *expect[][2] = { { NULL, "received" }, { "received", "received" },
                                { "received", "in_progress" }, { "in_progress", "resolved" },
                                { "resolved", "closed" } };
    for (guint i = 0; i < steps->len; i++)
      {
        LxAppealStep *s = g_ptr_array_index (steps, i);
        g_assert_cmpstr (s->from_status, ==, expect[i][0]);
        g_assert_cmpstr (s->to_status, ==, expect[i][1]);
        g_assert_true (g_str_has_prefix (s->at, "2026-11-26T"));
      }
    g_assert_cmpstr (((LxAppealStep *)g_ptr_array_index (steps, 4))->note, ==, "电话回访");
    g_assert_cmpstr (((LxAppealStep *)g_ptr_array_index (steps, 4))->member_name, ==, "王书记");
  }

  /* A closed appeal goes nowhere. */
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "in_progress", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Closed"));
}

static void
test_escalated_needs_answer (LxFixture     *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxAppeal) a = NULL;
  LxAppealChange close = { .followup_on = "2026-11-26", .satisfaction = "basically" };
  const char *field = NULL;
  gint64 id;

  setup_people (fx);
  id = intake (fx);
  g_assert_true (lx_appeal_repo_assign (fx->store, id, 1, NULL, NULL, 0, NULL, &error));
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "in_progress", NULL, NULL, &error));

  /* No answer to record before it goes up. */
  g_assert_false (lx_appeal_repo_record_answer (fx->store, id, "答复", 0, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (lx_appeal_repo_transition (fx->store, id, "escalated", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "closed", &close, &field, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "superior_answer");
  g_clear_error (&error);
  g_assert_false (lx_appeal_repo_record_answer (fx->store, id, "   ", 0, &error));
  g_clear_error (&error);

  g_assert_true (lx_appeal_repo_record_answer (fx->store, id, "区里已安排维修", 1, &error));
  g_assert_no_error (error);
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "closed", &close, NULL, &error));
  g_assert_no_error (error);

  a = lx_appeal_repo_get (fx->store, id, NULL);
  g_assert_cmpstr (a->status, ==, "closed");
  g_assert_cmpstr (a->resolution_level, ==, "upward");
  g_assert_cmpstr (a->mechanism, ==, "coordinated");
  g_assert_cmpstr (a->superior_answer, ==, "区里已安排维修");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM appeal_step WHERE to_status = 'escalated'"), ==, 2);
}

static void
test_close_needs_followup (LxFixture     *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LxAppealChange respond = { .resolution = "已解释政策" };
  LxAppealChange no_date = { .satisfaction = "satisfied" };
  LxAppealChange no_grade = { .followup_on = "2026-11-20" };
  LxAppealChange future = { .followup_on = "2026-12-20", .satisfaction = "satisfied" };
  LxAppealChange good = { .followup_on = "2026年11月20日", .satisfaction = "dissatisfied" };
  const char *field = NULL;
  gint64 id;

  setup_people (fx);
  id = intake (fx);
  g_assert_true (lx_appeal_repo_assign (fx->store, id, 1, NULL, NULL, 0, NULL, &error));
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "in_progress", NULL, NULL, &error));
  g_assert_true (lx_appeal_repo_transition (fx->store, id, "responded", &respond, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (lx_appeal_repo_transition (fx->store, id, "closed", NULL, &field, &error));
  g_assert_cmpstr (field, ==, "followup_on");
  g_clear_error (&error);
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "closed", &no_date, &field, &error));
  g_assert_cmpstr (field, ==, "followup_on");
  g_clear_error (&error);
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "closed", &no_grade, &field, &error));
  g_assert_cmpstr (field, ==, "satisfaction");
  g_clear_error (&error);
  g_assert_false (lx_appeal_repo_transition (fx->store, id, "closed", &future, &field, &error));
  g_assert_cmpstr (field, ==, "followup_on");
  g_clear_error (&error);
  {
    g_autofree char *status = status_of (fx, id);
    g_assert_cmpstr (status, ==, "responded");
  }

  g_assert_true (lx_appeal_repo_transition (fx->store, id, "closed", &good, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(LxAppeal) a = lx_appeal_repo_get (fx->store, id, NULL);
    g_assert_cmpstr (a->followup_on, ==, "2026-11-20");
    g_assert_cmpstr (a->satisfaction, ==, "dissatisfied");
    g_assert_cmpstr (a->resolution_level, ==, "pending_hard");
  }
}

static void
test_intake_validation (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(LxAppeal) a = lx_appeal_new ();
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  setup_people (fx);
  a->channel = g_strdup ("hotline");
  a->description = g_strdup ("噪音扰民");
  g_assert_false (lx_appeal_validate (a, "2026-11-26", &field, &error));
  g_assert_cmpstr (field, ==, "household");
  g_clear_error (&error);

  a->anonymous_name = g_strdup ("  热心居民 ");
  g_free (a->received_on);   /* validation filled in today's date */
  a->received_on = g_strdup ("2026-12-01");
  g_assert_false (lx_appeal_validate (a, "2026-11-26", &field, &error));
  g_assert_cmpstr (field, ==, "received_on");
  g_clear_error (&error);

  g_free (a->received_on);
  a->received_on = g_strdup ("2026.11.3");
  g_free (a->channel);
  a->channel = g_strdup ("pigeon");
  g_assert_false (lx_appeal_validate (a, "2026-11-26", &field, &error));
  g_assert_cmpstr (field, ==, "channel");
  g_clear_error (&error);

  g_free (a->channel);
  a->channel = g_strdup ("suggestion_box");
  g_free (a->description);
  a->description = g_strdup ("   ");
  g_assert_false (lx_appeal_validate (a, "2026-11-26", &field, &error));
  g_assert_cmpstr (field, ==, "description");
  g_clear_error (&error);

  g_free (a->description);
  a->description = g_strdup ("噪音扰民");
  a->visit_id = 42;
  g_assert_cmpint (lx_appeal_repo_intake (fx->store, a, 0, &error), ==, 0);
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM appeal"), ==, 0);

  a->visit_id = 0;
  g_assert_cmpint (lx_appeal_repo_intake (fx->store, a, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (a->received_on, ==, "2026-11-03");
  g_assert_cmpstr (a->anonymous_name, ==, "热心居民");
  g_assert_cmpstr (a->domain, ==, "other");
  g_assert_cmpint (count (fx, "SELECT count(*) FROM appeal_step WHERE to_status = 'received' "
                              "AND from_status IS NULL"), ==, 1);
  g_assert_cmpint (count (fx, "SELECT count(*) FROM change_log WHERE table_name = 'appeal'"), ==, 1);
}

/* Statistics and the list on a known dataset --------------------------- */

/*   id received   domain      concern  channel         mech        who status       deadline   closed
 *   1  2026-01-10 employment  hope     hotline         window      1   closed(res)  -          2026-01-20 (10 d)
 *   2  2026-02-01 education   worry    home_visit      self_help   1   closed(resp) -          2026-02-05 (4 d)
 *   3  2026-03-01 employment  hope     hotline         coordinated 2   closed(esc)  -          2026-04-30 (60 d)
 *   4  2026-05-01 medical     hardship website         window      2   closed(res)  -          2026-05-08 (7 d)
 *   5  2026-11-01 employment  -        hotline         -           -   in_progress  2026-11-20 overdue
 *   6  2026-10-01 legal       think    reception       window      1   resolved     2026-10-10 done
 *   7  2026-09-01 other       anxiety  suggestion_box  coordinated 2   escalated    2026-11-25 overdue
 *   8  2025-12-30 other year; 9 2026-11-27 after today */
static const char *appeals_sql =
  "INSERT INTO appeal (id, received_on, channel, household_id, anonymous_name, concern, domain, "
  "  description, assignee_id, deadline, mechanism, status, closed_on) VALUES "
  "  (1, '2026-01-10', 'hotline', 1, NULL, 'hope', 'employment', '找工作', 1, NULL, 'window', 'closed', '2026-01-20'),"
  "  (2, '2026-02-01', 'home_visit', 2, NULL, 'worry', 'education', '孩子入学', 1, NULL, 'self_help', 'closed', '2026-02-05'),"
  "  (3, '2026-03-01', 'hotline', NULL, '王女士', 'hope', 'employment', '技能培训', 2, NULL, 'coordinated', 'closed', '2026-04-30'),"
  "  (4, '2026-05-01', 'website', 1, NULL, 'hardship', 'medical', '看病报销', 2, NULL, 'window', 'closed', '2026-05-08'),"
  "  (5, '2026-11-01', 'hotline', 2, NULL, NULL, 'employment', '暖气不热', NULL, '2026-11-20', NULL, 'in_progress', NULL),"
  "  (6, '2026-10-01', 'reception', 1, NULL, 'think', 'legal', '法律咨询', 1, '2026-10-10', 'window', 'resolved', NULL),"
  "  (7, '2026-09-01', 'suggestion_box', NULL, '李先生', 'anxiety', 'other', '道路积水', 2, '2026-11-25', 'coordinated', 'escalated', NULL),"
  "  (8, '2025-12-30', 'hotline', 1, NULL, 'hope', 'employment', '去年的', 1, NULL, 'window', 'closed', '2026-01-02'),"
  "  (9, '2026-11-27', 'hotline', 1, NULL, 'hope', 'employment', '明天的', 1, '2026-11-20', NULL, 'received', NULL);"
  "INSERT INTO appeal_step (appeal_id, at, from_status, to_status) VALUES "
  "  (1, '2026-01-10T09:00', NULL, 'received'), (1, '2026-01-11T09:00', 'received', 'in_progress'),"
  "  (1, '2026-01-15T09:00', 'in_progress', 'resolved'), (1, '2026-01-20T09:00', 'resolved', 'closed'),"
  "  (2, '2026-02-01T09:00', NULL, 'received'), (2, '2026-02-02T09:00', 'received', 'in_progress'),"
  "  (2, '2026-02-03T09:00', 'in_progress', 'responded'), (2, '2026-02-05T09:00', 'responded', 'closed'),"
  "  (3, '2026-03-01T09:00', NULL, 'received'), (3, '2026-03-02T09:00', 'received', 'in_progress'),"
  "  (3, '2026-03-05T09:00', 'in_progress', 'escalated'), (3, '2026-04-30T09:00', 'escalated', 'closed'),"
  "  (4, '2026-05-01T09:00', NULL, 'received'), (4, '2026-05-02T09:00', 'received', 'in_progress'),"
  "  (4, '2026-05-06T09:00', 'in_progress', 'resolved'), (4, '2026-05-08T09:00', 'resolved', 'closed'),"
  "  (5, '2026-11-01T09:00', NULL, 'received'), (5, '2026-11-02T09:00', 'received', 'in_progress'),"
  "  (6, '2026-10-01T09:00', NULL, 'received'), (6, '2026-10-02T09:00', 'received', 'in_progress'),"
  "  (6, '2026-10-05T09:00', 'in_progress', 'resolved'),"
  "  (7, '2026-09-01T09:00', NULL, 'received'), (7, '2026-09-02T09:00', 'received', 'in_progress'),"
  "  (7, '2026-09-10T09:00', 'in_progress', 'escalated'),"
  "  (8, '2025-12-30T09:00', NULL, 'received'), (8, '2025-12-31T09:00', 'received', 'in_progress'),"
  "  (8, '2026-01-01T09:00', 'in_progress', 'resolved'), (8, '2026-01-02T09:00', 'resolved', 'closed'),"
  "  (9, '2026-11-27T09:00', NULL, 'received');";

static void
setup_appeals (LxFixture *fx)
{
  g_autoptr(GError) error = NULL;

  setup_people (fx);
  g_assert_true (lx_store_exec (fx->store, appeals_sql, &error));
  g_assert_no_error (error);
}

static void
test_stats (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  LxAppealStats s;

  setup_appeals (fx);
  g_assert_true (lx_appeal_stats_compute (fx->store, 2026, "2026-11-26", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.received, ==, 7);
  g_assert_cmpint (s.resolved, ==, 3);
  g_assert_cmpint (s.responded, ==, 1);
  g_assert_cmpint (s.escalated, ==, 2);
  g_assert_cmpint (s.closed, ==, 4);
  g_assert_cmpint (s.overdue, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.resolution_rate, 3.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.response_rate, 4.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.median_days_to_close, 8.5, 1e-9);

  g_assert_cmpint (lx_appeal_stats_count (s.by_domain, "employment"), ==, 3);
  g_assert_cmpint (lx_appeal_stats_count (s.by_domain, "education"), ==, 1);
  g_assert_cmpint (lx_appeal_stats_count (s.by_domain, "other"), ==, 1);
  g_assert_cmpuint (s.by_domain->len, ==, 5);
  g_assert_cmpstr (((LxAppealCount *)g_ptr_array_index (s.by_domain, 0))->key, ==, "employment");
  g_assert_cmpint (lx_appeal_stats_count (s.by_concern, "hope"), ==, 2);
  g_assert_cmpint (lx_appeal_stats_count (s.by_concern, ""), ==, 1);
  g_assert_cmpint (lx_appeal_stats_count (s.by_channel, "hotline"), ==, 3);
  g_assert_cmpint (lx_appeal_stats_count (s.by_channel, "suggestion_box"), ==, 1);
  g_assert_cmpint (lx_appeal_stats_count (s.by_mechanism, "window"), ==, 3);
  g_assert_cmpint (lx_appeal_stats_count (s.by_mechanism, "coordinated"), ==, 2);
  g_assert_cmpint (lx_appeal_stats_count (s.by_mechanism, ""), ==, 1);
  g_assert_cmpint (lx_appeal_stats_count (s.by_member, "王书记"), ==, 3);
  g_assert_cmpint (lx_appeal_stats_count (s.by_member, "李委员"), ==, 3);
  g_assert_cmpint (lx_appeal_stats_count (s.by_member, ""), ==, 1);

  json = lx_appeal_stats_to_json (&s, 2);
  g_assert_nonnull (strstr (json, "  \"received\": 7,\n"));
  g_assert_nonnull (strstr (json, "\"median_days_to_close\": 8.500000,"));
  g_assert_nonnull (strstr (json, "\"by_member\": {\"李委员\": 3, \"王书记\": 3, \"none\": 1}"));
  lx_appeal_stats_clear (&s);

  /* The year before: one appeal, closed in 3 days; nothing overdue. */
  g_assert_true (lx_appeal_stats_compute (fx->store, 2025, "2026-11-26", &s, &error));
  g_assert_cmpint (s.received, ==, 1);
  g_assert_cmpint (s.overdue, ==, 0);
  g_assert_cmpfloat_with_epsilon (s.median_days_to_close, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.resolution_rate, 1, 1e-9);
  lx_appeal_stats_clear (&s);

  /* An empty year. */
  g_assert_true (lx_appeal_stats_compute (fx->store, 2020, "2026-11-26", &s, &error));
  g_assert_cmpint (s.received, ==, 0);
  g_assert_cmpfloat (s.median_days_to_close, ==, -1);
  g_assert_cmpfloat (s.response_rate, ==, 0);
  lx_appeal_stats_clear (&s);
}

static char *
query (LxFixture            *fx,
       const LxAppealFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = lx_appeal_repo_query_ids (fx->store, filter, "2026-11-26", &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (s, "%s%d", i ? "," : "", (int)g_array_index (ids, gint64, i));
  return g_string_free (s, FALSE);
}

#define ASSERT_QUERY(expected, ...)                           \
  G_STMT_START {                                              \
    LxAppealFilter f = { __VA_ARGS__ };                       \
    g_autofree char *got = query (fx, &f);                    \
    g_assert_cmpstr (got, ==, expected);                      \
  } G_STMT_END

static void
test_list_filters (LxFixture     *fx,
                   gconstpointer  data)
{
  setup_appeals (fx);

  ASSERT_QUERY ("9,5,6,7,4,3,2,1,8", 0);
  ASSERT_QUERY ("5", .status = "in_progress");
  ASSERT_QUERY ("9,5,3,1,8", .domain = "employment");
  ASSERT_QUERY ("4", .concern = "hardship");
  ASSERT_QUERY ("9,5,3,1,8", .channel = "hotline");
  ASSERT_QUERY ("9,6,2,1,8", .member_id = 1);
  /* 9's deadline passed too, though it came in tomorrow; 6 is done. */
  ASSERT_QUERY ("9,5,7", .overdue = TRUE);
  ASSERT_QUERY ("9,5,3,1", .domain = "employment", .year = 2026, .status = NULL,
                .channel = "hotline", .member_id = 0, .search = NULL, .concern = NULL);
  ASSERT_QUERY ("5", .search = "暖气");
  /* Households by pinyin initials and full pinyin, anonymous by name. */
  ASSERT_QUERY ("5,2", .search = "OYM");
  ASSERT_QUERY ("5,2", .search = "ouyang");
  ASSERT_QUERY ("7", .search = "李先生");
  ASSERT_QUERY ("", .search = "100%");
  /* 2025: what came in that year, and what is still open from before. */
  ASSERT_QUERY ("8", .year = 2025);
  ASSERT_QUERY ("9,5,6,7,4,3,2,1", .year = 2026);
}

static void
test_list_model (LxFixture     *fx,
                 gconstpointer  data)
{
  g_autoptr(LxAppealList) list = NULL;
  LxAppealFilter filter = { .overdue = TRUE };
  g_autoptr(LxAppeal) first = NULL;

  setup_appeals (fx);
  list = lx_appeal_list_new (fx->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 9);
  lx_appeal_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (first->id, ==, 5);
  g_assert_cmpstr (lx_appeal_get_who (first), ==, "欧阳明");
  g_assert_cmpint (lx_appeal_due (first, "2026-11-26"), ==, LX_APPEAL_DUE_OVERDUE);

  /* A new appeal reaches the model through the store's changed signal. */
  filter.overdue = FALSE;
  lx_appeal_list_set_filter (list, &filter);
  intake (fx);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_assert_cmpuint (lx_appeal_list_find (list, 5), <, 10);
}

static void
test_due (void)
{
  g_autoptr(LxAppeal) a = lx_appeal_new ();

  a->status = g_strdup ("in_progress");
  g_assert_cmpint (lx_appeal_due (a, "2026-11-26"), ==, LX_APPEAL_DUE_NONE);
  a->deadline = g_strdup ("2026-11-29");
  g_assert_cmpint (lx_appeal_due (a, "2026-11-26"), ==, LX_APPEAL_DUE_SOON);
  g_assert_cmpint (lx_appeal_due (a, "2026-11-25"), ==, LX_APPEAL_DUE_LATER);
  g_assert_cmpint (lx_appeal_due (a, "2026-11-30"), ==, LX_APPEAL_DUE_OVERDUE);
  g_free (a->status);
  a->status = g_strdup ("responded");
  g_assert_cmpint (lx_appeal_due (a, "2026-11-30"), ==, LX_APPEAL_DUE_NONE);
}

#define ADD(path, fn) \
  g_test_add (path, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/appeals/workflow-table", test_workflow_table);
  g_test_add_func ("/appeals/labels", test_labels);
  g_test_add_func ("/appeals/due", test_due);
  ADD ("/appeals/every-transition", test_every_transition);
  ADD ("/appeals/full-path", test_full_path);
  ADD ("/appeals/escalated-needs-answer", test_escalated_needs_answer);
  ADD ("/appeals/close-needs-followup", test_close_needs_followup);
  ADD ("/appeals/intake-validation", test_intake_validation);
  ADD ("/appeals/stats", test_stats);
  ADD ("/appeals/list-filters", test_list_filters);
  ADD ("/appeals/list-model", test_list_model);
  return g_test_run ();
}
