/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lx-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lx-date.h"
#include "lx-validate.h"

#define ID_LENGTH 18
/* Not 1900: GB 11643's own sample number, 440524188001010014, was born in
 * 1880. The floor still catches typed years such as 0949 or 1049. */
#define ID_MIN_BIRTH_YEAR 1800

/* Excel counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, also counts a
 * 1900-02-29 that never existed as day 60. 2958465 is 9999-12-31. */
#define EXCEL_FAKE_LEAP_DAY 60
#define EXCEL_MAX_SERIAL    2958465

#define PHONE_MAX_EXTENSION 6

G_DEFINE_QUARK (lx-validate-error-quark, lx_validate_error)

/* Date helpers */

static gboolean
parse_uint (const char *text,
            gsize       n_digits,
            int        *out)
{
  int value = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }
  *out = value;
  return TRUE;
}

static gboolean
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  if (year < 1 || year > G_MAXUINT16 || month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
iso_from_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d",
                          (int)g_date_get_year (date),
                          (int)g_date_get_month (date),
                          (int)g_date_get_day (date));
}

typedef enum
{
  ISO_OK,
  ISO_BAD_FORMAT,
  ISO_NOT_REAL,
} IsoResult;

static IsoResult
parse_iso (const char *text,
           GDate      *date)
{
  int year = 0, month = 0, day = 0;

  g_date_clear (date, 1);
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !parse_uint (text, 4, &year)
      || !parse_uint (text + 5, 2, &month)
      || !parse_uint (text + 8, 2, &day))
    return ISO_BAD_FORMAT;
  return set_date (date, year, month, day) ? ISO_OK : ISO_NOT_REAL;
}

static gboolean
is_iso_date (const char *text)
{
  GDate date;

  return text != NULL && parse_iso (text, &date) == ISO_OK;
}

/* @today is NULL (the app's today, which tests fix) or a valid ISO date. */
static void
get_today (const char *today,
           GDate      *date)
{
  g_autofree char *app_today = NULL;

  if (today == NULL)
    today = app_today = lx_date_today ();
  if (parse_iso (today, date) != ISO_OK)
    g_assert_not_reached ();
}

/* Text */

static gunichar
ascii_for_wide (gunichar c)
{
  if ((c >= 0xFF10 && c <= 0xFF19)     /* ０–９ */
      || (c >= 0xFF21 && c <= 0xFF3A)  /* Ａ–Ｚ */
      || (c >= 0xFF41 && c <= 0xFF5A)) /* ａ–ｚ */
    return c - 0xFEE0;

  switch (c)
    {
    case 0xFF0B: /* ＋ */
    case 0xFF0D: /* － */
    case 0xFF0E: /* ． */
    case 0xFF0F: /* ／ */
      return c - 0xFEE0;
    default:
      break;
    }

  /* U+3000 ideographic space, and the no-break spaces spreadsheets keep */
  if (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    return ' ';
  return c;
}

char *
lx_normalize_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  /* Every cell of an import passes here: copy ASCII bytes as they are and
   * decode only the rest. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar)*p < 0x80)
      g_string_append_c (out, *p);
    else
      g_string_append_unichar (out, ascii_for_wide (g_utf8_get_char (p)));

  return g_strstrip (g_string_free (out, FALSE));
}

/* The first character of @text (valid UTF-8) as a string, for messages. */
static void
first_char (const char *text,
            char        buf[8])
{
  int len = g_unichar_to_utf8 (g_utf8_get_char (text), buf);

  buf[len] = '\0';
}

/* ID numbers */

static char
id_check_char (const char *id)
{
  static const int weights[ID_LENGTH - 1] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;

  for (int i = 0; i < ID_LENGTH - 1; i++)
    sum += g_ascii_digit_value (id[i]) * weights[i];
  return "10X98765432"[sum % 11];
}

/* Normalized, without spaces, with an upper-case X. */
static char *
compact_id (const char *text)
{
  g_autofree char *norm = lx_normalize_text (text);
  GString *out = g_string_sized_new (ID_LENGTH);

  for (const char *p = norm; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      g_string_append_c (out, *p == 'x' ? 'X' : *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_id_format (const char  *id,
                 GError     **error)
{
  glong length;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      char bad[8];

      if (g_ascii_isdigit (*p) || (*p == 'X' && p[1] == '\0'))
        continue;
      first_char (p, bad);
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("The ID number contains “%s”: only digits are allowed, "
                     "and X as the last character"), bad);
      return FALSE;
    }

  length = g_utf8_strlen (id, -1);
  if (length == 15)
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                           _("The ID number has 15 digits, the old format; "
                             "enter the 18-digit number"));
      return FALSE;
    }
  if (length != ID_LENGTH)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   ngettext ("The ID number has %ld character instead of 18",
                             "The ID number has %ld characters instead of 18",
                             length), length);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_id_birth_date (const char  *id,
                     const char  *today,
                     GError     **error)
{
  g_autofree char *shown = g_strdup_printf ("%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
  GDate birth, today_date;
  int year = 0, month = 0, day = 0;

  parse_uint (id + 6, 4, &year);
  parse_uint (id + 10, 2, &month);
  parse_uint (id + 12, 2, &day);
  if (!set_date (&birth, year, month, day))
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_DATE,
                   _("The birth date in the ID number, %s, is not a real date"), shown);
      return FALSE;
    }
  if (year < ID_MIN_BIRTH_YEAR)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_DATE,
                   _("The birth date in the ID number, %s, is before %d"),
                   shown, ID_MIN_BIRTH_YEAR);
      return FALSE;
    }

  get_today (today, &today_date);
  if (g_date_compare (&birth, &today_date) > 0)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FUTURE,
                   _("The birth date in the ID number, %s, is after today"), shown);
      return FALSE;
    }
  return TRUE;
}

