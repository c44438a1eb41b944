/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-demo.h"
#include "lx-pinyin.h"
#include "lx-records.h"

/* A believable unit with three years of work, generated in one transaction.
 * Every draw comes from one GRand seeded by the caller, in a fixed order, so
 * the same seed always gives the same database. */

#define HISTORY_DAYS 1095

typedef enum
{
  T_ORGANIZATION, T_MEMBER, T_ZONE, T_MEMBER_ZONE, T_SITE, T_BUILDING, T_HOUSEHOLD,
  T_HOUSEHOLD_NEED, T_RESIDENT, T_CONTACT_POINT, T_MEMBER_CONTACT_POINT, T_PAIRING,
  T_EVENT, T_EVENT_MEMBER, T_EVENT_EXCEPTION, T_VISIT, T_VISIT_HOUSEHOLD, T_VISIT_MEMBER,
  T_APPEAL, T_APPEAL_STEP, T_TWINNING, T_TWINNING_ACTIVITY, T_PLEDGE, T_POST,
  T_SERVICE_TEAM, T_SERVICE_TEAM_MEMBER, T_VOLUNTEER_ACTIVITY, T_VOLUNTEER_ACTIVITY_MEMBER,
  T_EVALUATION_CAMPAIGN, T_BALLOT, T_BALLOT_GRADE, N_TABLES
} Table;

static const char * const table_names[N_TABLES] = {
  "organization", "member", "zone", "member_zone", "site", "building", "household",
  "household_need", "resident", "contact_point", "member_contact_point", "pairing",
  "event", "event_member", "event_exception", "visit", "visit_household", "visit_member",
  "appeal", "appeal_step", "twinning", "twinning_activity", "pledge", "post",
  "service_team", "service_team_member", "volunteer_activity", "volunteer_activity_member",
  "evaluation_campaign", "ballot", "ballot_grade",
};

typedef struct
{
  gint64      id;
  const char *role;
  guint       cadre : 1;
  guint       rep : 1;
  guint       active : 1;
  int         quota;
  int         paired;
  double      quality;   /* how well the masses grade this member */
} Member;

typedef struct
{
  gint64  id;
  int     zone;          /* index into Gen.zones */
  int     paired_with;   /* index into Gen.members, -1: none */
  guint32 paired_from;   /* julian day */
  guint   needy : 1;
} Household;

typedef struct
{
  LxStore        *store;
  GRand          *rand;
  GCancellable   *cancellable;
  LxProgressFunc  progress;
  gpointer        user_data;
  guint           n_households;

  guint32         today;        /* julian days */
  guint32         start;
  int             year;

  gint64          committee_id;
  GArray         *branches;     /* gint64 organization ids (branches and groups) */
  GArray         *members;      /* Member */
  GArray         *zones;        /* gint64 */
  GPtrArray      *zone_members; /* per zone: GArray of member indices */
  GArray         *households;   /* Household */
  GArray         *contact_points;  /* gint64 */
  GPtrArray      *cadre_points; /* per member: GArray of contact point ids, or NULL */
  GHashTable     *id_numbers;   /* every ID number used, to keep them unique */
  GHashTable     *pinyin;       /* name → char*[2] */
  gint64          reception_event;

  guint           rows[N_TABLES];
  guint           ticks;
  double          phase_from, phase_to;
} Gen;

/* ------------------------------------------------------------------ data */

typedef struct { const char *text; int weight; } Weighted;

/* Roughly how common each surname is (per mille), from population surveys. */
static const Weighted surnames[] = {
  { "王", 71 }, { "李", 70 }, { "张", 67 }, { "刘", 54 }, { "陈", 45 }, { "杨", 31 },
  { "黄", 22 }, { "赵", 20 }, { "吴", 20 }, { "周", 19 }, { "徐", 14 }, { "孙", 13 },
  { "马", 12 }, { "朱", 12 }, { "胡", 11 }, { "郭", 10 }, { "何", 10 }, { "高", 9 },
  { "林", 9 }, { "罗", 9 }, { "郑", 8 }, { "梁", 8 }, { "谢", 7 }, { "宋", 6 }, { "唐", 6 },
  { "许", 5 }, { "韩", 5 }, { "冯", 5 }, { "邓", 5 }, { "曹", 5 }, { "彭", 5 }, { "曾", 4 },
  { "肖", 4 }, { "田", 4 }, { "董", 4 }, { "袁", 4 }, { "潘", 3 }, { "于", 3 }, { "蒋", 3 },
  { "蔡", 3 }, { "余", 3 }, { "杜", 3 }, { "叶", 3 }, { "程", 3 }, { "苏", 3 }, { "魏", 3 },
  { "吕", 3 }, { "丁", 3 }, { "任", 3 }, { "沈", 2 }, { "姚", 2 }, { "卢", 2 }, { "姜", 2 },
  { "崔", 2 }, { "钟", 2 }, { "谭", 2 }, { "陆", 2 }, { "汪", 2 }, { "范", 2 }, { "金", 2 },
  { "石", 2 }, { "廖", 2 }, { "贾", 2 }, { "夏", 2 }, { "付", 2 }, { "方", 2 }, { "白", 2 },
  { "邹", 2 }, { "孟", 2 }, { "熊", 2 }, { "秦", 2 }, { "邱", 2 }, { "江", 2 }, { "尹", 2 },
  { "薛", 2 }, { "段", 2 }, { "雷", 2 }, { "侯", 2 }, { "龙", 2 }, { "史", 2 }, { "陶", 1 },
  { "黎", 1 }, { "贺", 1 }, { "顾", 1 }, { "毛", 1 }, { "郝", 1 }, { "龚", 1 }, { "邵", 1 },
  { "万", 1 }, { "钱", 1 }, { "严", 1 }, { "武", 1 }, { "戴", 1 }, { "孔", 1 }, { "汤", 1 },
  { "欧阳", 1 }, { "单", 1 }, { "解", 1 },
};

static const char * const male_given[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
  "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林", "阳", "建",
  "国", "峰", "海", "东", "文", "亮", "晨", "博", "成", "家", "振", "洪", "德", "庆", "立",
  "新", "永", "兵", "春", "志", "红", "卫", "民", "忠", "祥", "荣",
};

static const char * const female_given[] = {
  "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "英", "婷", "雪", "慧", "红",
  "颖", "琳", "萍", "燕", "洁", "佳", "倩", "梅", "莉", "兰", "琴", "月", "欣", "怡", "丹",
  "晶", "璐", "瑶", "婉", "淑", "凤", "云", "华", "桂", "春", "琪", "楠",
};

static const char * const area_codes[] = {
  "420102", "420103", "420104", "420105", "420106", "420111", "420115", "420117",
  "421002", "420984", "110105", "430102", "410105", "360102",
};

static const char * const mobile_prefixes[] = {
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
  "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "186", "187",
  "188", "189", "191", "199",
};

static const char * const site_prefixes[] = {
  "幸福", "和平", "建设", "阳光", "锦绣", "翠湖", "东湖", "光明", "学府", "金色",
  "丽景", "滨江", "长青", "梧桐", "紫荆", "春华", "文昌", "兴业", "福星", "江南",
};

static const char * const site_suffixes[] = {
  "里小区", "苑", "新村", "花园", "家园", "小区", "公寓", "雅居", "华庭", "名都",
};

