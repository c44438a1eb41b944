/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-validate"

#include <glib.h>
#include <string.h>

#include "lx-validate.h"

#define TODAY "2026-11-26"

static void
assert_id_valid (const char *text,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (lx_validate_id_number (text, TODAY, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
}

static void
assert_id_invalid (const char *text,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_false (lx_validate_id_number (text, TODAY, &normalized, &error));
  g_assert_error (error, LX_VALIDATE_ERROR, code);
  g_assert_null (normalized);
}

static void
test_id_valid (void)
{
  assert_id_valid ("11010519491231002X", "11010519491231002X");
  assert_id_valid ("440524188001010014", "440524188001010014");
  /* born today */
  assert_id_valid ("110105202611260011", "110105202611260011");
  assert_id_valid ("110105202402290038", "110105202402290038");
}

static void
test_id_normalized (void)
{
  assert_id_valid ("11010519491231002x", "11010519491231002X");
  assert_id_valid ("  11010519491231002X\t", "11010519491231002X");
  assert_id_valid ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X");
  assert_id_valid ("110105 19491231 002X", "11010519491231002X");
}

static void
test_id_checksum (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lx_validate_id_number ("110105194912310021", TODAY, NULL, &error));
  g_assert_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_CHECKSUM);
  g_assert_nonnull (strstr (error->message, "expected X"));
  g_clear_error (&error);

  g_assert_false (lx_validate_id_number ("44052418800101001X", TODAY, NULL, &error));
  g_assert_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_CHECKSUM);
  g_assert_nonnull (strstr (error->message, "expected 4"));
}

