/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-common.h"
#include "lx-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_utf8 (data, size);
  g_autofree char *iso = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return 0;
  iso = lx_parse_date_loose (text, &error);
  if (iso != NULL)
    {
      g_assert_no_error (error);
      /* Whatever was accepted comes out as a real ISO date. */
      g_assert_true (lx_validate_date (iso, NULL, NULL));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
