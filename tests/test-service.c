/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lx-service-repo.h"
#include "lx-test-util.h"

/* Service work (issue 7, items 3 and 4): twinning, pledges, zones, posts,
 * service teams and volunteer activities — saves, refusals that change
 * nothing, deletes with undo, and the year summaries with known answers.
 * LIANXIN_TODAY is 2026-11-26. */

static void
exec (LxStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  lx_store_exec (store, sql, &error);
  g_assert_no_error (error);
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

/* Organization 1; members 1 张三, 2 李四, 3 王五 (deleted); zones 1, 2. */
static void
populate (LxFixture     *fx,
          gconstpointer  data)
{
  lx_fixture_setup (fx, data);
  exec (fx->store,
        "INSERT INTO organization (id, name, kind) VALUES (1, '第一党支部', 'branch');"
        "INSERT INTO member (id, org_id, name, pinyin) VALUES (1, 1, '张三', 'zhang san'),"
        " (2, 1, '李四', 'li si'), (3, 1, '王五', 'wang wu');"
        "UPDATE member SET deleted_at = '2026-01-01' WHERE id = 3;"
        "INSERT INTO zone (id, name) VALUES (1, '一网格'), (2, '二网格');");
}

/* A refused call must not write: same change_log length before and after. */
#define ASSERT_REFUSED(fx, call, want_field)                                  \
  G_STMT_START {                                                              \
    g_autoptr(GError) e_ = NULL;                                              \
    const char *field_ = NULL;                                                \
    gint64 before_ = count ((fx)->store, "SELECT count(*) FROM change_log");  \
    const char **r_field = &field_;                                         \
    GError **r_error = &e_;                                                   \
    g_assert_false ((call) != 0);                                             \
    g_assert_nonnull (e_);                                                    \
    g_assert_cmpstr (field_, ==, (want_field));                               \
    g_assert_cmpint (count ((fx)->store, "SELECT count(*) FROM change_log"), ==, before_); \
    (void)r_field; (void)r_error;                                         \
  } G_STMT_END

static void
test_twinning (LxFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxTwinning) t = lx_twinning_new ();
  g_autoptr(LxTwinning) deleted = NULL;
  g_autoptr(LxTwinningActivity) a = lx_twinning_activity_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) summary = NULL;

  t->org_id = 1;
  t->partner = g_strdup ("  ");
  t->kind = g_strdup ("double_pairing");
  t->start_on = g_strdup ("2026-03-01");
  ASSERT_REFUSED (fx, lx_service_save_twinning (fx->store, t, r_field, r_error), "partner");
  g_free (t->partner);
  t->partner = g_strdup (" 幸福里社区党委 ");
  t->end_on = g_strdup ("2026-02-01");
  ASSERT_REFUSED (fx, lx_service_save_twinning (fx->store, t, r_field, r_error), "end_on");
  g_clear_pointer (&t->end_on, g_free);
  g_free (t->kind);
  t->kind = g_strdup ("friends");
  ASSERT_REFUSED (fx, lx_service_save_twinning (fx->store, t, r_field, r_error), "kind");
  g_free (t->kind);
  t->kind = g_strdup ("joint_building");
  g_assert_cmpint (lx_service_save_twinning (fx->store, t, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (t->partner, ==, "幸福里社区党委");

  a->twinning_id = t->id;
  a->happened_on = g_strdup ("2026-12-01");
  a->title = g_strdup ("联合主题党日");
  ASSERT_REFUSED (fx, lx_service_save_twinning_activity (fx->store, a, r_field, r_error), "happened_on");
  g_free (a->happened_on);
  a->happened_on = g_strdup ("2026-05-04");
  g_assert_cmpint (lx_service_save_twinning_activity (fx->store, a, NULL, &error), >, 0);
  g_assert_no_error (error);
  exec (fx->store, "INSERT INTO twinning_activity (twinning_id, happened_on, title) "
                   "VALUES (1, '2025-06-01', '旧活动'), (1, '2026-11-26', '共建议事会')");

  summary = lx_service_twinning_summary (fx->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 1);
  g_assert_cmpint (((LxTwinningSummary *)summary->pdata[0])->activities, ==, 2);

  /* Delete takes the activities with it; restore brings all three back. */
  g_assert_true (lx_service_delete_twinning (fx->store, t->id, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->activities->len, ==, 3);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM twinning_activity"), ==, 0);
  g_assert_true (lx_service_restore_twinning (fx->store, deleted, &error));
  g_assert_no_error (error);
  list = lx_service_list_twinnings (fx->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((LxTwinning *)list->pdata[0])->id, ==, t->id);
  g_assert_cmpuint (((LxTwinning *)list->pdata[0])->activities->len, ==, 3);
  g_assert_cmpstr (((LxTwinning *)list->pdata[0])->org_name, ==, "第一党支部");
}

static LxPledge *
pledge (gint64      member_id,
        const char *text,
        const char *status)
{
  LxPledge *p = lx_pledge_new ();

  p->member_id = member_id;
  p->year = 2026;
  p->text = g_strdup (text);
  g_free (p->status);
  p->status = g_strdup (status);
  return p;
}

static void
test_pledges (LxFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxPledge) bad = pledge (3, "为群众办实事", "open");
  g_autoptr(LxPledge) deleted = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *texts[] = { "走访结对户", "办一件实事", "志愿服务20小时" };
  const char *statuses[] = { "kept", "partly", "kept" };
  gint64 ids[3];
  LxPledgeSummary *s;

  ASSERT_REFUSED (fx, lx_service_save_pledge (fx->store, bad, r_field, r_error), "member_id");
  bad->member_id = 1;
  g_free (bad->text);
  bad->text = g_strdup ("");
  ASSERT_REFUSED (fx, lx_service_save_pledge (fx->store, bad, r_field, r_error), "text");
  g_free (bad->text);
  bad->text = g_strdup ("x");
  g_free (bad->status);
  bad->status = g_strdup ("done");
  ASSERT_REFUSED (fx, lx_service_save_pledge (fx->store, bad, r_field, r_error), "status");

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(LxPledge) p = pledge (i < 2 ? 1 : 2, texts[i], statuses[i]);
      ids[i] = lx_service_save_pledge (fx->store, p, NULL, &error);
      g_assert_no_error (error);
    }
  exec (fx->store, "INSERT INTO pledge (member_id, year, text, status) VALUES (1, 2025, '去年', 'kept')");
  g_assert_true (lx_service_set_pledge_status (fx->store, ids[1], "kept", &error));
  g_assert_no_error (error);
  g_assert_false (lx_service_set_pledge_status (fx->store, ids[1], "maybe", &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lx_service_set_pledge_status (fx->store, ids[2], "not_kept", &error));

  /* 李四 (li si) sorts before 张三 (zhang san). */
  summary = lx_service_pledge_summary (fx->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 2);
  s = summary->pdata[0];
  g_assert_cmpstr (s->member_name, ==, "李四");
  g_assert_cmpint (s->kept, ==, 0);
  g_assert_cmpint (s->total, ==, 1);
  s = summary->pdata[1];
  g_assert_cmpstr (s->member_name, ==, "张三");
  g_assert_cmpint (s->kept, ==, 2);
  g_assert_cmpint (s->total, ==, 2);

  g_assert_true (lx_service_delete_pledge (fx->store, ids[0], &deleted, &error));
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM pledge WHERE year = 2026"), ==, 2);
  g_assert_true (lx_service_restore_pledge (fx->store, deleted, &error));
  g_assert_no_error (error);
  list = lx_service_list_pledges (fx->store, 2026, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM change_log WHERE table_name = 'pledge' "
                                     "AND action = 'restore'"), ==, 1);
  g_assert_false (lx_service_delete_pledge (fx->store, 999, NULL, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
}

static void
test_zones (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 before;

  g_assert_true (lx_service_assign_zone (fx->store, 1, 2, &error));
  g_assert_true (lx_service_assign_zone (fx->store, 2, 2, &error));
  g_assert_no_error (error);
  before = count (fx->store, "SELECT count(*) FROM change_log");
  g_assert_false (lx_service_assign_zone (fx->store, 1, 2, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (lx_service_assign_zone (fx->store, 3, 1, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM change_log"), ==, before);

  list = lx_service_list_zone_assignments (fx->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((LxZoneAssignment *)list->pdata[0])->member_name, ==, "李四");
  g_assert_true (lx_service_unassign_zone (fx->store, 2, 2, &error));
  g_assert_false (lx_service_unassign_zone (fx->store, 2, 2, &error));
  g_assert_error (error, LX_REPO_ERROR, LX_REPO_ERROR_NOT_FOUND);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM member_zone"), ==, 1);
}

static void
test_posts (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxPost) p = lx_post_new ();
  g_autoptr(LxPost) deleted = NULL;
  g_autoptr(GPtrArray) list = NULL;

  p->name = g_strdup ("");
  ASSERT_REFUSED (fx, lx_service_save_post (fx->store, p, r_field, r_error), "name");
  g_free (p->name);
  p->name = g_strdup ("便民服务先锋岗");
  p->member_id = 1;
  p->start_on = g_strdup ("2026-02-30");
  ASSERT_REFUSED (fx, lx_service_save_post (fx->store, p, r_field, r_error), "start_on");
  g_free (p->start_on);
  p->start_on = g_strdup ("2026-02-01");
  g_assert_cmpint (lx_service_save_post (fx->store, p, NULL, &error), >, 0);
  g_assert_no_error (error);
  p->member_id = 2;
  g_assert_cmpint (lx_service_save_post (fx->store, p, NULL, &error), ==, p->id);
  list = lx_service_list_posts (fx->store, &error);
  g_assert_cmpstr (((LxPost *)list->pdata[0])->member_name, ==, "李四");

  g_assert_true (lx_service_delete_post (fx->store, p->id, &deleted, &error));
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM post"), ==, 0);
  g_assert_true (lx_service_restore_post (fx->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx->store, "SELECT member_id FROM post"), ==, 2);
}

static LxVolunteerActivity *
activity (gint64      team_id,
          const char *on,
          double      hours,
          int         served)
{
  LxVolunteerActivity *a = lx_volunteer_activity_new ();
  gint64 m = 1;

  a->team_id = team_id;
  a->happened_on = g_strdup (on);
  a->title = g_strdup ("义诊进社区");
  a->hours = hours;
  a->households_served = served;
  g_array_append_val (a->member_ids, m);
  return a;
}

static void
test_teams (LxFixture     *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LxServiceTeam) t = lx_service_team_new ();
  g_autoptr(LxServiceTeam) deleted_team = NULL;
  g_autoptr(LxVolunteerActivity) bad = activity (0, "2026-11-27", 2, 3);
  g_autoptr(LxVolunteerActivity) deleted = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 m1 = 1, m2 = 2, first = 0;
  LxTeamSummary *s;

  t->name = g_strdup ("");
  ASSERT_REFUSED (fx, lx_service_save_team (fx->store, t, r_field, r_error), "name");
  g_free (t->name);
  t->name = g_strdup ("红马甲志愿服务队");
  g_array_append_val (t->member_ids, m1);
  g_array_append_val (t->member_ids, m1);
  ASSERT_REFUSED (fx, lx_service_save_team (fx->store, t, r_field, r_error), "member_ids");
  g_array_index (t->member_ids, gint64, 1) = m2;
  g_assert_cmpint (lx_service_save_team (fx->store, t, NULL, &error), >, 0);
  g_assert_no_error (error);

  bad->team_id = t->id;
  ASSERT_REFUSED (fx, lx_service_save_volunteer_activity (fx->store, bad, r_field, r_error), "happened_on");
  g_free (bad->happened_on);
  bad->happened_on = g_strdup ("2026-10-01");
  bad->hours = -1;
  ASSERT_REFUSED (fx, lx_service_save_volunteer_activity (fx->store, bad, r_field, r_error), "hours");
  bad->hours = 1;
  bad->households_served = -2;
  ASSERT_REFUSED (fx, lx_service_save_volunteer_activity (fx->store, bad, r_field, r_error),
                  "households_served");

  {
    g_autoptr(LxVolunteerActivity) a1 = activity (t->id, "2026-03-05", 2.5, 4);
    g_autoptr(LxVolunteerActivity) a2 = activity (t->id, "2026-11-26", 3, 6);
    g_autoptr(LxVolunteerActivity) a3 = activity (t->id, "2025-12-31", 8, 10);
    first = lx_service_save_volunteer_activity (fx->store, a1, NULL, &error);
    g_assert_no_error (error);
    lx_service_save_volunteer_activity (fx->store, a2, NULL, &error);
    lx_service_save_volunteer_activity (fx->store, a3, NULL, &error);
    g_assert_no_error (error);
  }
  summary = lx_service_team_summary (fx->store, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 1);
  s = summary->pdata[0];
  g_assert_cmpint (s->activities, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->hours, 5.5, 1e-9);
  g_assert_cmpint (s->households_served, ==, 10);

  list = lx_service_list_volunteer_activities (fx->store, t->id, 2026, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((LxVolunteerActivity *)list->pdata[0])->happened_on, ==, "2026-11-26");
  g_assert_cmpuint (((LxVolunteerActivity *)list->pdata[0])->member_ids->len, ==, 1);

  g_assert_true (lx_service_delete_volunteer_activity (fx->store, first, &deleted, &error));
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM volunteer_activity_member"), ==, 2);
  g_assert_true (lx_service_restore_volunteer_activity (fx->store, deleted, &error));
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM volunteer_activity_member"), ==, 3);

  /* Deleting a team keeps its activities; undo re-attaches them. */
  g_assert_true (lx_service_delete_team (fx->store, t->id, &deleted_team, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM volunteer_activity WHERE team_id IS NULL"), ==, 3);
  g_assert_true (lx_service_restore_team (fx->store, deleted_team, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM volunteer_activity WHERE team_id = 1"), ==, 3);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM service_team_member"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/service/twinning", LxFixture, NULL, populate, test_twinning, lx_fixture_teardown);
  g_test_add ("/service/pledges", LxFixture, NULL, populate, test_pledges, lx_fixture_teardown);
  g_test_add ("/service/zones", LxFixture, NULL, populate, test_zones, lx_fixture_teardown);
  g_test_add ("/service/posts", LxFixture, NULL, populate, test_posts, lx_fixture_teardown);
  g_test_add ("/service/teams", LxFixture, NULL, populate, test_teams, lx_fixture_teardown);

  return g_test_run ();
}