/* The birth date is checked before the check digit: a mistyped date breaks
 * both, and naming the date points at the typo. */
gboolean
lx_validate_id_number (const char  *text,
                       const char  *today,
                       char       **out_normalized,
                       GError     **error)
{
  g_autofree char *id = NULL;
  char expected;

  g_return_val_if_fail (today == NULL || is_iso_date (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = compact_id (text);
  if (*id == '\0')
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_EMPTY,
                           _("The ID number is empty"));
      return FALSE;
    }
  if (!check_id_format (id, error) || !check_id_birth_date (id, today, error))
    return FALSE;

  expected = id_check_char (id);
  if (id[ID_LENGTH - 1] != expected)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_CHECKSUM,
                   _("The check digit of the ID number is wrong (expected %c)"), expected);
      return FALSE;
    }

  if (out_normalized != NULL)
    *out_normalized = g_steal_pointer (&id);
  return TRUE;
}

char *
lx_id_number_birth_date (const char *id_number)
{
  g_autofree char *id = NULL;

  if (!lx_validate_id_number (id_number, NULL, &id, NULL))
    return NULL;
  return g_strdup_printf ("%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
}

/* Phone numbers */

typedef struct
{
  GPtrArray *groups;    /* runs of digits as written, split at separators */
  char      *extension; /* after 转, ext or #; NULL without one */
  gboolean   country;   /* written with +86 or 0086 */
} PhoneParts;

static void
phone_parts_clear (PhoneParts *parts)
{
  g_clear_pointer (&parts->groups, g_ptr_array_unref);
  g_clear_pointer (&parts->extension, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PhoneParts, phone_parts_clear)

static gboolean
is_phone_separator (gunichar c)
{
  return c == ' ' || c == '-' || c == '(' || c == ')'
         || c == 0xFF08 || c == 0xFF09 /* （） */
         || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION;
}

/* Returns the text after an extension marker, or NULL. */
static const char *
skip_extension_marker (const char *p)
{
  static const char *const markers[] = { "转", "分机", "ext.", "ext", "#" };

  for (gsize i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_ascii_strncasecmp (p, markers[i], strlen (markers[i])) == 0)
      return p + strlen (markers[i]);
  return NULL;
}

static const char *
skip_country_code (const char *p,
                   gboolean   *country)
{
  *country = TRUE;
  if (g_str_has_prefix (p, "+86") || g_str_has_prefix (p, "(+86)"))
    return p + (*p == '(' ? 5 : 3);
  if (g_str_has_prefix (p, "0086"))
    return p + 4;
  *country = FALSE;
  return p;
}

static void
end_group (PhoneParts *parts,
           GString    *group)
{
  if (group->len > 0)
    g_ptr_array_add (parts->groups, g_strndup (group->str, group->len));
  g_string_truncate (group, 0);
}

static gboolean
split_phone (const char  *text,
             PhoneParts  *parts,
             GError     **error)
{
  g_autoptr(GString) group = g_string_new (NULL);
  const char *p = skip_country_code (text, &parts->country);

  parts->groups = g_ptr_array_new_with_free_func (g_free);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *rest;
      char bad[8];

      if (g_ascii_isdigit (*p))
        g_string_append_c (group, *p);
      else if ((rest = skip_extension_marker (p)) != NULL)
        {
          end_group (parts, group);
          parts->extension = g_strstrip (g_strdup (rest));
          return TRUE;
        }
      else if (is_phone_separator (g_utf8_get_char (p)))
        end_group (parts, group);
      else
        {
          first_char (p, bad);
          g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                       _("The phone number contains “%s”, which is not a digit"), bad);
          return FALSE;
        }
    }
  end_group (parts, group);
  return TRUE;
}

