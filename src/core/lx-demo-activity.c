/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-demo"

#include "config.h"

#include <string.h>

#include "lx-date.h"
#include "lx-demo-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"

/* Three years of work: home visits, 下访 to contact points, reception days,
   planned events and appeals with their steps. */

/* ------------------------------------------------------------------ data */

static const char * const home_notes[] = {
  "了解家庭近况，身体状况良好", "宣传政策，听取意见建议", "询问生活困难，无新增诉求",
  "家中老人身体欠佳，已联系社区医生", "反映楼道照明问题，已记录", "子女就业情况稳定",
  "送去慰问品，叮嘱注意用电安全", "协助办理医保报销材料", "沟通孩子入学事宜",
  "提醒防范电信诈骗", "帮助联系维修下水管道", NULL, NULL, NULL,
};
static const char * const needy_notes[] = {
  "送去慰问金和米油", "核实低保待遇落实情况", "帮助申请临时救助", "陪同就医复诊",
  "了解康复情况，协调助残服务", "推荐就业岗位信息", "检查家中燃气安全",
};
static const char * const field_notes[] = {
  "到联系点调研基层治理情况", "召开居民座谈会听取意见", "检查为民办实事项目进度",
  "走访困难群众并座谈", "指导联系点党组织建设", "协调解决停车难问题",
};
static const char * const reception_notes[] = {
  "群众反映小区噪音扰民", "咨询养老保险政策", "反映物业收费问题", "咨询孩子入学政策",
  "反映道路破损", "咨询就业培训", "表达对社区工作的感谢",
};
static const char * const appeal_texts[] = {
  /* employment */ "希望社区提供就业培训和招聘信息", "下岗后再就业遇到困难",
  /* education */ "孩子入学划片有疑问，希望协调", "希望开设课后托管服务",
  /* medical */ "老人看病报销手续复杂，希望帮助办理", "希望社区卫生站延长服务时间",
  /* environment */ "楼道堆放杂物存在消防隐患", "小区垃圾清运不及时",
  /* political */ "希望公开社区议事会议结果", "对社区选举程序有疑问",
  /* culture */ "希望增加老年文体活动场地", "希望组织社区读书活动",
  /* legal */ "邻里纠纷需要法律咨询", "房屋租赁合同纠纷求助",
  /* other */ "楼顶漏水需要维修", "小区路灯损坏夜间出行不便",
};
static const char * const channels[] = {
  "home_visit", "field_visit", "reception", "suggestion_box", "hotline", "report_line",
  "website", "other",
};
static const char * const concerns[] = { "think", "hope", "worry", "anxiety", "hardship" };
static const char * const domains[] = {
  "employment", "education", "medical", "environment", "political", "culture", "legal", "other",
};
static const char * const priorities[] = { "most_practical", "most_concerned", "most_direct" };
static const char * const mechanisms[] = { "self_help", "window", "coordinated" };

/* -------------------------------------------------------------- visits */

static gint64
add_visit (Gen         *g,
           const char  *kind,
           const char  *moment,
           gint64       contact_point,
           gint64       event,
           const char  *notes,
           GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT INTO visit (kind, happened_at, contact_point_id, "
                                "event_id, notes) VALUES (?,?,?,?,?)", error);
  if (stmt == NULL)
    return 0;
  bt (stmt, 1, kind);
  bt (stmt, 2, moment);
  lx_bind_id (stmt, 3, contact_point);
  lx_bind_id (stmt, 4, event);
  bt (stmt, 5, notes);
  return lx_demo_run (g, stmt, T_VISIT, error);
}

gboolean
lx_demo_link_row (Gen         *g,
                  const char  *sql,
                  Table        table,
                  gint64       a,
                  gint64       b,
                  GError     **error)
{
  sqlite3_stmt *stmt = prep (g, sql, error);

  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, a);
  bi (stmt, 2, b);
  return lx_demo_run (g, stmt, table, error) != 0;
}

gboolean
lx_demo_visit_household (Gen      *g,
                         gint64    visit,
                         gint64    household,
                         GError  **error)
{
  return lx_demo_link_row (g, "INSERT INTO visit_household (visit_id, household_id) VALUES (?, ?)",
                           T_VISIT_HOUSEHOLD, visit, household, error);
}

