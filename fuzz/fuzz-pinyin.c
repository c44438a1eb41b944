/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-common.h"
#include "lx-pinyin.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_utf8 (data, size);
  g_autofree char *full = NULL;
  g_autofree char *initials = NULL;

  if (text == NULL)
    return 0;
  lx_pinyin_keys (text, &full, &initials);
  g_assert_nonnull (full);
  g_assert_nonnull (initials);
  g_assert_true (g_utf8_validate (full, -1, NULL));
  g_assert_cmpuint (strlen (initials), <=, strlen (full) + 1);
  return 0;
}
