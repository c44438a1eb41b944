/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-overview"

#include "config.h"

#include <string.h>

#include "lx-overview.h"
#include "lx-report.h"
#include "lx-test-util.h"

#define TODAY "2026-11-26"

/* A small unit with known answers: three households (one needy, one
 * overdue, one never visited), four appeals, two members. */
static const char *fixture_sql =
  "INSERT INTO organization (id, name, kind) VALUES (1, '第一支部', 'branch');"
  "INSERT INTO member (id, org_id, name, role) VALUES (1, 1, '王书记', 'secretary'), (2, 1, '李明', 'member');"
  "INSERT INTO household (id, head_name) VALUES (1, '张三'), (2, '李四'), (3, '王五');"
  "INSERT INTO household_need (household_id, tag) VALUES (1, 'dibao');"
  "INSERT INTO pairing (member_id, household_id, start_on) VALUES (2, 1, '2026-01-01');"
  "INSERT INTO visit (id, kind, happened_at) VALUES (1, 'home', '2026-03-02T10:00'),"
  "  (2, 'home', '2025-01-10'), (3, 'field', '2026-03-05'), (4, 'field', '2026-07-01'),"
  "  (5, 'reception', '2026-04-09T09:00'), (6, 'reception', '2026-04-09T10:00'),"
  "  (7, 'reception', '2026-05-14'), (8, 'home', '2026-12-20');"
  "INSERT INTO visit_household (visit_id, household_id) VALUES (1, 1), (2, 2), (8, 2);"
  "INSERT INTO appeal (received_on, channel, description, deadline, status, resolution_level,"
  "  closed_on, followup_on, satisfaction) VALUES"
  "  ('2026-02-01', 'hotline', 'a', '2026-02-15', 'closed', 'branch', '2026-02-11', '2026-02-12', 'satisfied'),"
  "  ('2026-03-01', 'hotline', 'b', '2026-03-15', 'closed', 'pending_hard', '2026-03-21', '2026-03-22', 'dissatisfied'),"
  "  ('2026-10-01', 'hotline', 'c', '2026-10-15', 'in_progress', NULL, NULL, NULL, NULL),"
  "  ('2025-10-01', 'hotline', 'd', '2025-10-15', 'responded', 'pending_hard', NULL, NULL, NULL);";

static void
test_compute (LxFixture     *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LxOverview ov;

  g_assert_true (lx_store_exec (fx->store, fixture_sql, &error));
  g_assert_no_error (error);
  g_assert_true (lx_overview_compute (fx->store, 2026, TODAY, &ov, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ov.visits.households, ==, 3);
  g_assert_cmpint (ov.visits.households_visited, ==, 1);   /* the December visit is after today */
  g_assert_cmpint (ov.visits.needy_visited, ==, 1);
  g_assert_cmpint (ov.appeals_received, ==, 3);
  g_assert_cmpint (ov.appeals_resolved, ==, 1);
  g_assert_cmpint (ov.appeals_responded, ==, 1);
  g_assert_cmpint (ov.appeals_open, ==, 1);
  g_assert_cmpint (ov.appeals_overdue, ==, 1);
  g_assert_cmpfloat_with_epsilon (ov.average_days_to_close, 15.0, 1e-9);   /* (10 + 20) / 2 */
  g_assert_cmpint (ov.reception_days, ==, 2);
  g_assert_cmpint (ov.field_per_month[2], ==, 1);
  g_assert_cmpint (ov.field_per_month[6], ==, 1);
  g_assert_cmpint (ov.home_per_month[2], ==, 1);
  g_assert_cmpint (ov.home_per_month[11], ==, 0);
  g_assert_cmpint (ov.followup_grades[LX_GRADE_SATISFIED], ==, 1);
  g_assert_cmpint (ov.followup_grades[LX_GRADE_DISSATISFIED], ==, 1);
  g_assert_cmpfloat_with_epsilon (lx_overview_satisfaction (ov.followup_grades), 0.5, 1e-9);
  /* 张三 is needy (90 days) and was last visited in March: overdue. 李四's
   * last visit (2026-12-20) is not in the past; 王五 was never visited. */
  g_assert_cmpint (ov.households_overdue, ==, 1);
  g_assert_cmpint (ov.households_never, ==, 1);
  /* The secretary has none of 5; 李明 has his 1. */
  g_assert_cmpint (ov.members_behind_quota, ==, 1);

  /* A deleted household no longer counts towards 李明's quota. */
  g_assert_true (lx_store_exec (fx->store, "UPDATE household SET deleted_at = '2026-11-01' WHERE id = 1",
                                &error));
  g_assert_true (lx_overview_compute (fx->store, 2026, TODAY, &ov, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov.members_behind_quota, ==, 2);
}

static void
test_attention (LxFixture     *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  LxAttention *item;

  g_assert_true (lx_store_exec (fx->store, fixture_sql, &error));
  /* 李四's visits: only the one of 2025 remains, past the 365-day rule. */
  g_assert_true (lx_store_exec (fx->store, "DELETE FROM visit_household WHERE visit_id = 8;"
                                "INSERT INTO event (kind, title, starts_at, rrule) VALUES "
                                "('reception_day', '接待日', '2026-01-08T09:00', 'FREQ=MONTHLY;BYDAY=2TH');",
                                &error));
  g_assert_no_error (error);
  items = lx_overview_attention (fx->store, TODAY, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);

  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->kind, ==, LX_ATTENTION_HOUSEHOLDS_OVERDUE);
  g_assert_cmpstr (item->title, ==, "2 households past their visit rule");
  g_assert_cmpstr (item->detail, ==, "张三, 李四");   /* needy first */
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, LX_ATTENTION_APPEAL_OVERDUE);
  g_assert_cmpstr (item->date, ==, "2026-10-15");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->kind, ==, LX_ATTENTION_RECEPTION_DAY);
  g_assert_cmpstr (item->date, ==, "2026-12-10");
  item = g_ptr_array_index (items, 3);
  g_assert_cmpint (item->kind, ==, LX_ATTENTION_MEMBER_QUOTA);
  g_assert_cmpint (item->id, ==, 1);
}

static void
test_report (LxFixture     *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (lx_store_exec (fx->store, fixture_sql, &error));
  g_assert_true (lx_report_write_pdf (fx->store, 2026, TODAY, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  /* Three pages: indicators, visits, appeals. */
  {
    gboolean found = FALSE;
    /* Binary streams hold NULs: search byte by byte. */
    for (gsize i = 0; i + 8 <= size && !found; i++)
      found = memcmp (contents + i, "/Count 3", 8) == 0;
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/overview/compute", LxFixture, NULL, lx_fixture_setup, test_compute, lx_fixture_teardown);
  g_test_add ("/overview/attention", LxFixture, NULL, lx_fixture_setup, test_attention, lx_fixture_teardown);
  g_test_add ("/overview/report", LxFixture, NULL, lx_fixture_setup, test_report, lx_fixture_teardown);
  return g_test_run ();
}