gboolean
lx_demo_visit_member (Gen      *g,
                      gint64    visit,
                      int       member,
                      GError  **error)
{
  return lx_demo_link_row (g, "INSERT OR IGNORE INTO visit_member (visit_id, member_id) VALUES (?, ?)",
                           T_VISIT_MEMBER, visit, g_array_index (g->members, Member, member).id, error);
}

gboolean
lx_demo_event_member (Gen      *g,
                      gint64    event,
                      int       member,
                      GError  **error)
{
  return lx_demo_link_row (g, "INSERT OR IGNORE INTO event_member (event_id, member_id) VALUES (?, ?)",
                           T_EVENT_MEMBER, event, g_array_index (g->members, Member, member).id, error);
}

gint64
lx_demo_add_event (Gen         *g,
                   const char  *kind,
                   const char  *title,
                   const char  *starts,
                   const char  *ends,
                   const char  *place,
                   const char  *rrule,
                   gint64       household,
                   const char  *status,
                   GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT INTO event (kind, title, starts_at, ends_at, place, rrule, "
                                "household_id, status) VALUES (?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return 0;
  bt (stmt, 1, kind);
  bt (stmt, 2, title);
  bt (stmt, 3, starts);
  bt (stmt, 4, ends);
  bt (stmt, 5, place);
  bt (stmt, 6, rrule);
  lx_bind_id (stmt, 7, household);
  bt (stmt, 8, status);
  return lx_demo_run (g, stmt, T_EVENT, error);
}

/* Who goes: the paired member once paired, else someone responsible for the
 * zone, else anyone; sometimes with a colleague. */
static int
visitor_for (Gen       *g,
             Household *h,
             guint32    day)
{
  GArray *zone = g_ptr_array_index (g->zone_members, h->zone);

  if (h->paired_with >= 0 && day >= h->paired_from && chance (g, 0.9))
    return h->paired_with;
  if (zone->len > 0 && chance (g, 0.6))
    {
      int m = g_array_index (zone, int, g_rand_int_range (g->rand, 0, zone->len));
      if (g_array_index (g->members, Member, m).active)
        return m;
    }
  return lx_demo_random_member (g);
}

static gboolean
home_visit (Gen        *g,
            Household  *h,
            guint32     day,
            GError    **error)
{
  char moment[17];
  const char *notes = h->needy ? PICK (g, needy_notes) : PICK (g, home_notes);
  int visitor = visitor_for (g, h, day);
  gint64 event = 0, visit;

  lx_demo_iso_moment (day, rint_range (g, 8, 17), 10 * rint_range (g, 0, 5), moment);
  if (day + 60 > g->today && chance (g, 0.1))
    {
      /* Planned on the calendar beforehand, then marked done. */
      if ((event = lx_demo_add_event (g, "planned_visit", "入户走访", moment, NULL, NULL, NULL, h->id,
                                      "done", error)) == 0 ||
          !lx_demo_event_member (g, event, visitor, error))
        return FALSE;
    }
  if ((visit = add_visit (g, "home", moment, 0, event, notes, error)) == 0 ||
      !lx_demo_visit_household (g, visit, h->id, error) ||
      !lx_demo_visit_member (g, visit, visitor, error))
    return FALSE;
  if (chance (g, 0.3) && !lx_demo_visit_member (g, visit, lx_demo_random_member (g), error))
    return FALSE;
  return TRUE;
}

gboolean
lx_demo_gen_home_visits (Gen      *g,
                         GError  **error)
{
  for (guint i = 0; i < g->households->len; i++)
    {
      Household *h = &g_array_index (g->households, Household, i);
      int lo = h->needy ? 45 : h->paired_with >= 0 ? 90 : 200;
      int hi = h->needy ? 95 : h->paired_with >= 0 ? 175 : 360;
      int rule = h->needy ? 90 : h->paired_with >= 0 ? 182 : 365;
      guint32 end = g->today;
      guint32 day;

      if (chance (g, h->needy ? 0.01 : 0.04))
        continue;   /* never visited */
      if (chance (g, 0.08))
        end = g->today - rule - rint_range (g, 5, 200);   /* fallen behind */

      for (day = g->start + rint_range (g, 0, hi); day <= end; day += rint_range (g, lo, hi))
        if (!home_visit (g, h, day, error))
          return FALSE;

      if (chance (g, 0.1))
        {
          char moment[17];
          gint64 visit;

          lx_demo_random_moment (g, g->start, g->today, moment);
          if ((visit = add_visit (g, "phone", moment, 0, 0, "电话了解近况", error)) == 0 ||
              !lx_demo_visit_household (g, visit, h->id, error) ||
              !lx_demo_visit_member (g, visit, visitor_for (g, h, g->today), error))
            return FALSE;
        }
      if (!lx_demo_tick (g, (double)i / g->households->len, error))
        return FALSE;
    }
  return TRUE;
}

static void
month_bounds (int      year,
              int      month,
              guint32 *first,
              guint32 *last)
{
  *first = lx_demo_julian_of (year, month, 1);
  *last = *first + g_date_get_days_in_month (month, year) - 1;
}

static void
next_month (int *year,
            int *month)
{
  if (++*month > 12)
    {
      *month = 1;
      ++*year;
    }
}

/* 下访: leading cadres at their contact points, most months. */
gboolean
lx_demo_gen_field_visits (Gen      *g,
                          GError  **error)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, g->start);
  for (int y = g_date_get_year (&d), mo = g_date_get_month (&d);; )
    {
      guint32 first, last;

      month_bounds (y, mo, &first, &last);
      if (first > g->today)
        break;
      first = MAX (first, g->start);
      last = jd_min (last, g->today);

      for (guint m = 0; m < g->members->len; m++)
        {
          GArray *points = g_ptr_array_index (g->cadre_points, m);
          char moment[17];
          gint64 visit;

          if (points == NULL || !chance (g, 0.85))
            continue;
          lx_demo_random_moment (g, first, last, moment);
          visit = add_visit (g, "field", moment,
                             g_array_index (points, gint64, g_rand_int_range (g->rand, 0, points->len)),
                             0, PICK (g, field_notes), error);
          if (visit == 0 || !lx_demo_visit_member (g, visit, m, error))
            return FALSE;
          if (chance (g, 0.3) && !lx_demo_visit_member (g, visit, lx_demo_random_member (g), error))
            return FALSE;
        }
      if (!lx_demo_tick (g, (double)(first - g->start) / HISTORY_DAYS, error))
        return FALSE;
      next_month (&y, &mo);
    }
  return TRUE;
}

