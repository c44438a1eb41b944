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
  g_autofree char *birth = NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return 0;
  if (lx_validate_id_number (text, "2026-11-26", &normalized, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (strlen (normalized), ==, 18);
      birth = lx_id_number_birth_date (normalized);
      g_assert_nonnull (birth);
      g_free (lx_mask_id_number (normalized));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
