/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-demo-private.h"
#include "lx-pinyin.h"
#include "lx-records.h"

/* A believable unit with three years of work, generated in one transaction.
 * Every draw comes from one GRand seeded by the caller, in a fixed order, so
 * the same seed always gives the same database. */

static const char * const table_names[N_TABLES] = {
  "organization", "member", "zone", "member_zone", "site", "building", "household",
  "household_need", "resident", "contact_point", "member_contact_point", "pairing",
  "event", "event_member", "event_exception", "visit", "visit_household", "visit_member",
  "appeal", "appeal_step", "twinning", "twinning_activity", "pledge", "post",
  "service_team", "service_team_member", "volunteer_activity", "volunteer_activity_member",
  "evaluation_campaign", "ballot", "ballot_grade",
};

/* ------------------------------------------------------------------ data */

static const char * const site_prefixes[] = {
  "幸福", "和平", "建设", "阳光", "锦绣", "翠湖", "东湖", "光明", "学府", "金色",
  "丽景", "滨江", "长青", "梧桐", "紫荆", "春华", "文昌", "兴业", "福星", "江南",
};
static const char * const site_suffixes[] = {
  "里小区", "苑", "新村", "花园", "家园", "小区", "公寓", "雅居", "华庭", "名都",
};
const char * const lx_demo_streets[LX_DEMO_N_STREETS] = {
  "解放大道", "中山大道", "建设大道", "发展大道", "沿江大道", "友谊路", "民主路",
  "胜利街", "青年路", "和平大道",
};
static const Weighted need_tags[] = {
  { "elderly_alone", 25 }, { "dibao", 15 }, { "disabled", 15 }, { "serious_illness", 10 },
  { "unemployed", 10 }, { "veteran", 8 }, { "needy_worker", 7 }, { "tekun", 5 },
  { "left_behind_child", 5 },
};

/* ------------------------------------------------------------- helpers */

void
lx_demo_iso_date (guint32 jd,
                  char    out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, jd);
  g_snprintf (out, 11, "%04d-%02d-%02d",
              g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

void
lx_demo_iso_moment (guint32 jd,
                    int     hour,
                    int     minute,
                    char    out[17])
{
  char day[11];

  lx_demo_iso_date (jd, day);
  g_snprintf (out, 17, "%sT%02d:%02d", day, hour, minute);
}

guint32
lx_demo_julian_of (int year,
                   int month,
                   int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}
/* A working hour on a random day between @from and @to. */
void
lx_demo_random_moment (Gen     *g,
                       guint32  from,
                       guint32  to,
                       char     out[17])
{
  lx_demo_iso_moment (from + g_rand_int_range (g->rand, 0, to - from + 1),
                      rint_range (g, 8, 17), 10 * rint_range (g, 0, 5), out);
}

char *
lx_demo_chinese_number (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n == 0 || n >= 100)
    return g_strdup_printf ("%u", n);
  if (n < 10)
    return g_strdup (digits[n]);
  return g_strdup_printf ("%s十%s", n >= 20 ? digits[n / 10] : "", digits[n % 10]);
}