static guint32
second_thursday (int year,
                 int month)
{
  guint32 first = lx_demo_julian_of (year, month, 1);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, first);
  return first + (G_DATE_THURSDAY - g_date_get_weekday (&d) + 7) % 7 + 7;
}

static gboolean
hold_reception_day (Gen      *g,
                    guint32   day,
                    GArray   *reps,
                    GError  **error)
{
  int n = MAX (1, (int)g->n_households / 300) + rint_range (g, 0, 2);

  for (int k = 0; k < n; k++)
    {
      int minutes = (k * 13) % 150;
      char moment[17];
      int rep = g_array_index (reps, int, (k + day) % reps->len);
      gint64 visit;

      lx_demo_iso_moment (day, 9 + minutes / 60, minutes % 60, moment);
      visit = add_visit (g, "reception", moment, 0, g->reception_event,
                         PICK (g, reception_notes), error);
      if (visit == 0 || !lx_demo_visit_member (g, visit, rep, error))
        return FALSE;
      if (chance (g, 0.7))
        {
          Household *h = &g_array_index (g->households, Household,
                                         g_rand_int_range (g->rand, 0, g->households->len));
          if (!lx_demo_visit_household (g, visit, h->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* 接访: a reception day on the second Thursday of each month. */
gboolean
lx_demo_gen_receptions (Gen      *g,
                        GError  **error)
{
  g_autoptr(GArray) reps = g_array_new (FALSE, FALSE, sizeof (int));
  GDate d;
  guint32 first_day;
  char starts[17], ends[17];
  int y, mo;

  for (guint m = 0; m < g->members->len; m++)
    if (g_array_index (g->members, Member, m).rep && g_array_index (g->members, Member, m).active)
      g_array_append_val (reps, m);
  if (reps->len == 0)
    {
      int m = 0;
      g_array_append_val (reps, m);
    }

  g_date_clear (&d, 1);
  g_date_set_julian (&d, g->start);
  y = g_date_get_year (&d);
  mo = g_date_get_month (&d);
  first_day = second_thursday (y, mo);
  if (first_day < g->start)
    {
      first_day = mo == 12 ? second_thursday (y + 1, 1) : second_thursday (y, mo + 1);
    }
  lx_demo_iso_moment (first_day, 9, 0, starts);
  lx_demo_iso_moment (first_day, 11, 30, ends);
  g->reception_event = lx_demo_add_event (g, "reception_day", "党代表接待日", starts, ends,
                                          "局机关党员服务中心接待室", "FREQ=MONTHLY;BYDAY=2TH", 0,
                                          "planned", error);
  if (g->reception_event == 0)
    return FALSE;
  for (guint k = 0; k < MIN (reps->len, 12u); k++)
    if (!lx_demo_event_member (g, g->reception_event, g_array_index (reps, int, k), error))
      return FALSE;

  for (;; next_month (&y, &mo))
    {
      guint32 day = second_thursday (y, mo);

      if (day > g->today)
        break;
      if (day < first_day)
        continue;
      if (mo == 2 && y == g->year - 1)
        {
          /* Moved a week for the Spring Festival holiday. */
          char on[11], moved[17];
          sqlite3_stmt *stmt = prep (g, "INSERT INTO event_exception (event_id, occurrence_on, "
                                        "moved_to, done) VALUES (?, ?, ?, ?)", error);
          if (stmt == NULL)
            return FALSE;
          lx_demo_iso_date (day, on);
          day += 7;
          lx_demo_iso_moment (day, 9, 0, moved);
          bi (stmt, 1, g->reception_event);
          bt (stmt, 2, on);
          bt (stmt, 3, moved);
          bi (stmt, 4, day <= g->today);
          if (lx_demo_run (g, stmt, T_EVENT_EXCEPTION, error) == 0)
            return FALSE;
          if (day > g->today)
            continue;
        }
      if (!hold_reception_day (g, day, reps, error) ||
          !lx_demo_tick (g, (double)(day - g->start) / HISTORY_DAYS, error))
        return FALSE;
    }
  return TRUE;
}

/* Visits still to come: households that are due, on the calendar. */
gboolean
lx_demo_gen_planned_events (Gen      *g,
                            GError  **error)
{
  guint n = MAX (3, g->n_households / 100);

  for (guint k = 0; k < n; k++)
    {
      Household *h = &g_array_index (g->households, Household,
                                     g_rand_int_range (g->rand, 0, g->households->len));
      char starts[17];
      gint64 event;

      lx_demo_iso_moment (g->today + rint_range (g, 1, 21), rint_range (g, 9, 16), 0, starts);
      event = lx_demo_add_event (g, "planned_visit", h->needy ? "走访困难群众" : "入户走访", starts,
                                 NULL, NULL, NULL, h->id, "planned", error);
      if (event == 0 || !lx_demo_event_member (g, event, visitor_for (g, h, g->today), error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------- appeals */

typedef struct
{
  const char *status;
  int         min_age, max_age;   /* days between receipt and today */
} StatusWindow;

/* The first six appeals take each status once, received when that status is
 * plausible; the others draw their status from their age. */
static const StatusWindow forced_status[] = {
  { "received", 0, 6 }, { "in_progress", 20, 50 }, { "resolved", 30, 200 },
  { "responded", 30, 300 }, { "escalated", 60, 500 }, { "closed", 60, 900 },
};

static const char *
status_for_age (Gen *g,
                int  age)
{
  int r = g_rand_int_range (g->rand, 0, 100);

  if (age < 7)
    return r < 50 ? "received" : "in_progress";
  if (age < 60)
    return r < 35 ? "in_progress" : r < 55 ? "resolved" : r < 70 ? "responded"
           : r < 75 ? "escalated" : "closed";
  return r < 5 ? "in_progress" : r < 11 ? "resolved" : r < 17 ? "responded"
         : r < 25 ? "escalated" : "closed";
}

static gboolean
add_step (Gen         *g,
          gint64       appeal,
          guint32      day,
          int          step,
          int          member,
          const char  *from,
          const char  *to,
          const char  *note,
          GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT INTO appeal_step (appeal_id, at, member_id, from_status, "
                                "to_status, note) VALUES (?,?,?,?,?,?)", error);
  char at[17];

  if (stmt == NULL)
    return FALSE;
  /* Later steps of the same day happen later in the day. */
  lx_demo_iso_moment (day, 8 + 2 * step + rint_range (g, 0, 1), 10 * rint_range (g, 0, 5), at);
  bi (stmt, 1, appeal);
  bt (stmt, 2, at);
  bi (stmt, 3, g_array_index (g->members, Member, member).id);
  bt (stmt, 4, from);
  bt (stmt, 5, to);
  bt (stmt, 6, note);
  return lx_demo_run (g, stmt, T_APPEAL_STEP, error) != 0;
}

typedef struct
{
  const char *status;
  const char *level;
  guint32     received;
  guint32     closed;
  guint32     followup;
  int         assignee;
  int         intake;
} AppealFacts;

/* The history that leads to @a->status, each step no earlier than the one
 * before and none after today. */
static gboolean
add_steps (Gen          *g,
           gint64        appeal,
           AppealFacts  *a,
           GError      **error)
{
  const char *status = a->status;
  gboolean closed = g_str_equal (status, "closed");
  const char *outcome = closed ? (g_str_equal (a->level, "pending_hard") ? "responded" : "resolved")
                               : status;
  guint32 day = a->received;

  if (!add_step (g, appeal, day, 0, a->intake, NULL, "received", "登记受理", error))
    return FALSE;
  if (g_str_equal (status, "received"))
    return TRUE;
  day = jd_min (day + rint_range (g, 0, 3), g->today);
  if (!add_step (g, appeal, day, 1, a->assignee, "received", "in_progress", "已交办", error))
    return FALSE;
  if (g_str_equal (status, "in_progress"))
    return TRUE;
  day = jd_min (day + rint_range (g, 3, 40), g->today);
  if (!add_step (g, appeal, day, 2, a->assignee, "in_progress", outcome,
                 g_str_equal (outcome, "escalated") ? "报上级党组织协调"
                 : g_str_equal (outcome, "responded") ? "已答复群众" : "问题已解决", error))
    return FALSE;
  if (!closed)
    return TRUE;
  day = jd_min (day + rint_range (g, 0, 10), g->today);
  a->closed = day;
  a->followup = jd_min (day + rint_range (g, 1, 7), g->today);
  return add_step (g, appeal, day, 3, a->assignee, outcome, "closed", "回访后办结", error);
}

static int
random_assignee (Gen *g)
{
  /* Committee members and the secretaries take most cases. */
  for (int tries = 0; tries < 20; tries++)
    {
      int m = lx_demo_random_member (g);
      const char *role = g_array_index (g->members, Member, m).role;
      if (!g_str_equal (role, "member") || tries > 10)
        return m;
    }
  return 0;
}

static gboolean
gen_appeal (Gen      *g,
            guint     i,
            GError  **error)
{
  static const char * const anonymous[] = { "匿名", "王女士", "李先生", "热心居民", "张阿姨" };
  static const char * const resolutions[] = {
    "已协调物业处理完毕", "已联系相关部门落实", "已帮助办理相关手续", "志愿服务队上门解决",
  };
  AppealFacts a = { 0 };
  guint domain_i = i < G_N_ELEMENTS (domains) ? i : (guint)g_rand_int_range (g->rand, 0, 8);
  int age;
  char received_on[11], deadline[11], closed_on[11], followup_on[11];
  const char *satisfaction = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (i < G_N_ELEMENTS (forced_status))
    {
      age = rint_range (g, forced_status[i].min_age, forced_status[i].max_age);
      a.status = forced_status[i].status;
    }
  else
    {
      age = rint_range (g, 0, HISTORY_DAYS - 1);
      a.status = status_for_age (g, age);
    }
  a.received = g->today - age;
  a.assignee = random_assignee (g);
  a.intake = chance (g, 0.5) ? 0 : a.assignee;
  if (g_str_equal (a.status, "escalated"))
    a.level = "upward";
  else if (g_str_equal (a.status, "responded") || (g_str_equal (a.status, "closed") && chance (g, 0.15)))
    a.level = "pending_hard";
  else if (g_str_equal (a.status, "resolved") || g_str_equal (a.status, "closed"))
    a.level = chance (g, 0.5) ? "branch" : chance (g, 0.6) ? "service_centre" : "street";

  stmt = prep (g, "INSERT INTO appeal (received_on, channel, household_id, anonymous_name, "
                  "concern, domain, priority, description, assignee_id, deadline, mechanism, "
                  "status, resolution_level) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  lx_demo_iso_date (a.received, received_on);
  lx_demo_iso_date (a.received + (chance (g, 0.3) ? 7 : 15), deadline);
  bt (stmt, 1, received_on);
  bt (stmt, 2, i < G_N_ELEMENTS (channels) ? channels[i] : PICK (g, channels));
  if (chance (g, 0.85))
    bi (stmt, 3, g_array_index (g->households, Household,
                                g_rand_int_range (g->rand, 0, g->households->len)).id);
  else
    bt (stmt, 4, PICK (g, anonymous));
  bt (stmt, 5, i < G_N_ELEMENTS (concerns) ? concerns[i] : PICK (g, concerns));
  bt (stmt, 6, domains[domain_i]);
  bt (stmt, 7, chance (g, 0.6) ? PICK (g, priorities) : NULL);
  bt (stmt, 8, appeal_texts[domain_i * 2 + g_rand_int_range (g->rand, 0, 2)]);
  bi (stmt, 9, g_array_index (g->members, Member, a.assignee).id);
  bt (stmt, 10, deadline);
  bt (stmt, 11, g_str_equal (a.status, "received") ? NULL
                : g_str_equal (a.status, "escalated") ? "coordinated" : PICK (g, mechanisms));
  bt (stmt, 12, a.status);
  bt (stmt, 13, a.level);
  if ((id = lx_demo_run (g, stmt, T_APPEAL, error)) == 0 || !add_steps (g, id, &a, error))
    return FALSE;

  stmt = prep (g, "UPDATE appeal SET resolution = ?2, superior_answer = ?3, closed_on = ?4, "
                  "followup_on = ?5, satisfaction = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, id);
  if (a.level != NULL && !g_str_equal (a.level, "upward"))
    bt (stmt, 2, g_str_equal (a.level, "pending_hard") ? "已向群众解释政策，暂时难以解决"
                                                      : PICK (g, resolutions));
  if (a.level != NULL && g_str_equal (a.level, "upward") && chance (g, 0.5))
    bt (stmt, 3, "上级党组织已受理，正在协调有关部门");
  if (a.closed > 0)
    {
      int r = g_rand_int_range (g->rand, 0, 100);
      satisfaction = r < 62 ? "satisfied" : r < 86 ? "fairly" : r < 96 ? "basically" : "dissatisfied";
      lx_demo_iso_date (a.closed, closed_on);
      lx_demo_iso_date (a.followup, followup_on);
      bt (stmt, 4, closed_on);
      bt (stmt, 5, followup_on);
      bt (stmt, 6, satisfaction);
    }
  return lx_store_step_done (g->store, stmt, error);
}

gboolean
lx_demo_gen_appeals (Gen      *g,
                     GError  **error)
{
  guint n = MAX (8, g->n_households / 15);

  for (guint i = 0; i < n; i++)
    if (!gen_appeal (g, i, error) || !lx_demo_tick (g, (double)i / n, error))
      return FALSE;
  return TRUE;
}
