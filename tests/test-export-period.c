/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lx-export.h"

/* lx_period_parse: the four forms, their bounds, and what is refused. */

static void
expect (const char   *text,
        LxPeriodKind  kind,
        int           number,
        const char   *from,
        const char   *to)
{
  g_autoptr(GError) error = NULL;
  LxPeriod p;

  g_assert_true (lx_period_parse (text, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.kind, ==, kind);
  g_assert_cmpint (p.number, ==, number);
  g_assert_cmpstr (p.from, ==, from);
  g_assert_cmpstr (p.to, ==, to);
}

static void
test_year (void)
{
  expect ("2026", LX_PERIOD_YEAR, 0, "2026-01-01", "2026-12-31");
  expect (" 2025 ", LX_PERIOD_YEAR, 0, "2025-01-01", "2025-12-31");
}

static void
test_quarter (void)
{
  expect ("2026-Q1", LX_PERIOD_QUARTER, 1, "2026-01-01", "2026-03-31");
  expect ("2026-Q2", LX_PERIOD_QUARTER, 2, "2026-04-01", "2026-06-30");
  expect ("2026-q3", LX_PERIOD_QUARTER, 3, "2026-07-01", "2026-09-30");
  expect ("2026-Q4", LX_PERIOD_QUARTER, 4, "2026-10-01", "2026-12-31");
}

static void
test_month (void)
{
  expect ("2026-05", LX_PERIOD_MONTH, 5, "2026-05-01", "2026-05-31");
  expect ("2024-02", LX_PERIOD_MONTH, 2, "2024-02-01", "2024-02-29");
  expect ("2026-02", LX_PERIOD_MONTH, 2, "2026-02-01", "2026-02-28");
  expect ("2026-12", LX_PERIOD_MONTH, 12, "2026-12-01", "2026-12-31");
}

static void
test_custom (void)
{
  LxPeriod p;

  expect ("2026-01-01..2026-06-30", LX_PERIOD_CUSTOM, 0, "2026-01-01", "2026-06-30");
  expect ("2025-07-01..2026-06-30", LX_PERIOD_CUSTOM, 0, "2025-07-01", "2026-06-30");
  expect ("2026-03-03..2026-03-03", LX_PERIOD_CUSTOM, 0, "2026-03-03", "2026-03-03");
  g_assert_true (lx_period_parse ("2025-07-01..2026-06-30", &p, NULL));
  g_assert_cmpint (p.year, ==, 2025);
}

static void
test_refused (void)
{
  const char *bad[] = {
    "", "26", "twenty", "2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-5", "2026/05",
    "2026-06-30..2026-01-01", "2026-02-30..2026-03-01", "2026-01-01..", "..2026-01-01",
    "2026-01-01..2026-1-31", "1850", "2026Q3", "2026-Q3x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LxPeriod p;

      g_test_message ("%s", bad[i]);
      g_assert_false (lx_period_parse (bad[i], &p, &error));
      g_assert_error (error, LX_EXPORT_ERROR, LX_EXPORT_ERROR_PERIOD);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  g_assert_false (lx_period_parse (NULL, &(LxPeriod){ 0 }, NULL));
}

static void
test_init_and_label (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *custom = NULL;
  LxPeriod p;

  g_assert_true (lx_period_init (&p, LX_PERIOD_QUARTER, 2026, 3, &error));
  g_assert_cmpstr (p.from, ==, "2026-07-01");
  g_assert_cmpstr (p.to, ==, "2026-09-30");
  g_assert_false (lx_period_init (&p, LX_PERIOD_MONTH, 2026, 13, NULL));
  g_assert_false (lx_period_init (&p, LX_PERIOD_QUARTER, 2026, 0, NULL));

  g_assert_true (lx_period_parse ("2026", &p, NULL));
  year = lx_period_dup_label (&p);
  g_assert_nonnull (strstr (year, "2026"));
  g_assert_true (lx_period_parse ("2026-01-01..2026-06-30", &p, NULL));
  custom = lx_period_dup_label (&p);
  g_assert_nonnull (strstr (custom, "2026-01-01"));
  g_assert_nonnull (strstr (custom, "2026-06-30"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/period/year", test_year);
  g_test_add_func ("/export/period/quarter", test_quarter);
  g_test_add_func ("/export/period/month", test_month);
  g_test_add_func ("/export/period/custom", test_custom);
  g_test_add_func ("/export/period/refused", test_refused);
  g_test_add_func ("/export/period/init-and-label", test_init_and_label);
  return g_test_run ();
}