static const char * const streets[] = {
  "解放大道", "中山大道", "建设大道", "发展大道", "沿江大道", "友谊路", "民主路",
  "胜利街", "青年路", "和平大道",
};

static const Weighted need_tags[] = {
  { "elderly_alone", 25 }, { "dibao", 15 }, { "disabled", 15 }, { "serious_illness", 10 },
  { "unemployed", 10 }, { "veteran", 8 }, { "needy_worker", 7 }, { "tekun", 5 },
  { "left_behind_child", 5 },
};

static const char * const contact_point_names[] = {
  "幸福里社区党群服务中心", "建设新村社区居委会", "市政工程公司项目部", "城南农贸市场",
  "东湖街道便民服务站", "第三中学", "和平苑物业服务中心", "滨江社区老年活动中心",
  "长青社区卫生服务站", "兴业路商户联合会", "光明小学", "江南社区新时代文明实践站",
};

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
static const char * const grades[] = { "satisfied", "fairly", "basically", "dissatisfied" };
static const char * const items[] = { "contact", "appeals", "relations", "satisfaction" };

static const char * const pledges[] = {
  "每月至少走访结对户一次，及时反映群众诉求", "为困难群众办一件实事",
  "参加志愿服务不少于20小时", "带头开展垃圾分类宣传", "帮助一名失业居民实现再就业",
  "每季度参加一次党代表接待日", "牵头解决小区停车难问题",
};

/* ------------------------------------------------------------- helpers */

static int
rint_range (Gen *g,
            int  lo,
            int  hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static const char *
pick (Gen                *g,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (g->rand, 0, n)];
}
#define PICK(g, list) pick ((g), (list), G_N_ELEMENTS (list))

static const char *
pick_weighted (Gen            *g,
               const Weighted *list,
               guint           n)
{
  int total = 0, r;

  for (guint i = 0; i < n; i++)
    total += list[i].weight;
  r = g_rand_int_range (g->rand, 0, total);
  for (guint i = 0; i < n; i++)
    if ((r -= list[i].weight) < 0)
      return list[i].text;
  return list[n - 1].text;
}

static void
iso_date (guint32 jd,
          char    out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  g_snprintf (out, 11, "%04d-%02d-%02d",
              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static void
iso_moment (guint32 jd,
            int     hour,
            int     minute,
            char    out[17])
{
  char day[11];

  iso_date (jd, day);
  g_snprintf (out, 17, "%sT%02d:%02d", day, hour, minute);
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static guint32
jd_min (guint32 a,
        guint32 b)
{
  return a < b ? a : b;
}

/* A working hour on a random day between @from and @to. */
static void
random_moment (Gen     *g,
               guint32  from,
               guint32  to,
               char     out[17])
{
  iso_moment (from + g_rand_int_range (g->rand, 0, to - from + 1),
              rint_range (g, 8, 17), 10 * rint_range (g, 0, 5), out);
}

static char *
chinese_number (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n == 0 || n >= 100)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n >= 20 ? digits[n / 10] : "", digits[n % 10]);
}

static char *
random_name (Gen      *g,
             gboolean  male)
{
  const char *surname = pick_weighted (g, surnames, G_N_ELEMENTS (surnames));
  const char *first = male ? PICK (g, male_given) : PICK (g, female_given);

  if (chance (g, 0.4))
    return g_strconcat (surname, first, NULL);
  return g_strconcat (surname, first, male ? PICK (g, male_given) : PICK (g, female_given), NULL);
}

static char *
random_mobile (Gen *g)
{
  return g_strdup_printf ("%s%08d", PICK (g, mobile_prefixes), rint_range (g, 0, 99999999));
}

/* 18 characters by GB 11643: area, birth date, sequence (odd for men), check. */
static char *
random_id_number (Gen         *g,
                  const char  *birth,
                  gboolean     male)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";

  for (;;)
    {
      char id[19];
      int seq = rint_range (g, 0, 499) * 2 + (male ? 1 : 0);
      int sum = 0;

      g_snprintf (id, sizeof id, "%s%.4s%.2s%.2s%03d", PICK (g, area_codes),
                  birth, birth + 5, birth + 8, seq);
      for (int i = 0; i < 17; i++)
        sum += (id[i] - '0') * weights[i];
      id[17] = checks[sum % 11];
      id[18] = '\0';
      if (!g_hash_table_contains (g->id_numbers, id))
        {
          char *copy = g_strdup (id);
          g_hash_table_add (g->id_numbers, copy);
          return g_strdup (copy);
        }
    }
}

static void
random_birth (Gen     *g,
              int      from_year,
              int      to_year,
              char     out[11])
{
  guint32 a = julian_of (from_year, 1, 1);
  guint32 b = jd_min (julian_of (to_year, 12, 31), g->today - 1);

  iso_date (a + g_rand_int_range (g->rand, 0, b - a + 1), out);
}

static void
pinyin_for (Gen         *g,
            const char  *name,
            const char **out_full,
            const char **out_initials)
{
  char **keys = g_hash_table_lookup (g->pinyin, name);

  if (keys == NULL)
    {
      keys = g_new0 (char *, 3);
      lx_pinyin_keys (name, &keys[0], &keys[1]);
      g_hash_table_insert (g->pinyin, g_strdup (name), keys);
    }
  *out_full = keys[0];
  *out_initials = keys[1];
}

/* ------------------------------------------------------------ statements */

static sqlite3_stmt *
prep (Gen         *g,
      const char  *sql,
      GError     **error)
{
  return lx_store_prepare (g->store, sql, error);
}

static void
bt (sqlite3_stmt *stmt,
    int           index,
    const char   *text)
{
  lx_bind_text (stmt, index, text);
}

static void
bi (sqlite3_stmt *stmt,
    int           index,
    gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

/* Steps an INSERT and returns the new row id, or 0 with @error set. */
static gint64
run (Gen           *g,
     sqlite3_stmt  *stmt,
     Table          table,
     GError       **error)
{
  if (!lx_store_step_done (g->store, stmt, error))
    {
      g_prefix_error (error, "%s: ", table_names[table]);
      return 0;
    }
  g->rows[table]++;
  return lx_store_last_insert_id (g->store);
}

/* Progress and cancellation, checked every few hundred rows. */
static gboolean
tick (Gen      *g,
      double    within,
      GError  **error)
{
  if ((++g->ticks & 255) != 0)
    return TRUE;
  if (g->progress != NULL)
    g->progress (g->phase_from + (g->phase_to - g->phase_from) * CLAMP (within, 0, 1),
                 g->user_data);
  return !g_cancellable_set_error_if_cancelled (g->cancellable, error);
}

static gboolean
phase (Gen      *g,
       double    to,
       GError  **error)
{
  g->phase_from = g->phase_to;
  g->phase_to = to;
  if (g->progress != NULL)
    g->progress (g->phase_from, g->user_data);
  return !g_cancellable_set_error_if_cancelled (g->cancellable, error);
}

/* A name not yet used in @table, so that a second demo can join a first one. */
static char *
unique_name (Gen         *g,
             const char  *table,
             const char  *base)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE name = ?", table);
  char *name = g_strdup (base);

  for (int n = 2;; n++)
    {
      sqlite3_stmt *stmt = prep (g, sql, NULL);
      gboolean taken;

      if (stmt == NULL)
        return name;
      bt (stmt, 1, name);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!taken)
        return name;
      g_free (name);
      name = g_strdup_printf ("%s（%d）", base, n);
    }
}

