/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-demo.h"
#include "lx-records.h"
#include "lx-repo.h"
#include "lx-validate.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

static void
generate (LxStore *store,
          guint32  seed,
          guint    households)
{
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;

  lx_demo_options_init (&opts);
  opts.seed = seed;
  opts.households = households;
  opts.today = TODAY;
  g_assert_true (lx_demo_generate (store, &opts, NULL, NULL, NULL, &error));
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

static char *
names_of (LxStore *store)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, "SELECT head_name FROM household ORDER BY id", NULL);
  GString *names = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (names, "%s,", sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (names, FALSE);
}

static const char *counted_tables[] = {
  "SELECT count(*) FROM member", "SELECT count(*) FROM visit", "SELECT count(*) FROM appeal",
  "SELECT count(*) FROM appeal_step", "SELECT count(*) FROM pairing", "SELECT count(*) FROM resident",
  "SELECT count(*) FROM household_need", "SELECT count(*) FROM ballot_grade",
};

static void
test_deterministic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lianxin-demo-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *path_c = g_build_filename (dir, "c.db", NULL);
  g_autoptr(LxStore) a = lx_store_open (path_a, LX_STORE_OPEN_CREATE, &error);
  g_autoptr(LxStore) b = lx_store_open (path_b, LX_STORE_OPEN_CREATE, &error);
  g_autoptr(LxStore) c = lx_store_open (path_c, LX_STORE_OPEN_CREATE, &error);
  g_autofree char *names_a = NULL;
  g_autofree char *names_b = NULL;
  g_autofree char *names_c = NULL;

  g_assert_no_error (error);
  generate (a, 7, 300);
  generate (b, 7, 300);
  generate (c, 8, 300);

  names_a = names_of (a);
  names_b = names_of (b);
  names_c = names_of (c);
  g_assert_cmpstr (names_a, ==, names_b);
  g_assert_cmpstr (names_a, !=, names_c);
  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    g_assert_cmpint (count (a, counted_tables[i]), ==, count (b, counted_tables[i]));
  g_assert_cmpint (count (a, "SELECT count(*) FROM household"), ==, 300);
  g_assert_cmpint (count (c, "SELECT count(*) FROM household"), ==, 300);

  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&c);
  lx_fixture_remove_dir (dir);
}

