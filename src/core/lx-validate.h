/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LX_VALIDATE_ERROR (lx_validate_error_quark ())

typedef enum
{
  LX_VALIDATE_ERROR_EMPTY,
  LX_VALIDATE_ERROR_FORMAT,     /* wrong length or characters */
  LX_VALIDATE_ERROR_CHECKSUM,   /* GB 11643 check digit does not match */
  LX_VALIDATE_ERROR_DATE,       /* not a real calendar date */
  LX_VALIDATE_ERROR_FUTURE,     /* a date after today */
} LxValidateError;

GQuark    lx_validate_error_quark   (void);

/* Resident ID numbers (居民身份证号码, GB 11643-1999): 18 characters, the last
 * a check digit or X, with a real birth date not after @today (ISO date;
 * NULL means the real today). On success *out_normalized is the number
 * with an upper-case X. */
gboolean  lx_validate_id_number     (const char  *text,
                                     const char  *today,
                                     char       **out_normalized,
                                     GError     **error);
/* Birth date of a valid ID number as an ISO date, or NULL. */
char     *lx_id_number_birth_date   (const char  *id_number);

/* Mainland mobile (11 digits, 1[3-9]…) or landline (area code 0xx/0xxx,
 * 7–8 digit number, optional extension). Spaces, dashes, full-width digits
 * and a +86 prefix are accepted; *out_normalized is 13812345678 or
 * 010-12345678 (-123 for an extension). */
gboolean  lx_validate_phone         (const char  *text,
                                     char       **out_normalized,
                                     GError     **error);

/* Strict ISO YYYY-MM-DD, a real date, and (when @today is not NULL) not after it. */
gboolean  lx_validate_date          (const char  *text,
                                     const char  *today,
                                     GError     **error);

/* Lenient dates as found in ledgers: 2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日, full-width digits, surrounding spaces, and Excel serial
 * numbers (45356 → 2024-03-05). Returns a newly allocated ISO date. */
char     *lx_parse_date_loose       (const char  *text,
                                     GError     **error);

/* Full-width digits and letters to ASCII, spaces trimmed. */
char     *lx_normalize_text         (const char  *text);

/* Masks for exports: 138****1234 and 110101********1234. */
char     *lx_mask_phone             (const char  *phone);
char     *lx_mask_id_number         (const char  *id_number);

G_END_DECLS
