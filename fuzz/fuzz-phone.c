/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-common.h"
#include "lx-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_utf8 (data, size);
  g_autofree char *normalized = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return 0;
  if (lx_validate_phone (text, &normalized, &error))
    {
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      /* A normalized number is valid and stays as it is. */
      g_assert_true (lx_validate_phone (normalized, &again, NULL));
      g_assert_cmpstr (again, ==, normalized);
      g_free (lx_mask_phone (normalized));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