static void
test_counts (LxFixture     *fx,
             gconstpointer  data)
{
  LxStore *s = fx->store;
  gint64 needy;

  generate (s, 1, 800);

  g_assert_cmpint (count (s, "SELECT count(*) FROM household WHERE deleted_at IS NULL"), ==, 800);
  g_assert_cmpint (count (s, "SELECT count(*) FROM organization WHERE kind = 'committee'"), ==, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM organization WHERE kind = 'branch'"), >=, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM organization WHERE kind = 'branch'"), <=, 4);
  g_assert_cmpint (count (s, "SELECT count(*) FROM organization WHERE kind = 'group'"), >=, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member"), >=, 55);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member"), <=, 70);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE role = 'secretary'"), ==, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE role = 'deputy'"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE role = 'deputy'"), <=, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE role = 'committee'"), >=, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE role = 'group_leader'"), >=, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE leading_cadre = 1"), >=, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE party_rep = 1"), >=, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE npc_deputy = 1"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM member WHERE cppcc_member = 1"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM zone"), >=, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM site"), >=, 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM site"), <=, 4);
  g_assert_cmpint (count (s, "SELECT count(*) FROM building WHERE floors NOT BETWEEN 5 AND 18 "
                             "OR entrances NOT BETWEEN 1 AND 4 "
                             "OR rooms_per_floor NOT BETWEEN 2 AND 4"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM household h JOIN building b ON b.id = h.building_id "
                             "WHERE h.room != printf('%d%02d', h.floor, CAST(substr(h.room, -2) AS INT)) "
                             "OR h.floor > b.floors OR h.entrance > b.entrances"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM household WHERE size NOT BETWEEN 1 AND 6"), ==, 0);

  needy = count (s, "SELECT count(*) FROM household WHERE needy = 1");
  g_assert_cmpint (needy, >=, 50);
  g_assert_cmpint (needy, <=, 120);
  g_assert_cmpint (count (s, "SELECT count(*) FROM resident"), >, 200);
  g_assert_cmpint (count (s, "SELECT count(*) FROM contact_point"), >=, 3);
  g_assert_cmpint (count (s, "SELECT count(*) FROM contact_point"), <=, 5);

  /* Visits: most households yearly, the needy more often, some never. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM household WHERE last_visit_on IS NULL"), >, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM household WHERE last_visit_on IS NULL"), <, 80);
  g_assert_cmpint (count (s, "SELECT count(*) FROM household WHERE julianday('" TODAY "') - "
                             "julianday(last_visit_on) > rule_days"), >, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM visit WHERE kind = 'home'"), >, 2000);
  g_assert_cmpint (count (s, "SELECT count(*) FROM visit WHERE kind = 'field'"), >, 100);
  g_assert_cmpint (count (s, "SELECT count(*) FROM visit WHERE kind = 'reception'"), >, 30);
  g_assert_cmpint (count (s, "SELECT count(*) FROM visit v WHERE NOT EXISTS "
                             "(SELECT 1 FROM visit_member m WHERE m.visit_id = v.id)"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM visit WHERE kind = 'field' "
                             "AND contact_point_id IS NULL"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM household h WHERE h.last_visit_on IS NOT "
                             "(SELECT max(substr(v.happened_at, 1, 10)) FROM visit v JOIN "
                             "visit_household vh ON vh.visit_id = v.id "
                             "WHERE vh.household_id = h.id AND v.kind = 'home')"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM event WHERE kind = 'reception_day' "
                             "AND rrule = 'FREQ=MONTHLY;BYDAY=2TH'"), ==, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM event WHERE kind = 'planned_visit'"), >, 0);

  /* Appeals: about one per fifteen households, every code used. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM appeal"), >=, 800 / 15 - 2);
  g_assert_cmpint (count (s, "SELECT count(*) FROM appeal"), <=, 800 / 15 + 2);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT channel) FROM appeal"), ==, 8);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT concern) FROM appeal"), ==, 5);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT domain) FROM appeal"), ==, 8);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT status) FROM appeal"), ==, 6);
  g_assert_cmpint (count (s, "SELECT count(*) FROM appeal WHERE status IN ('received', "
                             "'in_progress') AND deadline < '" TODAY "'"), >, 0);

  g_assert_cmpint (count (s, "SELECT count(*) FROM twinning"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM pledge WHERE year = 2026"), >, 50);
  g_assert_cmpint (count (s, "SELECT count(*) FROM post"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM service_team"), >=, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM volunteer_activity"), >, 20);
  g_assert_cmpint (count (s, "SELECT count(*) FROM evaluation_campaign WHERE year = 2025"), ==, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM ballot"), >=, 25);
  g_assert_cmpint (count (s, "SELECT count(*) FROM ballot"), <=, 35);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT item) FROM ballot_grade WHERE member_id IS NULL"),
                   ==, 4);
  g_assert_cmpint (count (s, "SELECT count(DISTINCT member_id) FROM ballot_grade"), >, 50);

  /* One change-log line per table, not per row. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM change_log WHERE table_name = 'household'"), ==, 1);
  g_assert_cmpint (count (s, "SELECT count(*) FROM (SELECT table_name FROM change_log "
                             "GROUP BY table_name HAVING count(*) > 1)"), ==, 0);
}

static void
assert_valid_column (LxStore    *store,
                     const char *sql,
                     gboolean    id_number)
{
  sqlite3_stmt *stmt = lx_store_prepare (store, sql, NULL);
  guint n = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalized = NULL;
      const char *text = (const char *)sqlite3_column_text (stmt, 0);

      if (id_number)
        g_assert_true (lx_validate_id_number (text, TODAY, &normalized, &error));
      else
        g_assert_true (lx_validate_phone (text, &normalized, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalized, ==, text);
      n++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (n, >, 50);
}

static void
test_valid_numbers (LxFixture     *fx,
                    gconstpointer  data)
{
  generate (fx->store, 3, 800);

  assert_valid_column (fx->store, "SELECT id_number FROM member", TRUE);
  assert_valid_column (fx->store, "SELECT id_number FROM household WHERE id_number IS NOT NULL", TRUE);
  assert_valid_column (fx->store, "SELECT id_number FROM resident WHERE id_number IS NOT NULL", TRUE);
  assert_valid_column (fx->store, "SELECT phone FROM member", FALSE);
  assert_valid_column (fx->store, "SELECT phone FROM household WHERE phone IS NOT NULL", FALSE);
  assert_valid_column (fx->store, "SELECT phone FROM resident WHERE phone IS NOT NULL", FALSE);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM (SELECT id_number FROM household "
                                     "WHERE id_number IS NOT NULL GROUP BY id_number "
                                     "HAVING count(*) > 1)"), ==, 0);
}

static void
test_search_keys (LxFixture     *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  generate (fx->store, 4, 200);
  for (gint64 id = 1; id <= 200; id += 37)
    {
      g_autoptr(LxHousehold) h = lx_repo_get_household (fx->store, id, &error);
      g_autofree char *address = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *expected = NULL;
      sqlite3_stmt *stmt;

      g_assert_no_error (error);
      g_assert_cmpstr (h->pinyin, !=, "");
      g_assert_cmpstr (h->initials, !=, "");
      address = lx_household_dup_address (h);
      joined = g_strjoin (" ", h->head_name, h->pinyin, h->initials, address,
                          h->phone ? h->phone : "", NULL);
      expected = g_utf8_strdown (joined, -1);

      stmt = lx_store_prepare (fx->store, "SELECT search_text FROM household WHERE id = ?", NULL);
      sqlite3_bind_int64 (stmt, 1, id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, expected);
      sqlite3_reset (stmt);
    }
}

static const char *future_checks[] = {
  "SELECT count(*) FROM visit WHERE substr(happened_at, 1, 10) > '" TODAY "'",
  "SELECT count(*) FROM appeal WHERE received_on > '" TODAY "' OR closed_on > '" TODAY "' "
  "OR followup_on > '" TODAY "'",
  "SELECT count(*) FROM appeal_step WHERE substr(at, 1, 10) > '" TODAY "'",
  "SELECT count(*) FROM pairing WHERE start_on > '" TODAY "' OR end_on > '" TODAY "'",
  "SELECT count(*) FROM member WHERE birth_date > '" TODAY "' OR join_date > '" TODAY "'",
  "SELECT count(*) FROM resident WHERE birth_date > '" TODAY "'",
  "SELECT count(*) FROM household WHERE created_on > '" TODAY "'",
  "SELECT count(*) FROM volunteer_activity WHERE happened_on > '" TODAY "'",
  "SELECT count(*) FROM twinning_activity WHERE happened_on > '" TODAY "'",
  "SELECT count(*) FROM twinning WHERE start_on > '" TODAY "'",
  "SELECT count(*) FROM evaluation_campaign WHERE held_on > '" TODAY "'",
  "SELECT count(*) FROM post WHERE start_on > '" TODAY "'",
  "SELECT count(*) FROM event WHERE status = 'done' AND substr(starts_at, 1, 10) > '" TODAY "'",
  "SELECT count(*) FROM event_exception WHERE occurrence_on > '" TODAY "'",
};

static void
test_nothing_after_today (LxFixture     *fx,
                          gconstpointer  data)
{
  generate (fx->store, 5, 800);

  for (guint i = 0; i < G_N_ELEMENTS (future_checks); i++)
    {
      g_test_message ("%s", future_checks[i]);
      g_assert_cmpint (count (fx->store, future_checks[i]), ==, 0);
    }
  /* …and the history runs right up to it. */
  g_assert_cmpint (count (fx->store, "SELECT max(happened_at) > '2026-11' FROM visit"), ==, 1);
}

static void
test_quotas (LxFixture     *fx,
             gconstpointer  data)
{
  LxStore *s = fx->store;
  gint64 active, needy;

  generate (s, 6, 800);

  g_assert_cmpint (count (s, "SELECT count(*) FROM (SELECT p.member_id FROM pairing p "
                             "JOIN member m ON m.id = p.member_id JOIN quota q ON q.role = m.role "
                             "WHERE p.end_on IS NULL GROUP BY p.member_id "
                             "HAVING count(*) > max(q.households))"), ==, 0);
  g_assert_cmpint (count (s, "SELECT count(*) FROM pairing p JOIN member m ON m.id = p.member_id "
                             "WHERE p.end_on IS NULL AND m.status = 'transferred_out'"), ==, 0);
  active = count (s, "SELECT count(*) FROM pairing WHERE end_on IS NULL");
  needy = count (s, "SELECT count(*) FROM pairing p JOIN household h ON h.id = p.household_id "
                    "WHERE p.end_on IS NULL AND h.needy = 1");
  g_assert_cmpint (active, >, 40);
  g_assert_cmpint (needy * 2, >, active);
  /* The secretary's five. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM pairing p JOIN member m ON m.id = p.member_id "
                             "WHERE p.end_on IS NULL AND m.role = 'secretary'"), <=, 5);
  /* Paired households take the paired rule. */
  g_assert_cmpint (count (s, "SELECT count(*) FROM household h JOIN pairing p ON p.household_id = h.id "
                             "AND p.end_on IS NULL WHERE h.rule_days > 182"), ==, 0);
}

static void
test_appeal_steps (LxFixture     *fx,
                   gconstpointer  data)
{
  sqlite3_stmt *appeals, *steps;

  generate (fx->store, 2, 800);

  appeals = lx_store_prepare (fx->store, "SELECT id, status, closed_on, satisfaction, followup_on, "
                                         "received_on FROM appeal", NULL);
  while (sqlite3_step (appeals) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (appeals, 0);
      g_autofree char *status = g_strdup ((const char *)sqlite3_column_text (appeals, 1));
      gboolean closed = g_str_equal (status, "closed");
      g_autofree char *received = g_strdup ((const char *)sqlite3_column_text (appeals, 5));
      g_autofree char *last_to = NULL;
      g_autofree char *last_at = NULL;
      guint n = 0;

      g_assert_cmpint (closed, ==, sqlite3_column_type (appeals, 2) != SQLITE_NULL);
      g_assert_cmpint (closed, ==, sqlite3_column_type (appeals, 3) != SQLITE_NULL);
      g_assert_cmpint (closed, ==, sqlite3_column_type (appeals, 4) != SQLITE_NULL);

      steps = lx_store_prepare (fx->store, "SELECT from_status, to_status, at FROM appeal_step "
                                           "WHERE appeal_id = ? ORDER BY id", NULL);
      sqlite3_bind_int64 (steps, 1, id);
      while (sqlite3_step (steps) == SQLITE_ROW)
        {
          const char *from = (const char *)sqlite3_column_text (steps, 0);
          const char *to = (const char *)sqlite3_column_text (steps, 1);
          const char *at = (const char *)sqlite3_column_text (steps, 2);

          g_assert_cmpstr (from, ==, last_to);
          if (n == 0)
            {
              g_assert_cmpstr (to, ==, "received");
              g_assert_true (g_str_has_prefix (at, received));
            }
          else
            g_assert_cmpstr (at, >=, last_at);
          g_free (last_to);
          g_free (last_at);
          last_to = g_strdup (to);
          last_at = g_strdup (at);
          n++;
        }
      sqlite3_reset (steps);
      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpstr (last_to, ==, status);
      if (closed)
        g_assert_true (g_str_has_prefix (last_at, (const char *)sqlite3_column_text (appeals, 2)));
    }
  sqlite3_reset (appeals);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM appeal WHERE status = 'escalated' "
                                     "AND resolution_level IS NOT 'upward'"), ==, 0);
}