/* ------------------------------------------------------- organizations */

static gint64
add_org (Gen         *g,
         gint64       parent,
         const char  *name,
         const char  *kind,
         int          position,
         GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT INTO organization (parent_id, name, kind, position) "
                                "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  lx_bind_id (stmt, 1, parent);
  bt (stmt, 2, name);
  bt (stmt, 3, kind);
  bi (stmt, 4, position);
  return run (g, stmt, T_ORGANIZATION, error);
}

static gboolean
gen_organizations (Gen      *g,
                   guint     n_members,
                   GError  **error)
{
  guint n_branches = CLAMP (3 + n_members / 60, 4, 40);
  guint n_groups = MAX (2, n_branches / 2);
  GArray *branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g->committee_id = add_org (g, 0, "市住房和城乡建设局机关党委", "committee", 0, error);
  if (g->committee_id == 0)
    return FALSE;

  for (guint i = 1; i <= n_branches; i++)
    {
      g_autofree char *num = chinese_number (i);
      g_autofree char *name = g_strdup_printf ("机关第%s党支部", num);
      gint64 id = add_org (g, g->committee_id, name, "branch", i, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (branch_ids, id);
      g_array_append_val (g->branches, id);
    }
  for (guint i = 1; i <= n_groups; i++)
    {
      g_autofree char *num = chinese_number (i);
      g_autofree char *name = g_strdup_printf ("第%s党小组", num);
      gint64 parent = g_array_index (branch_ids, gint64, (i - 1) % n_branches);
      gint64 id = add_org (g, parent, name, "group", i, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (g->branches, id);
    }
  g_array_unref (branch_ids);
  return TRUE;
}

/* ------------------------------------------------------------- members */

static const char *
role_for (guint i,
          guint n_members,
          guint n_committee,
          guint n_leaders)
{
  if (i == 0)
    return "secretary";
  if (i <= (n_members >= 300 ? 2u : 1u + (n_members >= 60)))
    return "deputy";
  if (i < 3 + n_committee)
    return "committee";
  if (i < 3 + n_committee + n_leaders)
    return "group_leader";
  return "member";
}

static int
quota_for (Gen        *g,
           const char *role)
{
  sqlite3_stmt *stmt = prep (g, "SELECT households FROM quota WHERE role = ?", NULL);
  int quota = 1;

  if (stmt == NULL)
    return quota;
  bt (stmt, 1, role);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    quota = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return quota;
}

static gboolean
gen_member (Gen         *g,
            guint        i,
            const char  *role,
            guint        n_cadres,
            guint        n_reps,
            GError     **error)
{
  gboolean male = chance (g, 0.62);
  g_autofree char *name = random_name (g, male);
  g_autofree char *phone = random_mobile (g);
  g_autofree char *id_number = NULL;
  const char *full, *initials, *status = "full";
  char birth[11], joined[11];
  gboolean top = g_str_equal (role, "secretary") || g_str_equal (role, "deputy");
  gboolean cadre = top || i < n_cadres;
  gboolean rep = i % 7 == 3 && i / 7 < n_reps;
  gint64 org = (top || (g_str_equal (role, "committee") && i < 6)) ? g->committee_id
               : g_array_index (g->branches, gint64, i % g->branches->len);
  guint32 birth_jd, join_jd;
  sqlite3_stmt *stmt;
  Member m = { 0 };

  random_birth (g, top ? 1966 : 1962, top ? 1980 : 2002, birth);
  birth_jd = julian_of (atoi (birth), atoi (birth + 5), atoi (birth + 8));
  join_jd = birth_jd + 365 * rint_range (g, 19, 40);
  if (join_jd >= g->today)
    join_jd = g->today - rint_range (g, 30, 700);
  if (g->today - join_jd < 365)
    status = "probationary";
  else if (!top && !cadre && chance (g, 0.02))
    status = "transferred_out";
  iso_date (join_jd, joined);
  id_number = random_id_number (g, birth, male);
  pinyin_for (g, name, &full, &initials);

  stmt = prep (g, "INSERT INTO member (org_id, name, pinyin, initials, gender, birth_date, "
                  "join_date, phone, id_number, role, leading_cadre, party_rep, npc_deputy, "
                  "cppcc_member, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, org);
  bt (stmt, 2, name);
  bt (stmt, 3, full);
  bt (stmt, 4, initials);
  bt (stmt, 5, male ? "male" : "female");
  bt (stmt, 6, birth);
  bt (stmt, 7, joined);
  bt (stmt, 8, phone);
  bt (stmt, 9, id_number);
  bt (stmt, 10, role);
  bi (stmt, 11, cadre);
  bi (stmt, 12, rep || i == 0);
  bi (stmt, 13, i % 60 == 5);
  bi (stmt, 14, i % 60 == 9);
  bt (stmt, 15, status);

  m.id = run (g, stmt, T_MEMBER, error);
  if (m.id == 0)
    return FALSE;
  m.role = role;
  m.cadre = cadre;
  m.rep = rep || i == 0 || i % 60 == 5 || i % 60 == 9;
  m.active = !g_str_equal (status, "transferred_out");
  m.quota = quota_for (g, role);
  m.quality = chance (g, 0.85) ? 0.7 + 0.3 * g_rand_double (g->rand)
              : chance (g, 0.8) ? 0.45 + 0.25 * g_rand_double (g->rand)
              : 0.15 + 0.3 * g_rand_double (g->rand);
  g_array_append_val (g->members, m);
  return TRUE;
}

static gboolean
gen_members (Gen      *g,
             guint     n_members,
             GError  **error)
{
  guint n_committee = 3 + g->branches->len;
  guint n_leaders = MAX (4, n_members / 10);
  guint n_cadres = MAX (6, n_members / 25);
  guint n_reps = MAX (3, n_members / 20);

  for (guint i = 0; i < n_members; i++)
    {
      const char *role = role_for (i, n_members, n_committee, n_leaders);

      if (!gen_member (g, i, role, n_cadres, n_reps, error) ||
          !tick (g, (double)i / n_members, error))
        return FALSE;
    }
  return TRUE;
}

/* An active member, at random. */
static int
random_member (Gen *g)
{
  for (;;)
    {
      int i = g_rand_int_range (g->rand, 0, g->members->len);
      if (g_array_index (g->members, Member, i).active)
        return i;
    }
}

static gboolean
gen_zones (Gen      *g,
           GError  **error)
{
  static const char * const colours[] = {
    "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2ec27e",
  };
  guint n_zones = CLAMP (g->n_households / 200, 3, 60);

  for (guint i = 1; i <= n_zones; i++)
    {
      g_autofree char *num = chinese_number (i);
      g_autofree char *base = g_strdup_printf ("第%s网格", num);
      g_autofree char *name = unique_name (g, "zone", base);
      sqlite3_stmt *stmt = prep (g, "INSERT INTO zone (name, colour) VALUES (?, ?)", error);
      GArray *responsible = g_array_new (FALSE, FALSE, sizeof (int));
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      bt (stmt, 1, name);
      bt (stmt, 2, colours[(i - 1) % G_N_ELEMENTS (colours)]);
      if ((id = run (g, stmt, T_ZONE, error)) == 0)
        return FALSE;
      g_array_append_val (g->zones, id);
      g_ptr_array_add (g->zone_members, responsible);

      for (int k = rint_range (g, 1, 2); k > 0; k--)
        {
          int m = random_member (g);
          stmt = prep (g, "INSERT OR IGNORE INTO member_zone (member_id, zone_id) VALUES (?, ?)",
                       error);
          if (stmt == NULL)
            return FALSE;
          bi (stmt, 1, g_array_index (g->members, Member, m).id);
          bi (stmt, 2, id);
          if (run (g, stmt, T_MEMBER_ZONE, error) == 0)
            return FALSE;
          g_array_append_val (responsible, m);
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------- households */

typedef struct
{
  LxHousehold *record;   /* reused to build the address the way the repository does */
  gint64       site_id;
  char        *site_name;
  int          site_index;
  int          buildings_left;
  int          building_in_site;
} Placement;

static gboolean
new_site (Gen        *g,
          Placement  *p,
          GError    **error)
{
  int i = p->site_index++;
  g_autofree char *phase_num = chinese_number (i / 200 + 1);
  g_autofree char *base = g_strdup_printf ("%s%s%s", site_prefixes[i % 20],
                                           site_suffixes[(i + i / 20) % 10],
                                           i >= 200 ? phase_num : "");
  g_autofree char *with_phase = i >= 200 ? g_strconcat (base, "期", NULL) : g_strdup (base);
  g_autofree char *address = g_strdup_printf ("%s%d号", PICK (g, streets), rint_range (g, 1, 999));
  sqlite3_stmt *stmt;

  g_free (p->site_name);
  p->site_name = unique_name (g, "site", with_phase);
  stmt = prep (g, "INSERT INTO site (name, address) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bt (stmt, 1, p->site_name);
  bt (stmt, 2, address);
  if ((p->site_id = run (g, stmt, T_SITE, error)) == 0)
    return FALSE;
  p->buildings_left = rint_range (g, 3, 6);
  p->building_in_site = 0;
  return TRUE;
}

static gboolean
add_need (Gen         *g,
          gint64       household,
          const char  *tag,
          GError     **error)
{
  sqlite3_stmt *stmt = prep (g, "INSERT OR IGNORE INTO household_need (household_id, tag) "
                                "VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, household);
  bt (stmt, 2, tag);
  return run (g, stmt, T_HOUSEHOLD_NEED, error) != 0;
}

static gboolean
add_resident (Gen         *g,
              gint64       household,
              const char  *surname_of,
              const char  *relation,
              int          from_year,
              int          to_year,
              gboolean     male,
              GError     **error)
{
  g_autofree char *name = random_name (g, male);
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  char birth[11];
  sqlite3_stmt *stmt;

  if (surname_of != NULL)
    {
      /* Children carry the head's surname. */
      const char *given = g_utf8_next_char (name);
      const char *surname_end = g_utf8_next_char (surname_of);
      g_autofree char *surname = g_strndup (surname_of, surname_end - surname_of);
      char *joined = g_strconcat (surname, given, NULL);
      g_free (name);
      name = joined;
    }
  random_birth (g, from_year, to_year, birth);
  if (g->year - atoi (birth) >= 16 && chance (g, 0.5))
    phone = random_mobile (g);
  if (chance (g, 0.5))
    id_number = random_id_number (g, birth, male);

  stmt = prep (g, "INSERT INTO resident (household_id, name, relation, gender, birth_date, "
                  "phone, id_number) VALUES (?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, household);
  bt (stmt, 2, name);
  bt (stmt, 3, relation);
  bt (stmt, 4, male ? "male" : "female");
  bt (stmt, 5, birth);
  bt (stmt, 6, phone);
  bt (stmt, 7, id_number);
  return run (g, stmt, T_RESIDENT, error) != 0;
}

static gboolean
add_residents (Gen         *g,
               gint64       household,
               const char  *head,
               gboolean     head_male,
               int          head_year,
               int          size,
               GError     **error)
{
  int left = size - 1;

  if (left > 0 && head_year <= g->year - 22 && chance (g, 0.85))
    {
      if (!add_resident (g, household, NULL, "配偶", head_year - 3, head_year + 3, !head_male,
                         error))
        return FALSE;
      left--;
    }
  while (left > 0)
    {
      gboolean male = chance (g, 0.5);
      gboolean child = head_year >= 1955 && (left > 1 || chance (g, 0.8));

      if (child)
        {
          int from = MIN (head_year + 22, g->year - 1);
          if (!add_resident (g, household, head, male ? "儿子" : "女儿", from,
                             MIN (head_year + 40, g->year - 1), male, error))
            return FALSE;
        }
      else if (head_year < 1955)
        {
          if (!add_resident (g, household, head, male ? "孙子" : "孙女", head_year + 50,
                             MIN (head_year + 70, g->year - 1), male, error))
            return FALSE;
        }
      else if (!add_resident (g, household, NULL, male ? "父亲" : "母亲", head_year - 35,
                              head_year - 22, male, error))
        return FALSE;
      left--;
    }
  return TRUE;
}

static int
random_size (Gen *g)
{
  static const int weights[] = { 12, 30, 28, 15, 10, 5 };
  int r = g_rand_int_range (g->rand, 0, 100);

  for (int i = 0; i < 6; i++)
    if ((r -= weights[i]) < 0)
      return i + 1;
  return 3;
}

static char *
search_text_for (LxHousehold *h,
                 const char  *address)
{
  g_autofree char *joined = g_strjoin (" ", h->head_name, h->pinyin, h->initials, address,
                                       h->phone ? h->phone : "", NULL);
  return g_utf8_strdown (joined, -1);
}

static gboolean
write_household (Gen         *g,
                 LxHousehold *h,
                 guint32      created,
                 GError     **error)
{
  g_autofree char *address = lx_household_dup_address (h);
  g_autofree char *search = search_text_for (h, address);
  char created_on[11];
  sqlite3_stmt *stmt;

  iso_date (created, created_on);
  stmt = prep (g, "INSERT INTO household (head_name, pinyin, initials, phone, id_number, "
                  "building_id, entrance, floor, room, address, size, zone_id, notes, "
                  "search_text, created_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bt (stmt, 1, h->head_name);
  bt (stmt, 2, h->pinyin);
  bt (stmt, 3, h->initials);
  bt (stmt, 4, h->phone);
  bt (stmt, 5, h->id_number);
  lx_bind_id (stmt, 6, h->building_id);
  if (h->entrance > 0)
    bi (stmt, 7, h->entrance);
  if (h->floor > 0)
    bi (stmt, 8, h->floor);
  bt (stmt, 9, h->room);
  bt (stmt, 10, h->address);
  bi (stmt, 11, h->size);
  lx_bind_id (stmt, 12, h->zone_id);
  bt (stmt, 13, h->notes);
  bt (stmt, 14, search);
  bt (stmt, 15, created_on);
  h->id = run (g, stmt, T_HOUSEHOLD, error);
  return h->id != 0;
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
gen_household (Gen         *g,
               Placement   *p,
               gint64       building_id,
               int          entrance,
               int          floor,
               int          room,
               int          zone,
               GError     **error)
{
  static const char * const notes[] = { "家中有行动不便老人", "租户", "常年在外务工", "新迁入" };
  LxHousehold *h = p->record;
  gboolean male = chance (g, 0.6);
  g_autofree char *name = random_name (g, male);
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *room_text = room > 0 ? g_strdup_printf ("%d%02d", floor, room) : NULL;
  g_autofree char *free_address = NULL;
  const char *full, *initials, *tag = NULL;
  char birth[11];
  Household hh = { 0 };
  int size = random_size (g);
  int birth_year;

  random_birth (g, 1938, 1998, birth);
  birth_year = atoi (birth);
  if (chance (g, 0.10))
    {
      tag = pick_weighted (g, need_tags, G_N_ELEMENTS (need_tags));
      if (g_str_equal (tag, "elderly_alone"))
        {
          size = 1;
          random_birth (g, 1935, 1955, birth);
          birth_year = atoi (birth);
        }
    }
  if (chance (g, 0.95))
    phone = chance (g, 0.03) ? g_strdup_printf ("027-8%07d", rint_range (g, 0, 9999999))
                             : random_mobile (g);
  if (chance (g, 0.85))
    id_number = random_id_number (g, birth, male);
  if (building_id == 0)
    free_address = g_strdup_printf ("%s%d号", PICK (g, streets), rint_range (g, 1, 999));
  pinyin_for (g, name, &full, &initials);

  h->id = 0;
  set_str (&h->head_name, name);
  set_str (&h->pinyin, full);
  set_str (&h->initials, initials);
  set_str (&h->phone, phone);
  set_str (&h->id_number, id_number);
  h->building_id = building_id;
  h->entrance = entrance;
  h->floor = floor;
  set_str (&h->room, room_text);
  set_str (&h->address, free_address);
  set_str (&h->site_name, building_id ? p->site_name : NULL);
  h->size = size;
  h->zone_id = g_array_index (g->zones, gint64, zone);
  set_str (&h->notes, chance (g, 0.03) ? PICK (g, notes) : NULL);

  if (!write_household (g, h, g->start - rint_range (g, 0, 400), error))
    return FALSE;

  hh.id = h->id;
  hh.zone = zone;
  hh.paired_with = -1;
  if (tag != NULL)
    {
      hh.needy = TRUE;
      if (!add_need (g, h->id, tag, error))
        return FALSE;
      if (chance (g, 0.2) &&
          !add_need (g, h->id, pick_weighted (g, need_tags, G_N_ELEMENTS (need_tags)), error))
        return FALSE;
    }
  g_array_append_val (g->households, hh);

  if (size > 1 && chance (g, 0.6) &&
      !add_residents (g, h->id, name, male, birth_year, size, error))
    return FALSE;
  return tick (g, (double)g->households->len / g->n_households, error);
}

static gboolean
gen_building (Gen        *g,
              Placement  *p,
              GError    **error)
{
  int entrances = rint_range (g, 1, 3);
  int floors = rint_range (g, 5, 18);
  int rooms = rint_range (g, 2, 4);
  int zone = (int)((guint64)g->households->len * g->zones->len / g->n_households);
  int idx = p->building_in_site++;
  g_autofree char *name = g_strdup_printf ("%d号楼", idx + 1);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = prep (g, "INSERT INTO building (site_id, name, entrances, floors, rooms_per_floor, "
                  "zone_id, map_x, map_y, map_w, map_h) VALUES (?,?,?,?,?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, p->site_id);
  bt (stmt, 2, name);
  bi (stmt, 3, entrances);
  bi (stmt, 4, floors);
  bi (stmt, 5, rooms);
  bi (stmt, 6, g_array_index (g->zones, gint64, zone));
  sqlite3_bind_double (stmt, 7, 20 + (idx % 3) * 140);
  sqlite3_bind_double (stmt, 8, 20 + (idx / 3) * 100);
  sqlite3_bind_double (stmt, 9, 40 * entrances);
  sqlite3_bind_double (stmt, 10, 60);
  if ((id = run (g, stmt, T_BUILDING, error)) == 0)
    return FALSE;

  set_str (&p->record->building_name, name);
  for (int e = 1; e <= entrances; e++)
    for (int f = 1; f <= floors; f++)
      for (int r = 1; r <= rooms; r++)
        {
          if (g->households->len >= g->n_households)
            return TRUE;
          if (chance (g, 0.08))
            continue;   /* vacant */
          if (!gen_household (g, p, id, e, f, r, zone, error))
            return FALSE;
          /* Now and then a household off the grid, known by its street address. */
          if (chance (g, 0.01) && g->households->len < g->n_households &&
              !gen_household (g, p, 0, 0, 0, 0, zone, error))
            return FALSE;
        }
  return TRUE;
}

static gboolean
gen_households (Gen      *g,
                GError  **error)
{
  Placement p = { 0 };
  gboolean ok = TRUE;

  p.record = lx_household_new ();
  while (ok && g->households->len < g->n_households)
    {
      if (p.buildings_left-- <= 0 && !(ok = new_site (g, &p, error)))
        break;
      ok = gen_building (g, &p, error);
    }
  g_free (p.site_name);
  g_object_unref (p.record);
  return ok;
}

/* ------------------------------------------------------ contact points */

static gboolean
gen_contact_points (Gen      *g,
                    GError  **error)
{
  GArray *cadres = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_points;
  gboolean ok = TRUE;

  for (guint i = 0; i < g->members->len; i++)
    {
      g_ptr_array_add (g->cadre_points, NULL);
      if (g_array_index (g->members, Member, i).cadre)
        g_array_append_val (cadres, i);
    }
  n_points = MAX (4, cadres->len / 2);

  for (guint i = 0; ok && i < n_points; i++)
    {
      const char *base_name = contact_point_names[i % G_N_ELEMENTS (contact_point_names)];
      g_autofree char *num = chinese_number (i / G_N_ELEMENTS (contact_point_names) + 1);
      g_autofree char *base = i < G_N_ELEMENTS (contact_point_names)
                              ? g_strdup (base_name) : g_strdup_printf ("%s（%s）", base_name, num);
      g_autofree char *name = unique_name (g, "contact_point", base);
      g_autofree char *address = g_strdup_printf ("%s%d号", PICK (g, streets),
                                                  rint_range (g, 1, 999));
      sqlite3_stmt *stmt = prep (g, "INSERT INTO contact_point (name, address) VALUES (?, ?)",
                                 error);
      gint64 id;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      bt (stmt, 1, name);
      bt (stmt, 2, address);
      if ((id = run (g, stmt, T_CONTACT_POINT, error)) == 0)
        ok = FALSE;
      else
        g_array_append_val (g->contact_points, id);
    }

  /* Each leading cadre looks after one or two points; every point has someone. */
  for (guint c = 0; ok && c < cadres->len; c++)
    {
      int m = g_array_index (cadres, int, c);
      GArray *points = g_array_new (FALSE, FALSE, sizeof (gint64));
      int n = rint_range (g, 1, 2);

      g_ptr_array_index (g->cadre_points, m) = points;
      for (int k = 0; ok && k < n; k++)
        {
          gint64 point = g_array_index (g->contact_points, gint64,
                                        (c * 2 + k) % g->contact_points->len);
          sqlite3_stmt *stmt = prep (g, "INSERT OR IGNORE INTO member_contact_point "
                                        "(member_id, contact_point_id) VALUES (?, ?)", error);
          if (stmt == NULL)
            ok = FALSE;
          else
            {
              bi (stmt, 1, g_array_index (g->members, Member, m).id);
              bi (stmt, 2, point);
              ok = run (g, stmt, T_MEMBER_CONTACT_POINT, error) != 0;
              g_array_append_val (points, point);
            }
        }
    }
  g_array_unref (cadres);
  return ok;
}

/* ------------------------------------------------------------- pairing */

static gboolean
add_pairing (Gen         *g,
             int          member,
             Household   *h,
             guint32      from,
             guint32      to,
             GError     **error)
{
  static const char * const reasons[] = { "工作调整", "党员调动", "住户搬迁后回迁" };
  sqlite3_stmt *stmt = prep (g, "INSERT INTO pairing (member_id, household_id, start_on, end_on, "
                                "end_reason) VALUES (?,?,?,?,?)", error);
  char start_on[11], end_on[11];

  if (stmt == NULL)
    return FALSE;
  iso_date (from, start_on);
  bi (stmt, 1, g_array_index (g->members, Member, member).id);
  bi (stmt, 2, h->id);
  bt (stmt, 3, start_on);
  if (to > 0)
    {
      iso_date (to, end_on);
      bt (stmt, 4, end_on);
      bt (stmt, 5, PICK (g, reasons));
    }
  return run (g, stmt, T_PAIRING, error) != 0;
}

static void
shuffle (Gen    *g,
         GArray *array)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (g->rand, 0, i);
      guint tmp = g_array_index (array, guint, i - 1);
      g_array_index (array, guint, i - 1) = g_array_index (array, guint, j);
      g_array_index (array, guint, j) = tmp;
    }
}

/* The next household not yet paired: mostly needy ones. */
static Household *
next_unpaired (Gen    *g,
               GArray *needy,
               guint  *next_needy,
               GArray *others,
               guint  *next_other)
{
  gboolean want_needy = chance (g, 0.8);

  for (;;)
    {
      GArray *list;
      guint *next;
      Household *h;

      if ((want_needy && *next_needy < needy->len) || *next_other >= others->len)
        list = needy, next = next_needy;
      else
        list = others, next = next_other;
      if (*next >= list->len)
        return NULL;
      h = &g_array_index (g->households, Household, g_array_index (list, guint, (*next)++));
      if (h->paired_with < 0)
        return h;
    }
}

static gboolean
gen_pairings (Gen      *g,
              GError  **error)
{
  g_autoptr(GArray) needy = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next_needy = 0, next_other = 0;

  for (guint i = 0; i < g->households->len; i++)
    g_array_append_val (g_array_index (g->households, Household, i).needy ? needy : others, i);
  shuffle (g, needy);
  shuffle (g, others);

  for (guint m = 0; m < g->members->len; m++)
    {
      Member *mem = &g_array_index (g->members, Member, m);
      int want;

      if (!mem->active)
        continue;
      /* Most members fill their quota; a few are behind. */
      want = chance (g, 0.85) ? mem->quota : rint_range (g, 0, MAX (0, mem->quota - 1));
      for (int k = 0; k < want; k++)
        {
          Household *h = next_unpaired (g, needy, &next_needy, others, &next_other);
          guint32 from = g->start + g_rand_int_range (g->rand, 0, 700);

          if (h == NULL)
            break;
          if (chance (g, 0.06))
            {
              /* An earlier pairing with someone else, ended. */
              if (!add_pairing (g, random_member (g), h, g->start - 300, from - 1, error))
                return FALSE;
            }
          if (!add_pairing (g, m, h, from, 0, error))
            return FALSE;
          h->paired_with = m;
          h->paired_from = from;
          mem->paired++;
        }
      if (!tick (g, (double)m / g->members->len, error))
        return FALSE;
    }
  return TRUE;
}

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
  return run (g, stmt, T_VISIT, error);
}

static gboolean
link_row (Gen         *g,
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
  return run (g, stmt, table, error) != 0;
}

static gboolean
visit_household (Gen      *g,
                 gint64    visit,
                 gint64    household,
                 GError  **error)
{
  return link_row (g, "INSERT INTO visit_household (visit_id, household_id) VALUES (?, ?)",
                   T_VISIT_HOUSEHOLD, visit, household, error);
}

static gboolean
visit_member (Gen      *g,
              gint64    visit,
              int       member,
              GError  **error)
{
  return link_row (g, "INSERT OR IGNORE INTO visit_member (visit_id, member_id) VALUES (?, ?)",
                   T_VISIT_MEMBER, visit, g_array_index (g->members, Member, member).id, error);
}

static gboolean
event_member (Gen      *g,
              gint64    event,
              int       member,
              GError  **error)
{
  return link_row (g, "INSERT OR IGNORE INTO event_member (event_id, member_id) VALUES (?, ?)",
                   T_EVENT_MEMBER, event, g_array_index (g->members, Member, member).id, error);
}

static gint64
add_event (Gen         *g,
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
  return run (g, stmt, T_EVENT, error);
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
  return random_member (g);
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

  iso_moment (day, rint_range (g, 8, 17), 10 * rint_range (g, 0, 5), moment);
  if (day + 60 > g->today && chance (g, 0.1))
    {
      /* Planned on the calendar beforehand, then marked done. */
      if ((event = add_event (g, "planned_visit", "入户走访", moment, NULL, NULL, NULL, h->id,
                              "done", error)) == 0 ||
          !event_member (g, event, visitor, error))
        return FALSE;
    }
  if ((visit = add_visit (g, "home", moment, 0, event, notes, error)) == 0 ||
      !visit_household (g, visit, h->id, error) ||
      !visit_member (g, visit, visitor, error))
    return FALSE;
  if (chance (g, 0.3) && !visit_member (g, visit, random_member (g), error))
    return FALSE;
  return TRUE;
}

static gboolean
gen_home_visits (Gen      *g,
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

          random_moment (g, g->start, g->today, moment);
          if ((visit = add_visit (g, "phone", moment, 0, 0, "电话了解近况", error)) == 0 ||
              !visit_household (g, visit, h->id, error) ||
              !visit_member (g, visit, visitor_for (g, h, g->today), error))
            return FALSE;
        }
      if (!tick (g, (double)i / g->households->len, error))
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
  *first = julian_of (year, month, 1);
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
static gboolean
gen_field_visits (Gen      *g,
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
          random_moment (g, first, last, moment);
          visit = add_visit (g, "field", moment,
                             g_array_index (points, gint64, g_rand_int_range (g->rand, 0, points->len)),
                             0, PICK (g, field_notes), error);
          if (visit == 0 || !visit_member (g, visit, m, error))
            return FALSE;
          if (chance (g, 0.3) && !visit_member (g, visit, random_member (g), error))
            return FALSE;
        }
      if (!tick (g, (double)(first - g->start) / HISTORY_DAYS, error))
        return FALSE;
      next_month (&y, &mo);
    }
  return TRUE;
}

static guint32
second_thursday (int year,
                 int month)
{
  guint32 first = julian_of (year, month, 1);
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

      iso_moment (day, 9 + minutes / 60, minutes % 60, moment);
      visit = add_visit (g, "reception", moment, 0, g->reception_event,
                         PICK (g, reception_notes), error);
      if (visit == 0 || !visit_member (g, visit, rep, error))
        return FALSE;
      if (chance (g, 0.7))
        {
          Household *h = &g_array_index (g->households, Household,
                                         g_rand_int_range (g->rand, 0, g->households->len));
          if (!visit_household (g, visit, h->id, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* 接访: a reception day on the second Thursday of each month. */
static gboolean
gen_receptions (Gen      *g,
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
  iso_moment (first_day, 9, 0, starts);
  iso_moment (first_day, 11, 30, ends);
  g->reception_event = add_event (g, "reception_day", "党代表接待日", starts, ends,
                                  "局机关党员服务中心接待室", "FREQ=MONTHLY;BYDAY=2TH", 0,
                                  "planned", error);
  if (g->reception_event == 0)
    return FALSE;
  for (guint k = 0; k < MIN (reps->len, 12u); k++)
    if (!event_member (g, g->reception_event, g_array_index (reps, int, k), error))
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
          iso_date (day, on);
          day += 7;
          iso_moment (day, 9, 0, moved);
          bi (stmt, 1, g->reception_event);
          bt (stmt, 2, on);
          bt (stmt, 3, moved);
          bi (stmt, 4, day <= g->today);
          if (run (g, stmt, T_EVENT_EXCEPTION, error) == 0)
            return FALSE;
          if (day > g->today)
            continue;
        }
      if (!hold_reception_day (g, day, reps, error) ||
          !tick (g, (double)(day - g->start) / HISTORY_DAYS, error))
        return FALSE;
    }
  return TRUE;
}

/* Visits still to come: households that are due, on the calendar. */
static gboolean
gen_planned_events (Gen      *g,
                    GError  **error)
{
  guint n = MAX (3, g->n_households / 100);

  for (guint k = 0; k < n; k++)
    {
      Household *h = &g_array_index (g->households, Household,
                                     g_rand_int_range (g->rand, 0, g->households->len));
      char starts[17];
      gint64 event;

      iso_moment (g->today + rint_range (g, 1, 21), rint_range (g, 9, 16), 0, starts);
      event = add_event (g, "planned_visit", h->needy ? "走访困难群众" : "入户走访", starts,
                         NULL, NULL, NULL, h->id, "planned", error);
      if (event == 0 || !event_member (g, event, visitor_for (g, h, g->today), error))
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
  iso_moment (day, 8 + 2 * step + rint_range (g, 0, 1), 10 * rint_range (g, 0, 5), at);
  bi (stmt, 1, appeal);
  bt (stmt, 2, at);
  bi (stmt, 3, g_array_index (g->members, Member, member).id);
  bt (stmt, 4, from);
  bt (stmt, 5, to);
  bt (stmt, 6, note);
  return run (g, stmt, T_APPEAL_STEP, error) != 0;
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
      int m = random_member (g);
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
  iso_date (a.received, received_on);
  iso_date (a.received + (chance (g, 0.3) ? 7 : 15), deadline);
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
  if ((id = run (g, stmt, T_APPEAL, error)) == 0 || !add_steps (g, id, &a, error))
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
      iso_date (a.closed, closed_on);
      iso_date (a.followup, followup_on);
      bt (stmt, 4, closed_on);
      bt (stmt, 5, followup_on);
      bt (stmt, 6, satisfaction);
    }
  return lx_store_step_done (g->store, stmt, error);
}

static gboolean
gen_appeals (Gen      *g,
             GError  **error)
{
  guint n = MAX (8, g->n_households / 15);

  for (guint i = 0; i < n; i++)
    if (!gen_appeal (g, i, error) || !tick (g, (double)i / n, error))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------ twinning, pledges, service */

static gboolean
gen_twinning (Gen      *g,
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
      iso_date (from, start_on);
      bi (stmt, 1, g->committee_id);
      bt (stmt, 2, partners[i].partner);
      bt (stmt, 3, partners[i].kind);
      bt (stmt, 4, start_on);
      bt (stmt, 5, partners[i].agreement);
      if ((id = run (g, stmt, T_TWINNING, error)) == 0)
        return FALSE;
      for (int k = rint_range (g, 4, 8); k > 0; k--)
        {
          char on[11];
          stmt = prep (g, "INSERT INTO twinning_activity (twinning_id, happened_on, title) "
                          "VALUES (?,?,?)", error);
          if (stmt == NULL)
            return FALSE;
          iso_date (from + g_rand_int_range (g->rand, 0, g->today - from + 1), on);
          bi (stmt, 1, id);
          bt (stmt, 2, on);
          bt (stmt, 3, PICK (g, activities));
          if (run (g, stmt, T_TWINNING_ACTIVITY, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
gen_pledges (Gen      *g,
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
      if (run (g, stmt, T_PLEDGE, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
gen_posts (Gen      *g,
           GError  **error)
{
  static const char * const names[] = {
    "政务服务窗口党员先锋岗", "项目建设一线党员先锋岗", "便民服务党员示范岗", "信访接待党员示范岗",
  };
  guint n = 3 + g->members->len / 30;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *num = chinese_number (i / G_N_ELEMENTS (names) + 1);
      g_autofree char *name = i < G_N_ELEMENTS (names)
                              ? g_strdup (names[i])
                              : g_strdup_printf ("%s（%s）", names[i % G_N_ELEMENTS (names)], num);
      sqlite3_stmt *stmt = prep (g, "INSERT INTO post (kind, name, member_id, start_on) "
                                    "VALUES (?,?,?,?)", error);
      char start_on[11];

      if (stmt == NULL)
        return FALSE;
      iso_date (g->start + rint_range (g, 0, 500), start_on);
      bt (stmt, 1, strstr (name, "先锋") ? "vanguard" : "model");
      bt (stmt, 2, name);
      bi (stmt, 3, g_array_index (g->members, Member, random_member (g)).id);
      bt (stmt, 4, start_on);
      if (run (g, stmt, T_POST, error) == 0)
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
  iso_date (day, on);
  bi (stmt, 1, team);
  bt (stmt, 2, on);
  bt (stmt, 3, PICK (g, titles));
  sqlite3_bind_double (stmt, 4, rint_range (g, 2, 8) / 2.0);
  bi (stmt, 5, rint_range (g, 3, 40));
  if ((id = run (g, stmt, T_VOLUNTEER_ACTIVITY, error)) == 0)
    return FALSE;
  for (int k = rint_range (g, 3, MIN (8, (int)crew->len)); k > 0; k--)
    if (!link_row (g, "INSERT OR IGNORE INTO volunteer_activity_member (activity_id, member_id) "
                      "VALUES (?, ?)", T_VOLUNTEER_ACTIVITY_MEMBER, id,
                   g_array_index (g->members, Member,
                                  g_array_index (crew, int, g_rand_int_range (g->rand, 0, crew->len))).id,
                   error))
      return FALSE;
  return TRUE;
}

static gboolean
gen_service_teams (Gen      *g,
                   GError  **error)
{
  guint n = 1 + g->members->len / 150;

  for (guint t = 0; t < n; t++)
    {
      g_autofree char *num = chinese_number (t + 1);
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
      if ((id = run (g, stmt, T_SERVICE_TEAM, error)) == 0)
        return FALSE;
      for (int k = rint_range (g, 8, 15); k > 0; k--)
        {
          int m = random_member (g);
          if (!link_row (g, "INSERT OR IGNORE INTO service_team_member (team_id, member_id) "
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
  return run (g, stmt, T_BALLOT_GRADE, error) != 0;
}

/* Last year's 群众评议: about thirty paper ballots, each grading the
 * organization and (in a large unit, one batch of) the members. */
static gboolean
gen_evaluation (Gen      *g,
                GError  **error)
{
  guint n_batches = MAX (1, g->members->len / 60);
  guint batch = (g->members->len + n_batches - 1) / n_batches;
  guint n_ballots = MIN (30 * n_batches, 600);
  g_autofree char *title = g_strdup_printf ("%d年度群众评议党员和党组织", g->year - 1);
  char held_on[11], starts[17];
  sqlite3_stmt *stmt;
  gint64 campaign, event;

  iso_date (julian_of (g->year - 1, 12, 18), held_on);
  iso_moment (julian_of (g->year - 1, 12, 18), 14, 30, starts);
  if ((event = add_event (g, "meeting", title, starts, NULL, "机关三楼会议室", NULL, 0, "done",
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
  if ((campaign = run (g, stmt, T_EVALUATION_CAMPAIGN, error)) == 0)
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
      if ((ballot = run (g, stmt, T_BALLOT, error)) == 0)
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
      if (!tick (g, (double)b / n_ballots, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- main */

static gboolean
log_tables (Gen      *g,
            guint32   seed,
            GError  **error)
{
  for (int t = 0; t < N_TABLES; t++)
    {
      g_autofree char *summary = NULL;

      if (g->rows[t] == 0)
        continue;
      summary = g_strdup_printf ("demo data: %u rows (seed %u)", g->rows[t], seed);
      if (!lx_store_log_change (g->store, table_names[t], 0, "import", summary, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_used_id_numbers (Gen      *g,
                      GError  **error)
{
  sqlite3_stmt *stmt = prep (g, "SELECT id_number FROM member WHERE id_number IS NOT NULL "
                                "UNION SELECT id_number FROM household WHERE id_number IS NOT NULL "
                                "UNION SELECT id_number FROM resident WHERE id_number IS NOT NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (g->id_numbers, lx_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
generate (Gen      *g,
          guint32   seed,
          GError  **error)
{
  guint n_members = MAX (60, (g->n_households + 6) / 13);

  return load_used_id_numbers (g, error) &&
         phase (g, 0.01, error) && gen_organizations (g, n_members, error) &&
         phase (g, 0.03, error) && gen_members (g, n_members, error) &&
         phase (g, 0.04, error) && gen_zones (g, error) &&
         phase (g, 0.35, error) && gen_households (g, error) &&
         phase (g, 0.36, error) && gen_contact_points (g, error) &&
         phase (g, 0.38, error) && gen_pairings (g, error) &&
         phase (g, 0.78, error) && gen_home_visits (g, error) &&
         phase (g, 0.81, error) && gen_field_visits (g, error) &&
         phase (g, 0.84, error) && gen_receptions (g, error) &&
         gen_planned_events (g, error) &&
         phase (g, 0.90, error) && gen_appeals (g, error) &&
         phase (g, 0.91, error) && gen_twinning (g, error) && gen_pledges (g, error) &&
         gen_posts (g, error) && gen_service_teams (g, error) &&
         phase (g, 0.97, error) && gen_evaluation (g, error) &&
         phase (g, 0.99, error) && log_tables (g, seed, error);
}

static void
free_keys (gpointer data)
{
  g_strfreev (data);
}

static void
free_array (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

void
lx_demo_options_init (LxDemoOptions *opts)
{
  g_return_if_fail (opts != NULL);

  opts->seed = LX_DEMO_DEFAULT_SEED;
  opts->households = LX_DEMO_DEFAULT_HOUSEHOLDS;
  opts->today = NULL;
}

/**
 * lx_demo_generate:
 * @opts: (nullable): seed, size and today; NULL for the defaults
 * @progress: (nullable): called now and then with the fraction done
 *
 * Fills @store with a believable unit: a party committee with its branches
 * and members, sites and buildings full of households, and three years of
 * visits, appeals, pairings and an evaluation up to today. Everything is
 * written in one transaction: on an error or a cancel nothing is kept
 * (a cancel reports %G_IO_ERROR_CANCELLED). Existing data stays; names that
 * must be unique get a suffix.
 */
gboolean
lx_demo_generate (LxStore             *store,
                  const LxDemoOptions *opts,
                  LxProgressFunc       progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(LxTransaction) tx = NULL;
  g_autofree char *today = NULL;
  LxDemoOptions defaults;
  Gen g = { 0 };
  g_autofree char *restore = NULL;
  gint64 cache_size;
  GDate d;
  int y, m, day;
  gboolean ok;

  g_return_val_if_fail (LX_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (opts == NULL)
    {
      lx_demo_options_init (&defaults);
      opts = &defaults;
    }
  today = opts->today != NULL ? g_strndup (opts->today, 10) : lx_date_today ();
  if (sscanf (today, "%4d-%2d-%2d", &y, &m, &day) != 3 || !g_date_valid_dmy (day, m, y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD)"), today);
      return FALSE;
    }
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, m, y);

  g.store = store;
  g.rand = g_rand_new_with_seed (opts->seed);
  g.cancellable = cancellable;
  g.progress = progress;
  g.user_data = user_data;
  g.n_households = opts->households > 0 ? opts->households : LX_DEMO_DEFAULT_HOUSEHOLDS;
  g.today = g_date_get_julian (&d);
  g.start = g.today - HISTORY_DAYS;
  g.year = g_date_get_year (&d);
  g.branches = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.members = g_array_new (FALSE, FALSE, sizeof (Member));
  g.zones = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.zone_members = g_ptr_array_new_with_free_func (free_array);
  g.households = g_array_sized_new (FALSE, FALSE, sizeof (Household), g.n_households);
  g.contact_points = g_array_new (FALSE, FALSE, sizeof (gint64));
  g.cadre_points = g_ptr_array_new_with_free_func (free_array);
  g.id_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g.pinyin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_keys);

  /* One big transaction: keep its pages in memory rather than spill them
   * to the WAL again and again. */
  cache_size = lx_store_query_int (store, "PRAGMA cache_size", NULL);
  lx_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  /* SQLite 3.40 builds a temporary table for every CHECK (x IN (…)) of
   * every row, a third of the time here. The codes written are all from the
   * lists above; the tests hold the result to PRAGMA integrity_check, which
   * checks them again. */
  lx_store_exec (store, "PRAGMA ignore_check_constraints = ON", NULL);
  ok = (tx = lx_store_begin (store, error)) != NULL &&
       generate (&g, opts->seed, error) &&
       lx_transaction_commit (tx, error);
  g_clear_pointer (&tx, lx_transaction_free);
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  lx_store_exec (store, restore, NULL);
  lx_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL);
  if (ok && progress != NULL)
    progress (1.0, user_data);

  g_rand_free (g.rand);
  g_array_unref (g.branches);
  g_array_unref (g.members);
  g_array_unref (g.zones);
  g_ptr_array_unref (g.zone_members);
  g_array_unref (g.households);
  g_array_unref (g.contact_points);
  g_ptr_array_unref (g.cadre_points);
  g_hash_table_unref (g.id_numbers);
  g_hash_table_unref (g.pinyin);
  return ok;
}