static char *
join_groups (GPtrArray *groups,
             guint      n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, g_ptr_array_index (groups, i));
  return g_string_free (out, FALSE);
}

static gboolean
validate_mobile (const char  *digits,
                 char       **out_normalized,
                 GError     **error)
{
  glong length = strlen (digits);

  if (length != 11)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("A mobile number has 11 digits, but “%s” has %ld"), digits, length);
      return FALSE;
    }
  if (digits[1] < '3')
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” is not a mobile number: its second digit must be 3 to 9"), digits);
      return FALSE;
    }
  *out_normalized = g_strdup (digits);
  return TRUE;
}

/* 010 and 020–029 have three digits; every other area code 0xxx has four. */
static int
area_code_length (const char *digits)
{
  if (digits[1] == '1')
    return digits[2] == '0' ? 3 : 0;
  if (digits[1] == '2')
    return 3;
  if (digits[1] >= '3' && digits[1] <= '9')
    return 4;
  return 0;
}

static gboolean
local_length_ok (const char *digits,
                 int         area_length)
{
  gsize local = strlen (digits) - area_length;

  return local == 7 || local == 8;
}

static gboolean
validate_landline (const char  *digits,
                   PhoneParts  *parts,
                   char       **out_normalized,
                   GError     **error)
{
  g_autofree char *number = g_strdup (digits);
  int area = area_code_length (digits);
  const char *ext = parts->extension;

  if (area == 0 || strlen (digits) < (gsize)area)
    {
      int shown = digits[1] == '1' || digits[1] == '2' ? 3 : 4;

      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%.*s” is not an area code"), shown, digits);
      return FALSE;
    }

  /* Our own normalized form, area-local-extension, read back as written: a
   * first group that is the whole area code and a second that is a whole
   * local number leave the third as the extension. Joining them instead
   * turned 020-1358712-3 into 020-13587123 (found by fuzzing). */
  if (ext == NULL && parts->groups->len == 3 && !parts->country &&
      strlen (g_ptr_array_index (parts->groups, 0)) == (gsize)area &&
      (strlen (g_ptr_array_index (parts->groups, 1)) == 7 ||
       strlen (g_ptr_array_index (parts->groups, 1)) == 8))
    {
      g_free (number);
      number = join_groups (parts->groups, 2);
      ext = g_ptr_array_index (parts->groups, 2);
    }

  /* Without a marker, a last group that does not fit the number is its
   * extension: 0755 12345678-123. */
  if (!local_length_ok (number, area) && ext == NULL && parts->groups->len > 1)
    {
      const char *last = g_ptr_array_index (parts->groups, parts->groups->len - 1);
      /* Cut the last group off @digits itself, not off the joined groups:
       * @digits may carry the 0 added for a +86 number (found by fuzzing:
       * "+86 755 12345678 123" came out as 7551-2345678-123). */
      g_autofree char *shorter = g_strndup (digits, strlen (digits) - MIN (strlen (digits),
                                                                             strlen (last)));

      if ((int)strlen (shorter) > area && local_length_ok (shorter, area))
        {
          g_free (number);
          number = g_steal_pointer (&shorter);
          ext = last;
        }
    }

  if (!local_length_ok (number, area))
    {
      glong length = MAX (0, (glong)strlen (number) - area);

      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   ngettext ("The number after the area code %.*s has %ld digit; "
                             "it must have 7 or 8",
                             "The number after the area code %.*s has %ld digits; "
                             "it must have 7 or 8",
                             length), area, number, length);
      return FALSE;
    }

  if (ext != NULL && *ext != '\0')
    {
      gsize ext_length = strlen (ext);

      if (ext_length > PHONE_MAX_EXTENSION || strspn (ext, "0123456789") != ext_length)
        {
          g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                       _("“%s” is not an extension: it must be at most %d digits"),
                       ext, PHONE_MAX_EXTENSION);
          return FALSE;
        }
      *out_normalized = g_strdup_printf ("%.*s-%s-%s", area, number, number + area, ext);
    }
  else
    *out_normalized = g_strdup_printf ("%.*s-%s", area, number, number + area);
  return TRUE;
}