static void
test_integrity (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  sqlite3_stmt *stmt;

  generate (fx->store, 9, 800);

  stmt = lx_store_prepare (fx->store, "PRAGMA foreign_key_check", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  /* integrity_check also checks every CHECK and NOT NULL constraint. */
  stmt = lx_store_prepare (fx->store, "PRAGMA integrity_check", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
  g_assert_true (lx_store_check (fx->store, &report, &error));
  g_assert_no_error (error);
  /* The generator leaves the connection as it found it. */
  g_assert_cmpint (count (fx->store, "PRAGMA ignore_check_constraints"), ==, 0);
  g_assert_cmpint (count (fx->store, "PRAGMA foreign_keys"), ==, 1);
}

static void
test_second_demo_adds (LxFixture     *fx,
                       gconstpointer  data)
{
  generate (fx->store, 1, 100);
  generate (fx->store, 1, 100);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM household"), ==, 200);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM organization WHERE kind = 'committee'"),
                   ==, 2);
}

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_rolls_back (LxFixture     *fx,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;

  lx_demo_options_init (&opts);
  opts.today = TODAY;
  g_assert_false (lx_demo_generate (fx->store, &opts, cancel_midway, cancellable, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM household"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM organization"), ==, 0);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM change_log"), ==, 0);

  /* The store is usable afterwards. */
  generate (fx->store, 1, 50);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM household"), ==, 50);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (LxFixture     *fx,
               gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;

  lx_demo_options_init (&opts);
  opts.today = TODAY;
  opts.households = 300;
  g_assert_true (lx_demo_generate (fx->store, &opts, record_progress, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >, 5);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
}

static void
test_bad_today (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LxDemoOptions opts;

  lx_demo_options_init (&opts);
  opts.today = "2026-02-30";
  g_assert_false (lx_demo_generate (fx->store, &opts, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (count (fx->store, "SELECT count(*) FROM household"), ==, 0);
}

#define ADD(name, fn) \
  g_test_add (name, LxFixture, NULL, lx_fixture_setup, fn, lx_fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  ADD ("/demo/counts", test_counts);
  ADD ("/demo/valid-numbers", test_valid_numbers);
  ADD ("/demo/search-keys", test_search_keys);
  ADD ("/demo/nothing-after-today", test_nothing_after_today);
  ADD ("/demo/quotas", test_quotas);
  ADD ("/demo/appeal-steps", test_appeal_steps);
  ADD ("/demo/integrity", test_integrity);
  ADD ("/demo/second-demo-adds", test_second_demo_adds);
  ADD ("/demo/cancel-rolls-back", test_cancel_rolls_back);
  ADD ("/demo/progress", test_progress);
  ADD ("/demo/bad-today", test_bad_today);

  return g_test_run ();
}
