/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lx-demo.h"
#include "lx-store.h"

G_BEGIN_DECLS

/* What the parts of the demo generator share: the generator state, the
 * random helpers and the statement helpers. The parts are called in a fixed
 * order from lx-demo.c, so the draws from the one GRand stay in that order. */

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
  char           *visit_trigger;  /* its SQL while it is suspended */

  guint           rows[N_TABLES];
  guint           ticks;
  double          phase_from, phase_to;
} Gen;

typedef struct { const char *text; int weight; } Weighted;

#define LX_DEMO_N_STREETS 10
extern const char * const lx_demo_streets[LX_DEMO_N_STREETS];

static inline int
rint_range (Gen *g,
            int  lo,
            int  hi)
{
  return g_rand_int_range (g->rand, lo, hi + 1);
}

static inline gboolean
chance (Gen    *g,
        double  p)
{
  return g_rand_double (g->rand) < p;
}

static inline const char *
pick (Gen                *g,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (g->rand, 0, n)];
}
#define PICK(g, list) pick ((g), (list), G_N_ELEMENTS (list))

static inline const char *
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

static inline guint32
jd_min (guint32 a,
        guint32 b)
{
  return a < b ? a : b;
}

static inline sqlite3_stmt *
prep (Gen         *g,
      const char  *sql,
      GError     **error)
{
  return lx_store_prepare (g->store, sql, error);
}

static inline void
bt (sqlite3_stmt *stmt,
    int           index,
    const char   *text)
{
  lx_bind_text (stmt, index, text);
}

static inline void
bi (sqlite3_stmt *stmt,
    int           index,
    gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}


/* lx-demo.c: helpers, households and the main loop */
void lx_demo_iso_date (guint32 jd, char out[11]);
void lx_demo_iso_moment (guint32 jd, int hour, int minute, char out[17]);
guint32 lx_demo_julian_of (int year, int month, int day);
void lx_demo_random_moment (Gen *g, guint32 from, guint32 to, char out[17]);
char *lx_demo_chinese_number (guint n);
gint64 lx_demo_run (Gen *g, sqlite3_stmt *stmt, Table table, GError **error);
gboolean lx_demo_tick (Gen *g, double within, GError **error);
char *lx_demo_unique_name (Gen *g, const char *table, const char *base);

/* lx-demo-people.c: names, organizations, members, zones, contact points, pairings */
char *lx_demo_random_name (Gen *g, gboolean male);
char *lx_demo_random_mobile (Gen *g);
char *lx_demo_random_id_number (Gen *g, const char *birth, gboolean male);
void lx_demo_random_birth (Gen *g, int from_year, int to_year, char out[11]);
void lx_demo_pinyin_for (Gen *g,
                         const char *name,
                         const char **out_full,
                         const char **out_initials);
gboolean lx_demo_gen_organizations (Gen *g, guint n_members, GError **error);
gboolean lx_demo_gen_members (Gen *g, guint n_members, GError **error);
int lx_demo_random_member (Gen *g);
gboolean lx_demo_gen_zones (Gen *g, GError **error);
gboolean lx_demo_gen_contact_points (Gen *g, GError **error);
gboolean lx_demo_gen_pairings (Gen *g, GError **error);

/* lx-demo-activity.c: visits, events, reception days, appeals */
gboolean lx_demo_link_row (Gen *g,
                           const char *sql,
                           Table table,
                           gint64 a,
                           gint64 b,
                           GError **error);
gboolean lx_demo_visit_household (Gen *g, gint64 visit, gint64 household, GError **error);
gboolean lx_demo_visit_member (Gen *g, gint64 visit, int member, GError **error);
gboolean lx_demo_event_member (Gen *g, gint64 event, int member, GError **error);
gint64 lx_demo_add_event (Gen *g,
                          const char *kind,
                          const char *title,
                          const char *starts,
                          const char *ends,
                          const char *place,
                          const char *rrule,
                          gint64 household,
                          const char *status,
                          GError **error);
gboolean lx_demo_gen_home_visits (Gen *g, GError **error);
gboolean lx_demo_gen_field_visits (Gen *g, GError **error);
gboolean lx_demo_gen_receptions (Gen *g, GError **error);
gboolean lx_demo_gen_planned_events (Gen *g, GError **error);
gboolean lx_demo_gen_appeals (Gen *g, GError **error);

/* lx-demo-service.c: twinning, pledges, posts, service teams, evaluation */
gboolean lx_demo_gen_twinning (Gen *g, GError **error);
gboolean lx_demo_gen_pledges (Gen *g, GError **error);
gboolean lx_demo_gen_posts (Gen *g, GError **error);
gboolean lx_demo_gen_service_teams (Gen *g, GError **error);
gboolean lx_demo_gen_evaluation (Gen *g, GError **error);

G_END_DECLS
