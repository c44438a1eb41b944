/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-demo"

#include "config.h"

#include <string.h>

#include "lx-date.h"
#include "lx-demo-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"

/* Organizations, members and their zones, contact points and pairings: the
   people of the demo unit, and the names, ID numbers and phones they carry. */

/* ------------------------------------------------------------------ data */

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
static const char * const contact_point_names[] = {
  "幸福里社区党群服务中心", "建设新村社区居委会", "市政工程公司项目部", "城南农贸市场",
  "东湖街道便民服务站", "第三中学", "和平苑物业服务中心", "滨江社区老年活动中心",
  "长青社区卫生服务站", "兴业路商户联合会", "光明小学", "江南社区新时代文明实践站",
};

/* ------------------------------------------------------------- helpers */

char *
lx_demo_random_name (Gen      *g,
                     gboolean  male)
{
  const char *surname = pick_weighted (g, surnames, G_N_ELEMENTS (surnames));
  const char *first = male ? PICK (g, male_given) : PICK (g, female_given);

  if (chance (g, 0.4))
    return g_strconcat (surname, first, NULL);
  return g_strconcat (surname, first, male ? PICK (g, male_given) : PICK (g, female_given), NULL);
}

char *
lx_demo_random_mobile (Gen *g)
{
  return g_strdup_printf ("%s%08d", PICK (g, mobile_prefixes), rint_range (g, 0, 99999999));
}

/* 18 characters by GB 11643: area, birth date, sequence (odd for men), check. */
char *
lx_demo_random_id_number (Gen         *g,
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

void
lx_demo_random_birth (Gen     *g,
                      int      from_year,
                      int      to_year,
                      char     out[11])
{
  guint32 a = lx_demo_julian_of (from_year, 1, 1);
  guint32 b = jd_min (lx_demo_julian_of (to_year, 12, 31), g->today - 1);

  lx_demo_iso_date (a + g_rand_int_range (g->rand, 0, b - a + 1), out);
}

void
lx_demo_pinyin_for (Gen         *g,
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
  return lx_demo_run (g, stmt, T_ORGANIZATION, error);
}

gboolean
lx_demo_gen_organizations (Gen      *g,
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
      g_autofree char *num = lx_demo_chinese_number (i);
      g_autofree char *name = g_strdup_printf ("机关第%s党支部", num);
      gint64 id = add_org (g, g->committee_id, name, "branch", i, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (branch_ids, id);
      g_array_append_val (g->branches, id);
    }
  for (guint i = 1; i <= n_groups; i++)
    {
      g_autofree char *num = lx_demo_chinese_number (i);
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
  g_autofree char *name = lx_demo_random_name (g, male);
  g_autofree char *phone = lx_demo_random_mobile (g);
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

  lx_demo_random_birth (g, top ? 1966 : 1962, top ? 1980 : 2002, birth);
  birth_jd = lx_demo_julian_of (atoi (birth), atoi (birth + 5), atoi (birth + 8));
  join_jd = birth_jd + 365 * rint_range (g, 19, 40);
  if (join_jd >= g->today)
    join_jd = g->today - rint_range (g, 30, 700);
  if (g->today - join_jd < 365)
    status = "probationary";
  else if (!top && !cadre && chance (g, 0.02))
    status = "transferred_out";
  lx_demo_iso_date (join_jd, joined);
  id_number = lx_demo_random_id_number (g, birth, male);
  lx_demo_pinyin_for (g, name, &full, &initials);

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

  m.id = lx_demo_run (g, stmt, T_MEMBER, error);
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

gboolean
lx_demo_gen_members (Gen      *g,
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
          !lx_demo_tick (g, (double)i / n_members, error))
        return FALSE;
    }
  return TRUE;
}

/* An active member, at random. */
int
lx_demo_random_member (Gen *g)
{
  for (;;)
    {
      int i = g_rand_int_range (g->rand, 0, g->members->len);
      if (g_array_index (g->members, Member, i).active)
        return i;
    }
}

gboolean
lx_demo_gen_zones (Gen      *g,
                   GError  **error)
{
  static const char * const colours[] = {
    "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2ec27e",
  };
  guint n_zones = CLAMP (g->n_households / 200, 3, 60);

  for (guint i = 1; i <= n_zones; i++)
    {
      g_autofree char *num = lx_demo_chinese_number (i);
      g_autofree char *base = g_strdup_printf ("第%s网格", num);
      g_autofree char *name = lx_demo_unique_name (g, "zone", base);
      sqlite3_stmt *stmt = prep (g, "INSERT INTO zone (name, colour) VALUES (?, ?)", error);
      GArray *responsible = g_array_new (FALSE, FALSE, sizeof (int));
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      bt (stmt, 1, name);
      bt (stmt, 2, colours[(i - 1) % G_N_ELEMENTS (colours)]);
      if ((id = lx_demo_run (g, stmt, T_ZONE, error)) == 0)
        return FALSE;
      g_array_append_val (g->zones, id);
      g_ptr_array_add (g->zone_members, responsible);

      for (int k = rint_range (g, 1, 2); k > 0; k--)
        {
          int m = lx_demo_random_member (g);
          stmt = prep (g, "INSERT OR IGNORE INTO member_zone (member_id, zone_id) VALUES (?, ?)",
                       error);
          if (stmt == NULL)
            return FALSE;
          bi (stmt, 1, g_array_index (g->members, Member, m).id);
          bi (stmt, 2, id);
          if (lx_demo_run (g, stmt, T_MEMBER_ZONE, error) == 0)
            return FALSE;
          g_array_append_val (responsible, m);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------ contact points */

gboolean
lx_demo_gen_contact_points (Gen      *g,
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
      g_autofree char *num = lx_demo_chinese_number (i / G_N_ELEMENTS (contact_point_names) + 1);
      g_autofree char *base = i < G_N_ELEMENTS (contact_point_names)
                              ? g_strdup (base_name) : g_strdup_printf ("%s（%s）", base_name, num);
      g_autofree char *name = lx_demo_unique_name (g, "contact_point", base);
      g_autofree char *address = g_strdup_printf ("%s%d号", PICK (g, lx_demo_streets),
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
      if ((id = lx_demo_run (g, stmt, T_CONTACT_POINT, error)) == 0)
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
              ok = lx_demo_run (g, stmt, T_MEMBER_CONTACT_POINT, error) != 0;
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
  lx_demo_iso_date (from, start_on);
  bi (stmt, 1, g_array_index (g->members, Member, member).id);
  bi (stmt, 2, h->id);
  bt (stmt, 3, start_on);
  if (to > 0)
    {
      lx_demo_iso_date (to, end_on);
      bt (stmt, 4, end_on);
      bt (stmt, 5, PICK (g, reasons));
    }
  return lx_demo_run (g, stmt, T_PAIRING, error) != 0;
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

gboolean
lx_demo_gen_pairings (Gen      *g,
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
              if (!add_pairing (g, lx_demo_random_member (g), h, g->start - 300, from - 1, error))
                return FALSE;
            }
          if (!add_pairing (g, m, h, from, 0, error))
            return FALSE;
          h->paired_with = m;
          h->paired_from = from;
          mem->paired++;
        }
      if (!lx_demo_tick (g, (double)m / g->members->len, error))
        return FALSE;
    }
  return TRUE;
}
