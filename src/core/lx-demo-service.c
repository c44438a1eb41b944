/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-demo"

#include "config.h"

#include <string.h>

#include "lx-date.h"
#include "lx-demo-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"

/* Twinning, pledges, posts, service teams and the evaluation by the masses. */

/* ------------------------------------------------------------------ data */

static const char * const grades[] = { "satisfied", "fairly", "basically", "dissatisfied" };
static const char * const items[] = { "contact", "appeals", "relations", "satisfaction" };
static const char * const pledges[] = {
  "每月至少走访结对户一次，及时反映群众诉求", "为困难群众办一件实事",
  "参加志愿服务不少于20小时", "带头开展垃圾分类宣传", "帮助一名失业居民实现再就业",
  "每季度参加一次党代表接待日", "牵头解决小区停车难问题",
};

/* ------------------------------------------ twinning, pledges, service */

gboolean
lx_demo_gen_twinning (Gen      *g,
                      GError  **error)
{
  static const struct { const char *partner, *kind, *agreement; } partners[] = {
    { "东湖街道幸福里社区党委", "double_pairing", "机关党员到社区报到，结对帮扶困难群众" },
    { "市第三中学党总支", "joint_building", "共建党员教育基地，联合开展志愿服务" },
  };
  static const char * const activities[] = {
    "联合主题党日", "结对帮扶走访", "共建议事会", "志愿服务进社区", "党课共上",
  };

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      guint32 from = g->start + rint_range (g, 0, 200);
      char start_on[11];
      sqlite3_stmt *stmt = prep (g, "INSERT INTO twinning (org_id, partner, kind, start_on, "
                                    "agreement) VALUES (?,?,?,?,?)", error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      lx_demo_iso_date (from, start_on);
      bi (stmt, 1, g->committee_id);
      bt (stmt, 2, partners[i].partner);
      bt (stmt, 3, partners[i].kind);
      bt (stmt, 4, start_on);
      bt (stmt, 5, partners[i].agreement);
      if ((id = lx_demo_run (g, stmt, T_TWINNING, error)) == 0)
        return FALSE;
      for (int k = rint_range (g, 4, 8); k > 0; k--)
        {
          char on[11];
          stmt = prep (g, "INSERT INTO twinning_activity (twinning_id, happened_on, title) "
                          "VALUES (?,?,?)", error);
          if (stmt == NULL)
            return FALSE;
          lx_demo_iso_date (from + g_rand_int_range (g->rand, 0, g->today - from + 1), on);
          bi (stmt, 1, id);
          bt (stmt, 2, on);
          bt (stmt, 3, PICK (g, activities));
          if (lx_demo_run (g, stmt, T_TWINNING_ACTIVITY, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
lx_demo_gen_pledges (Gen      *g,
                     GError  **error)
{
  for (guint m = 0; m < g->members->len; m++)
    {
      int r = g_rand_int_range (g->rand, 0, 100);
      const char *status = r < 70 ? "open" : r < 90 ? "kept" : "partly";
      sqlite3_stmt *stmt;

      if (!g_array_index (g->members, Member, m).active)
        continue;
      stmt = prep (g, "INSERT INTO pledge (member_id, year, text, status, assessment) "
                      "VALUES (?,?,?,?,?)", error);
      if (stmt == NULL)
        return FALSE;
      bi (stmt, 1, g_array_index (g->members, Member, m).id);
      bi (stmt, 2, g->year);
      bt (stmt, 3, PICK (g, pledges));
      bt (stmt, 4, status);
      bt (stmt, 5, g_str_equal (status, "kept") ? "已兑现，群众认可" : NULL);
      if (lx_demo_run (g, stmt, T_PLEDGE, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
lx_demo_gen_posts (Gen      *g,
                   GError  **error)
{
  static const char * const names[] = {
    "政务服务窗口党员先锋岗", "项目建设一线党员先锋岗", "便民服务党员示范岗", "信访接待党员示范岗",
  };
  guint n = 3 + g->members->len / 30;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *num = lx_demo_chinese_number (i / G_N_ELEMENTS (names) + 1);
      g_autofree char *name = i < G_N_ELEMENTS (names)
                              ? g_strdup (names[i])
                              : g_strdup_printf ("%s（%s）", names[i % G_N_ELEMENTS (names)], num);
      sqlite3_stmt *stmt = prep (g, "INSERT INTO post (kind, name, member_id, start_on) "
                                    "VALUES (?,?,?,?)", error);
      char start_on[11];

      if (stmt == NULL)
        return FALSE;
      lx_demo_iso_date (g->start + rint_range (g, 0, 500), start_on);
      bt (stmt, 1, strstr (name, "先锋") ? "vanguard" : "model");
      bt (stmt, 2, name);
      bi (stmt, 3, g_array_index (g->members, Member, lx_demo_random_member (g)).id);
      bt (stmt, 4, start_on);
      if (lx_demo_run (g, stmt, T_POST, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_activity (Gen      *g,
              gint64    team,
              GArray   *crew,
              guint32   day,
              GError  **error)
{
  static const char * const titles[] = {
    "义务理发进社区", "为独居老人打扫卫生", "政策宣讲", "环境整治志愿活动", "义诊咨询",
    "助学辅导", "防诈骗宣传", "帮扶困难家庭",
  };
  sqlite3_stmt *stmt = prep (g, "INSERT INTO volunteer_activity (team_id, happened_on, title, "
                                "hours, households_served) VALUES (?,?,?,?,?)", error);
  char on[11];
  gint64 id;

  if (stmt == NULL)
    return FALSE;
  lx_demo_iso_date (day, on);
  bi (stmt, 1, team);
  bt (stmt, 2, on);
  bt (stmt, 3, PICK (g, titles));
  sqlite3_bind_double (stmt, 4, rint_range (g, 2, 8) / 2.0);
  bi (stmt, 5, rint_range (g, 3, 40));
  if ((id = lx_demo_run (g, stmt, T_VOLUNTEER_ACTIVITY, error)) == 0)
    return FALSE;
  for (int k = rint_range (g, 3, MIN (8, (int)crew->len)); k > 0; k--)
    if (!lx_demo_link_row (g, "INSERT OR IGNORE INTO volunteer_activity_member (activity_id, member_id) "
                              "VALUES (?, ?)", T_VOLUNTEER_ACTIVITY_MEMBER, id,
                           g_array_index (g->members, Member,
                                          g_array_index (crew, int, g_rand_int_range (g->rand, 0, crew->len))).id,
                           error))
      return FALSE;
  return TRUE;
}

gboolean
lx_demo_gen_service_teams (Gen      *g,
                           GError  **error)
{
  guint n = 1 + g->members->len / 150;

  for (guint t = 0; t < n; t++)
    {
      g_autofree char *num = lx_demo_chinese_number (t + 1);
      g_autofree char *name = t == 0 ? g_strdup ("党员志愿服务队")
                                     : g_strdup_printf ("党员志愿服务%s分队", num);
      g_autoptr(GArray) crew = g_array_new (FALSE, FALSE, sizeof (int));
      sqlite3_stmt *stmt = prep (g, "INSERT INTO service_team (org_id, name, focus) VALUES (?,?,?)",
                                 error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      bi (stmt, 1, g->committee_id);
      bt (stmt, 2, name);
      bt (stmt, 3, "关爱困难群众、环境整治、政策宣传");
      if ((id = lx_demo_run (g, stmt, T_SERVICE_TEAM, error)) == 0)
        return FALSE;
      for (int k = rint_range (g, 8, 15); k > 0; k--)
        {
          int m = lx_demo_random_member (g);
          if (!lx_demo_link_row (g, "INSERT OR IGNORE INTO service_team_member (team_id, member_id) "
                                    "VALUES (?, ?)", T_SERVICE_TEAM_MEMBER, id,
                                 g_array_index (g->members, Member, m).id, error))
            return FALSE;
          g_array_append_val (crew, m);
        }
      for (guint32 day = g->start + rint_range (g, 0, 20); day <= g->today;
           day += rint_range (g, 8, 22))
        if (!gen_activity (g, id, crew, day, error))
          return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------- evaluation */

static const char *
grade_for (Gen    *g,
           double  quality)
{
  double x = quality * 0.75 + g_rand_double (g->rand) * 0.4;

  return x > 0.72 ? grades[0] : x > 0.55 ? grades[1] : x > 0.4 ? grades[2] : grades[3];
}

static gboolean
add_grade (Gen         *g,
           gint64       ballot,
           gint64       member,
           const char  *item,
           const char  *grade,
           GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT INTO ballot_grade (ballot_id, member_id, item, grade) "
                                "VALUES (?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, ballot);
  lx_bind_id (stmt, 2, member);
  bt (stmt, 3, item);
  bt (stmt, 4, grade);
  return lx_demo_run (g, stmt, T_BALLOT_GRADE, error) != 0;
}

/* Last year's 群众评议: about thirty paper ballots, each grading the
 * organization and (in a large unit, one batch of) the members. */
gboolean
lx_demo_gen_evaluation (Gen      *g,
                        GError  **error)
{
  guint n_batches = MAX (1, g->members->len / 60);
  guint batch = (g->members->len + n_batches - 1) / n_batches;
  guint n_ballots = MIN (30 * n_batches, 600);
  g_autofree char *title = g_strdup_printf ("%d年度群众评议党员和党组织", g->year - 1);
  char held_on[11], starts[17];
  sqlite3_stmt *stmt;
  gint64 campaign, event;

  lx_demo_iso_date (lx_demo_julian_of (g->year - 1, 12, 18), held_on);
  lx_demo_iso_moment (lx_demo_julian_of (g->year - 1, 12, 18), 14, 30, starts);
  if ((event = lx_demo_add_event (g, "meeting", title, starts, NULL, "机关三楼会议室", NULL, 0, "done",
                                  error)) == 0)
    return FALSE;
  (void)event;

  stmt = prep (g, "INSERT INTO evaluation_campaign (org_id, year, title, held_on) VALUES (?,?,?,?)",
               error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, g->committee_id);
  bi (stmt, 2, g->year - 1);
  bt (stmt, 3, title);
  bt (stmt, 4, held_on);
  if ((campaign = lx_demo_run (g, stmt, T_EVALUATION_CAMPAIGN, error)) == 0)
    return FALSE;

  for (guint b = 0; b < n_ballots; b++)
    {
      guint first = (b % n_batches) * batch;
      gint64 ballot;

      stmt = prep (g, "INSERT INTO ballot (campaign_id, number, respondent) VALUES (?,?,?)", error);
      if (stmt == NULL)
        return FALSE;
      bi (stmt, 1, campaign);
      bi (stmt, 2, b + 1);
      bt (stmt, 3, chance (g, 0.2) ? "居民代表" : NULL);
      if ((ballot = lx_demo_run (g, stmt, T_BALLOT, error)) == 0)
        return FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (items); k++)
        if (!add_grade (g, ballot, 0, items[k], grade_for (g, 0.85), error))
          return FALSE;
      for (guint m = first; m < MIN (first + batch, g->members->len); m++)
        {
          Member *mem = &g_array_index (g->members, Member, m);
          for (guint k = 0; k < G_N_ELEMENTS (items); k++)
            if (!add_grade (g, ballot, mem->id, items[k], grade_for (g, mem->quality), error))
              return FALSE;
        }
      if (!lx_demo_tick (g, (double)b / n_ballots, error))
        return FALSE;
    }
  return TRUE;
}