static void
test_id_format (void)
{
  assert_id_invalid ("", LX_VALIDATE_ERROR_EMPTY);
  assert_id_invalid ("   ", LX_VALIDATE_ERROR_EMPTY);
  assert_id_invalid (NULL, LX_VALIDATE_ERROR_EMPTY);
  assert_id_invalid ("11010519491231002", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231002X1", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("1101051949123100X2", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231002Y", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("11010519491231002张", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("110105491231002", LX_VALIDATE_ERROR_FORMAT);
  assert_id_invalid ("1101051949\xff" "1231002X", LX_VALIDATE_ERROR_FORMAT);
}

static void
test_id_birth_date (void)
{
  g_autoptr(GError) error = NULL;

  /* the date is judged before the check digit, which is wrong here too */
  assert_id_invalid ("110105194913310020", LX_VALIDATE_ERROR_DATE);
  assert_id_invalid ("110105202302290030", LX_VALIDATE_ERROR_DATE);
  assert_id_invalid ("110105194900010020", LX_VALIDATE_ERROR_DATE);
  /* before 1800, with a right check digit */
  assert_id_invalid ("110105179912310016", LX_VALIDATE_ERROR_DATE);
  assert_id_valid ("110105180001010010", "110105180001010010");

  g_assert_false (lx_validate_id_number ("110105202302290030", TODAY, NULL, &error));
  g_assert_nonnull (strstr (error->message, "2023-02-29"));
}

static void
test_id_future (void)
{
  g_autoptr(GError) error = NULL;

  assert_id_invalid ("110105209912310029", LX_VALIDATE_ERROR_FUTURE);
  assert_id_invalid ("110105202611270017", LX_VALIDATE_ERROR_FUTURE);

  /* NULL is the app's today, which the test environment fixes */
  g_assert_cmpstr (g_getenv ("LIANXIN_TODAY"), ==, TODAY);
  g_assert_false (lx_validate_id_number ("110105202611270017", NULL, NULL, &error));
  g_assert_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FUTURE);
  g_assert_true (lx_validate_id_number ("110105202611260011", NULL, NULL, NULL));
  g_assert_true (lx_validate_id_number ("110105209912310029", "2100-01-01", NULL, NULL));
}

static void
test_id_birth_date_getter (void)
{
  g_autofree char *a = lx_id_number_birth_date ("11010519491231002X");
  g_autofree char *b = lx_id_number_birth_date ("11010519491231002x");
  g_autofree char *c = lx_id_number_birth_date ("110105194912310021");
  g_autofree char *d = lx_id_number_birth_date ("110105209912310029");
  g_autofree char *e = lx_id_number_birth_date (NULL);

  g_assert_cmpstr (a, ==, "1949-12-31");
  g_assert_cmpstr (b, ==, "1949-12-31");
  g_assert_null (c);
  g_assert_null (d);
  g_assert_null (e);
}

static void
assert_phone (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (lx_validate_phone (text, &normalized, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (normalized, ==, expected);
}

static void
assert_bad_phone (const char *text,
                  int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  g_assert_false (lx_validate_phone (text, &normalized, &error));
  g_assert_error (error, LX_VALIDATE_ERROR, code);
  g_assert_null (normalized);
}

static void
test_phone_mobile (void)
{
  assert_phone ("13812345678", "13812345678");
  assert_phone ("138 1234 5678", "13812345678");
  assert_phone ("+86 138-1234-5678", "13812345678");
  assert_phone ("+8613812345678", "13812345678");
  assert_phone ("0086 13812345678", "13812345678");
  assert_phone ("(+86) 138 1234 5678", "13812345678");
  assert_phone ("１３８１２３４５６７８", "13812345678");
  assert_phone ("  19912345678 ", "19912345678");
}

static void
test_phone_landline (void)
{
  assert_phone ("010-12345678", "010-12345678");
  assert_phone ("0755-1234567", "0755-1234567");
  assert_phone ("0755 12345678-123", "0755-12345678-123");
  assert_phone ("01012345678", "010-12345678");
  assert_phone ("(010) 1234-5678", "010-12345678");
  assert_phone ("（０２１）１２３４５６７８", "021-12345678");
  assert_phone ("0755-12345678转123", "0755-12345678-123");
  assert_phone ("0755-12345678 ext. 9", "0755-12345678-9");
  assert_phone ("0755-12345678 EXT 9", "0755-12345678-9");
  assert_phone ("010-12345678 分机 88", "010-12345678-88");
  assert_phone ("+86 10 12345678", "010-12345678");
}

static void
test_phone_invalid (void)
{
  assert_bad_phone ("", LX_VALIDATE_ERROR_EMPTY);
  assert_bad_phone (" ", LX_VALIDATE_ERROR_EMPTY);
  assert_bad_phone (NULL, LX_VALIDATE_ERROR_EMPTY);
  assert_bad_phone ("12812345678", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("1381234567", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("138123456789", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("1234567", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("12345678", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("010-123456", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("010-123456789", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("011-12345678", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("0012345678", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("138a2345678", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("+1 2025550123", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("0755-12345678转1234567", LX_VALIDATE_ERROR_FORMAT);
  assert_bad_phone ("abc", LX_VALIDATE_ERROR_FORMAT);
}

static void
test_phone_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lx_validate_phone ("12812345678", NULL, &error));
  g_assert_nonnull (strstr (error->message, "second digit"));
  g_clear_error (&error);

  g_assert_false (lx_validate_phone ("1234567", NULL, &error));
  g_assert_nonnull (strstr (error->message, "area code"));
  g_clear_error (&error);

  g_assert_false (lx_validate_phone ("138a2345678", NULL, &error));
  g_assert_nonnull (strstr (error->message, "“a”"));
  g_clear_error (&error);

  g_assert_false (lx_validate_phone ("011-12345678", NULL, &error));
  g_assert_cmpstr (error->message, ==, "“011” is not an area code");
  g_clear_error (&error);

  g_assert_false (lx_validate_phone ("+1 2025550123", NULL, &error));
  g_assert_nonnull (strstr (error->message, "+86"));
}

static void
assert_date (const char *text,
             const char *today,
             int         code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = lx_validate_date (text, today, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, LX_VALIDATE_ERROR, code);
      g_assert_false (ok);
    }
}

static void
test_date_strict (void)
{
  assert_date ("2024-03-05", NULL, -1);
  assert_date ("2024-02-29", NULL, -1);
  assert_date ("2099-12-31", NULL, -1);
  assert_date ("", NULL, LX_VALIDATE_ERROR_EMPTY);
  assert_date (NULL, NULL, LX_VALIDATE_ERROR_EMPTY);
  assert_date ("2024-3-5", NULL, LX_VALIDATE_ERROR_FORMAT);
  assert_date ("2024/03/05", NULL, LX_VALIDATE_ERROR_FORMAT);
  assert_date (" 2024-03-05", NULL, LX_VALIDATE_ERROR_FORMAT);
  assert_date ("2024-03-05 10:00", NULL, LX_VALIDATE_ERROR_FORMAT);
  assert_date ("abc", NULL, LX_VALIDATE_ERROR_FORMAT);
  assert_date ("2024-13-01", NULL, LX_VALIDATE_ERROR_DATE);
  assert_date ("2024-02-30", NULL, LX_VALIDATE_ERROR_DATE);
  assert_date ("2023-02-29", NULL, LX_VALIDATE_ERROR_DATE);
  assert_date ("0000-01-01", NULL, LX_VALIDATE_ERROR_DATE);
}

static void
test_date_future (void)
{
  g_autoptr(GError) error = NULL;

  assert_date ("2026-11-26", TODAY, -1);
  assert_date ("2026-11-25", TODAY, -1);
  assert_date ("2026-11-27", TODAY, LX_VALIDATE_ERROR_FUTURE);
  assert_date ("2099-12-31", TODAY, LX_VALIDATE_ERROR_FUTURE);
  /* an unreal date is that, whatever today is */
  assert_date ("2099-02-30", TODAY, LX_VALIDATE_ERROR_DATE);

  g_assert_false (lx_validate_date ("2024-02-30", TODAY, &error));
  g_assert_cmpstr (error->message, ==, "“2024-02-30” is not a real date");
}

static void
assert_loose (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = lx_parse_date_loose (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_loose_fails (const char *text,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = lx_parse_date_loose (text, &error);

  g_assert_error (error, LX_VALIDATE_ERROR, code);
  g_assert_null (iso);
}

static void
test_date_loose_forms (void)
{
  assert_loose ("2024-03-05", "2024-03-05");
  assert_loose ("2024-3-5", "2024-03-05");
  assert_loose ("2024/3/5", "2024-03-05");
  assert_loose ("2024/03/05", "2024-03-05");
  assert_loose ("2024.3.5", "2024-03-05");
  assert_loose ("2024年3月5日", "2024-03-05");
  assert_loose ("2024年03月05日", "2024-03-05");
  assert_loose ("2024年3月5", "2024-03-05");
  assert_loose ("2024 年 3 月 5 日", "2024-03-05");
  assert_loose ("２０２４年３月５日", "2024-03-05");
  assert_loose ("２０２４－０３－０５", "2024-03-05");
  assert_loose ("２０２４／３／５", "2024-03-05");
  assert_loose ("２０２４．３．５", "2024-03-05");
  assert_loose ("  2024-03-05\t", "2024-03-05");
  assert_loose ("\xe3\x80\x80" "2024-03-05" "\xe3\x80\x80", "2024-03-05");
  assert_loose ("20240305", "2024-03-05");
  assert_loose ("2024/3/5 0:00:00", "2024-03-05");
  assert_loose ("2024-03-05T10:30", "2024-03-05");
  assert_loose ("2024-02-29", "2024-02-29");
}

static void
test_date_loose_excel (void)
{
  assert_loose ("45356", "2024-03-05");
  assert_loose ("45356.75", "2024-03-05");
  assert_loose ("１", "1900-01-01");
  assert_loose ("1", "1900-01-01");
  assert_loose ("59", "1900-02-28");
  assert_loose ("61", "1900-03-01");
  assert_loose ("10000", "1927-05-18");
  assert_loose ("2958465", "9999-12-31");
  /* Excel's 1900-02-29 never was */
  assert_loose_fails ("60", LX_VALIDATE_ERROR_DATE);
  assert_loose_fails ("0", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("2958466", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("12345678.5", LX_VALIDATE_ERROR_FORMAT);
}

static void
test_date_loose_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  assert_loose_fails ("", LX_VALIDATE_ERROR_EMPTY);
  assert_loose_fails ("  ", LX_VALIDATE_ERROR_EMPTY);
  assert_loose_fails (NULL, LX_VALIDATE_ERROR_EMPTY);
  assert_loose_fails ("abc", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("2024-13-01", LX_VALIDATE_ERROR_DATE);
  assert_loose_fails ("2024-02-30", LX_VALIDATE_ERROR_DATE);
  assert_loose_fails ("2024年2月30日", LX_VALIDATE_ERROR_DATE);
  assert_loose_fails ("20241301", LX_VALIDATE_ERROR_DATE);
  assert_loose_fails ("2024-3/5", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("24-3-5", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("5/3/2024", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("2024-03-05x", LX_VALIDATE_ERROR_FORMAT);
  /* a year alone or a year and month, not serial numbers in 1905 */
  assert_loose_fails ("2024", LX_VALIDATE_ERROR_FORMAT);
  assert_loose_fails ("2024.3", LX_VALIDATE_ERROR_FORMAT);

  iso = lx_parse_date_loose ("2024-02-30", &error);
  g_assert_cmpstr (error->message, ==, "“2024-02-30” is not a real date");
}

static void
test_normalize (void)
{
  struct { const char *in, *out; } cases[] = {
    { "１２３", "123" },
    { "ＡＢＣｘｙｚ", "ABCxyz" },
    { "\xe3\x80\x80张三\xe3\x80\x80", "张三" },
    { "２０２４．０３／０５－", "2024.03/05-" },
    { "  a b  ", "a b" },
    { "\xc2\xa0" "x" "\xc2\xa0", "x" },
    { "张三（东区）", "张三（东区）" },
    { "", "" },
    { "ab\xff" "c", "ab\xef\xbf\xbd" "c" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lx_normalize_text (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (lx_normalize_text (NULL));
}

static void
test_mask_phone (void)
{
  struct { const char *in, *out; } cases[] = {
    { "13812345678", "138****5678" },
    { "13800001234", "138****1234" },
    { "010-12345678", "010****5678" },
    { "1234567", "*******" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lx_mask_phone (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (lx_mask_phone (NULL));
}

static void
test_mask_id (void)
{
  struct { const char *in, *out; } cases[] = {
    { "11010519491231002X", "110105********002X" },
    { "110101199001011234", "110101********1234" },
    { "110105491231002", "***************" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = lx_mask_id_number (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (lx_mask_id_number (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/id/valid", test_id_valid);
  g_test_add_func ("/validate/id/normalized", test_id_normalized);
  g_test_add_func ("/validate/id/checksum", test_id_checksum);
  g_test_add_func ("/validate/id/format", test_id_format);
  g_test_add_func ("/validate/id/birth-date", test_id_birth_date);
  g_test_add_func ("/validate/id/future", test_id_future);
  g_test_add_func ("/validate/id/birth-date-getter", test_id_birth_date_getter);
  g_test_add_func ("/validate/phone/mobile", test_phone_mobile);
  g_test_add_func ("/validate/phone/landline", test_phone_landline);
  g_test_add_func ("/validate/phone/invalid", test_phone_invalid);
  g_test_add_func ("/validate/phone/messages", test_phone_messages);
  g_test_add_func ("/validate/date/strict", test_date_strict);
  g_test_add_func ("/validate/date/future", test_date_future);
  g_test_add_func ("/validate/date/loose-forms", test_date_loose_forms);
  g_test_add_func ("/validate/date/loose-excel", test_date_loose_excel);
  g_test_add_func ("/validate/date/loose-invalid", test_date_loose_invalid);
  g_test_add_func ("/validate/normalize", test_normalize);
  g_test_add_func ("/validate/mask/phone", test_mask_phone);
  g_test_add_func ("/validate/mask/id", test_mask_id);

  return g_test_run ();
}