gboolean
lx_validate_phone (const char  *text,
                   char       **out_normalized,
                   GError     **error)
{
  g_auto(PhoneParts) parts = { NULL, NULL, FALSE };
  g_autofree char *norm = lx_normalize_text (text);
  g_autofree char *digits = NULL;
  g_autofree char *result = NULL;
  gboolean ok;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Already in its saved form, as nearly every mobile number of an import
   * is: the general path below would return it unchanged. */
  if (norm != NULL && strlen (norm) == 11 && norm[0] == '1' && norm[1] >= '3' &&
      strspn (norm, "0123456789") == 11)
    {
      if (out_normalized != NULL)
        *out_normalized = g_steal_pointer (&norm);
      return TRUE;
    }

  if (norm == NULL || *norm == '\0')
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_EMPTY,
                           _("The phone number is empty"));
      return FALSE;
    }
  if (norm[0] == '+' && !g_str_has_prefix (norm, "+86"))
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                           _("Only phone numbers of mainland China (+86) are accepted"));
      return FALSE;
    }
  if (!split_phone (norm, &parts, error))
    return FALSE;

  digits = join_groups (parts.groups, parts.groups->len);
  /* Abroad the area code is written without its 0: +86 10 12345678. */
  if (parts.country && digits[0] != '\0' && digits[0] != '0' && !(digits[0] == '1' && strlen (digits) == 11))
    {
      g_autofree char *with_zero = g_strconcat ("0", digits, NULL);

      g_free (digits);
      digits = g_steal_pointer (&with_zero);
    }

  if (digits[0] == '0')
    ok = validate_landline (digits, &parts, &result, error);
  else if (strlen (digits) == 7 || strlen (digits) == 8)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("The landline number “%s” lacks its area code, such as 010"), digits);
      ok = FALSE;
    }
  else if (digits[0] == '1' && parts.extension == NULL)
    ok = validate_mobile (digits, &result, error);
  else
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” is not a mobile or landline number"), norm);
      ok = FALSE;
    }

  if (ok && out_normalized != NULL)
    *out_normalized = g_steal_pointer (&result);
  return ok;
}

/* Dates */

gboolean
lx_validate_date (const char  *text,
                  const char  *today,
                  GError     **error)
{
  g_autofree char *shown = NULL;
  GDate date, today_date;

  g_return_val_if_fail (today == NULL || is_iso_date (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_EMPTY,
                           _("The date is empty"));
      return FALSE;
    }

  shown = g_utf8_make_valid (text, -1);
  switch (parse_iso (text, &date))
    {
    case ISO_BAD_FORMAT:
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” is not a date in the form YYYY-MM-DD"), shown);
      return FALSE;
    case ISO_NOT_REAL:
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_DATE,
                   _("“%s” is not a real date"), shown);
      return FALSE;
    case ISO_OK:
    default:
      break;
    }

  if (today != NULL)
    {
      get_today (today, &today_date);
      if (g_date_compare (&date, &today_date) > 0)
        {
          g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FUTURE,
                       _("“%s” is after today, %s"), shown, today);
          return FALSE;
        }
    }
  return TRUE;
}

/* 2024-3-5, 2024/3/5, 2024.3.5 (the same separator twice) or 2024年3月5日,
 * optionally followed by a time of day, which is dropped. */
static const char loose_date_pattern[] =
  "^(?<y>[0-9]{4})\\s*"
  "(?:(?<sep>[-/.])\\s*(?<m>[0-9]{1,2})\\s*\\k<sep>\\s*(?<d>[0-9]{1,2})"
  "|年\\s*(?<m2>[0-9]{1,2})\\s*月\\s*(?<d2>[0-9]{1,2})\\s*[日号]?)"
  "(?:(?:\\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?)?$";

static GRegex *
loose_date_regex (void)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      g_autoptr(GError) error = NULL;
      GRegex *compiled = g_regex_new (loose_date_pattern, G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (&regex, compiled);
    }
  return regex;
}

