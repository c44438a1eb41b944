/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lx-recurrence.h"

/* Expands @rrule from @dtstart over [@from, @to] and compares with the
 * space-separated @expected dates. */
static void
assert_expands (const char *rrule,
                const char *dtstart,
                const char *from,
                const char *to,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  LxRecurrence rule;

  g_assert_true (lx_recurrence_parse (rrule, &rule, &error));
  g_assert_no_error (error);
  dates = lx_recurrence_expand (&rule, dtstart, from, to);
  for (guint i = 0; i < dates->len; i++)
    g_string_append_printf (got, "%s%s", i ? " " : "", (char *)g_ptr_array_index (dates, i));
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_monthly_byday (void)
{
  /* The demo's reception day: the second Thursday. */
  assert_expands ("FREQ=MONTHLY;BYDAY=2TH", "2026-01-01", "2026-01-01", "2026-04-30",
                  "2026-01-08 2026-02-12 2026-03-12 2026-04-09");
  assert_expands ("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-01", "2026-01-01", "2026-03-31",
                  "2026-01-30 2026-02-27 2026-03-27");
  assert_expands ("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO", "2026-01-05", "2026-01-01", "2026-07-31",
                  "2026-01-05 2026-03-02 2026-05-04 2026-07-06");
  /* Every Friday the 13th of 2026. */
  assert_expands ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-01-01", "2026-01-01", "2026-12-31",
                  "2026-02-13 2026-03-13 2026-11-13");
}

static void
test_month_ends (void)
{
  /* Months without a 31st are left out, not moved (RFC 5545). */
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4", "2026-01-31", "2026-01-01", "2027-12-31",
                  "2026-01-31 2026-03-31 2026-05-31 2026-07-31");
  assert_expands ("FREQ=MONTHLY", "2026-01-31", "2026-01-01", "2026-05-31",
                  "2026-01-31 2026-03-31 2026-05-31");
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-01", "2026-01-01", "2026-04-30",
                  "2026-01-31 2026-02-28 2026-03-31 2026-04-30");
}

static void
test_leap_day (void)
{
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=29", "2024-01-29", "2024-01-01", "2024-03-31",
                  "2024-01-29 2024-02-29 2024-03-29");
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=29", "2024-01-29", "2025-01-01", "2025-03-31",
                  "2025-01-29 2025-03-29");
  assert_expands ("FREQ=MONTHLY;BYMONTHDAY=-1", "2024-01-01", "2024-02-01", "2024-02-29", "2024-02-29");
}

static void
test_weekly (void)
{
  assert_expands ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "2026-11-04", "2026-11-01", "2026-12-05",
                  "2026-11-04 2026-11-18 2026-12-02");
  /* Without BYDAY: the weekday of the start. */
  assert_expands ("FREQ=WEEKLY", "2026-11-26", "2026-11-01", "2026-12-12",
                  "2026-11-26 2026-12-03 2026-12-10");
  /* The start week's Monday is before the start: not an occurrence. */
  assert_expands ("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3", "2026-11-26", "2026-11-01", "2026-12-31",
                  "2026-11-26 2026-11-30 2026-12-03");
}

static void
test_count_and_until (void)
{
  /* COUNT counts from the start even when the range begins later. */
  assert_expands ("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3", "2026-11-26", "2026-12-01", "2026-12-31",
                  "2026-12-03");
  assert_expands ("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20260312", "2026-01-01", "2026-01-01", "2026-12-31",
                  "2026-01-08 2026-02-12 2026-03-12");
  assert_expands ("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20260311T235959Z", "2026-01-01", "2026-01-01",
                  "2026-12-31", "2026-01-08 2026-02-12");
  assert_expands ("FREQ=MONTHLY;BYDAY=2TH;COUNT=2", "2026-01-01", "2026-03-01", "2026-12-31", "");
}

static void
test_parse_errors (void)
{
  const char *bad[] = {
    "", "FREQ=DAILY", "FREQ=MONTHLY;BYDAY=9TH", "FREQ=MONTHLY;BYDAY=2XX",
    "FREQ=MONTHLY;COUNT=2;UNTIL=20261231", "FREQ=WEEKLY;BYDAY=2TH", "FREQ=WEEKLY;BYMONTHDAY=3",
    "FREQ=MONTHLY;INTERVAL=0", "BYDAY=TH", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYSETPOS=1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      LxRecurrence rule;
      g_assert_false (lx_recurrence_parse (bad[i], &rule, &error));
      g_assert_error (error, LX_RECURRENCE_ERROR, LX_RECURRENCE_ERROR_INVALID);
    }
}

static void
test_round_trip (void)
{
  const char *rules[] = {
    "FREQ=MONTHLY;BYDAY=2TH", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=6",
    "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20271231",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *text = NULL;
      LxRecurrence rule;
      g_assert_true (lx_recurrence_parse (rules[i], &rule, NULL));
      text = lx_recurrence_to_string (&rule);
      g_assert_cmpstr (text, ==, rules[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recurrence/monthly-byday", test_monthly_byday);
  g_test_add_func ("/recurrence/month-ends", test_month_ends);
  g_test_add_func ("/recurrence/leap-day", test_leap_day);
  g_test_add_func ("/recurrence/weekly", test_weekly);
  g_test_add_func ("/recurrence/count-until", test_count_and_until);
  g_test_add_func ("/recurrence/parse-errors", test_parse_errors);
  g_test_add_func ("/recurrence/round-trip", test_round_trip);
  return g_test_run ();
}
