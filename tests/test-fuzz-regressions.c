/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inputs found by the fuzzers (fuzz/run.sh), kept as regression tests. */
#include "lx-validate.h"
#include "lx-test-util.h"

/* What a validator accepts it must accept again, unchanged, from its own output. */
static void
assert_phone_stable (const char *input)
{
  g_autofree char *normalized = NULL;
  g_autofree char *again = NULL;

  if (!lx_validate_phone (input, &normalized, NULL))
    return;
  g_assert_true (lx_validate_phone (normalized, &again, NULL));
  g_assert_cmpstr (again, ==, normalized);
}

/* fuzz-phone, crash-44edb1f0: the 0 added in front of a +86 landline was lost
 * when the last group was split off as the extension. */
static void
test_phone_country_extension (void)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lx_validate_phone ("+86 755 12345678 123", &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, "0755-12345678-123");
  g_clear_pointer (&normalized, g_free);
  g_assert_true (lx_validate_phone ("+86 10 1234 5678 66", &normalized, NULL));
  g_assert_cmpstr (normalized, ==, "010-12345678-66");

  assert_phone_stable ("+86 99999138-1234-58");
  assert_phone_stable ("+86 755 12345678 123");
  assert_phone_stable ("0755 12345678 123");
}

/* fuzz-phone, second finding: "0 20-135871-2#3" gave 020-1358712-3, which
 * read back as 020-13587123, another number. */
static void
test_phone_normalized_extension (void)
{
  g_autofree char *normalized = NULL;

  g_assert_true (lx_validate_phone ("0 20-135871-2#3", &normalized, NULL));
  g_assert_cmpstr (normalized, ==, "020-1358712-3");
  assert_phone_stable ("0 20-135871-2#3");
  assert_phone_stable ("020-1358712-3");
  assert_phone_stable ("0755-12345678-12");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz-regressions/phone-country-extension", test_phone_country_extension);
  g_test_add_func ("/fuzz-regressions/phone-normalized-extension", test_phone_normalized_extension);
  return g_test_run ();
}