/* The first of two alternative named groups that took part in the match. */
static int
fetch_int (GMatchInfo *match,
           const char *name,
           const char *other_name)
{
  g_autofree char *text = g_match_info_fetch_named (match, name);

  if ((text == NULL || *text == '\0') && other_name != NULL)
    {
      g_free (text);
      text = g_match_info_fetch_named (match, other_name);
    }
  return text != NULL ? atoi (text) : 0;
}

static char *
parse_written_date (const char  *text,
                    GError     **error)
{
  g_autoptr(GMatchInfo) match = NULL;
  int year = 0, month = 0, day = 0;
  GDate date;

  if (strlen (text) == 8 && strspn (text, "0123456789") == 8)
    {
      parse_uint (text, 4, &year);
      parse_uint (text + 4, 2, &month);
      parse_uint (text + 6, 2, &day);
    }
  else if (g_regex_match (loose_date_regex (), text, 0, &match))
    {
      year = fetch_int (match, "y", NULL);
      month = fetch_int (match, "m", "m2");
      day = fetch_int (match, "d", "d2");
    }
  else
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” is not a date; write it like 2024-03-05"), text);
      return NULL;
    }

  if (!set_date (&date, year, month, day))
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_DATE,
                   _("“%s” is not a real date"), text);
      return NULL;
    }
  return iso_from_date (&date);
}

/* Whole digits, optionally followed by a decimal part (a time of day). */
static gboolean
looks_like_serial (const char *text,
                   gsize      *n_int_digits)
{
  gsize n = strspn (text, "0123456789");

  *n_int_digits = n;
  if (n == 0)
    return FALSE;
  if (text[n] == '\0')
    return TRUE;
  return text[n] == '.' && strspn (text + n + 1, "0123456789") == strlen (text + n + 1);
}

static char *
parse_excel_serial (const char  *text,
                    gsize        n_int_digits,
                    GError     **error)
{
  int serial = 0;
  GDate date;

  /* 1900–2100 would be serials in 1905: far likelier a year alone, or a
   * year and month such as 2024.3. */
  if (n_int_digits == 4 && parse_uint (text, 4, &serial) && serial >= 1900 && serial <= 2100)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” lacks a month or a day"), text);
      return NULL;
    }
  if (n_int_digits > 7 || !parse_uint (text, n_int_digits, &serial)
      || serial < 1 || serial > EXCEL_MAX_SERIAL)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_FORMAT,
                   _("“%s” is not a date: as a spreadsheet date number it must be "
                     "between 1 and %d"), text, EXCEL_MAX_SERIAL);
      return NULL;
    }
  if (serial == EXCEL_FAKE_LEAP_DAY)
    {
      g_set_error (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_DATE,
                   _("“%s” is not a real date: spreadsheets count it as 1900-02-29"), text);
      return NULL;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, serial < EXCEL_FAKE_LEAP_DAY ? serial : serial - 1);
  return iso_from_date (&date);
}

char *
lx_parse_date_loose (const char  *text,
                     GError     **error)
{
  g_autofree char *norm = lx_normalize_text (text);
  gsize n_int_digits;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (norm == NULL || *norm == '\0')
    {
      g_set_error_literal (error, LX_VALIDATE_ERROR, LX_VALIDATE_ERROR_EMPTY,
                           _("The date is empty"));
      return NULL;
    }
  /* Eight digits are never a serial (the last is 2958465): 20240305. */
  if (looks_like_serial (norm, &n_int_digits) && !(n_int_digits == 8 && norm[8] == '\0'))
    return parse_excel_serial (norm, n_int_digits, error);
  return parse_written_date (norm, error);
}

/* Masks */

/* Head and tail kept around @stars; shorter text is masked whole, since
 * keeping 7 of 8 characters would hide nothing. */
static char *
mask_middle (const char *text,
             glong       head,
             const char *stars,
             glong       tail)
{
  g_autofree char *valid = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  glong length;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  length = g_utf8_strlen (valid, -1);
  if (length < head + tail + (glong)strlen (stars))
    return g_strnfill (length, '*');

  start = g_utf8_substring (valid, 0, head);
  end = g_utf8_substring (valid, length - tail, length);
  return g_strconcat (start, stars, end, NULL);
}

char *
lx_mask_phone (const char *phone)
{
  return mask_middle (phone, 3, "****", 4);
}

char *
lx_mask_id_number (const char *id_number)
{
  return mask_middle (id_number, 6, "********", 4);
}
