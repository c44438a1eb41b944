/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lx-stats.h"
#include "lx-test-util.h"

/* A small known unit:
 *   h1 needy (dibao)      home 2025-03-10 (with h3), home 2025-06-01
 *   h2 needy (disabled,   home 2024-05-05, home 2026-03-01
 *      elderly_alone)
 *   h3                    home 2025-03-10 (with h1)
 *   h4                    phone 2025-04-01, home 2026-12-01 (after today)
 *   h5 deleted            home 2025-07-07
 *   field 2025 ×2, 2026 ×1; reception 2025 ×1, 2026-11-26 ×1 */
static const char *setup_sql =
  "INSERT INTO household (id, head_name, address) VALUES "
  "  (1, '张三', 'a'), (2, '李四', 'b'), (3, '王五', 'c'), (4, '赵六', 'd'), (5, '钱七', 'e');"
  "UPDATE household SET deleted_at = '2026-01-01T10:00:00' WHERE id = 5;"
  "INSERT INTO household_need (household_id, tag) VALUES "
  "  (1, 'dibao'), (2, 'disabled'), (2, 'elderly_alone');"
  "INSERT INTO contact_point (id, name) VALUES (1, '联系点');"
  "INSERT INTO visit (id, kind, happened_at, contact_point_id) VALUES "
  "  (1, 'home', '2025-03-10T09:30', NULL), (2, 'home', '2025-06-01T10:00', NULL),"
  "  (3, 'home', '2024-05-05T15:00', NULL), (4, 'home', '2026-03-01T09:00', NULL),"
  "  (5, 'phone', '2025-04-01T11:00', NULL), (6, 'home', '2026-12-01T09:00', NULL),"
  "  (7, 'home', '2025-07-07T09:00', NULL),"
  "  (8, 'field', '2025-02-02T09:00', 1), (9, 'field', '2025-12-31T16:00', 1),"
  "  (10, 'field', '2026-05-05T09:00', 1),"
  "  (11, 'reception', '2025-08-14T09:00', NULL), (12, 'reception', '2026-11-26T09:00', NULL);"
  "INSERT INTO visit_household (visit_id, household_id) VALUES "
  "  (1, 1), (1, 3), (2, 1), (3, 2), (4, 2), (5, 4), (6, 4), (7, 5);";

static void
setup_unit (LxFixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_store_exec (fx->store, setup_sql, &error));
  g_assert_no_error (error);
}

static void
compute (LxFixture   *fx,
         int          year,
         const char  *today,
         LxYearStats *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_stats_compute (fx->store, year, today, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out->year, ==, year);
}

static void
test_year_2025 (LxFixture     *fx,
                gconstpointer  data)
{
  LxYearStats s;

  setup_unit (fx);
  compute (fx, 2025, "2026-11-26", &s);
  g_assert_cmpint (s.households, ==, 4);
  g_assert_cmpint (s.needy_households, ==, 2);
  g_assert_cmpint (s.households_visited, ==, 2);   /* h1, h3; h5 is deleted */
  g_assert_cmpint (s.needy_visited, ==, 1);        /* h1 */
  g_assert_cmpfloat (s.coverage, ==, 0.5);
  g_assert_cmpfloat (s.needy_coverage, ==, 0.5);
  g_assert_cmpint (s.home_visits, ==, 3);          /* visits 1, 2, 7 */
  g_assert_cmpint (s.field_visits, ==, 2);
  g_assert_cmpint (s.receptions, ==, 1);
}

static void
test_current_year_stops_at_today (LxFixture     *fx,
                                  gconstpointer  data)
{
  LxYearStats s;

  setup_unit (fx);
  compute (fx, 2026, "2026-11-26", &s);
  g_assert_cmpint (s.households_visited, ==, 1);   /* h2; h4's visit is after today */
  g_assert_cmpint (s.needy_visited, ==, 1);
  g_assert_cmpfloat (s.coverage, ==, 0.25);
  g_assert_cmpfloat (s.needy_coverage, ==, 0.5);
  g_assert_cmpint (s.home_visits, ==, 1);
  g_assert_cmpint (s.field_visits, ==, 1);
  g_assert_cmpint (s.receptions, ==, 1);           /* today's counts */

  compute (fx, 2026, "2026-12-31", &s);
  g_assert_cmpint (s.households_visited, ==, 2);
  g_assert_cmpint (s.home_visits, ==, 2);
  g_assert_cmpfloat (s.coverage, ==, 0.5);

  compute (fx, 2024, "2026-11-26", &s);
  g_assert_cmpint (s.households_visited, ==, 1);
  g_assert_cmpint (s.needy_visited, ==, 1);
  g_assert_cmpint (s.home_visits, ==, 1);
  g_assert_cmpint (s.field_visits, ==, 0);
}

static void
test_empty (LxFixture     *fx,
            gconstpointer  data)
{
  LxYearStats s;

  compute (fx, 2026, NULL, &s);
  g_assert_cmpint (s.households, ==, 0);
  g_assert_cmpint (s.households_visited, ==, 0);
  g_assert_cmpfloat (s.coverage, ==, 0.0);
  g_assert_cmpfloat (s.needy_coverage, ==, 0.0);
  g_assert_cmpint (s.home_visits, ==, 0);
}

static void
test_json (LxFixture     *fx,
           gconstpointer  data)
{
  g_autofree char *json = NULL;
  LxYearStats s;

  setup_unit (fx);
  compute (fx, 2025, "2026-11-26", &s);
  json = lx_stats_to_json (&s, 2025);
  g_assert_nonnull (strstr (json, "\"year\": 2025,"));
  g_assert_nonnull (strstr (json, "\"households\": 4,"));
  g_assert_nonnull (strstr (json, "\"needy_households\": 2,"));
  g_assert_nonnull (strstr (json, "\"households_visited\": 2,"));
  g_assert_nonnull (strstr (json, "\"needy_visited\": 1,"));
  g_assert_nonnull (strstr (json, "\"coverage\": 0.500000,"));
  g_assert_nonnull (strstr (json, "\"needy_coverage\": 0.500000,"));
  g_assert_nonnull (strstr (json, "\"home_visits\": 3,"));
  g_assert_nonnull (strstr (json, "\"field_visits\": 2,"));
  g_assert_nonnull (strstr (json, "\"receptions\": 1\n}"));
  g_assert_true (g_str_has_prefix (json, "{\n"));
}

#define ADD(name, fn) \
  g_test_add (name, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/stats/year-2025", test_year_2025);
  ADD ("/stats/current-year-stops-at-today", test_current_year_stops_at_today);
  ADD ("/stats/empty", test_empty);
  ADD ("/stats/json", test_json);

  return g_test_run ();
}