/* Steps an INSERT and returns the new row id, or 0 with @error set. */
gint64
lx_demo_run (Gen           *g,
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
gboolean
lx_demo_tick (Gen      *g,
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
char *
lx_demo_unique_name (Gen         *g,
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
  g_autofree char *phase_num = lx_demo_chinese_number (i / 200 + 1);
  g_autofree char *base = g_strdup_printf ("%s%s%s", site_prefixes[i % 20],
                                           site_suffixes[(i + i / 20) % 10],
                                           i >= 200 ? phase_num : "");
  g_autofree char *with_phase = i >= 200 ? g_strconcat (base, "期", NULL) : g_strdup (base);
  g_autofree char *address = g_strdup_printf ("%s%d号", PICK (g, lx_demo_streets), rint_range (g, 1, 999));
  sqlite3_stmt *stmt;

  g_free (p->site_name);
  p->site_name = lx_demo_unique_name (g, "site", with_phase);
  stmt = prep (g, "INSERT INTO site (name, address) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bt (stmt, 1, p->site_name);
  bt (stmt, 2, address);
  if ((p->site_id = lx_demo_run (g, stmt, T_SITE, error)) == 0)
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
  return lx_demo_run (g, stmt, T_HOUSEHOLD_NEED, error) != 0;
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
  g_autofree char *name = lx_demo_random_name (g, male);
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
  lx_demo_random_birth (g, from_year, to_year, birth);
  if (g->year - atoi (birth) >= 16 && chance (g, 0.5))
    phone = lx_demo_random_mobile (g);
  if (chance (g, 0.5))
    id_number = lx_demo_random_id_number (g, birth, male);

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
  return lx_demo_run (g, stmt, T_RESIDENT, error) != 0;
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

static gboolean
write_household (Gen         *g,
                 LxHousehold *h,
                 guint32      created,
                 GError     **error)
{
  g_autofree char *address = lx_household_dup_address (h);
  g_autofree char *search = lx_household_search_text (h, address);
  char created_on[11];
  sqlite3_stmt *stmt;

  lx_demo_iso_date (created, created_on);
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
  h->id = lx_demo_run (g, stmt, T_HOUSEHOLD, error);
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
  g_autofree char *name = lx_demo_random_name (g, male);
  g_autofree char *phone = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *room_text = room > 0 ? g_strdup_printf ("%d%02d", floor, room) : NULL;
  g_autofree char *free_address = NULL;
  const char *full, *initials, *tag = NULL;
  char birth[11];
  Household hh = { 0 };
  int size = random_size (g);
  int birth_year;

  lx_demo_random_birth (g, 1938, 1998, birth);
  birth_year = atoi (birth);
  if (chance (g, 0.10))
    {
      tag = pick_weighted (g, need_tags, G_N_ELEMENTS (need_tags));
      if (g_str_equal (tag, "elderly_alone"))
        {
          size = 1;
          lx_demo_random_birth (g, 1935, 1955, birth);
          birth_year = atoi (birth);
        }
    }
  if (chance (g, 0.95))
    phone = chance (g, 0.03) ? g_strdup_printf ("027-8%07d", rint_range (g, 0, 9999999))
                             : lx_demo_random_mobile (g);
  if (chance (g, 0.85))
    id_number = lx_demo_random_id_number (g, birth, male);
  if (building_id == 0)
    free_address = g_strdup_printf ("%s%d号", PICK (g, lx_demo_streets), rint_range (g, 1, 999));
  lx_demo_pinyin_for (g, name, &full, &initials);

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
  return lx_demo_tick (g, (double)g->households->len / g->n_households, error);
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
                  "zone_id) VALUES (?,?,?,?,?,?)", error);
  if (stmt == NULL)
    return FALSE;
  bi (stmt, 1, p->site_id);
  bt (stmt, 2, name);
  bi (stmt, 3, entrances);
  bi (stmt, 4, floors);
  bi (stmt, 5, rooms);
  bi (stmt, 6, g_array_index (g->zones, gint64, zone));
  /* No stored position (columns 7–10 stay NULL): the map lays a new unit's
   * buildings out in a tidy grid until someone arranges them. */
  if ((id = lx_demo_run (g, stmt, T_BUILDING, error)) == 0)
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

/* The visit_household_ins trigger recomputes a household's last visit for
 * every visit linked to it: half a million times for 100,000 households,
 * most of the generation time. The demo drops it inside its transaction,
 * writes every visit, then sets last_visit_on for all households at once and
 * recreates the trigger from its own text before committing. DDL is
 * transactional in SQLite, so an error or a cancel rolls the trigger back in
 * with everything else: the schema can never be left without it. */
#define VISIT_TRIGGER "visit_household_ins"

static gboolean
suspend_visit_trigger (Gen      *g,
                       GError  **error)
{
  sqlite3_stmt *stmt = prep (g, "SELECT sql FROM sqlite_master "
                                "WHERE type = 'trigger' AND name = '" VISIT_TRIGGER "'", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g->visit_trigger = lx_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (g->visit_trigger == NULL)
    return TRUE;   /* nothing to suspend */
  return lx_store_exec (g->store, "DROP TRIGGER " VISIT_TRIGGER, error);
}

static gboolean
resume_visit_trigger (Gen      *g,
                      GError  **error)
{
  /* What the trigger would have written, for every household at once. */
  if (!lx_store_exec (g->store,
                      "UPDATE household SET last_visit_on = m.last_on "
                      "FROM (SELECT vh.household_id, MAX(substr(v.happened_at, 1, 10)) AS last_on "
                      "      FROM visit_household vh CROSS JOIN visit v ON v.id = vh.visit_id "
                      "      WHERE v.kind = 'home' GROUP BY vh.household_id) AS m "
                      "WHERE household.id = m.household_id", error))
    return FALSE;
  return g->visit_trigger == NULL || lx_store_exec (g->store, g->visit_trigger, error);
}

static gboolean
generate (Gen      *g,
          guint32   seed,
          GError  **error)
{
  guint n_members = MAX (60, (g->n_households + 6) / 13);

  return load_used_id_numbers (g, error) && suspend_visit_trigger (g, error) &&
         phase (g, 0.01, error) && lx_demo_gen_organizations (g, n_members, error) &&
         phase (g, 0.03, error) && lx_demo_gen_members (g, n_members, error) &&
         phase (g, 0.04, error) && lx_demo_gen_zones (g, error) &&
         phase (g, 0.35, error) && gen_households (g, error) &&
         phase (g, 0.36, error) && lx_demo_gen_contact_points (g, error) &&
         phase (g, 0.38, error) && lx_demo_gen_pairings (g, error) &&
         phase (g, 0.78, error) && lx_demo_gen_home_visits (g, error) &&
         phase (g, 0.81, error) && lx_demo_gen_field_visits (g, error) &&
         phase (g, 0.84, error) && lx_demo_gen_receptions (g, error) &&
         lx_demo_gen_planned_events (g, error) &&
         phase (g, 0.90, error) && lx_demo_gen_appeals (g, error) &&
         phase (g, 0.91, error) && lx_demo_gen_twinning (g, error) && lx_demo_gen_pledges (g, error) &&
         lx_demo_gen_posts (g, error) && lx_demo_gen_service_teams (g, error) &&
         phase (g, 0.97, error) && lx_demo_gen_evaluation (g, error) &&
         resume_visit_trigger (g, error) &&
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
  g_free (g.visit_trigger);
  return ok;
}
